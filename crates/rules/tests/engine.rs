//! The engine's own decisions: severity decided once (config, then the time-bound
//! downgrade), and the access map agreeing with the findings on the same IAM facts.

mod common;

use bedrock_lint_rules::iam::access::access_map;
use bedrock_lint_rules::{Config, Severity};
use common::*;
use pretty_assertions::assert_eq;

const TIME_BOUND_POLICY: &str = r#"
resource "aws_iam_role" "eval" {
  name               = "eval"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_iam_role_policy" "eval" {
  role = aws_iam_role.eval.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "bedrock:InvokeModel"
      Resource  = "*"
      Condition = { DateLessThan = { "aws:CurrentTime" = "2027-06-30T00:00:00Z" } }
    }]
  })
}
"#;

fn bl101(dir: &std::path::Path) -> Vec<(Severity, String)> {
    let config = Config::discover(dir).map(|p| Config::load(&p).expect("config"));
    lint_dir(dir, config)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule.code() == "BL101")
        .map(|d| (d.severity, d.message))
        .collect()
}

#[test]
fn time_bound_error_is_reported_one_step_down() {
    let dir = tree("time-bound", &[("main.tf", TIME_BOUND_POLICY)]);
    assert_eq!(
        bl101(&dir),
        vec![(
            Severity::Warning,
            "bedrock:InvokeModel is allowed on every model (\"*\") (time-bound: allowed until 2027-06-30T00:00:00Z)".to_string()
        )]
    );
}

/// A severity set in config is the rule's severity; the time-bound downgrade still
/// applies to it (it used to be undone, while the message said "time-bound").
#[test]
fn configured_severity_keeps_the_time_bound_downgrade() {
    let dir = tree(
        "time-bound-config",
        &[
            ("main.tf", TIME_BOUND_POLICY),
            (
                ".bedrock-lint.hcl",
                "rule \"BL101\" {\n  severity = \"error\"\n}\n",
            ),
        ],
    );
    let found = bl101(&dir);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, Severity::Warning, "{}", found[0].1);
    assert!(found[0]
        .1
        .ends_with("(time-bound: allowed until 2027-06-30T00:00:00Z)"));
}

/// Built to make the map and the findings disagree before they shared one core: a
/// Deny on the exact model ARN the Allow names (the map honoured only a Deny on "*"),
/// and SAML federation (the map called it human, BL406 does not).
#[test]
fn access_map_and_findings_agree() {
    let dir = tree(
        "agree",
        &[(
            "main.tf",
            r#"
resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRoleWithWebIdentity"
        Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
        Condition = { StringEquals = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:environment:prod" } }
      },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRoleWithSAML"
        Principal = { Federated = "arn:aws:iam::111122223333:saml-provider/corp-idp" }
      }
    ]
  })
}

resource "aws_iam_role_policy" "app" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      },
      {
        Effect   = "Allow"
        Action   = "bedrock:CreateGuardrail"
        Resource = "*"
      },
      {
        Effect   = "Deny"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      }
    ]
  })
}
"#,
        )],
    );
    let report = lint_dir(&dir, None);
    let codes: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.rule.code())
        .filter(|c| c.starts_with("BL2") || c.starts_with("BL4"))
        .collect();
    // InvokeModel is denied on the one model it names: no invoke principal, so no
    // BL201; SAML is not a human principal for BL406.
    assert_eq!(codes, Vec::<&str>::new());
    let map = access_map(&report.model, &report.view, date());
    assert_eq!(map.len(), 1);
    assert_eq!(
        map[0].bedrock[0],
        vec![],
        "no invoke grant survives the Deny"
    );
    let admin: Vec<&str> = map[0].bedrock[3]
        .iter()
        .map(|g| g.action.as_str())
        .collect();
    assert_eq!(admin, vec!["bedrock:CreateGuardrail"]);
    let trust: Vec<(&str, &str)> = map[0]
        .trust
        .iter()
        .map(|t| (t.kind, t.provider.as_str()))
        .collect();
    assert_eq!(
        trust,
        vec![
            ("oidc", "token.actions.githubusercontent.com"),
            ("saml", "arn:aws:iam::111122223333:saml-provider/corp-idp"),
        ]
    );
}

fn date() -> bedrock_lint_rules::Date {
    bedrock_lint_rules::Date::parse(TODAY).expect("date")
}

/// The "ignore with expiry" edit, written by the core for every caller: inserted above
/// the finding's line, indented like it, and it suppresses the finding once applied.
#[test]
fn ignore_edit_suppresses_the_finding() {
    let dir = tree("ignore-edit", &[("main.tf", TIME_BOUND_POLICY)]);
    let report = lint_dir(&dir, None);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.code() == "BL101")
        .expect("BL101");
    let file = report.model.files.get(d.span.file);
    let e = bedrock_lint_rules::suppress::ignore_edit(file, d, "2027-01-31");
    assert_eq!(
        e.replacement,
        "      # bedrock-lint:ignore BL101 until=2027-01-31 reason=\"TODO: why\"\n"
    );
    let mut text = file.text.to_string();
    text.insert_str(e.span.start as usize, &e.replacement);
    std::fs::write(dir.join("main.tf"), text).expect("write");
    let after = lint_dir(&dir, None);
    let bl101: Vec<bool> = after
        .diagnostics
        .iter()
        .filter(|d| d.rule.code() == "BL101")
        .map(|d| d.suppressed)
        .collect();
    assert_eq!(bl101, vec![true]);
}
