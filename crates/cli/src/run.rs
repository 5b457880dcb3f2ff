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
            commands::access::command(&args, format, None)
        }
        Some(Command::Rules) => commands::rules::command(),
        Some(Command::Explain { rule }) => commands::explain::command(&rule),
        Some(Command::Init { force }) => commands::init::command(force),
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
