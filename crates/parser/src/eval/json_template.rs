//! A JSON document written as a template with unknown parts (a heredoc policy or a
//! `templatefile()` interpolating the partition, an account or an ARN). Where every
//! unknown part sits inside a JSON string, or stands for a whole JSON value, the
//! document's structure is still known: it is kept in `Unknown.structure`, so the
//! rules read it element by element as they read a `jsonencode()` result.

use crate::span::Span;
use crate::value::{from_json, Entry, Kind, Segment, Str, Template, Value};

/// Marks a hole in the template's text: OPEN, its index, then how it was placed.
const OPEN: char = '\u{E000}';
/// The hole sits inside a JSON string.
const IN_STRING: char = '\u{E001}';
/// The hole stands for a whole JSON value (written as a quoted placeholder).
const WHOLE: char = '\u{E002}';

/// Appends the placeholder of hole `n` to the known text written so far.
pub fn placeholder(text: &mut String, n: usize) {
    if inside_string(text) {
        text.push(OPEN);
        text.push_str(&n.to_string());
        text.push(IN_STRING);
    } else {
        text.push('"');
        text.push(OPEN);
        text.push_str(&n.to_string());
        text.push(WHOLE);
        text.push('"');
    }
}

/// Is the end of `text` inside a JSON string literal?
fn inside_string(text: &str) -> bool {
    let (mut inside, mut escaped) = (false, false);
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if inside => escaped = true,
            '"' => inside = !inside,
            _ => {}
        }
    }
    inside
}

/// The document `text` describes, holes filled with the unknown values they stand
/// for; `None` when it is not JSON or an unknown part decides its shape.
/// `segments` map the known text back to the files.
pub fn structure(
    text: &str,
    segments: Vec<Segment>,
    holes: &[Value],
    whole: Span,
) -> Option<Value> {
    if !text.trim_start().starts_with(['{', '[']) {
        return None;
    }
    let json = crate::syntax::json::parse(text).ok()?;
    // Only the segments are needed to map offsets to spans.
    let mapped = Str::new("", segments.into());
    let v = from_json(&json, &|a, b| mapped.span_of(a, b).or(Some(whole)));
    fill(v, holes)
}

fn fill(mut v: Value, holes: &[Value]) -> Option<Value> {
    match v.kind {
        Kind::String(ref s) if s.text().contains(OPEN) => {
            Some(filled_string(s.text(), v.span, holes)?)
        }
        Kind::List(items) => {
            let items = items
                .into_iter()
                .map(|x| fill(x, holes))
                .collect::<Option<Vec<_>>>()?;
            v.kind = Kind::List(items);
            Some(v)
        }
        Kind::Object(entries) => {
            let mut out = Vec::with_capacity(entries.len());
            for e in entries {
                // An unknown key: which element it is cannot be known.
                if e.key.contains(OPEN) {
                    return None;
                }
                out.push(Entry {
                    value: fill(e.value, holes)?,
                    ..e
                });
            }
            v.kind = Kind::Object(out);
            Some(v)
        }
        _ => Some(v),
    }
}

/// A string with placeholders: a partly known string, or the value a whole-value
/// placeholder stands for.
fn filled_string(text: &str, span: Option<Span>, holes: &[Value]) -> Option<Value> {
    let mut t = Template::default();
    let mut rest = text;
    while let Some(i) = rest.find(OPEN) {
        t.push_lit(&rest[..i]);
        let after = &rest[i + OPEN.len_utf8()..];
        let end = after.find([IN_STRING, WHOLE])?;
        let n: usize = after[..end].parse().ok()?;
        let hole = holes.get(n)?;
        let marker = after[end..].chars().next()?;
        if marker == WHOLE {
            if i != 0 || after.len() != end + WHOLE.len_utf8() {
                return None;
            }
            let mut v = hole
                .encoded_structure()
                .cloned()
                .unwrap_or_else(|| hole.clone());
            if v.span.is_none() {
                v.span = span;
            }
            return Some(v);
        }
        t.push_value(hole);
        rest = &after[end + marker.len_utf8()..];
    }
    t.push_lit(rest);
    Some(t.into_value(span))
}
