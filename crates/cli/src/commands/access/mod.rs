//! `bedrock-lint access`: the access map of DESIGN.md, version 1 — every principal,
//! the Bedrock actions it can take on which resources, how it authenticates and its
//! session length. Formats: table (default), json, markdown, dot.

pub mod render;
pub mod table;

use crate::args::{AccessFormat, LintArgs};
use crate::error::Failure;
use crate::input::lint_input;
use crate::output::write_report;
use bedrock_lint_rules::iam::access::access_map;
use render::{render_dot, render_json, render_markdown};
use std::io::IsTerminal;
use std::path::Path;

pub fn command(
    args: &LintArgs,
    format: AccessFormat,
    output: Option<&Path>,
) -> Result<i32, Failure> {
    let input = lint_input(args)?;
    // The IAM view is enough: the map is built in the core from the same grants,
    // Deny coverage and trust classification the rules use.
    let (model, view) = bedrock_lint_rules::analyse(&input).map_err(|e| Failure(e.0))?;
    let map = access_map(&model, &view, input.today);
    let text = match format {
        AccessFormat::Json => render_json(&map),
        AccessFormat::Table => {
            // The human report's width: `COLUMNS`, the terminal, else 100.
            let tty = output.is_none_or(|p| p == Path::new("-")) && std::io::stdout().is_terminal();
            table::render_table(&map, crate::terminal::width(tty))
        }
        AccessFormat::Markdown => render_markdown(&map),
        AccessFormat::Dot => render_dot(&map),
    };
    write_report(output, &text)?;
    Ok(0)
}
