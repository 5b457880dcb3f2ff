//! Argument handling, config resolution and exit codes (0 clean, 1 findings, 2 failure).

use crate::args::{Cli, Command, FailOn, Format, LintArgs};
use bedrock_lint_parser::model::load::LoadOptions;
use bedrock_lint_rules::{Config, Date, LintInput, Report, RuleId, Severity};
use clap::Parser;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

pub fn run(argv: Vec<OsString>) -> i32 {
    let cli = match Cli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Some(Command::Access {
            paths,
            format,
            config,
            plan,
            var_file,
        }) => {
            let args = LintArgs {
                paths,
                config,
                plan,
                var_file,
                ..LintArgs::default()
            };
            crate::access::command(&args, format)
        }
        Some(Command::Rules) => crate::render::rules_list(),
        Some(Command::Explain { rule }) => crate::render::explain(&rule),
        Some(Command::Init { force }) => crate::render::init(force),
        Some(Command::Lsp) => crate::lsp::serve(),
        None => lint_command(&cli.lint),
    };
    match result {
        Ok(code) => code,
        Err(Failure(msg)) => {
            eprintln!("bedrock-lint: {msg}");
            2
        }
    }
}

/// The run itself failed (bad arguments, bad config, unreadable path): exit 2.
#[derive(Debug)]
pub struct Failure(pub String);

/// "Today", overridable for reproducible tests and demos.
pub fn today() -> Date {
    std::env::var("BEDROCK_LINT_TODAY")
        .ok()
        .and_then(|d| Date::parse(&d))
        .unwrap_or_else(Date::today)
}

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

fn lint_command(args: &LintArgs) -> Result<i32, Failure> {
    if args.unsafe_fixes && !args.fix && !args.diff {
        return Err(Failure(
            "--unsafe-fixes only works with --fix or --diff".into(),
        ));
    }
    let mut input = lint_input(args)?;
    let baseline = match &args.baseline {
        Some(p) => Some(crate::baseline::Baseline::load(p)?),
        None => None,
    };
    let hidden = std::cell::Cell::new(0);
    let prepare = |r: &mut Report| {
        if let Some(b) = &baseline {
            hidden.set(b.filter(r));
        }
    };
    if args.diff {
        let outcome = crate::fix::run_passes(&mut input, args.unsafe_fixes, &prepare)?;
        for n in &outcome.notes {
            eprintln!("bedrock-lint: {n}");
        }
        write_out(args, &crate::fix::diff(&outcome))?;
        if !args.quiet {
            eprintln!("would fix {} finding(s)", outcome.fixed);
        }
        return Ok(i32::from(!outcome.changed.is_empty()));
    }
    let mut fixed = None;
    if args.fix {
        let outcome = crate::fix::run_passes(&mut input, args.unsafe_fixes, &prepare)?;
        for n in &outcome.notes {
            eprintln!("bedrock-lint: {n}");
        }
        crate::fix::write(&outcome)?;
        fixed = Some(outcome.fixed);
        // The final report comes from what is now on disk.
        input.load.overlays.clear();
    }
    let mut report = bedrock_lint_rules::lint(&input).map_err(|e| Failure(e.0))?;
    prepare(&mut report);
    let stdout_tty = std::io::stdout().is_terminal() && args.output.is_none();
    let format = args.format.unwrap_or(if stdout_tty {
        Format::Human
    } else {
        Format::Compact
    });
    let color =
        stdout_tty && !args.no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let text = crate::render::render(&report, format, color, args);
    write_out(args, &text)?;
    if !args.quiet {
        if hidden.get() > 0 {
            eprintln!("{} finding(s) hidden by the baseline", hidden.get());
        }
        if let Some(n) = fixed {
            eprintln!("fixed {n} finding(s)");
            let more = report
                .diagnostics
                .iter()
                .filter(|d| !d.suppressed)
                .filter(|d| d.fix.as_ref().is_some_and(|f| !f.edits.is_empty()))
                .count();
            if more > 0 && !args.unsafe_fixes {
                eprintln!("{more} more fix(es) available with --unsafe-fixes");
            }
        }
    }
    let code = exit_code(&report, args.fail_on);
    // The process ends right after: freeing a large model piece by piece would only
    // add time (about a tenth of a run on big trees).
    std::mem::forget(report);
    Ok(code)
}

/// The report (or diff) goes to `--output FILE`, else stdout.
fn write_out(args: &LintArgs, text: &str) -> Result<(), Failure> {
    match &args.output {
        Some(p) => std::fs::write(p, text).map_err(|e| Failure(format!("{}: {e}", p.display()))),
        None => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            Ok(())
        }
    }
}

pub fn exit_code(report: &Report, fail_on: FailOn) -> i32 {
    let min = match fail_on {
        FailOn::Never => return 0,
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Note => Severity::Note,
    };
    i32::from(
        report
            .diagnostics
            .iter()
            .any(|d| !d.suppressed && d.severity >= min),
    )
}
