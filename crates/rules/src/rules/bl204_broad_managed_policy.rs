//! BL204 broad-managed-policy: see rules/BL204-broad-managed-policy.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL204",
    name: "broad-managed-policy",
    severity: Severity::Error,
    group: "role-separation",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
