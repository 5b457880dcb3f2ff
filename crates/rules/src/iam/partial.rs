//! Partly known strings (RULES.md "Partly known values"): an ARN such as
//! `arn:${data.aws_partition.current.partition}:bedrock:${var.region}::foundation-model/*`
//! is judged on its known parts. Its *skeleton* is the string with each unknown part
//! replaced by one marker character, so ARN segments keep their places and the
//! pattern functions can tell a known segment from an unknown one.

use bedrock_lint_parser::value::{Part, Template, WellKnown};

/// An unknown part with no meaning we know.
pub const HOLE: char = '\u{1}';
/// `data.aws_partition.*.partition` (or `dns_suffix`): irrelevant to every verdict.
pub const PARTITION: char = '\u{2}';
/// `data.aws_region.*`: one specific region, not a wildcard.
pub const REGION: char = '\u{3}';
/// `data.aws_caller_identity.*.account_id`: the deploying account, always approved.
pub const ACCOUNT: char = '\u{4}';

const MARKERS: [char; 4] = [HOLE, PARTITION, REGION, ACCOUNT];

/// The skeleton of a template with at least one known part; `None` when nothing of
/// the string is known.
pub fn skeleton(t: &Template) -> Option<String> {
    let known_part = t
        .parts
        .iter()
        .any(|p| matches!(p, Part::Lit(s) if !s.is_empty()));
    // A well-known data source attribute alone (`data.aws_caller_identity.x.account_id`
    // as a principal) is as good as known for the verdicts that need it.
    let well_known_alone = matches!(t.parts.as_slice(), [Part::Hole(h)] if h.well_known.is_some());
    if !known_part && !well_known_alone {
        return None;
    }
    let mut s = String::new();
    for p in &t.parts {
        match p {
            Part::Lit(l) => s.push_str(l),
            Part::Hole(h) => s.push(match h.well_known {
                Some(WellKnown::Partition | WellKnown::DnsSuffix) => PARTITION,
                Some(WellKnown::Region) => REGION,
                Some(WellKnown::AccountId) => ACCOUNT,
                None => HOLE,
            }),
        }
    }
    Some(s)
}

/// Does this (part of a) skeleton contain an unknown part?
pub fn has_hole(s: &str) -> bool {
    s.contains(MARKERS)
}

/// Is the segment exactly the deploying account?
pub fn is_deploying_account(s: &str) -> bool {
    s.len() == ACCOUNT.len_utf8() && s.starts_with(ACCOUNT)
}

/// The skeleton with every unknown part read as `*`: what the string could match.
pub fn widened(s: &str) -> String {
    s.chars()
        .map(|c| if MARKERS.contains(&c) { '*' } else { c })
        .collect()
}

/// Does an unknown part decide an ARN pattern's verdict? Only the service and the
/// resource part (type and id) do; partition, region and account do not decide
/// applicability or "any model" (the rules that judge those segments handle them).
pub fn unknown_matters(skeleton: &str) -> bool {
    let parts: Vec<&str> = skeleton.splitn(6, ':').collect();
    if parts.len() < 6 || parts[0] != "arn" {
        return has_hole(skeleton);
    }
    has_hole(parts[2]) || has_hole(parts[5])
}

/// Is every unknown part of a partly known ARN inside the resource id (after the
/// resource type's `/`), with the service and the type known? Then the string names
/// resources of one known type, and only a rule that asks *which* ones (any model,
/// any agent) needs the id.
pub fn only_id_unknown(skeleton: &str) -> bool {
    let parts: Vec<&str> = skeleton.splitn(6, ':').collect();
    if parts.len() < 6 || parts[0] != "arn" || has_hole(parts[2]) {
        return false;
    }
    match parts[5].find('/') {
        Some(slash) => !has_hole(&parts[5][..slash]),
        None => false,
    }
}

/// The unknown part that decides, named as written (`var.model` in
/// `arn:${data.aws_partition.current.partition}:bedrock:us-east-1::foundation-model/${var.model}`):
/// the first `${…}` in the service or the resource part of a partly known ARN shown
/// with its `${…}` parts. `None` when no such part is found.
pub fn deciding_part(shown: &str) -> Option<String> {
    // ARN segments, `:` inside `${…}` not counted.
    let mut segments: Vec<String> = vec![String::new()];
    let mut depth = 0usize;
    let mut chars = shown.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' if chars.peek() == Some(&'{') => {
                depth += 1;
                segments.last_mut()?.push(c);
                continue;
            }
            '}' if depth > 0 => depth -= 1,
            ':' if depth == 0 && segments.len() < 6 => {
                segments.push(String::new());
                continue;
            }
            _ => {}
        }
        segments.last_mut()?.push(c);
    }
    let deciding = [segments.get(2), segments.get(5)];
    let found = deciding.into_iter().flatten().find_map(|seg| {
        let start = seg.find("${")? + 2;
        let mut depth = 1;
        for (i, c) in seg[start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(seg[start..start + i].to_string());
                    }
                }
                _ => {}
            }
        }
        None
    });
    found
}
