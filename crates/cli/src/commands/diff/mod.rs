//! `bedrock-lint diff BASE [PATHS]`: what a change does to Bedrock access — the
//! access changes and the findings new since BASE (a git revision or a directory).
//! Both sides are linted with the head side's config; several reports per run.

pub mod context;
pub mod git;
pub mod human;
pub mod json;
pub mod markdown;
pub mod new_from_rev;
pub mod overlay;

use crate::args::{DiffArgs, DiffFormat, FailOn, LintArgs};
use crate::error::Failure;
use crate::input::lint_input;
use crate::output::write_report;
use bedrock_lint_rules::diff::paths::normalise;
use bedrock_lint_rules::diff::{compare, Comparison, SideInput};
use bedrock_lint_rules::{LintInput, Severity};
use clap::ValueEnum;
use context::Context;
use git::{Repo, TempDir};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The base side: where its files are (kept alive for the run) and how head paths map.
pub(crate) struct Base {
    _tmp: Option<TempDir>,
    pub(crate) root: PathBuf,
    /// (head directory, base directory): a path under the first maps under the second.
    map: Vec<(PathBuf, PathBuf)>,
    prefix: String,
    /// The fast path: the work tree with the base text laid over it.
    overlay: Option<overlay::Overlay>,
}

impl Base {
    fn map(&self, p: &Path, cwd: &Path) -> PathBuf {
        let abs = normalise(&cwd.join(p));
        let abs = abs.canonicalize().unwrap_or(abs);
        for (from, to) in &self.map {
            if let Ok(rest) = abs.strip_prefix(from) {
                return normalise(&to.join(rest));
            }
        }
        abs
    }
}

/// The directories the loader walks for `paths` (a file: its directory), canonical.
fn walked_roots(paths: &[PathBuf], cwd: &Path) -> Vec<PathBuf> {
    paths
        .iter()
        .map(|p| cwd.join(p))
        .map(|p| {
            if p.is_file() {
                p.parent().map(Path::to_path_buf).unwrap_or(p)
            } else {
                p
            }
        })
        .filter_map(|p| p.canonicalize().ok())
        .collect()
}

pub(crate) fn base_side(spec: &str, cwd: &Path, head: &LintInput) -> Result<Base, Failure> {
    let dir = Path::new(spec);
    if dir.is_dir() {
        let root = dir
            .canonicalize()
            .map_err(|e| Failure(format!("{spec}: {e}")))?;
        return Ok(Base {
            _tmp: None,
            map: vec![(cwd.to_path_buf(), root.clone())],
            root,
            prefix: String::new(),
            overlay: None,
        });
    }
    let repo = Repo::find(cwd)?;
    let commit = repo.commit(spec)?;
    let prefix = repo.prefix.display().to_string().replace('\\', "/");
    let roots = walked_roots(&head.load.paths, cwd);
    if let Some(ov) = overlay::plan(&repo, &commit, cwd, &roots)? {
        return Ok(Base {
            _tmp: None,
            root: cwd.to_path_buf(),
            map: vec![],
            prefix,
            overlay: Some(ov),
        });
    }
    let tmp = git::checkout(&repo, &commit)?;
    let root = tmp.0.join(&repo.prefix);
    Ok(Base {
        map: vec![(repo.top.clone(), tmp.0.clone())],
        root,
        _tmp: Some(tmp),
        prefix,
        overlay: None,
    })
}

/// The base side's input: the head's, with every path moved into the base tree. A
/// path the base does not have is an empty tree there (the change adds it).
pub(crate) fn base_input(head: &LintInput, base: &Base, cwd: &Path, empty: &Path) -> LintInput {
    if let Some(ov) = &base.overlay {
        return overlay_input(head, ov);
    }
    let mut config = head.config.clone();
    config.root = base.map(&config.root, cwd);
    let paths = head
        .load
        .paths
        .iter()
        .map(|p| base.map(p, cwd))
        .map(|p| if p.exists() { p } else { empty.to_path_buf() })
        .collect();
    LintInput {
        load: bedrock_lint_parser::model::load::LoadOptions {
            paths,
            exclude: config.exclude.clone(),
            exclude_root: Some(config.root.clone()),
            overlays: Default::default(),
            var_files: head.load.var_files.clone(),
            plans: vec![],
            exclude_fn: None,
        },
        config,
        today: head.today,
        // Both sides are judged by one config, the head's (see `command`).
        per_file: None,
    }
}

