//! End-to-end tests of the lint run's options beyond the lint itself: writing
//! reports (and failing loudly when that fails), several reports in one run, colour,
//! stdin, statistics, warnings about what was (not) linted, the baseline recipe.

mod common;

use common::bin::*;
use common::tree;
use pretty_assertions::assert_eq;
use std::path::Path;
use std::process::Stdio;

// ---------------------------------------------------------------- write errors

/// Runs with stdout on /dev/full (every write fails with ENOSPC).
fn run_to_dev_full(dir: &Path, args: &[&str]) -> Option<Out> {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full on this system: stdout write errors not tested");
        return None;
    };
    let o = command(dir, args)
        .stdout(Stdio::from(full))
        .output()
        .expect("run bedrock-lint");
    Some(finish(o))
}

#[test]
fn a_report_that_cannot_be_written_is_exit_2() {
    let dir = example();
    for args in [
        &["--format", "compact", "."][..],
        &["--format", "json", "."],
        &["access", "."],
        &["access", "--format", "json", "."],
        &["rules"],
        &["explain", "BL101"],
        &["--help"],
    ] {
        let Some(o) = run_to_dev_full(&dir, args) else {
            return;
        };
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert!(
            o.stderr.contains("cannot write to stdout"),
            "{args:?}: {}",
            o.stderr
        );
    }
    if Path::new("/dev/full").exists() {
        let o = run(&dir, &["--format", "json", "--output", "/dev/full", "."]);
        assert_eq!(o.code, 2, "{}", o.stderr);
        assert!(
            o.stderr.contains("cannot write the report to /dev/full"),
            "{}",
            o.stderr
        );
    }
}

