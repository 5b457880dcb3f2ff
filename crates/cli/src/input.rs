//! From arguments to a `LintInput`: config resolution, `--select`/`--ignore`, the
//! loader's options.

use crate::args::LintArgs;
use crate::error::{today, Failure};
use bedrock_lint_parser::model::load::clean;
use bedrock_lint_rules::{Config, LintInput, RuleId};
use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

pub fn resolve_config(args: &LintArgs) -> Result<Config, Failure> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => {
            let start = paths(args).swap_remove(0);
            let found = Config::discover(&start);
            // One run uses one config: say so when the paths would find different ones,
            // rather than silently judge some of them by another tree's settings.
            let others: Vec<PathBuf> = args
                .paths
                .iter()
                .skip(1)
                .filter_map(|p| Config::discover(p))
                .filter(|c| Some(c) != found.as_ref())
                .collect();
            if let Some(other) = others.first() {
                eprintln!(
                    "bedrock-lint: warning: the paths have different configs ({} and {}); using {} for all — lint them separately or pass --config",
                    found.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "defaults".into()),
                    other.display(),
                    found.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "the defaults".into()),
                );
            }
            found
        }
    };
    let mut config = match path {
        Some(p) => Config::load(&p).map_err(|e| Failure(format!("config error: {e}")))?,
        None => Config::defaults(),
    };
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
    if !args.select.is_empty() {
        config.select = Some(sel(&args.select)?);
    }
    config.ignore = sel(&args.ignore)?;
    Ok(config)
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

pub fn lint_input(args: &LintArgs) -> Result<LintInput, Failure> {
    let config = resolve_config(args)?;
    Ok(LintInput::new(paths(args), config, today())
        .overlays(stdin_overlay(args)?)
        .extra(args.var_file.clone(), args.plan.clone()))
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
pub fn excluded_paths(args: &LintArgs, config: &Config) -> Vec<PathBuf> {
    let Some(globs) = &config.exclude else {
        return vec![];
    };
    let Ok(root) = config.root.canonicalize() else {
        return vec![];
    };
    let explicit = args.paths.iter().chain(&args.stdin_filename);
    explicit
        .filter(|p| {
            let Some(rel) = p
                .canonicalize()
                .ok()
                .and_then(|a| a.strip_prefix(&root).ok().map(PathBuf::from))
            else {
                return false;
            };
            globs.is_match(&rel) || (p.is_dir() && globs.is_match(rel.join("main.tf")))
        })
        .cloned()
        .collect()
}
