//! Terraform JSON syntax read as Terraform's "JSON Configuration Syntax" page says:
//! which strings are templates, references or literal text, where `"//"` is a comment,
//! and spans of interpolated parts inside the JSON string. A `.tf.json` module and its
//! HCL twin must evaluate to the same resources.

use bedrock_lint_parser::model::load::{parse_text, FileKind};
use bedrock_lint_parser::syntax::ast::{Body, Expr, ExprKind, ObjectKey, TemplatePart};
use bedrock_lint_parser::{build, FileId, LoadOptions, Model};
use pretty_assertions::assert_eq;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn parse(text: &str) -> Body {
    parse_text(FileKind::ConfigJson, text, FileId::new(0))
        .expect("parses")
        .body
        .expect("a body")
}

fn src<'a>(text: &'a str, e: &Expr) -> &'a str {
    &text[e.span.start as usize..e.span.end as usize]
}

fn attr<'a>(body: &'a Body, path: &[&str], key: &str) -> &'a Expr {
    let mut b = body;
    for ident in path {
        b = &b
            .blocks
            .iter()
            .find(|x| x.ident == *ident)
            .expect("block")
            .body;
    }
    &b.attribute(key).expect("attribute").value
}

/// How an expression was read: `ref` for a reference, `text` for a literal string,
/// `template` for anything with interpolation.
fn shape(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Template(t) => match t.parts.as_slice() {
            [TemplatePart::Literal { text, .. }] => format!("text {text:?}"),
            [TemplatePart::Interp(i)] => format!("interp {}", shape(i)),
            _ => "template".into(),
        },
        ExprKind::Traversal(..) | ExprKind::Variable(_) => match e.as_path() {
            Some(p) => format!("ref {}", p.join(".")),
            None => "ref".into(),
        },
        ExprKind::Call(c) => format!("call {}", c.name),
        ExprKind::Array(items) => format!(
            "[{}]",
            items.iter().map(shape).collect::<Vec<_>>().join(", ")
        ),
        ExprKind::Object(items) => format!(
            "{{{}}}",
            items
                .iter()
                .map(|i| match &i.key {
                    ObjectKey::Name(n) => format!("{n}: {}", shape(&i.value)),
                    ObjectKey::Expr(k) => format!("({}): {}", shape(k), shape(&i.value)),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => format!("{other:?}"),
    }
}

#[test]
fn strings_are_templates_references_or_literal_as_the_spec_says() {
    let text = r#"{
  "//": "generated",
  "variable": { "v": { "type": "list(string)", "default": ["${not.a.ref}"], "description": "${x}" } },
  "resource": { "aws_iam_role_policy": { "p": {
    "//": "a comment",
    "role": "${aws_iam_role.x.id}",
    "name": "n-${var.env}",
    "provider": "aws.west",
    "depends_on": ["aws_iam_role.x"],
    "tags": { "//": "a key", "${var.k}": "v" },
    "lifecycle": { "ignore_changes": ["tags"] }
  } } },
  "module": { "m": { "source": "./m${x}", "providers": { "aws": "aws.west" } } },
  "terraform": { "required_version": ">= ${1}" }
}"#;
    let body = parse(text);
    let got: Vec<String> = [
        (attr(&body, &["variable"], "type"), "variable.type"),
        (attr(&body, &["variable"], "default"), "variable.default"),
        (
            attr(&body, &["variable"], "description"),
            "variable.description",
        ),
        (attr(&body, &["resource"], "role"), "role"),
        (attr(&body, &["resource"], "name"), "name"),
        (attr(&body, &["resource"], "provider"), "provider"),
        (attr(&body, &["resource"], "depends_on"), "depends_on"),
        (attr(&body, &["resource"], "tags"), "tags"),
        (
            attr(&body, &["resource", "lifecycle"], "ignore_changes"),
            "ignore_changes",
        ),
        (attr(&body, &["module"], "source"), "module.source"),
        (attr(&body, &["module"], "providers"), "module.providers"),
        (
            attr(&body, &["terraform"], "required_version"),
            "required_version",
        ),
    ]
    .iter()
    .map(|(e, name)| format!("{name}: {}", shape(e)))
    .collect();
    assert_eq!(
        got,
        [
            "variable.type: call list",
            "variable.default: [text \"${not.a.ref}\"]",
            "variable.description: text \"${x}\"",
            "role: interp ref aws_iam_role.x.id",
            "name: template",
            "provider: ref aws.west",
            "depends_on: [ref aws_iam_role.x]",
            "tags: {//: text \"a key\", (interp ref var.k): text \"v\"}",
            "ignore_changes: [ref tags]",
            "module.source: text \"./m${x}\"",
            "module.providers: {aws: ref aws.west}",
            "required_version: text \">= ${1}\"",
        ]
    );
    // `"//"` in a block body is a comment, not an argument.
    let p = &body
        .blocks
        .iter()
        .find(|b| b.ident == "resource")
        .expect("resource")
        .body;
    assert!(p.attribute("//").is_none());
    assert!(p.blocks.iter().any(|b| b.ident == "lifecycle"));
}

#[test]
fn interpolated_parts_point_inside_the_json_string() {
    let text = "{\"locals\": {\"a\": \"arn:${var.p}:\\\"${local.q[\\\"k\\\"]}\\u00e9${upper(\\\"x\\\")}\"}}";
    let body = parse(text);
    let e = attr(&body, &["locals"], "a");
    let ExprKind::Template(t) = &e.kind else {
        panic!("a template")
    };
    let parts: Vec<String> = t
        .parts
        .iter()
        .map(|p| match p {
            TemplatePart::Literal { span, exact, .. } => {
                format!(
                    "lit {:?} exact={exact}",
                    &text[span.start as usize..span.end as usize]
                )
            }
            TemplatePart::Interp(i) => format!("interp {:?}", src(text, i)),
            _ => "other".into(),
        })
        .collect();
    assert_eq!(
        parts,
        [
            "lit \"arn:\" exact=true",
            "interp \"var.p\"",
            "lit \":\\\\\\\"\" exact=false",
            "interp \"local.q[\\\\\\\"k\\\\\\\"]\"",
            "lit \"\\\\u00e9\" exact=false",
            "interp \"upper(\\\\\\\"x\\\\\\\")\"",
        ]
    );
}

#[test]
fn dynamic_and_lifecycle_are_blocks() {
    let text = r#"{"data": {"aws_iam_policy_document": {"d": {
  "dynamic": {"statement": {"for_each": "${var.s}", "iterator": "st", "content": {"actions": "${st.value}"}}}
}}}}"#;
    let body = parse(text);
    let d = &body.blocks[0].body.blocks[0];
    assert_eq!(
        (
            d.ident.as_str(),
            d.labels.iter().map(|l| l.as_str()).collect()
        ),
        ("dynamic", vec!["statement"])
    );
    assert_eq!(
        shape(&d.body.attribute("iterator").expect("iterator").value),
        "ref st"
    );
    assert_eq!(d.body.blocks[0].ident, "content");
}

