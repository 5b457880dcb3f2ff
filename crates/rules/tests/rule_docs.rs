//! rules/*.md is the one source of truth for each rule: every rule has a file whose
//! front matter matches the registry and whose examples run: *Example* produces
//! exactly this rule (plus any `also:`), *Use instead* produces nothing.

mod common;

use bedrock_lint_rules::{docs, Config, ALL};
use common::*;
use std::path::Path;

const SECTIONS: &[&str] = &[
    "## What it catches",
    "## Why it matters",
    "## Example",
    "## Use instead",
    "## Fix",
    "## Configuration",
    "## References",
];

/// Fenced blocks of one section: (info string, code).
fn blocks(section: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = section.lines();
    while let Some(l) = lines.next() {
        if let Some(info) = l.trim_start().strip_prefix("```") {
            let mut code = String::new();
            for l in lines.by_ref() {
                if l.trim_start().starts_with("```") {
                    break;
                }
                code.push_str(l);
                code.push('\n');
            }
            out.push((info.trim().to_string(), code));
        }
    }
    out
}

fn section<'a>(doc: &'a str, title: &str) -> &'a str {
    let start = doc
        .find(title)
        .map(|i| i + title.len())
        .unwrap_or(doc.len());
    let rest = &doc[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

/// Lints the section's example in a fresh directory; returns the codes found.
fn run_example(name: &str, sec: &str) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("bedrock-lint-doc-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut config = String::from("invocation_logging = \"external\"\n");
    for (info, code) in blocks(sec) {
        let mut words = info.split_whitespace();
        if words.next() != Some("hcl") {
            continue;
        }
        match words.next() {
            Some("config") => config = code,
            Some(f) if f.starts_with("file=") => {
                let p = dir.join(&f[5..]);
                std::fs::create_dir_all(p.parent().unwrap_or(Path::new("."))).expect("dir");
                std::fs::write(p, code).expect("write");
            }
            _ => std::fs::write(dir.join("main.tf"), code).expect("write"),
        }
    }
    let cfg_path = dir.join(".bedrock-lint.hcl");
    std::fs::write(&cfg_path, &config).expect("write config");
    let cfg = Config::load(&cfg_path).unwrap_or_else(|e| panic!("{name}: config: {e}"));
    let report = lint_dir(&dir, Some(cfg));
    let mut codes: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| !d.suppressed)
        .map(|d| d.rule.code().to_string())
        .collect();
    codes.sort();
    codes.dedup();
    let _ = std::fs::remove_dir_all(&dir);
    codes
}

#[test]
fn every_rule_has_a_matching_document() {
    let mut problems = Vec::new();
    for r in ALL {
        let Some(doc) = docs::doc(*r) else {
            problems.push(format!(
                "{}: no rules/{}-{}.md",
                r.code(),
                r.code(),
                r.name()
            ));
            continue;
        };
        for (key, want) in [
            ("code", r.code()),
            ("name", r.name()),
            ("severity", r.default_severity().as_str()),
        ] {
            if docs::front_matter(*r, key) != Some(want) {
                problems.push(format!(
                    "{}: front matter {key} is {:?}, registry says {want}",
                    r.code(),
                    docs::front_matter(*r, key)
                ));
            }
        }
        let fw = docs::front_matter(*r, "frameworks").unwrap_or("");
        let doc_fw: Vec<&str> = fw
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        if doc_fw != r.meta().frameworks {
            problems.push(format!(
                "{}: frameworks {doc_fw:?} in the doc, {:?} in the rule",
                r.code(),
                r.meta().frameworks
            ));
        }
        for s in SECTIONS {
            if !doc.contains(s) {
                problems.push(format!("{}: missing section {s}", r.code()));
            }
        }
    }
    pretty_assertions::assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn rule_examples_produce_exactly_their_rule() {
    let mut problems = Vec::new();
    for r in ALL {
        let Some(doc) = docs::doc(*r) else { continue };
        let mut allowed = vec![r.code().to_string()];
        if let Some(also) = docs::front_matter(*r, "also") {
            allowed.extend(also.split(',').map(|s| s.trim().to_string()));
        }
        let bad = run_example(&format!("{}-bad", r.code()), section(doc, "## Example"));
        if !bad.contains(&r.code().to_string()) || bad.iter().any(|c| !allowed.contains(c)) {
            problems.push(format!("{} Example: got {bad:?}", r.code()));
        }
        let good = run_example(
            &format!("{}-good", r.code()),
            section(doc, "## Use instead"),
        );
        if !good.is_empty() {
            problems.push(format!("{} Use instead: got {good:?}", r.code()));
        }
    }
    pretty_assertions::assert_eq!(problems, Vec::<String>::new());
}
