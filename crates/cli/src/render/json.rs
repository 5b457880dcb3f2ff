//! `--format json`: DESIGN.md's report, version 1. Sorted; byte-identical across runs.

use super::position::range;
use bedrock_lint_parser::{Files, Span};
use bedrock_lint_rules::{Diagnostic, Report, Severity};
use serde_json::{json, Value};

pub fn range_json(files: &Files, span: Span) -> Value {
    let ((sl, sc), (el, ec)) = range(files, span);
    json!({"start": {"line": sl, "column": sc}, "end": {"line": el, "column": ec}})
}

pub fn file_of(files: &Files, span: Span) -> String {
    files.get(span.file).path.display().to_string()
}

pub fn diagnostic(files: &Files, d: &Diagnostic) -> Value {
    let mut v = json!({
        "code": d.rule.code(),
        "name": d.rule.name(),
        "severity": d.severity.as_str(),
        "message": d.message,
        "file": file_of(files, d.span),
        "range": range_json(files, d.span),
    });
    let o = v.as_object_mut().expect("object literal");
    if let Some(a) = &d.address {
        o.insert("address".into(), json!(a));
    }
    if let Some(p) = &d.principal {
        o.insert("principal".into(), json!(p));
    }
    o.insert(
        "related".into(),
        Value::Array(
            d.related
                .iter()
                .map(|l| json!({"message": l.message, "file": file_of(files, l.span), "range": range_json(files, l.span)}))
                .collect(),
        ),
    );
    if let Some(h) = &d.help {
        o.insert("help".into(), json!(h));
    }
    if let Some(f) = &d.fix {
        o.insert(
            "fix".into(),
            json!({
                "applicability": f.applicability.as_str(),
                "description": f.description,
                "edits": f.edits.iter().map(|e| json!({
                    "file": file_of(files, e.span),
                    "range": range_json(files, e.span),
                    "replacement": e.replacement,
                })).collect::<Vec<_>>(),
            }),
        );
    }
    o.insert("suppressed".into(), json!(d.suppressed));
    // The finding's identity (rule, address, the text it points at): what baselines
    // and `diff` match on, independent of lines and message wording.
    o.insert("fingerprint".into(), json!(d.key(files).fingerprint()));
    v
}

pub fn report_value(report: &Report) -> Value {
    let files = &report.model.files;
    json!({
        "version": 1,
        "tool": {"name": "bedrock-lint", "version": env!("CARGO_PKG_VERSION")},
        "diagnostics": report.diagnostics.iter().map(|d| diagnostic(files, d)).collect::<Vec<_>>(),
        "summary": {
            "files": report.model.files.len(),
            "errors": report.count(Severity::Error),
            "warnings": report.count(Severity::Warning),
            "notes": report.count(Severity::Note),
            "suppressed": report.suppressed(),
        }
    })
}

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&report_value(report)).unwrap_or_default();
    s.push('\n');
    s
}
