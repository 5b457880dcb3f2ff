//! `bedrock-lint lsp`: a language server over stdio (lsp-server: a small synchronous
//! crate, half the dependencies and build time of tower-lsp-server).
//!
//! No rule logic lives here: every analysis is `bedrock_lint_rules::lint` over the
//! document's module directory, with the open buffers overlaid on the disk content.

// `Uri` hashes and compares by its string; lsp-types itself keys `WorkspaceEdit`
// changes by it.
#![allow(clippy::mutable_key_type)]

mod uri;

use crate::run::Failure;
use bedrock_lint_parser::model::load::{clean, LoadOptions};
use bedrock_lint_parser::SourceFile;
use bedrock_lint_rules::config::{ConfigError, CONFIG_FILE};
use bedrock_lint_rules::{docs, Applicability, Config, LintInput, RuleId, Severity};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lt;
use lsp_types::Uri;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Typing pauses this long before a module is analysed again.
const DEBOUNCE: Duration = Duration::from_millis(200);
/// An `ignore with expiry` action sets `until=` this many days ahead.
const IGNORE_DAYS: i64 = 90;

/// Runs the server on stdin/stdout until `exit`; 0 after a clean shutdown.
pub fn serve() -> Result<i32, Failure> {
    let (connection, io_threads) = Connection::stdio();
    let result = run_connection(&connection);
    // Drop the connection first: the writer thread ends only when its sender is gone.
    drop(connection);
    let joined = io_threads.join();
    let code = result?;
    if let Err(e) = joined {
        eprintln!("bedrock-lint lsp: {e}");
    }
    Ok(code)
}

fn run_connection(connection: &Connection) -> Result<i32, Failure> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| Failure(format!("language server: {e}")))?;
    let params: lt::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let result = lt::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(lt::ServerInfo {
            name: "bedrock-lint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| Failure(e.to_string()))?;
    connection
        .initialize_finish(id, result)
        .map_err(|e| Failure(format!("language server: {e}")))?;
    let mut server = Server::new(connection);
    if params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
    {
        server.register_watchers();
    }
    Ok(server.main_loop())
}

fn capabilities() -> lt::ServerCapabilities {
    lt::ServerCapabilities {
        text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
            lt::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lt::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lt::TextDocumentSyncSaveOptions::SaveOptions(
                    lt::SaveOptions {
                        include_text: Some(false),
                    },
                )),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lt::CodeActionProviderCapability::Options(
            lt::CodeActionOptions {
                code_action_kinds: Some(vec![lt::CodeActionKind::QUICKFIX]),
                ..Default::default()
            },
        )),
        hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// A published finding, kept for code actions and hover.
struct Finding {
    diagnostic: lt::Diagnostic,
    rule: RuleId,
    fix: Option<(Applicability, String, HashMap<Uri, Vec<lt::TextEdit>>)>,
    /// The edit inserting an ignore comment above the finding (`None` when the
    /// rule cannot be ignored or the file takes no comments).
    ignore: Option<lt::TextEdit>,
}

struct Server<'a> {
    conn: &'a Connection,
    cwd: PathBuf,
    /// Open documents: URI -> text.
    docs: HashMap<Uri, String>,
    /// Module directories waiting for the debounce to end.
    pending: HashMap<PathBuf, Instant>,
    /// Module directory -> URIs it last published non-empty diagnostics for.
    published: HashMap<PathBuf, HashSet<Uri>>,
    findings: HashMap<Uri, Vec<Finding>>,
    /// Config files whose error is currently shown.
    config_errors: HashSet<PathBuf>,
    /// The last config that loaded, per config path (used while it is broken).
    last_good: HashMap<PathBuf, Config>,
    shutdown: bool,
    next_request: i32,
}

impl<'a> Server<'a> {
    fn new(conn: &'a Connection) -> Self {
        Server {
            conn,
            cwd: std::env::current_dir().unwrap_or_default(),
            docs: HashMap::new(),
            pending: HashMap::new(),
            published: HashMap::new(),
            findings: HashMap::new(),
            config_errors: HashSet::new(),
            last_good: HashMap::new(),
            shutdown: false,
            next_request: 0,
        }
    }

