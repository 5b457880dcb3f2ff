//! Partly known strings (RULES.md "Partly known values", "Well-known data sources"):
//! templates, format() and join() keep their known parts around the unknown ones, and
//! the partition, region and account data sources are holes the rules can recognise.

mod common;

use bedrock_lint_parser::{Hole, Kind, Part, Value, WellKnown};
use common::{eval, model};
use pretty_assertions::assert_eq;

const DATA: &str = "data \"aws_partition\" \"current\" {}\ndata \"aws_region\" \"current\" {}\ndata \"aws_caller_identity\" \"current\" {}\nvariable \"model\" {}\n";

fn lit(s: &str) -> Part {
    Part::Lit(s.to_string())
}

fn hole(what: &str, wk: Option<WellKnown>) -> Part {
    Part::Hole(Hole {
        what: what.into(),
        well_known: wk,
    })
}

fn parts(v: &Value) -> Vec<Part> {
    v.template().map(|t| t.parts.clone()).unwrap_or_default()
}

#[test]
fn a_template_keeps_its_known_parts_and_names_its_holes() {
    let v = eval(
        r#""arn:${data.aws_partition.current.partition}:bedrock:${data.aws_region.current.name}::foundation-model/*""#,
        DATA,
    );
    assert!(matches!(v.kind, Kind::Unknown(_)), "{v:?}");
    assert_eq!(
        parts(&v),
        [
            lit("arn:"),
            hole(
                "data.aws_partition.current.partition",
                Some(WellKnown::Partition)
            ),
            lit(":bedrock:"),
            hole("data.aws_region.current.name", Some(WellKnown::Region)),
            lit("::foundation-model/*"),
        ]
    );
    assert_eq!(
        v.unknown_what(),
        Some("data.aws_partition.current.partition")
    );
    assert_eq!(
        v.template().map(|t| t.display()).as_deref(),
        Some("arn:${data.aws_partition.current.partition}:bedrock:${data.aws_region.current.name}::foundation-model/*")
    );
}

#[test]
fn well_known_attributes_alone_are_one_hole() {
    let cases = [
        ("data.aws_partition.current.partition", WellKnown::Partition),
        (
            "data.aws_partition.current.dns_suffix",
            WellKnown::DnsSuffix,
        ),
        ("data.aws_region.current.name", WellKnown::Region),
        ("data.aws_region.current.region", WellKnown::Region),
        ("data.aws_region.current.id", WellKnown::Region),
        (
            "data.aws_caller_identity.current.account_id",
            WellKnown::AccountId,
        ),
    ];
    for (expr, wk) in cases {
        let v = eval(expr, DATA);
        assert_eq!(parts(&v), [hole(expr, Some(wk))], "{expr}");
        assert_eq!(v.unknown_what(), Some(expr));
    }
    // Other attributes of those data sources stay plain unknowns.
    let v = eval("data.aws_caller_identity.current.arn", DATA);
    assert_eq!(v.template(), None);
    assert_eq!(
        v.unknown_what(),
        Some("data.aws_caller_identity.current.arn")
    );
}

#[test]
fn a_written_region_is_known() {
    let v = eval(
        "data.aws_region.here.name",
        "data \"aws_region\" \"here\" { name = \"eu-west-1\" }",
    );
    assert_eq!(v.as_str(), Some("eu-west-1"));
}

