// Lists rules/*.md so the crate embeds every rule document (and rebuilds on change).
use std::io::Write;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("BL") && n.ends_with(".md"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("docs_list.rs");
    let mut f = std::fs::File::create(out).expect("OUT_DIR is writable");
    let dir = dir.canonicalize().unwrap_or(dir);
    let list: Vec<String> = names
        .iter()
        .map(|n| {
            format!(
                "({n:?}, include_str!({:?}))",
                dir.join(n).display().to_string()
            )
        })
        .collect();
    writeln!(f, "const DOCS: &[(&str, &str)] = &[{}];", list.join(", ")).expect("write docs list");
}
