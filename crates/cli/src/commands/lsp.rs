//! `bedrock-lint lsp`: the language server on stdio (the server lives in `crate::lsp`).

use crate::error::Failure;

pub fn command() -> Result<i32, Failure> {
    crate::lsp::serve()
}
