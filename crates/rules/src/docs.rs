//! The rule documents (rules/*.md), embedded: the one source for `explain`, SARIF help
//! and hover.

use crate::rule_id::RuleId;

include!(concat!(env!("OUT_DIR"), "/docs_list.rs"));

/// The Markdown documentation of a rule.
pub fn doc(rule: RuleId) -> Option<&'static str> {
    DOCS.iter()
        .find(|(f, _)| f.starts_with(&format!("{}-", rule.code())))
        .map(|(_, d)| *d)
}

/// The body without front matter.
pub fn body(rule: RuleId) -> Option<&'static str> {
    let d = doc(rule)?;
    let rest = d.strip_prefix("---")?;
    let end = rest.find("\n---")?;
    Some(rest[end + 4..].trim_start())
}

/// Front matter `key: value` of a rule's doc.
pub fn front_matter(rule: RuleId, key: &str) -> Option<&'static str> {
    let d = doc(rule)?;
    let rest = d.strip_prefix("---")?;
    let fm = &rest[..rest.find("\n---")?];
    fm.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(str::trim))
}

/// The one-line summary: the first paragraph after the title.
pub fn summary(rule: RuleId) -> &'static str {
    body(rule)
        .and_then(|b| {
            b.lines()
                .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
                .find(|l| !l.trim().is_empty())
        })
        .unwrap_or("")
}

pub fn all() -> &'static [(&'static str, &'static str)] {
    DOCS
}
