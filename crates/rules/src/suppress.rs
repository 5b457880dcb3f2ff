//! Ignore comments, applied once after every rule has run (no rule knows of them).
//! `# bedrock-lint:ignore BL101,invoke-any-model until=2027-01-31 reason="..."`
//! covers the line it ends, or the block/attribute on the line below it;
//! `# bedrock-lint:ignore-file ...` covers the file.

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Edit};
use crate::rule_id::RuleId;
use bedrock_lint_parser::model::load::Parsed;
use bedrock_lint_parser::syntax::ast::Body;
use bedrock_lint_parser::{FileId, Model, SourceFile, Span};

#[derive(Debug, Clone)]
pub struct Ignore {
    pub span: Span,
    pub rules: Vec<RuleId>,
    /// Codes or names that name no rule (reported as part of BL903).
    pub unknown: Vec<String>,
    pub until: Option<(Date, String)>,
    pub reason: Option<String>,
    /// Byte range covered in the file.
    pub covers: (usize, usize),
    pub used: bool,
}

const MARK: &str = "bedrock-lint:ignore";

/// Parses the directive text after `#`/`//`; `None` if it is not one.
/// (whole file, codes, until, reason)
type Directive = (bool, Vec<String>, Option<String>, Option<String>);

fn directive(text: &str) -> Option<Directive> {
    let t = text.trim_start_matches(['/', '*']).trim();
    let rest = t.strip_prefix(MARK)?;
    let (file, rest) = match rest.strip_prefix("-file") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let mut codes = Vec::new();
    let (mut until, mut reason) = (None, None);
    let mut rest = rest.trim();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("reason=") {
            let (val, tail) = if let Some(q) = r.strip_prefix('"') {
                match q.find('"') {
                    Some(e) => (&q[..e], &q[e + 1..]),
                    None => (q, ""),
                }
            } else {
                r.split_once(char::is_whitespace).unwrap_or((r, ""))
            };
            reason = Some(val.to_string());
            rest = tail.trim();
            continue;
        }
        let (word, tail) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        if let Some(d) = word.strip_prefix("until=") {
            until = Some(d.to_string());
        } else {
            codes.extend(
                word.split(',')
                    .filter(|c| !c.is_empty())
                    .map(str::to_string),
            );
        }
        rest = tail.trim();
    }
    Some((file, codes, until, reason))
}

/// Is this comment text (after `#` or `//`) an ignore directive?
pub fn is_directive(comment: &str) -> bool {
    directive(comment).is_some()
}

/// The "ignore with expiry" edit for a finding: `# bedrock-lint:ignore CODE
/// until=DATE reason="TODO: why"` inserted above the line the finding starts on,
/// indented like it, with the file's line ending. The language server's action and
/// any other caller write ignore comments only through this.
pub fn ignore_edit(file: &SourceFile, d: &Diagnostic, until: &str) -> Edit {
    let line = file.line_index(d.span.start as usize);
    let text = file.line_text(line);
    let indent: String = text
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let start = file.line_start(line);
    let next = file.line_start(line + 1);
    let eol = if file.text[start..next].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Edit {
        span: Span::new(d.span.file, start, start),
        replacement: format!(
            "{indent}# {MARK} {} until={until} reason=\"TODO: why\"{eol}",
            d.rule.code()
        ),
    }
}

/// Does an ignore comment in this file need its syntax tree (to find the block or
/// attribute it stands above)? Only files with an ignore comment do.
pub fn reads_syntax(parsed: &Parsed) -> bool {
    parsed.comments.iter().any(|c| directive(&c.text).is_some())
}

pub fn collect(model: &Model) -> Vec<Ignore> {
    let mut out = Vec::new();
    for (fid, file) in model.files.iter() {
        let Some(parsed) = model.parsed(fid) else {
            continue;
        };
        for c in &parsed.comments {
            let Some((whole_file, codes, until, reason)) = directive(&c.text) else {
                continue;
            };
            let mut rules = Vec::new();
            let mut unknown = Vec::new();
            for code in codes {
                match RuleId::from_code_or_name(&code) {
                    Some(r) => rules.push(r),
                    None => unknown.push(code),
                }
            }
            let line = file.line_index(c.start);
            let line_start = file.line_start(line);
            let own_line = file.text[line_start..c.start].trim().is_empty();
            let covers = if whole_file {
                (0, file.text.len())
            } else if own_line {
                next_structure(parsed.body.as_ref(), file, fid, line + 1)
            } else {
                (line_start, file.line_start(line + 1))
            };
            out.push(Ignore {
                span: Span::new(fid, c.start, c.end),
                rules,
                unknown,
                until: until
                    .as_deref()
                    .map(|u| (Date::parse(u), u.to_string()))
                    .and_then(|(d, s)| d.map(|d| (d, s))),
                reason,
                covers,
                used: false,
            });
        }
    }
    out
}

