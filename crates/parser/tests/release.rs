//! Syntax trees are freed as evaluation goes (issue 12), each after the last root
//! module that reads it: a module shared by the first and the last of many roots is
//! still there for the last, and a root evaluated again (for the files it read) still
//! has the modules it calls.

use bedrock_lint_parser::model::build_releasing;
use bedrock_lint_parser::model::load::LoadOptions;
use pretty_assertions::assert_eq;
use std::path::{Path, PathBuf};

/// Writes `files` under a fresh directory, and `roots` root modules padded together
/// over KEEP_SYNTAX_BELOW (4 MB) of text, so that trees are freed at all. Root `i`
/// holds `call(i)`.
fn roots_tree(
    name: &str,
    roots: usize,
    call: impl Fn(usize) -> String,
    files: &[(&str, &str)],
) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bl-release-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    };
    for (name, text) in files {
        write(name, text);
    }
    let padding = "# padding that makes the tree large enough for trees to be freed\n".repeat(500);
    for i in 0..roots {
        write(
            &format!("r{i:03}/main.tf"),
            &format!("{}{padding}", call(i)),
        );
    }
    dir
}

/// A module block calling `../shared` with `env = "e{i}"`.
fn call_shared(i: usize) -> String {
    format!("module \"shared\" {{\n  source = \"../shared\"\n  env    = \"e{i}\"\n}}\n")
}

/// Each resource as `root address name`.
fn names(dir: &Path) -> Vec<String> {
    let model = build_releasing(
        &LoadOptions {
            paths: vec![dir.to_path_buf()],
            ..LoadOptions::default()
        },
        &|_, _| false,
    )
    .expect("build");
    let _ = std::fs::remove_dir_all(dir);
    model
        .resources
        .iter()
        .map(|r| {
            let root = r.root_dir.file_name().unwrap_or_default();
            let name = r.body.get("name").and_then(|v| v.as_str()).unwrap_or("?");
            format!("{} {} {name}", root.to_string_lossy(), r.address)
        })
        .collect()
}

#[test]
fn a_module_shared_by_the_first_and_the_last_root_is_read_by_both() {
    let shared =
        "variable \"env\" {}\nresource \"aws_iam_role\" \"r\" {\n  name = \"role-${var.env}\"\n}\n";
    // More roots than are evaluated in one batch; only the first and the last call it.
    let roots = 130;
    let dir = roots_tree(
        "first-last",
        roots,
        |i| {
            if i == 0 || i == roots - 1 {
                call_shared(i)
            } else {
                String::new()
            }
        },
        &[("shared/main.tf", shared)],
    );
    assert_eq!(
        names(&dir),
        [
            "r000 module.shared.aws_iam_role.r role-e0",
            "r129 module.shared.aws_iam_role.r role-e129"
        ]
    );
}

#[test]
fn a_root_evaluated_again_for_the_files_it_reads_still_has_its_modules() {
    // Two roots of the first batch read a file through the module they share: the
    // second is evaluated again after every batch (its file ids must follow the first
    // root's), when the module's last batch is long past.
    let shared = "variable \"env\" {}\nresource \"aws_iam_role\" \"r\" {\n  name = \"${trimspace(file(\"${path.module}/name.txt\"))}-${var.env}\"\n}\n";
    let dir = roots_tree(
        "again",
        130,
        |i| if i < 2 { call_shared(i) } else { String::new() },
        &[("shared/main.tf", shared), ("shared/name.txt", "role\n")],
    );
    assert_eq!(
        names(&dir),
        [
            "r000 module.shared.aws_iam_role.r role-e0",
            "r001 module.shared.aws_iam_role.r role-e1"
        ]
    );
}
