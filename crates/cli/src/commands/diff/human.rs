//! `diff --format human`: the comparison for a terminal.

use bedrock_lint_rules::diff::{summary, Comparison};

fn paint(s: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

pub fn render(cmp: &Comparison, color: bool) -> String {
    let mut out = String::new();
    if !cmp.changes.is_empty() {
        out.push_str(&paint("Access changes:", "1", color));
        out.push('\n');
        for c in &cmp.changes {
            let who = match &c.name {
                Some(n) => format!("{n} ({})", c.principal),
                None => c.principal.clone(),
            };
            out.push_str(&format!(
                "  {}:{}: {who}: {}\n",
                c.at.file,
                c.at.line,
                c.kind.title()
            ));
            if let (Some(f), Some(t)) = (&c.from, &c.to) {
                out.push_str(&format!("      {f} -> {t}\n"));
            }
            for a in &c.added {
                out.push_str(&format!(
                    "      {}\n",
                    paint(&format!("+ {a}"), "32", color)
                ));
            }
            for r in &c.removed {
                out.push_str(&format!(
                    "      {}\n",
                    paint(&format!("- {r}"), "31", color)
                ));
            }
        }
    }
    let new: Vec<_> = cmp.new_findings().collect();
    if !new.is_empty() {
        out.push_str(&paint("New findings:", "1", color));
        out.push('\n');
        for f in new {
            out.push_str(&format!(
                "  {}:{}: {}[{}] {}\n",
                f.at.file,
                f.at.line,
                f.severity.as_str(),
                f.code,
                f.message
            ));
        }
    }
    if !cmp.resolved.is_empty() {
        out.push_str(&format!("{} finding(s) resolved\n", cmp.resolved.len()));
    }
    out.push_str(&summary::sentence(cmp));
    out.push('\n');
    out
}