#[test]
fn output_dash_is_stdout() {
    let dir = tree(
        "dash",
        &[("main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n")],
    );
    let o = run(&dir, &["--format", "compact", "--output", "-"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    assert!(!dir.join("-").exists());
}

// ---------------------------------------------------------------- access --output

#[test]
fn access_output_writes_the_map_to_a_file() {
    let dir = bad_tree("access-output");
    let to_stdout = run(&dir, &["access", "--format", "json"]);
    assert_eq!(to_stdout.code, 0, "{}", to_stdout.stderr);
    let o = run(
        &dir,
        &["access", "--format", "json", "--output", "map.json"],
    );
    assert_eq!((o.code, o.stdout.as_str()), (0, ""), "{}", o.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("map.json")).unwrap(),
        to_stdout.stdout
    );
}

// ---------------------------------------------------------------- --color

#[test]
fn color_always_never_and_no_color() {
    let dir = bad_tree("color-choice");
    let esc = |args: &[&str], env: Option<(&str, &str)>| {
        let mut cmd = command(&dir, args);
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        let o = finish(cmd.output().expect("run"));
        assert_eq!(o.code, 1, "{args:?}: {}", o.stderr);
        o.stdout.contains('\u{1b}')
    };
    let human = ["--format", "human"];
    // Piped: auto means none; always forces it (even with NO_COLOR: the flag is explicit).
    assert!(!esc(&human, None));
    assert!(esc(&[&human[..], &["--color", "always"]].concat(), None));
    assert!(esc(
        &[&human[..], &["--color", "always"]].concat(),
        Some(("NO_COLOR", "1"))
    ));
    assert!(!esc(&[&human[..], &["--color", "never"]].concat(), None));
    assert!(!esc(&[&human[..], &["--no-color"]].concat(), None));
    // --no-color and --color together: a usage error.
    let o = run(&dir, &["--no-color", "--color", "always"]);
    assert_eq!(o.code, 2);
    // Other formats never carry colour.
    assert!(!esc(&["--format", "compact", "--color", "always"], None));
}

// ---------------------------------------------------------------- --stdin-filename

fn run_stdin(dir: &Path, args: &[&str], stdin: &str) -> Out {
    use std::io::Write;
    let mut child = command(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    finish(child.wait_with_output().expect("wait"))
}

#[test]
fn stdin_filename_lints_stdin_as_that_file() {
    let dir = tree(
        "stdin",
        &[("main.tf", &good_tf()), (".bedrock-lint.hcl", &config(""))],
    );
    // On disk the module is clean; stdin holds the unsaved, violating text.
    assert_eq!(run(&dir, &[]).code, 0);
    for args in [
        &["--stdin-filename", "main.tf"][..],
        &["--stdin-filename", "./main.tf"],
        &["--stdin-filename", "main.tf", "."],
    ] {
        let o = run_stdin(&dir, args, &bad_tf());
        assert_eq!(
            (o.code, o.stdout.as_str()),
            (1, BL101_LINE),
            "{args:?}: {}",
            o.stderr
        );
    }
    let abs = dir.join("main.tf");
    let o = run_stdin(
        &dir,
        &["--stdin-filename", abs.to_str().unwrap()],
        &bad_tf(),
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stdout.ends_with(BL101_LINE), "{}", o.stdout);
    // The file on disk is untouched, and the other way round stdin clears it.
    assert_eq!(std::fs::read_to_string(&abs).unwrap(), good_tf());
    std::fs::write(&abs, bad_tf()).unwrap();
    let o = run_stdin(&dir, &["--stdin-filename", "main.tf"], &good_tf());
    assert_eq!((o.code, o.stdout.as_str()), (0, ""), "{}", o.stderr);
    // A module the paths do not reach: said on stderr.
    std::fs::create_dir_all(dir.join("other")).unwrap();
    std::fs::write(dir.join("other/main.tf"), good_tf()).unwrap();
    let o = run_stdin(&dir, &["--stdin-filename", "main.tf", "other"], &bad_tf());
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    assert!(
        o.stderr
            .contains("--stdin-filename main.tf is not among the linted files"),
        "{}",
        o.stderr
    );
    // Errors: a file that does not exist, --fix on stdin.
    let o = run_stdin(&dir, &["--stdin-filename", "nope.tf"], "");
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("--stdin-filename nope.tf: no such file"),
        "{}",
        o.stderr
    );
    let o = run_stdin(&dir, &["--stdin-filename", "main.tf", "--fix"], "");
    assert_eq!(o.code, 2);
}

// ---------------------------------------------------------------- several reports

#[test]
fn output_format_writes_several_reports_in_one_run() {
    let dir = bad_tree("multi");
    let o = run(
        &dir,
        &[
            "--output-format",
            "sarif=out.sarif",
            "--output-format",
            "github=-",
            "--output-format",
            "json=out.json",
        ],
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(
        o.stdout,
        "::error file=main.tf,line=21,col=18,endLine=21,endColumn=21,title=BL101::bedrock:InvokeModel is allowed on every model (\"*\")\n"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "BL101");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "BL101");
    // --format/--output keep working beside them.
    let o = run(
        &dir,
        &["--format", "compact", "--output-format", "json=again.json"],
    );
    assert_eq!(o.stdout, BL101_LINE);
    assert!(dir.join("again.json").is_file());
    // Two reports on stdout, or two in one file: exit 2 before linting.
    for args in [
        &[
            "--output-format",
            "github=-",
            "--output-format",
            "compact=-",
        ][..],
        &["--output-format", "github=-", "--format", "json"],
        &["--output", "r.txt", "--output-format", "json=r.txt"],
    ] {
        let o = run(&dir, args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stdout);
    }
}

// ---------------------------------------------------------------- --statistics

#[test]
fn statistics_count_findings_per_rule() {
    let o = run(&example(), &["--statistics", "."]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(
        o.stdout,
        "1  BL101  invoke-any-model\n\
         1  BL201  invoke-and-admin-mixed\n\
         1  BL401  session-too-long        [fix]\n\
         1  BL402  oidc-subject-unscoped\n"
    );
    let o = run(&example(), &["--statistics", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).expect("json");
    assert_eq!(
        v[0],
        serde_json::json!({"code": "BL101", "name": "invoke-any-model", "count": 1, "fixable": false})
    );
}

// ---------------------------------------------------------------- warnings

#[test]
fn warns_when_nothing_is_linted_or_an_explicit_path_is_excluded() {
    let dir = tree("nothing", &[("README.md", "no terraform here\n")]);
    let o = run(&dir, &[]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    assert_eq!(
        o.stderr,
        "bedrock-lint: warning: no Terraform file found in . (looked for *.tf, *.tf.json, *.tfvars, *.tfvars.json and plan JSON)\n"
    );
    let dir = tree(
        "excluded",
        &[
            ("examples/main.tf", &bad_tf()),
            ("live/main.tf", &good_tf()),
            (
                ".bedrock-lint.hcl",
                &config("exclude = [\"examples/**\"]\n"),
            ),
        ],
    );
    for path in ["examples", "examples/main.tf"] {
        let o = run(&dir, &[path, "live"]);
        assert_eq!(o.code, 0, "{}", o.stdout);
        assert_eq!(
            o.stderr,
            format!("bedrock-lint: warning: {path} is excluded by `exclude` in .bedrock-lint.hcl; it is not linted\n")
        );
    }
    // Walking the tree skips it silently, as configured.
    let o = run(&dir, &[]);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
}

// ---------------------------------------------------------------- baseline recipe

/// The recipe of docs/ci.md: creating the baseline exits 1 while findings exist
/// (`--fail-on never` makes it 0); later runs report only new findings.
#[test]
fn baseline_recipe_from_the_docs() {
    let dir = bad_tree("baseline-recipe");
    let o = run(&dir, &["--format", "json", "--output", "baseline.json"]);
    assert_eq!(o.code, 1);
    let o = run(
        &dir,
        &[
            "--format",
            "json",
            "--output",
            "baseline.json",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(o.code, 0);
    let o = run(&dir, &["--baseline", "baseline.json"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
}

// ---------------------------------------------------------------- --var-file

#[test]
fn a_var_file_applies_to_every_root_module_however_many() {
    // More root modules than are evaluated at once (their syntax trees are freed
    // batch by batch): the --var-file, written in the first root, still sets the
    // variable in the last. Without it, every root would allow every model. Each file
    // is padded with a comment so that the tree is over KEEP_SYNTAX_BELOW (4 MB):
    // under it no tree is freed.
    let with_var = format!(
        "variable \"resource\" {{\n  type    = string\n  default = \"*\"\n}}\n\n{}{}",
        main_tf("var.resource"),
        "# a comment that makes the tree large enough for its syntax to be freed\n".repeat(500)
    );
    let mut files: Vec<(String, String)> = (0..130)
        .map(|i| (format!("r{i:03}/main.tf"), with_var.clone()))
        .collect();
    let approved = format!("resource = \"arn:aws:bedrock:us-east-1::foundation-model/{MODEL}\"\n");
    files.push(("r000/approved.tfvars".into(), approved));
    files.push((".bedrock-lint.hcl".into(), config("")));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = tree("var-file-roots", &refs);
    let out = run(
        &dir,
        &[
            ".",
            "--var-file",
            "r000/approved.tfvars",
            "--format",
            "compact",
        ],
    );
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{}", out.stderr);
}
