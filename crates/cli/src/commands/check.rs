//! The default command: lint the paths, apply `--fix`/`--diff`, write the report and
//! choose the exit code (0 clean, 1 findings at or above `--fail-on`).

use crate::args::{FailOn, Format, LintArgs};
use crate::baseline::Baseline;
use crate::error::Failure;
use crate::fix;
use crate::input::lint_input;
use crate::output::write_report;
use crate::render::render;
use bedrock_lint_rules::{Report, Severity};
use std::io::IsTerminal;

pub fn command(args: &LintArgs) -> Result<i32, Failure> {
    if args.unsafe_fixes && !args.fix && !args.diff {
        return Err(Failure(
            "--unsafe-fixes only works with --fix or --diff".into(),
        ));
    }
    let mut input = lint_input(args)?;
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
    let stdout_tty = std::io::stdout().is_terminal() && args.output.is_none();
    let format = args.format.unwrap_or(if stdout_tty {
        Format::Human
    } else {
        Format::Compact
    });
    let color =
        stdout_tty && !args.no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let text = render(&report, format, color, args);
    write_report(args.output.as_deref(), &text)?;
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
