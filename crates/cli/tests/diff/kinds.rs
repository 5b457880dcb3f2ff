//! One test per kind of access change, each on a base and a head commit.

use super::support::*;
use pretty_assertions::assert_eq;

/// Commits `base`, then `head` (path, text; an empty text removes the file), and
/// returns the access changes and new findings of `diff HEAD~1`.
fn diff(
    name: &str,
    base: &[(&str, String)],
    head: &[(&str, String)],
) -> (Vec<String>, Vec<String>) {
    let r = Repo::new(name);
    for (p, t) in base {
        r.write(p, t);
    }
    r.commit("base");
    for (p, t) in head {
        if t.is_empty() {
            r.remove(p);
        } else {
            r.write(p, t);
        }
    }
    r.commit("head");
    let out = r.run(&["diff", "HEAD~1", "--format", "json", "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = stdout(&out);
    (changes(&json), new_findings(&json))
}

fn app(extra: &str, resources: &str) -> String {
    format!(
        "{}\n{}",
        lambda_role("app", "app-prod", extra),
        policy("invoke", "app", INVOKE, resources)
    )
}

#[test]
fn models_regions_and_accounts() {
    let eu = "\"arn:aws:bedrock:eu-west-1:444455556666:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0\"";
    let (c, _) = diff(
        "models",
        &[("main.tf", app("", SONNET))],
        &[("main.tf", app("", &format!("{SONNET}, {HAIKU}, {eu}")))],
    );
    assert_eq!(
        c,
        vec![
            "aws_iam_role.app models +foundation-model/anthropic.claude-3-haiku-20240307-v1:0 +inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0 @main.tf:21",
            "aws_iam_role.app regions +eu-west-1 @main.tf:21",
            "aws_iam_role.app accounts +444455556666 @main.tf:21",
        ]
    );
}

#[test]
fn principal_added_and_removed() {
    let other = format!(
        "{}\n{}",
        lambda_role("other", "other", ""),
        policy("other_invoke", "other", INVOKE, HAIKU)
    );
    let (c, _) = diff(
        "principals",
        &[("main.tf", app("", SONNET)), ("other.tf", other)],
        &[
            ("other.tf", String::new()),
            (
                "new.tf",
                format!(
                    "{}\n{}",
                    lambda_role("app2", "app-two", ""),
                    policy("invoke2", "app2", INVOKE, SONNET)
                ),
            ),
        ],
    );
    assert_eq!(
        c,
        vec![
            "aws_iam_role.app2 principal_added +foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0 @new.tf:1",
            "aws_iam_role.other principal_removed -foundation-model/anthropic.claude-3-haiku-20240307-v1:0 @other.tf:1",
        ]
    );
}

#[test]
fn session_raised() {
    let (c, f) = diff(
        "session",
        &[("main.tf", app("  max_session_duration = 3600\n", SONNET))],
        &[("main.tf", app("  max_session_duration = 43200\n", SONNET))],
    );
    assert_eq!(
        c,
        vec!["aws_iam_role.app max_session_duration 3600->43200 @main.tf:11"]
    );
    assert_eq!(f, vec!["main.tf:11 BL401"]);
}

const OIDC: &str = r#"resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = [SUBJECTS] }
      }
    }]
  })
}
"#;

#[test]
fn oidc_subject_added() {
    let ci = |subjects: &str| {
        format!(
            "{}\n{}",
            OIDC.replace("SUBJECTS", subjects),
            policy("ci_invoke", "ci", INVOKE, SONNET)
        )
    };
    let (c, _) = diff(
        "oidc",
        &[("ci.tf", ci("\"repo:acme/app:environment:prod\""))],
        &[(
            "ci.tf",
            ci("\"repo:acme/app:environment:prod\", \"repo:acme/app:pull_request\""),
        )],
    );
    assert_eq!(
        c,
        vec!["aws_iam_role.ci trust +oidc token.actions.githubusercontent.com sub repo:acme/app:pull_request @ci.tf:11"]
    );
}

#[test]
fn anyone_trusted() {
    let star = lambda_role("app", "app-prod", "")
        .replace("{ Service = \"lambda.amazonaws.com\" }", "{ AWS = \"*\" }");
    let (c, _) = diff(
        "star",
        &[("main.tf", app("", SONNET))],
        &[(
            "main.tf",
            format!("{star}\n{}", policy("invoke", "app", INVOKE, SONNET)),
        )],
    );
    assert_eq!(
        c,
        vec!["aws_iam_role.app trust +any * -service lambda.amazonaws.com @main.tf:7"]
    );
}

