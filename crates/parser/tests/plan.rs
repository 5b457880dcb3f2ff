//! Plan JSON (`terraform show -json`) from six real Terraform versions (format 0.1 to
//! 1.2, testdata/external/plan-json, MPL-2.0, see its README): every resource of
//! planned_values (root and child modules) becomes a model resource with its address,
//! and values known only after apply stay unknown.

use bedrock_lint_parser::model::load::LoadOptions;
use bedrock_lint_parser::{build, Kind, Value};
use pretty_assertions::assert_eq;
use std::path::PathBuf;

fn plans() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/external/plan-json");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("plan fixtures")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.path().join("plan.json"))
        .collect();
    out.sort();
    out
}

/// Addresses in planned_values, read independently with serde_json.
fn addresses(plan: &serde_json::Value) -> Vec<String> {
    fn walk(m: &serde_json::Value, out: &mut Vec<String>) {
        for r in m["resources"].as_array().into_iter().flatten() {
            out.push(r["address"].as_str().unwrap_or("").to_string());
        }
        for c in m["child_modules"].as_array().into_iter().flatten() {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    walk(&plan["planned_values"]["root_module"], &mut out);
    out.sort();
    out
}

fn count_unknown(v: &Value) -> usize {
    match &v.kind {
        Kind::Unknown(_) => 1,
        Kind::List(l) => l.iter().map(count_unknown).sum(),
        Kind::Object(o) => o.iter().map(|e| count_unknown(&e.value)).sum(),
        _ => 0,
    }
}

#[test]
fn every_planned_resource_is_in_the_model() {
    for path in plans() {
        let text = std::fs::read_to_string(&path).expect("read");
        let json: serde_json::Value = serde_json::from_str(&text).expect("valid json");
        let model = build(&LoadOptions {
            plans: vec![path.clone()],
            ..LoadOptions::default()
        })
        .expect("build");
        assert!(
            model.issues.is_empty(),
            "{}: {:?}",
            path.display(),
            model.issues
        );
        let mut got: Vec<String> = model.resources.iter().map(|r| r.address.clone()).collect();
        got.sort();
        assert_eq!(got, addresses(&json), "{}", path.display());
        for r in &model.resources {
            assert!(r.from_plan);
            assert_eq!(
                r.body.span.map(|s| model.files.text(s).starts_with('{')),
                Some(true)
            );
        }
    }
}

#[test]
fn after_unknown_values_stay_unknown() {
    let path = plans()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("nested_config_keys"))
        .expect("fixture");
    let model = build(&LoadOptions {
        plans: vec![path],
        ..LoadOptions::default()
    })
    .expect("build");
    let instance = &model.resources[0];
    assert_eq!(instance.address, "aws_instance.foo");
    // The upstream README counts 36 unknown leaves; some are nested inside lists.
    assert!(
        count_unknown(&instance.body) >= 10,
        "{}",
        count_unknown(&instance.body)
    );
    assert!(instance.body.get("id").is_some_and(Value::is_unknown));
}

#[test]
fn a_broken_plan_is_a_parse_issue_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("bl-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let p = dir.join("plan.json");
    let truncated =
        "{\"format_version\": \"1.2\", \"terraform_version\": \"1.11.4\", \"planned_values\": {";
    std::fs::write(&p, truncated).expect("write");
    let model = build(&LoadOptions {
        paths: vec![dir.clone()],
        ..LoadOptions::default()
    })
    .expect("build");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(model.issues.len(), 1, "{:?}", model.issues);
    assert_eq!(
        model.issues[0].kind,
        bedrock_lint_parser::model::load::IssueKind::Parse
    );
    let at = model
        .files
        .get(model.issues[0].span.file)
        .line_col(model.issues[0].span.start as usize);
    assert_eq!(
        (at.line, at.column),
        (1, truncated.len() + 1),
        "points at the end of the truncated text"
    );
}

/// A policy's `role` known only after apply (the id of a role created in the same
/// apply) comes from that role, resolved through the plan's configuration section the
/// way Terraform scopes references (testdata/plans/plan-links, terraform 1.11).
#[test]
fn unknown_references_link_to_the_resource_they_name() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/plans/plan-links/plan.json");
    let model = build(&LoadOptions {
        plans: vec![path],
        ..LoadOptions::default()
    })
    .expect("build");
    let attr = |address: &str, key: &str| {
        let r = model
            .resources
            .iter()
            .find(|r| r.address == address)
            .unwrap_or_else(|| panic!("no {address}"));
        let v = r.body.get(key).cloned().expect("attribute");
        (
            format!("{address}.{key}"),
            matches!(v.kind, Kind::Unknown(_)),
            v.from.as_deref().cloned(),
        )
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        [
            attr("aws_iam_role_policy.invoke", "role"),
            attr("aws_iam_role_policy_attachment.admin", "policy_arn"),
            attr("module.team[\"search\"].aws_iam_role_policy.admin", "role"),
            attr("module.team[\"search\"].aws_iam_role_policy.invoke", "role"),
            attr("module.extra.aws_iam_role_policy.read", "role"),
        ],
        [
            (
                "aws_iam_role_policy.invoke.role".to_string(),
                true,
                some("aws_iam_role.ingest")
            ),
            (
                "aws_iam_role_policy_attachment.admin.policy_arn".to_string(),
                true,
                some("aws_iam_policy.admin")
            ),
            (
                "module.team[\"search\"].aws_iam_role_policy.admin.role".to_string(),
                true,
                some("module.team[\"search\"].aws_iam_role.this")
            ),
            (
                "module.team[\"search\"].aws_iam_role_policy.invoke.role".to_string(),
                true,
                some("module.team[\"search\"].aws_iam_role.this")
            ),
            (
                "module.extra.aws_iam_role_policy.read.role".to_string(),
                true,
                some("aws_iam_role.ingest")
            ),
        ]
    );
    // A known value keeps its own resource as origin.
    assert_eq!(
        attr("aws_iam_role_policy_attachment.admin", "role"),
        (
            "aws_iam_role_policy_attachment.admin.role".to_string(),
            false,
            some("aws_iam_role_policy_attachment.admin")
        )
    );
}

