//! BL103 unapproved-region: see rules/BL103-unapproved-region.md.

use crate::context::Ctx;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL103",
    name: "unapproved-region",
    severity: Severity::Warning,
    group: "model-scope",
    fix: Some(Applicability::Unsafe),
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
