//! Policy JSON (heredocs, `file()`, `jsondecode`) through the spanned JSON parser.
#![no_main]

use bedrock_lint_parser::syntax::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(v) = json::parse(text) {
        // Spans must lie inside the text, on character boundaries.
        let mut stack = vec![&v];
        while let Some(j) = stack.pop() {
            assert!(j.start <= j.end && j.end <= text.len());
            assert!(text.is_char_boundary(j.start) && text.is_char_boundary(j.end));
            if let Some(items) = j.as_array() {
                stack.extend(items);
            }
            for m in j.members() {
                assert!(text.is_char_boundary(m.key_start) && text.is_char_boundary(m.key_end));
                stack.push(&m.value);
            }
        }
    }
});
