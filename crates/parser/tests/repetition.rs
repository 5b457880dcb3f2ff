//! Unknown repetition (RULES.md "Unknown repetition"): a `dynamic` block, resource or
//! module call whose `for_each`/`count` is unknown has unknown instances — never none,
//! never an error — and a conditional on an unknown condition is unknown.

mod common;

use bedrock_lint_parser::{Kind, Value};
use common::{eval, model, resource};
use pretty_assertions::assert_eq;

const ROLE: &str =
    "resource \"aws_iam_role\" \"r\" { name = \"app\" }\nvariable \"create\" { type = bool }\n";

#[test]
fn a_dynamic_statement_with_unknown_for_each_is_an_unknown_statement() {
    let (m, _) = model(&[(
        "main.tf",
        r#"variable "create" { type = bool }
data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  dynamic "statement" {
    for_each = var.create ? [1] : []
    content {
      actions   = ["bedrock:InvokeModel"]
      resources = ["*"]
    }
  }
}
"#,
    )]);
    let d = resource(&m, "data.aws_iam_policy_document.d");
    let blocks = d
        .body
        .get("statement")
        .and_then(Value::as_list)
        .expect("list");
    assert_eq!(blocks.len(), 2);
    assert!(
        matches!(blocks[1].kind, Kind::Unknown(_)),
        "{:?}",
        blocks[1]
    );
    assert_eq!(
        blocks[1].unknown_what(),
        Some("dynamic \"statement\" for_each (var.create (no value given))")
    );
    // The document is unknown, its known statement still readable, the unknown one
    // in its place (not an empty statement).
    let json = d.body.get("json").expect("json");
    assert!(json.is_unknown());
    let sts = json
        .encoded_structure()
        .and_then(|s| s.get("Statement"))
        .and_then(Value::as_list)
        .expect("statements");
    assert_eq!(sts.len(), 2);
    assert_eq!(
        sts[0].get("Action").map(Value::display).as_deref(),
        Some(r#"["s3:GetObject"]"#)
    );
    assert_eq!(sts[1].unknown_what(), blocks[1].unknown_what());
}

#[test]
fn null_checks_on_partly_unknown_objects_are_decided() {
    let (m, _) = model(&[
        (
            "main.tf",
            "resource \"aws_iam_role\" \"r\" { name = \"app\" }\nmodule \"m\" {\n  source = \"./m\"\n  statements = { read = { arn = aws_iam_role.r.arn } }\n}\n",
        ),
        (
            "m/main.tf",
            r#"variable "statements" { default = null }
data "aws_iam_policy_document" "d" {
  dynamic "statement" {
    for_each = var.statements != null ? var.statements : {}
    content {
      sid       = statement.key
      actions   = ["bedrock:InvokeModel"]
      resources = [statement.value.arn]
    }
  }
}
"#,
        ),
    ]);
    let d = resource(&m, "module.m.data.aws_iam_policy_document.d");
    let blocks = d
        .body
        .get("statement")
        .and_then(Value::as_list)
        .expect("list");
    assert_eq!(blocks.len(), 1, "{blocks:?}");
    assert_eq!(blocks[0].get("sid").and_then(Value::as_str), Some("read"));
    assert_eq!(
        blocks[0]
            .get("resources")
            .and_then(Value::as_list)
            .and_then(|l| l[0].unknown_what()),
        Some("aws_iam_role.r.arn")
    );
}

#[test]
fn comparisons_decided_by_their_known_parts() {
    let cases = [
        ("{ a = aws_iam_role.r.arn } != null", "true"),
        ("[aws_iam_role.r.arn] == []", "false"),
        ("{ a = aws_iam_role.r.arn } == { b = 1 }", "false"),
        ("[1, aws_iam_role.r.arn] == [2, \"x\"]", "false"),
        ("length([aws_iam_role.r.arn, 1])", "2"),
    ];
    let got: Vec<String> = cases
        .iter()
        .map(|(e, _)| format!("{e} = {}", eval(e, ROLE).display()))
        .collect();
    let want: Vec<String> = cases.iter().map(|(e, w)| format!("{e} = {w}")).collect();
    assert_eq!(got, want);
    assert_eq!(
        eval("aws_iam_role.r.arn == \"x\"", ROLE).unknown_what(),
        Some("aws_iam_role.r.arn")
    );
    assert_eq!(
        eval("[aws_iam_role.r.arn] == [\"x\"]", ROLE).unknown_what(),
        Some("aws_iam_role.r.arn")
    );
}