/// The base side on the fast path: the head's paths, the base text of modified
/// files, and the files the change added excluded (literal globs next to config's).
fn overlay_input(head: &LintInput, ov: &overlay::Overlay) -> LintInput {
    let config = head.config.clone();
    let mut b = globset::GlobSetBuilder::new();
    for p in &config.exclude_patterns {
        if let Ok(g) = globset::Glob::new(p) {
            b.add(g);
        }
    }
    let root = config
        .root
        .canonicalize()
        .unwrap_or_else(|_| config.root.clone());
    for abs in &ov.hidden {
        let mut forms = vec![bedrock_lint_parser::model::load::clean(abs)];
        forms.extend(abs.strip_prefix(&root).ok().map(Path::to_path_buf));
        for f in forms {
            if let Ok(g) = globset::Glob::new(&globset::escape(&f.display().to_string())) {
                b.add(g);
            }
        }
    }
    let exclude = b.build().ok().or_else(|| config.exclude.clone());
    LintInput {
        load: bedrock_lint_parser::model::load::LoadOptions {
            paths: head.load.paths.clone(),
            exclude,
            exclude_root: Some(config.root.clone()),
            overlays: ov.overlays.clone(),
            var_files: head.load.var_files.clone(),
            plans: vec![],
            exclude_fn: None,
        },
        config,
        today: head.today,
        // Both sides are judged by one config, the head's (see `command`).
        per_file: None,
    }
}

fn outputs(args: &DiffArgs) -> Result<Vec<(DiffFormat, Option<PathBuf>)>, Failure> {
    let mut out = Vec::new();
    for spec in &args.output_format {
        let (f, file) = spec.split_once('=').unwrap_or((spec.as_str(), "-"));
        let format = DiffFormat::from_str(f, true).map_err(|_| {
            Failure(format!(
                "--output-format {spec}: unknown format \"{f}\" (human, markdown, json, sarif)"
            ))
        })?;
        out.push((format, (file != "-").then(|| PathBuf::from(file))));
    }
    if out.is_empty() || args.format.is_some() || args.output.is_some() {
        let tty = std::io::stdout().is_terminal() && args.output.is_none();
        let format = args.format.unwrap_or(if tty {
            DiffFormat::Human
        } else {
            DiffFormat::Markdown
        });
        out.insert(0, (format, args.output.clone()));
    }
    Ok(out)
}

pub fn command(args: &DiffArgs) -> Result<i32, Failure> {
    let outs = outputs(args)?;
    let lint_args = LintArgs {
        paths: args.paths.clone(),
        config: args.config.clone(),
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        var_file: args.var_file.clone(),
        ..LintArgs::default()
    };
    let mut head = lint_input(&lint_args)?;
    // Both sides are judged by one config (the head's nearest to the first path), so
    // a change shows as a change and not as two configs disagreeing.
    head.per_file = None;
    let cwd = std::env::current_dir().map_err(|e| Failure(format!("current directory: {e}")))?;
    let cwd = cwd.canonicalize().unwrap_or(cwd);
    let base = base_side(&args.base, &cwd, &head)?;
    let empty = TempDir::new_empty()?;
    let base_in = base_input(&head, &base, &cwd, &empty.0);
    let cmp = compare(
        SideInput {
            input: &base_in,
            root: &base.root,
        },
        SideInput {
            input: &head,
            root: &cwd,
        },
    )
    .map_err(|e| Failure(e.0))?;
    let ctx = Context {
        base: args.base.clone(),
        link: args
            .link_base
            .clone()
            .filter(|u| !u.is_empty())
            .map(|u| (u, base.prefix.clone())),
    };
    let code = exit_code(&cmp, args.fail_on);
    let color = !args.no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut sarif: Vec<Option<PathBuf>> = Vec::new();
    let to_stdout = outs.iter().any(|(_, f)| f.is_none());
    for (format, file) in outs {
        let text = match format {
            DiffFormat::Json => json::render(&cmp, &ctx),
            DiffFormat::Markdown => markdown::render(&cmp, &ctx),
            DiffFormat::Human => human::render(
                &cmp,
                color && file.is_none() && std::io::stdout().is_terminal(),
            ),
            DiffFormat::Sarif => {
                sarif.push(file);
                continue;
            }
        };
        write_report(file.as_deref(), &text)?;
    }
    // The summary goes to stderr too unless a report on stdout already says it.
    if !args.quiet && !to_stdout {
        eprintln!("{}", bedrock_lint_rules::diff::summary::sentence(&cmp));
    }
    if !sarif.is_empty() {
        // SARIF carries the new findings only, for code scanning.
        let report = cmp.head_with_new_only();
        let text = crate::render::sarif::render(&report);
        for file in sarif {
            write_report(file.as_deref(), &text)?;
        }
        std::mem::forget(report);
    } else {
        // The process ends right after: freeing the head model only costs time.
        std::mem::forget(cmp);
    }
    Ok(code)
}

/// 1 when a new finding is at or above `--fail-on`.
pub fn exit_code(cmp: &Comparison, fail_on: FailOn) -> i32 {
    let min = match fail_on {
        FailOn::Never => return 0,
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Note => Severity::Note,
    };
    i32::from(cmp.new_findings().any(|f| f.severity >= min))
}
