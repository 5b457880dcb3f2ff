//! `bedrock-lint explain CODE|NAME`: a rule's documentation (its `rules/*.md` file).

use crate::error::Failure;
use crate::output::stdout;

pub fn command(rule: &str) -> Result<i32, Failure> {
    let r = bedrock_lint_rules::RuleId::from_code_or_name(rule).ok_or_else(|| {
        Failure(format!(
            "unknown rule \"{rule}\"; `bedrock-lint rules` lists them"
        ))
    })?;
    let text = match bedrock_lint_rules::docs::body(r) {
        Some(b) => b.to_string(),
        None => format!("{} {}\n", r.code(), r.name()),
    };
    stdout(&text)?;
    Ok(0)
}
