//! Writing a report: to `--output FILE` or stdout, and a failed or short write is a
//! failure (exit 2) — a truncated report must never pass for a complete one.

use crate::error::Failure;
use std::io::Write;
use std::path::Path;

/// Writes `text` to `path`, or to stdout when `path` is `None` (or `-`).
pub fn write_report(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(p) if p != Path::new("-") => {
            let mut file = std::fs::File::create(p)
                .map_err(|e| Failure(format!("cannot write the report to {}: {e}", p.display())))?;
            file.write_all(text.as_bytes())
                .and_then(|()| file.flush())
                .map_err(|e| Failure(format!("cannot write the report to {}: {e}", p.display())))
        }
        _ => stdout(text),
    }
}

/// Prints `text` on stdout, reporting a failed write instead of ignoring it.
pub fn stdout(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure(format!("cannot write to stdout: {e}")))
}
