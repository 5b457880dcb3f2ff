//! The parser crate is laid out in layers that only look down: no module reaches a
//! module that (directly or through others) reaches it back. This reads the `use`
//! paths of every source file (`crate::`, `super::`, `self::` and child-module paths;
//! a `mod x;` declaration itself is not an edge; unit tests at the end of a file are
//! left out) and fails on any cycle, naming it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`eval::ops`, `` for the crate root) -> its source file.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read src").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().and_then(|x| x.to_str()) != Some("rs") {
                continue;
            }
            let rel = p.strip_prefix(src).expect("under src").with_extension("");
            let mut segs: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(segs.last().map(String::as_str), Some("mod" | "lib")) {
                segs.pop();
            }
            out.insert(segs.join("::"), p);
        }
    }
    out
}

/// Child modules a file declares (`mod x;`, `pub mod x;`).
fn children(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l
                .strip_prefix("pub(crate) ")
                .or_else(|| l.strip_prefix("pub "))
                .unwrap_or(l);
            let name = l.strip_prefix("mod ")?.strip_suffix(';')?;
            Some(name.trim().to_string())
        })
        .collect()
}

/// Every path that starts with `root::` in `text`, braces expanded one level.
fn paths_after(text: &str, root: &str) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let pat = format!("{root}::");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(&pat) {
        let at = from + i;
        from = at + pat.len();
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| ident(c) || c == ':') {
            continue;
        }
        let rest = &text[from..];
        let end = rest
            .find(|c: char| !(ident(c) || c == ':' || c == '{'))
            .unwrap_or(rest.len());
        let head = &rest[..end];
        match head.split_once('{') {
            Some((base, _)) => {
                let close = rest.find('}').unwrap_or(rest.len());
                let inner = &rest[base.len() + 1..close];
                for item in inner.split(',') {
                    let mut p: Vec<String> = base
                        .split("::")
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect();
                    p.extend(
                        item.trim()
                            .split("::")
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty()),
                    );
                    out.push(p);
                }
            }
            None => out.push(
                head.split("::")
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
            ),
        }
    }
    out
}

fn edges(mods: &BTreeMap<String, PathBuf>) -> BTreeMap<String, BTreeSet<String>> {
    let resolve = |segs: &[String]| -> Option<String> {
        (1..=segs.len())
            .rev()
            .map(|i| segs[..i].join("::"))
            .find(|m| mods.contains_key(m))
    };
    let mut out = BTreeMap::new();
    for (m, file) in mods {
        let source = std::fs::read_to_string(file).expect("read");
        // Unit tests at the end of a file (`mod tests { use super::*; }`) are not
        // part of the layering.
        let source = source.split("#[cfg(test)]").next().unwrap_or("");
        let text: String = source
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let here: Vec<String> = m
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let mut targets = BTreeSet::new();
        let mut roots: Vec<(String, Vec<String>)> = vec![
            ("crate".into(), vec![]),
            (
                "super".into(),
                here[..here.len().saturating_sub(1)].to_vec(),
            ),
            ("self".into(), here.clone()),
        ];
        for c in children(&text) {
            let mut p = here.clone();
            p.push(c.clone());
            roots.push((c, p));
        }
        for (root, prefix) in roots {
            for path in paths_after(&text, &root) {
                let mut full = prefix.clone();
                full.extend(path);
                // A path into the crate root's own items (`crate::Span`) is an edge
                // to the root.
                let t = resolve(&full).unwrap_or_default();
                if t != *m {
                    targets.insert(t);
                }
            }
        }
        out.insert(m.clone(), targets);
    }
    out
}

/// Cycles (strongly connected components with more than one module).
fn cycles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Reachability is small enough to compute directly.
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(n) = stack.pop() {
            for t in g.get(&n).into_iter().flatten() {
                if seen.insert(t.clone()) {
                    stack.push(t.clone());
                }
            }
        }
        seen
    };
    let all: BTreeMap<&String, BTreeSet<String>> = g.keys().map(|k| (k, reach(k))).collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    for (k, r) in &all {
        if !r.contains(*k) {
            continue;
        }
        let mut comp: Vec<String> = all
            .iter()
            .filter(|(o, ro)| r.contains(**o) && ro.contains(*k))
            .map(|(o, _)| (*o).clone())
            .collect();
        comp.sort();
        if !out.contains(&comp) {
            out.push(comp);
        }
    }
    out
}

#[test]
fn the_parser_modules_form_no_cycle() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mods = modules(&src);
    assert!(mods.contains_key("eval::ops"), "{:?}", mods.keys());
    let g = edges(&mods);
    // The edges this check relies on are found at all.
    assert!(g["model::build"].contains("eval"), "{g:?}");
    assert!(g["eval"].contains("model::types"), "{g:?}");
    let found = cycles(&g);
    let show: Vec<String> = found.iter().map(|c| c.join(" <-> ")).collect();
    assert_eq!(show, Vec::<String>::new(), "edges: {g:#?}");
}
