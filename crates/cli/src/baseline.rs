//! `--baseline FILE`: hide findings already present in an earlier `--format json`
//! report.
//!
//! A finding matches a baseline entry by its identity (`Diagnostic::key`, written to
//! the JSON report as `fingerprint`: rule, address, the text it points at), which
//! depends on no line or column number, so inserting or removing lines above a known
//! finding does not bring it back. Reports written before the fingerprint existed
//! match on code, anchor and message. Matching counts occurrences: two identical
//! findings in the baseline hide at most two today.

use crate::error::Failure;
use bedrock_lint_rules::{Diagnostic, Report};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// A baseline entry: the finding's fingerprint, or for an older report the
/// code, anchor and message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    Fingerprint(String),
    Legacy {
        code: String,
        anchor: String,
        message: String,
    },
}

/// The findings of an earlier report, by key, with their counts.
#[derive(Debug, Default)]
pub struct Baseline {
    counts: HashMap<Key, usize>,
}

impl Baseline {
    /// Reads a JSON report; a missing or malformed file is a failure (exit 2).
    pub fn load(path: &Path) -> Result<Baseline, Failure> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure(format!("baseline {}: {e}", path.display())))?;
        Baseline::parse(&text).map_err(|e| {
            Failure(format!(
                "baseline {}: {e} (expected a report written by `bedrock-lint --format json`)",
                path.display()
            ))
        })
    }

    pub fn parse(text: &str) -> Result<Baseline, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        match v.get("version").and_then(Value::as_u64) {
            Some(1) => {}
            Some(n) => return Err(format!("report version {n} is not supported (only 1)")),
            None => return Err("no \"version\" field".into()),
        }
        let diags = v
            .get("diagnostics")
            .and_then(Value::as_array)
            .ok_or("no \"diagnostics\" array")?;
        let mut counts = HashMap::new();
        for (i, d) in diags.iter().enumerate() {
            if d.get("suppressed").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            let s = |k: &str| d.get(k).and_then(Value::as_str).map(str::to_string);
            let (Some(code), Some(message)) = (s("code"), s("message")) else {
                return Err(format!("diagnostic {i} lacks \"code\" or \"message\""));
            };
            let anchor = s("address")
                .or_else(|| s("principal"))
                .or_else(|| s("file"));
            let key = match s("fingerprint") {
                Some(f) => Key::Fingerprint(f),
                None => Key::Legacy {
                    code,
                    anchor: anchor.unwrap_or_default(),
                    message,
                },
            };
            *counts.entry(key).or_insert(0) += 1;
        }
        Ok(Baseline { counts })
    }

    /// Removes the unsuppressed findings of `report` the baseline knows; returns how
    /// many were removed.
    pub fn filter(&self, report: &mut Report) -> usize {
        let mut left = self.counts.clone();
        let files = &report.model.files;
        let before = report.diagnostics.len();
        report.diagnostics.retain(|d| {
            if d.suppressed {
                return true;
            }
            let path = files.get(d.span.file).path.display().to_string();
            let keys = [
                Key::Fingerprint(d.key(files).fingerprint()),
                legacy_key(d, &path),
            ];
            for k in &keys {
                if let Some(n) = left.get_mut(k).filter(|n| **n > 0) {
                    *n -= 1;
                    return false;
                }
            }
            true
        });
        before - report.diagnostics.len()
    }
}

/// The legacy key of a live finding; `path` is its file as the JSON report prints it.
fn legacy_key(d: &Diagnostic, path: &str) -> Key {
    Key::Legacy {
        code: d.rule.code().to_string(),
        anchor: d
            .address
            .clone()
            .or_else(|| d.principal.clone())
            .unwrap_or_else(|| path.to_string()),
        message: d.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_is_not_a_report() {
        assert!(Baseline::parse("[]").is_err());
        assert!(Baseline::parse("{\"version\": 2, \"diagnostics\": []}").is_err());
        assert!(Baseline::parse("{\"version\": 1}").is_err());
        assert!(Baseline::parse("not json").is_err());
        assert!(Baseline::parse("{\"version\": 1, \"diagnostics\": []}").is_ok());
    }

    #[test]
    fn counts_occurrences_and_skips_suppressed() {
        let b = Baseline::parse(
            r#"{"version": 1, "diagnostics": [
                {"code": "BL101", "message": "m", "file": "a.tf", "address": "x", "suppressed": false},
                {"code": "BL101", "message": "m", "file": "a.tf", "address": "x", "suppressed": false},
                {"code": "BL102", "message": "m", "file": "a.tf", "suppressed": true}
            ]}"#,
        )
        .unwrap();
        let k = Key::Legacy {
            code: "BL101".into(),
            anchor: "x".into(),
            message: "m".into(),
        };
        assert_eq!(b.counts.get(&k), Some(&2));
        assert_eq!(b.counts.len(), 1);
    }
}