#[test]
fn plain_unknowns_in_templates_are_holes_without_a_kind() {
    let v = eval(
        r#""arn:aws:bedrock:us-east-1::foundation-model/${var.model}""#,
        DATA,
    );
    assert_eq!(
        parts(&v),
        [
            lit("arn:aws:bedrock:us-east-1::foundation-model/"),
            hole("var.model (no value given)", None),
        ]
    );
    // Nothing known: no template.
    let v = eval(r#""${var.model}${var.model}""#, DATA);
    assert!(v.is_unknown());
    assert_eq!(v.template(), None);
    // A known string stays a string.
    assert_eq!(eval(r#""a${"b"}""#, DATA).as_str(), Some("ab"));
}

#[test]
fn interpolating_a_partly_known_value_splices_its_parts() {
    let extra = format!(
        "{DATA}locals {{\n  prefix = \"arn:${{data.aws_partition.current.partition}}:bedrock\"\n}}\n"
    );
    let v = eval(r#""${local.prefix}:us-east-1::foundation-model/*""#, &extra);
    assert_eq!(
        parts(&v),
        [
            lit("arn:"),
            hole(
                "data.aws_partition.current.partition",
                Some(WellKnown::Partition)
            ),
            lit(":bedrock:us-east-1::foundation-model/*"),
        ]
    );
}

#[test]
fn format_and_join_keep_known_parts() {
    let v = eval(
        r#"format("arn:%s:bedrock:%s:%s:inference-profile/*", data.aws_partition.current.partition, "us-east-1", data.aws_caller_identity.current.account_id)"#,
        DATA,
    );
    assert_eq!(
        parts(&v),
        [
            lit("arn:"),
            hole(
                "data.aws_partition.current.partition",
                Some(WellKnown::Partition)
            ),
            lit(":bedrock:us-east-1:"),
            hole(
                "data.aws_caller_identity.current.account_id",
                Some(WellKnown::AccountId)
            ),
            lit(":inference-profile/*"),
        ]
    );
    let v = eval(
        r#"join(":", ["arn", data.aws_partition.current.partition, "bedrock", "", "", "foundation-model/*"])"#,
        DATA,
    );
    assert_eq!(
        parts(&v),
        [
            lit("arn:"),
            hole(
                "data.aws_partition.current.partition",
                Some(WellKnown::Partition)
            ),
            lit(":bedrock:::foundation-model/*"),
        ]
    );
    // Known arguments: plain strings as before.
    assert_eq!(
        eval(r#"format("%s-%q", "a", "b")"#, "").as_str(),
        Some("a-\"b\"")
    );
    assert_eq!(eval(r#"join("-", ["a"], ["b"])"#, "").as_str(), Some("a-b"));
}

#[test]
fn jsonencode_keeps_partly_known_strings_in_its_structure() {
    let v = eval(
        r#"jsonencode({ Statement = [{ Effect = "Allow", Action = "bedrock:InvokeModel", Resource = "arn:${data.aws_partition.current.partition}:bedrock:*::foundation-model/*" }] })"#,
        DATA,
    );
    assert!(v.is_unknown());
    let st = v
        .encoded_structure()
        .and_then(|s| s.get("Statement"))
        .and_then(Value::as_list)
        .and_then(|l| l.first())
        .cloned()
        .expect("statement");
    assert_eq!(st.get("Effect").and_then(Value::as_str), Some("Allow"));
    assert_eq!(
        st.get("Resource").map(parts).unwrap_or_default(),
        [
            lit("arn:"),
            hole(
                "data.aws_partition.current.partition",
                Some(WellKnown::Partition)
            ),
            lit(":bedrock:*::foundation-model/*"),
        ]
    );
}

#[test]
fn a_managed_policy_data_source_is_in_the_model_with_its_body() {
    let (m, _) = model(&[(
        "main.tf",
        "data \"aws_iam_policy\" \"x\" { name = \"AmazonBedrockFullAccess\" }\nresource \"aws_iam_role_policy_attachment\" \"a\" {\n  role = \"r\"\n  policy_arn = data.aws_iam_policy.x.arn\n}\n",
    )]);
    let r = m
        .resources
        .iter()
        .find(|r| r.address == "data.aws_iam_policy.x")
        .expect("data source in the model");
    assert_eq!(r.mode, bedrock_lint_parser::Mode::Data);
    assert_eq!(
        r.body.get("name").and_then(Value::as_str),
        Some("AmazonBedrockFullAccess")
    );
    let att = m
        .resources
        .iter()
        .find(|r| r.address == "aws_iam_role_policy_attachment.a")
        .expect("attachment");
    let arn = att.body.get("policy_arn").expect("policy_arn");
    assert_eq!(arn.unknown_what(), Some("data.aws_iam_policy.x.arn"));
    assert_eq!(
        arn.from.as_deref().map(String::as_str),
        Some("data.aws_iam_policy.x")
    );
}

#[test]
fn a_heredoc_policy_with_unknown_parts_keeps_its_structure() {
    let expr = r#"<<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["bedrock:InvokeModel"],
      "Resource": "arn:${data.aws_partition.current.partition}:bedrock:*::foundation-model/*"
    },
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": ${jsonencode(var.model)}
    }
  ]
}
EOT"#;
    let (m, _) = model(&[(
        "main.tf",
        &format!("{DATA}\nresource \"terraform_data\" \"t\" {{\n  input = {expr}\n}}\n"),
    )]);
    let v = common::resource(&m, "terraform_data.t")
        .body
        .get("input")
        .cloned()
        .expect("input");
    assert!(v.is_unknown());
    let sts = v
        .encoded_structure()
        .and_then(|s| s.get("Statement"))
        .and_then(Value::as_list)
        .expect("statements");
    let res = sts[0].get("Resource").expect("Resource");
    assert_eq!(
        parts(res),
        [
            lit("arn:"),
            hole(
                "data.aws_partition.current.partition",
                Some(WellKnown::Partition)
            ),
            lit(":bedrock:*::foundation-model/*"),
        ]
    );
    // The known parts point at the file: the action literal is exactly where written.
    let action = &sts[0]
        .get("Action")
        .and_then(Value::as_list)
        .expect("actions")[0];
    assert_eq!(
        action.span.map(|s| m.files.text(s).to_string()).as_deref(),
        Some("\"bedrock:InvokeModel\"")
    );
    // A whole value that is unknown is that unknown value.
    assert_eq!(
        sts[1].get("Resource").and_then(Value::unknown_what),
        Some("var.model (no value given)")
    );
    // An unknown key, or text that is not JSON, keeps no structure.
    let v = eval(r#""{\"${var.model}\": 1}""#, DATA);
    assert!(v.is_unknown() && v.encoded_structure().is_none());
    let v = eval(r#""arn:${var.model}""#, DATA);
    assert!(v.encoded_structure().is_none());
}
