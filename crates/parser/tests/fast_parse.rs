//! The fast HCL reader (`syntax/fast.rs`) against hcl-edit's reading, file by file:
//! wherever the fast reader answers, its tree must be the same, spans included. Run
//! over every `.tf`/`.tfvars` file of the test data, `../shared/corpus` when it is
//! there, and the folder `BEDROCK_LINT_REAL_WORLD` names (docs/real-world.md), if set.
#![allow(clippy::print_stderr)]

use bedrock_lint_parser::syntax::{comments, hcl};
use bedrock_lint_parser::FileId;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let p = e.path();
        let tf = p
            .extension()
            .is_some_and(|x| x == "tf" || x == "tfvars" || x == "hcl");
        if tf && e.file_type().is_file() {
            out.push(p.to_path_buf());
        }
    }
}

/// The first line where two renderings differ, with a little context.
fn first_difference(a: &str, b: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let i = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = i.saturating_sub(6);
    format!(
        "fast:\n{}\nhcl-edit:\n{}",
        a[from..(i + 3).min(a.len())].join("\n"),
        b[from..(i + 3).min(b.len())].join("\n")
    )
}

#[test]
fn the_fast_reader_gives_hcl_edits_tree_wherever_it_answers() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    files(&root.join("testdata"), &mut paths);
    let corpus = root.join("../shared/corpus");
    if corpus.is_dir() {
        files(&corpus, &mut paths);
    } else {
        eprintln!("../shared/corpus not found: only the test data is compared");
    }
    if let Some(rw) = std::env::var_os("BEDROCK_LINT_REAL_WORLD") {
        files(Path::new(&rw), &mut paths);
    }
    let (mut answered, mut compared) = (0, 0);
    let mut wrong = Vec::new();
    for p in &paths {
        let Ok(text) = std::fs::read_to_string(p) else {
            continue;
        };
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => format!("   {rest}"),
            None => text,
        };
        if comments::scan_limited(&text, hcl::MAX_NESTING)
            .too_deep_at
            .is_some()
        {
            continue;
        }
        compared += 1;
        let Some((fast, fast_comments)) = hcl::parse_fast(FileId::new(0), &text) else {
            continue;
        };
        answered += 1;
        if fast_comments != comments::scan(&text).comments {
            wrong.push(format!(
                "{}: other comments than the lexer finds",
                p.display()
            ));
        }
        let fast = format!("{fast:#?}");
        match hcl::parse_slow(FileId::new(0), &text) {
            Ok(slow) => {
                let slow = format!("{slow:#?}");
                if fast != slow {
                    wrong.push(format!(
                        "{}\n{}",
                        p.display(),
                        first_difference(&fast, &slow)
                    ));
                }
            }
            Err(e) => wrong.push(format!(
                "{}: the fast reader accepted a file hcl-edit refuses ({e:?})",
                p.display()
            )),
        }
    }
    eprintln!("fast reader answered for {answered} of {compared} files");
    assert!(
        wrong.is_empty(),
        "{} files read differently:\n\n{}",
        wrong.len(),
        wrong
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    assert!(answered > 0, "the fast reader answered for no file");
}

/// Broken files too: corpus files cut short, with a byte removed, replaced or
/// inserted (brackets, quotes, operators, newlines). Wherever the fast reader answers,
/// hcl-edit must read the same tree; where hcl-edit refuses the text, the fast reader
/// must not answer. About 18,000 texts: run by `.ci/run` with the ignored tests.
#[test]
#[ignore = "slow in a debug build (about 40 s); .ci/run runs it"]
fn the_fast_reader_agrees_on_mutated_files() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !root.is_dir() {
        eprintln!("../shared/corpus not found: nothing to mutate");
        return;
    }
    let mut paths = Vec::new();
    files(&root, &mut paths);
    const PUNCT: &[u8] = b"\"{}[]()$%\\\n=#/*<?:.,~";
    let mut seed: u64 = 42;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed as usize
    };
    let (mut texts, mut answered) = (0, 0);
    let mut wrong = Vec::new();
    for p in paths.iter().take(600) {
        let Ok(text) = std::fs::read_to_string(p) else {
            continue;
        };
        if text.is_empty() || text.len() > 20_000 {
            continue;
        }
        for _ in 0..30 {
            let mut b = text.as_bytes().to_vec();
            let i = rnd() % b.len();
            match rnd() % 4 {
                0 => b.truncate(i),
                1 => b[i] = PUNCT[rnd() % PUNCT.len()],
                2 => b.insert(i, PUNCT[rnd() % PUNCT.len()]),
                _ => {
                    b.remove(i);
                }
            }
            let Ok(s) = String::from_utf8(b) else {
                continue;
            };
            texts += 1;
            // Never a panic, whichever reader answers.
            let _ = hcl::parse(FileId::new(0), &s);
            if comments::scan_limited(&s, hcl::MAX_NESTING)
                .too_deep_at
                .is_some()
            {
                continue;
            }
            let Some((fast, fast_comments)) = hcl::parse_fast(FileId::new(0), &s) else {
                continue;
            };
            answered += 1;
            if fast_comments != comments::scan(&s).comments {
                wrong.push(format!("{} (mutated): other comments\n{s}", p.display()));
            }
            match hcl::parse_slow(FileId::new(0), &s) {
                Ok(slow) if format!("{fast:?}") == format!("{slow:?}") => {}
                Ok(_) => wrong.push(format!("{} (mutated): another tree\n{s}", p.display())),
                Err(e) => wrong.push(format!(
                    "{} (mutated): hcl-edit refuses ({e:?})\n{s}",
                    p.display()
                )),
            }
        }
    }
    eprintln!("{texts} mutated texts, the fast reader answered for {answered}");
    assert!(
        wrong.is_empty(),
        "{}",
        wrong
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

/// Quoted strings are read a run of plain text at a time: the runs must stop at every
/// byte that can end them or start an escape, an interpolation or a directive, and
/// never inside a multi-byte character.
#[test]
fn plain_runs_in_strings_read_as_hcl_edit_reads_them() {
    let texts = [
        r#"a = "price: $5 and 100% off""#,
        r#"a = "$${literal} and %%{literal}""#,
        r#"a = "héllo wörld ✓ 🦀 done""#,
        r#"a = "tab\there \"quoted\" back\\slash""#,
        r#"a = "arn:aws:bedrock:${var.region}::foundation-model/é*""#,
        r#"a = "ends with $""#,
        r#"a = "ends with %""#,
        "a = \"nul \u{0} inside\"",
        r#"a = "café""#,
    ];
    for text in texts {
        let slow = hcl::parse_slow(FileId::new(0), text).map(|b| format!("{b:#?}"));
        match hcl::parse_fast(FileId::new(0), text) {
            Some((fast, _)) => assert_eq!(Ok(format!("{fast:#?}")), slow, "{text}"),
            None => eprintln!("left to hcl-edit: {text}"),
        }
    }
}
