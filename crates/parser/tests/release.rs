//! Syntax trees are freed as evaluation goes (issue 12), each after the last root
//! module that reads it: a module shared by the first and the last of many roots is
//! still there for the last one.

use bedrock_lint_parser::model::build_releasing;
use bedrock_lint_parser::model::load::LoadOptions;
use pretty_assertions::assert_eq;

#[test]
fn a_module_shared_by_the_first_and_the_last_root_is_read_by_both() {
    let dir = std::env::temp_dir().join(format!("bl-release-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    };
    write(
        "shared/main.tf",
        "variable \"env\" {}\nresource \"aws_iam_role\" \"r\" {\n  name = \"role-${var.env}\"\n}\n",
    );
    // More roots than are evaluated in one batch, over KEEP_SYNTAX_BELOW (4 MB) of
    // text so that trees are freed at all; only the first and the last call `shared`.
    let padding = "# padding that makes the tree large enough for trees to be freed\n".repeat(500);
    let roots = 130;
    for i in 0..roots {
        let call = if i == 0 || i == roots - 1 {
            format!("module \"shared\" {{\n  source = \"../shared\"\n  env    = \"e{i}\"\n}}\n")
        } else {
            String::new()
        };
        write(&format!("r{i:03}/main.tf"), &format!("{call}{padding}"));
    }
    let model = build_releasing(
        &LoadOptions {
            paths: vec![dir.clone()],
            ..LoadOptions::default()
        },
        &|_, _| false,
    )
    .expect("build");
    let names: Vec<(String, Option<String>)> = model
        .resources
        .iter()
        .map(|r| {
            let root = r.root_dir.file_name().unwrap_or_default();
            let name = r
                .body
                .get("name")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            (format!("{} {}", root.to_string_lossy(), r.address), name)
        })
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        names,
        vec![
            (
                "r000 module.shared.aws_iam_role.r".to_string(),
                Some("role-e0".to_string())
            ),
            (
                "r129 module.shared.aws_iam_role.r".to_string(),
                Some("role-e129".to_string())
            ),
        ]
    );
}
