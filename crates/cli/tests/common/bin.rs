//! Running the binary in tests: a pinned "today", no colour or width from the
//! environment, and a small tree with one BL101 finding.

use super::{repo, tree, TempTree};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const BIN: &str = env!("CARGO_BIN_EXE_bedrock-lint");

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env("BEDROCK_LINT_TODAY", super::TODAY)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    cmd
}

pub fn finish(o: std::process::Output) -> Out {
    Out {
        code: o.status.code().expect("exit code"),
        stdout: String::from_utf8(o.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(o.stderr).expect("utf-8 stderr"),
    }
}

pub fn run(dir: &Path, args: &[&str]) -> Out {
    finish(command(dir, args).output().expect("run bedrock-lint"))
}

pub fn example() -> PathBuf {
    repo().join("testdata/example")
}

// ---------------------------------------------------------------- a small tree

pub const MODEL: &str = "anthropic.claude-3-5-sonnet-20240620-v1:0";

/// main.tf with `Resource = {resource}` on line 21.
pub fn main_tf(resource: &str) -> String {
    format!(
        r#"resource "aws_iam_role" "app" {{
  name = "app"
  assume_role_policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect    = "Allow"
      Principal = {{ Service = "lambda.amazonaws.com" }}
      Action    = "sts:AssumeRole"
    }}]
  }})
}}

resource "aws_iam_role_policy" "invoke" {{
  name = "invoke"
  role = aws_iam_role.app.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = {resource}
    }}]
  }})
}}
"#
    )
}

pub fn bad_tf() -> String {
    main_tf("\"*\"")
}

pub fn good_tf() -> String {
    main_tf(&format!(
        "[\"arn:aws:bedrock:us-east-1::foundation-model/{MODEL}\"]"
    ))
}

pub fn config(extra: &str) -> String {
    format!(
        "approved_models    = [\"{MODEL}\"]\napproved_regions   = [\"us-east-1\"]\ninvocation_logging = \"external\"\n{extra}"
    )
}

pub const BL101_LINE: &str =
    "main.tf:21:18: error[BL101] bedrock:InvokeModel is allowed on every model (\"*\")\n";

pub fn bad_tree(name: &str) -> TempTree {
    tree(
        name,
        &[("main.tf", &bad_tf()), (".bedrock-lint.hcl", &config(""))],
    )
}