    fn main_loop(&mut self) -> i32 {
        loop {
            let deadline = self.pending.values().min().copied();
            let msg = match deadline {
                Some(d) => match self
                    .conn
                    .receiver
                    .recv_timeout(d.saturating_duration_since(Instant::now()))
                {
                    Ok(m) => Some(m),
                    Err(e) if e.is_timeout() => None,
                    Err(_) => return 1,
                },
                None => match self.conn.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return 1,
                },
            };
            match msg {
                Some(Message::Request(req)) => self.on_request(req),
                Some(Message::Notification(n)) => {
                    if n.method == "exit" {
                        return if self.shutdown { 0 } else { 1 };
                    }
                    self.on_notification(n);
                }
                Some(Message::Response(_)) => {}
                None => {}
            }
            self.run_due();
        }
    }

    fn run_due(&mut self) {
        let now = Instant::now();
        let due: BTreeSet<PathBuf> = self
            .pending
            .iter()
            .filter(|(_, d)| **d <= now)
            .map(|(p, _)| p.clone())
            .collect();
        for dir in due {
            self.pending.remove(&dir);
            self.analyse(&dir);
        }
    }

    fn send(&self, msg: Message) {
        let _ = self.conn.sender.send(msg);
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.into(), params).into());
    }

    fn log(&self, message: String) {
        self.notify(
            "window/logMessage",
            lt::LogMessageParams {
                typ: lt::MessageType::WARNING,
                message,
            },
        );
    }

    fn register_watchers(&mut self) {
        let watchers = ["**/.bedrock-lint.hcl", "**/*.tf", "**/*.tfvars"]
            .iter()
            .map(|g| lt::FileSystemWatcher {
                glob_pattern: lt::GlobPattern::String((*g).into()),
                kind: None,
            })
            .collect();
        let options = lt::DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = lt::RegistrationParams {
            registrations: vec![lt::Registration {
                id: "bedrock-lint-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        let id = RequestId::from(format!("bedrock-lint-{}", self.next_request));
        self.send(Request::new(id, "client/registerCapability".into(), params).into());
    }

    // ---- requests ----

    fn on_request(&mut self, req: Request) {
        let id = req.id.clone();
        if self.shutdown {
            return self.send_error(id, ErrorCode::InvalidRequest, "the server is shutting down");
        }
        // Answer from the current text: analyse a pending module first.
        let doc_dir = req
            .params
            .pointer("/textDocument/uri")
            .and_then(|u| u.as_str())
            .and_then(|u| u.parse::<Uri>().ok())
            .and_then(|u| dir_of(&u));
        if let Some(dir) = doc_dir {
            if self.pending.remove(&dir).is_some() {
                self.analyse(&dir);
            }
        }
        let result = match req.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Ok(serde_json::Value::Null)
            }
            "textDocument/codeAction" => parse(req.params).map(|p| to_json(self.code_actions(p))),
            "textDocument/hover" => parse(req.params).map(|p| to_json(self.hover(p))),
            m => Err((ErrorCode::MethodNotFound, format!("unknown method {m}"))),
        };
        match result {
            Ok(v) => self.send(Response::new_ok(id, v).into()),
            Err((code, msg)) => self.send_error(id, code, &msg),
        }
    }

    fn send_error(&self, id: RequestId, code: ErrorCode, message: &str) {
        self.send(Response::new_err(id, code as i32, message.into()).into());
    }

    fn code_actions(&self, p: lt::CodeActionParams) -> Vec<lt::CodeActionOrCommand> {
        if let Some(only) = &p.context.only {
            if !only.iter().any(|k| {
                lt::CodeActionKind::QUICKFIX
                    .as_str()
                    .starts_with(k.as_str())
            }) {
                return vec![];
            }
        }
        let mut fixes = Vec::new();
        let mut ignores = Vec::new();
        let mut seen_ignore = HashSet::new();
        for f in self
            .findings
            .get(&p.text_document.uri)
            .into_iter()
            .flatten()
        {
            if !overlaps(&f.diagnostic.range, &p.range) {
                continue;
            }
            if let Some((applicability, description, changes)) = &f.fix {
                let safe = *applicability == Applicability::Safe;
                let title = if safe {
                    format!("Fix {}: {description}", f.rule.code())
                } else {
                    format!(
                        "Fix {}: {description} (unsafe: changes permissions)",
                        f.rule.code()
                    )
                };
                fixes.push((
                    !safe,
                    lt::CodeAction {
                        title,
                        kind: Some(lt::CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![f.diagnostic.clone()]),
                        edit: Some(lt::WorkspaceEdit {
                            changes: Some(changes.clone()),
                            ..Default::default()
                        }),
                        is_preferred: Some(safe),
                        ..Default::default()
                    },
                ));
            }
            if let Some(edit) = &f.ignore {
                if !seen_ignore.insert((f.rule, edit.range.start.line)) {
                    continue;
                }
                let mut changes = HashMap::new();
                changes.insert(p.text_document.uri.clone(), vec![edit.clone()]);
                ignores.push(lt::CodeAction {
                    title: format!(
                        "Ignore {} for {IGNORE_DAYS} days (bedrock-lint:ignore with until=)",
                        f.rule.code()
                    ),
                    kind: Some(lt::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![f.diagnostic.clone()]),
                    edit: Some(lt::WorkspaceEdit {
                        changes: Some(changes),
                        ..Default::default()
                    }),
                    is_preferred: Some(false),
                    ..Default::default()
                });
            }
        }
        // Safe fixes first, then unsafe ones, then the ignore comments.
        fixes.sort_by_key(|(unsafe_, _)| *unsafe_);
        fixes
            .into_iter()
            .map(|(_, a)| a)
            .chain(ignores)
            .map(lt::CodeActionOrCommand::CodeAction)
            .collect()
    }

    fn hover(&self, p: lt::HoverParams) -> Option<lt::Hover> {
        let uri = &p.text_document_position_params.text_document.uri;
        let pos = p.text_document_position_params.position;
        let path = uri::to_path(uri);
        let text = match self.docs.get(uri) {
            Some(t) => t.clone(),
            None => std::fs::read_to_string(path.as_ref()?).ok()?,
        };
        let file = SourceFile::new(PathBuf::new(), Arc::from(text.as_str()));
        let offset = file.offset_of_utf16(pos.line, pos.character);
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        let start = text[..offset]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word(*c))
            .last()
            .map_or(offset, |(i, _)| i);
        let end = text[offset..]
            .char_indices()
            .find(|(_, c)| !is_word(*c))
            .map_or(text.len(), |(i, _)| offset + i);
        let line = file.line_text(file.line_index(offset));
        let is_config = path
            .as_ref()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == CONFIG_FILE);
        if line.contains("bedrock-lint:ignore") || is_config {
            if let Some(rule) = RuleId::from_code_or_name(&text[start..end]) {
                return Some(hover_for(&[rule], Some(range_of(&file, start, end))));
            }
        }
        let mut rules = Vec::new();
        let mut range = None;
        for f in self.findings.get(uri).into_iter().flatten() {
            if contains(&f.diagnostic.range, pos) && !rules.contains(&f.rule) {
                rules.push(f.rule);
                range.get_or_insert(f.diagnostic.range);
            }
        }
        if rules.is_empty() {
            return None;
        }
        Some(hover_for(&rules, range))
    }

    // ---- notifications ----

    fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = parse::<lt::DidOpenTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    self.docs.insert(uri.clone(), p.text_document.text);
                    self.changed(&uri, None);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = parse::<lt::DidChangeTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    if let Some(text) = self.docs.get_mut(&uri) {
                        for c in p.content_changes {
                            apply_change(text, c);
                        }
                    }
                    self.changed(&uri, Some(Instant::now() + DEBOUNCE));
                }
            }
            "textDocument/didSave" => {
                if let Ok(p) = parse::<lt::DidSaveTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    if let (Some(text), Some(doc)) = (p.text, self.docs.get_mut(&uri)) {
                        *doc = text;
                    }
                    self.changed(&uri, None);
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = parse::<lt::DidCloseTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    self.docs.remove(&uri);
                    if let Some(dir) = uri::to_path(&uri).and_then(|p| module_dir(&p)) {
                        if self.docs.keys().any(|u| dir_of(u).as_ref() == Some(&dir)) {
                            self.pending.insert(dir, Instant::now());
                        } else {
                            self.pending.remove(&dir);
                            self.clear(&dir);
                        }
                    }
                }
            }
            // A config or a file on disk changed: analyse every open module again.
            "workspace/didChangeWatchedFiles" => self.all_open_modules_now(),
            _ => {}
        }
    }

    /// A document changed: analyse its module now or after `at`.
    fn changed(&mut self, uri: &Uri, at: Option<Instant>) {
        let Some(path) = uri::to_path(uri) else {
            return;
        };
        if path.file_name().is_some_and(|n| n == CONFIG_FILE) {
            // The config is read from disk: act on open and save, not on typing.
            if at.is_none() {
                self.check_config_file(&path);
                self.all_open_modules_now();
            }
            return;
        }
        if let Some(dir) = module_dir(&path) {
            match at {
                Some(at) => {
                    self.pending.insert(dir, at);
                }
                None => {
                    self.pending.remove(&dir);
                    self.analyse(&dir);
                }
            }
        }
    }

    fn all_open_modules_now(&mut self) {
        let dirs: BTreeSet<PathBuf> = self
            .docs
            .keys()
            .filter(|u| !is_config_uri(u))
            .filter_map(dir_of)
            .chain(self.published.keys().cloned())
            .collect();
        for dir in dirs {
            self.pending.remove(&dir);
            self.analyse(&dir);
        }
    }

    // ---- analysis ----

    /// The config for `dir` (reporting a broken one on the config file).
    fn config_for(&mut self, dir: &Path) -> Config {
        let Some(path) = Config::discover(dir) else {
            return Config::defaults();
        };
        self.load_config(&path).unwrap_or_else(|| {
            self.last_good
                .get(&path)
                .cloned()
                .unwrap_or_else(Config::defaults)
        })
    }

    fn check_config_file(&mut self, path: &Path) {
        if path.is_file() {
            let path = path
                .canonicalize()
                .map(|p| clean(&p))
                .unwrap_or_else(|_| path.to_path_buf());
            self.load_config(&path);
        }
    }

    /// Loads a config, publishing its error (or clearing an earlier one).
    fn load_config(&mut self, path: &Path) -> Option<Config> {
        match Config::load(path) {
            Ok(c) => {
                self.last_good.insert(path.to_path_buf(), c.clone());
                if self.config_errors.remove(path) {
                    if let Some(uri) = self.uri_for(path) {
                        self.publish(uri, vec![]);
                    }
                }
                Some(c)
            }
            Err(e) => {
                self.config_errors.insert(path.to_path_buf());
                if let Some(uri) = self.uri_for(path) {
                    let d = config_diagnostic(&e);
                    self.publish(uri, vec![d]);
                }
                None
            }
        }
    }

    fn analyse(&mut self, dir: &Path) {
        let config = self.config_for(dir);
        let overlays: HashMap<PathBuf, String> = self
            .docs
            .iter()
            .filter_map(|(u, t)| Some((clean(&uri::to_path(u)?), t.clone())))
            .collect();
        let input = LintInput {
            load: LoadOptions {
                paths: vec![dir.to_path_buf()],
                exclude: config.exclude.clone(),
                exclude_root: Some(config.root.clone()),
                overlays,
                var_files: vec![],
                plans: vec![],
            },
            today: crate::run::today(),
            config,
        };
        let report = match bedrock_lint_rules::lint(&input) {
            Ok(r) => r,
            Err(e) => {
                self.log(format!("bedrock-lint: {}", e.0));
                return;
            }
        };
        let files = &report.model.files;
        let until = input.today.add_days(IGNORE_DAYS).format();
        let mut by_uri: HashMap<Uri, Vec<Finding>> = HashMap::new();
        let mut uri_cache: HashMap<u32, Option<Uri>> = HashMap::new();
        let mut uri_of = |s: &Self, id: bedrock_lint_parser::FileId| {
            uri_cache
                .entry(id.0)
                .or_insert_with(|| s.uri_for(&files.get(id).path))
                .clone()
        };
        for d in report.diagnostics.iter().filter(|d| !d.suppressed) {
            let Some(uri) = uri_of(self, d.span.file) else {
                continue;
            };
            let file = files.get(d.span.file);
            let range = range_of(file, d.span.start as usize, d.span.end as usize);
            let related: Vec<lt::DiagnosticRelatedInformation> = d
                .related
                .iter()
                .filter_map(|l| {
                    Some(lt::DiagnosticRelatedInformation {
                        location: lt::Location {
                            uri: uri_of(self, l.span.file)?,
                            range: range_of(
                                files.get(l.span.file),
                                l.span.start as usize,
                                l.span.end as usize,
                            ),
                        },
                        message: l.message.clone(),
                    })
                })
                .collect();
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            let diagnostic = lt::Diagnostic {
                range,
                severity: Some(match d.severity {
                    Severity::Error => lt::DiagnosticSeverity::ERROR,
                    Severity::Warning => lt::DiagnosticSeverity::WARNING,
                    Severity::Note => lt::DiagnosticSeverity::INFORMATION,
                }),
                code: Some(lt::NumberOrString::String(d.rule.code().into())),
                source: Some("bedrock-lint".into()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                ..Default::default()
            };
            let fix =
                d.fix
                    .as_ref()
                    .filter(|f| !f.edits.is_empty())
                    .and_then(|f| {
                        let mut changes: HashMap<Uri, Vec<lt::TextEdit>> = HashMap::new();
                        for e in &f.edits {
                            changes.entry(uri_of(self, e.span.file)?).or_default().push(
                                lt::TextEdit {
                                    range: range_of(
                                        files.get(e.span.file),
                                        e.span.start as usize,
                                        e.span.end as usize,
                                    ),
                                    new_text: e.replacement.clone(),
                                },
                            );
                        }
                        Some((f.applicability, f.description.clone(), changes))
                    });
            let ignore = (input.config.ignorable(d.rule)
                && file.path.extension().is_some_and(|e| e == "tf"))
            .then(|| ignore_edit(file, d.span.start as usize, d.rule, &until));
            by_uri.entry(uri).or_default().push(Finding {
                diagnostic,
                rule: d.rule,
                fix,
                ignore,
            });
        }
        // Open documents of this module always get a (possibly empty) list.
        for u in self.docs.keys() {
            if !is_config_uri(u) && dir_of(u).as_deref() == Some(dir) {
                by_uri.entry(u.clone()).or_default();
            }
        }
        let before = self.published.remove(dir).unwrap_or_default();
        for u in before {
            if !by_uri.contains_key(&u) {
                self.findings.remove(&u);
                self.publish(u, vec![]);
            }
        }
        let mut now = HashSet::new();
        let mut uris: Vec<Uri> = by_uri.keys().cloned().collect();
        uris.sort();
        for u in uris {
            let findings = by_uri.remove(&u).unwrap_or_default();
            let diags = findings.iter().map(|f| f.diagnostic.clone()).collect();
            if !findings.is_empty() {
                now.insert(u.clone());
            }
            self.findings.insert(u.clone(), findings);
            self.publish(u, diags);
        }
        self.published.insert(dir.to_path_buf(), now);
    }

    /// Clears what a module published (its last document was closed).
    fn clear(&mut self, dir: &Path) {
        for u in self.published.remove(dir).unwrap_or_default() {
            self.findings.remove(&u);
            self.publish(u, vec![]);
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lt::Diagnostic>) {
        self.notify(
            "textDocument/publishDiagnostics",
            lt::PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: None,
            },
        );
    }

    /// The URI of a path as the loader spelled it: the editor's own URI when the
    /// file is open (even through a symbolic link), else one built from the path.
    fn uri_for(&self, path: &Path) -> Option<Uri> {
        let abs = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.cwd.join(path)
        };
        let abs = clean(&abs);
        let abs = if abs.is_absolute() {
            abs
        } else {
            self.cwd.join(abs)
        };
        let canonical = abs.canonicalize().ok();
        for u in self.docs.keys() {
            if let Some(p) = uri::to_path(u) {
                if p == abs || (canonical.is_some() && p.canonicalize().ok() == canonical) {
                    return Some(u.clone());
                }
            }
        }
        uri::from_path(&abs)
    }
}

