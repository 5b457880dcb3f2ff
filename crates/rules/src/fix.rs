//! Fixes: choosing, applying and verifying the edits of unsuppressed findings, for
//! `--fix`/`--diff` and the language server's quick fixes alike.
//!
//! Every byte outside an edit stays identical. Edits of different fixes never
//! overlap (a fix overlapping one already chosen waits for the next pass); a file
//! whose new text no longer parses keeps its old text, and a pass after which the
//! tree has error findings it did not have is retried fix by fix, dropping the
//! fixes that make things worse. A fix is kept only when its finding is gone and no
//! other finding appears, compared by finding identity ([`Key`]), never by message
//! text. Passes repeat lint → fix until
//! no fix applies (at most [`MAX_PASSES`]); the new texts are carried between passes
//! as overlays, so nothing is written until the end, and `--diff` shows exactly what
//! `--fix` would write.

use crate::diagnostic::{Applicability, Edit, Fix, Key};
use crate::lint::{lint, LintInput, Report};
use bedrock_lint_parser::model::load::{parse_text, FileKind, PathError};
use bedrock_lint_parser::{FileId, Files};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::PathBuf;

/// Lint → fix rounds at most.
pub const MAX_PASSES: usize = 5;

/// The edits chosen in one pass, already applied to the file texts.
#[derive(Debug, Default)]
pub struct Pass {
    /// New text of every changed file.
    pub texts: BTreeMap<FileId, String>,
    /// Findings fixed by these edits, by identity.
    pub keys: Vec<Key>,
    /// Files whose fixed text did not parse (left unchanged), with the parse error.
    pub rejected: Vec<(FileId, String)>,
}

/// Whether `d`'s fix may be applied with these options.
pub fn eligible(fix: &Fix, unsafe_fixes: bool) -> bool {
    !fix.edits.is_empty() && (fix.applicability == Applicability::Safe || unsafe_fixes)
}

