//! Reading speed on the real-world corpus (../shared/corpus): every `.tf`, `.tfvars` and
//! `.tf.json` file parsed on one thread. Ignored by default; the numbers in
//! docs/decisions.md come from
//! `cargo test --release -p bedrock-lint-parser --test corpus_parse -- --ignored --nocapture`.
#![allow(clippy::print_stdout)]

use bedrock_lint_parser::model::load::{parse_text, FileKind};
use bedrock_lint_parser::FileId;
use std::path::PathBuf;
use std::time::Instant;

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    dir.is_dir().then_some(dir)
}

#[test]
#[ignore = "a measurement, not a check; run with --release --nocapture"]
fn corpus_throughput() {
    let Some(dir) = corpus() else {
        println!("corpus not found; nothing measured");
        return;
    };
    let mut files: Vec<(FileKind, String)> = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let kind = FileKind::of(e.path())?;
            let keep = matches!(
                kind,
                FileKind::Config | FileKind::Vars | FileKind::ConfigJson
            );
            let text = std::fs::read_to_string(e.path()).ok()?;
            keep.then_some((kind, text))
        })
        .collect();
    files.sort_by(|a, b| a.1.cmp(&b.1));
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    const ROUNDS: u32 = 5;
    let mut failed = 0;
    let start = Instant::now();
    for _ in 0..ROUNDS {
        failed = 0;
        for (kind, text) in &files {
            if parse_text(*kind, text, FileId::new(0)).is_err() {
                failed += 1;
            }
        }
    }
    let secs = start.elapsed().as_secs_f64() / f64::from(ROUNDS);
    println!(
        "{} files, {:.1} MB, {failed} refused: {:.1} ms a pass, {:.1} MB/s",
        files.len(),
        bytes as f64 / 1e6,
        secs * 1e3,
        bytes as f64 / 1e6 / secs
    );
}