/// The block or attribute that starts on the first code line at or after `line`.
fn next_structure(
    body: Option<&Body>,
    file: &bedrock_lint_parser::SourceFile,
    fid: FileId,
    mut line: usize,
) -> (usize, usize) {
    // Skip further comment lines (several ignore comments may stack).
    while line < file.line_count() {
        let t = file.line_text(line).trim();
        if t.starts_with('#') || t.starts_with("//") || t.is_empty() {
            line += 1;
        } else {
            break;
        }
    }
    let start = file.line_start(line);
    let end = file.line_start(line + 1);
    let mut best = (start, end);
    if let Some(body) = body {
        find_on_line(body, start, end, &mut best);
    }
    let _ = fid;
    best
}

fn find_on_line(body: &Body, start: usize, end: usize, best: &mut (usize, usize)) -> bool {
    for a in &body.attributes {
        let s = a.span.start as usize;
        if (start..end).contains(&s) {
            *best = (start, (a.span.end as usize).max(end));
            return true;
        }
        if s < start && (a.span.end as usize) > start {
            // Inside a multi-line attribute (an object): find nested keys line by line.
            if let bedrock_lint_parser::syntax::ast::ExprKind::Object(items) = &a.value.kind {
                for it in items {
                    let ks = it.key_span.start as usize;
                    if (start..end).contains(&ks) {
                        *best = (start, (it.value.span.end as usize).max(end));
                        return true;
                    }
                }
            }
        }
    }
    for b in &body.blocks {
        let s = b.span.start as usize;
        if (start..end).contains(&s) {
            *best = (start, (b.span.end as usize).max(end));
            return true;
        }
        if s < start && (b.span.end as usize) > start && find_on_line(&b.body, start, end, best) {
            return true;
        }
    }
    false
}

/// Marks suppressed findings and adds BL901, BL902 and BL903.
pub fn apply(
    model: &Model,
    config: &crate::config::Config,
    today: Date,
    diags: &mut Vec<Diagnostic>,
) {
    let mut ignores = collect(model);
    let mut extra = Vec::new();
    for d in diags.iter_mut() {
        if matches!(d.rule, RuleId::Bl901 | RuleId::Bl902 | RuleId::Bl903)
            || !config.ignorable(d.rule)
        {
            continue;
        }
        for ig in ignores.iter_mut() {
            let inside = ig.span.file == d.span.file
                && (ig.covers.0..ig.covers.1.max(ig.covers.0 + 1))
                    .contains(&(d.span.start as usize));
            if !inside || !ig.rules.contains(&d.rule) {
                continue;
            }
            ig.used = true;
            match &ig.until {
                Some((date, text)) if *date < today => {
                    extra.push(
                        Diagnostic::new(RuleId::Bl902, ig.span, format!("ignore comment for {} expired on {text}; the finding is reported again", d.rule.code()))
                            .label(Some(d.span), "the finding it hid")
                            .help("fix the finding, or renew the exception with a new until= date and reason"),
                    );
                }
                _ => d.suppressed = true,
            }
        }
    }
    for ig in &ignores {
        if ig.until.is_none() {
            extra.push(
                Diagnostic::new(RuleId::Bl901, ig.span, "ignore comment has no expiry date").help(
                    "add until=YYYY-MM-DD (and reason=\"...\") so the exception is time-bound",
                ),
            );
        }
        if !ig.used {
            let what = if ig.unknown.is_empty() {
                ig.rules
                    .iter()
                    .map(|r| r.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                format!("unknown rule {}", ig.unknown.join(", "))
            };
            extra.push(
                Diagnostic::new(RuleId::Bl903, ig.span, format!("ignore comment suppresses nothing ({what})"))
                    .help("remove the comment, or move it onto the line of the finding or just above its block"),
            );
        }
    }
    for e in extra {
        if config.enabled(e.rule) {
            diags.push(e);
        }
    }
}