fn parse<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(v)
        .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params: {e}")))
}

fn to_json<T: serde::Serialize>(v: T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

fn is_config_uri(u: &Uri) -> bool {
    uri::to_path(u).is_some_and(|p| p.file_name().is_some_and(|n| n == CONFIG_FILE))
}

/// The module directory of a document: the folder holding it.
fn module_dir(path: &Path) -> Option<PathBuf> {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_path_buf)
}

fn dir_of(u: &Uri) -> Option<PathBuf> {
    module_dir(&uri::to_path(u)?)
}

fn range_of(file: &SourceFile, start: usize, end: usize) -> lt::Range {
    let (sl, sc) = file.utf16_position(start);
    let (el, ec) = file.utf16_position(end.max(start));
    lt::Range {
        start: lt::Position::new(sl, sc),
        end: lt::Position::new(el, ec),
    }
}

fn overlaps(a: &lt::Range, b: &lt::Range) -> bool {
    let key = |p: lt::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

fn contains(r: &lt::Range, p: lt::Position) -> bool {
    let key = |p: lt::Position| (p.line, p.character);
    key(r.start) <= key(p) && key(p) <= key(r.end)
}

/// Inserts `# bedrock-lint:ignore CODE until=... reason="TODO: why"` above the
/// line holding `offset`, indented like it.
fn ignore_edit(file: &SourceFile, offset: usize, rule: RuleId, until: &str) -> lt::TextEdit {
    let line = file.line_index(offset);
    let text = file.line_text(line);
    let indent: String = text
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let start = file.line_start(line);
    let eol = if file.text[start..].contains("\r\n")
        && file.text[start..]
            .find('\n')
            .is_some_and(|i| i > 0 && file.text.as_bytes()[start + i - 1] == b'\r')
    {
        "\r\n"
    } else {
        "\n"
    };
    let pos = lt::Position::new(line as u32, 0);
    lt::TextEdit {
        range: lt::Range::new(pos, pos),
        new_text: format!(
            "{indent}# bedrock-lint:ignore {} until={until} reason=\"TODO: why\"{eol}",
            rule.code()
        ),
    }
}

fn hover_for(rules: &[RuleId], range: Option<lt::Range>) -> lt::Hover {
    let value = rules
        .iter()
        .map(|r| match docs::body(*r) {
            Some(b) => b.trim_end().to_string(),
            None => format!("**{}** `{}`", r.code(), r.name()),
        })
        .collect::<Vec<_>>()
        .join("\n\n---\n\n");
    lt::Hover {
        contents: lt::HoverContents::Markup(lt::MarkupContent {
            kind: lt::MarkupKind::Markdown,
            value,
        }),
        range,
    }
}

fn config_diagnostic(e: &ConfigError) -> lt::Diagnostic {
    let line = e.line.saturating_sub(1) as u32;
    let width = std::fs::read_to_string(&e.path)
        .ok()
        .and_then(|t| {
            t.lines()
                .nth(line as usize)
                .map(|l| l.encode_utf16().count())
        })
        .unwrap_or(0) as u32;
    lt::Diagnostic {
        range: lt::Range::new(lt::Position::new(line, 0), lt::Position::new(line, width)),
        severity: Some(lt::DiagnosticSeverity::ERROR),
        source: Some("bedrock-lint".into()),
        message: format!("invalid configuration: {}", e.message),
        ..Default::default()
    }
}

/// Applies one full or ranged content change to a buffer.
fn apply_change(text: &mut String, change: lt::TextDocumentContentChangeEvent) {
    match change.range {
        None => *text = change.text,
        Some(r) => {
            let file = SourceFile::new(PathBuf::new(), Arc::from(text.as_str()));
            let start = file.offset_of_utf16(r.start.line, r.start.character);
            let end = file.offset_of_utf16(r.end.line, r.end.character).max(start);
            text.replace_range(start..end, &change.text);
        }
    }
}
