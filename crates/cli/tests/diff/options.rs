//! `--new-from-rev`, a directory as BASE, and the failures (exit 2).

use super::support::*;
use pretty_assertions::assert_eq;

fn two_roles(first: &str, second: &str) -> String {
    format!(
        "{}\n{}\n{}\n{}",
        lambda_role("a", "role-a", ""),
        policy("a_invoke", "a", INVOKE, first),
        lambda_role("b", "role-b", ""),
        policy("b_invoke", "b", INVOKE, second)
    )
}

fn codes(out: &std::process::Output) -> Vec<String> {
    stdout(out)
        .lines()
        .map(|l| {
            let (place, rest) = l.split_once(": ").unwrap_or((l, ""));
            let place = place.rsplit_once(':').map(|(p, _)| p).unwrap_or(place);
            let code = rest.split(['[', ']']).nth(1).unwrap_or("");
            format!("{place} {code}")
        })
        .collect()
}

#[test]
fn new_from_rev_keeps_new_and_touched_findings() {
    let r = Repo::new("newfromrev");
    // Base: role-a already invokes every model (an old BL101).
    r.write("main.tf", &two_roles("\"*\"", SONNET));
    r.commit("base");
    // Head: role-b too; blank lines above shift role-a's old finding.
    r.write("main.tf", &format!("\n\n{}", two_roles("\"*\"", "\"*\"")));
    let all = r.run(&["--format", "compact", "--select", "BL101"]);
    assert_eq!(codes(&all), vec!["main.tf:23 BL101", "main.tf:48 BL101"]);
    let new = r.run(&[
        "--format",
        "compact",
        "--select",
        "BL101",
        "--new-from-rev",
        "HEAD",
    ]);
    assert_eq!(new.status.code(), Some(1), "{}", stderr(&new));
    assert_eq!(codes(&new), vec!["main.tf:48 BL101"]);
    assert!(
        stderr(&new).contains("1 finding(s) hidden: present at HEAD"),
        "{}",
        stderr(&new)
    );
    // A finding that existed but whose line the change touched is reported again.
    r.write(
        "main.tf",
        &two_roles(
            "\"*\", \"arn:aws:bedrock:us-east-1::foundation-model/*\"",
            SONNET,
        ),
    );
    let touched = r.run(&[
        "--format",
        "compact",
        "--select",
        "BL101",
        "--new-from-rev",
        "HEAD",
    ]);
    // Both the old finding on the touched line and the new one.
    assert_eq!(
        codes(&touched),
        vec!["main.tf:21 BL101", "main.tf:21 BL101"]
    );
    r.git(&["checkout", "-q", "--", "main.tf"]);
    let none = r.run(&["--format", "compact", "--new-from-rev", "HEAD"]);
    assert_eq!(none.status.code(), Some(0), "{}", stderr(&none));
    assert_eq!(stdout(&none), "");
}

#[test]
fn directory_base() {
    let r = Repo::new("dirbase");
    r.write("old/main.tf", &two_roles(SONNET, SONNET))
        .write("new/main.tf", &two_roles(SONNET, HAIKU));
    let out = r.run_in("new", &["diff", "../old", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        changes(&stdout(&out)),
        vec!["aws_iam_role.b models +foundation-model/anthropic.claude-3-haiku-20240307-v1:0 -foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0 @main.tf:46"]
    );
}

#[test]
fn a_path_the_base_lacks_is_an_empty_tree() {
    let r = Repo::new("newdir");
    r.write("README.md", "x\n");
    r.commit("base");
    r.write("envs/prod/main.tf", &two_roles(SONNET, SONNET));
    let out = r.run(&["diff", "HEAD", "envs/prod", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(changes(&stdout(&out)).len(), 2);
}

#[test]
fn failures_exit_2_with_a_message() {
    let r = Repo::new("failures");
    r.write("main.tf", &two_roles(SONNET, SONNET));
    r.commit("base");
    let bad = r.run(&["diff", "no-such-rev", "--format", "json"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("\"no-such-rev\" is neither a directory nor a git revision"),
        "{}",
        stderr(&bad)
    );
    let no_git = std::process::Command::new(env!("CARGO_BIN_EXE_bedrock-lint"))
        .args(["diff", "HEAD", "--format", "json"])
        .current_dir(&r.dir)
        .env("PATH", "")
        .output()
        .expect("runs");
    assert_eq!(no_git.status.code(), Some(2));
    assert!(
        stderr(&no_git).contains("`git` is not on PATH"),
        "{}",
        stderr(&no_git)
    );
    let fmt = r.run(&["diff", "HEAD", "--output-format", "yaml=x"]);
    assert_eq!(fmt.status.code(), Some(2));
}
