//! BL401 session-too-long: see rules/BL401-session-too-long.md.

use crate::context::Ctx;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL401",
    name: "session-too-long",
    severity: Severity::Warning,
    group: "sessions-and-trust",
    fix: Some(Applicability::Unsafe),
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
