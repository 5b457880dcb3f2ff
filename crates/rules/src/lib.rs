//! bedrock-lint-rules: the IAM view over the Terraform model, every rule, ignore
//! comments, fixes, and the one `lint()` entry point the CLI and language server share.

pub mod catalog;
pub mod config;
pub mod configs;
pub mod context;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod docs;
pub mod fix;
pub mod iam;
pub mod lint;
pub mod meta;
pub mod registry;
pub mod rule_id;
pub mod rules;
pub mod suppress;
pub mod visit;

pub use config::Config;
pub use date::Date;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Key, Label, Severity};
pub use lint::{analyse, lint, lint_model, LintInput, Report};
pub use meta::Meta;
pub use rule_id::{RuleId, ALL};
