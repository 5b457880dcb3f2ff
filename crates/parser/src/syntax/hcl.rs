//! HCL native syntax (`.tf`, `.tfvars`, `.bedrock-lint.hcl`) into [`ast`](super::ast)
//! through hcl-edit, which keeps a byte span for every node.

use super::ast::*;
use super::ParseError;
use super::{comments, dup_keys, newlines};
use crate::span::{FileId, Span};
use hcl_edit::expr::{self as he, Expression};
use hcl_edit::structure as hs;
use hcl_edit::template as ht;
use hcl_edit::Span as _;

/// Nesting deeper than this is refused before parsing (hcl-edit recurses).
pub const MAX_NESTING: usize = 128;

pub fn parse(file: FileId, text: &str) -> Result<(Body, Vec<comments::Comment>), ParseError> {
    // hcl-edit rejects the UTF-8 byte-order mark that Terraform accepts: blank it out
    // with spaces of the same length so every offset stays right.
    let owned;
    let text = if let Some(rest) = text.strip_prefix('\u{feff}') {
        owned = format!("   {rest}");
        owned.as_str()
    } else {
        text
    };
    // The fast reader finds the comments itself, and bounds its own depth.
    if let Some(read) = super::fast::parse(file, text) {
        return Ok(read);
    }
    let scan = comments::scan_limited(text, MAX_NESTING);
    if let Some(at) = scan.too_deep_at {
        return Err(ParseError {
            message: format!(
                "expressions nested {} deep; bedrock-lint reads at most {MAX_NESTING} levels",
                scan.max_depth
            ),
            offset: at,
        });
    }
    Ok((parse_slow(file, text)?, scan.comments))
}

/// [`parse`]'s fast path alone (`None`: it leaves the file to hcl-edit), for
/// `tests/fast_parse.rs`. `text` has its byte-order mark blanked already.
pub fn parse_fast(file: FileId, text: &str) -> Option<(Body, Vec<comments::Comment>)> {
    super::fast::parse(file, text)
}

/// [`parse`] through hcl-edit only, after the checks (the fast path's reference:
/// `tests/fast_parse.rs`). `text` has its byte-order mark blanked already.
pub fn parse_slow(file: FileId, text: &str) -> Result<Body, ParseError> {
    let (body, renamed) = match hcl_edit::parser::parse_body(text) {
        Ok(body) => (body, Vec::new()),
        Err(_) => parse_again(text)?,
    };
    let conv = Conv {
        file,
        base: 0,
        fixed: None,
        map: None,
        src: text,
        renamed: &renamed,
    };
    Ok(conv.body(&body))
}

/// The second reading of a file hcl-edit refused: newlines Terraform ignores are
/// blanked, and repeated object keys renamed (their spans are returned). The error of
/// this reading is the one reported, since it follows Terraform's newline rules.
fn parse_again(text: &str) -> Result<(hs::Body, Vec<(usize, usize)>), ParseError> {
    let mut work = newlines::blank_ignored(text);
    let mut renamed = Vec::new();
    loop {
        let e = match hcl_edit::parser::parse_body(&work) {
            Ok(body) => return Ok((body, renamed)),
            Err(e) => e,
        };
        let offset = e.location().offset();
        if dup_keys::is_duplicate_key(e.message()) && renamed.len() < dup_keys::MAX_RENAMES {
            if let Some(end) = dup_keys::rename(&mut work, offset) {
                renamed.push((offset, end));
                continue;
            }
        }
        return Err(ParseError {
            message: e.message().to_string(),
            offset,
        });
    }
}

/// A template written inside a JSON string (`.tf.json`): `base` is where the string's
/// text starts; `fixed` is the whole string's span when escapes make offsets inexact.
pub fn template_in_json(
    file: FileId,
    text: &str,
    base: usize,
    fixed: Option<Span>,
) -> Result<Template, ParseError> {
    let t = hcl_edit::parser::parse_template(text).map_err(|e| ParseError {
        message: e.message().to_string(),
        offset: base + e.location().offset(),
    })?;
    let conv = Conv {
        file,
        base,
        fixed,
        map: None,
        src: "",
        renamed: &[],
    };
    let whole = conv.span(Some(0..text.len()));
    Ok(conv.template(&t, whole, false))
}

