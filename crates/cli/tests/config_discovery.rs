//! Per-file config discovery (DESIGN.md "Config"): each linted file is judged by the
//! nearest `.bedrock-lint.hcl` above it, whatever order the paths come in — pre-commit
//! passes changed files in any order. Before, the first path's config governed all.

mod common;

use common::{tree, TODAY};
use pretty_assertions::assert_eq;
use std::path::Path;
use std::process::Command;

fn policy(model: &str) -> String {
    format!(
        r#"resource "aws_iam_role" "app" {{
  name = "app"
  assume_role_policy = jsonencode({{
    Version   = "2012-10-17"
    Statement = [{{ Effect = "Allow", Action = "sts:AssumeRole", Principal = {{ Service = "lambda.amazonaws.com" }} }}]
  }})
}}

resource "aws_iam_role_policy" "invoke" {{
  role = aws_iam_role.app.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/{model}"
    }}]
  }})
}}
"#
    )
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_bedrock-lint"))
        .args(args)
        .args(["--format", "compact"])
        .current_dir(dir)
        .env("BEDROCK_LINT_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn each_file_uses_its_nearest_config_in_any_order() {
    const CLAUDE: &str = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    const TITAN: &str = "amazon.titan-text-express-v1";
    let dir = tree(
        "per-file-config",
        &[
            // The repository's config approves Claude only ...
            (
                ".bedrock-lint.hcl",
                &format!("approved_models = [\"{CLAUDE}\"]\ninvocation_logging = \"external\"\n"),
            ),
            ("app/main.tf", &policy(TITAN)),
            // ... a team's folder approves Titan.
            (
                "team/.bedrock-lint.hcl",
                &format!("approved_models = [\"{TITAN}\"]\ninvocation_logging = \"external\"\n"),
            ),
            ("team/main.tf", &policy(TITAN)),
        ],
    );
    let expected = "app/main.tf:16:18: error[BL102] bedrock:InvokeModel is allowed on model \"amazon.titan-text-express-v1\", which approved_models does not cover (\"arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1\")\n";
    for args in [
        &["app/main.tf", "team/main.tf"][..],
        &["team/main.tf", "app/main.tf"][..],
        &["team", "app"][..],
        &["."][..],
    ] {
        let (code, stdout, stderr) = run(&dir, args);
        assert_eq!(
            (code, stdout.as_str(), stderr.as_str()),
            (1, expected, ""),
            "{args:?}"
        );
    }
    // The team's folder alone, from anywhere: its own config, nothing to report.
    let (code, stdout, _) = run(&dir.join("team"), &["."]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    // --config overrides discovery for every file.
    let (code, stdout, _) = run(&dir, &["--config", "team/.bedrock-lint.hcl", "app", "team"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn a_broken_config_anywhere_in_the_run_is_exit_2() {
    let dir = tree(
        "per-file-broken",
        &[
            ("app/main.tf", &policy("amazon.titan-text-express-v1")),
            ("team/.bedrock-lint.hcl", "approved_modles = []\n"),
            ("team/main.tf", &policy("amazon.titan-text-express-v1")),
        ],
    );
    for args in [&["app", "team"][..], &["team", "app"][..]] {
        let (code, _, stderr) = run(&dir, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains("approved_modles"), "{stderr}");
    }
}

/// The scanned tree is the repository holding the linted path: a root module in
/// `envs/prod` calling `../../modules/app` is followed when the run starts there (as
/// pre-commit does from the top, and an editor from the file's folder).
#[test]
fn modules_elsewhere_in_the_repository_are_followed_from_a_subfolder() {
    let dir = tree(
        "repo-boundary",
        &[
            (".git/HEAD", "ref: refs/heads/main\n"),
            (".bedrock-lint.hcl", "invocation_logging = \"external\"\n"),
            (
                "envs/prod/main.tf",
                "module \"app\" {\n  source = \"../../modules/app\"\n}\n",
            ),
            (
                "modules/app/main.tf",
                &policy("anthropic.claude-3-5-sonnet-20240620-v1:0").replace(
                    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
                    "*",
                ),
            ),
        ],
    );
    let (code, stdout, _) = run(&dir.join("envs/prod"), &["."]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("modules/app/main.tf:16:18: error[BL101]"),
        "{stdout}"
    );
    assert!(!stdout.contains("BL905"), "{stdout}");
}
