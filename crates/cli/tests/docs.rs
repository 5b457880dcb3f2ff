//! The samples in docs/ are the program's real output: each is compared with a run
//! on the quick start's tree (one BL101 finding in main.tf, line 21).

mod common;

use common::{repo, tree};
use pretty_assertions::assert_eq;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_bedrock-lint");
const MODEL: &str = "anthropic.claude-3-5-sonnet-20240620-v1:0";

fn quickstart_tree(name: &str) -> common::TempTree {
    let main = r#"resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*"
    }]
  })
}
"#;
    let config = format!(
        "approved_models    = [\"{MODEL}\"]\napproved_regions   = [\"us-east-1\"]\ninvocation_logging = \"external\"   # logging lives in another stack; \"required\" checks this tree\n"
    );
    tree(name, &[("main.tf", main), (".bedrock-lint.hcl", &config)])
}

/// stdout and stderr of a run at 80 columns.
fn run(dir: &Path, args: &[&str]) -> (String, String) {
    let o = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("BEDROCK_LINT_TODAY", common::TODAY)
        .env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .output()
        .expect("run bedrock-lint");
    (
        String::from_utf8(o.stdout).expect("utf-8"),
        String::from_utf8(o.stderr).expect("utf-8"),
    )
}

fn doc(name: &str) -> String {
    std::fs::read_to_string(repo().join("docs").join(name)).expect("read doc")
}

/// The `nth` (0-based) fenced block after `marker` in `text`.
fn block(text: &str, marker: &str, nth: usize) -> String {
    let start = text.find(marker).unwrap_or_else(|| panic!("no {marker:?}"));
    let mut rest = &text[start..];
    for i in 0..=nth {
        rest = &rest[rest.find("```").expect("a fenced block")..];
        rest = &rest[rest.find('\n').expect("fence line") + 1..];
        let close = rest.find("```").expect("closing fence");
        if i == nth {
            return rest[..close].to_string();
        }
        rest = &rest[close + 3..];
    }
    String::new()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn output_format_samples_are_real_output() {
    let dir = quickstart_tree("docs-formats");
    let d = doc("output-formats.md");
    let out = |format: &str| run(&dir, &["--format", format]).0;
    assert_eq!(block(&d, "## human", 0), out("human"));
    assert_eq!(block(&d, "## compact", 0), out("compact"));
    assert_eq!(json(&block(&d, "## json", 0)), json(&out("json")));
    assert_eq!(block(&d, "## github", 0), out("github"));
    assert_eq!(block(&d, "## checkstyle", 0), out("checkstyle"));
    assert_eq!(block(&d, "## junit", 0), out("junit"));
    assert_eq!(block(&d, "## markdown", 0), out("markdown"));
    assert_eq!(
        block(&d, "## Statistics", 0),
        run(&dir, &["--statistics"]).0
    );
    assert_eq!(
        json(&block(&d, "## Statistics", 1)),
        json(&run(&dir, &["--statistics", "--format", "json"]).0)
    );
    let rules = json(&run(&dir, &["rules", "--format", "json"]).0);
    assert_eq!(json(&block(&d, "## The rules list", 0)), rules["rules"][0]);
}

#[test]
fn quickstart_samples_are_real_output() {
    let dir = quickstart_tree("docs-quickstart");
    let d = doc("quickstart.md");
    assert_eq!(
        block(&d, "In a terminal you get", 0),
        run(&dir, &["--format", "human"]).0
    );
    let compact = run(&dir, &[]).0;
    assert!(
        d.contains(&format!("format: `{}`", compact.trim_end())),
        "quickstart's compact line differs from: {compact}"
    );
    assert!(block(&d, "## 1. Create a config", 1).contains(&format!("[\"{MODEL}\"]")));
    let ci = doc("ci.md");
    assert!(
        ci.contains(&compact),
        "ci.md's hook output differs from: {compact}"
    );
}

#[test]
fn configuration_warning_sample_is_real_output() {
    let dir = tree("docs-nothing", &[("notes.txt", "nothing to lint\n")]);
    let d = doc("configuration.md");
    assert_eq!(block(&d, "## When nothing is linted", 0), run(&dir, &[]).1);
}

#[test]
fn access_table_sample_is_real_output() {
    let d = doc("output-formats.md");
    let o = Command::new(BIN)
        .args(["access", "testdata/example"])
        .current_dir(repo())
        .env("BEDROCK_LINT_TODAY", common::TODAY)
        .env("COLUMNS", "80")
        .output()
        .expect("run bedrock-lint");
    assert_eq!(
        block(&d, "## The access map", 0),
        String::from_utf8(o.stdout).expect("utf-8")
    );
}
