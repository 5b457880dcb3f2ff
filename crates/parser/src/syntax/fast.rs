//! A direct reader for the HCL most Terraform files are written in, straight into the
//! syntax tree, without hcl-edit's format-preserving tree in between (issue 12: that
//! tree, built and converted and dropped, was most of the time spent parsing).
//!
//! It is a fast path, not a second parser to keep in step: it reads bodies,
//! attributes, blocks and every expression Terraform code commonly uses (`<<EOF`
//! heredocs included), and answers `None` for anything else — indented `<<-`
//! heredocs, template directives and strip markers,
//! namespaced functions, repeated object keys, one-line blocks with content, newlines
//! where only some HCL readers accept them, any syntax error. `None` hands the file to
//! hcl-edit ([`super::hcl::parse`]), which also reports the errors. Where it answers,
//! the tree is the one hcl-edit's reading gives, spans included:
//! `crates/parser/tests/fast_parse.rs` compares the two on every file of the corpus and
//! the test data.

use super::ast::*;
use super::comments::Comment;
use crate::span::{FileId, Span};

/// The body of `text` and its comments (as [`super::comments::scan`] finds them), or
/// `None` when this reader leaves the file to hcl-edit.
pub fn parse(file: FileId, text: &str) -> Option<(Body, Vec<Comment>)> {
    let mut p = P {
        b: text.as_bytes(),
        src: text,
        i: 0,
        file,
        depth: 0,
        comments: Vec::new(),
    };
    let body = p.body(false)?;
    (p.i == p.b.len()).then_some((body, p.comments))
}

fn repeats(attributes: &[Attribute]) -> bool {
    if attributes.len() <= 16 {
        return attributes
            .iter()
            .enumerate()
            .any(|(i, a)| attributes[..i].iter().any(|b| b.key == a.key));
    }
    let mut seen = std::collections::HashSet::new();
    !attributes.iter().all(|a| seen.insert(a.key.as_str()))
}

struct P<'t> {
    b: &'t [u8],
    src: &'t str,
    i: usize,
    file: FileId,
    /// Expressions being read inside one another: chained conditionals nest without
    /// brackets, so the lexer's nesting limit does not bound them.
    depth: usize,
    comments: Vec<Comment>,
}

/// Deeper than this, the file goes to hcl-edit (which reports what it must).
const MAX_DEPTH: usize = 64;

/// An expression with the source range it covers, parentheses included (hcl-edit
/// gives a parenthesized expression the inner one's span, and the expressions around
/// it spans that include the parentheses).
struct E {
    e: Expr,
    start: usize,
    end: usize,
}

