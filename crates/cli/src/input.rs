//! From arguments to a `LintInput`: config resolution, `--select`/`--ignore`, the
//! loader's options.

use crate::args::LintArgs;
use crate::error::{today, Failure};
use bedrock_lint_parser::model::load::clean;
use bedrock_lint_rules::configs::{Adjust, ConfigSet};
use bedrock_lint_rules::{Config, LintInput, RuleId};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The config of the run as a whole: `--config`, else the one nearest the first path
/// (each file is still judged by its own nearest config: see [`lint_input`]).
pub fn resolve_config(args: &LintArgs) -> Result<Config, Failure> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => Config::discover(&paths(args).swap_remove(0)),
    };
    let mut config = match path {
        Some(p) => Config::load(&p).map_err(|e| Failure(format!("config error: {e}")))?,
        None => Config::defaults(),
    };
    selection(args)?(&mut config);
    Ok(config)
}

/// `--select` / `--ignore`, checked once, applied to every config of the run.
fn selection(args: &LintArgs) -> Result<Adjust, Failure> {
    let sel = |list: &[String]| -> Result<Vec<RuleId>, Failure> {
        let mut out = Vec::new();
        for s in list {
            let m = RuleId::matching(s.trim());
            if m.is_empty() {
                return Err(Failure(format!("unknown rule \"{s}\" (use a code such as BL101, a name such as invoke-any-model, or a prefix such as BL1)")));
            }
            out.extend(m);
        }
        Ok(out)
    };
    let select = (!args.select.is_empty())
        .then(|| sel(&args.select))
        .transpose()?;
    let ignore = sel(&args.ignore)?;
    Ok(Arc::new(move |c: &mut Config| {
        if let Some(s) = &select {
            c.select = Some(s.clone());
        }
        c.ignore = ignore.clone();
    }))
}

/// The paths to lint: those given, else the `--stdin-filename` file, else `.`.
pub fn paths(args: &LintArgs) -> Vec<PathBuf> {
    if !args.paths.is_empty() {
        return args.paths.clone();
    }
    vec![args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("."))]
}

/// The run: without `--config`, each file is judged by the nearest
/// `.bedrock-lint.hcl` above it, whatever order the paths come in (DESIGN.md).
pub fn lint_input(args: &LintArgs) -> Result<LintInput, Failure> {
    let config = resolve_config(args)?;
    let input = LintInput::new(paths(args), config, today())
        .overlays(stdin_overlay(args)?)
        .extra(args.var_file.clone(), args.plan.clone());
    Ok(match &args.config {
        Some(_) => input,
        None => input.per_file(Arc::new(ConfigSet::new(selection(args)?))),
    })
}

/// `--stdin-filename PATH`: stdin's text stands for PATH's content. The loader
/// matches overlays by the path as it spells it (relative to the current directory
/// when under it, else absolute), so both spellings are given.
fn stdin_overlay(args: &LintArgs) -> Result<HashMap<PathBuf, String>, Failure> {
    let mut overlays = HashMap::new();
    let Some(path) = &args.stdin_filename else {
        return Ok(overlays);
    };
    if !path.is_file() {
        return Err(Failure(format!(
            "--stdin-filename {}: no such file (stdin stands for the content of an existing file of a module)",
            path.display()
        )));
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Failure(format!("reading stdin: {e}")))?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let abs = clean(&cwd.join(path));
    for key in [clean(path), abs.clone(), abs.canonicalize().unwrap_or(abs)] {
        overlays.insert(key, text.clone());
    }
    Ok(overlays)
}

/// The explicitly given paths that the config's `exclude` globs leave out (a
/// directory counts when the files directly in it are excluded).
pub fn excluded_paths(args: &LintArgs, input: &LintInput) -> Vec<(PathBuf, Option<PathBuf>)> {
    let explicit = args.paths.iter().chain(&args.stdin_filename);
    explicit
        .filter_map(|p| {
            let (config, excluded) = match &input.per_file {
                Some(set) => {
                    let is_dir = p.is_dir();
                    let dir = if is_dir { p.as_path() } else { parent(p) };
                    let hit = set.excluded(p, is_dir)
                        || (is_dir && set.excluded(&p.join("main.tf"), false));
                    (set.path_for(dir), hit)
                }
                None => (input.config.path.clone(), excluded_by(&input.config, p)),
            };
            excluded.then(|| (p.clone(), config))
        })
        .collect()
}

fn excluded_by(config: &Config, p: &Path) -> bool {
    let (Some(globs), Ok(root)) = (&config.exclude, config.root.canonicalize()) else {
        return false;
    };
    let Some(rel) = p
        .canonicalize()
        .ok()
        .and_then(|a| a.strip_prefix(&root).ok().map(PathBuf::from))
    else {
        return false;
    };
    globs.is_match(&rel) || (p.is_dir() && globs.is_match(rel.join("main.tf")))
}

fn parent(p: &Path) -> &Path {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}
