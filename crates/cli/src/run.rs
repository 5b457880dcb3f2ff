//! The entry point: parse the arguments, run one command, turn a failure into exit 2.

use crate::args::{Cli, Command, LintArgs};
use crate::commands;
use crate::error::Failure;
use clap::Parser;
use std::ffi::OsString;

pub fn run(argv: Vec<OsString>) -> i32 {
    let cli = match Cli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) => {
            // --help and --version print on stdout: a failed write fails the run too.
            let printed = e.print();
            if let Err(err) = &printed {
                eprintln!("bedrock-lint: cannot write to stdout: {err}");
            }
            return if e.use_stderr() || printed.is_err() {
                2
            } else {
                0
            };
        }
    };
    if let Some(name) = cli.command.as_ref().and_then(shadowed_path) {
        eprintln!(
            "bedrock-lint: note: `{name}` is the subcommand; to lint the path {name}, run `bedrock-lint ./{name}` or `bedrock-lint -- {name}`"
        );
    }
    let result = match cli.command {
        Some(Command::Access(a)) => {
            let args = LintArgs {
                paths: a.paths,
                config: a.config,
                plan: a.plan,
                var_file: a.var_file,
                ..LintArgs::default()
            };
            commands::access::command(&args, a.format, a.output.as_deref())
        }
        Some(Command::Rules { format }) => commands::rules::command(format),
        Some(Command::Explain { rule }) => commands::explain::command(&rule),
        Some(Command::Init { force }) => commands::init::command(force),
        Some(Command::Completions { shell }) => commands::completions::command(shell),
        Some(Command::Lsp) => commands::lsp::command(),
        Some(Command::Diff(args)) => commands::diff::command(&args),
        None => commands::check::command(&cli.lint),
    };
    match result {
        Ok(code) => code,
        Err(Failure(msg)) => {
            eprintln!("bedrock-lint: {msg}");
            2
        }
    }
}

/// The subcommand's name when a file or directory of that name exists here: the user
/// may have meant to lint it (`bedrock-lint rules` runs the subcommand).
fn shadowed_path(command: &Command) -> Option<&'static str> {
    let name = match command {
        Command::Access(_) => "access",
        Command::Rules { .. } => "rules",
        Command::Explain { .. } => "explain",
        Command::Init { .. } => "init",
        Command::Diff(_) => "diff",
        Command::Completions { .. } | Command::Lsp => return None,
    };
    std::path::Path::new(name).exists().then_some(name)
}
