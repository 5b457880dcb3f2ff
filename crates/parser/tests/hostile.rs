//! Hostile input through the whole loader: every case must finish without a panic
//! or a hang, on the test harness's ordinary 2 MiB threads, and report the problem
//! (or skip the input cleanly).

use bedrock_lint_parser::model::load::{IssueKind, LoadIssue};
use bedrock_lint_parser::{build, LoadOptions, Model, Value};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh, empty directory under the system temp dir (removed on drop).
struct TempTree(PathBuf);

impl TempTree {
    fn new(name: &str) -> TempTree {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "bedrock-lint-hostile-{}-{n}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempTree(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }
}

impl Drop for TempTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn build_dir(dir: &Path) -> Model {
    build(&LoadOptions {
        paths: vec![dir.to_path_buf()],
        ..Default::default()
    })
    .expect("the directory exists")
}

fn issues(model: &Model, kind: IssueKind) -> Vec<&LoadIssue> {
    model.issues.iter().filter(|i| i.kind == kind).collect()
}

fn assert_issue(model: &Model, kind: IssueKind, needle: &str) {
    assert!(
        issues(model, kind)
            .iter()
            .any(|i| i.message.contains(needle)),
        "expected a {kind:?} issue containing {needle:?}, got {:#?}",
        model.issues
    );
}

fn resource_addresses(model: &Model) -> Vec<&str> {
    model.resources.iter().map(|r| r.address.as_str()).collect()
}

/// Looks up a nested attribute of a resource body.
fn attr<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key)
}

/// A tiny deterministic generator (no dependency on `rand`).
fn pseudo_random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_main_tf_is_reported() {
    let t = TempTree::new("binary");
    let mut bytes = pseudo_random_bytes(4096, 0x9E37_79B9_7F4A_7C15);
    bytes[10] = 0;
    bytes[2000] = 0;
    t.write("main.tf", &bytes);
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Parse, "binary file");
    assert!(m.resources.is_empty());
}

#[test]
fn latin1_comment_is_reported_not_fatal() {
    let t = TempTree::new("latin1");
    let mut text = b"resource \"aws_iam_role\" \"a\" {\n  name = \"a\"\n}\n# caf".to_vec();
    text.push(0xE9); // 'é' in Latin-1: not UTF-8
    text.extend_from_slice(b" au lait\n");
    t.write("main.tf", &text);
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Parse, "not valid UTF-8");
}

/// One ordinary module's worth of resources (about 700 bytes).
fn ordinary_block(i: usize) -> String {
    format!(
        r#"resource "aws_iam_role" "role_{i}" {{
  name               = "role-{i}"
  assume_role_policy = jsonencode({{
    Version   = "2012-10-17"
    Statement = [{{ Effect = "Allow", Action = "sts:AssumeRole", Principal = {{ Service = "lambda.amazonaws.com" }} }}]
  }})
}}

resource "aws_iam_role_policy" "policy_{i}" {{
  role = aws_iam_role.role_{i}.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel"]
      Resource = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"]
    }}]
  }})
}}

"#
    )
}

#[test]
#[ignore = "slow (about 95 s in a debug build): .ci/run runs it with --ignored"]
fn ten_megabyte_file_finishes() {
    let t = TempTree::new("big");
    let mut text = String::with_capacity(10 * 1024 * 1024 + 4096);
    let mut i = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&ordinary_block(i));
        i += 1;
    }
    t.write("main.tf", &text);
    let m = build_dir(t.path());
    assert!(issues(&m, IssueKind::Parse).is_empty(), "{:#?}", m.issues);
    assert_eq!(m.resources.len(), 2 * i);
}

#[test]
fn deeply_nested_expression_is_refused() {
    let t = TempTree::new("deep-expr");
    let depth = 10_000;
    let text = format!(
        "locals {{\n  x = {}1{}\n}}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    t.write("main.tf", text);
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Parse, "nested");
}

#[test]
fn deeply_nested_blocks_are_refused() {
    let t = TempTree::new("deep-blocks");
    let depth = 10_000;
    t.write(
        "main.tf",
        format!("{}{}", "a {\n".repeat(depth), "}\n".repeat(depth)),
    );
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Parse, "nested");
}

#[test]
fn long_conditional_chain_does_not_overflow() {
    let t = TempTree::new("cond-chain");
    t.write(
        "main.tf",
        format!("locals {{\n  x = {}c\n}}\n", "a ? b : ".repeat(20_000)),
    );
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Parse, "nest");
}

