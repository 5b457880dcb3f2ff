//! BL405 role-shared-across-environments: see rules/BL405-role-shared-across-environments.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL405",
    name: "role-shared-across-environments",
    severity: Severity::Warning,
    group: "sessions-and-trust",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
