//! BL304 bedrock-api-key: see rules/BL304-bedrock-api-key.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL304",
    name: "bedrock-api-key",
    severity: Severity::Error,
    group: "credentials",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
