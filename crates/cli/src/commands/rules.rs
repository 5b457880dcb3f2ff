//! `bedrock-lint rules`: every rule with its code, name, default severity and
//! summary; `--format json` for scripts.

use crate::args::RulesFormat;
use crate::error::Failure;
use crate::output::stdout;
use bedrock_lint_rules::{docs, ALL};
use serde_json::json;

pub fn command(format: RulesFormat) -> Result<i32, Failure> {
    let text = match format {
        RulesFormat::Text => text(),
        RulesFormat::Json => json(),
    };
    stdout(&text)?;
    Ok(0)
}

fn text() -> String {
    let mut out = String::new();
    for r in ALL {
        out.push_str(&format!(
            "{:<6} {:<34} {:<8} {}\n",
            r.code(),
            r.name(),
            r.default_severity().as_str(),
            docs::summary(*r)
        ));
    }
    out
}

fn json() -> String {
    let rules: Vec<_> = ALL
        .iter()
        .map(|r| {
            let meta = r.meta();
            json!({
                "code": r.code(),
                "name": r.name(),
                "severity": r.default_severity().as_str(),
                "group": meta.group,
                "fix": meta.fix.map(|a| a.as_str()),
                "frameworks": meta.frameworks,
                "summary": docs::summary(*r),
            })
        })
        .collect();
    let mut out =
        serde_json::to_string_pretty(&json!({"version": 1, "rules": rules})).unwrap_or_default();
    out.push('\n');
    out
}
