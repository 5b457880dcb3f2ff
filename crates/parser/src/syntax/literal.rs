//! Template literals as the syntax tree keeps them: the decoded text, and spans that
//! map it back onto the file (shared by the hcl-edit reading and the fast reader).

use super::ast::TemplatePart;
use crate::span::Span;

/// A literal's parts. When its text is not a verbatim copy of the source `src` (an
/// escape, or an indented heredoc with its indentation removed), it is split line by
/// line so each line still maps exactly onto the file where it can. `src` is empty
/// where offsets do not index the file (inside JSON strings); `mappable` is false
/// where no offset inside the literal is known (one span stands for a whole string).
pub(super) fn parts(
    src: &str,
    mappable: bool,
    text: &str,
    sp: Span,
    parts: &mut Vec<TemplatePart>,
) {
    if (sp.end - sp.start) as usize == text.len() || !mappable || src.is_empty() {
        parts.push(TemplatePart::Literal {
            exact: (sp.end - sp.start) as usize == text.len() && mappable,
            text: text.into(),
            span: sp,
        });
        return;
    }
    let src = src.get(sp.range()).unwrap_or("");
    let mut cursor = 0;
    for line in text.split_inclusive('\n') {
        match src.get(cursor..).and_then(|rest| rest.find(line)) {
            Some(pos) => {
                let start = sp.start as usize + cursor + pos;
                parts.push(TemplatePart::Literal {
                    text: line.into(),
                    span: Span::new(sp.file, start, start + line.len()),
                    exact: true,
                });
                cursor += pos + line.len();
            }
            None => parts.push(TemplatePart::Literal {
                text: line.into(),
                span: sp,
                exact: false,
            }),
        }
    }
}
