//! `.tf` and `.tfvars` text through the HCL parser, then the whole pipeline
//! (load, module build, evaluation, rules) on the same text written as `main.tf`.
#![no_main]

use bedrock_lint_parser::model::load::{parse_text, FileKind};
use bedrock_lint_parser::{build, FileId, LoadOptions};
use bedrock_lint_rules::{lint_model, Config, Date};
use libfuzzer_sys::fuzz_target;
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_text(FileKind::Config, text, FileId::new(0));
    let _ = parse_text(FileKind::Vars, text, FileId::new(0));

    // Full pipeline on a temporary tree holding only this file.
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("bl-fuzz-hcl-{}-{n}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    if std::fs::write(dir.join("main.tf"), data).is_ok() {
        let opts = LoadOptions {
            paths: vec![dir.clone()],
            ..Default::default()
        };
        if let Ok(model) = build(&opts) {
            let _ = lint_model(model, &Config::defaults(), Date(20_000));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
});
