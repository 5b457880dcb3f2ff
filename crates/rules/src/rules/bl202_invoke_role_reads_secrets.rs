//! BL202 invoke-role-reads-secrets: see rules/BL202-invoke-role-reads-secrets.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL202",
    name: "invoke-role-reads-secrets",
    severity: Severity::Warning,
    group: "role-separation",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
