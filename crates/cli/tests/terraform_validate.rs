//! Every HCL fixture is real Terraform: `scripts/validate-fixtures.sh` runs
//! `terraform validate` (with the AWS provider from a local mirror) on each root module
//! under testdata/cases, testdata/example/envs and testdata/plans, except the
//! deliberately malformed cases listed in testdata/validate-skip.txt. A linter tested
//! on configurations Terraform would reject proves little.
//!
//! Skipped (and passing) where `terraform` is not on PATH.

use std::path::Path;
use std::process::Command;

fn terraform_on_path() -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| dir.join("terraform").is_file())
    })
}

#[test]
fn fixtures_pass_terraform_validate() {
    if !terraform_on_path() {
        eprintln!("skipped: terraform not found on PATH");
        return;
    }
    // The root manifest is the CLI package, so this is the repository root.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg("scripts/validate-fixtures.sh")
        .current_dir(root)
        .output()
        .expect("run bash scripts/validate-fixtures.sh");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "scripts/validate-fixtures.sh failed ({}):\n{text}",
        out.status
    );
}
