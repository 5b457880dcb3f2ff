//! Module variables as Terraform types them (RULES.md "Module variables"): the type
//! constraint applies, `optional(T, DEFAULT)` attributes take their default when
//! absent (at any depth), other absent optional attributes are null, and the
//! variable's default is used when the caller passes nothing (or null to a
//! non-nullable variable).

mod common;

use bedrock_lint_parser::{Kind, Value};
use common::{model, resource};
use pretty_assertions::assert_eq;

/// A role module in the style of the widely used registry modules: statements come in
/// as a typed map and become `dynamic "statement"` blocks.
const ROLE_MODULE: &str = r#"variable "create" {
  type    = bool
  default = true
}

variable "permissions" {
  type = map(object({
    sid         = optional(string)
    effect      = optional(string, "Allow")
    actions     = optional(list(string))
    not_actions = optional(list(string))
    resources   = optional(list(string), ["*"])
    principals = optional(list(object({
      type        = optional(string, "AWS")
      identifiers = list(string)
    })), [])
  }))
  default = null
}

variable "tags" {
  type     = map(string)
  default  = { team = "ml" }
  nullable = false
}

variable "max_session" {
  type    = number
  default = 3600
}

data "aws_iam_policy_document" "this" {
  count = var.create && var.permissions != null ? 1 : 0

  dynamic "statement" {
    for_each = var.permissions

    content {
      sid         = try(coalesce(statement.value.sid, statement.key), null)
      effect      = statement.value.effect
      actions     = statement.value.actions
      not_actions = statement.value.not_actions
      resources   = statement.value.resources

      dynamic "principals" {
        for_each = statement.value.principals
        content {
          type        = principals.value.type
          identifiers = principals.value.identifiers
        }
      }
    }
  }
}

resource "aws_iam_role" "this" {
  name                 = "invoker"
  max_session_duration = var.max_session
  tags                 = var.tags
  assume_role_policy   = "{}"
}
"#;

const CALLER: &str = r#"module "role" {
  source = "./modules/role"
  permissions = {
    Invoke = {
      actions = ["bedrock:InvokeModel"]
      resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
    }
    ReadAll = {
      sid     = "Read"
      effect  = null
      actions = ["bedrock:Get*"]
      principals = [{ identifiers = ["arn:aws:iam::111122223333:root"] }]
    }
  }
  tags        = null
  max_session = "7200"
}
"#;

#[test]
fn optional_attributes_take_their_defaults_in_a_typed_map_of_objects() {
    let (m, _) = model(&[("main.tf", CALLER), ("modules/role/main.tf", ROLE_MODULE)]);
    let doc = resource(&m, "module.role.data.aws_iam_policy_document.this[0]");
    let json = doc.body.get("json").expect("json");
    assert!(json.is_known(), "{json:?}");
    let policy: serde_json::Value =
        serde_json::from_str(json.as_str().expect("string")).expect("json");
    assert_eq!(
        policy,
        serde_json::json!({
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "Invoke",
                    "Effect": "Allow",
                    "Action": ["bedrock:InvokeModel"],
                    "Resource": ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
                },
                {
                    "Sid": "Read",
                    "Effect": "Allow",
                    "Action": ["bedrock:Get*"],
                    "Resource": ["*"],
                    "Principal": { "AWS": ["arn:aws:iam::111122223333:root"] }
                }
            ]
        })
    );
    // A default points at the literal in the type constraint (where to change it).
    let st = &doc
        .body
        .get("statement")
        .and_then(Value::as_list)
        .expect("statements")[0];
    let effect = st.get("effect").expect("effect");
    let at = effect.span.map(|s| {
        let f = m.files.get(s.file);
        (
            f.path.file_name().map(|n| n.to_string_lossy().into_owned()),
            m.files.text(s).to_string(),
        )
    });
    assert_eq!(
        at,
        Some((Some("main.tf".to_string()), "\"Allow\"".to_string()))
    );
    assert!(effect.span.is_some_and(|s| m
        .files
        .get(s.file)
        .path
        .ends_with("modules/role/main.tf")));
    // Absent optional attributes without a default are null.
    assert_eq!(st.get("not_actions").map(|v| v.is_null()), Some(true));
}

#[test]
fn variable_defaults_nullability_and_primitive_conversion() {
    let (m, _) = model(&[("main.tf", CALLER), ("modules/role/main.tf", ROLE_MODULE)]);
    let role = resource(&m, "module.role.aws_iam_role.this");
    assert_eq!(
        role.body.get("tags").map(Value::display).as_deref(),
        Some(r#"{"team":"ml"}"#),
        "null passed to a non-nullable variable: its default"
    );
    assert!(matches!(
        role.body.get("max_session_duration").map(|v| &v.kind),
        Some(Kind::Number(n)) if *n == 7200.0
    ));
}

#[test]
fn nothing_passed_uses_the_default_and_no_document_is_made() {
    let (m, _) = model(&[
        (
            "main.tf",
            "module \"role\" {\n  source = \"./modules/role\"\n}\n",
        ),
        ("modules/role/main.tf", ROLE_MODULE),
    ]);
    let addrs: Vec<&str> = m.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(addrs, ["module.role.aws_iam_role.this"]);
    let role = resource(&m, "module.role.aws_iam_role.this");
    assert_eq!(
        role.body
            .get("max_session_duration")
            .and_then(Value::as_number),
        Some(3600.0)
    );
}

#[test]
fn an_unknown_attribute_stays_unknown_inside_the_typed_value() {
    let caller = r#"resource "aws_iam_role" "other" { name = "other" }
module "role" {
  source = "./modules/role"
  permissions = {
    Invoke = {
      actions   = ["bedrock:InvokeModel"]
      resources = [aws_iam_role.other.arn]
    }
  }
}
"#;
    let (m, _) = model(&[("main.tf", caller), ("modules/role/main.tf", ROLE_MODULE)]);
    let doc = resource(&m, "module.role.data.aws_iam_policy_document.this[0]");
    let st = &doc
        .body
        .get("statement")
        .and_then(Value::as_list)
        .expect("statements")[0];
    assert_eq!(st.get("effect").and_then(Value::as_str), Some("Allow"));
    assert_eq!(
        st.get("resources")
            .and_then(Value::as_list)
            .and_then(|l| l[0].unknown_what()),
        Some("aws_iam_role.other.arn")
    );
}
