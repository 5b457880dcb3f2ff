//! Values the partial evaluator produces. Every value remembers where it was written
//! (`span`), where it entered a larger structure through a reference (`via`) and which
//! resource it was read from (`from`). A value that cannot be known statically is
//! [`Kind::Unknown`], naming what is unknown; nothing is ever guessed.

use crate::span::Span;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: Kind,
    /// Where the value is written: a literal's span (strings include their quotes).
    pub span: Option<Span>,
    /// The use site that brought it here through a variable, local, module input or
    /// output: the place a related label points at when `span` is elsewhere.
    pub via: Option<Span>,
    /// The resource address this value was read from (`aws_iam_role.app`). A thin
    /// pointer (8 bytes, where `Arc<str>` is 16): every value of a resource carries one.
    pub from: Option<Address>,
}

/// A resource address shared by every value read from that resource.
pub type Address = Arc<String>;

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Cannot be known statically: a computed attribute, a remote module output, an
    /// `after_unknown` value. The text names it (`aws_iam_role.app.arn`).
    /// Boxed: most values are known, and this keeps every value 80 bytes, not 96.
    Unknown(Box<Unknown>),
    /// An evaluation error (a missing attribute, a bad index). Treated like unknown by
    /// the rules; `try()` and `can()` look past it.
    Error(Arc<str>),
    Null,
    Bool(bool),
    Number(f64),
    String(Arc<Str>),
    List(Vec<Value>),
    Object(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub what: Arc<str>,
    /// For `jsonencode()` of a partly unknown structure: the structure itself, so the
    /// known parts of a policy can still be read element by element.
    pub structure: Option<Box<Value>>,
    /// A string built from known and unknown parts ("arn:${data.aws_partition.current.partition}:bedrock:..."):
    /// its parts in order. `None` when nothing of the string is known.
    pub template: Option<Arc<Template>>,
    /// For a block whose `count`/`for_each` is unknown: its body evaluated with
    /// `count.index`/`each` unknown, which is what every one of its instances is
    /// (RULES.md "Unknown repetition"). Indexing the unknown instances reads it.
    pub instance: Option<Box<Value>>,
}

/// The parts of a partly known string, in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Known text (adjacent literal parts are merged).
    Lit(String),
    /// An unknown part.
    Hole(Hole),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hole {
    /// What is unknown, as a Terraform expression: `data.aws_partition.current.partition`, `var.region`.
    pub what: Arc<str>,
    /// Set when the hole is a well-known data source attribute (RULES.md "Well-known data sources").
    pub well_known: Option<WellKnown>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WellKnown {
    /// data.aws_partition.*.partition
    Partition,
    /// data.aws_partition.*.dns_suffix
    DnsSuffix,
    /// data.aws_region.*.name / .region / .id  (one specific region, not a wildcard)
    Region,
    /// data.aws_caller_identity.*.account_id  (the deploying account: always approved)
    AccountId,
}

impl WellKnown {
    /// The well-known attribute `attr` of a data source of type `rtype`, if it is one.
    pub fn of(rtype: &str, attr: &str) -> Option<WellKnown> {
        Some(match (rtype, attr) {
            ("aws_partition", "partition") => WellKnown::Partition,
            ("aws_partition", "dns_suffix") => WellKnown::DnsSuffix,
            ("aws_region", "name" | "region" | "id") => WellKnown::Region,
            ("aws_caller_identity", "account_id") => WellKnown::AccountId,
            _ => return None,
        })
    }
}

impl Template {
    /// Text with each hole rendered as `${what}` (for messages).
    pub fn display(&self) -> String {
        let mut s = String::new();
        for p in &self.parts {
            match p {
                Part::Lit(t) => s.push_str(t),
                Part::Hole(h) => {
                    s.push_str("${");
                    s.push_str(&h.what);
                    s.push('}');
                }
            }
        }
        s
    }

    /// Appends known text, merging it with a literal part before it.
    pub fn push_lit(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.parts.last_mut() {
            Some(Part::Lit(t)) => t.push_str(text),
            _ => self.parts.push(Part::Lit(text.to_string())),
        }
    }

    pub fn push_hole(&mut self, hole: Hole) {
        self.parts.push(Part::Hole(hole));
    }

    /// Appends another template's parts (literals merged at the seam).
    pub fn extend(&mut self, other: &Template) {
        for p in &other.parts {
            match p {
                Part::Lit(t) => self.push_lit(t),
                Part::Hole(h) => self.push_hole(h.clone()),
            }
        }
    }

    /// Appends what `v` contributes to a string: its text when known, its parts when
    /// partly known, else one hole naming it.
    pub fn push_value(&mut self, v: &Value) {
        if let Some(t) = v.template() {
            return self.extend(t);
        }
        match &v.kind {
            Kind::String(s) => self.push_lit(s.text()),
            Kind::Number(n) => self.push_lit(&format_number(*n)),
            Kind::Bool(b) => self.push_lit(if *b { "true" } else { "false" }),
            Kind::Null => {}
            _ => self.push_hole(Hole {
                what: v
                    .find_unknown()
                    .and_then(Value::unknown_what)
                    .unwrap_or("(not a string)")
                    .into(),
                well_known: None,
            }),
        }
    }

    pub fn has_holes(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, Part::Hole(_)))
    }

    /// The string this template makes: known text when it has no hole; partly known
    /// when some text or a well-known hole is known; else wholly unknown.
    pub fn into_value(self, span: Option<Span>) -> Value {
        if !self.has_holes() {
            let text = self.display();
            return Value::string(text, span);
        }
        let first = self.parts.iter().find_map(|p| match p {
            Part::Hole(h) => Some(h.what.clone()),
            Part::Lit(_) => None,
        });
        let informative = self.parts.iter().any(|p| match p {
            Part::Lit(t) => !t.is_empty(),
            Part::Hole(h) => h.well_known.is_some(),
        });
        let what = first.unwrap_or_else(|| self.display().into());
        Value::new(
            Kind::Unknown(Box::new(Unknown {
                what,
                structure: None,
                template: informative.then(|| Arc::new(self)),
                instance: None,
            })),
            span,
        )
    }
}

