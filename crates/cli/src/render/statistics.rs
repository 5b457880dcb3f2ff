//! `--statistics`: how many unsuppressed findings each rule has, most first (as
//! ruff's `--statistics`); a table, or JSON with `--format json`.

use bedrock_lint_rules::{Report, RuleId};
use serde_json::json;
use std::collections::BTreeMap;

struct Row {
    rule: RuleId,
    count: usize,
    fixable: bool,
}

fn rows(report: &Report) -> Vec<Row> {
    let mut by_rule: BTreeMap<RuleId, Row> = BTreeMap::new();
    for d in report.diagnostics.iter().filter(|d| !d.suppressed) {
        let row = by_rule.entry(d.rule).or_insert(Row {
            rule: d.rule,
            count: 0,
            fixable: false,
        });
        row.count += 1;
        row.fixable |= d.fix.as_ref().is_some_and(|f| !f.edits.is_empty());
    }
    let mut rows: Vec<Row> = by_rule.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(&b.rule)));
    rows
}

pub fn render(report: &Report, as_json: bool) -> String {
    let rows = rows(report);
    if as_json {
        let v: Vec<_> = rows
            .iter()
            .map(|r| {
                json!({
                    "code": r.rule.code(),
                    "name": r.rule.name(),
                    "count": r.count,
                    "fixable": r.fixable,
                })
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "[]".into());
        text.push('\n');
        return text;
    }
    let width = rows
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(1);
    let name_width = rows.iter().map(|r| r.rule.name().len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in &rows {
        let line = format!(
            "{:>width$}  {}  {:<name_width$}  {}",
            r.count,
            r.rule.code(),
            r.rule.name(),
            if r.fixable { "[fix]" } else { "" },
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