/// A template in a JSON string whose decoded bytes sit at `offsets` in the file (one
/// offset per byte of `text`, then the end), so spans stay exact across JSON escapes.
pub fn template_mapped(
    file: FileId,
    text: &str,
    offsets: &[usize],
) -> Result<Template, ParseError> {
    let conv = Conv::mapped(file, offsets);
    let t = hcl_edit::parser::parse_template(text).map_err(|e| ParseError {
        message: e.message().to_string(),
        offset: conv.offset(e.location().offset()),
    })?;
    let whole = conv.span(Some(0..text.len()));
    Ok(conv.template(&t, whole, false))
}

/// An expression written as a JSON string (a `depends_on` reference, a variable's
/// `type`); `None` when it is not one.
pub fn expr_mapped(file: FileId, text: &str, offsets: &[usize]) -> Option<Expr> {
    let e = hcl_edit::parser::parse_expr(text).ok()?;
    Some(Conv::mapped(file, offsets).expr(&e))
}

pub(super) struct Conv<'t> {
    file: FileId,
    base: usize,
    fixed: Option<Span>,
    /// Where each byte of a JSON string's decoded text is in the file.
    map: Option<&'t [usize]>,
    /// The file text (empty inside JSON strings, where offsets are shifted).
    src: &'t str,
    /// Object keys renamed for a second reading (see [`dup_keys`]), as byte ranges.
    renamed: &'t [(usize, usize)],
}

