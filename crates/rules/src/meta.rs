//! What each rule declares at the top of its file.

use crate::diagnostic::{Applicability, Severity};

/// A rule's metadata, declared at the top of its file.
#[derive(Debug, Clone, Copy)]
pub struct Meta {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub group: &'static str,
    /// The fix it offers, if any.
    pub fix: Option<Applicability>,
    /// Framework references (OWASP NHI Top 10, NIST AI RMF), for SARIF tags and reports.
    pub frameworks: &'static [&'static str],
}
