//! Terraform's JSON syntax (`.tf.json`, `.tfvars.json`) into the same [`ast`](super::ast)
//! as HCL, with spans from the span-keeping JSON parser.
//!
//! Which JSON strings are templates follows Terraform's "JSON Configuration Syntax":
//! a string where an expression is expected is a template (`"${aws_iam_role.x.id}"` is
//! the reference itself); a few arguments take a reference or a type written as a
//! string (`provider`, `depends_on`, `ignore_changes`, a variable's `type`); others are
//! literal (a variable's `default` and `description`, module `source`/`version`,
//! provider `alias`, everything in `terraform`). `"//"` is a comment in the root and in
//! block bodies, but an ordinary key in an object expression.

use super::ast::*;
use super::json::{self, Json, JsonKind, JsonMember};
use super::ParseError;
use crate::span::{FileId, Span};

/// How many labels each top-level block type takes in JSON syntax.
fn label_count(block: &str) -> Option<usize> {
    Some(match block {
        "resource" | "data" => 2,
        "module" | "variable" | "output" | "provider" => 1,
        "terraform" | "locals" | "moved" | "import" | "check" | "removed" => 0,
        _ => return None,
    })
}

/// How a JSON string is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Str {
    /// A string template (the general rule for expressions).
    Template,
    /// Taken as it is.
    Literal,
    /// HCL expression text without `${ }`: a reference, a keyword or a type.
    Expr,
}

/// The argument's mapping inside a block of type `block` (its `ident`).
fn mapping(block: &str, key: &str) -> Str {
    match (block, key) {
        ("terraform", _) => Str::Literal,
        ("variable", "type") => Str::Expr,
        ("variable", "default" | "description") => Str::Literal,
        ("output", "description") => Str::Literal,
        ("module", "source" | "version") => Str::Literal,
        ("provider", "alias" | "version") => Str::Literal,
        ("connection", "type") => Str::Literal,
        ("lifecycle", "ignore_changes" | "replace_triggered_by") => Str::Expr,
        ("moved", "from" | "to") | ("removed", "from") | ("import", "to") => Str::Expr,
        ("resource" | "data", "provider" | "depends_on") => Str::Expr,
        ("module" | "output", "depends_on") | ("module", "providers") => Str::Expr,
        ("import", "provider") => Str::Expr,
        ("dynamic", "iterator") => Str::Expr,
        _ => Str::Template,
    }
}

/// Nested block types Terraform itself gives meaning to, and how many labels each
/// takes; a provider's nested blocks stay attributes (they evaluate the same way).
fn nested_block(parent: &str, key: &str) -> Option<usize> {
    Some(match (parent, key) {
        (_, "dynamic" | "provisioner") => 1,
        ("dynamic", "content") => 0,
        (_, "lifecycle" | "connection" | "precondition" | "postcondition") => 0,
        ("variable", "validation") => 0,
        _ => return None,
    })
}

pub fn parse_config(file: FileId, text: &str) -> Result<Body, ParseError> {
    let root = parse_json(text)?;
    let c = Conv { file, text };
    let mut body = Body::default();
    for m in root.members() {
        if m.key == "//" {
            continue;
        }
        let Some(n) = label_count(&m.key) else {
            continue;
        };
        if m.key == "locals" {
            // Locals are attributes of a label-less block.
            for body_obj in as_bodies(&m.value) {
                body.blocks.push(Block {
                    ident: "locals".into(),
                    labels: vec![],
                    header: c.span(m.key_start, m.key_end),
                    span: c.span(body_obj.start, body_obj.end),
                    body: c.body("locals", body_obj)?,
                });
            }
            continue;
        }
        c.labelled(m, n, &mut vec![], &mut body)?;
    }
    Ok(body)
}

/// `.tfvars.json`: one object of variable values.
pub fn parse_vars(file: FileId, text: &str) -> Result<Body, ParseError> {
    let root = parse_json(text)?;
    Conv { file, text }.body("", &root)
}

