//! `--format human`: miette reports with the source excerpt, labelled spans, related
//! labels (also in other files) and help; then a one-line summary.

use bedrock_lint_parser::Files;
use bedrock_lint_rules::{Diagnostic, Report, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use std::fmt;

struct Rendered<'a> {
    d: &'a Diagnostic,
    files: &'a Files,
    source: NamedSource<String>,
    related: Vec<Related>,
}

/// A label in another file is shown as its own report (miette: one source each).
#[derive(Debug)]
struct Related {
    message: String,
    source: NamedSource<String>,
    span: SourceSpan,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.d.message)
    }
}
impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.d.message)
    }
}
impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}({})",
            self.d.rule.code(),
            self.d.rule.name()
        )))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
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
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(primary_label(self.d)),
            span(self.d.span),
        )];
        for l in &self.d.related {
            if l.span.file == self.d.span.file {
                labels.push(LabeledSpan::new_with_span(
                    Some(l.message.clone()),
                    span(l.span),
                ));
            }
        }
        Some(Box::new(labels.into_iter()))
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
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

fn primary_label(d: &Diagnostic) -> String {
    match &d.principal {
        Some(p) => format!("{} ({p})", d.rule.name()),
        None => d.rule.name().to_string(),
    }
}

fn span(s: bedrock_lint_parser::Span) -> SourceSpan {
    (s.start as usize, (s.end - s.start) as usize).into()
}

fn source(files: &Files, id: bedrock_lint_parser::FileId) -> NamedSource<String> {
    let f = files.get(id);
    NamedSource::new(f.path.display().to_string(), f.text.to_string())
}

pub fn render(report: &Report, color: bool, quiet: bool, verbose: bool) -> String {
    let files = &report.model.files;
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(80);
    let mut out = String::new();
    for d in report
        .diagnostics
        .iter()
        .filter(|d| verbose || !d.suppressed)
    {
        let r = Rendered {
            d,
            files,
            source: source(files, d.span.file),
            related: d
                .related
                .iter()
                .filter(|l| l.span.file != d.span.file)
                .map(|l| Related {
                    message: l.message.clone(),
                    source: source(files, l.span.file),
                    span: span(l.span),
                })
                .collect(),
        };
        let _ = r.files;
        let _ = handler.render_report(&mut out, &r);
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
