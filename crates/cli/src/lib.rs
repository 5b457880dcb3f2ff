//! The `bedrock-lint` command line: a thin shell over `bedrock_lint_rules::lint`.
//! Only this crate prints.

pub mod access;
pub mod args;
pub mod baseline;
pub mod fix;
pub mod lsp;
pub mod render;
pub mod run;

pub use run::run;
