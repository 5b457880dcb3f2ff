//! Documents: where one lives (its module directory), positions in it (UTF-16 as
//! LSP counts), buffer edits, and request params.

use super::uri;
use bedrock_lint_parser::SourceFile;
use bedrock_lint_rules::config::CONFIG_FILE;
use lsp_server::ErrorCode;
use lsp_types as lt;
use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub(super) fn parse<T: serde::de::DeserializeOwned>(
    v: serde_json::Value,
) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(v)
        .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params: {e}")))
}

pub(super) fn to_json<T: serde::Serialize>(v: T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

pub(super) fn is_config_uri(u: &Uri) -> bool {
    uri::to_path(u).is_some_and(|p| p.file_name().is_some_and(|n| n == CONFIG_FILE))
}

/// The module directory of a document: the folder holding it.
pub(super) fn module_dir(path: &Path) -> Option<PathBuf> {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_path_buf)
}

pub(super) fn dir_of(u: &Uri) -> Option<PathBuf> {
    module_dir(&uri::to_path(u)?)
}

pub(super) fn range_of(file: &SourceFile, start: usize, end: usize) -> lt::Range {
    let (sl, sc) = file.utf16_position(start);
    let (el, ec) = file.utf16_position(end.max(start));
    lt::Range {
        start: lt::Position::new(sl, sc),
        end: lt::Position::new(el, ec),
    }
}

pub(super) fn overlaps(a: &lt::Range, b: &lt::Range) -> bool {
    let key = |p: lt::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

pub(super) fn contains(r: &lt::Range, p: lt::Position) -> bool {
    let key = |p: lt::Position| (p.line, p.character);
    key(r.start) <= key(p) && key(p) <= key(r.end)
}

/// Applies one full or ranged content change to a buffer.
pub(super) fn apply_change(text: &mut String, change: lt::TextDocumentContentChangeEvent) {
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
