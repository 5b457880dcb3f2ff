//! The Terraform model: modules, resources (with Terraform addresses and evaluated
//! bodies), providers, and the problems met while reading them.

mod build;
mod decl;
pub mod load;
pub mod types;
mod vartype;

use crate::eval::{Evaluator, ExtraFiles};
use crate::span::FileId;
use crate::syntax::ast::Body;
use decl::Calls;
pub use load::KeepSyntax;
use load::{LoadOptions, Parsed, PathError, Sources};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
pub use types::{Mode, Model, ModuleInst, Resource, UninstalledModule};

/// Reads, parses and evaluates everything `opts` names.
pub fn build(opts: &LoadOptions) -> Result<Model, PathError> {
    build_releasing(opts, &|_, _| true)
}

/// [`build`], freeing the syntax trees nothing reads after evaluation, but those `keep`
/// asks for: each directory's as soon as the last root module that reads it is evaluated
/// (on a tree of many root modules the trees are not all held at once with the values
/// made from them; see `last_reads`), the rest once every root is. Under
/// [`KEEP_SYNTAX_BELOW`] of text all are kept.
pub fn build_releasing(opts: &LoadOptions, keep: &KeepSyntax) -> Result<Model, PathError> {
    let mut src = load::load(opts)?;
    if src.files.text_bytes() < KEEP_SYNTAX_BELOW {
        return Ok(build_from(&mut src));
    }
    Ok(evaluate_roots(&mut src, keep))
}

pub fn build_from(src: &mut Sources) -> Model {
    evaluate_roots(src, &|_, _| true)
}

/// Below this much source text every syntax tree is kept for the whole run: freeing
/// trees costs 5-10 % of a run's CPU (on a thread beside the evaluation and the rules),
/// while trees under this size take at most ~40 MB (about ten times their text). Most
/// repositories, and every pre-commit or editor run, are under it.
pub const KEEP_SYNTAX_BELOW: usize = 4 << 20;

/// Roots evaluated together before their trees are freed: enough to keep the cores
/// busy, few enough that most trees are gone before the last roots are evaluated.
const ROOT_BATCH: usize = 128;

