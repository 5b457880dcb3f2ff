//! One file per rule, each the same shape: `META`, then `check` over the IAM view,
//! then its message and helpers.

pub mod bl101_invoke_any_model;
pub mod bl102_unapproved_model;
pub mod bl103_unapproved_region;
pub mod bl104_bedrock_action_wildcard;
pub mod bl105_cross_account_model;
pub mod bl106_invoke_any_agent;
pub mod bl201_invoke_and_admin_mixed;
pub mod bl202_invoke_role_reads_secrets;
pub mod bl203_invoke_role_can_escalate;
pub mod bl204_broad_managed_policy;
pub mod bl301_static_key_for_bedrock;
pub mod bl302_bedrock_granted_to_user;
pub mod bl303_hardcoded_credentials;
pub mod bl304_bedrock_api_key;
pub mod bl401_session_too_long;
pub mod bl402_oidc_subject_unscoped;
pub mod bl403_oidc_subject_any_ref;
pub mod bl404_trust_any_principal;
pub mod bl405_role_shared_across_environments;
pub mod bl406_human_and_pipeline_trust_mixed;
pub mod bl501_invocation_logging_missing;
pub mod bl502_invocation_logging_incomplete;
pub mod bl503_guardrail_not_enforced;
pub mod bl504_agent_without_guardrail;
pub mod bl900_parse_error;
pub mod bl901_suppression_without_expiry;
pub mod bl902_suppression_expired;
pub mod bl903_unused_suppression;
pub mod bl904_expired_time_bound_grant;
pub mod bl905_undecidable_policy;
pub mod bl910_invalid_policy_document;
pub mod bl911_unknown_bedrock_action;
