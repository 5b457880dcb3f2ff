//! The partial evaluator, construct by construct and function by function: each case
//! writes a small module, builds the model and checks the value Terraform would give
//! (or that it is unknown, naming what).

mod common;

use bedrock_lint_parser::{Kind, Value};
use common::{eval, model};
use pretty_assertions::assert_eq;

fn show(v: &Value) -> String {
    v.display()
}

#[test]
fn literals_templates_and_heredocs() {
    assert_eq!(show(&eval(r#""a-${"b"}-${1 + 2}""#, "")), "a-b-3");
    assert_eq!(show(&eval("<<EOT\nx ${upper(\"y\")}\nEOT", "")), "x Y\n");
    assert_eq!(
        show(&eval(r#""%{ if true }yes%{ else }no%{ endif }""#, "")),
        "yes"
    );
    assert_eq!(
        show(&eval(r#""%{ for x in ["a", "b"] }${x},%{ endfor }""#, "")),
        "a,b,"
    );
    assert_eq!(show(&eval("[1, true, null]", "")), "[1,true,null]");
}

#[test]
fn variables_defaults_tfvars_and_auto_tfvars() {
    let (m, _) = model(&[
        ("main.tf", "variable \"a\" { default = \"def\" }\nvariable \"b\" { default = \"def\" }\nvariable \"c\" { default = \"def\" }\nvariable \"d\" {}\nresource \"terraform_data\" \"t\" { input = [var.a, var.b, var.c, var.d] }\n"),
        ("terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\n"),
        ("z.auto.tfvars", "c = \"auto\"\n"),
    ]);
    let v = m.resources[0].body.get("input").cloned().expect("input");
    let items = v.as_list().expect("list");
    assert_eq!(
        items[..3].iter().map(show).collect::<Vec<_>>(),
        ["def", "tfvars", "auto"]
    );
    assert_eq!(items[3].unknown_what(), Some("var.d (no value given)"));
}

#[test]
fn locals_conditionals_for_and_splat() {
    let extra = "locals {\n  envs = { dev = 1, prod = 2 }\n  names = [for k, v in local.envs : \"${k}-${v}\" if v > 1]\n  objs = [{ n = \"a\" }, { n = \"b\" }]\n}";
    assert_eq!(show(&eval("local.names", extra)), r#"["prod-2"]"#);
    assert_eq!(
        show(&eval("{ for k, v in local.envs : v => k }", extra)),
        r#"{"1":"dev","2":"prod"}"#
    );
    assert_eq!(show(&eval("local.objs[*].n", extra)), r#"["a","b"]"#);
    assert_eq!(show(&eval("local.objs[1][\"n\"]", extra)), "b");
    assert_eq!(
        show(&eval(
            "length(local.envs) == 2 ? \"two\" : \"other\"",
            extra
        )),
        "two"
    );
}

#[test]
fn functions() {
    let cases = [
        ("jsonencode({ b = 1, a = [\"x\"] })", r#"{"a":["x"],"b":1}"#),
        ("jsondecode(\"{\\\"a\\\": [1]}\")", r#"{"a":[1]}"#),
        ("merge({ a = 1 }, { b = 2 }, { a = 3 })", r#"{"a":3,"b":2}"#),
        ("concat([1], [2, 3])", "[1,2,3]"),
        ("flatten([[1], [[2]], 3])", "[1,2,3]"),
        ("distinct([1, 1, 2])", "[1,2]"),
        ("compact([\"a\", \"\", null])", r#"["a"]"#),
        ("format(\"%s:%d\", \"a\", 1)", "a:1"),
        (
            "formatlist(\"arn:%s\", [\"a\", \"b\"])",
            r#"["arn:a","arn:b"]"#,
        ),
        ("join(\",\", [\"a\", \"b\"])", "a,b"),
        ("split(\",\", \"a,b\")", r#"["a","b"]"#),
        ("replace(\"a-b\", \"-\", \"_\")", "a_b"),
        ("lower(\"AB\")", "ab"),
        ("upper(\"ab\")", "AB"),
        ("lookup({ a = 1 }, \"b\", 2)", "2"),
        ("element([\"a\", \"b\"], 3)", "b"),
        ("try(local.missing, \"fallback\")", "fallback"),
        ("coalesce(\"\", \"x\")", "x"),
        ("tolist(toset([\"a\", \"a\"]))", r#"["a"]"#),
        ("tostring(1)", "1"),
        ("keys({ b = 1, a = 2 })", r#"["b","a"]"#),
        ("values({ a = 1 })", "[1]"),
        ("contains([\"a\"], \"a\")", "true"),
        ("length(\"héllo\")", "5"),
    ];
    let mut got = Vec::new();
    let mut want = Vec::new();
    for (expr, expected) in cases {
        got.push(format!("{expr} = {}", show(&eval(expr, ""))));
        want.push(format!("{expr} = {expected}"));
    }
    assert_eq!(got, want);
}

#[test]
fn unknowns_are_named_never_guessed() {
    let extra = "resource \"aws_iam_role\" \"r\" { name = \"app\" }";
    assert_eq!(
        eval("aws_iam_role.r.arn", extra).unknown_what(),
        Some("aws_iam_role.r.arn")
    );
    assert_eq!(show(&eval("aws_iam_role.r.name", extra)), "app");
    assert_eq!(
        eval("\"x-${aws_iam_role.r.arn}\"", extra).unknown_what(),
        Some("aws_iam_role.r.arn")
    );
    assert_eq!(eval("timestamp()", "").unknown_what(), Some("timestamp(…)"));
    assert_eq!(
        eval(
            "data.aws_caller_identity.me.account_id",
            "data \"aws_caller_identity\" \"me\" {}"
        )
        .unknown_what(),
        Some("data.aws_caller_identity.me.account_id")
    );
    // jsonencode of a partly unknown object is unknown but keeps its structure.
    let v = eval(
        "jsonencode({ a = aws_iam_role.r.arn, b = \"known\" })",
        extra,
    );
    assert!(v.is_unknown());
    assert_eq!(
        v.encoded_structure().and_then(|s| s.get("b")).map(show),
        Some("known".into())
    );
}

#[test]
fn count_and_for_each_addresses() {
    let (m, _) = model(&[(
        "main.tf",
        "resource \"aws_iam_role\" \"c\" {\n  count = 2\n  name = \"r-${count.index}\"\n}\nresource \"aws_iam_role\" \"f\" {\n  for_each = toset([\"dev\", \"prod\"])\n  name = \"r-${each.key}\"\n}\nresource \"terraform_data\" \"t\" { input = [aws_iam_role.c[1].name, aws_iam_role.f[\"prod\"].name] }\n",
    )]);
    let addrs: Vec<_> = m.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(
        addrs,
        [
            "aws_iam_role.c[0]",
            "aws_iam_role.c[1]",
            "aws_iam_role.f[\"dev\"]",
            "aws_iam_role.f[\"prod\"]",
            "terraform_data.t"
        ]
    );
    assert_eq!(
        show(m.resources[4].body.get("input").expect("input")),
        r#"["r-1","r-prod"]"#
    );
}

#[test]
fn modules_inputs_outputs_and_problems() {
    let (m, _) = model(&[
        ("main.tf", "module \"app\" {\n  source = \"./modules/app\"\n  for_each = { dev = \"d\" }\n  env = each.value\n}\nmodule \"gone\" { source = \"./nope\" }\nmodule \"remote\" { source = \"acme/x/aws\" }\nresource \"terraform_data\" \"t\" { input = [module.app[\"dev\"].role_name, module.remote.out] }\n"),
        ("modules/app/main.tf", "variable \"env\" {}\nresource \"aws_iam_role\" \"r\" { name = \"app-${var.env}\" }\noutput \"role_name\" { value = aws_iam_role.r.name }\n"),
    ]);
    let addrs: Vec<_> = m.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(
        addrs,
        ["module.app[\"dev\"].aws_iam_role.r", "terraform_data.t"]
    );
    let input = m.resources[1].body.get("input").expect("input");
    assert_eq!(show(&input.as_list().expect("list")[0]), "app-d");
    assert!(input.as_list().expect("list")[1]
        .unknown_what()
        .is_some_and(|w| w.contains("not installed")));
    assert_eq!(m.issues.len(), 1, "{:?}", m.issues);
    assert!(m.issues[0].message.contains("missing"));
}

#[test]
fn file_reads_stay_inside_the_tree() {
    let (m, _) = model(&[
        ("main.tf", "resource \"terraform_data\" \"t\" { input = [file(\"${path.module}/p.json\"), file(\"/etc/hostname\")] }\n"),
        ("p.json", "{\"a\": 1}"),
    ]);
    let input = m.resources[0].body.get("input").expect("input");
    let items = input.as_list().expect("list");
    assert_eq!(show(&items[0]), "{\"a\": 1}");
    assert!(
        items[1].is_unknown(),
        "a file outside the scanned tree is never read"
    );
}

#[test]
fn spans_point_at_the_literal_and_the_use_site() {
    let (m, dir) = model(&[
        ("main.tf", "variable \"r\" { default = \"*\" }\nresource \"terraform_data\" \"t\" {\n  input = { Resource = var.r }\n}\n"),
    ]);
    let v = m.resources[0]
        .body
        .get("input")
        .and_then(|i| i.get("Resource"))
        .cloned()
        .expect("Resource");
    let f = |s: Option<bedrock_lint_parser::Span>| s.map(|s| m.files.text(s).to_string());
    assert_eq!(f(v.span).as_deref(), Some("\"*\""));
    assert_eq!(f(v.via).as_deref(), Some("var.r"));
    let _ = dir;
}

#[test]
fn json_strings_are_escaped_as_serde_json_escapes_them() {
    // Every ASCII character, and some beyond, in a string and in an object key.
    let mut texts: Vec<String> = (0u8..0x80).map(|b| format!("a{}b", b as char)).collect();
    texts.push("plain".into());
    texts.push("é ✓ 😀 \u{7f} \u{2028}".into());
    texts.push("\"quoted\" \\ back\\slash\n\t\r\u{8}\u{c}\u{1}".into());
    for t in texts {
        let key = bedrock_lint_parser::value::Entry {
            key: t.as_str().into(),
            key_span: None,
            value: Value::string(t.clone(), None),
        };
        let object = Value::object(vec![key], None);
        let want = format!(
            "{{{}:{}}}",
            serde_json::to_string(&t).unwrap(),
            serde_json::to_string(&t).unwrap()
        );
        assert_eq!(
            bedrock_lint_parser::value::to_json(&object),
            Some(want),
            "{t:?}"
        );
    }
}

/// The model holds hundreds of thousands of these on a large tree (issue 12): a field
/// that grows one is a measurable cost in memory, so growing one is a decision.
#[test]
fn value_nodes_stay_small() {
    use bedrock_lint_parser::value::{Entry, Segments, Str, Value};
    use std::mem::size_of;
    let sizes = [
        ("Value", size_of::<Value>()),
        ("Entry", size_of::<Entry>()),
        ("Str", size_of::<Str>()),
        ("Segments", size_of::<Segments>()),
    ];
    assert_eq!(
        sizes,
        [("Value", 64), ("Entry", 104), ("Str", 64), ("Segments", 32)]
    );
}

#[test]
fn a_jsonencode_text_is_made_when_read_and_maps_back_to_its_literals() {
    let (m, _) = model(&[(
        "main.tf",
        "resource \"terraform_data\" \"t\" {\n  input = jsonencode({ Action = \"bedrock:InvokeModel\", N = 1 })\n}\n",
    )]);
    let v = m.resources[0].body.get("input").cloned().expect("input");
    let Kind::String(s) = &v.kind else {
        panic!("not a string: {v:?}")
    };
    // A copy taken before the text is made equals the string after.
    let before = s.as_ref().clone();
    let text = s.text();
    assert_eq!(text, r#"{"Action":"bedrock:InvokeModel","N":1}"#);
    assert_eq!(before, **s);
    let at = text.find("bedrock").expect("action");
    let span = s
        .span_of(at, at + "bedrock:InvokeModel".len())
        .expect("span");
    assert_eq!(m.files.text(span), "\"bedrock:InvokeModel\"");
    assert!(s.json().is_some_and(|j| j.get("N").is_some()));
}