fn evaluate_roots(src: &mut Sources, keep: &KeepSyntax) -> Model {
    let (roots, mut calls) = find_roots(src);
    let remote = decl::preload(src, &roots, &mut calls);
    let base = src.files.len();
    // Root modules are independent: each is evaluated on its own, in parallel, and the
    // results are joined in root order, which is what evaluating them one after the
    // other gives. The one thing they share is the files that `file()` and
    // `templatefile()` read outside the walked set, numbered in the order they are
    // first read: a root that read such files after an earlier root did is evaluated
    // again, in order, seeing the earlier ones, so every id is what a serial run gives.
    let evaluate = |src: &Sources, dir: &PathBuf, extra: ExtraFiles| {
        let b = build::Builder::new(src, &remote);
        let ev = Evaluator::new(&b, extra);
        b.root(&ev, dir);
        let extra = ev.extra.into_inner();
        RootOut {
            issues: b.issues.take(),
            uninstalled: b.uninstalled.take(),
            resources: b.into_resources(),
            extra,
        }
    };
    let batches: Vec<&[PathBuf]> = roots.chunks(ROOT_BATCH).collect();
    let mut last_read = last_reads(src, &batches, &remote, &mut calls);
    // Whether a file's tree outlives evaluation is asked once, in parallel: the
    // question scans the file's text, which took milliseconds between batches.
    let files = &src.files;
    let kept: Vec<bool> = src
        .parsed
        .par_iter()
        .enumerate()
        .map(|(i, p)| p.body.is_none() || keep(files.get(FileId::new(i as u32)), p))
        .collect();
    let mut outs: Vec<RootOut> = Vec::with_capacity(roots.len());
    let freer = Freer::start();
    for (i, batch) in batches.iter().enumerate() {
        let done: Vec<RootOut> = batch
            .par_iter()
            .map(|dir| evaluate(src, dir, build::extra_files(base)))
            .collect();
        // A root that read files with `file()` may be evaluated again below: what it
        // reads keeps its trees until then.
        for (dir, out) in batch.iter().zip(&done) {
            if !out.extra.files.is_empty() {
                for d in reads(src, &mut calls, dir, &remote) {
                    last_read.remove(&d);
                }
            }
        }
        let mut trees = Vec::new();
        last_read.retain(|dir, last| {
            if *last == i {
                trees.extend(src.release_dir(dir, &kept));
            }
            *last != i
        });
        freer.free(trees);
        outs.extend(done);
    }
    let mut extra = build::extra_files(base);
    let mut resources = Vec::with_capacity(outs.iter().map(|o| o.resources.len()).sum());
    let (mut issues, mut uninstalled) = (Vec::new(), Vec::new());
    for (dir, mut out) in roots.iter().zip(outs) {
        if !out.extra.files.is_empty() {
            if !extra.files.is_empty() {
                out = evaluate(src, dir, extra);
            }
            extra = out.extra;
        }
        resources.extend(out.resources);
        issues.extend(out.issues);
        uninstalled.extend(out.uninstalled);
    }
    for (path, text) in extra.files {
        src.files.add(path, text);
        src.parsed.push(Parsed {
            kind: load::FileKind::Plan,
            body: None,
            plan: None,
            comments: vec![],
        });
    }
    let resources = with_plans(src, resources, &roots);
    let mut all_issues = std::mem::take(&mut src.issues);
    all_issues.extend(issues);
    // The rest nothing reads any more: the trees of roots evaluated again, and of
    // directories no root reads. (Files added since `kept` have no tree.)
    let rest: Vec<Body> = src
        .parsed
        .par_iter_mut()
        .enumerate()
        .filter(|(i, _)| kept.get(*i) == Some(&false))
        .filter_map(|(_, p)| p.body.take())
        .collect();
    freer.free(rest);
    Model {
        files: std::mem::take(&mut src.files),
        parsed: std::mem::take(&mut src.parsed),
        resources,
        issues: all_issues,
        roots,
        uninstalled,
    }
}

/// For each directory the roots read, the batch of roots that reads it last: its trees
/// are freed after that batch. A root reads its own directory and the modules it calls,
/// local or installed, and theirs; on a tree of environments sharing modules, a shared
/// module's trees go with the last environment that calls it. The batch numbers are
/// raised along the calls until nothing changes, so the work grows with the calls, not
/// with roots times the modules each reaches.
fn last_reads(
    src: &Sources,
    batches: &[&[PathBuf]],
    remote: &HashMap<PathBuf, HashMap<String, PathBuf>>,
    calls: &mut Calls,
) -> HashMap<PathBuf, usize> {
    let mut last: HashMap<PathBuf, usize> = HashMap::new();
    let mut queue = Vec::new();
    for (i, batch) in batches.iter().enumerate() {
        for root in batch.iter() {
            for d in entered(root, remote) {
                raise(&mut last, &mut queue, d, i);
            }
        }
    }
    while let Some(d) = queue.pop() {
        let i = last.get(&d).copied().unwrap_or_default();
        for t in calls.of(src, &d).to_vec() {
            raise(&mut last, &mut queue, &t, i);
        }
    }
    last
}

/// Makes `i` the last batch reading `d` if it is later than the one known, and queues
/// `d` so that what it calls is raised too.
fn raise(last: &mut HashMap<PathBuf, usize>, queue: &mut Vec<PathBuf>, d: &PathBuf, i: usize) {
    match last.get_mut(d) {
        Some(at) if *at >= i => {}
        Some(at) => {
            *at = i;
            queue.push(d.clone());
        }
        None => {
            last.insert(d.clone(), i);
            queue.push(d.clone());
        }
    }
}

