//! The server's state and message loop: documents, debounce, requests and
//! notifications, publishing. Analysis, code actions, hover and config handling are
//! further `impl Server` blocks in their own modules.

use super::document::{apply_change, dir_of, is_config_uri, module_dir, parse, to_json};
use super::uri;
use bedrock_lint_parser::model::load::clean;
use bedrock_lint_rules::config::CONFIG_FILE;
use bedrock_lint_rules::{Applicability, Config, RuleId};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lt;
use lsp_types::Uri;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Typing pauses this long before a module is analysed again.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// A published finding, kept for code actions and hover.
pub(super) struct Finding {
    pub(super) diagnostic: lt::Diagnostic,
    pub(super) rule: RuleId,
    pub(super) fix: Option<(Applicability, String, HashMap<Uri, Vec<lt::TextEdit>>)>,
    /// The edit inserting an ignore comment above the finding (`None` when the
    /// rule cannot be ignored or the file takes no comments).
    pub(super) ignore: Option<lt::TextEdit>,
}

pub(super) struct Server<'a> {
    pub(super) conn: &'a Connection,
    pub(super) cwd: PathBuf,
    /// Open documents: URI -> text.
    pub(super) docs: HashMap<Uri, String>,
    /// Module directories waiting for the debounce to end.
    pub(super) pending: HashMap<PathBuf, Instant>,
    /// Module directory -> URIs it last published non-empty diagnostics for.
    pub(super) published: HashMap<PathBuf, HashSet<Uri>>,
    pub(super) findings: HashMap<Uri, Vec<Finding>>,
    /// Config files whose error is currently shown.
    pub(super) config_errors: HashSet<PathBuf>,
    /// The last config that loaded, per config path (used while it is broken).
    pub(super) last_good: HashMap<PathBuf, Config>,
    pub(super) shutdown: bool,
    pub(super) next_request: i32,
}

impl<'a> Server<'a> {
    pub(super) fn new(conn: &'a Connection) -> Self {
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

    pub(super) fn main_loop(&mut self) -> i32 {
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

    pub(super) fn send(&self, msg: Message) {
        let _ = self.conn.sender.send(msg);
    }

    pub(super) fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.into(), params).into());
    }

    pub(super) fn log(&self, message: String) {
        self.notify(
            "window/logMessage",
            lt::LogMessageParams {
                typ: lt::MessageType::WARNING,
                message,
            },
        );
    }

    pub(super) fn register_watchers(&mut self) {
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

    /// Clears what a module published (its last document was closed).
    pub(super) fn clear(&mut self, dir: &Path) {
        for u in self.published.remove(dir).unwrap_or_default() {
            self.findings.remove(&u);
            self.publish(u, vec![]);
        }
    }

    pub(super) fn publish(&self, uri: Uri, diagnostics: Vec<lt::Diagnostic>) {
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
    pub(super) fn uri_for(&self, path: &Path) -> Option<Uri> {
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
