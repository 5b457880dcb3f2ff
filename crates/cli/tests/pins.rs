//! Install and CI recipes pin what exists: every `--tag`, `--rev`, `--branch` and
//! pre-commit `rev:` in the docs is either a placeholder the reader fills in
//! (`<commit>`) or a ref of this repository, and no doc names the tag `v0.1.0`,
//! which was never made. `bedrock-lint init` writes no made-up URL.

mod common;

use common::{repo, tree};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_bedrock-lint");

/// Every Markdown file of docs/ and the README, with its name.
fn docs() -> Vec<(String, String)> {
    let mut out = vec![(
        "README.md".to_string(),
        std::fs::read_to_string(repo().join("README.md")).expect("README"),
    )];
    let mut names: Vec<_> = std::fs::read_dir(repo().join("docs"))
        .expect("docs/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    names.sort();
    for p in names {
        let text = std::fs::read_to_string(&p).expect("read doc");
        out.push((p.display().to_string(), text));
    }
    out
}

/// The refs a doc pins: the word after the flags `--tag`, `--rev`, `--branch` and
/// the YAML key `rev:` (not the words "tag" or "rev" in prose).
fn pinned(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            if matches!(
                pair[0].trim_start_matches('`'),
                "--tag" | "--rev" | "--branch" | "rev:"
            ) {
                out.push(
                    pair[1]
                        .trim_end_matches(['.', ',', ')', ';'])
                        .trim_matches('`')
                        .to_string(),
                );
            }
        }
    }
    out
}

/// Does `r` name a commit of this repository's git history?
fn exists(r: &str) -> bool {
    Command::new("git")
        .args(["rev-parse", "--verify", "--quiet"])
        .arg(format!("{r}^{{commit}}"))
        .current_dir(repo())
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn docs_pin_only_refs_that_exist() {
    let mut bad = Vec::new();
    let mut placeholders = 0;
    for (name, text) in docs() {
        if text.contains("v0.1.0") {
            bad.push(format!(
                "{name}: names the tag v0.1.0, which does not exist"
            ));
        }
        if text.contains("<repository-url>") {
            bad.push(format!(
                "{name}: <repository-url> says nowhere what to fill in"
            ));
        }
        for r in pinned(&text) {
            if r.starts_with('<') && r.ends_with('>') {
                placeholders += 1;
            } else if !exists(&r) {
                bad.push(format!("{name}: pins {r:?}, not a ref of this repository"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // The recipes are found: install.md and ci.md pin a commit several times.
    assert!(placeholders >= 5, "only {placeholders} pins found");
}

#[test]
fn pinned_reads_flags_and_yaml() {
    assert_eq!(
        pinned("cargo install --git x --tag v9 a\n    rev: abc # c\nthe rev of it\n"),
        ["v9", "abc"]
    );
}

#[test]
fn init_writes_no_url() {
    let dir = tree("init-url", &[]);
    let o = Command::new(BIN)
        .arg("init")
        .current_dir(&dir)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.join(".bedrock-lint.hcl")).expect("written");
    assert!(!written.contains("://"), "{written}");
    let _ = std::fs::remove_dir_all(&dir);
}
