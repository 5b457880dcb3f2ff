//! BL406 human-and-pipeline-trust-mixed: see rules/BL406-human-and-pipeline-trust-mixed.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL406",
    name: "human-and-pipeline-trust-mixed",
    severity: Severity::Warning,
    group: "sessions-and-trust",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
