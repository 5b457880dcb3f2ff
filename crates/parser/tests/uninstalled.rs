//! Module calls whose registry or git source is not installed: the model lists each
//! instance with its address, source, header and evaluated inputs, so a Bedrock grant
//! handed to such a module is never silent (BL905).

mod common;

use common::model;
use pretty_assertions::assert_eq;

#[test]
fn uninstalled_modules_are_listed_with_their_inputs() {
    let (m, _) = model(&[
        (
            "main.tf",
            r#"module "uses_another" {
  source = "acme/uses/aws"
  arn    = module.iam.arn
}
locals {
  invoke = "bedrock:InvokeModel"
}
module "iam" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "~> 6.0"
  name    = "invoker"
  policies = {
    Bedrock = "arn:aws:iam::aws:policy/AmazonBedrockFullAccess"
  }
  inline = [local.invoke]
}
module "teams" {
  source   = "git::https://example.com/teams.git"
  for_each = toset(["a", "b"])
  team     = each.key
}
module "local" {
  source = "./local"
}

"#,
        ),
        ("local/main.tf", "variable \"x\" { default = 1 }\n"),
    ]);
    let text = |s: Option<bedrock_lint_parser::Span>| s.map(|s| m.files.text(s).to_string());
    let got: Vec<(String, String, Option<String>)> = m
        .uninstalled
        .iter()
        .map(|u| (u.address.clone(), u.source.clone(), text(Some(u.header))))
        .collect();
    assert_eq!(
        got,
        [
            (
                "module.iam".to_string(),
                "terraform-aws-modules/iam/aws//modules/iam-role".to_string(),
                Some("module \"iam\"".to_string())
            ),
            (
                "module.uses_another".to_string(),
                "acme/uses/aws".to_string(),
                Some("module \"uses_another\"".to_string())
            ),
            (
                "module.teams[\"a\"]".to_string(),
                "git::https://example.com/teams.git".to_string(),
                Some("module \"teams\"".to_string())
            ),
            (
                "module.teams[\"b\"]".to_string(),
                "git::https://example.com/teams.git".to_string(),
                Some("module \"teams\"".to_string())
            ),
        ]
    );
    // An input read from another uninstalled module is unknown, naming it.
    assert!(m.uninstalled[1].inputs[0]
        .value
        .unknown_what()
        .is_some_and(|w| w.starts_with("module.iam (remote module")));
    let iam = &m.uninstalled[0];
    assert_eq!(
        text(Some(iam.source_span)).as_deref(),
        Some("\"terraform-aws-modules/iam/aws//modules/iam-role\"")
    );
    let names: Vec<&str> = iam.inputs.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(names, ["name", "policies", "inline"]);
    let arn = iam.inputs[1].value.get("Bedrock").expect("Bedrock");
    assert_eq!(
        text(arn.span).as_deref(),
        Some("\"arn:aws:iam::aws:policy/AmazonBedrockFullAccess\"")
    );
    // A value from a local keeps the span of its literal.
    let action = &iam.inputs[2].value.as_list().expect("list")[0];
    assert_eq!(action.as_str(), Some("bedrock:InvokeModel"));
    assert_eq!(
        text(action.span).as_deref(),
        Some("\"bedrock:InvokeModel\"")
    );
    assert_eq!(text(iam.inputs[1].key_span).as_deref(), Some("policies"));
    assert_eq!(
        m.uninstalled[3].inputs[0].value.as_str(),
        Some("b"),
        "each.key evaluated per instance"
    );
}
