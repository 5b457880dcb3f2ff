//! Every fixture under testdata/cases is linted; the whole finding list must equal the
//! inline `# expect:` markers (and expected.txt). One failure report lists every case.

mod common;

use common::*;

#[test]
fn fixture_cases_match_their_expectations() {
    cases_match("testdata/cases");
}

/// Self-written reductions of what the real-world set found (docs/real-world.md).
#[test]
fn real_world_reductions_match_their_expectations() {
    cases_match("testdata/real-world");
}

fn cases_match(folder: &str) {
    let cases = repo().join(folder);
    let mut dirs: Vec<_> = std::fs::read_dir(&cases)
        .expect("testdata/cases exists")
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no fixture cases found");
    let mut failures = Vec::new();
    for dir in &dirs {
        let report = lint_dir(dir, None);
        let actual = findings(&report, dir);
        let expected = expectations(dir);
        if actual != expected {
            failures.push(format!(
                "{}\n  expected: {expected:?}\n  actual:   {actual:?}",
                dir.file_name().and_then(|n| n.to_str()).unwrap_or("?")
            ));
        }
    }
    pretty_assertions::assert_eq!(
        failures,
        Vec::<String>::new(),
        "{} of {} cases differ",
        failures.len(),
        dirs.len()
    );
}

/// The README's demo tree carries no `# expect:` markers (users see its source in
/// the output): its findings are listed in testdata/example.expected.txt.
#[test]
fn example_tree_matches_its_expectations() {
    let dir = repo().join("testdata/example");
    let listed = std::fs::read_to_string(repo().join("testdata/example.expected.txt"))
        .expect("testdata/example.expected.txt");
    let mut want: Vec<String> = listed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    want.sort();
    assert!(
        expectations(&dir).is_empty(),
        "the example tree must not carry `expect:` markers"
    );
    let report = lint_dir(&dir, None);
    pretty_assertions::assert_eq!(findings(&report, &dir), want);
}

/// Plan fixtures: linted with their plan.json (plan values fill what HCL cannot know,
/// spans stay on the .tf), and the plan alone must name the same resources as the HCL.
#[test]
fn plan_cases_match_their_expectations_and_agree_with_hcl() {
    let plans = repo().join("testdata/plans");
    let mut dirs: Vec<_> = std::fs::read_dir(&plans)
        .expect("testdata/plans exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("plan.json").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no plan fixtures");
    for dir in &dirs {
        let report = lint_dir(dir, None);
        pretty_assertions::assert_eq!(
            findings(&report, dir),
            expectations(dir),
            "{}",
            dir.display()
        );

        // The plan alone (as a user without the configuration would lint it).
        let plan_only = bedrock_lint_parser::build(&bedrock_lint_parser::LoadOptions {
            plans: vec![dir.join("plan.json")],
            ..Default::default()
        })
        .expect("plan");
        let hcl_only = bedrock_lint_parser::build(&bedrock_lint_parser::LoadOptions {
            paths: vec![dir.join("main.tf")],
            ..Default::default()
        })
        .expect("hcl");
        let managed = |m: &bedrock_lint_parser::Model| {
            let mut a: Vec<String> = m
                .resources
                .iter()
                .filter(|r| r.mode == bedrock_lint_parser::Mode::Managed)
                .map(|r| r.address.clone())
                .collect();
            a.sort();
            a
        };
        pretty_assertions::assert_eq!(
            managed(&plan_only),
            managed(&hcl_only),
            "{}: addresses",
            dir.display()
        );
        // Every value both know is the same value.
        for pr in plan_only
            .resources
            .iter()
            .filter(|r| r.mode == bedrock_lint_parser::Mode::Managed)
        {
            let hr = hcl_only
                .resources
                .iter()
                .find(|r| r.address == pr.address)
                .expect("twin");
            for e in hr.body.entries() {
                let Some(pv) = pr.body.get(&e.key) else {
                    continue;
                };
                if e.value.is_known() && pv.is_known() {
                    let (h, p) = (known_text(&e.value), known_text(pv));
                    pretty_assertions::assert_eq!(h, p, "{} {}", pr.address, e.key);
                }
            }
        }
    }
}

/// Policy strings compare as JSON values (key order aside); the rest as text.
fn known_text(v: &bedrock_lint_parser::Value) -> serde_json::Value {
    match v
        .as_str()
        .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
    {
        Some(j) if j.is_object() => iam_normal(j),
        _ => serde_json::Value::String(v.display()),
    }
}

/// IAM reads `"a"` and `["a"]` alike and ignores list order, and the provider
/// rewrites both: compare policies in that normal form.
fn iam_normal(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        J::Array(mut a) if a.len() == 1 => iam_normal(a.remove(0)),
        J::Array(a) => {
            // Order within an IAM list carries no meaning; the provider sorts some.
            let mut items: Vec<J> = a.into_iter().map(iam_normal).collect();
            items.sort_by_key(|x| x.to_string());
            J::Array(items)
        }
        J::Object(o) => J::Object(o.into_iter().map(|(k, v)| (k, iam_normal(v))).collect()),
        other => other,
    }
}

/// Clippy's convention: a message names the problem in lower case without a trailing
/// period; help says what to do.
#[test]
fn messages_follow_the_house_style() {
    let cases = repo().join("testdata/cases");
    let mut bad = Vec::new();
    for e in std::fs::read_dir(&cases)
        .expect("cases")
        .flatten()
        .filter(|e| e.path().is_dir())
    {
        let report = lint_dir(&e.path(), None);
        for d in &report.diagnostics {
            // An identifier or acronym may lead (`NotAction`, `AWS`); a capitalised
            // English word may not (`The role ...`).
            let word = d.message.split_whitespace().next().unwrap_or("");
            let mut chars = word.chars();
            let capitalised = chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && chars.clone().count() > 0
                && chars.all(|c| c.is_ascii_lowercase());
            if capitalised
                || d.message.ends_with('.')
                || d.help.as_deref().is_some_and(str::is_empty)
            {
                bad.push(format!(
                    "{} {}: {}",
                    d.rule.code(),
                    e.file_name().to_string_lossy(),
                    d.message
                ));
            }
        }
    }
    pretty_assertions::assert_eq!(bad, Vec::<String>::new());
}
