//! Positions as reports print them: 1-based lines and columns.

use bedrock_lint_parser::{Files, Span};

/// 1-based (line, column) of a span's start and end.
pub fn range(files: &Files, span: Span) -> ((usize, usize), (usize, usize)) {
    let f = files.get(span.file);
    let s = f.line_col(span.start as usize);
    let e = f.line_col(span.end as usize);
    ((s.line, s.column), (e.line, e.column))
}