impl<'t> P<'t> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    /// An expression covering `start..end` of the source.
    fn node(&self, kind: ExprKind, start: usize, end: usize) -> Option<E> {
        Some(E {
            e: Expr {
                kind,
                span: self.span(start, end),
            },
            start,
            end,
        })
    }

    fn peek(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(0)
    }

    fn at(&self, s: &str) -> bool {
        self.b[self.i..].starts_with(s.as_bytes())
    }

    /// Spaces, tabs and comments; newlines too when `nl`. `None` on a `/*` comment
    /// that does not end, or a line comment where newlines are not skipped and the
    /// caller must see the newline (the comment is skipped, the newline is not).
    fn ws(&mut self, nl: bool) -> Option<()> {
        loop {
            match self.peek() {
                b' ' | b'\t' => self.i += 1,
                b'\r' if self.b.get(self.i + 1) == Some(&b'\n') && nl => self.i += 2,
                b'\n' if nl => self.i += 1,
                b'#' => self.line_comment(1),
                b'/' if self.b.get(self.i + 1) == Some(&b'/') => self.line_comment(2),
                b'/' if self.b.get(self.i + 1) == Some(&b'*') => {
                    let end = self.src[self.i + 2..].find("*/")? + self.i + 4;
                    // A block comment spanning lines ends the line like a newline
                    // would: leave such files to hcl-edit outside newline-free places.
                    if !nl && self.src[self.i..end].contains('\n') {
                        return None;
                    }
                    self.comments.push(Comment {
                        text: self.src[self.i + 2..end - 2].to_string(),
                        start: self.i,
                        end,
                    });
                    self.i = end;
                }
                _ => return Some(()),
            }
        }
    }

    fn line_comment(&mut self, marker: usize) {
        let start = self.i;
        while self.i < self.b.len() && self.b[self.i] != b'\n' {
            self.i += 1;
        }
        self.comments.push(Comment {
            text: self.src[start + marker..self.i]
                .trim_end_matches('\r')
                .to_string(),
            start,
            end: self.i,
        });
        // `\r\n`: the `\r` belongs to the newline.
        if self.i > start + marker
            && self.b[self.i - 1] == b'\r'
            && self.b.get(self.i) == Some(&b'\n')
        {
            self.i -= 1;
        }
    }

    /// Where to come back to after looking ahead (comments met on the way are
    /// dropped again, or they would be counted twice).
    fn mark(&self) -> (usize, usize) {
        (self.i, self.comments.len())
    }

    fn back(&mut self, (i, n): (usize, usize)) {
        self.i = i;
        self.comments.truncate(n);
    }

    /// The end of an attribute or block line: a newline (consumed), the end of the
    /// file, or (`closing`) a `}` left for the caller.
    fn eol(&mut self) -> Option<()> {
        self.ws(false)?;
        match self.peek() {
            b'\n' => {
                self.i += 1;
                Some(())
            }
            b'\r' if self.b.get(self.i + 1) == Some(&b'\n') => {
                self.i += 2;
                Some(())
            }
            0 if self.i == self.b.len() => Some(()),
            _ => None,
        }
    }

    fn ident(&mut self) -> Option<(Ident, usize, usize)> {
        let start = self.i;
        match self.peek() {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.i += 1,
            _ => return None,
        }
        while matches!(self.peek(), b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'-') {
            self.i += 1;
        }
        // Non-ASCII identifiers are valid HCL: leave them to hcl-edit.
        if self.peek() >= 0x80 {
            return None;
        }
        Some((Ident::from(&self.src[start..self.i]), start, self.i))
    }

    fn body(&mut self, nested: bool) -> Option<Body> {
        let mut body = Body::default();
        loop {
            self.ws(true)?;
            if self.i == self.b.len() || self.peek() == b'}' {
                if nested != (self.peek() == b'}') {
                    return None;
                }
                // Vectors grown by pushing keep up to twice their length: the tree
                // lives for the whole run, so it is kept tight (hcl-edit's reading,
                // collected from exact-size iterators, is).
                // An attribute set twice is an error: hcl-edit reports it.
                if repeats(&body.attributes) {
                    return None;
                }
                body.attributes.shrink_to_fit();
                body.blocks.shrink_to_fit();
                return Some(body);
            }
            let (name, start, key_end) = self.ident()?;
            self.ws(false)?;
            if self.peek() == b'=' && self.b.get(self.i + 1) != Some(&b'=') {
                self.i += 1;
                self.ws(false)?;
                let v = self.expr(false)?;
                body.attributes.push(Attribute {
                    key: name,
                    key_span: self.span(start, key_end),
                    span: self.span(start, v.end),
                    value: v.e,
                });
                self.eol()?;
                continue;
            }
            let mut labels = Vec::new();
            let mut header_end = key_end;
            loop {
                match self.peek() {
                    b'"' => {
                        let (text, plain) = self.quoted()?;
                        if !plain {
                            return None;
                        }
                        labels.push(text);
                        header_end = self.i;
                    }
                    b'{' => break,
                    _ => {
                        let (l, _, e) = self.ident()?;
                        labels.push(l);
                        header_end = e;
                    }
                }
                self.ws(false)?;
            }
            labels.shrink_to_fit();
            self.i += 1; // `{`
            self.ws(false)?;
            let inner = if self.peek() == b'}' {
                Body::default()
            } else {
                // Content must start on the next line (one-line blocks: hcl-edit).
                self.eol()?;
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return None;
                }
                let inner = self.body(true)?;
                self.depth -= 1;
                if self.peek() != b'}' {
                    return None;
                }
                inner
            };
            self.i += 1; // `}`
            body.blocks.push(Block {
                ident: name,
                labels,
                header: self.span(start, header_end),
                span: self.span(start, self.i),
                body: inner,
            });
            self.eol()?;
        }
    }

    /// A quoted string without interpolation: its text, and whether it had no `${`/`%{`.
    fn quoted(&mut self) -> Option<(Ident, bool)> {
        let t = self.template_str()?;
        let plain = matches!(t.parts.as_slice(), [] | [TemplatePart::Literal { .. }]);
        let text = match t.parts.into_iter().next() {
            Some(TemplatePart::Literal { text, .. }) => text,
            _ => Ident::default(),
        };
        Some((text, plain))
    }

    // Expressions, by precedence (HCL: || < && < == != < < <= > >= < + - < * / %).

    /// `nl`: newlines are whitespace here (inside brackets, parentheses, braces and
    /// interpolations).
    fn expr(&mut self, nl: bool) -> Option<E> {
        self.depth += 1;
        let e = if self.depth > MAX_DEPTH {
            None
        } else {
            self.conditional(nl)
        };
        self.depth -= 1;
        e
    }

    fn conditional(&mut self, nl: bool) -> Option<E> {
        let cond = self.binary(0, nl)?;
        let save = self.mark();
        self.ws(nl)?;
        if self.peek() != b'?' {
            self.back(save);
            return Some(cond);
        }
        self.i += 1;
        self.ws(nl)?;
        let t = self.expr(nl)?;
        self.ws(nl)?;
        if self.peek() != b':' {
            return None;
        }
        self.i += 1;
        self.ws(nl)?;
        let f = self.expr(nl)?;
        let (start, end) = (cond.start, f.end);
        self.node(
            ExprKind::Conditional(Box::new(cond.e), Box::new(t.e), Box::new(f.e)),
            start,
            end,
        )
    }

    fn binop(&self, level: usize) -> Option<(BinaryOp, usize)> {
        let two = |s: &str| self.at(s);
        let next = self.b.get(self.i + 1).copied().unwrap_or(0);
        let op = match level {
            0 if two("||") => (BinaryOp::Or, 2),
            1 if two("&&") => (BinaryOp::And, 2),
            2 if two("==") => (BinaryOp::Eq, 2),
            2 if two("!=") => (BinaryOp::NotEq, 2),
            3 if two("<=") => (BinaryOp::LessEq, 2),
            3 if two(">=") => (BinaryOp::GreaterEq, 2),
            3 if self.peek() == b'<' && next != b'<' => (BinaryOp::Less, 1),
            3 if self.peek() == b'>' => (BinaryOp::Greater, 1),
            4 if self.peek() == b'+' => (BinaryOp::Add, 1),
            4 if self.peek() == b'-' => (BinaryOp::Sub, 1),
            5 if self.peek() == b'*' => (BinaryOp::Mul, 1),
            5 if self.peek() == b'/' && !matches!(next, b'/' | b'*') => (BinaryOp::Div, 1),
            5 if self.peek() == b'%' => (BinaryOp::Mod, 1),
            _ => return None,
        };
        Some(op)
    }

    fn binary(&mut self, level: usize, nl: bool) -> Option<E> {
        if level == 6 {
            return self.unary();
        }
        let mut lhs = self.binary(level + 1, nl)?;
        // A long chain makes a tree as deep as it is long: past this, hcl-edit
        // decides (it refuses chains of more than 128 operators).
        for _ in 0..MAX_DEPTH {
            let save = self.mark();
            self.ws(nl)?;
            let Some((op, len)) = self.binop(level) else {
                self.back(save);
                return Some(lhs);
            };
            self.i += len;
            self.ws(nl)?;
            let rhs = self.binary(level + 1, nl)?;
            let (start, end) = (lhs.start, rhs.end);
            lhs = E {
                e: Expr {
                    kind: ExprKind::Binary(op, Box::new(lhs.e), Box::new(rhs.e)),
                    span: self.span(start, end),
                },
                start,
                end,
            };
        }
        None
    }

    fn unary(&mut self) -> Option<E> {
        let start = self.i;
        let op = match self.peek() {
            b'-' => UnaryOp::Neg,
            b'!' => UnaryOp::Not,
            _ => return self.postfix(),
        };
        self.i += 1;
        // hcl-edit reads `-1` as the number -1; `- 1`, `--x`, `!!x`: leave them to it.
        if matches!(self.peek(), b' ' | b'\t' | b'\n' | b'\r' | b'-' | b'!') {
            return None;
        }
        if op == UnaryOp::Neg && self.peek().is_ascii_digit() {
            let n = self.number()?;
            let v = match n.e.kind {
                ExprKind::Number(v) => -v,
                _ => return None,
            };
            // A traversal after it (`-1.x`) is not worth the care.
            if matches!(self.peek(), b'.' | b'[') {
                return None;
            }
            return self.node(ExprKind::Number(v), start, n.end);
        }
        let x = self.unary()?;
        let end = x.end;
        self.node(ExprKind::Unary(op, Box::new(x.e)), start, end)
    }

    fn postfix(&mut self) -> Option<E> {
        let base = self.primary()?;
        let mut ops = Vec::new();
        let mut end = base.end;
        loop {
            match self.peek() {
                // `x...`: an expanded argument or a grouping, not a traversal.
                b'.' if self.at("...") => break,
                b'.' => {
                    let s = self.i;
                    self.i += 1;
                    match self.peek() {
                        b'*' => {
                            self.i += 1;
                            ops.push(Traverse::AttrSplat);
                        }
                        b'0'..=b'9' => {
                            let d = self.i;
                            while self.peek().is_ascii_digit() {
                                self.i += 1;
                            }
                            let n: f64 = self.src[d..self.i].parse().ok()?;
                            ops.push(Traverse::Index(Expr {
                                kind: ExprKind::Number(n),
                                span: self.span(s, self.i),
                            }));
                        }
                        _ => {
                            let (name, _, e) = self.ident()?;
                            ops.push(Traverse::Attr(name, self.span(s, e)));
                        }
                    }
                    end = self.i;
                }
                b'[' => {
                    self.i += 1;
                    self.ws(true)?;
                    if self.peek() == b'*' {
                        self.i += 1;
                        self.ws(true)?;
                        if self.peek() != b']' {
                            return None;
                        }
                        self.i += 1;
                        ops.push(Traverse::FullSplat);
                    } else {
                        let ix = self.expr(true)?;
                        self.ws(true)?;
                        if self.peek() != b']' {
                            return None;
                        }
                        self.i += 1;
                        ops.push(Traverse::Index(ix.e));
                    }
                    end = self.i;
                }
                _ => break,
            }
        }
        if ops.is_empty() {
            return Some(base);
        }
        ops.shrink_to_fit();
        let start = base.start;
        let t = Traversal { root: base.e, ops };
        self.node(ExprKind::Traversal(Box::new(t)), start, end)
    }

    fn number(&mut self) -> Option<E> {
        let start = self.i;
        while self.peek().is_ascii_digit() {
            self.i += 1;
        }
        if self.peek() == b'.' && self.b.get(self.i + 1).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
            while self.peek().is_ascii_digit() {
                self.i += 1;
            }
        }
        if matches!(self.peek(), b'e' | b'E') {
            let save = self.i;
            self.i += 1;
            if matches!(self.peek(), b'+' | b'-') {
                self.i += 1;
            }
            if !self.peek().is_ascii_digit() {
                self.i = save;
            }
            while self.peek().is_ascii_digit() {
                self.i += 1;
            }
        }
        // `1x`, `1_000`: not a number; hcl-edit says what it is.
        if matches!(self.peek(), b'a'..=b'z' | b'A'..=b'Z' | b'_') {
            return None;
        }
        let v: f64 = self.src[start..self.i].parse().ok()?;
        self.node(ExprKind::Number(v), start, self.i)
    }

    fn primary(&mut self) -> Option<E> {
        let start = self.i;
        let leaf = |p: &Self, kind: ExprKind| p.node(kind, start, p.i);
        match self.peek() {
            b'0'..=b'9' => self.number(),
            b'"' => {
                let t = self.template_str()?;
                let kind = ExprKind::Template(t);
                leaf(self, kind)
            }
            b'(' => {
                self.i += 1;
                self.ws(true)?;
                let inner = self.expr(true)?;
                self.ws(true)?;
                if self.peek() != b')' {
                    return None;
                }
                self.i += 1;
                Some(E {
                    e: inner.e,
                    start,
                    end: self.i,
                })
            }
            b'[' => self.tuple(start),
            b'{' => self.object(start),
            b'<' if self.at("<<") => self.heredoc(start),
            _ => {
                let (name, _, _) = self.ident()?;
                match name.as_str() {
                    "true" => return leaf(self, ExprKind::Bool(true)),
                    "false" => return leaf(self, ExprKind::Bool(false)),
                    "null" => return leaf(self, ExprKind::Null),
                    _ => {}
                }
                if self.at("::") {
                    return None;
                }
                if self.peek() != b'(' {
                    return leaf(self, ExprKind::Variable(name));
                }
                self.i += 1;
                let mut args = Vec::new();
                let mut expand = false;
                loop {
                    self.ws(true)?;
                    if self.peek() == b')' {
                        break;
                    }
                    if expand {
                        return None;
                    }
                    args.push(self.expr(true)?.e);
                    self.ws(true)?;
                    if self.at("...") {
                        self.i += 3;
                        expand = true;
                        self.ws(true)?;
                    }
                    match self.peek() {
                        b',' => self.i += 1,
                        b')' => break,
                        _ => return None,
                    }
                }
                self.i += 1;
                args.shrink_to_fit();
                let call = Call { name, args, expand };
                leaf(self, ExprKind::Call(Box::new(call)))
            }
        }
    }

    /// `for` as the first word of a collection: a for expression.
    fn at_for(&self) -> bool {
        self.at("for") && matches!(self.b.get(self.i + 3), Some(b' ' | b'\t' | b'\n' | b'\r'))
    }

    fn tuple(&mut self, start: usize) -> Option<E> {
        self.i += 1;
        self.ws(true)?;
        if self.at_for() {
            return self.for_expr(start, b']');
        }
        let mut items = Vec::new();
        loop {
            self.ws(true)?;
            if self.peek() == b']' {
                break;
            }
            items.push(self.expr(true)?.e);
            self.ws(true)?;
            match self.peek() {
                b',' => self.i += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.i += 1;
        items.shrink_to_fit();
        self.node(ExprKind::Array(items), start, self.i)
    }

    fn object(&mut self, start: usize) -> Option<E> {
        self.i += 1;
        self.ws(true)?;
        if self.at_for() {
            return self.for_expr(start, b'}');
        }
        let mut items: Vec<ObjectItem> = Vec::new();
        loop {
            self.ws(true)?;
            if self.peek() == b'}' {
                break;
            }
            let (key, key_span) = match self.peek() {
                b'"' => {
                    let ks = self.i;
                    let (text, plain) = self.quoted()?;
                    if !plain {
                        return None;
                    }
                    (ObjectKey::Name(text), self.span(ks, self.i))
                }
                b'(' => {
                    let k = self.primary()?;
                    let sp = k.e.span;
                    match k.e.as_literal_str() {
                        Some(s) => (ObjectKey::Name(s.into()), sp),
                        None => (ObjectKey::Expr(Box::new(k.e)), sp),
                    }
                }
                _ => {
                    let (name, s, e) = self.ident()?;
                    if matches!(name.as_str(), "true" | "false" | "null" | "for") {
                        return None;
                    }
                    (ObjectKey::Name(name), self.span(s, e))
                }
            };
            self.ws(false)?;
            match self.peek() {
                b'=' if self.b.get(self.i + 1) != Some(&b'=') => self.i += 1,
                b':' => self.i += 1,
                _ => return None,
            }
            // Inside an object constructor newlines end items (HCL ignores them only
            // inside parentheses, brackets, interpolations and for expressions), so
            // the value is read on its own line.
            self.ws(false)?;
            let value = self.expr(false)?.e;
            if let ObjectKey::Name(n) = &key {
                // Repeated keys: hcl-edit refuses them and the second reading keeps
                // the last; leave that to it.
                if items
                    .iter()
                    .any(|i| matches!(&i.key, ObjectKey::Name(m) if m == n))
                {
                    return None;
                }
            }
            items.push(ObjectItem {
                key,
                key_span,
                value,
            });
            // Items end at a comma or a newline.
            let save = self.i;
            self.ws(false)?;
            match self.peek() {
                b',' => self.i += 1,
                b'}' => {}
                b'\n' | b'\r' => {}
                _ => {
                    self.i = save;
                    return None;
                }
            }
        }
        self.i += 1;
        items.shrink_to_fit();
        self.node(ExprKind::Object(items), start, self.i)
    }

    fn for_expr(&mut self, start: usize, close: u8) -> Option<E> {
        self.i += 3;
        self.ws(true)?;
        let (first, _, _) = self.ident()?;
        self.ws(true)?;
        let (key_var, value_var) = if self.peek() == b',' {
            self.i += 1;
            self.ws(true)?;
            let (second, _, _) = self.ident()?;
            (Some(first), second)
        } else {
            (None, first)
        };
        self.ws(true)?;
        if !(self.at("in") && matches!(self.b.get(self.i + 2), Some(b' ' | b'\t' | b'\n' | b'\r')))
        {
            return None;
        }
        self.i += 2;
        self.ws(true)?;
        let collection = self.expr(true)?.e;
        self.ws(true)?;
        if self.peek() != b':' {
            return None;
        }
        self.i += 1;
        self.ws(true)?;
        let first = self.expr(true)?.e;
        self.ws(true)?;
        let (key_expr, value_expr) = if close == b'}' {
            if !self.at("=>") {
                return None;
            }
            self.i += 2;
            self.ws(true)?;
            let v = self.expr(true)?.e;
            (Some(first), v)
        } else {
            (None, first)
        };
        self.ws(true)?;
        let mut grouping = false;
        if close == b'}' && self.at("...") {
            self.i += 3;
            grouping = true;
            self.ws(true)?;
        }
        let mut cond = None;
        if self.at("if")
            && matches!(
                self.b.get(self.i + 2),
                Some(b' ' | b'\t' | b'\n' | b'\r' | b'(')
            )
        {
            self.i += 2;
            self.ws(true)?;
            cond = Some(self.expr(true)?.e);
            self.ws(true)?;
        }
        if self.peek() != close {
            return None;
        }
        self.i += 1;
        self.node(
            ExprKind::For(Box::new(ForExpr {
                key_var,
                value_var,
                collection,
                key_expr,
                value_expr,
                cond,
                grouping,
            })),
            start,
            self.i,
        )
    }

    /// `${ expr }` at `${`, through its `}` (strip markers: `None`).
    fn interpolation(&mut self) -> Option<Expr> {
        self.i += 2;
        if self.peek() == b'~' {
            return None;
        }
        self.ws(true)?;
        let e = self.expr(true)?;
        self.ws(true)?;
        if self.peek() != b'}' {
            return None;
        }
        self.i += 1;
        Some(e.e)
    }

    /// A `<<MARKER` heredoc (not `<<-`: hcl-edit's indentation stripping is left to
    /// it), its text a template with `${…}` interpolations. The span ends with the
    /// closing marker; the text runs from the line after the opening to the closing
    /// line, newline included. Backslashes are text in a heredoc; `$${`, `%%{`,
    /// directives and strip markers: `None`.
    fn heredoc(&mut self, start: usize) -> Option<E> {
        self.i += 2;
        let (marker, _, _) = self.ident()?;
        if self.peek() != b'\n' {
            return None;
        }
        let content = self.i + 1;
        // The first line that is the marker alone (indentation allowed) closes it.
        let mut line = content;
        let (close_start, close_end) = loop {
            let eol = self.src[line..]
                .find('\n')
                .map_or(self.b.len(), |e| line + e);
            if self.src[line..eol].trim_start_matches([' ', '\t']) == marker {
                break (line, eol);
            }
            if eol == self.b.len() {
                return None;
            }
            line = eol + 1;
        };
        let text = &self.src[content..close_start];
        if text.contains("$${")
            || text.contains("%%{")
            || text.contains("%{")
            || text.contains('\r')
        {
            return None;
        }
        let mut parts = Vec::new();
        self.i = content;
        let mut lit_start = content;
        // The comment lexer skips heredocs whole: comments inside their
        // interpolations are not kept.
        let comments = self.comments.len();
        while self.i < close_start {
            if self.at("${") {
                if self.i > lit_start {
                    let sp = self.span(lit_start, self.i);
                    super::literal::parts(
                        self.src,
                        true,
                        &self.src[lit_start..self.i],
                        sp,
                        &mut parts,
                    );
                }
                parts.push(TemplatePart::Interp(self.interpolation()?));
                if self.i > close_start {
                    return None;
                }
                lit_start = self.i;
            } else {
                self.i += 1;
            }
        }
        if self.i != close_start {
            return None;
        }
        if close_start > lit_start {
            let sp = self.span(lit_start, close_start);
            super::literal::parts(
                self.src,
                true,
                &self.src[lit_start..close_start],
                sp,
                &mut parts,
            );
        }
        self.comments.truncate(comments);
        parts.shrink_to_fit();
        let end = close_end;
        self.i = end;
        self.node(ExprKind::Template(Template { parts }), start, end)
    }

    /// A quoted template: `"…"` with `${…}` interpolations (directives, strip markers
    /// and unknown escapes: `None`).
    fn template_str(&mut self) -> Option<Template> {
        let open = self.i;
        self.i += 1;
        let mut parts = Vec::new();
        let mut lit = Ident::default();
        let mut lit_start = self.i;
        let mut any_interp = false;
        loop {
            match self.peek() {
                b'"' => break,
                b'\n' | b'\r' => return None,
                0 if self.i >= self.b.len() => return None,
                b'\\' => {
                    self.i += 1;
                    match self.peek() {
                        b'n' => lit.push('\n'),
                        b'r' => lit.push('\r'),
                        b't' => lit.push('\t'),
                        b'"' => lit.push('"'),
                        b'\\' => lit.push('\\'),
                        _ => return None,
                    }
                    self.i += 1;
                }
                b'$' if self.at("$${") => {
                    lit.push_str("${");
                    self.i += 3;
                }
                b'%' if self.at("%%{") => {
                    lit.push_str("%{");
                    self.i += 3;
                }
                b'%' if self.at("%{") => return None,
                b'$' if self.at("${") => {
                    if self.i > lit_start {
                        let sp = self.span(lit_start, self.i);
                        super::literal::parts(self.src, true, &lit, sp, &mut parts);
                    }
                    lit.clear();
                    parts.push(TemplatePart::Interp(self.interpolation()?));
                    any_interp = true;
                    lit_start = self.i;
                }
                _ => {
                    // A run of plain text at once (pushing it a character at a time
                    // was ~3 % of a run): up to the next byte that may end it or need
                    // a look. Those bytes are ASCII, so the run ends on a char boundary.
                    let rest = &self.b[self.i..];
                    let n = rest
                        .iter()
                        .position(|b| matches!(b, b'"' | b'\\' | b'$' | b'%' | b'\n' | b'\r' | 0))
                        .unwrap_or(rest.len())
                        .max(1);
                    let run = self.src.get(self.i..self.i + n)?;
                    lit.push_str(run);
                    self.i += n;
                }
            }
        }
        let close = self.i;
        self.i += 1;
        if !any_interp {
            // A plain string: one literal, its span inside the quotes.
            let span = self.span(open + 1, close);
            return Some(Template {
                parts: vec![TemplatePart::Literal {
                    exact: close - (open + 1) == lit.len(),
                    text: lit,
                    span,
                }],
            });
        }
        if close > lit_start {
            let sp = self.span(lit_start, close);
            super::literal::parts(self.src, true, &lit, sp, &mut parts);
        }
        parts.shrink_to_fit();
        Some(Template { parts })
    }
}