/// Every value `after_unknown` marks is an unknown naming its path, also where
/// `values` leaves it out (a list element, an attribute, a nested block).
#[test]
fn after_unknown_values_are_never_absent() {
    let dir = std::env::temp_dir().join(format!("bl-plan-au-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let p = dir.join("plan.json");
    let plan = serde_json::json!({
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "planned_values": { "root_module": { "resources": [{
            "address": "aws_iam_role_policy.p", "mode": "managed",
            "type": "aws_iam_role_policy", "name": "p",
            "values": { "name": "p", "list": ["x"], "blk": null }
        }]}},
        "resource_changes": [{
            "address": "aws_iam_role_policy.p",
            "change": { "after_unknown": {
                "role": true, "list": [false, true], "blk": [{ "id": true }]
            }}
        }]
    });
    std::fs::write(&p, plan.to_string()).expect("write");
    let model = build(&LoadOptions {
        plans: vec![p],
        ..LoadOptions::default()
    })
    .expect("build");
    let _ = std::fs::remove_dir_all(&dir);
    let body = &model.resources[0].body;
    let what = |v: Option<&Value>| v.and_then(Value::unknown_what).map(str::to_string);
    assert_eq!(
        [
            what(body.get("role")),
            what(
                body.get("list")
                    .and_then(Value::as_list)
                    .and_then(|l| l.get(1))
            ),
            what(
                body.get("blk")
                    .and_then(Value::as_list)
                    .and_then(|l| l.first())
                    .and_then(|b| b.get("id"))
            ),
        ],
        [
            Some("aws_iam_role_policy.p.role (known after apply)".to_string()),
            Some("aws_iam_role_policy.p.list[1] (known after apply)".to_string()),
            Some("aws_iam_role_policy.p.blk[0].id (known after apply)".to_string()),
        ]
    );
    assert_eq!(
        body.get("list")
            .and_then(Value::as_list)
            .and_then(|l| l[0].as_str()),
        Some("x")
    );
}
