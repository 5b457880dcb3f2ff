//! BL905 undecidable-policy: see rules/BL905-undecidable-policy.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL905",
    name: "undecidable-policy",
    severity: Severity::Note,
    group: "linter",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
