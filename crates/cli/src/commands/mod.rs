//! One module per subcommand; `check` is the default lint run.

pub mod access;
pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod init;
pub mod lsp;
pub mod rules;
