//! The `bedrock-lint` command line: a thin shell over `bedrock_lint_rules::lint`.
//! Only this crate prints.

pub mod args;
pub mod baseline;
pub mod commands;
pub mod error;
pub mod fix;
pub mod input;
pub mod lsp;
pub mod output;
pub mod render;
pub mod run;
pub mod terminal;

pub use run::run;
