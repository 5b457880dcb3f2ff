//! `bedrock-lint rules`: every rule with its code, name, default severity and summary.

use crate::error::Failure;
use crate::output::stdout;
use bedrock_lint_rules::ALL;

pub fn command() -> Result<i32, Failure> {
    let mut out = String::new();
    for r in ALL {
        out.push_str(&format!(
            "{:<6} {:<34} {:<8} {}\n",
            r.code(),
            r.name(),
            r.default_severity().as_str(),
            bedrock_lint_rules::docs::summary(*r)
        ));
    }
    stdout(&out)?;
    Ok(0)
}
