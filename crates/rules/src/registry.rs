//! The rule tables generated from the one list in `rule_id.rs`: each rule's metadata
//! (declared in its own file, `rules/blNNN_name.rs`) and its check, and the engine
//! that runs the checks.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::{for_each_rule, RuleId, ALL};
use crate::rules::*;

macro_rules! declare_tables {
    ($($variant:ident => $module:ident,)*) => {
        impl RuleId {
            pub fn meta(self) -> &'static Meta {
                match self { $(RuleId::$variant => &$module::META,)* }
            }
        }

        type Check = fn(&Ctx, &mut Vec<Diagnostic>);

        const CHECKS: &[(RuleId, Check)] = &[$((RuleId::$variant, $module::check),)*];
    };
}

for_each_rule!(declare_tables);

/// Runs every enabled rule's check over the IAM view. Rules are pure and
/// independent, so they run in parallel; the report is sorted afterwards.
pub(crate) fn run_all(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    use rayon::prelude::*;
    ctx.prepare();
    let found: Vec<Vec<Diagnostic>> = CHECKS
        .par_iter()
        .filter(|(id, _)| ctx.config.enabled(*id))
        .map(|(_, check)| {
            let mut v = Vec::new();
            check(ctx, &mut v);
            v
        })
        .collect();
    out.extend(found.into_iter().flatten());
}

impl RuleId {
    pub fn code(self) -> &'static str {
        self.meta().code
    }

    pub fn name(self) -> &'static str {
        self.meta().name
    }

    pub fn default_severity(self) -> Severity {
        self.meta().severity
    }

    /// A code (`BL101`) or name (`invoke-any-model`), case-insensitive for codes.
    pub fn from_code_or_name(s: &str) -> Option<RuleId> {
        ALL.iter()
            .copied()
            .find(|r| r.code().eq_ignore_ascii_case(s) || r.name() == s)
    }

    /// Codes, names or prefixes (`BL1`, `BL20`) to rules.
    pub fn matching(selector: &str) -> Vec<RuleId> {
        if let Some(r) = Self::from_code_or_name(selector) {
            return vec![r];
        }
        let up = selector.to_ascii_uppercase();
        if up.starts_with("BL") && !up.is_empty() {
            return ALL
                .iter()
                .copied()
                .filter(|r| r.code().starts_with(&up))
                .collect();
        }
        vec![]
    }
}
