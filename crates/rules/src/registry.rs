//! The one list of rules. It generates [`RuleId`]; each rule's metadata lives in its
//! own file (`rules/blNNN_name.rs`). Inside the code rules are `RuleId`s; codes and
//! names appear only at the edges (config, ignore comments, output).

use crate::diagnostic::Severity;
use crate::rules::*;

/// A rule's metadata, declared at the top of its file.
#[derive(Debug, Clone, Copy)]
pub struct Meta {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub group: &'static str,
    /// The fix it offers, if any.
    pub fix: Option<crate::diagnostic::Applicability>,
    /// Framework references (OWASP NHI Top 10, NIST AI RMF), for SARIF tags and reports.
    pub frameworks: &'static [&'static str],
}

macro_rules! declare_rules {
    ($($variant:ident => $module:ident,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId { $($variant,)* }

        pub const ALL: &[RuleId] = &[$(RuleId::$variant,)*];

        impl RuleId {
            pub fn meta(self) -> &'static Meta {
                match self { $(RuleId::$variant => &$module::META,)* }
            }
        }

        type Check = fn(&crate::context::Ctx, &mut Vec<crate::Diagnostic>);

        const CHECKS: &[(RuleId, Check)] = &[$((RuleId::$variant, $module::check),)*];

        /// Runs every enabled rule's check over the IAM view. Rules are pure and
        /// independent, so they run in parallel; the report is sorted afterwards.
        pub(crate) fn run_all(ctx: &crate::context::Ctx, out: &mut Vec<crate::Diagnostic>) {
            use rayon::prelude::*;
            let found: Vec<Vec<crate::Diagnostic>> = CHECKS
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
    };
}

declare_rules! {
    Bl101 => bl101_invoke_any_model,
    Bl102 => bl102_unapproved_model,
    Bl103 => bl103_unapproved_region,
    Bl104 => bl104_bedrock_action_wildcard,
    Bl105 => bl105_cross_account_model,
    Bl106 => bl106_invoke_any_agent,
    Bl201 => bl201_invoke_and_admin_mixed,
    Bl202 => bl202_invoke_role_reads_secrets,
    Bl203 => bl203_invoke_role_can_escalate,
    Bl204 => bl204_broad_managed_policy,
    Bl301 => bl301_static_key_for_bedrock,
    Bl302 => bl302_bedrock_granted_to_user,
    Bl303 => bl303_hardcoded_credentials,
    Bl304 => bl304_bedrock_api_key,
    Bl401 => bl401_session_too_long,
    Bl402 => bl402_oidc_subject_unscoped,
    Bl403 => bl403_oidc_subject_any_ref,
    Bl404 => bl404_trust_any_principal,
    Bl405 => bl405_role_shared_across_environments,
    Bl406 => bl406_human_and_pipeline_trust_mixed,
    Bl501 => bl501_invocation_logging_missing,
    Bl502 => bl502_invocation_logging_incomplete,
    Bl503 => bl503_guardrail_not_enforced,
    Bl504 => bl504_agent_without_guardrail,
    Bl900 => bl900_parse_error,
    Bl901 => bl901_suppression_without_expiry,
    Bl902 => bl902_suppression_expired,
    Bl903 => bl903_unused_suppression,
    Bl904 => bl904_expired_time_bound_grant,
    Bl905 => bl905_undecidable_policy,
    Bl910 => bl910_invalid_policy_document,
    Bl911 => bl911_unknown_bedrock_action,
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
