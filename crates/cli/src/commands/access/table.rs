//! The access map as a terminal table: one line per principal, fitted to the width
//! (`COLUMNS`, the terminal, else 100) by shortening cells, never by wrapping them.
//! A shortened value always ends with `…`, so a cut ARN cannot pass for a whole one;
//! json and markdown keep every value in full.
//!
//! The INVOKE column is derived here from the map's invoke grants: the invoke actions
//! the catalog marks `targets_model_resources` (InvokeModel, CountTokens, …) and the models their resources
//! name (the ARN's id after `foundation-model/` or `inference-profile/`, geography
//! prefix removed).

use bedrock_lint_rules::catalog::catalog;
use bedrock_lint_rules::iam::access::{Entry, Session, Trust, UNKNOWN};
use bedrock_lint_rules::iam::grants::{arn_parts, is_any_model, model_id};

const HEADERS: [&str; 4] = ["PRINCIPAL", "INVOKE", "SESSION", "ENV"];

const GAP: usize = 2;

/// A cell: plain text, or a head and a list that shortens item by item.
enum Cell {
    Text(String),
    List { head: String, items: Vec<String> },
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// `s` cut to `w` characters, the last one `…`.
fn cut(s: &str, w: usize) -> String {
    if chars(s) <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut t: String = s.chars().take(w - 1).collect();
    t.push('…');
    t
}

/// Splits a trailing " +N" (more items) so shortening keeps the count.
fn split_more(s: &str) -> (&str, &str) {
    if let Some(i) = s.rfind(" +") {
        if s[i + 2..].chars().all(|c| c.is_ascii_digit()) && i + 2 < s.len() {
            return (&s[..i], &s[i..]);
        }
    }
    (s, "")
}

/// A model id without its provider (`anthropic.`), for narrow columns.
fn without_provider(id: &str) -> &str {
    match id.split_once('.') {
        Some((p, rest))
            if !rest.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '-') =>
        {
            rest
        }
        _ => id,
    }
}

impl Cell {
    fn full(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::List { head, items } if items.is_empty() => head.clone(),
            Cell::List { head, items } => format!("{head} ({})", items.join(", ")),
        }
    }

    /// The cell in at most `w` characters.
    fn fit(&self, w: usize) -> String {
        let full = self.full();
        if chars(&full) <= w {
            return full;
        }
        match self {
            Cell::Text(s) => {
                let (head, more) = split_more(s);
                if !more.is_empty() && w > chars(more) + 1 {
                    format!("{}{more}", cut(head, w - chars(more)))
                } else {
                    cut(s, w)
                }
            }
            Cell::List { head, items } => {
                let short: Vec<&str> = items.iter().map(|i| without_provider(i)).collect();
                let longest = short.iter().map(|i| chars(i)).max().unwrap_or(0);
                for k in (4..=longest).rev() {
                    let list: Vec<String> = short.iter().map(|i| cut(i, k)).collect();
                    let s = format!("{head} ({})", list.join(", "));
                    if chars(&s) <= w {
                        return s;
                    }
                }
                let s = format!("{head} (…)");
                if chars(&s) <= w {
                    return s;
                }
                cut(head, w)
            }
        }
    }
}

/// "first +N" for a list of more than one item; "-" when empty.
fn collapse(items: &[String]) -> String {
    match items {
        [] => "-".into(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} +{}", rest.len()),
    }
}

