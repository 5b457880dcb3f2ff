//! Permissions boundaries (RULES.md "Permissions boundary"): IAM evaluates the
//! intersection of a principal's identity policies and its boundary, so a known
//! boundary removes the grants it does not allow and narrows the wider ones.

use super::grants::{applies, statement_grants, Granted};
use super::policy::{Effect, PolicyDoc, Statement};
use crate::catalog::{catalog, wildcard_match};
use crate::date::Date;
use std::collections::HashMap;

/// What a boundary allows, per action; computed once per boundary.
pub type Allowed = HashMap<&'static str, Option<Vec<String>>>;

/// What a permissions boundary allows: per catalog action, the resource patterns
/// (`None`: every resource, through `NotResource` or an unknown pattern read
/// generously — the boundary then narrows nothing for that action).
pub fn allowed(doc: &PolicyDoc, today: Date) -> Allowed {
    let mut out: Allowed = HashMap::new();
    for st in doc
        .statements
        .iter()
        .filter(|st| !crate::date::expired(st, today))
    {
        let g = statement_grants(st);
        for x in g.granted.iter() {
            let entry = out.entry(x.action.name.as_str()).or_insert(Some(vec![]));
            let patterns: Option<Vec<String>> = if x.not_resource || g.unknown.is_some() {
                None
            } else {
                let res = st.resource.as_ref();
                Some(
                    x.resources
                        .iter()
                        .filter_map(|&i| res?.items.get(i)?.pattern().map(str::to_string))
                        .collect(),
                )
            };
            match (entry.as_mut(), patterns) {
                (Some(list), Some(p)) => list.extend(p),
                _ => *entry = None,
            }
        }
        // An unknown action in the boundary may allow anything: it narrows nothing.
        if g.unknown.is_some() && st.effect == Effect::Allow {
            for act in &catalog().actions {
                out.insert(act.name.as_str(), None);
            }
        }
    }
    out
}

/// Narrows one grant to what the boundary allows (RULES.md "Permissions boundary");
/// `false` when the boundary allows none of it.
pub(super) fn intersect(gr: &mut Granted, st: &Statement, allowed: &Allowed) -> bool {
    let Some(entry) = allowed.get(gr.action.name.as_str()) else {
        return false; // the boundary does not allow the action at all
    };
    let Some(bounds) = entry else {
        return true; // allowed on every resource: nothing narrowed
    };
    let covers = |b: &str, t: &str| b == "*" || wildcard_match(b, t);
    let res = st.resource.as_ref();
    let written: Vec<(usize, String)> = gr
        .resources
        .iter()
        .filter_map(|&i| Some((i, res?.items.get(i)?.pattern()?.to_string())))
        .collect();
    let mut kept = Vec::new();
    let mut narrowed: Vec<String> = Vec::new();
    for (i, t) in &written {
        if bounds.iter().any(|b| covers(b, t)) {
            kept.push(*i);
            continue;
        }
        // The boundary allows part of what is written: those parts remain.
        for b in bounds
            .iter()
            .filter(|b| covers(t, b) && applies(gr.action, b))
        {
            if !narrowed.contains(b) {
                narrowed.push(b.clone());
            }
        }
    }
    if gr.not_resource {
        narrowed.extend(bounds.iter().filter(|b| applies(gr.action, b)).cloned());
    }
    // Written elements with an unknown text stay (never guessed away).
    let unknown: Vec<usize> = gr
        .resources
        .iter()
        .copied()
        .filter(|i| !written.iter().any(|(w, _)| w == i))
        .collect();
    kept.extend(unknown);
    gr.resources = kept;
    gr.narrowed = narrowed;
    if gr.not_resource && !gr.narrowed.is_empty() {
        gr.not_resource = false;
    }
    !gr.resources.is_empty() || !gr.narrowed.is_empty() || gr.not_resource
}

/// Does a boundary (as [`allowed`] read it) allow `action` on everything the pattern
/// `text` matches?
pub fn covers(allowed: &Allowed, action: &str, text: &str) -> bool {
    match allowed.get(action) {
        None => false,
        Some(None) => true,
        Some(Some(bounds)) => bounds.iter().any(|b| b == "*" || wildcard_match(b, text)),
    }
}
