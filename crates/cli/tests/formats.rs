//! End-to-end tests of the report formats (compact, github, checkstyle, junit,
//! markdown, sarif) and of `bedrock-lint access` (table, json, markdown, dot).
//!
//! The SARIF output is validated against the official 2.1.0 schema with Python's
//! `jsonschema` when it is installed (CI installs it); otherwise that check is skipped.

mod common;

use common::{tree, TempTree};
use pretty_assertions::assert_eq;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_bedrock-lint");
const TODAY: &str = "2026-11-29";
const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/testdata/external/sarif/sarif-schema-2.1.0.json"
);

const ROLE: &str = r#"resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
"#;

/// main.tf: a role and an inline policy invoking every model (BL101 on line 21).
fn main_tf(resource: &str, ignore: &str) -> String {
    format!(
        r#"{ROLE}
{ignore}resource "aws_iam_role_policy" "invoke" {{
  name = "invoke"
  role = aws_iam_role.app.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = {resource}
    }}]
  }})
}}
"#
    )
}

const CONFIG: &str = "invocation_logging = \"external\"\n";
const MSG: &str = r#"bedrock:InvokeModel is allowed on every model ("*")"#;

fn bad_tree(name: &str) -> TempTree {
    tree(
        name,
        &[
            ("main.tf", &main_tf("\"*\"", "")),
            (".bedrock-lint.hcl", CONFIG),
        ],
    )
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("BEDROCK_LINT_TODAY", TODAY)
        .env_remove("NO_COLOR")
        .output()
        .expect("run bedrock-lint");
    (
        o.status.code().expect("exit code"),
        String::from_utf8(o.stdout).expect("utf-8 stdout"),
        String::from_utf8(o.stderr).expect("utf-8 stderr"),
    )
}

