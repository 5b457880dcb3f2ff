//! BL404 trust-any-principal: see rules/BL404-trust-any-principal.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL404",
    name: "trust-any-principal",
    severity: Severity::Error,
    group: "sessions-and-trust",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
