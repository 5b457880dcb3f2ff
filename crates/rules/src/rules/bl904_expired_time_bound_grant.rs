//! BL904 expired-time-bound-grant: see rules/BL904-expired-time-bound-grant.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL904",
    name: "expired-time-bound-grant",
    severity: Severity::Note,
    group: "linter",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
