//! Drives `bedrock-lint lsp` over stdio as an editor does and asserts the messages.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-29";
const UNTIL: &str = "2027-02-27";
const WAIT: Duration = Duration::from_secs(15);
const ARN: &str =
    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0";

const MAIN_TF: &str = r#"resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*"
    }]
  })
}
"#;

const CONFIG: &str = r#"invocation_logging = "external"
approved_models    = ["anthropic.claude-3-5-sonnet-20240620-v1:0"]
approved_regions   = ["us-east-1"]
"#;

/// A fresh directory holding main.tf and .bedrock-lint.hcl.
fn workspace(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.tf"), MAIN_TF).unwrap();
    std::fs::write(dir.join(".bedrock-lint.hcl"), CONFIG).unwrap();
    dir
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(cwd: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bedrock-lint"))
            .arg("lsp")
            .current_dir(cwd)
            .env("BEDROCK_LINT_TODAY", TODAY)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn bedrock-lint lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut buf = vec![0; len.expect("Content-Length header")];
                if r.read_exact(&mut buf).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&buf).expect("JSON body");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next_id: 0,
        }
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(&format!("response to {method}"), |m| {
            m.get("id") == Some(&json!(id)) && m.get("method").is_none()
        })
    }

    /// The next message matching `pred` (others are skipped), or a test failure.
    fn wait(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let end = Instant::now() + WAIT;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(m) if pred(&m) => return m,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}"),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("server closed while waiting for {what}")
                }
            }
        }
    }

    fn diagnostics_for(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(&format!("diagnostics for {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn initialize(&mut self, root: &Path) {
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": uri(root), "capabilities": {}}),
        );
        let caps = &r["result"]["capabilities"];
        assert!(caps["hoverProvider"].as_bool().unwrap_or(false), "{r}");
        assert!(!caps["codeActionProvider"].is_null(), "{r}");
        assert!(!caps["textDocumentSync"].is_null(), "{r}");
        self.notify("initialized", json!({}));
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": text}}),
        );
    }

    /// shutdown, exit, and the process ends with status 0 within a few seconds.
    fn finish(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        let end = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status}");
                return;
            }
            if Instant::now() > end {
                let _ = self.child.kill();
                panic!("the server did not exit after shutdown/exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// 0-based line and column of the first `needle` in `text`.
fn position(text: &str, needle: &str) -> (u64, u64) {
    let off = text.find(needle).expect("needle");
    let line = text[..off].matches('\n').count();
    let col = off - text[..off].rfind('\n').map_or(0, |i| i + 1);
    (line as u64, col as u64)
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn editor_session_diagnostics_actions_hover_and_clearing() {
    let dir = workspace("session");
    // The server runs from the repository: the loader's paths are relative to it.
    let mut c = Client::start(Path::new(env!("CARGO_MANIFEST_DIR")));
    c.initialize(&dir);
    let main = uri(&dir.join("main.tf"));
    c.open(&main, MAIN_TF);

    let diags = c.diagnostics_for(&main);
    let (line, col) = position(MAIN_TF, "\"*\"");
    let bl101 = diags
        .iter()
        .find(|d| d["code"] == "BL101")
        .unwrap_or_else(|| panic!("no BL101 in {diags:?}"))
        .clone();
    assert_eq!(bl101["source"], "bedrock-lint");
    assert_eq!(bl101["severity"], 1);
    assert_eq!(
        bl101["range"],
        json!({"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 3}})
    );

    // Code actions at the finding: the fix (replace with the approved ARNs), then the ignore.
    let r = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": main},
            "range": bl101["range"],
            "context": {"diagnostics": [bl101]}
        }),
    );
    let actions = r["result"].as_array().cloned().unwrap_or_default();
    let fix = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.contains("approved model ARNs"))
        })
        .unwrap_or_else(|| panic!("no quick fix in {actions:?}"));
    assert_eq!(fix["kind"], "quickfix");
    let edit = &fix["edit"]["changes"][&main][0];
    assert_eq!(edit["range"], bl101["range"]);
    assert_eq!(edit["newText"], format!("[\"{ARN}\"]"));
    let ignore = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Ignore BL101"))
        })
        .unwrap_or_else(|| panic!("no ignore action in {actions:?}"));
    let ins = &ignore["edit"]["changes"][&main][0];
    assert_eq!(
        ins["range"],
        json!({"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}})
    );
    let comment = format!("      # bedrock-lint:ignore BL101 until={UNTIL} reason=\"TODO: why\"\n");
    assert_eq!(ins["newText"], comment.as_str());

    // Hover on the code inside the inserted ignore comment shows the rule's doc.
    let at = MAIN_TF.find("      Resource = \"*\"").unwrap();
    let with_ignore = format!("{}{comment}{}", &MAIN_TF[..at], &MAIN_TF[at..]);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": main, "version": 2},
               "contentChanges": [{"range": ins["range"], "text": comment}]}),
    );
    let diags = c.diagnostics_for(&main);
    assert!(
        !codes(&diags).contains(&"BL101".to_string()),
        "ignored: {diags:?}"
    );
    let (hl, hc) = position(&with_ignore, "BL101");
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": main}, "position": {"line": hl, "character": hc + 2}}),
    );
    let value = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(value.contains("# BL101 invoke-any-model"), "{r}");
    assert_eq!(r["result"]["contents"]["kind"], "markdown");
    assert_eq!(
        r["result"]["range"],
        json!({"start": {"line": hl, "character": hc}, "end": {"line": hl, "character": hc + 5}})
    );

    // Back to the original text: BL101 returns; hover in its range shows the doc too.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": main, "version": 3}, "contentChanges": [{"text": MAIN_TF}]}),
    );
    let diags = c.diagnostics_for(&main);
    assert!(codes(&diags).contains(&"BL101".to_string()), "{diags:?}");
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": main}, "position": {"line": line, "character": col + 1}}),
    );
    assert!(r["result"]["contents"]["value"].is_string(), "{r}");

    // Replacing "*" with an explicit ARN clears BL101 (unsaved: the buffer wins over disk).
    let fixed = MAIN_TF.replace("\"*\"", &format!("\"{ARN}\""));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": main, "version": 4}, "contentChanges": [{"text": fixed}]}),
    );
    let diags = c.diagnostics_for(&main);
    assert!(!codes(&diags).contains(&"BL101".to_string()), "{diags:?}");
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": main}, "range": bl101["range"], "context": {"diagnostics": []}}),
    );
    assert_eq!(r["result"], json!([]), "{r}");
    c.finish();
}

