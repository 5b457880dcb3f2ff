//! Every fix, end to end: `--fix --unsafe-fixes` on a copy of testdata/fixes/<case>
//! must turn main.tf into main.tf.fixed exactly (every other byte unchanged), the
//! result must lint without the fixed finding and with no new one.
//! `UPDATE_GOLDENS=1 cargo test --test fixes` rewrites the goldens after a review.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read").flatten() {
        let name = e.file_name();
        if name.to_string_lossy().ends_with(".fixed") {
            continue;
        }
        std::fs::copy(e.path(), to.join(name)).expect("copy");
    }
}

fn codes(dir: &Path) -> Vec<String> {
    let report = lint_dir(dir, None);
    findings(&report, dir)
        .into_iter()
        .map(|f| f.rsplit(' ').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn fixes_match_their_goldens_and_clear_their_finding() {
    let root = repo().join("testdata/fixes");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("testdata/fixes")
        .flatten()
        .map(|e| e.path())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let code = name.to_ascii_uppercase();
        let work = std::env::temp_dir().join(format!("bl-fix-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&work);
        copy_dir(&case, &work);
        let before = codes(&work);
        assert!(
            before.contains(&code),
            "{name}: the case must produce {code}, got {before:?}"
        );
        let out = Command::new(env!("CARGO_BIN_EXE_bedrock-lint"))
            .args(["--fix", "--unsafe-fixes", "--format", "compact"])
            .arg(&work)
            .env("BEDROCK_LINT_TODAY", TODAY)
            .output()
            .expect("run");
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let fixed = std::fs::read_to_string(work.join("main.tf")).expect("fixed");
        let golden = case.join("main.tf.fixed");
        if std::env::var_os("UPDATE_GOLDENS").is_some() {
            std::fs::write(&golden, &fixed).expect("write golden");
        }
        let want =
            std::fs::read_to_string(&golden).unwrap_or_else(|_| panic!("{name}: no main.tf.fixed"));
        pretty_assertions::assert_eq!(fixed, want, "{name}");
        let after = codes(&work);
        assert!(
            !after.contains(&code),
            "{name}: {code} still reported after the fix: {after:?}"
        );
        let new: Vec<_> = after.iter().filter(|c| !before.contains(c)).collect();
        assert!(new.is_empty(), "{name}: the fix added findings {new:?}");
        let _ = std::fs::remove_dir_all(&work);
    }
}

/// Every golden, before and after its fix, is what `terraform fmt` would write
/// (issue: inserted text was not fmt-clean). Skips, saying so, without terraform.
#[test]
fn fixed_files_are_terraform_fmt_clean() {
    let Some(tf) = terraform() else {
        eprintln!("skipped: terraform is not on PATH");
        return;
    };
    let root = repo().join("testdata/fixes");
    let mut checked = 0;
    for case in std::fs::read_dir(&root).expect("fixes").flatten() {
        for name in ["main.tf", "main.tf.fixed"] {
            let path = case.path().join(name);
            let text = std::fs::read_to_string(&path).expect("read");
            let mut child = Command::new(&tf)
                .args(["fmt", "-"])
                .env("TF_CLI_CONFIG_FILE", "/dev/null")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("terraform fmt");
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(text.as_bytes())
                .expect("write");
            let out = child.wait_with_output().expect("fmt");
            pretty_assertions::assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                text,
                "{} is not terraform fmt-clean",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "every case checked");
}

fn terraform() -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join("terraform"))
            .find(|t| t.is_file())
    })
}

fn fix_run(files: &[(&str, &str)]) -> (common::TempTree, String, String) {
    let dir = tree("fix-run", files);
    let out = Command::new(env!("CARGO_BIN_EXE_bedrock-lint"))
        .args(["--fix", "--unsafe-fixes", "--format", "compact"])
        .arg(dir.as_path())
        .env("BEDROCK_LINT_TODAY", TODAY)
        .output()
        .expect("run");
    (
        dir,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ROLE: &str = r#"
resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}
"#;

/// A resource written in a region outside approved_regions has no automatic fix: the
/// condition fix narrows wildcard regions only. Nothing is changed or claimed.
#[test]
fn concrete_outside_region_is_not_fixed_or_claimed() {
    let policy = r#"
resource "aws_iam_role_policy" "invoke" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel"]
        Resource = ["arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
      }
    ]
  })
}
"#;
    let main = format!("{ROLE}{policy}");
    let (dir, stdout, stderr) = fix_run(&[
        ("main.tf", &main),
        (
            ".bedrock-lint.hcl",
            "approved_regions = [\"us-east-1\"]\ninvocation_logging = \"external\"\n",
        ),
    ]);
    assert_eq!(
        std::fs::read_to_string(dir.join("main.tf")).expect("read"),
        main,
        "the file is unchanged"
    );
    assert!(stdout.contains("[BL103]"), "BL103 still reported: {stdout}");
    assert!(
        !stderr.contains("fixed 1") && !stderr.contains("fixed 2"),
        "no fix is claimed: {stderr}"
    );
}

/// BL201's message names the ARN the BL101 fix replaces; the fix is still applied
/// (findings are compared by identity, not message), and nothing is refused.
#[test]
fn bl101_fix_applies_next_to_bl201() {
    let policy = r#"
resource "aws_iam_role_policy" "invoke" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock:CreateGuardrail"]
        Resource = "*"
      }
    ]
  })
}
"#;
    let main = format!("{ROLE}{policy}");
    let (dir, stdout, stderr) = fix_run(&[
        ("main.tf", &main),
        (
            ".bedrock-lint.hcl",
            "approved_models = [\"anthropic.claude-3-5-sonnet-20240620-v1:0\"]\napproved_regions = [\"us-east-1\"]\ninvocation_logging = \"external\"\n",
        ),
    ]);
    let fixed = std::fs::read_to_string(dir.join("main.tf")).expect("read");
    assert!(
        fixed.contains(
            "Resource = [\"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0\"]"
        ),
        "{fixed}"
    );
    assert!(!stdout.contains("[BL101]"), "{stdout}");
    assert!(stdout.contains("[BL201]"), "{stdout}");
    assert!(!stderr.contains("not applied"), "{stderr}");
}
