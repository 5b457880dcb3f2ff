//! A small HCL lexer that finds comment tokens (for ignore comments) and measures
//! bracket nesting (so hostile input is rejected before a recursive parser sees it).
//! Strings, template interpolations and heredocs are skipped so a `#` inside them
//! is never taken for a comment.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The comment text after `#`, `//` or `/*` (without `*/`).
    pub text: String,
    pub start: usize,
    pub end: usize,
}

pub struct Scan {
    pub comments: Vec<Comment>,
    pub max_depth: usize,
    /// Where nesting first went past the limit given to [`scan_limited`].
    pub too_deep_at: Option<usize>,
}

enum Mode {
    Expr { braces: usize },
    Str,
}

pub fn scan(text: &str) -> Scan {
    scan_limited(text, usize::MAX)
}

pub fn scan_limited(text: &str, limit: usize) -> Scan {
    let mut too_deep_at = None;
    let b = text.as_bytes();
    let mut comments = Vec::new();
    let mut stack = vec![Mode::Expr { braces: 0 }];
    let (mut depth, mut max_depth) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        let in_str = matches!(stack.last(), Some(Mode::Str));
        if in_str {
            match b[i] {
                b'\\' => i += 2,
                b'"' => {
                    stack.pop();
                    i += 1;
                }
                b'$' | b'%' if b.get(i + 1) == Some(&b'$') || b.get(i + 1) == Some(&b'%') => {
                    // `$${` and `%%{` are escapes.
                    i += 3;
                }
                b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
                    stack.push(Mode::Expr { braces: 0 });
                    depth += 1;
                    max_depth = max_depth.max(depth);
                    if depth > limit && too_deep_at.is_none() {
                        too_deep_at = Some(i);
                    }
                    i += 2;
                }
                b'\n' => {
                    // Unterminated string: let the parser report it; stop treating it as one.
                    stack.pop();
                    i += 1;
                }
                _ => i += 1,
            }
            continue;
        }
        match b[i] {
            b'#' => i = line_comment(text, i, 1, &mut comments),
            b'/' if b.get(i + 1) == Some(&b'/') => i = line_comment(text, i, 2, &mut comments),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..]
                    .find("*/")
                    .map(|e| i + 2 + e)
                    .unwrap_or(b.len());
                comments.push(Comment {
                    text: text[i + 2..end].to_string(),
                    start: i,
                    end: (end + 2).min(b.len()),
                });
                i = (end + 2).min(b.len());
            }
            b'"' => {
                stack.push(Mode::Str);
                i += 1;
            }
            b'<' if b.get(i + 1) == Some(&b'<') => i = skip_heredoc(text, i),
            b'(' | b'[' | b'{' => {
                if b[i] == b'{' {
                    if let Some(Mode::Expr { braces }) = stack.last_mut() {
                        *braces += 1;
                    }
                }
                depth += 1;
                max_depth = max_depth.max(depth);
                if depth > limit && too_deep_at.is_none() {
                    too_deep_at = Some(i);
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if b[i] == b'}' {
                    let len = stack.len();
                    match stack.last_mut() {
                        Some(Mode::Expr { braces }) if *braces > 0 => *braces -= 1,
                        _ if len > 1 => {
                            stack.pop();
                        }
                        _ => {}
                    }
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    Scan {
        comments,
        max_depth,
        too_deep_at,
    }
}

fn line_comment(text: &str, i: usize, marker: usize, out: &mut Vec<Comment>) -> usize {
    let end = text[i..].find('\n').map(|e| i + e).unwrap_or(text.len());
    out.push(Comment {
        text: text[i + marker..end].trim_end_matches('\r').to_string(),
        start: i,
        end,
    });
    end
}

/// Skips `<<EOT` / `<<-EOT` through its closing delimiter line.
pub(super) fn skip_heredoc(text: &str, i: usize) -> usize {
    let rest = &text[i + 2..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let ident: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    if ident.is_empty() {
        return i + 2;
    }
    let Some(nl) = text[i..].find('\n') else {
        return text.len();
    };
    let mut pos = i + nl + 1;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|e| pos + e)
            .unwrap_or(text.len());
        if text[pos..end].trim() == ident {
            return end;
        }
        pos = end + 1;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_outside_strings_and_heredocs() {
        let text = "# one\na = \"x # not\" // two\nb = <<EOT\n# not\nEOT\n/* three */\nc = \"${d[\"#\"]}\" # four\n";
        let s = scan(text);
        let texts: Vec<_> = s.comments.iter().map(|c| c.text.trim()).collect();
        assert_eq!(texts, ["one", "two", "three", "four"]);
        assert_eq!(&text[s.comments[0].start..s.comments[0].end], "# one");
    }

    #[test]
    fn measures_depth() {
        assert_eq!(scan("a = [[{b = (1)}]]").max_depth, 4);
        assert_eq!(
            scan(&format!("a = {}", "[".repeat(10_000))).max_depth,
            10_000
        );
    }
}
