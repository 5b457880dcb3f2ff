//! `bedrock-lint diff` and `--new-from-rev` on real git repositories: each kind of
//! access change, moves and renames (no change), module inputs from tfvars, module
//! outputs, and the issue's end-to-end scenario with whole-output snapshots.

#[path = "diff/support.rs"]
mod support;

#[path = "diff/kinds.rs"]
mod kinds;

#[path = "diff/options.rs"]
mod options;

#[path = "diff/docs.rs"]
mod docs;

use pretty_assertions::assert_eq;
use support::*;

const CHAT: &str = r#"resource "aws_iam_role" "chat" {
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

resource "aws_iam_role_policy" "chat_invoke" {
  name = "invoke"
  role = aws_iam_role.chat.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}
"#;

const DEPLOY: &str = r#"resource "aws_iam_role" "deploy" {
  name = "chat-api-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:acme/chat-api:environment:prod"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "deploy_invoke" {
  name = "invoke"
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }]
  })
}
"#;

const SSO: &str = r#"      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0a1b2c3d4e5f6789" }
        Action    = "sts:AssumeRole"
      },
    ]"#;

/// The issue's scenario: base commit, then a head commit that widens one role to
/// every model and adds an SSO role to a GitHub OIDC role's trust.
fn done_means(name: &str) -> Repo {
    let r = Repo::new(name);
    r.write("infra/chat.tf", CHAT)
        .write("infra/deploy.tf", DEPLOY)
        .write("infra/other.tf", &lambda_role("other", "batch-eval", ""))
        .write(
            "infra/other_policy.tf",
            &policy("other_invoke", "other", INVOKE, HAIKU),
        );
    r.commit("base");
    r.write(
        "infra/chat.tf",
        &CHAT.replace(
            "foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
            "foundation-model/*",
        ),
    )
    .write("infra/deploy.tf", &DEPLOY.replacen("    ]", SSO, 1));
    r.commit("widen");
    r
}

