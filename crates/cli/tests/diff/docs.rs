//! docs/ci.md's `diff` recipes: the YAML parses (python3 with PyYAML; skipped when
//! absent), and the GitHub workflow's compare step, run as written in a repository,
//! writes the markdown report as the comment body.

use super::support::*;
use pretty_assertions::assert_eq;
use std::process::Command;

/// The ```yaml blocks of docs/ci.md's `diff` section.
fn recipes() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ci.md"))
        .expect("docs/ci.md");
    let start = text.find("## Pull-request review").expect("diff section");
    let section = &text[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
    section[..end]
        .split("```yaml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or("").to_string())
        .collect()
}

/// The YAML as JSON, through PyYAML; `None` when python3 or PyYAML is missing.
fn parse(yaml: &str) -> Option<serde_json::Value> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, json\ntry:\n import yaml\nexcept ImportError:\n sys.exit(3)\nprint(json.dumps(yaml.safe_load(sys.stdin.read())))",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().expect("stdin").write_all(yaml.as_bytes())?;
            c.wait_with_output()
        })
        .ok()?;
    if out.status.code() == Some(3) {
        return None;
    }
    assert!(
        out.status.success(),
        "YAML does not parse: {}\n{yaml}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("json"))
}

#[test]
fn recipes_parse_and_the_workflow_comment_is_the_markdown_report() {
    let blocks = recipes();
    assert_eq!(blocks.len(), 2, "the GitHub and GitLab recipes");
    let Some(github) = parse(&blocks[0]) else {
        eprintln!("python3 with PyYAML not found: YAML recipes not checked");
        return;
    };
    let gitlab = parse(&blocks[1]).expect("parsed");
    let script = gitlab["bedrock-lint-diff"]["script"].to_string();
    assert!(
        script.contains("bedrock-lint diff \\\"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\\\""),
        "{script}"
    );

    let steps = github["jobs"]["access-changes"]["steps"]
        .as_array()
        .expect("steps");
    let step = |name: &str| {
        steps
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("step {name}"))["run"]
            .as_str()
            .expect("run")
            .to_string()
    };
    let compare = step("Compare with the base branch");
    assert!(compare.contains("bedrock-lint diff \"origin/${{ github.base_ref }}\""));
    assert!(step("Post or update the comment").contains("bedrock-lint-comment.md"));

    // Run the step as the runner would, against a base branch `main` one commit back.
    let r = Repo::new("workflow");
    r.write(
        "main.tf",
        &format!(
            "{}\n{}",
            lambda_role("app", "app-prod", ""),
            policy("invoke", "app", INVOKE, SONNET)
        ),
    );
    r.commit("base");
    r.git(&["update-ref", "refs/remotes/origin/main", "HEAD"]);
    r.write(
        "main.tf",
        &format!(
            "{}\n{}",
            lambda_role("app", "app-prod", ""),
            policy("invoke", "app", INVOKE, "\"*\"")
        ),
    );
    r.commit("widen");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_bedrock-lint"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .args([
            "-e",
            "-c",
            &compare.replace("${{ github.base_ref }}", "main"),
        ])
        .current_dir(&r.dir)
        .env("PATH", path)
        .env("GITHUB_OUTPUT", r.dir.join("gh-output"))
        .env("BEDROCK_LINT_TODAY", TODAY)
        .env_remove("BEDROCK_LINT_LINK_BASE")
        .output()
        .expect("sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(r.dir.join("gh-output")).expect("output"),
        "rc=1\n"
    );
    let body = std::fs::read_to_string(r.dir.join("bedrock-lint-comment.md")).expect("comment");
    let report = r.run(&["diff", "origin/main", "--format", "markdown"]);
    assert_eq!(body, stdout(&report));
    assert!(body.starts_with("<!-- bedrock-lint diff -->\n"));
    assert!(
        body.contains("This change lets `app-prod` invoke `*`"),
        "{body}"
    );
}
