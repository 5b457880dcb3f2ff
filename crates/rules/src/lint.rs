//! The one entry point the CLI and the language server share:
//! read → parse → model → IAM view → rules → suppressions → sorted report.

use crate::config::Config;
use crate::context::Ctx;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::IamView;
use crate::registry::run_all;
use bedrock_lint_parser::model::load::{LoadOptions, PathError};
use bedrock_lint_parser::Model;

pub struct LintInput {
    pub load: LoadOptions,
    pub config: Config,
    /// "Today" for until= dates and time-bound statements (tests pin it).
    pub today: Date,
}

pub struct Report {
    pub model: Model,
    pub view: IamView,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn count(&self, s: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| !d.suppressed && d.severity == s)
            .count()
    }

    pub fn suppressed(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.suppressed).count()
    }
}

pub fn lint(input: &LintInput) -> Result<Report, PathError> {
    let mut load = input.load.clone();
    if load.exclude.is_none() {
        load.exclude = input.config.exclude.clone();
    }
    if load.exclude_root.is_none() {
        load.exclude_root = Some(input.config.root.clone());
    }
    let model = bedrock_lint_parser::build(&load)?;
    Ok(lint_model(model, &input.config, input.today))
}

pub fn lint_model(model: Model, config: &Config, today: Date) -> Report {
    let mut view = IamView::build(&model);
    for p in &mut view.principals {
        // A role defined in a shared module belongs to the environment of the root
        // module that instantiates it.
        let r = &model.resources[p.resource];
        let path = &model.files.get(p.header.file).path;
        let path = if r.module.is_empty() {
            path.clone()
        } else {
            r.root_dir.join(path.file_name().unwrap_or_default())
        };
        p.environments = config.environments_of(&path);
    }
    let mut diagnostics = Vec::new();
    {
        let ctx = Ctx::new(&model, &view, config, today);
        run_all(&ctx, &mut diagnostics);
    }
    for d in &mut diagnostics {
        if let Some(s) = config.severity(d.rule) {
            d.severity = s;
        }
        // A time-bound grant still in force is reported, one step down.
        if let Some(until) = &d.time_bound {
            if d.severity == Severity::Error {
                d.severity = Severity::Warning;
                d.message
                    .push_str(&format!(" (time-bound: allowed until {until})"));
            }
        }
    }
    crate::suppress::apply(&model, config, today, &mut diagnostics);
    for d in &mut diagnostics {
        if let Some(s) = config.severity(d.rule) {
            d.severity = s;
        }
    }
    // A total order (rules run in parallel): file, position, code, then the rest.
    let key = |d: &Diagnostic| {
        (
            model.files.get(d.span.file).path.clone(),
            d.span.start,
            d.span.end,
            d.rule.code(),
            d.message.clone(),
            d.address.clone(),
            d.principal.clone(),
            d.related
                .iter()
                .map(|l| (l.span, l.message.clone()))
                .collect::<Vec<_>>(),
        )
    };
    diagnostics.sort_by_cached_key(key);
    diagnostics.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    Report {
        model,
        view,
        diagnostics,
    }
}