#[test]
fn long_operator_chain_does_not_overflow() {
    let t = TempTree::new("plus-chain");
    let mut text = String::from("locals {\n  x = 1");
    for _ in 0..20_000 {
        text.push_str(" + 1");
    }
    text.push_str("\n}\nresource \"aws_iam_role\" \"r\" {\n  name = local.x\n}\n");
    t.write("main.tf", text);
    let m = build_dir(t.path());
    // Refused (hcl-edit accepts at most 128 chained operators): never a crash.
    assert_issue(&m, IssueKind::Parse, "chained");
}

#[test]
fn unclosed_heredoc_is_reported() {
    let t = TempTree::new("heredoc");
    t.write(
        "main.tf",
        "resource \"aws_iam_policy\" \"p\" {\n  policy = <<EOF\n{\"Version\": \"2012-10-17\"}\n",
    );
    let m = build_dir(t.path());
    assert_eq!(issues(&m, IssueKind::Parse).len(), 1, "{:#?}", m.issues);
    assert!(m.resources.is_empty());
}

#[test]
fn unterminated_string_is_reported() {
    let t = TempTree::new("string");
    t.write(
        "main.tf",
        "resource \"aws_iam_role\" \"r\" {\n  name = \"never closed\n}\n",
    );
    let m = build_dir(t.path());
    assert_eq!(issues(&m, IssueKind::Parse).len(), 1, "{:#?}", m.issues);
}

#[cfg(unix)]
#[test]
fn symlink_loop_terminates() {
    let t = TempTree::new("symlink-loop");
    t.write("dir/main.tf", ordinary_block(0));
    std::os::unix::fs::symlink("..", t.path().join("dir/self")).unwrap();
    let m = build_dir(t.path());
    assert_eq!(m.resources.len(), 2, "{:?}", resource_addresses(&m));
}

#[test]
fn deep_directories_are_walked() {
    // Past the depth where the walk stops reading directories in parallel, every
    // level is still read, and `.terraform` is still skipped.
    let t = TempTree::new("deep-dirs");
    let deep: String = (0..40).map(|i| format!("d{i}/")).collect();
    t.write(&format!("{deep}main.tf"), ordinary_block(0));
    t.write(&format!("{deep}.terraform/hidden.tf"), ordinary_block(1));
    t.write("d0/d1/main.tf", ordinary_block(2));
    let m = build_dir(t.path());
    let mut paths: Vec<String> = m
        .files
        .iter()
        .map(|(_, f)| f.path.strip_prefix(t.path()).unwrap().display().to_string())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        vec![format!("{deep}main.tf"), "d0/d1/main.tf".to_string()]
    );
}

#[cfg(unix)]
#[test]
fn symlink_to_file_outside_is_not_read() {
    let outside = TempTree::new("outside");
    let secret = outside.write(
        "secret.tf",
        "resource \"aws_iam_role\" \"secret\" {\n  name = \"secret\"\n}\n",
    );
    let t = TempTree::new("tree");
    t.write("main.tf", ordinary_block(0));
    std::os::unix::fs::symlink(&secret, t.path().join("linked.tf")).unwrap();
    let m = build_dir(t.path());
    assert!(
        !resource_addresses(&m).iter().any(|a| a.contains("secret")),
        "{:?}",
        resource_addresses(&m)
    );
    assert!(!m.files.iter().any(|(_, f)| f.text.contains("\"secret\"")));
}

#[test]
fn file_outside_the_tree_is_unknown() {
    let outside = TempTree::new("passwd-outside");
    outside.write("passwd", "root:x:0:0:SECRET-CONTENT:/root:/bin/sh\n");
    let t = TempTree::new("passwd-tree");
    let rel = format!(
        "../{}/passwd",
        outside.path().file_name().unwrap().to_str().unwrap()
    );
    t.write(
        "main.tf",
        format!(
            "resource \"aws_iam_policy\" \"p\" {{\n  policy = file(\"{rel}\")\n}}\n\
             resource \"aws_iam_policy\" \"q\" {{\n  policy = file(\"../../../../../../../etc/passwd\")\n}}\n"
        ),
    );
    let m = build_dir(t.path());
    assert_eq!(m.resources.len(), 2);
    for r in &m.resources {
        let policy = attr(&r.body, "policy").expect("policy attribute");
        assert!(
            policy.as_str().is_none(),
            "{} read outside the tree: {policy:?}",
            r.address
        );
    }
    assert!(!m
        .files
        .iter()
        .any(|(_, f)| f.text.contains("SECRET-CONTENT") || f.text.contains("root:x:0:0")));
}

