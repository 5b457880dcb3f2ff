//! bedrock-lint-rules: the IAM view over the Terraform model, every rule, ignore
//! comments, fixes, and the one `lint()` entry point the CLI and language server share.

pub mod catalog;
pub mod date;
pub mod iam;
