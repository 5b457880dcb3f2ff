//! The linter over the real-world corpus (../shared/corpus/real, 16 public repositories):
//! it must finish without a panic, and BL900 (cannot parse) may appear only on files
//! Terraform itself rejects. Skipped, with a message, when the corpus is absent.
#![allow(clippy::print_stdout)]

use bedrock_lint_rules::{lint, Config, Date, LintInput, RuleId};
use pretty_assertions::assert_eq;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Corpus files Terraform refuses, with why; BL900 is expected on exactly these.
///
/// Found with `terraform fmt -check -recursive -list=false` (Terraform 1.11.4) over the
/// corpus's 3,193 `.tf`/`.tfvars` files, and per file with `terraform fmt -check
/// -list=false FILE` (exit code 2 means a syntax error): Terraform accepts every one,
/// so the list is empty. The two `.tf.json` files are valid JSON.
const REJECTED_BY_TERRAFORM: &[(&str, &str)] = &[];

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    dir.is_dir().then_some(dir)
}

/// The one policy document in the corpus that is really invalid: IAM's Effect is
/// case-sensitive, and AFT's backup trust policy writes `"allow"`.
const INVALID_POLICIES: &[&str] = &[
    "aws-ia__terraform-aws-control_tower_account_factory/modules/aft-account-request-framework/iam/trust-policies/backup.tpl: invalid policy document in module.aft_account_request_framework.aws_iam_role.aft_aws_backup: Effect must be \"Allow\" or \"Deny\", not \"allow\"",
];

#[test]
fn corpus_has_no_parse_error_or_invalid_policy_terraform_accepts() {
    let Some(dir) = corpus() else {
        println!("corpus not found at ../shared/corpus/real; skipped");
        return;
    };
    let start = std::time::Instant::now();
    let input = LintInput::new(vec![dir.clone()], Config::defaults(), Date(20_000));
    let report = lint(&input).expect("the corpus directory exists");

    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &report.diagnostics {
        *per_rule.entry(d.rule.code()).or_default() += 1;
    }
    println!(
        "{} files linted in {:.1} s; findings per rule: {per_rule:?}",
        report.model.files.len(),
        start.elapsed().as_secs_f64()
    );
    // BL910 only where the document's invalidity is known: unknown repetition
    // (dynamic statements with unknown for_each) is undecidable, never invalid.
    let rel = |d: &bedrock_lint_rules::Diagnostic| {
        let path = report
            .model
            .files
            .get(d.span.file)
            .path
            .display()
            .to_string();
        match path.find("corpus/real/") {
            Some(at) => path[at + "corpus/real/".len()..].to_string(),
            None => path,
        }
    };
    let invalid: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::Bl910)
        .map(|d| format!("{}: {}", rel(d), d.message))
        .collect();
    assert_eq!(invalid, INVALID_POLICIES.to_vec(), "BL910 findings");

    let mut parse_errors: Vec<(String, String)> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::Bl900)
        .map(|d| {
            let path = report
                .model
                .files
                .get(d.span.file)
                .path
                .display()
                .to_string();
            let rel = match path.find("corpus/real/") {
                Some(at) => path[at + "corpus/real/".len()..].to_string(),
                None => path,
            };
            (rel, d.message.clone())
        })
        .collect();
    parse_errors.sort();
    let files: Vec<&str> = parse_errors.iter().map(|(f, _)| f.as_str()).collect();
    let expected: Vec<&str> = REJECTED_BY_TERRAFORM.iter().map(|(f, _)| *f).collect();
    assert_eq!(files, expected, "BL900 findings: {parse_errors:#?}");
}
