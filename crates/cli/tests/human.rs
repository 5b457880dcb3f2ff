//! Snapshots of the human report (`--format human`): the header line, wrapping at the
//! width (`COLUMNS`, never inside an ARN), long source lines cut with an ellipsis, and
//! far-apart labels as separate short excerpts. The expected outputs live in
//! `tests/snapshots/`; regenerate them with `UPDATE_SNAPSHOTS=1 cargo test --test human`
//! and read the diff before committing.

mod common;

use common::{repo, tree};
use pretty_assertions::assert_eq;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_bedrock-lint");

fn human(dir: &Path, args: &[&str], columns: Option<&str>) -> (i32, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(["--format", "human"])
        .args(args)
        .current_dir(dir)
        .env("BEDROCK_LINT_TODAY", common::TODAY)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let o = cmd.output().expect("run bedrock-lint");
    (
        o.status.code().expect("exit code"),
        String::from_utf8(o.stdout).expect("utf-8"),
    )
}

fn snapshot(name: &str, have: &str) {
    let path = repo().join("crates/cli/tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, have).expect("write snapshot");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_SNAPSHOTS=1", path.display()));
    assert_eq!(have, want, "snapshot {name}");
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn example_tree_at_80_columns() {
    let (code, out) = human(&repo(), &["testdata/example"], Some("80"));
    assert_eq!(code, 1);
    snapshot("example-80.txt", &out);
    // Far-apart labels (BL201: lines 24, 39 and 45 of one file) get short excerpts
    // of their own, not one excerpt from line 23 to 46.
    let mut longest = 0;
    let mut open = None;
    for (i, l) in out.lines().enumerate() {
        if l.contains("╭─[") {
            open = Some(i);
        } else if l.contains("╰────") {
            longest = longest.max(i - open.take().expect("an open excerpt"));
        }
    }
    assert!(longest <= 8, "an excerpt of {longest} lines:\n{out}");
    assert_eq!(
        out.matches("╭─[testdata/example/envs/prod/main.tf").count(),
        3
    );
    // Only a word longer than the line (an ARN) may pass the width.
    for l in out.lines().filter(|l| l.chars().count() > 80) {
        assert!(l.trim().starts_with("\"arn:aws:"), "{l}");
    }
}

#[test]
fn example_tree_at_120_columns_and_the_default() {
    let (_, wide) = human(&repo(), &["testdata/example"], Some("120"));
    snapshot("example-120.txt", &wide);
    assert!(widest(&wide) <= 120);
    // Not a terminal and no COLUMNS: 100 columns.
    let (_, default) = human(&repo(), &["testdata/example"], None);
    let (_, hundred) = human(&repo(), &["testdata/example"], Some("100"));
    assert_eq!(default, hundred);
}

const TFVARS_MAIN: &str = r#"variable "model_arns" {
  type = list(string)
}

resource "aws_iam_role" "app" {
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
      Resource = var.model_arns
    }]
  })
}
"#;

/// A finding whose value comes from a tfvars file, a long source line with the label
/// at its far end, and a width narrower than an ARN.
#[test]
fn tfvars_value_and_long_lines_at_60_columns() {
    let pad = "x".repeat(70);
    let dir = tree(
        "human-tfvars",
        &[
            ("main.tf", TFVARS_MAIN),
            (
                "terraform.tfvars",
                &format!("# {pad}\nmodel_arns = [\"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0\", \"*\"]\n"),
            ),
            (
                ".bedrock-lint.hcl",
                "approved_regions = [\"us-east-1\"]\ninvocation_logging = \"external\"\n",
            ),
        ],
    );
    let (code, out) = human(&dir, &[], Some("60"));
    assert_eq!(code, 1, "{out}");
    snapshot("tfvars-60.txt", &out);
}
