//! `bedrock-lint completions SHELL`: shell completions generated from the argument
//! definitions by clap_complete, so they never drift from the real options.

use crate::args::Cli;
use crate::error::Failure;
use crate::output::stdout;
use clap::CommandFactory;
use clap_complete::Shell;

pub fn command(shell: Shell) -> Result<i32, Failure> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "bedrock-lint", &mut buf);
    let text = String::from_utf8(buf).map_err(|e| Failure(format!("completions: {e}")))?;
    stdout(&text)?;
    Ok(0)
}
