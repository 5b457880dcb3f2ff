//! One renderer per format, each a pure function of the report.

pub mod checkstyle;
pub mod compact;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use crate::args::{Format, LintArgs};
use crate::run::Failure;
use bedrock_lint_parser::{Files, Span};
use bedrock_lint_rules::{Report, ALL};

pub fn render(report: &Report, format: Format, color: bool, args: &LintArgs) -> String {
    match format {
        Format::Human => human::render(report, color, args.quiet, args.verbose),
        Format::Compact => compact::render(report, args.verbose),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Checkstyle => checkstyle::render(report),
        Format::Junit => junit::render(report),
        Format::Markdown => markdown::render(report),
    }
}

/// 1-based (line, column) of a span's start and end.
pub fn range(files: &Files, span: Span) -> ((usize, usize), (usize, usize)) {
    let f = files.get(span.file);
    let s = f.line_col(span.start as usize);
    let e = f.line_col(span.end as usize);
    ((s.line, s.column), (e.line, e.column))
}

pub fn rules_list() -> Result<i32, Failure> {
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
    print!("{out}");
    Ok(0)
}

pub fn explain(rule: &str) -> Result<i32, Failure> {
    let r = bedrock_lint_rules::RuleId::from_code_or_name(rule).ok_or_else(|| {
        Failure(format!(
            "unknown rule \"{rule}\"; `bedrock-lint rules` lists them"
        ))
    })?;
    match bedrock_lint_rules::docs::body(r) {
        Some(b) => print!("{b}"),
        None => println!("{} {}", r.code(), r.name()),
    }
    Ok(0)
}

pub const STARTER_CONFIG: &str = r#"# bedrock-lint configuration: https://github.com/ (see docs/configuration.md)

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

pub fn init(force: bool) -> Result<i32, Failure> {
    let path = std::path::Path::new(bedrock_lint_rules::config::CONFIG_FILE);
    if path.exists() && !force {
        return Err(Failure(format!(
            "{} already exists (use --force to overwrite)",
            path.display()
        )));
    }
    std::fs::write(path, STARTER_CONFIG)
        .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    println!("wrote {}", path.display());
    Ok(0)
}
