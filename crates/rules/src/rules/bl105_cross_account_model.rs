//! BL105 cross-account-model: see rules/BL105-cross-account-model.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL105",
    name: "cross-account-model",
    severity: Severity::Warning,
    group: "model-scope",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
