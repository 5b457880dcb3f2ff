//! Declarations: what a module directory declares (read once per directory), which
//! module directories a root reaches (local sources and `.terraform/modules`).

use super::load::{clean, FileKind, Sources};
use super::types::{BlockRef, Decl};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The declarations of the module in `dir`: where each variable, local, resource,
/// module call and output is written.
pub(crate) fn declarations(src: &Sources, dir: &Path) -> Decl {
    let mut d = Decl::default();
    for &fid in src.dirs.get(dir).map(Vec::as_slice).unwrap_or(&[]) {
        let parsed = src.parsed(fid);
        let Some(body) = &parsed.body else { continue };
        if matches!(parsed.kind, FileKind::Vars | FileKind::VarsJson) {
            d.vars_files.push(fid);
            continue;
        }
        for (i, b) in body.blocks.iter().enumerate() {
            let r = BlockRef(fid, i);
            let label = |n: usize| b.labels.get(n).map(|l| l.to_string()).unwrap_or_default();
            match b.ident.as_str() {
                "variable" => {
                    d.variables.insert(label(0), r);
                }
                "locals" => {
                    for (j, a) in b.body.attributes.iter().enumerate() {
                        d.locals.insert(a.key.to_string(), (fid, i, j));
                    }
                }
                "resource" => {
                    d.resources.push(r);
                    d.by_address
                        .entry(format!("{}.{}", label(0), label(1)))
                        .or_insert(r);
                }
                "data" => {
                    d.data.push(r);
                    d.by_address
                        .entry(format!("data.{}.{}", label(0), label(1)))
                        .or_insert(r);
                }
                "module" => d.modules.push(r),
                "output" => {
                    d.outputs.insert(label(0), r);
                }
                "provider" => d.providers.push(r),
                _ => {}
            }
        }
    }
    // tfvars apply to root modules only, in Terraform's order.
    d.vars_files
        .sort_by_key(|f| vars_order(&src.files.get(*f).path));
    d
}

fn vars_order(p: &Path) -> (u8, String) {
    let n = p
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string();
    let rank = match n.as_str() {
        "terraform.tfvars" => 0,
        "terraform.tfvars.json" => 1,
        _ => 2,
    };
    (rank, n)
}

/// Reads `.terraform/modules/modules.json` of a root module, if present.
pub fn remote_modules(dir: &Path) -> HashMap<String, PathBuf> {
    let mut out = HashMap::new();
    let path = dir.join(".terraform/modules/modules.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return out;
    };
    let Ok(json) = crate::syntax::json::parse(&text) else {
        return out;
    };
    for m in json
        .get("Modules")
        .and_then(|m| m.as_array())
        .unwrap_or(&[])
    {
        if let (Some(k), Some(d)) = (
            m.get("Key").and_then(|k| k.as_str()),
            m.get("Dir").and_then(|d| d.as_str()),
        ) {
            if !k.is_empty() {
                out.insert(k.to_string(), clean(&dir.join(d)));
            }
        }
    }
    out
}

/// The files to read before evaluation: local module directories reachable from
/// `dirs`, and remote ones listed in modules.json.
pub(crate) fn preload(
    src: &mut Sources,
    roots: &[PathBuf],
    calls: &mut Calls,
) -> HashMap<PathBuf, HashMap<String, PathBuf>> {
    let mut remote = HashMap::new();
    let mut queue: Vec<PathBuf> = roots.to_vec();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    // One modules.json to look for per root: thousands of roots, read in parallel.
    let listed: Vec<HashMap<String, PathBuf>> =
        roots.par_iter().map(|r| remote_modules(r)).collect();
    for (r, mods) in roots.iter().zip(listed) {
        for d in mods.values() {
            queue.push(d.clone());
        }
        remote.insert(r.clone(), mods);
    }
    while let Some(dir) = queue.pop() {
        if !seen.insert(dir.clone()) || seen.len() > 10_000 {
            continue;
        }
        src.ensure_dir(&dir);
        queue.extend(calls.of(src, &dir).iter().cloned());
    }
    remote
}

/// The directories each directory's module blocks call locally ([`local_targets`]),
/// read once: finding the roots, reading the modules they call and deciding when each
/// tree can go all follow the same calls. A directory is asked only once its files are
/// read.
#[derive(Default)]
pub(crate) struct Calls(HashMap<PathBuf, Vec<PathBuf>>);

impl From<HashMap<PathBuf, Vec<PathBuf>>> for Calls {
    fn from(calls: HashMap<PathBuf, Vec<PathBuf>>) -> Calls {
        Calls(calls)
    }
}

impl Calls {
    pub(crate) fn of(&mut self, src: &Sources, dir: &Path) -> &[PathBuf] {
        self.0
            .entry(dir.to_path_buf())
            .or_insert_with(|| local_targets(src, dir))
    }
}

/// Directories that `dir`'s module blocks call with a local `./` or `../` source.
pub(crate) fn local_targets(src: &Sources, dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for &fid in src.dirs.get(dir).map(Vec::as_slice).unwrap_or(&[]) {
        let Some(body) = &src.parsed(fid).body else {
            continue;
        };
        for b in body.blocks_named("module") {
            if let Some(s) = b
                .body
                .attribute("source")
                .and_then(|s| s.value.as_literal_str())
            {
                if s.starts_with("./") || s.starts_with("../") {
                    out.push(clean(&dir.join(s)));
                }
            }
        }
    }
    out
}