/// The directories evaluating `root` reads (see [`last_reads`]).
fn reads(
    src: &Sources,
    calls: &mut Calls,
    root: &PathBuf,
    remote: &HashMap<PathBuf, HashMap<String, PathBuf>>,
) -> HashSet<PathBuf> {
    let mut seen = HashSet::new();
    let mut queue: Vec<PathBuf> = entered(root, remote).cloned().collect();
    while let Some(d) = queue.pop() {
        if seen.contains(&d) {
            continue;
        }
        queue.extend(calls.of(src, &d).iter().cloned());
        seen.insert(d);
    }
    seen
}

/// Where evaluating `root` starts reading: its own directory and the installed modules
/// its `modules.json` lists (local calls are followed from these).
fn entered<'a>(
    root: &'a PathBuf,
    remote: &'a HashMap<PathBuf, HashMap<String, PathBuf>>,
) -> impl Iterator<Item = &'a PathBuf> {
    std::iter::once(root).chain(remote.get(root).into_iter().flat_map(|m| m.values()))
}

/// Frees syntax trees on a thread of its own: freeing millions of nodes takes tens of
/// milliseconds on a large tree, and nothing needs to wait for it.
struct Freer(Option<std::sync::mpsc::Sender<Vec<Body>>>);

impl Freer {
    fn start() -> Freer {
        let (tx, rx) = std::sync::mpsc::channel::<Vec<Body>>();
        let spawned = std::thread::Builder::new().spawn(move || rx.into_iter().for_each(drop));
        Freer(spawned.ok().map(|_| tx))
    }

    /// Without a thread, the trees are freed here.
    fn free(&self, trees: Vec<Body>) {
        if let Some(tx) = &self.0 {
            let _ = tx.send(trees);
        }
    }
}

/// What evaluating one root module gives.
struct RootOut {
    resources: Vec<Resource>,
    issues: Vec<load::LoadIssue>,
    uninstalled: Vec<UninstalledModule>,
    extra: ExtraFiles,
}

/// Root modules: walked directories holding configuration that no other walked
/// directory calls as a local module. Also returns those calls.
fn find_roots(src: &Sources) -> (Vec<PathBuf>, Calls) {
    let has_config = |d: &PathBuf| {
        src.dirs.get(d).is_some_and(|fs| {
            fs.iter().any(|f| {
                matches!(
                    src.parsed(*f).kind,
                    load::FileKind::Config | load::FileKind::ConfigJson
                )
            })
        })
    };
    let walked: Vec<PathBuf> = src
        .walked_dirs
        .iter()
        .filter(|d| has_config(d))
        .cloned()
        .collect();
    let calls: HashMap<PathBuf, Vec<PathBuf>> = walked
        .par_iter()
        .map(|d| (d.clone(), decl::local_targets(src, d)))
        .collect();
    // A directory calling itself is still a root: its cycle is reported when built.
    let called: HashSet<&PathBuf> = calls
        .iter()
        .flat_map(|(d, targets)| targets.iter().filter(move |t| *t != d))
        .collect();
    let roots = walked
        .iter()
        .filter(|d| !called.contains(d))
        .cloned()
        .collect();
    (roots, Calls::from(calls))
}

/// Adds the resources of every plan. A plan whose directory is an analysed root module
/// describes that configuration: its values fill in what the HCL could not know (spans
/// stay on the `.tf` source) and its extra instances are added; a plan alone is read
/// as is, spans in the plan file.
fn with_plans(src: &Sources, mut resources: Vec<Resource>, roots: &[PathBuf]) -> Vec<Resource> {
    for &fid in &src.plans {
        let Some(plan) = &src.parsed(fid).plan else {
            continue;
        };
        let path = &src.files.get(fid).path;
        let dir = path
            .parent()
            .map(load::clean)
            .unwrap_or_else(|| PathBuf::from("."));
        let from_plan = crate::plan::resources(fid, plan, &dir);
        let covered = roots.contains(&dir);
        for pr in from_plan {
            let twin = resources
                .iter_mut()
                .find(|r| covered && r.address == pr.address && !r.from_plan);
            match twin {
                Some(r) => r.body = crate::plan::merge(&r.body, &pr.body),
                None => resources.push(pr),
            }
        }
    }
    resources
}
