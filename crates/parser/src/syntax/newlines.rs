//! Terraform's parser (hclsyntax) ignores newlines inside `( )`, `[ ]`, `${ }`, `%{ }`
//! and for expressions; they are significant only in bodies and object constructors.
//! hcl-edit is stricter in places (a for-object's key and value, a unary operand,
//! a splat's traversal, a template `%{if}`), so a file that fails there is read again
//! after [`blank_ignored`]: each ignored newline, and each comment in those places (a
//! line comment would otherwise swallow the next line), becomes spaces, byte for byte,
//! so every offset still points at the original text.

/// A bracket-like region and whether newlines inside it are ignored.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// A body or an object constructor, closed by `}` (the file itself has no closer).
    Braces,
    /// `{ for … }`
    ForBraces,
    Parens,
    Brackets,
    /// `${ … }` or `%{ … }` inside a quoted string or heredoc; `}` returns to it.
    Interp,
    Str,
    /// A heredoc's body, which ends (with its closing line) at the given offset.
    Heredoc(usize),
}

impl Frame {
    fn ignores_newlines(self) -> bool {
        !matches!(self, Frame::Braces | Frame::Str | Frame::Heredoc(_))
    }
}

/// `text` with newlines (and comments) that hclsyntax would skip turned into spaces.
/// Strings and heredocs are copied unchanged.
pub fn blank_ignored(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut stack = vec![Frame::Braces];
    let mut i = 0;
    while i < b.len() {
        let top = *stack.last().unwrap_or(&Frame::Braces);
        if top == Frame::Str {
            i = in_string(b, i, &mut stack);
            continue;
        }
        if let Frame::Heredoc(end) = top {
            i = in_heredoc(b, i, end, &mut stack);
            continue;
        }
        let ignore = top.ignores_newlines();
        match b[i] {
            b'#' => i = line_comment(b, i, ignore, &mut out),
            b'/' if b.get(i + 1) == Some(&b'/') => i = line_comment(b, i, ignore, &mut out),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = find(b, i + 2, b"*/").map_or(b.len(), |e| e + 2);
                if ignore {
                    blank(&mut out, i, end);
                }
                i = end;
            }
            b'\n' | b'\r' => {
                if ignore {
                    out[i] = b' ';
                }
                i += 1;
            }
            b'"' => {
                stack.push(Frame::Str);
                i += 1;
            }
            b'<' if b.get(i + 1) == Some(&b'<') => {
                let end = super::comments::skip_heredoc(text, i);
                // The body starts on the line after `<<EOT`; its text stays as it is,
                // but its `${ }` and `%{ }` follow the expression rules.
                match find(b, i, b"\n") {
                    Some(nl) if end > i + 2 && nl < end => {
                        stack.push(Frame::Heredoc(end));
                        i = nl + 1;
                    }
                    _ => i = end.max(i + 2),
                }
            }
            b'(' => {
                stack.push(Frame::Parens);
                i += 1;
            }
            b'[' => {
                stack.push(Frame::Brackets);
                i += 1;
            }
            b'{' => {
                stack.push(if starts_for(b, i + 1) {
                    Frame::ForBraces
                } else {
                    Frame::Braces
                });
                i += 1;
            }
            c @ (b')' | b']' | b'}') => {
                let closes = match c {
                    b')' => top == Frame::Parens,
                    b']' => top == Frame::Brackets,
                    _ => matches!(top, Frame::Braces | Frame::ForBraces | Frame::Interp),
                };
                // A stray closer is left for the parser to report; the file frame stays.
                if closes && stack.len() > 1 {
                    stack.pop();
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    // Only ASCII bytes were replaced by ASCII spaces, so the text is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// One step inside a quoted string: escapes, interpolation starts, the closing quote.
fn in_string(b: &[u8], i: usize, stack: &mut Vec<Frame>) -> usize {
    match b[i] {
        b'\\' => i + 2,
        b'"' => {
            stack.pop();
            i + 1
        }
        // `$${` and `%%{` are literal.
        b'$' | b'%' if b.get(i + 1) == Some(&b[i]) && b.get(i + 2) == Some(&b'{') => i + 3,
        b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
            stack.push(Frame::Interp);
            i + 2
        }
        b'\n' => {
            // An unterminated string: the parser reports it; stop treating it as one.
            stack.pop();
            i + 1
        }
        _ => i + 1,
    }
}

/// One step inside a heredoc body ending at `end`.
fn in_heredoc(b: &[u8], i: usize, end: usize, stack: &mut Vec<Frame>) -> usize {
    if i >= end {
        stack.pop();
        return i;
    }
    match b[i] {
        b'$' | b'%' if b.get(i + 1) == Some(&b[i]) && b.get(i + 2) == Some(&b'{') => i + 3,
        b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
            stack.push(Frame::Interp);
            i + 2
        }
        _ => i + 1,
    }
}

fn line_comment(b: &[u8], i: usize, ignore: bool, out: &mut [u8]) -> usize {
    let mut end = i;
    while end < b.len() && b[end] != b'\n' && b[end] != b'\r' {
        end += 1;
    }
    if ignore {
        blank(out, i, end);
    }
    end
}

/// Spaces over `start..end`, keeping multi-byte characters' bytes as spaces too.
fn blank(out: &mut [u8], start: usize, end: usize) {
    let end = end.min(out.len());
    for byte in &mut out[start..end] {
        *byte = b' ';
    }
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c >= 0x80
}

/// Whether the braces opened just before `i` hold a for expression: `for` NAME
/// [`,` NAME] `in` (so a block body's attribute called `for` is not mistaken for one).
fn starts_for(b: &[u8], i: usize) -> bool {
    let mut i = skip_space(b, i);
    let word = |i: &mut usize| -> usize {
        let start = *i;
        while *i < b.len() && is_ident(b[*i]) {
            *i += 1;
        }
        let len = *i - start;
        *i = skip_space(b, *i);
        len
    };
    let start = i;
    if word(&mut i) != 3 || &b[start..start + 3] != b"for" {
        return false;
    }
    if word(&mut i) == 0 {
        return false;
    }
    if b.get(i) == Some(&b',') {
        i = skip_space(b, i + 1);
        if word(&mut i) == 0 {
            return false;
        }
    }
    b.get(i..i + 2) == Some(b"in") && b.get(i + 2).is_none_or(|c| !is_ident(*c))
}

/// Skips spaces, newlines and comments.
fn skip_space(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => i += 1,
            Some(b'#') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            Some(b'/') if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            Some(b'/') if b.get(i + 1) == Some(&b'*') => {
                i = find(b, i + 2, b"*/").map_or(b.len(), |e| e + 2);
            }
            _ => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::blank_ignored;

    #[test]
    fn blanks_only_where_newlines_are_ignored() {
        let text =
            "a = {\n  p = (b # c\n  && d)\n  q = { for k, v in x :\n k => v }\n}\nr = \"(\n\"\n";
        let want =
            "a = {\n  p = (b       && d)\n  q = { for k, v in x :  k => v }\n}\nr = \"(\n\"\n";
        assert_eq!(blank_ignored(text), want);
        assert_eq!(blank_ignored(text).len(), text.len());
    }

    #[test]
    fn heredocs_and_block_bodies_are_untouched() {
        let text = "b {\n  for = 1\n  c = (<<EOT\nx\nEOT\n  )\n}\n";
        assert_eq!(
            blank_ignored(text),
            "b {\n  for = 1\n  c = (<<EOT\nx\nEOT   )\n}\n"
        );
    }
}