#[test]
fn done_means_markdown() {
    let r = done_means("md");
    let out = r.run(&["diff", "HEAD~1", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let expected = r#"<!-- bedrock-lint diff -->
### bedrock-lint: Bedrock access changes since `HEAD~1`

This change lets `chat-api-prod` invoke `foundation-model/*` and adds a human to a pipeline role (`chat-api-deploy`). It brings 2 new findings (1 error).

#### Access changes (2)

| Principal | What changed | Added | Removed | Where |
|---|---|---|---|---|
| `chat-api-prod` (`aws_iam_role.chat`) | models it can invoke | `foundation-model/*` | `foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0` | `infra/chat.tf:21` |
| `chat-api-deploy` (`aws_iam_role.deploy`) | who can assume it | `human arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0a1b2c3d4e5f6789` |  | `infra/deploy.tf:19` |

#### New findings (2)

| Severity | Rule | Finding | Where |
|---|---|---|---|
| error | BL101 invoke-any-model | bedrock:InvokeModel is allowed on every model ("arn:aws:bedrock:us-east-1::foundation-model/\*") | `infra/chat.tf:21` |
| warning | BL406 human-and-pipeline-trust-mixed | role chat-api-deploy has Bedrock grants and is assumed both by a pipeline (token.actions.githubusercontent.com) and by people (arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO\_Dev\_0a1b2c3d4e5f6789) | `infra/deploy.tf:3` |

"#;
    assert_eq!(stdout(&out), expected);
}

#[test]
fn done_means_json_and_links() {
    let r = done_means("json");
    let out = r.run(&[
        "diff",
        "HEAD~1",
        "--format",
        "json",
        "--link-base",
        "https://github.com/acme/chat-api/blob/abc123",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let expected = serde_json::json!({
        "version": 1,
        "base": {"ref": "HEAD~1", "files": 4},
        "head": {"files": 4},
        "summary": {
            "text": "This change lets `chat-api-prod` invoke `foundation-model/*` and adds a human to a pipeline role (`chat-api-deploy`). It brings 2 new findings (1 error).",
            "access_changes": 2, "new_findings": 2, "resolved_findings": 0,
            "errors": 1, "warnings": 1, "notes": 0
        },
        "access_changes": [
            {"principal": "aws_iam_role.chat", "name": "chat-api-prod", "root": "infra",
             "change": "models", "added": ["foundation-model/*"],
             "removed": ["foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"],
             "file": "infra/chat.tf", "line": 21,
             "url": "https://github.com/acme/chat-api/blob/abc123/infra/chat.tf#L21"},
            {"principal": "aws_iam_role.deploy", "name": "chat-api-deploy", "root": "infra",
             "change": "trust",
             "added": ["human arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0a1b2c3d4e5f6789"],
             "removed": [], "file": "infra/deploy.tf", "line": 19,
             "url": "https://github.com/acme/chat-api/blob/abc123/infra/deploy.tf#L19"}
        ],
        "resolved_findings": []
    });
    let mut got = v.clone();
    let o = got.as_object_mut().expect("object");
    o.remove("tool");
    o.remove("new_findings");
    assert_eq!(got, expected);
    assert_eq!(
        new_findings(&stdout(&out)),
        vec!["infra/chat.tf:21 BL101", "infra/deploy.tf:3 BL406"]
    );
    assert!(v["new_findings"][0]["fingerprint"].is_string());
}

#[test]
fn several_outputs_sarif_has_new_findings_only() {
    let r = done_means("sarif");
    let out = r.run(&[
        "diff",
        "HEAD~1",
        "--output-format",
        "sarif=out.sarif",
        "--output-format",
        "json=out.json",
        "--output-format",
        "markdown=comment.md",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(r.dir.join("out.sarif")).expect("sarif"))
            .expect("json");
    let ids: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|x| x["ruleId"].as_str())
        .collect();
    // BL501 (no invocation logging) exists on both sides: not new.
    assert_eq!(ids, vec!["BL101", "BL406"]);
    let json = std::fs::read_to_string(r.dir.join("out.json")).expect("json");
    assert_eq!(changes(&json).len(), 2);
    let md = std::fs::read_to_string(r.dir.join("comment.md")).expect("md");
    assert!(md.starts_with("<!-- bedrock-lint diff -->\n"));
}

#[test]
fn fail_on_never_and_from_a_subdirectory() {
    let r = done_means("sub");
    let out = r.run_in(
        "infra",
        &["diff", "HEAD~1", "--format", "json", "--fail-on", "never"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        changes(&stdout(&out)),
        vec![
            "aws_iam_role.chat models +foundation-model/* -foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0 @chat.tf:21",
            "aws_iam_role.deploy trust +human arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0a1b2c3d4e5f6789 @deploy.tf:19",
        ]
    );
    // A rename takes the written-out base; paths still compare from the subdirectory.
    r.git(&["mv", "infra/chat.tf", "infra/chat_role.tf"]);
    let out = r.run_in(
        "infra",
        &["diff", "HEAD~1", "--format", "json", "--fail-on", "never"],
    );
    assert_eq!(
        changes(&stdout(&out)),
        vec![
            "aws_iam_role.chat models +foundation-model/* -foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0 @chat_role.tf:21",
            "aws_iam_role.deploy trust +human arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0a1b2c3d4e5f6789 @deploy.tf:19",
        ]
    );
    assert_eq!(
        new_findings(&stdout(&out)),
        vec!["chat_role.tf:21 BL101", "deploy.tf:3 BL406"]
    );
}

#[test]
fn work_tree_and_index_untouched_and_uncommitted_changes_are_head() {
    let r = Repo::new("worktree");
    r.write("chat.tf", CHAT);
    r.commit("base");
    // Staged and unstaged edits: head is the work tree as it is.
    r.write("deploy.tf", DEPLOY);
    r.git(&["add", "deploy.tf"]);
    r.write(
        "chat_admin.tf",
        &policy(
            "chat_admin",
            "chat",
            "\"bedrock:CreateFoundationModelAgreement\", \"iam:PassRole\", \"secretsmanager:GetSecretValue\"",
            "\"*\"",
        ),
    );
    let before = r.git(&["status", "--porcelain"]);
    let out = r.run(&["diff", "HEAD", "--format", "json"]);
    assert_eq!(r.git(&["status", "--porcelain"]), before);
    assert_eq!(
        changes(&stdout(&out)),
        vec![
            "aws_iam_role.chat admin_actions +bedrock:CreateFoundationModelAgreement @chat_admin.tf:8",
            "aws_iam_role.chat escalation_actions +iam:PassRole @chat_admin.tf:8",
            "aws_iam_role.chat sensitive_actions +secretsmanager:GetSecretValue @chat_admin.tf:8",
            "aws_iam_role.deploy principal_added +foundation-model/amazon.titan-embed-text-v2:0 @deploy.tf:1",
        ],
        "{}",
        stderr(&out)
    );
}

#[test]
fn moves_and_renames_are_not_changes() {
    let r = Repo::new("moves");
    r.write("iam.tf", &format!("{CHAT}\n{DEPLOY}"));
    r.commit("base");
    // The deploy role goes to its own file, the policy of chat to another one, and
    // blank lines shift everything left behind.
    let (role, pol) = CHAT.split_at(
        CHAT.find("resource \"aws_iam_role_policy\"")
            .expect("policy"),
    );
    r.write("iam.tf", &format!("\n\n\n{role}"))
        .write("policies/../chat_policy.tf", pol)
        .write("deploy.tf", DEPLOY);
    r.commit("move");
    r.git(&["mv", "deploy.tf", "pipeline.tf"]);
    r.commit("rename");
    for base in ["HEAD~1", "HEAD~2"] {
        let out = r.run(&["diff", base, "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
        assert_eq!(
            v["summary"]["text"],
            "This change does not change Bedrock access."
        );
        assert_eq!(v["access_changes"], serde_json::json!([]));
        assert_eq!(v["new_findings"], serde_json::json!([]));
        assert_eq!(v["resolved_findings"], serde_json::json!([]));
    }
}
