//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.

use super::position::range;
use bedrock_lint_parser::{Files, Span};
use bedrock_lint_rules::{docs, Diagnostic, Report, RuleId, Severity, ALL};
use serde_json::{json, Value};

const INFORMATION_URI: &str = "https://example.invalid/bedrock-lint";

/// A path as a SARIF URI: relative with forward slashes, or a `file://` URI.
pub fn uri(files: &Files, span: Span) -> String {
    let p = files
        .get(span.file)
        .path
        .display()
        .to_string()
        .replace('\\', "/");
    if p.starts_with('/') {
        format!("file://{p}")
    } else if p.len() > 2 && p.as_bytes()[1] == b':' {
        format!("file:///{p}")
    } else {
        p.trim_start_matches("./").to_string()
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "8.0",
        Severity::Warning => "5.0",
        Severity::Note => "2.0",
    }
}

fn rule_json(rule: RuleId) -> Value {
    let summary = docs::summary(rule);
    let body = docs::body(rule).unwrap_or(summary);
    // Framework references from the rule's metadata (a test keeps them equal to the
    // rule's documentation).
    let mut tags: Vec<&str> = rule.meta().frameworks.to_vec();
    tags.push("security");
    let sev = rule.default_severity();
    json!({
        "id": rule.code(),
        "name": rule.name(),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": body, "markdown": body},
        "properties": {"tags": tags, "security-severity": security_severity(sev)},
        "defaultConfiguration": {"level": level(sev)},
    })
}

fn region(files: &Files, span: Span) -> Value {
    let ((sl, sc), (el, ec)) = range(files, span);
    json!({"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec})
}

fn physical(files: &Files, span: Span) -> Value {
    json!({"artifactLocation": {"uri": uri(files, span)}, "region": region(files, span)})
}

fn result_json(files: &Files, d: &Diagnostic) -> Value {
    let mut r = json!({
        "ruleId": d.rule.code(),
        "ruleIndex": ALL.iter().position(|x| *x == d.rule).unwrap_or(0),
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": physical(files, d.span)}],
    });
    let o = r.as_object_mut().expect("object literal");
    if !d.related.is_empty() {
        o.insert(
            "relatedLocations".into(),
            Value::Array(
                d.related
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        json!({
                            "id": i + 1,
                            "physicalLocation": physical(files, l.span),
                            "message": {"text": l.message},
                        })
                    })
                    .collect(),
            ),
        );
    }
    o.insert(
        "partialFingerprints".into(),
        json!({"bedrockLint/v1": d.key(files).fingerprint()}),
    );
    if d.suppressed {
        o.insert("suppressions".into(), json!([{"kind": "inSource"}]));
    }
    let mut props = serde_json::Map::new();
    if let Some(a) = &d.address {
        props.insert("address".into(), json!(a));
    }
    if let Some(p) = &d.principal {
        props.insert("principal".into(), json!(p));
    }
    if !props.is_empty() {
        o.insert("properties".into(), Value::Object(props));
    }
    r
}

pub fn report_value(report: &Report) -> Value {
    let files = &report.model.files;
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "bedrock-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": ALL.iter().map(|r| rule_json(*r)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": report.diagnostics.iter().map(|d| result_json(files, d)).collect::<Vec<_>>(),
        }],
    })
}

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&report_value(report)).unwrap_or_default();
    s.push('\n');
    s
}
