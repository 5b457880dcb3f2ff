//! BL402 oidc-subject-unscoped: see rules/BL402-oidc-subject-unscoped.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL402",
    name: "oidc-subject-unscoped",
    severity: Severity::Error,
    group: "sessions-and-trust",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
