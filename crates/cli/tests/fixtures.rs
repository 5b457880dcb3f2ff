//! Every fixture under testdata/cases is linted; the whole finding list must equal the
//! inline `# expect:` markers (and expected.txt). One failure report lists every case.

mod common;

use common::*;

#[test]
fn fixture_cases_match_their_expectations() {
    let cases = repo().join("testdata/cases");
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
    pretty_assertions::assert_eq!(failures, Vec::<String>::new(), "{} of {} cases differ", failures.len(), dirs.len());
}

#[test]
fn example_tree_matches_its_expectations() {
    let dir = repo().join("testdata/example");
    if !dir.exists() {
        return;
    }
    let report = lint_dir(&dir, None);
    pretty_assertions::assert_eq!(findings(&report, &dir), expectations(&dir));
}