fn conflicts(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

/// Chooses non-overlapping fixes of the unsuppressed findings (in report order) and
/// applies them. `usable(file)` says whether a file may be edited at all.
pub fn plan(report: &Report, unsafe_fixes: bool, usable: &dyn Fn(FileId) -> bool) -> Pass {
    plan_picked(report, unsafe_fixes, usable, &|_| true)
}

/// [`plan`] restricted to the findings (by index in the report) `pick` accepts.
pub fn plan_picked(
    report: &Report,
    unsafe_fixes: bool,
    usable: &dyn Fn(FileId) -> bool,
    pick: &dyn Fn(usize) -> bool,
) -> Pass {
    let mut banned: Vec<FileId> = Vec::new();
    let mut rejected = Vec::new();
    loop {
        let mut pass = choose(report, unsafe_fixes, usable, pick, &banned);
        if pass.rejected.is_empty() {
            pass.rejected = rejected;
            return pass;
        }
        // Some file would no longer parse: choose again without touching it, so a
        // fix spanning several files is applied whole or not at all.
        for (id, err) in pass.rejected {
            banned.push(id);
            rejected.push((id, err));
        }
    }
}

fn choose(
    report: &Report,
    unsafe_fixes: bool,
    usable: &dyn Fn(FileId) -> bool,
    pick: &dyn Fn(usize) -> bool,
    banned: &[FileId],
) -> Pass {
    let files = &report.model.files;
    let mut chosen: Vec<&Fix> = Vec::new();
    let mut taken: HashMap<FileId, Vec<Range<usize>>> = HashMap::new();
    let mut keys = Vec::new();
    for (_, d) in report
        .diagnostics
        .iter()
        .enumerate()
        .filter(|(i, d)| !d.suppressed && pick(*i))
    {
        let Some(fix) = d.fix.as_ref().filter(|f| eligible(f, unsafe_fixes)) else {
            continue;
        };
        // The same edits were chosen for another finding: fixed by them too.
        if chosen.iter().any(|c| c.edits == fix.edits) {
            keys.push(d.key(files));
            continue;
        }
        let ok_edit = |e: &Edit, mine: &[&Edit]| {
            let text = &files.get(e.span.file).text;
            let r = e.span.range();
            usable(e.span.file)
                && !banned.contains(&e.span.file)
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
                && !taken
                    .get(&e.span.file)
                    .is_some_and(|t| t.iter().any(|t| conflicts(t, &r)))
                && !mine
                    .iter()
                    .any(|m| m.span.file == e.span.file && conflicts(&m.span.range(), &r))
        };
        let mut mine: Vec<&Edit> = Vec::new();
        let mut ok = true;
        for e in &fix.edits {
            if !ok_edit(e, &mine) {
                ok = false;
                break;
            }
            mine.push(e);
        }
        if !ok {
            continue;
        }
        for e in &fix.edits {
            taken.entry(e.span.file).or_default().push(e.span.range());
        }
        chosen.push(fix);
        keys.push(d.key(files));
    }
    let mut by_file: BTreeMap<FileId, Vec<&Edit>> = BTreeMap::new();
    for f in &chosen {
        for e in &f.edits {
            by_file.entry(e.span.file).or_default().push(e);
        }
    }
    let mut pass = Pass {
        keys,
        ..Pass::default()
    };
    for (id, mut edits) in by_file {
        let mut text = files.get(id).text.to_string();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in edits {
            text.replace_range(e.span.range(), &e.replacement);
        }
        if text == *files.get(id).text {
            continue;
        }
        let kind = report
            .model
            .parsed(id)
            .map(|p| p.kind)
            .unwrap_or(FileKind::Plan);
        if let Err(e) = parse_text(kind, &text, id) {
            pass.rejected.push((id, e.message));
            continue;
        }
        pass.texts.insert(id, text);
    }
    pass
}

/// The result of the fix loop.
pub struct Outcome {
    /// Changed files: path → (text before, text after).
    pub changed: BTreeMap<PathBuf, (String, String)>,
    /// Findings the applied fixes cleared (gone from the final report).
    pub fixed: usize,
    /// Notes for the user: fixes not applied and why, each once.
    pub notes: Vec<String>,
}

/// Runs lint → fix passes in memory. `prepare` is applied to every report before
/// fixes are chosen (the baseline filter), so only reported findings are fixed.
pub fn run_passes(
    input: &mut LintInput,
    unsafe_fixes: bool,
    prepare: &dyn Fn(&mut Report),
) -> Result<Outcome, PathError> {
    let mut originals: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
    let mut notes: Vec<String> = Vec::new();
    let mut note = |n: String| {
        if !notes.contains(&n) {
            notes.push(n);
        }
    };
    // Findings whose fix was refused: never tried again.
    let mut refused: Vec<Key> = Vec::new();
    let mut first: Option<Counts> = None;
    'passes: for _ in 0..MAX_PASSES {
        let mut report = lint(input)?;
        prepare(&mut report);
        let files = &report.model.files;
        let before = counts(&report);
        first.get_or_insert_with(|| before.clone());
        // Read each candidate file from disk once: only a file whose text is what
        // the model saw (valid UTF-8, unchanged since, overlay honoured) is edited.
        for d in &report.diagnostics {
            for e in d.fix.iter().flat_map(|f| &f.edits) {
                let path = &files.get(e.span.file).path;
                originals.entry(path.clone()).or_insert_with(|| {
                    std::fs::read(path)
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok())
                });
            }
        }
        let overlays = input.load.overlays.clone();
        let usable = |id: FileId| {
            let f = files.get(id);
            let editable = report.model.parsed(id).is_some_and(|p| {
                matches!(
                    p.kind,
                    FileKind::Config | FileKind::ConfigJson | FileKind::Vars | FileKind::VarsJson
                )
            });
            let expected = overlays
                .get(&f.path)
                .map(String::as_str)
                .or_else(|| originals.get(&f.path).and_then(|o| o.as_deref()));
            editable && expected == Some(&*f.text)
        };
        let keys: Vec<Key> = report.diagnostics.iter().map(|d| d.key(files)).collect();
        let allowed = |i: usize| !refused.contains(&keys[i]);
        let pass = plan_picked(&report, unsafe_fixes, &usable, &allowed);
        for (id, err) in &pass.rejected {
            note(format!(
                "{}: fixes not applied, the result would not parse: {err}",
                files.get(*id).path.display()
            ));
        }
        if pass.texts.is_empty() {
            break;
        }
        // Verify the whole pass; if it fails, find the culprits fix by fix.
        if verify(input, &pass, files, &before, &pass.keys)?.is_ok() {
            continue;
        }
        for (i, d) in report.diagnostics.iter().enumerate() {
            if d.suppressed || refused.contains(&keys[i]) || d.fix.is_none() {
                continue;
            }
            let one = plan_picked(&report, unsafe_fixes, &usable, &|j| j == i);
            if one.texts.is_empty() {
                continue;
            }
            match verify(input, &one, files, &before, &one.keys)? {
                Ok(()) => continue 'passes,
                Err(why) => {
                    note(format!(
                        "{}: fix for {} ({}) not applied: {why}",
                        files.get(d.span.file).path.display(),
                        d.rule.code(),
                        keys[i].anchor
                    ));
                    refused.push(keys[i].clone());
                }
            }
        }
        break;
    }
    let mut changed = BTreeMap::new();
    for (path, text) in &input.load.overlays {
        if let Some(Some(orig)) = originals.get(path) {
            if orig != text {
                changed.insert(path.clone(), (orig.clone(), text.clone()));
            }
        }
    }
    // Count what is really gone, not what was attempted.
    let fixed = match (&first, changed.is_empty()) {
        (Some(first), false) => {
            let last = counts(&lint(input)?);
            first
                .iter()
                .map(|(k, n)| n.saturating_sub(last.get(k).copied().unwrap_or(0)))
                .sum()
        }
        _ => 0,
    };
    Ok(Outcome {
        changed,
        fixed,
        notes,
    })
}

