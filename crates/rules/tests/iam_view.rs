//! The IAM view from every policy source: each test asserts the statements' elements
//! and the exact text their spans cover, so findings can point at the right place.

use bedrock_lint_parser::model::load::LoadOptions;
use bedrock_lint_parser::{build, Model};
use bedrock_lint_rules::iam::{IamView, PolicyKind};
use pretty_assertions::assert_eq;
use std::sync::atomic::{AtomicUsize, Ordering};

static N: AtomicUsize = AtomicUsize::new(0);

fn view(files: &[(&str, &str)]) -> (Model, IamView) {
    let dir = std::env::temp_dir().join(format!(
        "bl-iam-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in files {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let m = build(&LoadOptions {
        paths: vec![dir.clone()],
        ..LoadOptions::default()
    })
    .expect("build");
    // The model holds every text it read: the files are not needed any more.
    let _ = std::fs::remove_dir_all(&dir);
    let v = IamView::build(&m);
    (m, v)
}

/// Each identity statement as `Effect Action=[...] Resource=[...]`, every element
/// shown as the text its span covers (or `?what` when unknown).
fn statements(m: &Model, v: &IamView) -> Vec<String> {
    let mut out = Vec::new();
    for p in v.policies.iter().filter(|p| p.kind == PolicyKind::Identity) {
        for st in &p.doc.statements {
            let f = |field: &Option<bedrock_lint_rules::iam::policy::Field>| -> String {
                field
                    .as_ref()
                    .map(|f| {
                        f.items
                            .iter()
                            .map(|e| match (e.text(), e.primary()) {
                                (Some(_), Some(s)) => m.files.text(s).to_string(),
                                (Some(t), None) => format!("~{t}"),
                                (None, _) => format!("?{}", e.unknown().unwrap_or_default()),
                            })
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default()
            };
            out.push(format!(
                "{} {:?} Action=[{}] Resource=[{}]",
                p.address,
                st.effect,
                f(&st.action),
                f(&st.resource)
            ));
        }
    }
    out
}

const ROLE: &str = "resource \"aws_iam_role\" \"app\" {\n  name = \"app\"\n  assume_role_policy = jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"Allow\", Action = \"sts:AssumeRole\", Principal = { Service = \"lambda.amazonaws.com\" } }] })\n}\n";

#[test]
fn heredoc_json_spans_are_exact() {
    let (m, v) = view(&[("main.tf", &format!("{ROLE}resource \"aws_iam_role_policy\" \"p\" {{\n  role = aws_iam_role.app.id\n  policy = <<-EOT\n    {{\"Version\": \"2012-10-17\", \"Statement\": [{{\"Effect\": \"Allow\", \"Action\": [\"bedrock:InvokeModel\"], \"Resource\": \"*\"}}]}}\n  EOT\n}}\n"))]);
    assert_eq!(
        statements(&m, &v),
        ["aws_iam_role_policy.p Allow Action=[\"bedrock:InvokeModel\"] Resource=[\"*\"]"]
    );
    assert_eq!(v.principals[0].attachments.len(), 1);
}

#[test]
fn jsonencode_and_variables() {
    let (m, v) = view(&[
        ("main.tf", &format!("variable \"models\" {{ default = [\"arn:aws:bedrock:us-east-1::foundation-model/a\"] }}\n{ROLE}resource \"aws_iam_role_policy\" \"p\" {{\n  role = aws_iam_role.app.name\n  policy = jsonencode({{ Version = \"2012-10-17\", Statement = [{{ Effect = \"Allow\", Action = \"bedrock:InvokeModel\", Resource = var.models }}] }})\n}}\n")),
        ("terraform.tfvars", "models = [\"arn:aws:bedrock:eu-west-1::foundation-model/b\"]\n"),
    ]);
    assert_eq!(statements(&m, &v), ["aws_iam_role_policy.p Allow Action=[\"bedrock:InvokeModel\"] Resource=[\"arn:aws:bedrock:eu-west-1::foundation-model/b\"]"]);
}

#[test]
fn policy_document_with_source_and_override() {
    let (m, v) = view(&[("main.tf", &format!("{ROLE}data \"aws_iam_policy_document\" \"base\" {{\n  statement {{\n    sid = \"A\"\n    actions = [\"bedrock:InvokeModel\"]\n    resources = [\"*\"]\n  }}\n}}\ndata \"aws_iam_policy_document\" \"over\" {{\n  statement {{\n    sid = \"A\"\n    actions = [\"bedrock:GetFoundationModel\"]\n    resources = [\"*\"]\n  }}\n}}\ndata \"aws_iam_policy_document\" \"d\" {{\n  source_policy_documents = [data.aws_iam_policy_document.base.json]\n  override_policy_documents = [data.aws_iam_policy_document.over.json]\n  statement {{\n    effect = \"Deny\"\n    actions = [\"bedrock:DeleteGuardrail\"]\n    resources = [\"*\"]\n  }}\n}}\nresource \"aws_iam_policy\" \"p\" {{\n  policy = data.aws_iam_policy_document.d.json\n}}\nresource \"aws_iam_role_policy_attachment\" \"a\" {{\n  role = aws_iam_role.app.name\n  policy_arn = aws_iam_policy.p.arn\n}}\n"))]);
    assert_eq!(
        statements(&m, &v),
        [
            "aws_iam_policy.p Allow Action=[\"bedrock:GetFoundationModel\"] Resource=[\"*\"]",
            "aws_iam_policy.p Deny Action=[\"bedrock:DeleteGuardrail\"] Resource=[\"*\"]",
        ]
    );
    assert_eq!(
        v.principals[0].attachments.len(),
        1,
        "attached through aws_iam_policy.p.arn"
    );
}

#[test]
fn file_loaded_json_and_module_inputs() {
    let (m, v) = view(&[
        ("main.tf", &format!("{ROLE}module \"inv\" {{\n  source = \"./m\"\n  role = aws_iam_role.app.name\n  models = [\"arn:aws:bedrock:us-east-1::foundation-model/x\"]\n}}\nresource \"aws_iam_role_policy\" \"f\" {{\n  role = aws_iam_role.app.id\n  policy = file(\"${{path.module}}/p.json\")\n}}\n")),
        ("p.json", "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"bedrock:InvokeModel\", \"Resource\": \"arn:aws:bedrock:*::foundation-model/*\"}}"),
        ("m/main.tf", "variable \"role\" {}\nvariable \"models\" {}\nresource \"aws_iam_role_policy\" \"p\" {\n  role = var.role\n  policy = jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"Allow\", Action = [\"bedrock:InvokeModel\"], Resource = var.models }] })\n}\n"),
    ]);
    assert_eq!(
        statements(&m, &v),
        [
            "aws_iam_role_policy.f Allow Action=[\"bedrock:InvokeModel\"] Resource=[\"arn:aws:bedrock:*::foundation-model/*\"]",
            "module.inv.aws_iam_role_policy.p Allow Action=[\"bedrock:InvokeModel\"] Resource=[\"arn:aws:bedrock:us-east-1::foundation-model/x\"]",
        ]
    );
    assert_eq!(
        v.principals[0].attachments.len(),
        2,
        "the module's policy reaches the root's role by name"
    );
}

#[test]
fn tf_json_syntax() {
    let (m, v) = view(&[(
        "main.tf.json",
        r#"{"resource": {"aws_iam_policy": {"p": {"policy": "${jsonencode({Version = \"2012-10-17\", Statement = [{Effect = \"Allow\", Action = \"bedrock:InvokeModel\", Resource = \"*\"}]})}"}}}}"#,
    )]);
    let s = statements(&m, &v);
    assert_eq!(s.len(), 1);
    assert!(s[0].starts_with("aws_iam_policy.p Allow Action=["), "{s:?}");
}

#[test]
fn unknown_resource_is_named() {
    let (m, v) = view(&[("main.tf", &format!("{ROLE}resource \"aws_bedrock_custom_model\" \"c\" {{}}\nresource \"aws_iam_role_policy\" \"p\" {{\n  role = aws_iam_role.app.id\n  policy = jsonencode({{ Version = \"2012-10-17\", Statement = [{{ Effect = \"Allow\", Action = \"bedrock:InvokeModel\", Resource = aws_bedrock_custom_model.c.custom_model_arn }}] }})\n}}\n"))]);
    assert_eq!(statements(&m, &v), ["aws_iam_role_policy.p Allow Action=[\"bedrock:InvokeModel\"] Resource=[?aws_bedrock_custom_model.c.custom_model_arn]"]);
}

#[test]
fn aws_managed_policies_group_membership_and_trust() {
    let (_, v) = view(&[("main.tf", &format!("{ROLE}resource \"aws_iam_user\" \"u\" {{ name = \"u\" }}\nresource \"aws_iam_group\" \"g\" {{ name = \"g\" }}\nresource \"aws_iam_user_group_membership\" \"m\" {{\n  user = aws_iam_user.u.name\n  groups = [aws_iam_group.g.name]\n}}\nresource \"aws_iam_group_policy_attachment\" \"a\" {{\n  group = aws_iam_group.g.name\n  policy_arn = \"arn:aws:iam::aws:policy/AmazonBedrockFullAccess\"\n}}\nresource \"aws_iam_access_key\" \"k\" {{ user = aws_iam_user.u.name }}\n"))]);
    let user = v
        .principals
        .iter()
        .find(|p| p.address == "aws_iam_user.u")
        .expect("user");
    assert_eq!(user.attachments.len(), 1, "inherited from the group");
    assert_eq!(user.access_keys.len(), 1);
    let role = v
        .principals
        .iter()
        .find(|p| p.address == "aws_iam_role.app")
        .expect("role");
    let trust = &v.policies[role.trust.expect("trust")];
    assert_eq!(
        trust.doc.statements[0]
            .principal
            .as_ref()
            .map(|p| p.entries[0].0.as_str()),
        Some("Service")
    );
}

#[test]
fn references_resolve_within_their_root_module() {
    // Two environments, each with aws_iam_role.app and its own policy: each role gets
    // only its own environment's policy.
    let policy = |res: &str| {
        format!("{ROLE}resource \"aws_iam_role_policy\" \"p\" {{\n  role = aws_iam_role.app.id\n  policy = jsonencode({{ Version = \"2012-10-17\", Statement = [{{ Effect = \"Allow\", Action = \"bedrock:InvokeModel\", Resource = \"{res}\" }}] }})\n}}\n")
    };
    let (m, v) = view(&[
        ("dev/main.tf", &policy("*")),
        (
            "prod/main.tf",
            &policy("arn:aws:bedrock:us-east-1::foundation-model/x"),
        ),
    ]);
    assert_eq!(v.principals.len(), 2);
    for p in &v.principals {
        assert_eq!(
            p.attachments.len(),
            1,
            "{}",
            m.files.get(p.header.file).path.display()
        );
        let pol = &v.policies[p.attachments[0].policy];
        let r = &m.resources[pol.resource.expect("resource")];
        assert_eq!(r.root_dir, m.resources[p.resource].root_dir);
    }
}