#[test]
fn module_calling_itself_is_reported() {
    let t = TempTree::new("self-module");
    t.write(
        "main.tf",
        "module \"self\" {\n  source = \"./\"\n}\nresource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n}\n",
    );
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Module, "cycle");
    assert!(resource_addresses(&m).contains(&"aws_iam_role.r"));
}

#[test]
fn module_cycle_between_two_dirs_is_reported() {
    let t = TempTree::new("two-cycle");
    t.write("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n");
    t.write("b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
    t.write("root/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Module, "cycle");
}

#[test]
fn missing_module_dir_is_reported() {
    let t = TempTree::new("missing-module");
    t.write(
        "main.tf",
        "module \"gone\" {\n  source = \"./does-not-exist\"\n}\n",
    );
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Module, "missing");
}

const PLAN_HEAD: &str = r#"{"format_version":"1.2","terraform_version":"1.9.0","planned_values":{"root_module":{"resources":[{"address":"aws_iam_role.r","mode":"managed","type":"aws_iam_role","name":"r","values":{"name":"r"}}]}}}"#;

#[test]
fn truncated_plan_is_reported() {
    let t = TempTree::new("plan-truncated");
    t.write("plan.json", &PLAN_HEAD[..PLAN_HEAD.len() / 2 + 40]);
    let m = build_dir(t.path());
    assert_eq!(issues(&m, IssueKind::Parse).len(), 1, "{:#?}", m.issues);
    assert!(m.resources.is_empty());
}

#[test]
fn whole_plan_is_read() {
    // The control for the truncated case: the same plan in full gives its resource.
    let t = TempTree::new("plan-whole");
    t.write("plan.json", PLAN_HEAD);
    let m = build_dir(t.path());
    assert!(m.issues.is_empty(), "{:#?}", m.issues);
    assert_eq!(resource_addresses(&m), ["aws_iam_role.r"]);
}

#[test]
fn deeply_nested_plan_is_reported() {
    let t = TempTree::new("plan-deep");
    let depth = 10_000;
    let text = format!(
        r#"{{"format_version":"1.2","terraform_version":"1.9.0","planned_values":{}{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    t.write("plan.json", text);
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Parse, "deeply");
}

#[test]
fn tf_json_array_is_reported() {
    let t = TempTree::new("tfjson-array");
    t.write("main.tf.json", r#"[{"resource": {}}]"#);
    let m = build_dir(t.path());
    assert_eq!(issues(&m, IssueKind::Parse).len(), 1, "{:#?}", m.issues);
}

#[test]
fn deep_tf_json_is_reported() {
    let t = TempTree::new("tfjson-deep");
    let depth = 10_000;
    let text = format!(
        r#"{{"locals": {{"x": {}{}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    t.write("main.tf.json", text);
    let m = build_dir(t.path());
    assert_issue(&m, IssueKind::Parse, "deeply");
}

#[test]
fn deep_heredoc_policy_through_jsondecode() {
    let t = TempTree::new("jsondecode-deep");
    let depth = 10_000;
    let text = format!(
        "locals {{\n  doc = jsondecode(<<EOF\n{}{}\nEOF\n  )\n}}\n\
         resource \"aws_iam_policy\" \"p\" {{\n  policy = jsonencode(local.doc)\n}}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    t.write("main.tf", text);
    let m = build_dir(t.path());
    assert_eq!(resource_addresses(&m), ["aws_iam_policy.p"]);
    let policy = attr(&m.resources[0].body, "policy").expect("policy attribute");
    assert!(policy.as_str().is_none(), "{policy:?}");
}

#[test]
fn deep_nesting_just_under_the_limits_is_fine() {
    // 50 levels of brackets (hcl-edit's limit is 64) and 200 of JSON in a heredoc
    // (the JSON reader's is 256): both read.
    let t = TempTree::new("moderate");
    let (d, j) = (50, 200);
    let hcl = format!(
        "locals {{\n  x = {}1{}\n  doc = jsondecode(<<EOF\n{}1{}\nEOF\n  )\n}}\n\
         resource \"aws_iam_policy\" \"p\" {{\n  policy = jsonencode(local.doc)\n}}\n",
        "[".repeat(d),
        "]".repeat(d),
        "[".repeat(j),
        "]".repeat(j)
    );
    t.write("main.tf", hcl);
    let m = build_dir(t.path());
    assert!(m.issues.is_empty(), "{:#?}", m.issues);
    assert_eq!(resource_addresses(&m), ["aws_iam_policy.p"]);
}
