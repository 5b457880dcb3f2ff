//! The source miette shows for one report: the file's text with the long lines near
//! the labels cut to the terminal's width (an ellipsis marks each cut), so the label
//! art never wraps. Offsets move with the cuts; [`View::span`] maps a span into the
//! view, and line/column numbers stay those of the real file.

use bedrock_lint_parser::{SourceFile, Span};
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::ops::Range;

const ELLIPSIS: &str = "…";
/// Characters kept before a label when a line is cut on the left.
const LEAD: usize = 10;

/// A verbatim run: `len` bytes at `orig` in the file are at `view` in the view.
#[derive(Debug, Clone, Copy)]
struct Run {
    orig: usize,
    view: usize,
    len: usize,
}

#[derive(Debug)]
pub struct View {
    name: String,
    text: String,
    orig: std::sync::Arc<str>,
    runs: Vec<Run>,
}

impl View {
    /// The view of `file` for labels on `spans` (each with its label's width in
    /// columns), each line at most `width` columns.
    pub fn new(file: &SourceFile, spans: &[(Span, usize)], width: usize) -> View {
        let text = &file.text;
        // Labelled bytes per line (and the widest label text drawn under it), and the
        // lines miette may print (context 1).
        let mut marks: std::collections::BTreeMap<usize, (usize, usize, usize)> =
            Default::default();
        let mut shown: std::collections::BTreeSet<usize> = Default::default();
        for (s, label) in spans {
            let (start, end) = (s.start as usize, (s.end as usize).max(s.start as usize));
            let (l0, l1) = (file.line_index(start), file.line_index(end));
            for line in l0..=l1 {
                let ls = file.line_start(line);
                let lo = if line == l0 { start - ls } else { 0 };
                let hi = if line == l1 {
                    end - ls
                } else {
                    file.line_text(line).len()
                };
                let m = marks.entry(line).or_insert((lo, hi, 0));
                *m = (m.0.min(lo), m.1.max(hi), m.2.max(*label));
            }
            shown.extend(l0.saturating_sub(1)..=l1 + 1);
        }
        let mut view = View {
            name: file.path.display().to_string(),
            text: String::with_capacity(text.len()),
            orig: file.text.clone(),
            runs: Vec::new(),
        };
        let mut copied = 0;
        for line in shown {
            if line >= file.line_count() {
                break;
            }
            let content = file.line_text(line);
            let cols = Columns::of(content);
            // miette hangs a label's text off the middle of its span: keep that in
            // sight too, so the label art does not run past the width.
            let mark = marks.get(&line).map(|(lo, hi, label)| {
                let (a, b) = (cols.at(*lo), cols.at(*hi));
                let text_end = if *label > 0 {
                    (a + b) / 2 + 4 + label
                } else {
                    b
                };
                (a, b.max(text_end))
            });
            if cols.width.max(mark.map_or(0, |m| m.1)) <= width {
                continue;
            }
            let (lo, hi) = window(cols.width, mark, width);
            let (lo_byte, hi_byte) = (cols.byte_from(lo), cols.byte_to(hi));
            let start = file.line_start(line);
            view.copy(copied..start);
            if lo_byte > 0 {
                view.text.push_str(ELLIPSIS);
            }
            view.copy(start + lo_byte..start + hi_byte);
            if hi_byte < content.len() {
                view.text.push_str(ELLIPSIS);
            }
            copied = start + content.len();
        }
        view.copy(copied..text.len());
        view
    }

    fn copy(&mut self, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        self.runs.push(Run {
            orig: r.start,
            view: self.text.len(),
            len: r.len(),
        });
        self.text.push_str(&self.orig[r]);
    }

    /// A file span as a span of the view (a cut end lands on its ellipsis).
    pub fn span(&self, s: Span) -> SourceSpan {
        let start = self.to_view(s.start as usize, false);
        let end = self.to_view(s.end as usize, true).max(start);
        (start, end - start).into()
    }

    fn to_view(&self, o: usize, end: bool) -> usize {
        let i = self.runs.partition_point(|r| r.orig <= o);
        if i == 0 {
            return 0;
        }
        let r = self.runs[i - 1];
        if o <= r.orig + r.len {
            return r.view + (o - r.orig);
        }
        // Inside a cut: a start points at the ellipsis, an end after it.
        let after = r.view + r.len;
        match (end, self.runs.get(i)) {
            (true, Some(next)) => next.view.min(after + ELLIPSIS.len()),
            _ => after,
        }
    }

    fn to_orig(&self, v: usize) -> usize {
        let i = self.runs.partition_point(|r| r.view <= v);
        if i == 0 {
            return 0;
        }
        let r = self.runs[i - 1];
        r.orig + (v - r.view).min(r.len)
    }
}

/// The display columns of a line as miette draws it: a tab reaches the next multiple
/// of 4, other characters their Unicode width.
struct Columns {
    /// (byte offset, first column, width) per char.
    chars: Vec<(usize, usize, usize)>,
    width: usize,
    /// Bytes in the line.
    len: usize,
}

impl Columns {
    fn of(line: &str) -> Columns {
        let mut col = 0;
        let mut chars = Vec::with_capacity(line.len());
        for (i, c) in line.char_indices() {
            let w = match c {
                '\t' => 4 - col % 4,
                c => unicode_width::UnicodeWidthChar::width(c).unwrap_or(0),
            };
            chars.push((i, col, w));
            col += w;
        }
        Columns {
            chars,
            width: col,
            len: line.len(),
        }
    }

