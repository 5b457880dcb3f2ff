//! BL403 oidc-subject-any-ref: see rules/BL403-oidc-subject-any-ref.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL403",
    name: "oidc-subject-any-ref",
    severity: Severity::Warning,
    group: "sessions-and-trust",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
