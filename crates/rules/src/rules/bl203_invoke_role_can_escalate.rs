//! BL203 invoke-role-can-escalate: see rules/BL203-invoke-role-can-escalate.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL203",
    name: "invoke-role-can-escalate",
    severity: Severity::Error,
    group: "role-separation",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