    /// The column where byte `b` starts.
    fn at(&self, b: usize) -> usize {
        let i = self.chars.partition_point(|(o, _, _)| *o < b);
        self.chars.get(i).map_or(self.width, |(_, c, _)| *c)
    }

    /// The first byte of the first char starting at or after column `c`.
    fn byte_from(&self, c: usize) -> usize {
        let i = self.chars.partition_point(|(_, col, _)| *col < c);
        self.chars.get(i).map_or(self.end(), |(o, _, _)| *o)
    }

    /// The end byte of the last char ending at or before column `c`.
    fn byte_to(&self, c: usize) -> usize {
        let i = self.chars.partition_point(|(_, col, w)| col + w <= c);
        self.chars.get(i).map_or(self.end(), |(o, _, _)| *o)
    }

    fn end(&self) -> usize {
        self.len
    }
}

/// The columns `lo..hi` of an `n`-column line to keep within `width` (ellipses included),
/// keeping the labelled columns `mark` in sight.
fn window(n: usize, mark: Option<(usize, usize)>, width: usize) -> (usize, usize) {
    let width = width.max(8);
    let Some((a, b)) = mark else {
        return (0, width - 1);
    };
    if b < width {
        return (0, width - 1);
    }
    // Cut on the left too: start a little before the first label.
    let avail = width - 2;
    let mut lo = a.saturating_sub(LEAD);
    if b.saturating_sub(lo) > avail {
        lo = b.saturating_sub(avail).min(a);
    }
    let hi = (lo + avail).min(n);
    if hi == n {
        // Nothing cut on the right: use that room on the left, as far as a label
        // hanging past the line's end allows.
        lo = n
            .saturating_sub(width - 1)
            .min(lo)
            .max(b.saturating_sub(width - 1).min(a));
    }
    (lo, hi)
}

impl SourceCode for View {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let c = self.text.read_span(span, before, after)?;
        let data = c.data();
        // miette counts columns in bytes of the view and its line count from the
        // start of the file (so far-apart labels were merged into one long excerpt):
        // report the file's column in chars and the lines this excerpt holds.
        let orig = self.to_orig(c.span().offset());
        let line_start = self.orig[..orig].rfind('\n').map_or(0, |i| i + 1);
        let column = self.orig[line_start..orig].chars().count();
        let mut lines = data.iter().filter(|b| **b == b'\n').count();
        if data.last().is_some_and(|b| *b != b'\n') {
            lines += 1;
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            *c.span(),
            c.line(),
            column,
            lines,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn file(text: &str) -> SourceFile {
        SourceFile::new(PathBuf::from("main.tf"), Arc::from(text))
    }

    fn span(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle") as u32;
        Span {
            file: bedrock_lint_parser::FileId::new(0),
            start,
            end: start + needle.len() as u32,
        }
    }

    #[test]
    fn long_lines_near_labels_are_cut_and_spans_follow() {
        let long = format!("x = \"{}\" # tail", "a".repeat(60));
        let text = format!("a = 1\n{long}\nb = 2\n");
        let f = file(&text);
        let s = span(&text, "tail");
        let v = View::new(&f, &[(s, 0)], 30);
        let line = v.text.lines().nth(1).expect("line 2");
        assert_eq!(line.chars().count(), 30, "{line}");
        assert!(
            line.starts_with(ELLIPSIS) && line.ends_with("# tail"),
            "{line}"
        );
        let vs = v.span(s);
        assert_eq!(&v.text[vs.offset()..vs.offset() + vs.len()], "tail");
        // Lines without labels far away are untouched.
        assert_eq!(v.text.lines().next(), Some("a = 1"));
        // The column reported is the file's.
        let c = v.read_span(&vs, 0, 0).expect("read");
        assert_eq!(c.column(), long.find("tail").expect("tail"));
    }

    #[test]
    fn a_label_on_the_left_keeps_the_start_and_cuts_the_right() {
        let text = format!("Resource = \"*\" {}\n", "b".repeat(100));
        let f = file(&text);
        let s = span(&text, "\"*\"");
        let v = View::new(&f, &[(s, 0)], 40);
        let line = v.text.lines().next().expect("line");
        assert!(line.starts_with("Resource = \"*\"") && line.ends_with(ELLIPSIS));
        assert_eq!(line.chars().count(), 40);
    }

    #[test]
    fn tabs_and_wide_characters_count_as_miette_draws_them() {
        let c = Columns::of("\tab\u{4e2d}x");
        // The tab reaches column 4, the CJK character is two columns wide.
        assert_eq!((c.width, c.at(1), c.at(3), c.at(6)), (9, 4, 6, 8));
        assert_eq!((c.byte_from(5), c.byte_to(7)), (2, 3));
        let text = format!("\t\t\t\t\t\t\t\tx = \"{}\"\n", "\u{4e2d}".repeat(30));
        let f = file(&text);
        let v = View::new(&f, &[(span(&text, "x"), 0)], 40);
        let line = v.text.lines().next().expect("line");
        assert_eq!(Columns::of(line).width, 40, "{line}");
    }
}
