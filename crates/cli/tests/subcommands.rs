//! End-to-end tests of the subcommands and the argument definitions: help texts for
//! every argument, completions, `rules --format json`, paths named like subcommands.

mod common;

use common::bin::*;
use common::tree;
use pretty_assertions::assert_eq;

// ---------------------------------------------------------------- help texts

#[test]
fn every_argument_of_every_subcommand_has_help() {
    use clap::CommandFactory;
    fn missing(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        if cmd.get_about().is_none() && !path.is_empty() {
            out.push(format!("{path} (the subcommand itself)"));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if matches!(id, "help" | "version") {
                continue;
            }
            if a.get_help().is_none_or(|h| h.to_string().trim().is_empty()) {
                out.push(format!("{path} {id}").trim().to_string());
            }
        }
        for sub in cmd.get_subcommands() {
            missing(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    missing(&bedrock_lint_cli::args::Cli::command(), "", &mut out);
    assert_eq!(out, Vec::<String>::new(), "arguments without a help text");
    // And the texts reach the user.
    let o = run(&example(), &["access", "--help"]);
    assert!(
        o.stdout.contains("Files or directories to map"),
        "{}",
        o.stdout
    );
    let o = run(&example(), &["init", "--help"]);
    assert!(o.stdout.contains("Overwrite an existing"), "{}", o.stdout);
    let o = run(&example(), &["explain", "--help"]);
    assert!(o.stdout.contains("A rule code (BL101)"), "{}", o.stdout);
}

// ---------------------------------------------------------------- completions

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&example(), &["completions", shell]);
        assert_eq!(o.code, 0, "{shell}: {}", o.stderr);
        assert!(
            o.stdout.contains("bedrock-lint") && o.stdout.contains("stdin-filename"),
            "{shell}: {}",
            o.stdout
        );
    }
    let o = run(&example(), &["completions", "tcsh"]);
    assert_eq!(o.code, 2);
}

// ---------------------------------------------------------------- rules --format json

#[test]
fn rules_as_json() {
    let text = run(&example(), &["rules"]);
    let o = run(&example(), &["rules", "--format", "json"]);
    assert_eq!(o.code, 0);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).expect("json");
    assert_eq!(v["version"], 1);
    let rules = v["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), text.stdout.lines().count());
    let bl101 = &rules[0];
    assert_eq!(
        (
            &bl101["code"],
            &bl101["name"],
            &bl101["severity"],
            &bl101["fix"]
        ),
        (
            &serde_json::json!("BL101"),
            &serde_json::json!("invoke-any-model"),
            &serde_json::json!("error"),
            &serde_json::json!("unsafe")
        )
    );
    assert!(bl101["summary"].as_str().is_some_and(|s| !s.is_empty()));
}

// ---------------------------------------------------------------- subcommand names

#[test]
fn a_directory_named_like_a_subcommand() {
    let dir = tree("subcommand-name", &[("rules/main.tf", &bad_tf())]);
    // `rules` is the subcommand (a note says how to lint the directory) …
    let o = run(&dir, &["rules"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.starts_with("BL101"), "{}", o.stdout);
    assert!(o.stderr.contains("`bedrock-lint -- rules`"), "{}", o.stderr);
    // … `./rules` and `-- rules` lint it.
    for args in [&["./rules"][..], &["--", "rules"]] {
        let o = run(&dir, args);
        assert_eq!(o.code, 1, "{args:?}: {}", o.stderr);
        assert!(
            o.stdout.contains("rules/main.tf:21:18: error[BL101]"),
            "{}",
            o.stdout
        );
    }
}