/// A known string. Read its text with [`Str::text`]: the text of an encoded string
/// (see [`Str::encoded`]) is made when first read.
#[derive(Debug, Clone)]
pub struct Str {
    /// Inline up to 24 bytes: most strings a policy holds ("Allow", action names,
    /// names, tags) then need no allocation besides the `Str` itself. Empty for an
    /// encoded string whose text is made when read.
    text: crate::syntax::ast::Ident,
    /// Where each part of the text came from, for mapping offsets back to files.
    segments: Segments,
    /// For a `jsonencode()` result or a policy document's `json`: the value encoded.
    json: Option<Box<Encoded>>,
}

#[derive(Debug, Clone)]
struct Encoded {
    /// The value that was encoded (with its spans).
    value: Value,
    /// `None` when the string's own text is the JSON (a plan's, read as it is).
    derived: Option<Derived>,
}

/// The JSON text of an encoded value, made when first read: the rules read most
/// policies through their structure alone, and the texts and segments of 12,000
/// files' policies took 6 MB (issue 12).
#[derive(Debug, Clone)]
struct Derived {
    /// With a segment per scalar (`jsonencode()`), or none (a policy document's `json`).
    mapped: bool,
    made: std::sync::OnceLock<(crate::syntax::ast::Ident, Segments)>,
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        self.text() == other.text()
            && *self.segments() == *other.segments()
            && self.json() == other.json()
    }
}

/// A string's segments. Most strings are one literal, so one segment is kept inline:
/// a separate allocation for it cost ~10 MB on 12,000 files (issue 12).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Segments {
    #[default]
    None,
    One(Segment),
    Many(Box<[Segment]>),
}

impl From<Vec<Segment>> for Segments {
    fn from(v: Vec<Segment>) -> Segments {
        match v.len() {
            0 => Segments::None,
            1 => Segments::One(v[0]),
            // A boxed slice has no spare capacity: the vector is shrunk as it is boxed.
            _ => Segments::Many(v.into_boxed_slice()),
        }
    }
}

impl std::ops::Deref for Segments {
    type Target = [Segment];
    fn deref(&self) -> &[Segment] {
        match self {
            Segments::None => &[],
            Segments::One(s) => std::slice::from_ref(s),
            Segments::Many(s) => s,
        }
    }
}

impl std::ops::DerefMut for Segments {
    fn deref_mut(&mut self) -> &mut [Segment] {
        match self {
            Segments::None => &mut [],
            Segments::One(s) => std::slice::from_mut(s),
            Segments::Many(s) => s,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub len: usize,
    pub source: Span,
    /// `text[start..start+len]` is byte-for-byte the file text at `source`.
    pub exact: bool,
}

/// An object key (the parser's identifier type: inline up to 24 bytes).
pub type Key = crate::syntax::ast::Ident;

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Key,
    pub key_span: Option<Span>,
    pub value: Value,
}

impl Value {
    pub fn new(kind: Kind, span: Option<Span>) -> Value {
        Value {
            kind,
            span,
            via: None,
            from: None,
        }
    }

