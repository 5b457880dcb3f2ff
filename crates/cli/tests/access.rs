//! The access table (`bedrock-lint access`): snapshots of the example tree at 80 and
//! 120 columns, no line past the width, the INVOKE answers, and `--output`. The
//! snapshots live in `tests/snapshots/`; regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test access` and read the diff before committing.

mod common;

use common::{repo, tree};
use pretty_assertions::assert_eq;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_bedrock-lint");

fn access(dir: &Path, args: &[&str], columns: Option<&str>) -> String {
    let mut cmd = Command::new(BIN);
    cmd.arg("access")
        .args(args)
        .current_dir(dir)
        .env("BEDROCK_LINT_TODAY", common::TODAY)
        .env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let o = cmd.output().expect("run bedrock-lint");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("utf-8")
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

fn assert_fits(text: &str, width: usize) {
    for l in text.lines() {
        assert!(
            l.chars().count() <= width,
            "{} > {width}: {l}",
            l.chars().count()
        );
    }
}

#[test]
fn example_tree_at_80_and_120_columns() {
    for (columns, name) in [(80, "access-80.txt"), (120, "access-120.txt")] {
        let out = access(&repo(), &["testdata/example"], Some(&columns.to_string()));
        snapshot(name, &out);
        assert_fits(&out, columns);
    }
    // Not a terminal and no COLUMNS: 100 columns, as the human report.
    assert_eq!(
        access(&repo(), &["testdata/example"], None),
        access(&repo(), &["testdata/example"], Some("100"))
    );
}

#[test]
fn no_line_passes_narrow_widths() {
    for columns in [4, 10, 20, 40, 60, 79] {
        let out = access(&repo(), &["testdata/example"], Some(&columns.to_string()));
        assert_fits(&out, columns);
        // A shortened ARN says so.
        for l in out.lines().filter(|l| l.contains("arn:")) {
            assert!(
                l.ends_with('…') || l.ends_with(")"),
                "an ARN cut without an ellipsis: {l}"
            );
        }
    }
}

const ROLE: &str = r#"resource "aws_iam_role" "NAME" {
  name = "NAME"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "NAME" {
  name = "NAME"
  role = aws_iam_role.NAME.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ACTION
      Resource = RESOURCE
    }]
  })
}
"#;

fn role(name: &str, action: &str, resource: &str) -> String {
    ROLE.replace("NAME", name)
        .replace("ACTION", action)
        .replace("RESOURCE", resource)
}

/// One principal per INVOKE answer: models named by foundation-model and
/// inference-profile ARNs (one model id whatever the region or geography), every
/// model, an unknown resource, and no model-invoke action at all.
#[test]
fn invoke_column_answers() {
    let claude = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    let two = format!(
        r#"["arn:aws:bedrock:us-east-1::foundation-model/{claude}", "arn:aws:bedrock:us-west-2::foundation-model/{claude}", "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.{claude}", "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"]"#
    );
    let main = [
        role(
            "a_two",
            r#"["bedrock:InvokeModel", "bedrock:CountTokens"]"#,
            &two,
        ),
        role(
            "b_every",
            r#""bedrock:InvokeModelWithResponseStream""#,
            r#""*""#,
        ),
        role("c_unknown", r#""bedrock:InvokeModel""#, "[var.model_arn]"),
        role("d_none", r#""bedrock:ListFoundationModels""#, r#""*""#),
        "variable \"model_arn\" {\n  type = string\n}\n".to_string(),
    ]
    .join("\n");
    let dir = tree(
        "access-invoke",
        &[
            ("main.tf", &main),
            (".bedrock-lint.hcl", "invocation_logging = \"external\"\n"),
        ],
    );
    let out = access(&dir, &[], Some("120"));
    assert_eq!(
        out,
        "PRINCIPAL               INVOKE                                                                              SESSION  ENV
aws_iam_role.a_two      2 models (anthropic.claude-3-5-sonnet-20240620-v1:0, amazon.titan-embed-text-v2:0)  -        -
  trust: service:lambda.amazonaws.com
aws_iam_role.b_every    every model (*)                                                                     -        -
  trust: service:lambda.amazonaws.com
aws_iam_role.c_unknown  unknown                                                                             -        -
  trust: service:lambda.amazonaws.com
aws_iam_role.d_none     no                                                                                  -        -
  trust: service:lambda.amazonaws.com
"
    );
    // Narrow: each model id is shortened, the count stays.
    let narrow = access(&dir, &[], Some("70"));
    assert_fits(&narrow, 70);
    assert!(
        narrow.contains("2 models (claude-3…, titan-em…)"),
        "{narrow}"
    );
    // --output writes the same table to a file.
    let o = Command::new(BIN)
        .args(["access", "--output", "map.txt"])
        .current_dir(&dir)
        .env("BEDROCK_LINT_TODAY", common::TODAY)
        .env("COLUMNS", "120")
        .output()
        .expect("run");
    assert_eq!((o.status.code(), o.stdout.as_slice()), (Some(0), &b""[..]));
    assert_eq!(std::fs::read_to_string(dir.join("map.txt")).unwrap(), out);
    let _ = std::fs::remove_dir_all(&dir);
}
