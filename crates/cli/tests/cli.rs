//! End-to-end tests of the `bedrock-lint` binary: exit codes, flags, subcommands,
//! `--fix`/`--diff`, `--baseline`, and the generated rules index (docs/rules.md).
//!
//! Regenerate docs/rules.md with `UPDATE_DOCS=1 cargo test --test cli`.

mod common;

use common::tree;
use pretty_assertions::assert_eq;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_bedrock-lint");
const TODAY: &str = "2026-11-29";

const MODEL: &str = "anthropic.claude-3-5-sonnet-20240620-v1:0";

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

/// main.tf with a BL101 violation on line 21 (`Resource = "*"`).
fn main_tf(resource: &str) -> String {
    format!(
        r#"{ROLE}
resource "aws_iam_role_policy" "invoke" {{
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

fn bad_tf() -> String {
    main_tf("\"*\"")
}

fn good_tf() -> String {
    main_tf(&format!(
        "[\"arn:aws:bedrock:us-east-1::foundation-model/{MODEL}\"]"
    ))
}

fn config(extra: &str) -> String {
    format!(
        "approved_models    = [\"{MODEL}\"]\napproved_regions   = [\"us-east-1\"]\ninvocation_logging = \"external\"\n{extra}"
    )
}

const BL101_LINE: &str =
    "main.tf:21:18: error[BL101] bedrock:InvokeModel is allowed on every model (\"*\")\n";

fn bad_tree(name: &str) -> common::TempTree {
    tree(
        name,
        &[("main.tf", &bad_tf()), (".bedrock-lint.hcl", &config(""))],
    )
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Out {
    run_env(dir, args, &[])
}

fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Out {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env("BEDROCK_LINT_TODAY", TODAY)
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().expect("run bedrock-lint");
    Out {
        code: o.status.code().expect("exit code"),
        stdout: String::from_utf8(o.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(o.stderr).expect("utf-8 stderr"),
    }
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).expect("read")
}

// ---------------------------------------------------------------- exit codes

#[test]
fn clean_tree_exits_0() {
    let dir = tree(
        "clean",
        &[("main.tf", &good_tf()), (".bedrock-lint.hcl", &config(""))],
    );
    let o = run_in(&dir, &[]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""), "{}", o.stderr);
    // An explicit file lints its module; an explicit directory too.
    assert_eq!(run_in(&dir, &["main.tf"]).code, 0);
    assert_eq!(run_in(&dir, &["."]).code, 0);
}

#[test]
fn findings_exit_1() {
    let dir = bad_tree("findings");
    let o = run_in(&dir, &["--format", "compact"]);
    assert_eq!((o.code, o.stdout.as_str()), (1, BL101_LINE), "{}", o.stderr);
    // Non-terminal stdout defaults to compact.
    assert_eq!(run_in(&dir, &[]).stdout, BL101_LINE);
    // A file path lints the module holding it.
    assert_eq!(run_in(&dir, &["main.tf"]).stdout, BL101_LINE);
}

#[test]
fn fail_on_thresholds() {
    let warn = tree(
        "warn",
        &[
            ("main.tf", &bad_tf()),
            (
                ".bedrock-lint.hcl",
                &config("rule \"BL101\" { severity = \"warning\" }\n"),
            ),
        ],
    );
    let o = run_in(&warn, &[]);
    assert_eq!(
        (o.code, o.stdout.as_str()),
        (0, BL101_LINE.replace("error[", "warning[").as_str())
    );
    assert_eq!(run_in(&warn, &["--fail-on", "warning"]).code, 1);
    assert_eq!(run_in(&warn, &["--fail-on", "note"]).code, 1);
    assert_eq!(run_in(&warn, &["--fail-on", "error"]).code, 0);

    let note = tree(
        "note",
        &[
            ("main.tf", &bad_tf()),
            (
                ".bedrock-lint.hcl",
                &config("rule \"invoke-any-model\" { severity = \"note\" }\n"),
            ),
        ],
    );
    assert_eq!(run_in(&note, &["--fail-on", "warning"]).code, 0);
    assert_eq!(run_in(&note, &["--fail-on", "note"]).code, 1);

    let bad = bad_tree("never");
    let o = run_in(&bad, &["--fail-on", "never"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, BL101_LINE));
}

#[test]
fn usage_errors_exit_2() {
    let dir = bad_tree("usage");
    let o = run_in(&dir, &["--frob"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("unexpected argument '--frob'"),
        "{}",
        o.stderr
    );

    let o = run_in(&dir, &["no-such-dir"]);
    assert_eq!(o.code, 2);
    assert!(o.stdout.is_empty());
    assert!(o.stderr.contains("no-such-dir"), "{}", o.stderr);

    let o = run_in(&dir, &["--fail-on", "sometimes"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("error, warning, note, never"),
        "{}",
        o.stderr
    );

    let o = run_in(&dir, &["--unsafe-fixes"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("--fix or --diff"), "{}", o.stderr);

    let o = run_in(&dir, &["--config", "missing.hcl"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("missing.hcl"), "{}", o.stderr);
}

#[test]
fn config_errors_exit_2_with_file_line_and_choices() {
    let cases: &[(&str, &[&str])] = &[
        (
            "approved_modelz = [\"x\"]",
            &[
                "unknown setting `approved_modelz`",
                "approved_models, approved_regions",
            ],
        ),
        (
            "exclude = [\"a/[b\"]",
            &["bad glob \"a/[b\"", "unclosed character class"],
        ),
        (
            "rule \"BL999\" { enabled = false }",
            &["unknown rule \"BL999\"", "BL101, BL102"],
        ),
        (
            "rule \"BL101\" { severity = \"fatal\" }",
            &["\"error\", \"warning\" or \"note\""],
        ),
    ];
    for (line, expected) in cases {
        let dir = tree(
            "config",
            &[
                ("main.tf", &bad_tf()),
                (
                    ".bedrock-lint.hcl",
                    &format!("require_guardrail = false\n{line}\n"),
                ),
            ],
        );
        let o = run_in(&dir, &[]);
        assert_eq!(o.code, 2, "{line}: {}", o.stderr);
        assert!(o.stdout.is_empty(), "{line}: no partial report");
        assert!(
            o.stderr
                .starts_with("bedrock-lint: config error: .bedrock-lint.hcl:2: "),
            "{line}: {}",
            o.stderr
        );
        for e in *expected {
            assert!(o.stderr.contains(e), "{line}: wanted {e:?} in {}", o.stderr);
        }
    }
}

// ---------------------------------------------------------------- flags

#[test]
fn select_and_ignore_by_code_name_and_prefix() {
    let dir = bad_tree("select");
    for (args, code) in [
        (&["--select", "BL101"][..], 1),
        (&["--select", "invoke-any-model"], 1),
        (&["--select", "BL1"], 1),
        (&["--select", "BL2,BL3"], 0),
        (&["--ignore", "BL101"], 0),
        (&["--ignore", "invoke-any-model"], 0),
        (&["--ignore", "BL1"], 0),
        (&["--ignore", "BL9,BL2"], 1),
        (&["--select", "BL1", "--ignore", "BL101"], 0),
    ] {
        let o = run_in(&dir, args);
        let want = if code == 1 { BL101_LINE } else { "" };
        assert_eq!((o.code, o.stdout.as_str()), (code, want), "{args:?}");
    }
    let o = run_in(&dir, &["--select", "BL999"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("unknown rule \"BL999\""), "{}", o.stderr);
}

#[test]
fn output_file() {
    let dir = bad_tree("output");
    let o = run_in(&dir, &["--output", "report.txt", "--format", "compact"]);
    assert_eq!((o.code, o.stdout.as_str()), (1, ""));
    assert_eq!(read(&dir.join("report.txt")), BL101_LINE);
    let o = run_in(&dir, &["--output", "report.json", "--format", "json"]);
    assert_eq!(o.code, 1);
    let v: serde_json::Value = serde_json::from_str(&read(&dir.join("report.json"))).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "BL101");
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    let dir = bad_tree("color");
    // Piped: never coloured.
    let o = run_in(&dir, &["--format", "human"]);
    assert!(!o.stdout.contains('\u{1b}'), "{}", o.stdout);
    assert!(o.stdout.contains("BL101"));
    // On a pseudo-terminal (util-linux `script`, when present): coloured unless
    // NO_COLOR or --no-color.
    let script = |args: &str, env: &[(&str, &str)]| -> Option<String> {
        let mut cmd = Command::new("script");
        cmd.args(["-qec", &format!("{BIN} {args}"), "/dev/null"])
            .current_dir(&dir)
            .env("BEDROCK_LINT_TODAY", TODAY)
            .env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let o = cmd.output().ok()?;
        o.status.code()?;
        Some(String::from_utf8_lossy(&o.stdout).into_owned())
    };
    let Some(tty) = script("--format human", &[]) else {
        eprintln!("`script` not available: terminal colour not checked");
        return;
    };
    assert!(tty.contains("\u{1b}["), "{tty}");
    let plain = script("--format human", &[("NO_COLOR", "1")]).unwrap();
    assert!(
        plain.contains("BL101") && !plain.contains('\u{1b}'),
        "{plain}"
    );
    let plain = script("--format human --no-color", &[]).unwrap();
    assert!(
        plain.contains("BL101") && !plain.contains('\u{1b}'),
        "{plain}"
    );
}

#[test]
fn quiet_drops_the_summary() {
    let dir = bad_tree("quiet");
    let loud = run_in(&dir, &["--format", "human"]);
    let quiet = run_in(&dir, &["--format", "human", "-q"]);
    assert_eq!((loud.code, quiet.code), (1, 1));
    assert!(
        loud.stdout.contains("1 error, 0 warnings"),
        "{}",
        loud.stdout
    );
    assert!(
        !quiet.stdout.contains("1 error, 0 warnings"),
        "{}",
        quiet.stdout
    );
    assert!(quiet.stdout.contains("BL101"));
    let quiet = run_in(&dir, &["--quiet", "--format", "compact"]);
    assert_eq!(quiet.stdout, BL101_LINE);
}

// ---------------------------------------------------------------- subcommands

#[test]
fn rules_lists_every_rule() {
    let dir = tree("rules", &[]);
    let o = run_in(&dir, &["rules"]);
    assert_eq!(o.code, 0);
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert_eq!(lines.len(), bedrock_lint_rules::ALL.len());
    assert_eq!(
        lines[0],
        "BL101  invoke-any-model                   error    an Allow statement lets a principal invoke every foundation model instead of the models it needs"
    );
}

#[test]
fn explain_by_code_and_name() {
    let dir = tree("explain", &[]);
    let by_code = run_in(&dir, &["explain", "BL101"]);
    let by_name = run_in(&dir, &["explain", "invoke-any-model"]);
    assert_eq!((by_code.code, by_name.code), (0, 0));
    assert!(
        by_code.stdout.starts_with("# BL101 invoke-any-model\n"),
        "{}",
        by_code.stdout
    );
    assert!(by_code.stdout.contains("## Example"));
    assert_eq!(by_code.stdout, by_name.stdout);
    let o = run_in(&dir, &["explain", "BL999"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("unknown rule \"BL999\""), "{}", o.stderr);
}

#[test]
fn init_writes_a_starter_config_once() {
    let dir = tree("init", &[]);
    let o = run_in(&dir, &["init"]);
    assert_eq!(
        (o.code, o.stdout.as_str()),
        (0, "wrote .bedrock-lint.hcl\n")
    );
    let cfg = dir.join(".bedrock-lint.hcl");
    let written = read(&cfg);
    assert!(written.starts_with('#') && written.contains("invocation_logging"));
    // The starter config is valid.
    assert_eq!(run_in(&dir, &[]).code, 0);

    std::fs::write(&cfg, "# mine\n").unwrap();
    let o = run_in(&dir, &["init"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("already exists (use --force to overwrite)"),
        "{}",
        o.stderr
    );
    assert_eq!(read(&cfg), "# mine\n");
    assert_eq!(run_in(&dir, &["init", "--force"]).code, 0);
    assert_eq!(read(&cfg), written);
}

// ---------------------------------------------------------------- fixes

const FIXED_LINE: &str = "      Resource = [\"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0\"]";

#[test]
fn fix_applies_only_safe_fixes_without_unsafe_fixes() {
    let dir = bad_tree("fix-safe");
    let o = run_in(&dir, &["--fix"]);
    assert_eq!((o.code, o.stdout.as_str()), (1, BL101_LINE));
    assert_eq!(
        o.stderr,
        "fixed 0 finding(s)\n1 more fix(es) available with --unsafe-fixes\n"
    );
    assert_eq!(read(&dir.join("main.tf")), bad_tf());
}

#[test]
fn fix_with_unsafe_fixes_edits_only_the_span() {
    let dir = bad_tree("fix-unsafe");
    let o = run_in(&dir, &["--fix", "--unsafe-fixes"]);
    assert_eq!(
        (o.code, o.stdout.as_str(), o.stderr.as_str()),
        (0, "", "fixed 1 finding(s)\n")
    );
    let expected = bad_tf().replace("      Resource = \"*\"", FIXED_LINE);
    assert_eq!(read(&dir.join("main.tf")), expected);
    // Re-lint: BL101 is gone.
    let o = run_in(&dir, &[]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    // Nothing left to fix: the file stays as it is.
    let o = run_in(&dir, &["--fix", "--unsafe-fixes"]);
    assert_eq!((o.code, o.stderr.as_str()), (0, "fixed 0 finding(s)\n"));
    assert_eq!(read(&dir.join("main.tf")), expected);
}

#[test]
fn fix_keeps_every_other_byte() {
    // CRLF line ends, a comment, a trailing line without newline: all kept.
    let text = format!("# keep me  \r\n{}// tail", bad_tf().replace('\n', "\r\n"));
    let dir = tree(
        "fix-bytes",
        &[("main.tf", &text), (".bedrock-lint.hcl", &config(""))],
    );
    let o = run_in(&dir, &["--fix", "--unsafe-fixes"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        read(&dir.join("main.tf")),
        text.replace("      Resource = \"*\"", FIXED_LINE)
    );
}

#[test]
fn fix_never_leaves_a_broken_policy_behind() {
    // In .tf.json the policy is one JSON string; whatever fix a rule offers there,
    // the result must not gain error findings such as BL910 (invalid policy).
    let json = r#"{
  "resource": {
    "aws_iam_role": {"app": {"name": "app", "assume_role_policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"}},
    "aws_iam_role_policy": {"invoke": {"name": "invoke", "role": "${aws_iam_role.app.id}",
      "policy": "${jsonencode({Version = \"2012-10-17\", Statement = [{Effect = \"Allow\", Action = \"bedrock:InvokeModel\", Resource = \"*\"}]})}"}}
  }
}
"#;
    let dir = tree(
        "fix-json",
        &[("main.tf.json", json), (".bedrock-lint.hcl", &config(""))],
    );
    let before = run_in(&dir, &[]);
    assert!(before.stdout.contains("[BL101]"), "{}", before.stdout);
    let o = run_in(&dir, &["--fix", "--unsafe-fixes"]);
    assert!(!o.stdout.contains("[BL910]"), "{}{}", o.stdout, o.stderr);
    let after = run_in(&dir, &[]);
    assert!(!after.stdout.contains("[BL910]"), "{}", after.stdout);
    assert_eq!(after.stdout, o.stdout);
}

#[test]
fn diff_prints_the_fix_and_changes_nothing() {
    let dir = bad_tree("diff");
    let o = run_in(&dir, &["--diff", "--unsafe-fixes"]);
    let expected = format!(
        "--- a/main.tf\n+++ b/main.tf\n@@ -18,7 +18,7 @@\n     Statement = [{{\n       Effect   = \"Allow\"\n       Action   = \"bedrock:InvokeModel\"\n-      Resource = \"*\"\n+{FIXED_LINE}\n     }}]\n   }})\n }}\n"
    );
    assert_eq!((o.code, o.stdout.as_str()), (1, expected.as_str()));
    assert_eq!(o.stderr, "would fix 1 finding(s)\n");
    assert_eq!(read(&dir.join("main.tf")), bad_tf());
    // Only safe fixes: none, so no diff and exit 0.
    let o = run_in(&dir, &["--diff"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    // --diff wins over --fix: still nothing written.
    let o = run_in(&dir, &["--diff", "--fix", "--unsafe-fixes"]);
    assert_eq!(o.code, 1);
    assert_eq!(read(&dir.join("main.tf")), bad_tf());
}

#[test]
fn fix_planning_skips_overlaps_and_unparsable_results() {
    use bedrock_lint_rules::fix::plan;
    use bedrock_lint_rules::{Applicability, Edit, Fix};

    let dir = bad_tree("plan");
    let mut report = lint_report(&dir);
    assert_eq!(report.diagnostics.len(), 1);
    let d = report.diagnostics[0].clone();
    let text = report.model.files.get(d.span.file).text.to_string();
    let edit = |start: usize, end: usize, r: &str| Edit {
        span: bedrock_lint_parser::Span::new(d.span.file, start, end),
        replacement: r.to_string(),
    };
    let fix = |edits: Vec<Edit>, applicability| Fix {
        applicability,
        description: "test".into(),
        edits,
    };
    let s = d.span.start as usize;
    // Two safe fixes on the same bytes: only the first applies.
    let mut a = d.clone();
    a.fix = Some(fix(vec![edit(s, s + 3, "\"x\"")], Applicability::Safe));
    let mut b = d.clone();
    b.fix = Some(fix(vec![edit(s + 1, s + 2, "y")], Applicability::Safe));
    report.diagnostics = vec![a, b];
    let pass = plan(&report, false, &|_| true);
    assert_eq!(pass.keys.len(), 1);
    let new = pass.texts.values().next().expect("one file changed");
    assert_eq!(*new, format!("{}\"x\"{}", &text[..s], &text[s + 3..]));

    // A fix that would break the syntax is not applied.
    let mut c = d.clone();
    c.fix = Some(fix(vec![edit(s, s + 3, "{{{")], Applicability::Safe));
    report.diagnostics = vec![c];
    let pass = plan(&report, false, &|_| true);
    assert!(pass.texts.is_empty());
    assert_eq!(pass.rejected.len(), 1);

    // Unsafe fixes need the flag; a suppressed finding is never fixed.
    let mut u = d.clone();
    u.fix = Some(fix(vec![edit(s, s + 3, "\"x\"")], Applicability::Unsafe));
    report.diagnostics = vec![u.clone()];
    assert!(plan(&report, false, &|_| true).texts.is_empty());
    assert_eq!(plan(&report, true, &|_| true).keys.len(), 1);
    u.suppressed = true;
    report.diagnostics = vec![u];
    assert!(plan(&report, true, &|_| true).texts.is_empty());
}

fn lint_report(dir: &Path) -> bedrock_lint_rules::Report {
    let config = bedrock_lint_rules::Config::load(&dir.join(".bedrock-lint.hcl")).expect("config");
    let input = bedrock_lint_rules::LintInput::new(
        vec![dir.to_path_buf()],
        config,
        bedrock_lint_rules::Date::parse(TODAY).expect("date"),
    );
    bedrock_lint_rules::lint(&input).expect("lint")
}

// ---------------------------------------------------------------- baseline

#[test]
fn baseline_hides_known_findings_across_line_shifts() {
    let dir = bad_tree("baseline");
    let o = run_in(&dir, &["--format", "json", "--output", "baseline.json"]);
    assert_eq!(o.code, 1);
    let o = run_in(&dir, &["--baseline", "baseline.json"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    assert_eq!(o.stderr, "1 finding(s) hidden by the baseline\n");

    // Lines inserted above: still known.
    let shifted = format!("# a comment\n\n{}", bad_tf());
    std::fs::write(dir.join("main.tf"), &shifted).unwrap();
    let o = run_in(&dir, &["--baseline", "baseline.json"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));

    // A new finding is reported.
    let two = format!(
        "{shifted}\n{}",
        bad_tf()
            .replace("aws_iam_role\" \"app\"", "aws_iam_role\" \"other\"")
            .replace("\"invoke\"", "\"invoke2\"")
            .replace("aws_iam_role.app.id", "aws_iam_role.other.id")
    );
    std::fs::write(dir.join("main.tf"), &two).unwrap();
    let o = run_in(&dir, &["--baseline", "baseline.json"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stdout,
        "main.tf:48:18: error[BL101] bedrock:InvokeModel is allowed on every model (\"*\")\n"
    );
}

#[test]
fn bad_baseline_exits_2() {
    let dir = bad_tree("baseline-bad");
    let o = run_in(&dir, &["--baseline", "missing.json"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .starts_with("bedrock-lint: baseline missing.json: "),
        "{}",
        o.stderr
    );
    std::fs::write(dir.join("bad.json"), "{\"diagnostics\": 3}").unwrap();
    let o = run_in(&dir, &["--baseline", "bad.json"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("expected a report written by `bedrock-lint --format json`"),
        "{}",
        o.stderr
    );
}

// ---------------------------------------------------------------- docs/rules.md

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// docs/rules.md, generated from the front matter and summary of rules/*.md.
pub fn rules_index() -> String {
    let mut docs: Vec<(String, String)> = std::fs::read_dir(repo().join("rules"))
        .expect("rules/")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            name.ends_with(".md")
                .then(|| (name.clone(), read(&e.path())))
        })
        .collect();
    docs.sort();
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for (file, text) in &docs {
        let rest = text.strip_prefix("---\n").expect("front matter");
        let end = rest.find("\n---").expect("front matter end");
        let fm = |k: &str| {
            rest[..end]
                .lines()
                .find_map(|l| l.strip_prefix(k)?.strip_prefix(':').map(str::trim))
                .unwrap_or("")
                .to_string()
        };
        let body = &rest[end + 4..];
        let summary: Vec<&str> = body
            .lines()
            .skip_while(|l| l.trim().is_empty() || l.starts_with('#'))
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        let fix = match fm("fix").as_str() {
            "" => "none".to_string(),
            f => f.to_string(),
        };
        let row = format!(
            "| [{code}](../rules/{file}) | `{name}` | {sev} | {fix} | {summary} |",
            code = fm("code"),
            name = fm("name"),
            sev = fm("severity"),
            summary = summary.join(" ").replace('|', "\\|"),
        );
        let group = fm("group");
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, rows)) => rows.push(row),
            None => groups.push((group, vec![row])),
        }
    }
    let mut out = String::from(
        "# Rules\n\n\
         <!-- Generated from rules/*.md by `UPDATE_DOCS=1 cargo test --test cli`; do not edit. -->\n\n\
         Every rule, by group. The code links to the rule's full documentation\n\
         (also `bedrock-lint explain CODE`). *Severity* is the default; change it per\n\
         rule in `.bedrock-lint.hcl` (see [configuration](configuration.md)). *Fix* says\n\
         whether `--fix` can repair a finding: `safe` fixes apply with `--fix`, `unsafe`\n\
         ones (they change permissions) only with `--fix --unsafe-fixes`.\n",
    );
    for (group, rows) in groups {
        let mut title = group.replace('-', " ");
        if let Some(c) = title.get(..1) {
            title = c.to_uppercase() + &title[1..];
        }
        out.push_str(&format!(
            "\n## {title}\n\n| Code | Name | Severity | Fix | Summary |\n| --- | --- | --- | --- | --- |\n"
        ));
        for r in rows {
            out.push_str(&r);
            out.push('\n');
        }
    }
    out
}

#[test]
fn docs_rules_index_is_current() {
    let path = repo().join("docs/rules.md");
    let want = rules_index();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).expect("write docs/rules.md");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale; regenerate it with `UPDATE_DOCS=1 cargo test --test cli`"
    );
}

// ---------------------------------------------------------------- pre-commit

/// The hook with the real pre-commit (`pre-commit try-repo`): fails on a BL101
/// violation, passes after the fix. Slow (it builds the binary in release mode,
/// three to five minutes on two cores), so it is `#[ignore]`d: `.ci/run` runs it with
/// `-- --ignored`. Needs python3, git and network access for pip and crates.io; set
/// BEDROCK_LINT_SKIP_PRE_COMMIT=1 to skip it offline.
#[test]
#[ignore = "slow (a release build): .ci/run runs it with --ignored"]
fn pre_commit_hook_end_to_end() {
    if std::env::var_os("BEDROCK_LINT_SKIP_PRE_COMMIT").is_some() {
        eprintln!("BEDROCK_LINT_SKIP_PRE_COMMIT set: pre-commit hook not tested");
        return;
    }
    let o = Command::new("bash")
        .arg(repo().join("scripts/test-pre-commit.sh"))
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("run scripts/test-pre-commit.sh");
    assert!(
        o.status.success(),
        "scripts/test-pre-commit.sh failed:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}
