//! The floor a lint run is measured against (issue 12, scripts/perf.sh): walk a tree,
//! read every Terraform file and tokenize it with the lexer the parser runs first
//! (comments, strings, heredocs, nesting), in parallel as the linter does. Nothing is
//! parsed into a syntax tree or evaluated.
//!
//! usage: cargo run --release -p bedrock-lint-parser --example read_floor -- DIR
//! prints: files, bytes, seconds (wall, best of the runs asked for with a second argument)
#![allow(clippy::print_stdout, clippy::print_stderr)]

use bedrock_lint_parser::syntax::comments;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: read_floor DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut best = f64::MAX;
    let (mut files, mut bytes) = (0, 0);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let paths: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_str().unwrap_or("");
                e.depth() == 0 || !(name == ".terraform" || name == ".git")
            })
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|x| x == "tf" || x == "tfvars"))
            .collect();
        let (n, b, tokens): (usize, usize, usize) = paths
            .par_iter()
            .map(|p| match std::fs::read_to_string(p) {
                Ok(text) => (1, text.len(), comments::scan(&text).max_depth),
                Err(_) => (0, 0, 0),
            })
            .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2.max(b.2)));
        std::hint::black_box(tokens);
        best = best.min(t.elapsed().as_secs_f64());
        (files, bytes) = (n, b);
    }
    println!("files {files} bytes {bytes} seconds {best:.3}");
}
