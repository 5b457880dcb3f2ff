//! `bedrock-lint init`: write a commented starter `.bedrock-lint.hcl`.

use crate::error::Failure;
use crate::output::stdout;

// No URL: the project has no public address yet, and a placeholder would send
// readers nowhere. The commands below work offline, from the installed binary.
pub const STARTER_CONFIG: &str = r#"# bedrock-lint configuration. Every setting: docs/configuration.md of bedrock-lint;
# the rules: `bedrock-lint rules`, one rule's documentation: `bedrock-lint explain BL101`.

# Model IDs (globs) that workloads may invoke. Unset: BL102 is off.
# approved_models = ["anthropic.claude-3-5-sonnet-*", "amazon.titan-embed-text-v2:0"]

# Regions model ARNs may name. Set: BL103 becomes an error.
# approved_regions = ["us-east-1"]

# Accounts that may own custom models, inference profiles and trusted roots.
# approved_accounts = ["111122223333"]

# Principals allowed to administer Bedrock (addresses or name globs).
# admin_principals = ["aws_iam_role.bedrock_platform", "bedrock-platform-*"]

# Longest session (seconds) for roles with Bedrock access (BL401).
max_session_duration = 3600

# "required": this tree must configure model invocation logging (BL501);
# "external": logging is managed in another stack.
invocation_logging = "required"

# Require a bedrock:GuardrailIdentifier condition on invoke grants (BL503).
require_guardrail = false

# Paths never linted.
exclude = [".terraform/**"]

# Environments by path, for BL405 (a role shared across environments).
# environment "prod" { paths = ["envs/prod/**"] }
# environment "dev"  { paths = ["envs/dev/**"] }

# Per-rule settings: enabled, severity ("error" | "warning" | "note"), ignorable.
# rule "BL403" { enabled = false }
# rule "BL303" { ignorable = false }
"#;

pub fn command(force: bool) -> Result<i32, Failure> {
    let path = std::path::Path::new(bedrock_lint_rules::config::CONFIG_FILE);
    if path.exists() && !force {
        return Err(Failure(format!(
            "{} already exists (use --force to overwrite)",
            path.display()
        )));
    }
    std::fs::write(path, STARTER_CONFIG)
        .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    stdout(&format!("wrote {}\n", path.display()))?;
    Ok(0)
}