impl<'t> Conv<'t> {
    fn mapped(file: FileId, offsets: &'t [usize]) -> Conv<'t> {
        Conv {
            file,
            base: 0,
            fixed: None,
            map: Some(offsets),
            src: "",
            renamed: &[],
        }
    }

    fn offset(&self, at: usize) -> usize {
        match self.map {
            Some(m) => m.get(at).or(m.last()).copied().unwrap_or(0),
            None => self.base + at,
        }
    }

    fn span(&self, r: Option<std::ops::Range<usize>>) -> Span {
        if let Some(f) = self.fixed {
            return f;
        }
        let r = r.unwrap_or(0..0);
        Span::new(self.file, self.offset(r.start), self.offset(r.end))
    }

    fn body(&self, body: &hs::Body) -> Body {
        let mut out = Body::default();
        for s in body.iter() {
            match s {
                hs::Structure::Attribute(a) => out.attributes.push(Attribute {
                    key: a.key.as_str().into(),
                    key_span: self.span(a.key.span()),
                    value: self.expr(&a.value),
                    span: self.span(a.span()),
                }),
                hs::Structure::Block(b) => {
                    let ident = self.span(b.ident.span());
                    let header_end = b
                        .labels
                        .last()
                        .and_then(|l| l.span())
                        .map(|r| r.end)
                        .unwrap_or(ident.end as usize);
                    out.blocks.push(Block {
                        ident: b.ident.as_str().into(),
                        labels: b.labels.iter().map(|l| l.as_str().into()).collect(),
                        header: Span::new(self.file, ident.start as usize, header_end),
                        span: self.span(b.span()),
                        body: self.body(&b.body),
                    });
                }
            }
        }
        out
    }

    fn expr(&self, e: &Expression) -> Expr {
        let span = self.span(e.span());
        let kind = match e {
            Expression::Null(_) => ExprKind::Null,
            Expression::Bool(b) => ExprKind::Bool(*b.value()),
            Expression::Number(n) => ExprKind::Number(n.value().as_f64().unwrap_or(f64::NAN)),
            Expression::String(s) => ExprKind::Template(Template {
                parts: vec![self.literal(s.value(), s.span(), true)],
            }),
            Expression::Array(a) => ExprKind::Array(a.iter().map(|e| self.expr(e)).collect()),
            Expression::Object(o) => ExprKind::Object(last_wins(
                o.iter()
                    .map(|(k, v)| {
                        let (key, key_span) = match k {
                            he::ObjectKey::Ident(i) => {
                                self.renamed_key(i.span()).unwrap_or_else(|| {
                                    (ObjectKey::Name(i.as_str().into()), self.span(i.span()))
                                })
                            }
                            he::ObjectKey::Expression(e) => self
                                .renamed_key(e.span())
                                .unwrap_or_else(|| self.key_expr(e)),
                        };
                        ObjectItem {
                            key,
                            key_span,
                            value: self.expr(v.expr()),
                        }
                    })
                    .collect(),
            )),
            Expression::StringTemplate(t) => ExprKind::Template(self.template(t, span, true)),
            Expression::HeredocTemplate(h) => {
                ExprKind::Template(self.template(&h.template, span, false))
            }
            Expression::Parenthesis(p) => return self.expr(p.inner()),
            Expression::Variable(v) => ExprKind::Variable(v.as_str().into()),
            Expression::Conditional(c) => ExprKind::Conditional(
                Box::new(self.expr(&c.cond_expr)),
                Box::new(self.expr(&c.true_expr)),
                Box::new(self.expr(&c.false_expr)),
            ),
            Expression::FuncCall(f) => {
                let mut name = String::new();
                for ns in &f.name.namespace {
                    name.push_str(ns.as_str());
                    name.push_str("::");
                }
                name.push_str(f.name.name.as_str());
                ExprKind::Call(Box::new(Call {
                    name: name.into(),
                    args: f.args.iter().map(|a| self.expr(a)).collect(),
                    expand: f.args.expand_final(),
                }))
            }
            Expression::Traversal(t) => ExprKind::Traversal(Box::new(Traversal {
                root: self.expr(&t.expr),
                ops: t
                    .operators
                    .iter()
                    .map(|op| match op.value() {
                        he::TraversalOperator::AttrSplat(_) => Traverse::AttrSplat,
                        he::TraversalOperator::FullSplat(_) => Traverse::FullSplat,
                        he::TraversalOperator::GetAttr(i) => {
                            Traverse::Attr(i.as_str().into(), self.span(op.span()))
                        }
                        he::TraversalOperator::Index(e) => Traverse::Index(self.expr(e)),
                        he::TraversalOperator::LegacyIndex(i) => {
                            let sp = self.span(op.span());
                            Traverse::Index(Expr {
                                kind: ExprKind::Number(*i.value() as f64),
                                span: sp,
                            })
                        }
                    })
                    .collect(),
            })),
            Expression::UnaryOp(u) => ExprKind::Unary(
                match u.operator.value() {
                    he::UnaryOperator::Neg => UnaryOp::Neg,
                    he::UnaryOperator::Not => UnaryOp::Not,
                },
                Box::new(self.expr(&u.expr)),
            ),
            Expression::BinaryOp(b) => {
                use he::BinaryOperator as B;
                let op = match b.operator.value() {
                    B::Eq => BinaryOp::Eq,
                    B::NotEq => BinaryOp::NotEq,
                    B::LessEq => BinaryOp::LessEq,
                    B::GreaterEq => BinaryOp::GreaterEq,
                    B::Less => BinaryOp::Less,
                    B::Greater => BinaryOp::Greater,
                    B::Plus => BinaryOp::Add,
                    B::Minus => BinaryOp::Sub,
                    B::Mul => BinaryOp::Mul,
                    B::Div => BinaryOp::Div,
                    B::Mod => BinaryOp::Mod,
                    B::And => BinaryOp::And,
                    B::Or => BinaryOp::Or,
                };
                ExprKind::Binary(
                    op,
                    Box::new(self.expr(&b.lhs_expr)),
                    Box::new(self.expr(&b.rhs_expr)),
                )
            }
            Expression::ForExpr(f) => ExprKind::For(Box::new(ForExpr {
                key_var: f.intro.key_var.as_ref().map(|k| k.as_str().into()),
                value_var: f.intro.value_var.as_str().into(),
                collection: self.expr(&f.intro.collection_expr),
                key_expr: f.key_expr.as_ref().map(|k| self.expr(k)),
                value_expr: self.expr(&f.value_expr),
                cond: f.cond.as_ref().map(|c| self.expr(&c.expr)),
                grouping: f.grouping,
            })),
        };
        Expr { kind, span }
    }

    fn key_expr(&self, e: &Expression) -> (ObjectKey, Span) {
        let ex = self.expr(e);
        let sp = ex.span;
        match ex.as_literal_str() {
            Some(s) => (ObjectKey::Name(s.into()), sp),
            None => (ObjectKey::Expr(Box::new(ex)), sp),
        }
    }

    /// A key renamed for the second reading, read again from the original text.
    fn renamed_key(&self, span: Option<std::ops::Range<usize>>) -> Option<(ObjectKey, Span)> {
        let r = span?;
        let &(start, end) = self.renamed.iter().find(|(s, _)| *s == r.start)?;
        let src = self.src.get(start..end)?;
        let sp = Span::new(self.file, start, end);
        if src
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c >= 0x80)
        {
            return Some((ObjectKey::Name(src.into()), sp));
        }
        let e = hcl_edit::parser::parse_expr(src).ok()?;
        let conv = Conv {
            base: start,
            renamed: &[],
            ..*self
        };
        Some(conv.key_expr(&e))
    }