fn push_new(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// Can the principal invoke models, and which: "no", "unknown", "every model (*)",
/// "N models (ids)" — "+ unknown" when some resources are unknown.
fn invoke(e: &Entry) -> Cell {
    let mut any = false;
    let mut unknown = false;
    let mut ids: Vec<String> = Vec::new();
    let mut except: Vec<String> = Vec::new();
    let model_grants = e.bedrock[0].iter().filter(|g| {
        catalog()
            .action(&g.action)
            .is_some_and(|a| a.targets_model_resources)
    });
    for g in model_grants {
        for r in &g.resources {
            if let Some(not) = r.strip_prefix("NotResource ") {
                // Every model but those named.
                any = true;
                push_new(&mut except, target(not));
            } else if r.contains(UNKNOWN) {
                unknown = true;
            } else if is_any_model(r) {
                any = true;
            } else {
                push_new(&mut ids, target(r));
            }
        }
    }
    let plus = if unknown { " + unknown" } else { "" };
    if any && except.is_empty() {
        Cell::Text(format!("every model (*){plus}"))
    } else if any {
        Cell::List {
            head: format!("every model but{plus}"),
            items: except,
        }
    } else if !ids.is_empty() {
        let n = ids.len();
        let noun = if n == 1 { "model" } else { "models" };
        Cell::List {
            head: format!("{n} {noun}{plus}"),
            items: ids,
        }
    } else if unknown {
        Cell::Text("unknown".into())
    } else {
        Cell::Text("no".into())
    }
}

/// What a model-invoke resource names: a model id for foundation models and
/// inference profiles, else the resource as written (`provisioned-model/abc`, a
/// pattern that is not an ARN).
fn target(r: &str) -> String {
    match arn_parts(r) {
        Some((_, _, "foundation-model" | "inference-profile", id)) if !id.is_empty() => {
            model_id(id).to_string()
        }
        Some((_, _, ty, id)) if !id.is_empty() => format!("{ty}/{id}"),
        _ => r.to_string(),
    }
}

fn admin(e: &Entry) -> Option<Cell> {
    let mut actions: Vec<String> = Vec::new();
    for g in &e.bedrock[3] {
        // The service prefix is dropped only for Bedrock's own actions.
        let a = g.action.strip_prefix("bedrock:").unwrap_or(&g.action);
        push_new(&mut actions, a.to_string());
    }
    (!actions.is_empty()).then(|| Cell::Text(actions.join(", ")))
}

fn trust_label(t: &Trust) -> String {
    if t.subjects.is_empty() {
        format!("{}:{}", t.kind, t.provider)
    } else {
        format!("{}:{} ({})", t.kind, t.provider, collapse(&t.subjects))
    }
}

/// A principal's row: its root module, the one-line cells (principal, invoke
/// answer, session, environments) and the labelled lines under them.
struct Row<'a> {
    root: &'a str,
    cells: [Cell; 4],
    details: Vec<(&'static str, Cell)>,
}

fn cells(e: &Entry) -> [Cell; 4] {
    [
        Cell::Text(e.address.clone()),
        invoke(e),
        Cell::Text(match &e.max_session {
            Session::NotSet => "-".into(),
            Session::Seconds(n) => n.to_string(),
            Session::Unknown => UNKNOWN.into(),
        }),
        Cell::Text(collapse(&e.environments)),
    ]
}

/// The lines under a row: how the principal authenticates, and its admin actions.
fn details(e: &Entry) -> Vec<(&'static str, Cell)> {
    let mut trust: Vec<String> = e.trust.iter().map(trust_label).collect();
    if e.access_keys > 0 {
        trust.push(format!("access keys: {}", e.access_keys));
    }
    let mut out = Vec::new();
    if !trust.is_empty() {
        out.push(("trust", Cell::Text(trust.join(", "))));
    }
    if let Some(a) = admin(e) {
        out.push(("admin", a));
    }
    out
}

/// Column widths for `width` characters: the columns are as wide as their content,
/// and when that is too wide the INVOKE column gives way first, then the principal,
/// not below their headers while the headers fit.
fn widths(natural: &[usize; 4], width: usize) -> [usize; 4] {
    let available = width.saturating_sub(GAP * (HEADERS.len() - 1));
    let mut w = *natural;
    for (i, least) in [(1, 12), (0, 24), (1, 0), (0, 0), (3, 0), (2, 0)] {
        let least = chars(HEADERS[i]).max(least).min(w[i]);
        let over = w.iter().sum::<usize>().saturating_sub(available);
        w[i] -= over.min(w[i] - least);
    }
    // Narrower than the headers: the widest column gives way, headers are cut too.
    while w.iter().sum::<usize>() > available {
        let Some(i) = (0..w.len()).filter(|&i| w[i] > 1).max_by_key(|&i| w[i]) else {
            break;
        };
        w[i] -= 1;
    }
    w
}

/// One line of cells, padded to the column widths; cut at `width` when even the gaps
/// between columns do not fit.
fn line(out: &mut String, cells: &[String], w: &[usize; 4], width: usize) {
    let mut l = String::new();
    for (i, c) in cells.iter().enumerate() {
        l.push_str(c);
        if i + 1 < cells.len() {
            l.push_str(&" ".repeat(w[i].saturating_sub(chars(c)) + GAP));
        }
    }
    out.push_str(&cut(l.trim_end(), width));
    out.push('\n');
}

/// The table at `width` columns: a line per principal, then its trust and admin
/// actions indented under it. With several root modules (where one address can name
/// several principals) rows are grouped under their root's path.
pub fn render_table(map: &[Entry], width: usize) -> String {
    let rows: Vec<Row> = map
        .iter()
        .map(|e| Row {
            root: &e.root,
            cells: cells(e),
            details: details(e),
        })
        .collect();
    let mut natural: [usize; 4] = std::array::from_fn(|i| chars(HEADERS[i]));
    for r in &rows {
        for (n, c) in natural.iter_mut().zip(&r.cells) {
            *n = (*n).max(chars(&c.full()));
        }
    }
    let w = widths(&natural, width);
    let mut out = String::new();
    let headers: Vec<String> = HEADERS.iter().zip(w).map(|(h, w)| cut(h, w)).collect();
    line(&mut out, &headers, &w, width);
    let mut roots: Vec<&str> = rows.iter().map(|r| r.root).collect();
    roots.sort();
    roots.dedup();
    for root in &roots {
        if roots.len() > 1 {
            out.push_str(&cut(&format!("{root}:"), width));
            out.push('\n');
        }
        for r in rows.iter().filter(|r| r.root == *root) {
            let cells: Vec<String> = r.cells.iter().zip(w).map(|(c, w)| c.fit(w)).collect();
            line(&mut out, &cells, &w, width);
            for (label, cell) in &r.details {
                let indent = format!("  {label}: ");
                let rest = width.saturating_sub(chars(&indent));
                out.push_str(&cut(&format!("{indent}{}", cell.fit(rest)), width));
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_value_ends_with_an_ellipsis_and_keeps_its_count() {
        let arn =
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0";
        assert_eq!(
            Cell::Text(arn.into()).fit(30),
            "arn:aws:bedrock:us-east-1::fo…"
        );
        assert_eq!(
            Cell::Text(format!("{arn} +2")).fit(30),
            "arn:aws:bedrock:us-east-1:… +2"
        );
        assert_eq!(Cell::Text("short".into()).fit(30), "short");
        assert_eq!(cut("abc", 0), "");
    }

    #[test]
    fn a_model_list_shortens_each_id() {
        let c = Cell::List {
            head: "2 models".into(),
            items: vec![
                "anthropic.claude-3-5-sonnet-20240620-v1:0".into(),
                "amazon.titan-embed-text-v2:0".into(),
            ],
        };
        assert_eq!(c.fit(200).len(), c.full().len());
        assert_eq!(c.fit(40), "2 models (claude-3-5-s…, titan-embed-…)");
        assert_eq!(c.fit(14), "2 models (…)");
        assert_eq!(c.fit(8), "2 models");
        assert_eq!(c.fit(5), "2 mo…");
    }
}
