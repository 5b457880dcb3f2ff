//! BL104 bedrock-action-wildcard: see rules/BL104-bedrock-action-wildcard.md.

use crate::context::Ctx;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL104",
    name: "bedrock-action-wildcard",
    severity: Severity::Error,
    group: "model-scope",
    fix: Some(Applicability::Unsafe),
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
