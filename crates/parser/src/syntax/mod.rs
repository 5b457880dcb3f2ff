//! Reading one file's text into the shared syntax tree.

pub mod ast;
pub mod comments;
mod dup_keys;
mod fast;
pub mod hcl;
pub mod json;
mod literal;
mod newlines;
pub mod tfjson;

/// A file that does not parse: the message and the byte offset of the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub offset: usize,
}
