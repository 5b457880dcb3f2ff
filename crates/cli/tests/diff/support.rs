//! Real git repositories in a temporary directory, and the binary run in them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const TODAY: &str = "2026-11-29";

pub struct Repo {
    pub dir: PathBuf,
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Repo {
    /// A new repository named after the test.
    pub fn new(name: &str) -> Repo {
        let dir = std::env::temp_dir().join(format!("bl-diff-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let r = Repo { dir };
        r.git(&["init", "-q", "-b", "main"]);
        r.git(&["config", "user.email", "test@example.invalid"]);
        r.git(&["config", "user.name", "test"]);
        r.git(&["config", "commit.gpgsign", "false"]);
        r
    }

    pub fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn write(&self, path: &str, text: &str) -> &Repo {
        let p = self.dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
        self
    }

    pub fn remove(&self, path: &str) -> &Repo {
        std::fs::remove_file(self.dir.join(path)).expect("remove");
        self
    }

    pub fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
    }

    /// Runs the binary in `sub` (relative to the repository).
    pub fn run_in(&self, sub: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_bedrock-lint"))
            .args(args)
            .current_dir(self.dir.join(sub))
            .env("BEDROCK_LINT_TODAY", TODAY)
            .env_remove("BEDROCK_LINT_LINK_BASE")
            .env("NO_COLOR", "1")
            .output()
            .expect("binary runs")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_in(".", args)
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The access changes of a JSON report as `principal change +added -removed @file:line`.
pub fn changes(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("json report");
    v["access_changes"]
        .as_array()
        .expect("access_changes")
        .iter()
        .map(|c| {
            let list = |k: &str, sign: &str| -> String {
                c[k].as_array()
                    .map(|a| {
                        a.iter()
                            .map(|x| format!(" {sign}{}", x.as_str().unwrap_or("")))
                            .collect::<String>()
                    })
                    .unwrap_or_default()
            };
            let mut s = format!(
                "{} {}{}{}",
                c["principal"].as_str().unwrap_or(""),
                c["change"].as_str().unwrap_or(""),
                list("added", "+"),
                list("removed", "-")
            );
            if let (Some(f), Some(t)) = (c["from"].as_str(), c["to"].as_str()) {
                s.push_str(&format!(" {f}->{t}"));
            }
            s.push_str(&format!(
                " @{}:{}",
                c["file"].as_str().unwrap_or(""),
                c["line"]
            ));
            s
        })
        .collect()
}

/// The new findings of a JSON report as `file:line CODE`.
pub fn new_findings(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("json report");
    v["new_findings"]
        .as_array()
        .expect("new_findings")
        .iter()
        .map(|d| {
            format!(
                "{}:{} {}",
                d["file"].as_str().unwrap_or(""),
                d["range"]["start"]["line"],
                d["code"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// A role trusted by Lambda, with `extra` added to its body.
pub fn lambda_role(tf: &str, name: &str, extra: &str) -> String {
    format!(
        r#"resource "aws_iam_role" "{tf}" {{
  name = "{name}"
  assume_role_policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect    = "Allow"
      Principal = {{ Service = "lambda.amazonaws.com" }}
      Action    = "sts:AssumeRole"
    }}]
  }})
{extra}}}
"#
    )
}

/// An inline policy on `role` allowing `actions` (HCL list items) on `resources`.
pub fn policy(tf: &str, role: &str, actions: &str, resources: &str) -> String {
    format!(
        r#"resource "aws_iam_role_policy" "{tf}" {{
  name = "{tf}"
  role = aws_iam_role.{role}.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = [{actions}]
      Resource = [{resources}]
    }}]
  }})
}}
"#
    )
}

pub const SONNET: &str =
    "\"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0\"";
pub const HAIKU: &str =
    "\"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0\"";
pub const INVOKE: &str = "\"bedrock:InvokeModel\"";

pub fn exists(p: &Path) -> bool {
    p.exists()
}
