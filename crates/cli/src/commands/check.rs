//! The default command: lint the paths, apply `--fix`/`--diff`, write the reports
//! and choose the exit code (0 clean, 1 findings at or above `--fail-on`).

use crate::args::{ColorChoice, FailOn, Format, LintArgs, ReportTarget};
use crate::baseline::Baseline;
use crate::error::Failure;
use crate::fix;
use crate::input::{excluded_paths, lint_input};
use crate::output::write_report;
use crate::render::{render, statistics, Layout};
use crate::terminal;
use bedrock_lint_rules::{Report, Severity};
use std::io::IsTerminal;

pub fn command(args: &LintArgs) -> Result<i32, Failure> {
    if args.unsafe_fixes && !args.fix && !args.diff {
        return Err(Failure(
            "--unsafe-fixes only works with --fix or --diff".into(),
        ));
    }
    if args.fix && args.stdin_filename.is_some() {
        return Err(Failure(
            "--fix cannot rewrite stdin; --diff shows the fixes for it".into(),
        ));
    }
    let stdout_tty = std::io::stdout().is_terminal();
    let targets = targets(args, stdout_tty)?;
    let mut input = lint_input(args)?;
    for (p, config) in excluded_paths(args, &input) {
        let config = config.map_or_else(|| "the config".to_string(), |c| c.display().to_string());
        eprintln!(
            "bedrock-lint: warning: {} is excluded by `exclude` in {config}; it is not linted",
            p.display()
        );
    }
    let baseline = match &args.baseline {
        Some(p) => Some(Baseline::load(p)?),
        None => None,
    };
    let hidden = std::cell::Cell::new(0);
    let prepare = |r: &mut Report| {
        if let Some(b) = &baseline {
            hidden.set(b.filter(r));
        }
    };
    if args.diff {
        let outcome = bedrock_lint_rules::fix::run_passes(&mut input, args.unsafe_fixes, &prepare)
            .map_err(|e| Failure(e.0))?;
        for n in &outcome.notes {
            eprintln!("bedrock-lint: {n}");
        }
        write_report(args.output.as_deref(), &fix::diff(&outcome))?;
        if !args.quiet {
            eprintln!("would fix {} finding(s)", outcome.fixed);
        }
        return Ok(i32::from(!outcome.changed.is_empty()));
    }
    let mut fixed = None;
    if args.fix {
        let outcome = bedrock_lint_rules::fix::run_passes(&mut input, args.unsafe_fixes, &prepare)
            .map_err(|e| Failure(e.0))?;
        for n in &outcome.notes {
            eprintln!("bedrock-lint: {n}");
        }
        fix::write(&outcome)?;
        fixed = Some(outcome.fixed);
        // The final report comes from what is now on disk.
        input.load.overlays.clear();
    }
    let mut report = bedrock_lint_rules::lint(&input).map_err(|e| Failure(e.0))?;
    prepare(&mut report);
    if let Some(rev) = &args.new_from_rev {
        let n = crate::commands::diff::new_from_rev::filter(&mut report, rev, &input)?;
        if !args.quiet && n > 0 {
            eprintln!("{n} finding(s) hidden: present at {rev} on lines the change did not touch");
        }
    }
    if report.model.files.is_empty() {
        eprintln!(
            "bedrock-lint: warning: no Terraform file found in {} (looked for *.tf, *.tf.json, *.tfvars, *.tfvars.json and plan JSON)",
            crate::input::paths(args)
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if let Some(p) = &args.stdin_filename {
        let want = p.canonicalize().ok();
        let linted = report
            .model
            .files
            .iter()
            .any(|(_, f)| f.path.canonicalize().ok() == want);
        if !linted {
            eprintln!(
                "bedrock-lint: warning: --stdin-filename {} is not among the linted files (outside the paths given, or excluded); stdin was not linted",
                p.display()
            );
        }
    }
    for t in &targets {
        let to_tty = t.path.is_none() && stdout_tty;
        let layout = Layout {
            color: color(args, to_tty),
            width: terminal::width(to_tty),
        };
        let text = if args.statistics {
            statistics::render(&report, t.format == Format::Json)
        } else {
            render(&report, t.format, layout, args)
        };
        write_report(t.path.as_deref(), &text)?;
    }
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

/// The reports of this run: `--format`/`--output` (the default report when no
/// `--output-format` is given), then each `--output-format`. At most one goes to
/// stdout, and no file gets two.
fn targets(args: &LintArgs, stdout_tty: bool) -> Result<Vec<ReportTarget>, Failure> {
    let mut out = Vec::new();
    if args.format.is_some() || args.output.is_some() || args.output_format.is_empty() {
        let path = args.output.clone().filter(|p| p.as_os_str() != "-");
        let default = if stdout_tty && path.is_none() {
            Format::Human
        } else {
            Format::Compact
        };
        out.push(ReportTarget {
            format: args.format.unwrap_or(default),
            path,
        });
    }
    out.extend(args.output_format.iter().cloned());
    if out.iter().filter(|t| t.path.is_none()).count() > 1 {
        return Err(Failure(
            "only one report can go to stdout (give the others a file: --output-format FORMAT=FILE)"
                .into(),
        ));
    }
    for (i, t) in out.iter().enumerate() {
        if let Some(p) = &t.path {
            if out[..i].iter().any(|o| o.path.as_ref() == Some(p)) {
                return Err(Failure(format!(
                    "two reports would be written to {}",
                    p.display()
                )));
            }
        }
    }
    Ok(out)
}

/// Colour for a report: `--color always` anywhere; `auto` only on a terminal and
/// when NO_COLOR is unset or empty; never with `--no-color`.
fn color(args: &LintArgs, to_tty: bool) -> bool {
    if args.no_color {
        return false;
    }
    match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
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
