//! `--format markdown`: a pull-request comment — a summary line, counts per rule, then
//! the findings grouped by principal (else address, else file).

use super::position::range;
use bedrock_lint_rules::{Report, RuleId, Severity};
use std::collections::BTreeMap;

/// Escapes Markdown inline syntax in plain text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn render(report: &Report) -> String {
    let files = &report.model.files;
    let findings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| !d.suppressed)
        .collect();
    let mut out = String::new();
    let (e, w, n) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Note),
    );
    let suppressed = report.suppressed();
    let sup = if suppressed > 0 {
        format!(", {suppressed} suppressed")
    } else {
        String::new()
    };
    if findings.is_empty() {
        out.push_str(&format!(
            "### bedrock-lint: no findings ({}{sup})\n",
            plural(files.len(), "file", "files")
        ));
        return out;
    }
    out.push_str(&format!(
        "### bedrock-lint: {}, {}, {} ({}{sup})\n\n",
        plural(e, "error", "errors"),
        plural(w, "warning", "warnings"),
        plural(n, "note", "notes"),
        plural(files.len(), "file", "files"),
    ));
    // Counts per rule and severity, most severe first.
    let mut counts: BTreeMap<(std::cmp::Reverse<Severity>, &'static str, RuleId), usize> =
        BTreeMap::new();
    for d in &findings {
        *counts
            .entry((std::cmp::Reverse(d.severity), d.rule.code(), d.rule))
            .or_default() += 1;
    }
    out.push_str("| Code | Rule | Severity | Count |\n|---|---|---|---:|\n");
    for ((sev, code, rule), c) in &counts {
        out.push_str(&format!(
            "| {code} | {} | {} | {c} |\n",
            rule.name(),
            sev.0.as_str()
        ));
    }
    // Findings by principal / address / file, in report order within a group.
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in &findings {
        let file = files
            .get(d.span.file)
            .path
            .display()
            .to_string()
            .replace('\\', "/");
        let key = d
            .principal
            .clone()
            .or_else(|| d.address.clone())
            .unwrap_or_else(|| file.clone());
        let ((l, _), _) = range(files, d.span);
        groups.entry(key).or_default().push(format!(
            "- **{}** `{}` {} ([{}:{l}]({}#L{l}))",
            d.severity.as_str(),
            d.rule.code(),
            escape(&d.message),
            escape(&file),
            file.replace(' ', "%20")
                .replace('(', "%28")
                .replace(')', "%29")
        ));
    }
    for (key, items) in groups {
        out.push_str(&format!("\n#### `{}`\n\n", key.replace('`', "'")));
        for i in items {
            out.push_str(&i);
            out.push('\n');
        }
    }
    out
}