#[test]
fn bad_requests_get_errors_and_the_server_keeps_running() {
    let dir = workspace("bad");
    let mut c = Client::start(&dir);
    c.initialize(&dir);
    let r = c.request("bedrock/noSuchMethod", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    let r = c.request("textDocument/hover", json!({"textDocument": 42}));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = c.request("textDocument/codeAction", Value::Null);
    assert!(r["error"]["code"].is_number(), "{r}");
    // Unknown notifications and garbage params are ignored.
    c.notify("textDocument/didOpen", json!({"nonsense": true}));
    c.notify("bedrock/whatever", json!({}));
    // Still alive: a document still gets diagnostics.
    let main = uri(&dir.join("main.tf"));
    c.open(&main, MAIN_TF);
    assert!(codes(&c.diagnostics_for(&main)).contains(&"BL101".to_string()));
    c.finish();
}

#[test]
fn broken_config_is_a_diagnostic_on_the_config_file() {
    let dir = workspace("config");
    let mut c = Client::start(&dir);
    c.initialize(&dir);
    let main = uri(&dir.join("main.tf"));
    let config_path = dir.join(".bedrock-lint.hcl");
    let config = uri(&config_path);
    c.open(&main, MAIN_TF);
    assert!(codes(&c.diagnostics_for(&main)).contains(&"BL101".to_string()));

    // Broken on disk, announced by the file watcher.
    std::fs::write(
        &config_path,
        "invocation_logging = \"external\"\nmax_session_duration = [\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config, "type": 2}]}),
    );
    let diags = c.diagnostics_for(&config);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["severity"], 1);
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("configuration"),
        "{diags:?}"
    );
    // The module is still analysed.
    assert!(codes(&c.diagnostics_for(&main)).contains(&"BL101".to_string()));

    // Repaired and saved in the editor: the config diagnostic clears.
    std::fs::write(&config_path, CONFIG).unwrap();
    c.open(&config, CONFIG);
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config}}),
    );
    let diags = c.diagnostics_for(&config);
    assert!(diags.is_empty(), "{diags:?}");

    // A config error via didSave, with a line number.
    std::fs::write(
        &config_path,
        "invocation_logging = \"external\"\napproved_models = 7\n",
    )
    .unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config}}),
    );
    let diags = c.diagnostics_for(&config);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["range"]["start"]["line"], 1, "{diags:?}");
    c.finish();
}

#[test]
fn module_wide_findings_related_information_debounce_and_clearing() {
    let dir = workspace("module");
    let policy = MAIN_TF.replace("Resource = \"*\"", "Resource = local.any_model");
    std::fs::write(dir.join("main.tf"), &policy).unwrap();
    let locals_tf = "locals {\n  any_model = \"*\"\n}\n";
    std::fs::write(dir.join("locals.tf"), locals_tf).unwrap();
    let mut c = Client::start(&dir);
    c.initialize(&dir);
    let main = uri(&dir.join("main.tf"));
    let locals = uri(&dir.join("locals.tf"));
    c.open(&main, &policy);

    // The finding sits on the value in locals.tf (not open); the use is related.
    let diags = c.diagnostics_for(&locals);
    let d = diags
        .iter()
        .find(|d| d["code"] == "BL101")
        .unwrap_or_else(|| panic!("no BL101 on locals.tf: {diags:?}"));
    let (line, col) = position(locals_tf, "\"*\"");
    assert_eq!(d["range"]["start"], json!({"line": line, "character": col}));
    let related = d["relatedInformation"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == main.as_str()),
        "{d}"
    );

    // Several quick edits are analysed once, after the pause; the unsaved buffer wins.
    let fixed = policy.replace("local.any_model", &format!("\"{ARN}\""));
    for (v, text) in [(2, &policy), (3, &fixed), (4, &fixed)] {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": main, "version": v}, "contentChanges": [{"text": text}]}),
        );
    }
    let diags = c.diagnostics_for(&locals);
    assert!(diags.is_empty(), "cleared on locals.tf: {diags:?}");
    let diags = c.diagnostics_for(&main);
    assert!(!codes(&diags).contains(&"BL101".to_string()), "{diags:?}");
    let end = Instant::now() + Duration::from_millis(600);
    while let Some(left) = end.checked_duration_since(Instant::now()) {
        match c.rx.recv_timeout(left) {
            Ok(m) => assert_ne!(
                m["method"], "textDocument/publishDiagnostics",
                "debounced changes were analysed more than once: {m}"
            ),
            Err(_) => break,
        }
    }
    c.finish();
}
