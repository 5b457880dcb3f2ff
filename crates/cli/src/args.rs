//! The command line of DESIGN.md. Every argument has a help text (a test checks).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "bedrock-lint",
    version,
    about = "Lints how Amazon Bedrock access is scoped in Terraform IAM",
    after_help = "A directory named like a subcommand (rules, access, …) is linted with \
                  `bedrock-lint ./rules` or `bedrock-lint -- rules`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub lint: LintArgs,
}

#[derive(clap::Args, Debug, Default, Clone)]
pub struct LintArgs {
    /// Files or directories to lint (a file lints its whole module directory) [default: .]
    pub paths: Vec<PathBuf>,
    /// Config file (default: nearest .bedrock-lint.hcl walking up from each path)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Report format (default: human on a terminal, compact otherwise)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE instead of stdout (`-`: stdout)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write a report in FORMAT to FILE (`-`: stdout); repeat for several,
    /// e.g. --output-format sarif=out.sarif --output-format github=-
    #[arg(long, value_name = "FORMAT=FILE", value_parser = parse_target)]
    pub output_format: Vec<ReportTarget>,
    /// Exit 1 when a finding at or above this severity remains
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Only these rules (comma list of codes, names or prefixes such as BL1)
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,
    /// Skip these rules (comma list of codes, names or prefixes)
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// Apply safe fixes to the files
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff: include unsafe fixes (they change permissions)
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
    /// Report only findings not in this earlier --format json report
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Report only findings on lines changed since REV, or absent at REV
    #[arg(long, value_name = "REV")]
    pub new_from_rev: Option<String>,
    /// Lint the text on stdin as the content of PATH (the rest of its module is read
    /// from disk)
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Print how many findings each rule has instead of the findings
    #[arg(long)]
    pub statistics: bool,
    /// Colour in the human report: auto (on a terminal, unless NO_COLOR is set),
    /// always, never
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
    /// Plain output without colour (as --color never; also: NO_COLOR)
    #[arg(long, conflicts_with = "color")]
    pub no_color: bool,
    /// Only findings; no summary or notes
    #[arg(short, long)]
    pub quiet: bool,
    /// Also list suppressed findings
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The access map: every principal, its Bedrock actions, trust and session
    Access(AccessArgs),
    /// List rules (code, name, severity, summary)
    Rules {
        /// Output format
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Print a rule's documentation
    Explain {
        /// A rule code (BL101) or name (invoke-any-model)
        #[arg(value_name = "RULE")]
        rule: String,
    },
    /// Write a commented starter .bedrock-lint.hcl in the current directory
    Init {
        /// Overwrite an existing .bedrock-lint.hcl
        #[arg(long)]
        force: bool,
    },
    /// Print shell completions (e.g. bedrock-lint completions bash > /etc/bash_completion.d/bedrock-lint)
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Language server on stdio
    Lsp,
    /// What a change does to Bedrock access since BASE (a git revision or a directory)
    Diff(DiffArgs),
}

#[derive(clap::Args, Debug, Default, Clone)]
pub struct AccessArgs {
    /// Files or directories to map (a file maps its whole module directory) [default: .]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: AccessFormat,
    /// Write the map to FILE instead of stdout (`-`: stdout)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Config file (default: nearest .bedrock-lint.hcl walking up from each path)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// A Terraform plan JSON (also detected by content)
    #[arg(long, value_name = "FILE")]
    pub plan: Vec<PathBuf>,
    /// Extra variable values, as terraform plan -var-file
    #[arg(long, value_name = "FILE")]
    pub var_file: Vec<PathBuf>,
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

/// One report of a run: a format and where it goes (`None`: stdout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportTarget {
    pub format: Format,
    pub path: Option<PathBuf>,
}

fn parse_target(s: &str) -> Result<ReportTarget, String> {
    let (name, file) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=FILE (e.g. sarif=out.sarif), got \"{s}\""))?;
    let format = Format::from_str(name, true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        format!("unknown format \"{name}\" (one of: {})", names.join(", "))
    })?;
    if file.is_empty() {
        return Err(format!("no file after \"{name}=\" (use - for stdout)"));
    }
    Ok(ReportTarget {
        format,
        path: (file != "-").then(|| PathBuf::from(file)),
    })
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AccessFormat {
    #[default]
    Table,
    Json,
    Markdown,
    Dot,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum RulesFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Note,
    Never,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// `bedrock-lint diff`'s formats.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    Human,
    Markdown,
    Json,
    Sarif,
}

#[derive(clap::Args, Debug, Clone)]
pub struct DiffArgs {
    /// A git revision (origin/main, a commit) or a directory holding the base tree
    pub base: String,
    /// Files or directories to compare (default: .)
    pub paths: Vec<PathBuf>,
    /// Report format (default: human on a terminal, markdown otherwise)
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
    /// Write the report to FILE instead of stdout
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// One more report: FORMAT=FILE (`-` for stdout); repeatable
    #[arg(long, value_name = "FORMAT=FILE")]
    pub output_format: Vec<String>,
    /// Exit 1 when a new finding is at or above this severity
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Config file (default: nearest .bedrock-lint.hcl), used for both sides
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Only these rules (comma list of codes, names or prefixes)
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Extra variable values for both sides, as terraform plan -var-file
    #[arg(long, value_name = "FILE")]
    pub var_file: Vec<PathBuf>,
    /// Links in the markdown report: URL the repository's files are under
    /// (e.g. https://github.com/o/r/blob/SHA)
    #[arg(long, value_name = "URL", env = "BEDROCK_LINT_LINK_BASE")]
    pub link_base: Option<String>,
    /// Plain output without colour (also: NO_COLOR)
    #[arg(long)]
    pub no_color: bool,
    /// No summary on stderr
    #[arg(short, long)]
    pub quiet: bool,
}
