//! The Terraform model: modules, resources (with Terraform addresses and evaluated
//! bodies), providers, and the problems met while reading them.

mod build;
mod decl;
pub mod load;
pub mod types;
mod vartype;

use crate::eval::Evaluator;
use load::{LoadOptions, Parsed, PathError, Sources};
use std::collections::HashSet;
use std::path::PathBuf;
pub use types::{Mode, Model, ModuleInst, Resource, UninstalledModule};

/// Reads, parses and evaluates everything `opts` names.
pub fn build(opts: &LoadOptions) -> Result<Model, PathError> {
    let mut src = load::load(opts)?;
    Ok(build_from(&mut src))
}

pub fn build_from(src: &mut Sources) -> Model {
    let roots = find_roots(src);
    let remote = decl::preload(src, &roots);
    let base = src.files.len();
    let (resources, issues, uninstalled, extra) = {
        let b = build::Builder::new(src, remote);
        let ev = Evaluator::new(&b, build::extra_files(base));
        for r in &roots {
            b.root(&ev, r);
        }
        let extra = ev.extra.into_inner();
        (
            b.resources.into_inner(),
            b.issues.into_inner(),
            b.uninstalled.into_inner(),
            extra,
        )
    };
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
    Model {
        files: std::mem::take(&mut src.files),
        parsed: std::mem::take(&mut src.parsed),
        resources,
        issues: all_issues,
        roots,
        uninstalled,
    }
}

/// Root modules: walked directories holding configuration that no other walked
/// directory calls as a local module.
fn find_roots(src: &Sources) -> Vec<PathBuf> {
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
    let called: HashSet<PathBuf> = walked
        .iter()
        // A directory calling itself is still a root: its cycle is reported when built.
        .flat_map(|d| {
            decl::local_targets(src, d)
                .into_iter()
                .filter(move |t| t != d)
        })
        .collect();
    walked.into_iter().filter(|d| !called.contains(d)).collect()
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
