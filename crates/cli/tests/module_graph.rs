//! No import cycle between the files of any crate of the workspace (parser, rules,
//! CLI): every `crate::…`, `super::…`,
//! `self::…` path (in `use` items, grouped ones expanded, and inline in code) and
//! every `use child::…` of a child module is an edge from its file to the file of the
//! deepest module the path names. `mod x;` declarations are not edges; a file's
//! `#[cfg(test)]` tail is skipped (its `super::` means the file itself).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type ModPath = Vec<String>;

fn src_dir() -> PathBuf {
    crate_src("cli")
}

fn crate_src(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates")
        .join(name)
        .join("src")
}

/// Module path of every file under `src` (lib.rs is the root, main.rs is left out:
/// it is another crate).
fn modules(src: &Path) -> BTreeMap<ModPath, PathBuf> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(src) {
        let e = e.expect("walk src");
        let p = e.path();
        if p.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = p.strip_prefix(src).expect("under src");
        let mut parts: Vec<String> = rel
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        let last = parts.pop().expect("a file name");
        match last.as_str() {
            "main.rs" if parts.is_empty() => continue,
            "lib.rs" if parts.is_empty() => {}
            "mod.rs" => {}
            f => parts.push(f.trim_end_matches(".rs").to_string()),
        }
        out.insert(parts, p.to_path_buf());
    }
    out
}

/// The code of a file without comments, string literals and its `#[cfg(test)]` tail.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                // Raw strings (r#"…"#) hold no `crate::` paths that matter; a plain
                // string is skipped to its closing quote.
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Expands a use tree (`a::{b, c::{d, e}}`) into its paths.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(p).into_iter().map(|s| format!("{prefix}{s}")))
        .collect()
}

fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(|s| {
            s.trim()
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

/// The module a path points into, from the module `here` (with `aliases`: names a
/// `use` bound to modules), and whether the whole path named modules.
fn resolve(
    here: &ModPath,
    path: &[String],
    mods: &BTreeMap<ModPath, PathBuf>,
    aliases: &BTreeMap<String, ModPath>,
) -> Option<(ModPath, bool)> {
    let mut base: ModPath;
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base = vec![];
            rest = &rest[1..];
        }
        Some("self") => {
            base = here.clone();
            rest = &rest[1..];
        }
        Some("super") => {
            base = here.clone();
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        Some(first) => {
            let mut child = here.clone();
            child.push(first.to_string());
            if mods.contains_key(&child) {
                base = here.clone();
            } else {
                base = aliases.get(first)?.clone();
                rest = &rest[1..];
            }
        }
        None => return None,
    }
    let mut all = true;
    for seg in rest {
        let mut next = base.clone();
        next.push(seg.clone());
        if mods.contains_key(&next) {
            base = next;
        } else {
            all = false;
            break;
        }
    }
    Some((base, all))
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every `a::b::c` path written in `code` (not preceded by `::`).
fn inline_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find("::") {
        let at = from + i;
        let start = code[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_ident(*c))
            .last()
            .map_or(at, |(j, _)| j);
        let before = code[..start].chars().next_back();
        if start < at && before.is_none_or(|c| c != ':') {
            let end = code[at..]
                .find(|c: char| !(is_ident(c) || c == ':'))
                .map_or(code.len(), |e| at + e);
            out.push(code[start..end].to_string());
            from = end.max(at + 2);
        } else {
            from = at + 2;
        }
    }
    out
}

fn edges(mods: &BTreeMap<ModPath, PathBuf>) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let mut graph: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (here, file) in mods {
        let code = code_of(&std::fs::read_to_string(file).expect("read source"));
        let out = graph.entry(here.clone()).or_default();
        let mut aliases: BTreeMap<String, ModPath> = BTreeMap::new();
        // `use` items, grouped trees expanded; a use naming a module binds its name.
        for stmt in code.split(';') {
            let s = stmt.trim_start();
            let s = s.strip_prefix("pub(crate) ").unwrap_or(s);
            let s = s.strip_prefix("pub(super) ").unwrap_or(s);
            let s = s.strip_prefix("pub ").unwrap_or(s);
            let Some(tree) = s.strip_prefix("use ") else {
                continue;
            };
            for p in expand(tree) {
                let (p, alias) = match p.split_once(" as ") {
                    Some((p, a)) => (p.to_string(), Some(a.trim().to_string())),
                    None => (p, None),
                };
                let segs = segments(&p);
                if let Some((target, all)) = resolve(here, &segs, mods, &aliases) {
                    if all {
                        let name = alias.or_else(|| segs.last().cloned()).unwrap_or_default();
                        aliases.insert(name, target.clone());
                    }
                    out.insert(target);
                }
            }
        }
        // Paths in code: crate::a::b(…), super::x, alias::y, child::z.
        for p in inline_paths(&code) {
            if let Some((target, _)) = resolve(here, &segments(&p), mods, &aliases) {
                out.insert(target);
            }
        }
        out.remove(here);
    }
    graph
}

fn find_cycle(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Option<Vec<ModPath>> {
    fn visit(
        n: &ModPath,
        graph: &BTreeMap<ModPath, BTreeSet<ModPath>>,
        stack: &mut Vec<ModPath>,
        done: &mut BTreeSet<ModPath>,
    ) -> Option<Vec<ModPath>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(n.clone());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.clone());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.clone());
        None
    }
    let mut done = BTreeSet::new();
    for n in graph.keys() {
        if let Some(c) = visit(n, graph, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

fn name(m: &ModPath) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

#[test]
fn no_import_cycle_between_files() {
    let mods = modules(&src_dir());
    let graph = edges(&mods);
    // The checker sees the edges it must: without them it would pass vacuously.
    let error = vec!["error".to_string()];
    let check = vec!["commands".to_string(), "check".to_string()];
    let run = vec!["run".to_string()];
    assert!(graph[&check].contains(&error), "{:?}", graph[&check]);
    // `use crate::commands;` then `commands::check::command(…)`.
    assert!(graph[&run].contains(&check), "{:?}", graph[&run]);
    for krate in ["parser", "rules", "cli"] {
        let graph = edges(&modules(&crate_src(krate)));
        if let Some(cycle) = find_cycle(&graph) {
            let names: Vec<String> = cycle.iter().map(name).collect();
            panic!("import cycle in the {krate} crate: {}", names.join(" -> "));
        }
    }
    // The other crates' edges are seen too (the rules crate's registry reaches the
    // rule files, which reach the shared leaf `rule_id`).
    let rules = edges(&modules(&crate_src("rules")));
    let registry = vec!["registry".to_string()];
    assert!(
        rules[&registry].contains(&vec!["rule_id".to_string()]),
        "{:?}",
        rules[&registry]
    );
}

#[test]
fn the_checker_finds_a_cycle() {
    let m = |s: &str| -> ModPath { s.split("::").map(String::from).collect() };
    let mut graph = BTreeMap::new();
    graph.insert(m("run"), BTreeSet::from([m("commands::check")]));
    graph.insert(m("commands::check"), BTreeSet::from([m("run")]));
    assert!(find_cycle(&graph).is_some());
    assert_eq!(
        expand("crate::{a::B, c::{d, e::F}}"),
        vec!["crate::a::B", "crate::c::d", "crate::c::e::F"]
    );
}
