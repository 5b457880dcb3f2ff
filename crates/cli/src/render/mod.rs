//! One renderer per format, each a pure function of the report.

pub mod checkstyle;
pub mod compact;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod position;
pub mod sarif;
pub mod statistics;

use crate::args::{Format, LintArgs};
use bedrock_lint_rules::Report;
pub use human::Layout;

pub fn render(report: &Report, format: Format, layout: Layout, args: &LintArgs) -> String {
    match format {
        Format::Human => human::render(report, layout, args.quiet, args.verbose),
        Format::Compact => compact::render(report, args.verbose),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Checkstyle => checkstyle::render(report),
        Format::Junit => junit::render(report),
        Format::Markdown => markdown::render(report),
    }
}
