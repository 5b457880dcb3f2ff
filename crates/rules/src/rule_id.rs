//! The one list of rules and the [`RuleId`] it generates. A leaf module: the list is a
//! macro, so `registry.rs` builds the metadata and check tables from the same list
//! while diagnostics and config name rules without importing the registry.

/// Calls `$m!` with every rule as `Variant => module`, in code order.
macro_rules! for_each_rule {
    ($m:ident) => {
        $m! {
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
    };
}
pub(crate) use for_each_rule;

macro_rules! declare_ids {
    ($($variant:ident => $module:ident,)*) => {
        /// Inside the code rules are `RuleId`s; codes and names appear only at the
        /// edges (config, ignore comments, output).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId { $($variant,)* }

        /// Every rule, in code order (SARIF `ruleIndex` follows it).
        pub const ALL: &[RuleId] = &[$(RuleId::$variant,)*];
    };
}

for_each_rule!(declare_ids);