#[test]
fn an_unknown_condition_picks_no_branch_unless_both_are_equal() {
    // Equal branches: every value of the condition gives that value (no guess).
    let v = eval(
        "var.create ? \"bedrock:InvokeModel\" : \"bedrock:InvokeModel\"",
        ROLE,
    );
    assert_eq!(v.as_str(), Some("bedrock:InvokeModel"), "{v:?}");
    let v = eval("var.create ? toset([]) : []", ROLE);
    assert_eq!(v.display(), "[]");
    // Different ones: unknown, naming the condition.
    let v = eval(
        "var.create ? \"bedrock:InvokeModel\" : \"bedrock:Converse\"",
        ROLE,
    );
    assert!(matches!(v.kind, Kind::Unknown(_)), "{v:?}");
    assert_eq!(v.unknown_what(), Some("var.create (no value given)"));
    // A branch that is itself unknown never makes them equal.
    let v = eval("var.create ? aws_iam_role.r.arn : aws_iam_role.r.arn", ROLE);
    assert!(matches!(v.kind, Kind::Unknown(_)), "{v:?}");
}

#[test]
fn resources_and_module_calls_with_unknown_repetition_have_an_unknown_instance() {
    let (m, _) = model(&[
        (
            "main.tf",
            r#"variable "n" { type = number }
variable "names" { type = set(string) }
resource "aws_iam_role" "c" {
  count = var.n
  name  = "c-${count.index}"
}
resource "aws_iam_role" "f" {
  for_each = var.names
  name     = "f-${each.key}"
}
module "m" {
  source   = "./m"
  for_each = var.names
  name     = each.value
}
"#,
        ),
        (
            "m/main.tf",
            "variable \"name\" {}\nresource \"aws_iam_role\" \"inner\" { name = var.name }\n",
        ),
    ]);
    let mut addrs: Vec<&str> = m.resources.iter().map(|r| r.address.as_str()).collect();
    addrs.sort();
    assert_eq!(
        addrs,
        [
            "aws_iam_role.c[(unknown)]",
            "aws_iam_role.f[(unknown)]",
            "module.m[(unknown)].aws_iam_role.inner",
        ]
    );
    let name = |a: &str| {
        resource(&m, a)
            .body
            .get("name")
            .and_then(Value::unknown_what)
            .map(str::to_string)
    };
    assert_eq!(
        name("aws_iam_role.c[(unknown)]").as_deref(),
        Some("count (var.n (no value given))")
    );
    assert_eq!(
        name("aws_iam_role.f[(unknown)]").as_deref(),
        Some("for_each (var.names (no value given))")
    );
    assert_eq!(
        name("module.m[(unknown)].aws_iam_role.inner").as_deref(),
        Some("for_each (var.names (no value given))")
    );
}

#[test]
fn a_reference_into_unknown_instances_reads_what_each_instance_is() {
    let (m, _) = model(&[(
        "main.tf",
        r#"variable "names" { type = set(string) }
resource "aws_iam_role" "f" {
  for_each = var.names
  name     = each.key
  path     = "/bedrock/"
}
resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.f["a"].id
  name   = aws_iam_role.f["a"].path
  policy = aws_iam_role.f["a"].name
}
"#,
    )]);
    let body = &resource(&m, "aws_iam_role_policy.p").body;
    let get = |k: &str| body.get(k).cloned().expect(k);
    // Written the same in every instance: known.
    assert_eq!(get("name").as_str(), Some("/bedrock/"));
    // Depends on each.key: unknown.
    assert!(get("policy").is_unknown(), "{:?}", get("policy"));
    // Computed: unknown, and it still names the block it comes from.
    let role = get("role");
    assert!(matches!(role.kind, Kind::Unknown(_)), "{role:?}");
    assert_eq!(role.unknown_what(), Some("aws_iam_role.f[(unknown)].id"));
    assert_eq!(
        role.from.as_deref().map(String::as_str),
        Some("aws_iam_role.f[(unknown)]")
    );
    assert_eq!(
        role.span.map(|s| m.files.text(s).to_string()).as_deref(),
        Some("aws_iam_role.f[\"a\"].id"),
        "points at its use"
    );
}
