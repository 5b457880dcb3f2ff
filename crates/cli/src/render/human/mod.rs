//! `--format human`: a header line per finding as rustc and ruff print it
//! (`error[BL101]: message`), then miette's excerpt with the labelled spans (far-apart
//! labels get their own short excerpts), related labels in other files, and help;
//! then a one-line summary. Text wraps at the given width, only at spaces, so an ARN,
//! a model id or an action name is never split; long source lines are cut instead.

mod view;

use bedrock_lint_parser::{FileId, Files, Span};
use bedrock_lint_rules::{Diagnostic, Report, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};
use std::fmt;
use view::View;

/// How the human report is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub color: bool,
    /// Columns of the terminal (or `COLUMNS`, or a default when not a terminal).
    pub width: usize,
}

/// The body of one finding, for miette: no message of its own (the header says it).
struct Body<'a> {
    d: &'a Diagnostic,
    source: View,
    labels: Vec<LabeledSpan>,
    related: Vec<Related>,
}

/// A label in another file is shown as its own report after the finding's (miette:
/// one source per report; its nested `related` reports would add an `Advice:` line).
struct Related {
    message: String,
    source: View,
    span: SourceSpan,
}

impl fmt::Debug for Body<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.d.message)
    }
}
impl fmt::Display for Body<'_> {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}
impl std::error::Error for Body<'_> {}

impl miette::Diagnostic for Body<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette_severity(self.d.severity))
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let mut h = self.d.help.clone()?;
        if let Some(f) = &self.d.fix {
            h.push_str(&format!(
                "\nfix available ({}): {}",
                f.applicability.as_str(),
                f.description
            ));
        }
        Some(Box::new(h))
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

impl fmt::Debug for Related {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}
impl fmt::Display for Related {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}
impl std::error::Error for Related {}
impl miette::Diagnostic for Related {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.message.clone()),
            self.span,
        ))))
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Note => miette::Severity::Advice,
    }
}

fn primary_label(d: &Diagnostic) -> String {
    match &d.principal {
        Some(p) => format!("{} ({p})", d.rule.name()),
        None => d.rule.name().to_string(),
    }
}

/// Columns left for source text once miette's gutter (line numbers, bars, the
/// arrows of multi-line labels) is drawn.
fn source_width(files: &Files, file: FileId, spans: &[Span], width: usize) -> usize {
    let f = files.get(file);
    let digits = f.line_count().to_string().len();
    let multi_line = spans
        .iter()
        .any(|s| f.line_index(s.start as usize) != f.line_index(s.end as usize));
    let gutter = digits + 4 + if multi_line { 4 } else { 0 };
    width.saturating_sub(gutter).max(20)
}

fn body<'a>(d: &'a Diagnostic, files: &Files, width: usize) -> Body<'a> {
    let file = d.span.file;
    let here: Vec<_> = d.related.iter().filter(|l| l.span.file == file).collect();
    let spans: Vec<Span> = std::iter::once(d.span)
        .chain(here.iter().map(|l| l.span))
        .collect();
    let primary = primary_label(d);
    let labelled: Vec<(Span, usize)> = std::iter::once((d.span, primary.chars().count()))
        .chain(here.iter().map(|l| (l.span, l.message.chars().count())))
        .collect();
    let source = View::new(
        files.get(file),
        &labelled,
        source_width(files, file, &spans, width),
    );
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        Some(primary),
        source.span(d.span),
    )];
    labels.extend(
        here.iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), source.span(l.span))),
    );
    let related = d
        .related
        .iter()
        .filter(|l| l.span.file != file)
        .map(|l| {
            let w = source_width(files, l.span.file, &[l.span], width.saturating_sub(4));
            let source = View::new(
                files.get(l.span.file),
                &[(l.span, l.message.chars().count())],
                w,
            );
            Related {
                message: l.message.clone(),
                span: source.span(l.span),
                source,
            }
        })
        .collect();
    Body {
        d,
        source,
        labels,
        related,
    }
}

fn wrap_options(width: usize) -> textwrap::Options<'static> {
    // Break only at spaces: never inside an ARN, a model id or an action name (a word
    // longer than the line stays whole).
    textwrap::Options::new(width.max(20))
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// `error[BL101]: message`, wrapped, the continuation lines indented.
fn header(d: &Diagnostic, layout: Layout) -> String {
    let word = d.severity.as_str();
    let code = d.rule.code();
    let suppressed = if d.suppressed { " (suppressed)" } else { "" };
    let plain = format!("{word}[{code}]: {}{suppressed}", d.message);
    let opts = wrap_options(layout.width).subsequent_indent("  ");
    let mut text = textwrap::fill(&plain, opts);
    if layout.color {
        let colour = match d.severity {
            Severity::Error => "31",
            Severity::Warning => "33",
            Severity::Note => "36",
        };
        let prefix = format!("{word}[{code}]");
        text = format!(
            "\u{1b}[1;{colour}m{prefix}\u{1b}[0m\u{1b}[1m{}\u{1b}[0m",
            &text[prefix.len()..]
        );
    }
    text.push('\n');
    text
}

pub fn render(report: &Report, layout: Layout, quiet: bool, verbose: bool) -> String {
    let files = &report.model.files;
    let theme = if layout.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(layout.width)
        .with_break_words(false)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = String::new();
    for d in report
        .diagnostics
        .iter()
        .filter(|d| verbose || !d.suppressed)
    {
        out.push_str(&header(d, layout));
        let mut text = String::new();
        // A failed render (a span outside its file) still leaves the header.
        let body = body(d, files, layout.width);
        let _ = handler.render_report(&mut text, &body);
        // miette opens with the message line (`  × `), empty here: the header said it.
        let text = text.split_once('\n').map_or("", |(_, rest)| rest);
        out.push_str(text.trim_end_matches('\n'));
        out.push('\n');
        for r in &body.related {
            let mut text = String::new();
            let _ = handler.render_report(&mut text, r);
            out.push_str(text.trim_end_matches('\n'));
            out.push('\n');
        }
        out.push('\n');
    }
    if !quiet {
        out.push_str(&summary(report));
    }
    out
}

pub fn summary(report: &Report) -> String {
    let (e, w, n, s) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Note),
        report.suppressed(),
    );
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    format!(
        "{}, {}, {} in {} ({} suppressed)\n",
        plural(e, "error"),
        plural(w, "warning"),
        plural(n, "note"),
        plural(report.model.files.len(), "file"),
        s
    )
}
