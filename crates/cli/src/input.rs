//! From arguments to a `LintInput`: config resolution, `--select`/`--ignore`, the
//! loader's options.

use crate::args::LintArgs;
use crate::error::{today, Failure};
use bedrock_lint_parser::model::load::LoadOptions;
use bedrock_lint_rules::{Config, LintInput, RuleId};
use std::path::PathBuf;

pub fn resolve_config(args: &LintArgs) -> Result<Config, Failure> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => {
            let start = args
                .paths
                .first()
                .cloned()
                .unwrap_or_else(|| PathBuf::from("."));
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

pub fn lint_input(args: &LintArgs) -> Result<LintInput, Failure> {
    let config = resolve_config(args)?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    Ok(LintInput {
        load: LoadOptions {
            paths,
            exclude: config.exclude.clone(),
            exclude_root: Some(config.root.clone()),
            overlays: Default::default(),
            var_files: args.var_file.clone(),
            plans: args.plan.clone(),
        },
        config,
        today: today(),
    })
}
