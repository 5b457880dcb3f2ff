//! End-to-end tests of the command line's options beyond the lint itself: writing
//! reports (and failing loudly when that fails), help texts, several reports in one
//! run, stdin, statistics, warnings about what was (not) linted.

mod common;

use common::{repo, tree};
use pretty_assertions::assert_eq;
use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_bedrock-lint");

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env("BEDROCK_LINT_TODAY", common::TODAY)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    cmd
}

fn finish(o: std::process::Output) -> Out {
    Out {
        code: o.status.code().expect("exit code"),
        stdout: String::from_utf8(o.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(o.stderr).expect("utf-8 stderr"),
    }
}

fn run(dir: &Path, args: &[&str]) -> Out {
    finish(command(dir, args).output().expect("run bedrock-lint"))
}

fn example() -> std::path::PathBuf {
    repo().join("testdata/example")
}

// ---------------------------------------------------------------- write errors

/// Runs with stdout on /dev/full (every write fails with ENOSPC).
fn run_to_dev_full(dir: &Path, args: &[&str]) -> Option<Out> {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full on this system: stdout write errors not tested");
        return None;
    };
    let o = command(dir, args)
        .stdout(Stdio::from(full))
        .output()
        .expect("run bedrock-lint");
    Some(finish(o))
}

#[test]
fn a_report_that_cannot_be_written_is_exit_2() {
    let dir = example();
    for args in [
        &["--format", "compact", "."][..],
        &["--format", "json", "."],
        &["access", "."],
        &["access", "--format", "json", "."],
        &["rules"],
        &["explain", "BL101"],
    ] {
        let Some(o) = run_to_dev_full(&dir, args) else {
            return;
        };
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert!(
            o.stderr.contains("cannot write to stdout"),
            "{args:?}: {}",
            o.stderr
        );
    }
    if Path::new("/dev/full").exists() {
        let o = run(&dir, &["--format", "json", "--output", "/dev/full", "."]);
        assert_eq!(o.code, 2, "{}", o.stderr);
        assert!(
            o.stderr.contains("cannot write the report to /dev/full"),
            "{}",
            o.stderr
        );
    }
}

#[test]
fn output_dash_is_stdout() {
    let dir = tree(
        "dash",
        &[("main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n")],
    );
    let o = run(&dir, &["--format", "compact", "--output", "-"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    assert!(!dir.join("-").exists());
}