static N: AtomicUsize = AtomicUsize::new(0);

fn tree(files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "bl-tfjson-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write");
    }
    dir
}

fn resources(dir: &Path) -> Vec<(String, String)> {
    let model: Model = build(&LoadOptions {
        paths: vec![dir.to_path_buf()],
        ..LoadOptions::default()
    })
    .expect("build");
    assert_eq!(model.issues, vec![], "{}", dir.display());
    model
        .resources
        .iter()
        .map(|r| (r.address.clone(), r.body.display()))
        .collect()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_json_fixture_evaluates_like_its_hcl_twin() {
    let cases = repo().join("testdata/cases");
    assert_eq!(
        resources(&cases.join("bl201-tf-json-references")),
        resources(&cases.join("bl201-tf-json-references-hcl"))
    );
}

#[test]
fn dynamic_statements_evaluate_like_hcl() {
    let hcl = r#"
variable "actions" {
  default = { invoke = ["bedrock:InvokeModel"], list = ["bedrock:ListFoundationModels"] }
}
data "aws_iam_policy_document" "d" {
  dynamic "statement" {
    for_each = var.actions
    iterator = st
    content {
      sid       = st.key
      actions   = st.value
      resources = ["*"]
    }
  }
}
"#;
    let json = r#"{
  "variable": {"actions": {"default": {"invoke": ["bedrock:InvokeModel"], "list": ["bedrock:ListFoundationModels"]}}},
  "data": {"aws_iam_policy_document": {"d": {
    "dynamic": {"statement": {
      "for_each": "${var.actions}",
      "iterator": "st",
      "content": {"sid": "${st.key}", "actions": "${st.value}", "resources": ["*"]}
    }}
  }}}
}"#;
    let a = tree(&[("main.tf", hcl)]);
    let b = tree(&[("main.tf.json", json)]);
    let (ra, rb) = (resources(&a), resources(&b));
    assert!(ra[0].1.contains("bedrock:ListFoundationModels"), "{ra:?}");
    assert_eq!(ra, rb);
    let _ = std::fs::remove_dir_all(a);
    let _ = std::fs::remove_dir_all(b);
}