    /// A plain quoted string: its span includes the quotes, the text does not.
    fn literal(
        &self,
        text: &str,
        span: Option<std::ops::Range<usize>>,
        quoted: bool,
    ) -> TemplatePart {
        // The quotes are dropped before mapping: inside a JSON string each is `\"`.
        let span = span.map(|r| {
            if quoted && r.end >= r.start + 2 {
                r.start + 1..r.end - 1
            } else {
                r
            }
        });
        let sp = self.span(span);
        TemplatePart::Literal {
            exact: self.fixed.is_none() && (sp.end - sp.start) as usize == text.len(),
            text: text.into(),
            span: sp,
        }
    }

    fn literal_parts(&self, text: &str, sp: Span, parts: &mut Vec<TemplatePart>) {
        super::literal::parts(self.src, self.fixed.is_none(), text, sp, parts);
    }

    fn template(&self, t: &ht::Template, whole: Span, _quoted: bool) -> Template {
        let mut parts = Vec::new();
        for el in t.iter() {
            match el {
                ht::Element::Literal(l) => {
                    let sp = self.span(l.span());
                    let sp = if l.span().is_none() { whole } else { sp };
                    self.literal_parts(l.value(), sp, &mut parts);
                }
                ht::Element::Interpolation(i) => {
                    parts.push(TemplatePart::Interp(self.expr(&i.expr)))
                }
                ht::Element::Directive(d) => match d.as_ref() {
                    ht::Directive::If(i) => parts.push(TemplatePart::If(Box::new(TemplateIf {
                        cond: self.expr(&i.if_expr.cond_expr),
                        then: self.template(&i.if_expr.template, whole, false),
                        otherwise: i
                            .else_expr
                            .as_ref()
                            .map(|e| self.template(&e.template, whole, false))
                            .unwrap_or_default(),
                    }))),
                    ht::Directive::For(f) => parts.push(TemplatePart::For(Box::new(TemplateFor {
                        key_var: f.for_expr.key_var.as_ref().map(|k| k.as_str().into()),
                        value_var: f.for_expr.value_var.as_str().into(),
                        collection: self.expr(&f.for_expr.collection_expr),
                        body: self.template(&f.for_expr.template, whole, false),
                    }))),
                },
            }
        }
        Template { parts }
    }
}

/// Terraform keeps the last of repeated keys in an object constructor.
fn last_wins(mut items: Vec<ObjectItem>) -> Vec<ObjectItem> {
    let name = |i: &ObjectItem| match &i.key {
        ObjectKey::Name(n) => Some(n.clone()),
        ObjectKey::Expr(_) => None,
    };
    let mut seen = std::collections::HashSet::new();
    let mut keep: Vec<bool> = items
        .iter()
        .rev()
        .map(|i| name(i).is_none_or(|n| seen.insert(n)))
        .collect();
    if keep.iter().all(|k| *k) {
        return items;
    }
    keep.reverse();
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(true));
    items
}