type Counts = HashMap<Key, usize>;

/// Unsuppressed findings by key, with their counts.
fn counts(report: &Report) -> Counts {
    let mut m = HashMap::new();
    for d in report.diagnostics.iter().filter(|d| !d.suppressed) {
        *m.entry(d.key(&report.model.files)).or_insert(0) += 1;
    }
    m
}

/// Applies `pass` as overlays when, re-linted, every finding it fixes is gone and no
/// finding appeared; otherwise leaves the overlays as they were and says why, naming
/// the finding that blocked it.
fn verify(
    input: &mut LintInput,
    pass: &Pass,
    files: &Files,
    before: &Counts,
    fixing: &[Key],
) -> Result<Result<(), String>, PathError> {
    let saved = input.load.overlays.clone();
    for (id, text) in &pass.texts {
        input
            .load
            .overlays
            .insert(files.get(*id).path.clone(), text.clone());
    }
    let after_report = lint(input)?;
    let after = counts(&after_report);
    let mut why = None;
    for k in fixing {
        if after.get(k).copied().unwrap_or(0) >= before.get(k).copied().unwrap_or(0) {
            why = Some(format!(
                "it does not clear the finding ({} on {} is still reported)",
                k.code, k.anchor
            ));
            break;
        }
    }
    if why.is_none() {
        let mut new: Vec<&Key> = after
            .iter()
            .filter(|(k, n)| before.get(*k).copied().unwrap_or(0) < **n)
            .map(|(k, _)| k)
            .collect();
        new.sort();
        if let Some(k) = new.first() {
            why = Some(format!(
                "the result has a new finding: {} on {} (\"{}\")",
                k.code, k.anchor, k.text
            ));
        }
    }
    match why {
        None => Ok(Ok(())),
        Some(w) => {
            input.load.overlays = saved;
            Ok(Err(w))
        }
    }
}
