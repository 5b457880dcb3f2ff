//! `diff --format markdown`: one pull-request comment — the summary sentence, then
//! the access changes and the new findings as tables. The first line is a marker a
//! CI job finds to update its comment rather than add another.

use super::context::Context;
use crate::render::markdown::escape;
use bedrock_lint_rules::diff::{summary, Change, Comparison, Place};

/// The first line of every comment (docs/ci.md finds the comment by it).
pub const MARKER: &str = "<!-- bedrock-lint diff -->";

/// At most this many values per table cell; the JSON report has them all.
const CELL_MAX: usize = 8;

fn code(s: &str) -> String {
    // Backticks cannot be escaped inside a code span: show them as quotes.
    format!("`{}`", s.replace('`', "'").replace('|', "\\|"))
}

fn cell(values: &[String]) -> String {
    if values.is_empty() {
        return String::new();
    }
    let mut parts: Vec<String> = values.iter().take(CELL_MAX).map(|v| code(v)).collect();
    if values.len() > CELL_MAX {
        parts.push(format!("… {} more", values.len() - CELL_MAX));
    }
    parts.join("<br>")
}

fn place(p: &Place, ctx: &Context) -> String {
    let text = format!("{}:{}", p.file, p.line);
    match ctx.link(&p.file, p.line) {
        Some(url) => format!("[{}]({url})", escape(&text)),
        None => code(&text),
    }
}

fn who(c: &Change) -> String {
    match &c.name {
        Some(n) => format!("{} ({})", code(n), code(&c.principal)),
        None => code(&c.principal),
    }
}

fn values(c: &Change) -> (Vec<String>, Vec<String>) {
    match (&c.from, &c.to) {
        (Some(f), Some(t)) => (vec![t.clone()], vec![f.clone()]),
        _ => (c.added.clone(), c.removed.clone()),
    }
}

pub fn render(cmp: &Comparison, ctx: &Context) -> String {
    let mut out = format!(
        "{MARKER}\n### bedrock-lint: Bedrock access changes since {}\n\n",
        code(&ctx.base)
    );
    out.push_str(&summary::sentence(cmp));
    out.push_str("\n\n");
    if !cmp.changes.is_empty() {
        out.push_str(&format!("#### Access changes ({})\n\n", cmp.changes.len()));
        out.push_str(
            "| Principal | What changed | Added | Removed | Where |\n|---|---|---|---|---|\n",
        );
        for c in &cmp.changes {
            let (added, removed) = values(c);
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                who(c),
                c.kind.title(),
                cell(&added),
                cell(&removed),
                place(&c.at, ctx)
            ));
        }
        out.push('\n');
    }
    let new: Vec<_> = cmp.new_findings().collect();
    if !new.is_empty() {
        out.push_str(&format!("#### New findings ({})\n\n", new.len()));
        out.push_str("| Severity | Rule | Finding | Where |\n|---|---|---|---|\n");
        for f in &new {
            out.push_str(&format!(
                "| {} | {} {} | {} | {} |\n",
                f.severity.as_str(),
                f.code,
                escape(f.name),
                escape(&f.message),
                place(&f.at, ctx)
            ));
        }
        out.push('\n');
    }
    let resolved: Vec<_> = cmp.resolved_findings().collect();
    if !resolved.is_empty() {
        out.push_str(&format!(
            "<details><summary>Resolved findings ({})</summary>\n\n| Rule | Finding | Where (base) |\n|---|---|---|\n",
            resolved.len()
        ));
        for f in &resolved {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                f.code,
                escape(&f.message),
                code(&format!("{}:{}", f.at.file, f.at.line))
            ));
        }
        out.push_str("\n</details>\n");
    }
    out
}
