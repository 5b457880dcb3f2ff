//! BL201 invoke-and-admin-mixed: see rules/BL201-invoke-and-admin-mixed.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL201",
    name: "invoke-and-admin-mixed",
    severity: Severity::Error,
    group: "role-separation",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
