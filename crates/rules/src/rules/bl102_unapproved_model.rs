//! BL102 unapproved-model: see rules/BL102-unapproved-model.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL102",
    name: "unapproved-model",
    severity: Severity::Error,
    group: "model-scope",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
