//! `terraform show -json` plans: parsed, then their resources extracted.
#![no_main]

use bedrock_lint_parser::model::load::{looks_like_plan, parse_text, FileKind};
use bedrock_lint_parser::FileId;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = looks_like_plan(text);
    if let Ok(parsed) = parse_text(FileKind::Plan, text, FileId::new(0)) {
        if let Some(plan) = &parsed.plan {
            let _ = bedrock_lint_parser::plan::resources(FileId::new(0), plan, Path::new("."));
        }
    }
});
