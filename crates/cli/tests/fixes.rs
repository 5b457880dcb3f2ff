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
