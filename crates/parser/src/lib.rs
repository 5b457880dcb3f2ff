//! bedrock-lint-parser: Terraform files (HCL, `.tf.json`, tfvars, plan JSON) into one
//! spanned model, with a partial evaluator that is honest about unknown values.

pub mod eval;
pub mod model;
pub mod plan;
pub mod span;
pub mod syntax;
pub mod value;

pub use model::{build, load::LoadOptions, Mode, Model, Resource, UninstalledModule};
pub use span::{FileId, Files, LineCol, SourceFile, Span};
pub use value::{Entry, Hole, Kind, Part, Template, Unknown, Value, WellKnown};
