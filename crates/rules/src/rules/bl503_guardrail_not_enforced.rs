//! BL503 guardrail-not-enforced: see rules/BL503-guardrail-not-enforced.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL503",
    name: "guardrail-not-enforced",
    severity: Severity::Warning,
    group: "governance",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
