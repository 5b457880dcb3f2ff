//! The command line of DESIGN.md.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "bedrock-lint",
    version,
    about = "Lints how Amazon Bedrock access is scoped in Terraform IAM"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub lint: LintArgs,
}

#[derive(clap::Args, Debug, Default, Clone)]
pub struct LintArgs {
    /// Files or directories to lint (a file lints its whole module directory)
    pub paths: Vec<PathBuf>,
    /// Config file (default: nearest .bedrock-lint.hcl walking up from each path)
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Output format (default: human on a terminal, compact otherwise)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE instead of stdout
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this severity remains
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Only these rules (comma list of codes, names or prefixes such as BL1)
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules (comma list of codes, names or prefixes)
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Apply safe fixes
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff: include unsafe fixes
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print fixes as a unified diff; change nothing
    #[arg(long)]
    pub diff: bool,
    /// A Terraform plan JSON (also detected by content)
    #[arg(long, value_name = "FILE")]
    pub plan: Vec<PathBuf>,
    /// Extra variable values, as terraform plan -var-file
    #[arg(long, value_name = "FILE")]
    pub var_file: Vec<PathBuf>,
    /// Report only findings not in this earlier JSON report
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Report only findings on lines changed since REV, or absent at REV
    #[arg(long, value_name = "REV")]
    pub new_from_rev: Option<String>,
    /// Plain output without colour (also: NO_COLOR)
    #[arg(long)]
    pub no_color: bool,
    /// Only findings; no summary
    #[arg(short, long)]
    pub quiet: bool,
    /// Also list suppressed findings
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The access map: every principal, its Bedrock actions, trust and session
    Access {
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: AccessFormat,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        plan: Vec<PathBuf>,
        #[arg(long, value_name = "FILE")]
        var_file: Vec<PathBuf>,
    },
    /// List rules (code, name, severity, summary)
    Rules,
    /// Print a rule's documentation
    Explain { rule: String },
    /// Write a commented starter .bedrock-lint.hcl
    Init {
        #[arg(long)]
        force: bool,
    },
    /// Language server on stdio
    Lsp,
    /// What a change does to Bedrock access since BASE (a git revision or a directory)
    Diff(crate::commands::diff::DiffArgs),
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Compact,
    Json,
    Sarif,
    Github,
    Checkstyle,
    Junit,
    Markdown,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessFormat {
    Table,
    Json,
    Markdown,
    Dot,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Note,
    Never,
}
