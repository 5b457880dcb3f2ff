//! The one entry point the CLI and the language server share:
//! read → parse → model → IAM view → rules → suppressions → sorted report.

use crate::config::Config;
use crate::configs::ConfigSet;
use crate::context::Ctx;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::{IamView, PolicyKind};
use crate::registry::run_all;
use bedrock_lint_parser::model::load::ExcludeFn;
use bedrock_lint_parser::model::load::Parsed;
use bedrock_lint_parser::model::load::{LoadOptions, PathError};
use bedrock_lint_parser::model::KeepSyntax;
use bedrock_lint_parser::{Model, SourceFile, Span};
use std::collections::HashMap;
use std::path::Path;
use std::path::PathBuf;
use std::sync::Arc;

pub struct LintInput {
    pub load: LoadOptions,
    pub config: Config,
    /// "Today" for until= dates and time-bound statements (tests pin it).
    pub today: Date,
    /// Per-file config discovery: each file's nearest config governs it (`config`
    /// then only stands for the run as a whole). `None` with `--config`.
    pub per_file: Option<Arc<ConfigSet>>,
}

impl LintInput {
    /// The one way a run is put together, for the CLI, the language server and the
    /// tests alike: the paths, the config that governs them, and "today". What the
    /// config says about reading (its `exclude` globs, relative to its folder) is
    /// applied by [`lint`] itself, so no caller assembles load options from config.
    pub fn new(paths: Vec<PathBuf>, config: Config, today: Date) -> LintInput {
        LintInput {
            load: LoadOptions {
                paths,
                ..LoadOptions::default()
            },
            config,
            today,
            per_file: None,
        }
    }

    /// Let each file's nearest config govern it (DESIGN.md), not `config` for all.
    pub fn per_file(mut self, configs: Arc<ConfigSet>) -> LintInput {
        self.per_file = Some(configs);
        self
    }

    /// Unsaved editor buffers (or stdin): their text replaces what is on disk.
    pub fn overlays(mut self, overlays: HashMap<PathBuf, String>) -> LintInput {
        self.load.overlays = overlays;
        self
    }

    /// `--var-file`s and `--plan`s.
    pub fn extra(mut self, var_files: Vec<PathBuf>, plans: Vec<PathBuf>) -> LintInput {
        self.load.var_files = var_files;
        self.load.plans = plans;
        self
    }
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
    let model = load(input, &keep_syntax)?;
    let report = match &input.per_file {
        Some(set) => lint_per_file(model, set, input.today),
        None => lint_model(model, &input.config, input.today),
    };
    config_error(input)?;
    Ok(report)
}

/// The model and IAM view without running the rules (the access map needs no more).
pub fn analyse(input: &LintInput) -> Result<(Model, IamView), PathError> {
    let model = load(input, &|_, _| false)?;
    let view = match &input.per_file {
        Some(set) => view_of(&model, &|path| set.for_file(path).environments_of(path)),
        None => view_of(&model, &|path| input.config.environments_of(path)),
    };
    config_error(input)?;
    Ok((model, view))
}

/// A config met on the way that does not load fails the run (exit 2).
fn config_error(input: &LintInput) -> Result<(), PathError> {
    match input.per_file.as_ref().and_then(|s| s.error()) {
        Some(e) => Err(PathError(format!("config error: {e}"))),
        None => Ok(()),
    }
}

/// After evaluation only ignore comments and BL303's literal scan read syntax: every
/// other tree is freed (as soon as the last root module reading it is evaluated;
/// see `build_releasing`).
fn keep_syntax(file: &SourceFile, parsed: &Parsed) -> bool {
    crate::suppress::reads_syntax(parsed)
        || crate::rules::bl303_hardcoded_credentials::reads_syntax(&file.text)
}

fn load(input: &LintInput, keep: &KeepSyntax) -> Result<Model, PathError> {
    let mut load = input.load.clone();
    if let Some(set) = &input.per_file {
        // Each path's own nearest config decides what is excluded.
        let set = set.clone();
        load.exclude_fn = Some(ExcludeFn(Arc::new(move |p: &Path, is_dir| {
            set.excluded(p, is_dir)
        })));
    } else {
        if load.exclude.is_none() {
            load.exclude = input.config.exclude.clone();
        }
        if load.exclude_root.is_none() {
            load.exclude_root = Some(input.config.root.clone());
        }
    }
    bedrock_lint_parser::model::build_releasing(&load, keep)
}

/// The IAM view, each principal with the environments its root module is in.
fn view_of(model: &Model, environments: &dyn Fn(&Path) -> Vec<String>) -> IamView {
    let mut view = IamView::build(model);
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
        p.environments = environments(&path);
    }
    view
}

pub fn lint_model(model: Model, config: &Config, today: Date) -> Report {
    let view = view_of(&model, &|path| config.environments_of(path));
    let bounds = TimeBounds::collect(&view, today);
    let diagnostics = run_with(&model, &view, config, today, &bounds);
    finish(model, view, diagnostics)
}

