//! `.tf.json` and `.tfvars.json` text through the JSON configuration reader.
#![no_main]

use bedrock_lint_parser::model::load::{parse_text, FileKind};
use bedrock_lint_parser::FileId;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_text(FileKind::ConfigJson, text, FileId::new(0));
    let _ = parse_text(FileKind::VarsJson, text, FileId::new(0));
});