    pub fn unknown(what: impl Into<Arc<str>>, span: Option<Span>) -> Value {
        Value::new(
            Kind::Unknown(Box::new(Unknown {
                what: what.into(),
                structure: None,
                template: None,
                instance: None,
            })),
            span,
        )
    }

    pub fn error(msg: impl Into<Arc<str>>, span: Option<Span>) -> Value {
        Value::new(Kind::Error(msg.into()), span)
    }

    pub fn null(span: Option<Span>) -> Value {
        Value::new(Kind::Null, span)
    }

    pub fn string(text: impl Into<String>, span: Option<Span>) -> Value {
        let text = text.into();
        let segments = match span {
            Some(s) => Segments::One(Segment {
                start: 0,
                len: text.len(),
                source: s,
                exact: false,
            }),
            None => Segments::None,
        };
        Value::new(
            Kind::String(Arc::new(Str::new(kept_text(text), segments))),
            span,
        )
    }

    pub fn list(items: Vec<Value>, span: Option<Span>) -> Value {
        Value::new(Kind::List(items), span)
    }

    pub fn object(entries: Vec<Entry>, span: Option<Span>) -> Value {
        Value::new(Kind::Object(entries), span)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s.text()),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            Kind::Bool(b) => Some(*b),
            Kind::String(s) if s.text() == "true" => Some(true),
            Kind::String(s) if s.text() == "false" => Some(false),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<f64> {
        match &self.kind {
            Kind::Number(n) => Some(*n),
            Kind::String(s) => s.text().trim().parse().ok(),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Value]> {
        match &self.kind {
            Kind::List(l) => Some(l),
            _ => None,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        match &self.kind {
            Kind::Object(e) => e,
            _ => &[],
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().find(|e| e.key == key)
    }

    /// Unknown or an evaluation error: not knowable statically.
    pub fn is_unknown(&self) -> bool {
        matches!(self.kind, Kind::Unknown(_) | Kind::Error(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    /// What is unknown, if this value is.
    pub fn unknown_what(&self) -> Option<&str> {
        match &self.kind {
            Kind::Unknown(u) => Some(&u.what),
            Kind::Error(e) => Some(e),
            _ => None,
        }
    }

    /// The first unknown value inside this one, depth first.
    pub fn find_unknown(&self) -> Option<&Value> {
        match &self.kind {
            Kind::Unknown(_) | Kind::Error(_) => Some(self),
            Kind::List(l) => l.iter().find_map(Value::find_unknown),
            Kind::Object(o) => o.iter().find_map(|e| e.value.find_unknown()),
            _ => None,
        }
    }

    /// Fully known (no unknown anywhere inside).
    pub fn is_known(&self) -> bool {
        self.find_unknown().is_none()
    }

    /// The template of a partly known string (None for known strings and wholly unknown values).
    pub fn template(&self) -> Option<&Template> {
        match &self.kind {
            Kind::Unknown(u) => u.template.as_deref(),
            _ => None,
        }
    }

    /// The structured value behind a JSON string produced by `jsonencode()`.
    pub fn encoded_structure(&self) -> Option<&Value> {
        match &self.kind {
            Kind::String(s) => s.json(),
            Kind::Unknown(u) => u.structure.as_deref(),
            _ => None,
        }
    }

    /// The span to point at: where it is written, else where it was used.
    pub fn best_span(&self) -> Option<Span> {
        self.span.or(self.via)
    }

    /// Records `site` as the use site of this value (and of every value inside it that
    /// was written outside `site`), unless one is already recorded.
    pub fn mark_via(&mut self, site: Span) {
        if let Some(s) = self.span {
            if site.contains(&s) {
                return;
            }
        }
        if self.via.is_none() {
            self.via = Some(site);
        }
        match &mut self.kind {
            Kind::List(l) => l.iter_mut().for_each(|v| v.mark_via(site)),
            Kind::Object(o) => o.iter_mut().for_each(|e| e.value.mark_via(site)),
            _ => {}
        }
    }

    pub fn with_from(mut self, from: Address) -> Value {
        self.set_from(&from);
        self
    }

    fn set_from(&mut self, from: &Address) {
        if self.from.is_none() {
            self.from = Some(from.clone());
        }
        match &mut self.kind {
            Kind::List(l) => l.iter_mut().for_each(|v| v.set_from(from)),
            Kind::Object(o) => o.iter_mut().for_each(|e| e.value.set_from(from)),
            _ => {}
        }
    }

    /// A short rendering for messages (strings unquoted).
    pub fn display(&self) -> String {
        match &self.kind {
            Kind::Unknown(u) => format!("(unknown: {})", u.what),
            Kind::Error(e) => format!("(error: {e})"),
            Kind::Null => "null".into(),
            Kind::Bool(b) => b.to_string(),
            Kind::Number(n) => format_number(*n),
            Kind::String(s) => s.text().to_string(),
            Kind::List(_) | Kind::Object(_) => to_json(self).unwrap_or_else(|| "(unknown)".into()),
        }
    }
}

impl Str {
    pub fn new(text: impl Into<crate::syntax::ast::Ident>, segments: Segments) -> Str {
        Str {
            text: text.into(),
            segments,
            json: None,
        }
    }

    /// The JSON encoding of `value` (as `jsonencode()` writes it), with a segment per
    /// scalar when `mapped`; `Err` gives `value` back when some part of it is unknown
    /// (see [`encodable`]).
    pub fn encoded(value: Value, mapped: bool) -> Result<Str, Value> {
        if !encodable(&value) {
            return Err(value);
        }
        Ok(Str {
            text: Default::default(),
            segments: Segments::None,
            json: Some(Box::new(Encoded {
                value,
                derived: Some(Derived {
                    mapped,
                    made: std::sync::OnceLock::new(),
                }),
            })),
        })
    }

    /// A JSON string known as text (a plan's) with the structure it stands for.
    pub fn with_structure(&self, value: Value) -> Str {
        Str {
            text: self.text().into(),
            segments: self.segments().clone(),
            json: Some(Box::new(Encoded {
                value,
                derived: None,
            })),
        }
    }

    #[inline]
    pub fn text(&self) -> &str {
        match self.derived() {
            Some((text, _)) => text,
            None => &self.text,
        }
    }

    /// Where each part of the text came from.
    #[inline]
    pub fn segments(&self) -> &Segments {
        match self.derived() {
            Some((_, segments)) => segments,
            None => &self.segments,
        }
    }

    /// The segments to change; an encoded string's text is made first, and kept.
    pub fn segments_mut(&mut self) -> &mut Segments {
        if let Some(e) = self.json.as_deref_mut() {
            if let Some(d) = e.derived.take() {
                (self.text, self.segments) = match d.made.into_inner() {
                    Some(made) => made,
                    None => encoded_text(d.mapped, &e.value),
                };
            }
        }
        &mut self.segments
    }

    /// For an encoded string: the value encoded.
    #[inline]
    pub fn json(&self) -> Option<&Value> {
        self.json.as_deref().map(|e| &e.value)
    }

    #[inline]
    fn derived(&self) -> Option<&(crate::syntax::ast::Ident, Segments)> {
        let e = self.json.as_deref()?;
        let d = e.derived.as_ref()?;
        Some(d.made.get_or_init(|| encoded_text(d.mapped, &e.value)))
    }

    /// The file span of `text[range]`: exact where the text is a verbatim copy of the
    /// file, else the span of the whole part it came from.
    pub fn span_of(&self, start: usize, end: usize) -> Option<Span> {
        let end = end.max(start + 1);
        let overlap = |s: &Segment| {
            let (a, b) = (s.start.max(start), (s.start + s.len.max(1)).min(end));
            b.saturating_sub(a)
        };
        let parts: Vec<&Segment> = self.segments().iter().filter(|s| overlap(s) > 0).collect();
        let first = *parts.first()?;
        if parts.len() == 1 {
            if first.exact && end <= first.start + first.len {
                let off = first.source.start as usize + (start - first.start);
                return Some(Span::new(first.source.file, off, off + (end - start)));
            }
            return Some(first.source);
        }
        // A token made of several parts (`"arn:...:${region}::foundation-model/*"`):
        // it is written where most of its text comes from; on a tie, an interpolated
        // value wins over the quotes around it.
        let best = parts
            .iter()
            .max_by_key(|s| (overlap(s), !s.exact))
            .copied()
            .unwrap_or(first);
        let last = *parts.last().unwrap_or(&first);
        if best.exact && first.exact && last.exact && first.source.file == last.source.file {
            let a = first.source.start as usize + (start.max(first.start) - first.start);
            let b = last.source.start as usize + (end.min(last.start + last.len) - last.start);
            return Some(Span::new(first.source.file, a, b.max(a)));
        }
        Some(best.source)
    }
}

/// The JSON text of `value` and, when `mapped`, its segments (`encoded` checked that
/// every part of it is known).
fn encoded_text(mapped: bool, value: &Value) -> (crate::syntax::ast::Ident, Segments) {
    let (text, segments) = to_json_mapped(value).unwrap_or_default();
    let segments = if mapped {
        segments.into()
    } else {
        Segments::None
    };
    (kept_text(text), segments)
}

/// A string's text as the model keeps it: inline when it fits (24 bytes, the
/// `CompactString` limit on 64-bit targets), else its own buffer without spare capacity.
pub fn kept_text(mut s: String) -> crate::syntax::ast::Ident {
    if s.len() <= 24 {
        return s.as_str().into();
    }
    s.shrink_to_fit();
    s.into()
}

pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Terraform's `jsonencode`: object keys sorted, no whitespace. `None` when any part
/// is unknown.
/// Can `v` be written as JSON: is every part of it known?
pub fn encodable(v: &Value) -> bool {
    match &v.kind {
        Kind::Unknown(_) | Kind::Error(_) => false,
        Kind::List(items) => items.iter().all(encodable),
        Kind::Object(entries) => entries.iter().all(|e| encodable(&e.value)),
        Kind::Null | Kind::Bool(_) | Kind::Number(_) | Kind::String(_) => true,
    }
}

pub fn to_json(v: &Value) -> Option<String> {
    to_json_mapped(v).map(|(s, _)| s)
}

/// `to_json`, with a segment per scalar mapping its text back to where it is written,
/// so a policy string built by `jsonencode()` inside a template still points at the
/// literal.
pub fn to_json_mapped(v: &Value) -> Option<(String, Vec<Segment>)> {
    let mut out = String::new();
    let mut segs = Vec::new();
    write_json(v, &mut out, &mut segs)?;
    // Kept as long as the model: no spare capacity.
    out.shrink_to_fit();
    Some((out, segs))
}

fn write_json(v: &Value, out: &mut String, segs: &mut Vec<Segment>) -> Option<()> {
    let start = out.len();
    match &v.kind {
        Kind::Unknown(_) | Kind::Error(_) => return None,
        Kind::Null => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Number(n) => out.push_str(&format_number(*n)),
        Kind::String(s) => push_json_string(out, s.text()),
        Kind::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out, segs)?;
            }
            out.push(']');
            return Some(());
        }
        Kind::Object(entries) => {
            let mut sorted: Vec<&Entry> = entries.iter().collect();
            sorted.sort_by(|a, b| a.key.cmp(&b.key));
            out.push('{');
            for (i, e) in sorted.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_string(out, &e.key);
                out.push(':');
                write_json(&e.value, out, segs)?;
            }
            out.push('}');
            return Some(());
        }
    }
    if let Some(source) = v.span {
        segs.push(Segment {
            start,
            len: out.len() - start,
            source,
            exact: false,
        });
    }
    Some(())
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it (`"`, `\\`, and
/// control characters; the short forms where JSON has them), without allocating.
fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        plain = i + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

/// `jsondecode` with spans: parses a string value's text and maps every element back
/// to the file through the string's segments. A `jsonencode()` result returns the
/// structure it was made from. `Err` carries the JSON error and its file span.
pub fn decode_json(v: &Value) -> Result<Value, (String, Option<Span>)> {
    if let Some(s) = v.encoded_structure() {
        return Ok(s.clone());
    }
    let Kind::String(s) = &v.kind else {
        return Err(("not a string".into(), v.best_span()));
    };
    let json = crate::syntax::json::parse(s.text()).map_err(|e| {
        let at = s.span_of(e.offset, e.offset + 1).or(v.span);
        (e.message, at)
    })?;
    let mut out = from_json(&json, &|a, b| s.span_of(a, b).or(v.span));
    if let Some(via) = v.via {
        out.mark_via(via);
    }
    if let Some(from) = &v.from {
        out = out.with_from(from.clone());
    }
    Ok(out)
}

/// A parsed JSON tree as a value, spans computed by `span_of(start, end)`.
pub fn from_json(
    j: &crate::syntax::json::Json,
    span_of: &dyn Fn(usize, usize) -> Option<Span>,
) -> Value {
    use crate::syntax::json::JsonKind as J;
    let span = span_of(j.start, j.end);
    match &j.kind {
        J::Null => Value::null(span),
        J::Bool(b) => Value::new(Kind::Bool(*b), span),
        J::Number(n) => Value::new(Kind::Number(n.parse().unwrap_or(f64::NAN)), span),
        J::String(s) => Value::string(s.clone(), span),
        J::Array(items) => Value::list(items.iter().map(|i| from_json(i, span_of)).collect(), span),
        J::Object(members) => Value::object(
            members
                .iter()
                .map(|m| Entry {
                    key: m.key.as_str().into(),
                    key_span: span_of(m.key_start, m.key_end),
                    value: from_json(&m.value, span_of),
                })
                .collect(),
            span,
        ),
    }
}