/// Runs a lint format over the BL101 tree: exit 1, the output.
fn lint_format(name: &str, format: &str) -> String {
    let dir = bad_tree(name);
    let (code, out, err) = run(&dir, &["--format", format]);
    assert_eq!(code, 1, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

#[test]
fn compact() {
    assert_eq!(
        lint_format("compact", "compact"),
        format!("main.tf:21:18: error[BL101] {MSG}\n")
    );
}

#[test]
fn github() {
    assert_eq!(
        lint_format("github", "github"),
        format!("::error file=main.tf,line=21,col=18,endLine=21,endColumn=21,title=BL101::{MSG}\n")
    );
}

#[test]
fn github_escaping() {
    use bedrock_lint_cli::render::github::{escape_data, escape_property};
    assert_eq!(escape_data("100% a\r\nb: c,d"), "100%25 a%0D%0Ab: c,d");
    assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
}

#[test]
fn checkstyle() {
    assert_eq!(
        lint_format("checkstyle", "checkstyle"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="main.tf">
    <error line="21" column="18" severity="error" message="bedrock:InvokeModel is allowed on every model (&quot;*&quot;)" source="bedrock-lint.BL101"/>
  </file>
</checkstyle>
"#
    );
}

#[test]
fn junit() {
    let out = lint_format("junit", "junit");
    assert!(
        out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
        "{out}"
    );
    assert!(
        out.contains(
            r#"<testsuite name="bedrock-lint" tests="1" failures="1" errors="0" skipped="0">"#
        ),
        "{out}"
    );
    assert!(
        out.contains(
            r#"<testcase name="BL101 main.tf:21:18" classname="main.tf" file="main.tf" line="21">"#
        ),
        "{out}"
    );
    assert!(out.contains(r#"<failure message="bedrock:InvokeModel is allowed on every model (&quot;*&quot;)" type="BL101">main.tf:21:18: error[BL101] "#), "{out}");
    assert_eq!(out.matches("<testcase ").count(), 1);
    assert!(out.ends_with("  </testsuite>\n</testsuites>\n"), "{out}");
}

#[test]
fn clean_and_suppressed() {
    // An ignore comment: the finding is suppressed, so the XML/GitHub/Markdown formats
    // show none; SARIF keeps it with an in-source suppression.
    let dir = tree(
        "suppressed",
        &[
            (
                "main.tf",
                &main_tf(
                    "\"*\"",
                    "# bedrock-lint:ignore BL101 until=2027-01-31 reason=\"sandbox, SEC-42\"\n",
                ),
            ),
            (".bedrock-lint.hcl", CONFIG),
        ],
    );
    let (code, out, err) = run(&dir, &["--format", "github"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let (_, out, _) = run(&dir, &["--format", "checkstyle"]);
    assert_eq!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n</checkstyle>\n"
    );
    let (_, out, _) = run(&dir, &["--format", "junit"]);
    assert!(
        out.contains(r#"<testcase name="bedrock-lint" classname="bedrock-lint"/>"#),
        "{out}"
    );
    assert!(!out.contains("<failure"), "{out}");
    let (_, out, _) = run(&dir, &["--format", "markdown"]);
    assert_eq!(
        out,
        "### bedrock-lint: no findings (1 file, 1 suppressed)\n"
    );
    let (_, out, _) = run(&dir, &["--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("sarif json");
    let results = &v["runs"][0]["results"];
    assert_eq!(results.as_array().map(Vec::len), Some(1), "{out}");
    assert_eq!(
        results[0]["suppressions"],
        serde_json::json!([{"kind": "inSource"}])
    );
    validate_sarif(&out);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn markdown() {
    assert_eq!(
        lint_format("markdown", "markdown"),
        r#"### bedrock-lint: 1 error, 0 warnings, 0 notes (1 file)

| Code | Rule | Severity | Count |
|---|---|---|---:|
| BL101 | invoke-any-model | error | 1 |

#### `aws_iam_role_policy.invoke`

- **error** `BL101` bedrock:InvokeModel is allowed on every model ("\*") ([main.tf:21](main.tf#L21))
"#
    );
}

#[test]
fn sarif() {
    let out = lint_format("sarif", "sarif");
    let v: serde_json::Value = serde_json::from_str(&out).expect("sarif json");
    assert_eq!(v["version"], "2.1.0");
    let run0 = &v["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "bedrock-lint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), bedrock_lint_rules::ALL.len());
    let bl101 = rules
        .iter()
        .find(|r| r["id"] == "BL101")
        .expect("BL101 rule");
    assert_eq!(bl101["name"], "invoke-any-model");
    assert_eq!(bl101["properties"]["security-severity"], "8.0");
    assert_eq!(bl101["defaultConfiguration"]["level"], "error");
    let tags = bl101["properties"]["tags"].as_array().expect("tags");
    assert!(tags.iter().any(|t| t == "security"), "{tags:?}");
    assert!(tags.iter().any(|t| t == "OWASP-NHI5"), "{tags:?}");
    assert!(bl101["help"]["markdown"]
        .as_str()
        .is_some_and(|m| m.contains("invoke-any-model")));

    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["ruleId"], "BL101");
    assert_eq!(r["level"], "error");
    assert_eq!(r["message"]["text"], MSG);
    assert_eq!(
        r["locations"][0]["physicalLocation"],
        serde_json::json!({
            "artifactLocation": {"uri": "main.tf"},
            "region": {"startLine": 21, "startColumn": 18, "endLine": 21, "endColumn": 21}
        })
    );
    assert!(r.get("suppressions").is_none());
    assert!(r["partialFingerprints"]
        .get("primaryLocationLineHash")
        .is_none());
    let fp = r["partialFingerprints"]["bedrockLint/v1"].clone();
    assert!(fp.is_string());
    validate_sarif(&out);

    // The fingerprint survives a line shift.
    let shifted = tree(
        "sarif-shift",
        &[
            ("main.tf", &format!("\n\n\n{}", main_tf("\"*\"", ""))),
            (".bedrock-lint.hcl", CONFIG),
        ],
    );
    let (_, out2, _) = run(&shifted, &["--format", "sarif"]);
    let v2: serde_json::Value = serde_json::from_str(&out2).expect("sarif json");
    let r2 = &v2["runs"][0]["results"][0];
    assert_eq!(
        r2["locations"][0]["physicalLocation"]["region"]["startLine"],
        24
    );
    assert_eq!(r2["partialFingerprints"]["bedrockLint/v1"], fp);
    let _ = std::fs::remove_dir_all(&shifted);
}

/// Validates SARIF text against the 2.1.0 schema with Python's jsonschema, if present.
fn validate_sarif(text: &str) {
    let has = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        println!("skipped: python jsonschema not installed");
        return;
    }
    let dir = tree("sarif-validate", &[("out.sarif", text)]);
    let script = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
for e in errors[:10]:
    print(e.message, list(e.absolute_path))
sys.exit(1 if errors else 0)
"#;
    let o = Command::new("python3")
        .args(["-c", script, SCHEMA])
        .arg(dir.join("out.sarif"))
        .output()
        .expect("python3");
    assert!(
        o.status.success(),
        "SARIF does not validate:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------- access map

#[test]
fn access_json() {
    let dir = bad_tree("access-json");
    let (code, out, err) = run(&dir, &["access", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        r#"{
  "version": 1,
  "principals": [
    {
      "address": "aws_iam_role.app",
      "kind": "role",
      "name": "app",
      "file": "main.tf",
      "line": 1,
      "bedrock": {
        "invoke": [
          {
            "action": "bedrock:InvokeModel",
            "resources": [
              "*"
            ],
            "conditions": {}
          }
        ],
        "read": [],
        "build": [],
        "admin": []
      },
      "sensitive": [],
      "trust": [
        {
          "kind": "service",
          "provider": "lambda.amazonaws.com",
          "subjects": []
        }
      ],
      "credentials": {
        "access_keys": 0
      },
      "max_session_duration": null,
      "environments": []
    }
  ]
}
"#
    );
    // Deterministic.
    assert_eq!(run(&dir, &["access", "--format", "json"]).1, out);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn access_oidc_unknown_and_session() {
    let tf = r#"variable "model_arn" {}

resource "aws_iam_role" "ci" {
  name                 = "ci"
  max_session_duration = 7200
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:environment:prod" }
      }
    }]
  })
}

resource "aws_iam_role_policy" "ci" {
  role = aws_iam_role.ci.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource  = [var.model_arn]
      Condition = { StringEquals = { "aws:RequestedRegion" = "us-east-1" } }
    }]
  })
}
"#;
    let dir = tree(
        "access-oidc",
        &[("main.tf", tf), (".bedrock-lint.hcl", CONFIG)],
    );
    let (code, out, err) = run(&dir, &["access", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let p = &v["principals"][0];
    assert_eq!(p["max_session_duration"], 7200);
    assert_eq!(
        p["trust"],
        serde_json::json!([{"kind": "oidc", "provider": "token.actions.githubusercontent.com",
                            "subjects": ["repo:acme/app:environment:prod"]}])
    );
    assert_eq!(
        p["bedrock"]["invoke"][0],
        serde_json::json!({"action": "bedrock:InvokeModel", "resources": ["(unknown)"],
                           "conditions": {"aws:RequestedRegion": ["us-east-1"]}})
    );
    let (_, table, _) = run(&dir, &["access"]);
    assert_eq!(
        table,
        "PRINCIPAL        INVOKE   SESSION  ENV\n\
         aws_iam_role.ci  unknown  7200     -\n  \
         trust: oidc:token.actions.githubusercontent.com (repo:acme/app:environment:prod)\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn access_table_markdown_dot() {
    let dir = bad_tree("access-other");
    let (code, out, err) = run(&dir, &["access"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "PRINCIPAL         INVOKE           SESSION  ENV\n\
         aws_iam_role.app  every model (*)  -        -\n  \
         trust: service:lambda.amazonaws.com\n"
    );
    let (_, out, _) = run(&dir, &["access", "--format", "markdown"]);
    assert_eq!(
        out,
        "## Bedrock access map\n\n\
         | PRINCIPAL | KIND | INVOKE | ADMIN | RESOURCES | TRUST | MAX SESSION | ENV |\n\
         |---|---|---|---|---|---|---|---|\n\
         | `aws_iam_role.app` | role | `bedrock:InvokeModel` | - | `*` | `service:lambda.amazonaws.com` | - | - |\n"
    );
    let (_, out, _) = run(&dir, &["access", "--format", "dot"]);
    assert_eq!(
        out,
        r#"digraph bedrock_access {
  rankdir=LR;
  node [fontname="Helvetica"];
  p0 [shape=box, label="aws_iam_role.app\nrole app"];
  "model:*" [shape=ellipse, label="*"];
  p0 -> "model:*" [label="bedrock:InvokeModel"];
}
"#
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn access_bad_path_exits_2() {
    let dir = bad_tree("access-bad");
    let (code, out, err) = run(&dir, &["access", "does-not-exist"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("bedrock-lint: "), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
