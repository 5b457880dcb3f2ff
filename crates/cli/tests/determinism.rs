//! Rules run in parallel: the JSON report of the binary must still be byte-identical
//! across runs.

mod common;

use common::*;

#[test]
fn json_report_is_byte_identical_across_runs() {
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_bedrock-lint"))
            .args(["--format", "json", "testdata/cases"])
            .current_dir(repo())
            .env("BEDROCK_LINT_TODAY", TODAY)
            .output()
            .expect("run")
            .stdout
    };
    let first = run();
    assert!(first.len() > 1000, "a report over every fixture");
    for _ in 0..3 {
        assert!(run() == first, "the report changed between runs");
    }
}
