//! Helpers the parser tests share: a fresh module directory built into a model.
#![allow(dead_code)]

use bedrock_lint_parser::model::load::LoadOptions;
use bedrock_lint_parser::{build, Model, Value};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

static N: AtomicUsize = AtomicUsize::new(0);

/// Writes `files` into a fresh directory and builds the model of it.
pub fn model(files: &[(&str, &str)]) -> (Model, PathBuf) {
    let dir = std::env::temp_dir().join(format!(
        "bl-eval-{}-{}-{}",
        std::process::id(),
        std::thread::current()
            .name()
            .unwrap_or("t")
            .replace("::", "-"),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in files {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let m = build(&LoadOptions {
        paths: vec![dir.clone()],
        ..LoadOptions::default()
    })
    .expect("build");
    // The model holds every text it read: the files are not needed any more.
    let _ = std::fs::remove_dir_all(&dir);
    (m, dir)
}

/// The `input` attribute of `terraform_data.t` (a resource that takes any value).
pub fn eval(expr: &str, extra: &str) -> Value {
    let (m, _) = model(&[(
        "main.tf",
        &format!("{extra}\nresource \"terraform_data\" \"t\" {{\n  input = {expr}\n}}\n"),
    )]);
    m.resources
        .iter()
        .find(|r| r.address == "terraform_data.t")
        .expect("resource")
        .body
        .get("input")
        .cloned()
        .expect("input")
}

/// The resource at `address`.
pub fn resource<'m>(m: &'m Model, address: &str) -> &'m bedrock_lint_parser::Resource {
    m.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| panic!("no resource {address}"))
}