/// Rules run once per config the files use; each config keeps the findings in its
/// own files (a file's findings are judged by its own config, severities, ignores).
fn lint_per_file(model: Model, set: &ConfigSet, today: Date) -> Report {
    let view = view_of(&model, &|path| set.for_file(path).environments_of(path));
    let bounds = TimeBounds::collect(&view, today);
    // A file's config is its folder's; files come in path order, so a folder's
    // files are neighbours and its config is looked up once.
    let mut last: Option<(&Path, Arc<Config>)> = None;
    let of_file: Vec<Arc<Config>> = model
        .files
        .iter()
        .map(|(_, f)| {
            let dir = f.path.parent().unwrap_or(Path::new(""));
            match &last {
                Some((d, c)) if *d == dir => c.clone(),
                _ => {
                    let c = set.for_file(&f.path);
                    last = Some((dir, c.clone()));
                    c
                }
            }
        })
        .collect();
    let mut groups: Vec<Arc<Config>> = Vec::new();
    for c in &of_file {
        if !groups.iter().any(|g| Arc::ptr_eq(g, c)) {
            groups.push(c.clone());
        }
    }
    let mut diagnostics = Vec::new();
    for config in &groups {
        let mut found = run_with(&model, &view, config, today, &bounds);
        found.retain(|d| {
            of_file
                .get(d.span.file.index())
                .is_some_and(|c| Arc::ptr_eq(c, config))
        });
        diagnostics.extend(found);
    }
    finish(model, view, diagnostics)
}

/// How the model spells the key of an instance of unknown repetition.
const UNKNOWN_KEY: &str = "[(unknown)]";

/// Every enabled rule, then suppressions and severities, under one config.
fn run_with(
    model: &Model,
    view: &IamView,
    config: &Config,
    today: Date,
    bounds: &TimeBounds,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    {
        let ctx = Ctx::new(model, view, config, today);
        run_all(&ctx, &mut diagnostics);
    }
    crate::suppress::apply(model, config, today, &mut diagnostics);
    for d in &mut diagnostics {
        decide_severity(d, config, bounds);
        // A finding about a principal is addressed to it when no resource of its
        // own is named (RULES.md: `address` is always a Terraform address).
        if d.address.is_none() {
            d.address = d.principal.clone();
        }
        // An instance of unknown repetition has no key yet: its address is the
        // configuration address (`module.app.aws_iam_role.this`), never an invented
        // key (`[(unknown)]`).
        for a in [&mut d.address, &mut d.principal].into_iter().flatten() {
            if a.contains(UNKNOWN_KEY) {
                *a = a.replace(UNKNOWN_KEY, "");
            }
        }
    }
    diagnostics
}

/// The report: findings in a total order, duplicates dropped.
fn finish(model: Model, view: IamView, mut diagnostics: Vec<Diagnostic>) -> Report {
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

/// Severity is decided once, here: the configured severity (or the rule's own), then
/// one step down for a finding that rests only on time-bound statements still in force
/// (RULES.md "Time-bound statement"), so config cannot undo the downgrade.
fn decide_severity(d: &mut Diagnostic, config: &Config, bounds: &TimeBounds) {
    if let Some(s) = config.severity(d.rule) {
        d.severity = s;
    }
    d.time_bound = bounds.of(d);
    if let Some(until) = &d.time_bound {
        if d.severity == Severity::Error {
            d.severity = Severity::Warning;
            d.message
                .push_str(&format!(" (time-bound: allowed until {until})"));
        }
    }
}

/// Where the statements of identity policies are written, and the end date of those
/// that are time-bound. The engine, not each rule, tells whether a finding rests on
/// time-bound grants: by the statements its spans fall in.
struct TimeBounds {
    /// (span, end date) of every statement in force; `None` for a permanent one.
    statements: Vec<(Span, Option<(Date, String)>)>,
}

impl TimeBounds {
    fn collect(view: &IamView, today: Date) -> TimeBounds {
        let statements = view
            .policies
            .iter()
            .filter(|p| p.kind == PolicyKind::Identity)
            .flat_map(|p| p.doc.statements.iter())
            .filter(|st| !crate::date::expired(st, today))
            .filter_map(|st| Some((st.span?, crate::date::time_bound(st))))
            .collect();
        TimeBounds { statements }
    }

    /// The latest end date when every statement the finding points into is time-bound.
    fn of(&self, d: &Diagnostic) -> Option<String> {
        let mut until: Option<&(Date, String)> = None;
        let spans = std::iter::once(d.span).chain(d.related.iter().map(|l| l.span));
        for span in spans {
            for (at, bound) in &self.statements {
                if at.file != span.file || at.start > span.start || at.end < span.end {
                    continue;
                }
                match bound {
                    None => return None,
                    Some(b) => {
                        if until.is_none_or(|u| b.0 > u.0) {
                            until = Some(b);
                        }
                    }
                }
            }
        }
        until.map(|(_, text)| text.clone())
    }
}