fn parse_json(text: &str) -> Result<Json, ParseError> {
    let root = json::parse(text).map_err(|e| ParseError {
        message: e.message,
        offset: e.offset,
    })?;
    if !matches!(root.kind, JsonKind::Object(_)) {
        return Err(ParseError {
            message: "a Terraform JSON file must hold one object".into(),
            offset: root.start,
        });
    }
    Ok(root)
}

/// A body may be written as one object or an array of objects (repeated blocks).
fn as_bodies(v: &Json) -> Vec<&Json> {
    match &v.kind {
        JsonKind::Array(items) => items.iter().collect(),
        _ => vec![v],
    }
}

struct Conv<'a> {
    file: FileId,
    text: &'a str,
}

impl Conv<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    /// The block `m.key` with `remaining` labels still to unwrap from nested objects
    /// (or arrays of objects, which keep the blocks' order).
    fn labelled(
        &self,
        m: &JsonMember,
        remaining: usize,
        labels: &mut Vec<String>,
        out: &mut Body,
    ) -> Result<(), ParseError> {
        self.unwrap_labels(
            &m.key,
            (m.key_start, m.key_end),
            &m.value,
            remaining,
            labels,
            out,
        )
    }

    fn unwrap_labels(
        &self,
        ident: &str,
        key: (usize, usize),
        v: &Json,
        remaining: usize,
        labels: &mut Vec<String>,
        out: &mut Body,
    ) -> Result<(), ParseError> {
        if remaining == 0 {
            for b in as_bodies(v) {
                out.blocks.push(Block {
                    ident: ident.into(),
                    labels: labels.iter().map(|l| l.as_str().into()).collect(),
                    header: self.span(key.0, key.1),
                    span: self.span(b.start, b.end),
                    body: self.body(ident, b)?,
                });
            }
            return Ok(());
        }
        for level in as_bodies(v) {
            for m in level.members() {
                if m.key == "//" {
                    continue;
                }
                labels.push(m.key.clone());
                // The innermost label's key is the block's header.
                self.unwrap_labels(
                    ident,
                    (m.key_start, m.key_end),
                    &m.value,
                    remaining - 1,
                    labels,
                    out,
                )?;
                labels.pop();
            }
        }
        Ok(())
    }

    /// A block body of type `ident`: its arguments, and the nested blocks Terraform
    /// defines (lifecycle, dynamic, provisioner, …).
    fn body(&self, ident: &str, obj: &Json) -> Result<Body, ParseError> {
        let mut body = Body::default();
        for m in obj.members() {
            if m.key == "//" {
                continue;
            }
            let nested = nested_block(ident, &m.key)
                .filter(|_| matches!(m.value.kind, JsonKind::Object(_) | JsonKind::Array(_)));
            if let Some(n) = nested {
                // `lifecycle`'s own arguments follow lifecycle's rules, and so on.
                self.labelled(m, n, &mut vec![], &mut body)?;
                continue;
            }
            let mode = match ident {
                // A `.tfvars.json` value is a literal value, not an expression.
                "" => Str::Literal,
                "locals" => Str::Template,
                _ => mapping(ident, &m.key),
            };
            body.attributes.push(Attribute {
                key: m.key.as_str().into(),
                key_span: self.span(m.key_start, m.key_end),
                value: self.expr(&m.value, mode)?,
                span: self.span(m.key_start, m.value.end),
            });
        }
        Ok(body)
    }

    fn expr(&self, v: &Json, mode: Str) -> Result<Expr, ParseError> {
        let span = self.span(v.start, v.end);
        let kind = match &v.kind {
            JsonKind::Null => ExprKind::Null,
            JsonKind::Bool(b) => ExprKind::Bool(*b),
            JsonKind::Number(n) => ExprKind::Number(n.parse().unwrap_or(f64::NAN)),
            JsonKind::String(s) => return self.string(s, v, mode),
            JsonKind::Array(items) => ExprKind::Array(
                items
                    .iter()
                    .map(|i| self.expr(i, mode))
                    .collect::<Result<_, _>>()?,
            ),
            // In an expression `"//"` is an ordinary key; property names are templates
            // too where values are.
            JsonKind::Object(members) => ExprKind::Object(
                members
                    .iter()
                    .map(|m| {
                        let key_span = self.span(m.key_start, m.key_end);
                        let key = match mode {
                            Str::Template if m.key.contains("${") || m.key.contains("%{") => {
                                let k = self.string_at(&m.key, m.key_start, m.key_end, mode)?;
                                match k.as_literal_str() {
                                    Some(s) => ObjectKey::Name(s.into()),
                                    None => ObjectKey::Expr(Box::new(k)),
                                }
                            }
                            _ => ObjectKey::Name(m.key.as_str().into()),
                        };
                        Ok(ObjectItem {
                            key,
                            key_span,
                            value: self.expr(&m.value, mode)?,
                        })
                    })
                    .collect::<Result<_, ParseError>>()?,
            ),
        };
        Ok(Expr { kind, span })
    }

    fn string(&self, s: &str, v: &Json, mode: Str) -> Result<Expr, ParseError> {
        self.string_at(s, v.start, v.end, mode)
    }

    /// The JSON string `s`, written at `start..end` (quotes included), read per `mode`.
    fn string_at(&self, s: &str, start: usize, end: usize, mode: Str) -> Result<Expr, ParseError> {
        let whole = self.span(start, end);
        let inner = (start + 1, end.saturating_sub(1).max(start + 1));
        let raw = self.text.get(inner.0..inner.1).unwrap_or("");
        let literal = || Expr {
            kind: ExprKind::Template(Template {
                parts: vec![TemplatePart::Literal {
                    text: s.into(),
                    span: self.span(inner.0, inner.1),
                    exact: raw == s,
                }],
            }),
            span: whole,
        };
        let offsets = || offsets(raw, inner.0, s.len());
        match mode {
            Str::Literal => Ok(literal()),
            Str::Template if !s.contains("${") && !s.contains("%{") => Ok(literal()),
            Str::Template => {
                let template = match offsets() {
                    Some(map) => super::hcl::template_mapped(self.file, s, &map)?,
                    None => super::hcl::template_in_json(self.file, s, inner.0, Some(whole))?,
                };
                Ok(Expr {
                    kind: ExprKind::Template(template),
                    span: whole,
                })
            }
            // Not an expression after all: Terraform refuses it when it needs it, and
            // nothing here guesses at it, so the text stays a plain string.
            Str::Expr => Ok(offsets()
                .and_then(|map| super::hcl::expr_mapped(self.file, s, &map))
                .unwrap_or_else(literal)),
        }
    }
}

/// Where each byte of a JSON string's decoded text (`decoded_len` bytes) sits in the
/// file, plus the end; `raw` is the text between the quotes, starting at `base`.
fn offsets(raw: &str, base: usize, decoded_len: usize) -> Option<Vec<usize>> {
    let b = raw.as_bytes();
    let mut map = Vec::with_capacity(decoded_len + 1);
    let mut i = 0;
    while i < b.len() {
        let (raw_len, out_len) = if b[i] == b'\\' {
            match b.get(i + 1)? {
                b'u' => {
                    let hex = |at: usize| {
                        raw.get(at..at + 4)
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                    };
                    let hi = hex(i + 2)?;
                    let pair =
                        (0xD800..0xDC00).contains(&hi) && raw.get(i + 6..i + 8) == Some("\\u");
                    let code = if pair {
                        let lo = hex(i + 8)?;
                        0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF)
                    } else {
                        hi
                    };
                    let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                    (if pair { 12 } else { 6 }, c.len_utf8())
                }
                _ => (2, 1),
            }
        } else {
            (1, 1)
        };
        for _ in 0..out_len {
            map.push(base + i);
        }
        i += raw_len;
    }
    map.push(base + b.len());
    (map.len() == decoded_len + 1).then_some(map)
}