const USER: &str = r#"resource "aws_iam_user" "bot" {
  name = "bot"
}

resource "aws_iam_user_policy" "bot" {
  name = "invoke"
  user = aws_iam_user.bot.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
    }]
  })
}
"#;

#[test]
fn access_key_and_bedrock_api_key_created() {
    let keys = r#"
resource "aws_iam_access_key" "bot" {
  user = aws_iam_user.bot.name
}

resource "aws_iam_service_specific_credential" "bot" {
  service_name = "bedrock.amazonaws.com"
  user_name    = aws_iam_user.bot.name
}
"#;
    let (c, f) = diff(
        "keys",
        &[("user.tf", USER.to_string())],
        &[("user.tf", format!("{USER}{keys}"))],
    );
    assert_eq!(
        c,
        vec![
            "aws_iam_user.bot access_keys 0->1 @user.tf:18",
            "aws_iam_user.bot bedrock_api_key +aws_iam_service_specific_credential.bot @user.tf:22",
        ]
    );
    assert!(f.contains(&"user.tf:22 BL304".to_string()), "{f:?}");
}

#[test]
fn module_input_changed_in_tfvars() {
    let module = r#"variable "model_arns" {
  type = list(string)
}

resource "aws_iam_role" "this" {
  name = "chat-api-prod"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = var.model_arns
    }]
  })
}
"#;
    let root = "variable \"models\" {\n  type = list(string)\n}\n\nmodule \"chat\" {\n  source     = \"./modules/invoke\"\n  model_arns = var.models\n}\n";
    let tfvars = |m: &str| format!("models = [\n  {m},\n]\n");
    let (c, _) = diff(
        "tfvars",
        &[
            ("modules/invoke/main.tf", module.to_string()),
            ("main.tf", root.to_string()),
            ("terraform.tfvars", tfvars(SONNET)),
        ],
        &[("terraform.tfvars", tfvars(HAIKU))],
    );
    assert_eq!(
        c,
        vec!["module.chat.aws_iam_role.this models +foundation-model/anthropic.claude-3-haiku-20240307-v1:0 -foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0 @terraform.tfvars:2"]
    );
}

#[test]
fn change_only_visible_through_a_module_output() {
    let models = |m: &str| format!("output \"arns\" {{\n  value = [{m}]\n}}\n");
    let root = format!(
        "module \"models\" {{\n  source = \"./modules/models\"\n}}\n\n{}\n{}",
        lambda_role("app", "app-prod", ""),
        policy("invoke", "app", INVOKE, "module.models.arns[0]")
    )
    .replace(
        "Resource = [module.models.arns[0]]",
        "Resource = module.models.arns",
    );
    let (c, _) = diff(
        "output",
        &[
            ("main.tf", root.clone()),
            ("modules/models/main.tf", models(SONNET)),
        ],
        &[("modules/models/main.tf", models(HAIKU))],
    );
    assert_eq!(
        c,
        vec!["aws_iam_role.app models +foundation-model/anthropic.claude-3-haiku-20240307-v1:0 -foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0 @modules/models/main.tf:2"]
    );
}

#[test]
fn template_change_read_by_templatefile() {
    let main = format!(
        "{}\n{}",
        lambda_role("app", "app-prod", ""),
        r#"resource "aws_iam_role_policy" "invoke" {
  name   = "invoke"
  role   = aws_iam_role.app.id
  policy = templatefile("${path.module}/policy.json.tpl", { region = "us-east-1" })
}
"#
    );
    let tpl = |model: &str| {
        format!(
            "{{\"Version\": \"2012-10-17\", \"Statement\": [{{\"Effect\": \"Allow\", \"Action\": \"bedrock:InvokeModel\",\n  \"Resource\": \"arn:aws:bedrock:${{region}}::foundation-model/{model}\"}}]}}\n"
        )
    };
    let (c, _) = diff(
        "template",
        &[
            ("main.tf", main),
            (
                "policy.json.tpl",
                tpl("anthropic.claude-3-haiku-20240307-v1:0"),
            ),
        ],
        &[("policy.json.tpl", tpl("*"))],
    );
    assert_eq!(
        c,
        vec!["aws_iam_role.app models +foundation-model/* -foundation-model/anthropic.claude-3-haiku-20240307-v1:0 @policy.json.tpl:2"]
    );
}
