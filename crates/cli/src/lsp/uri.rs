//! `file://` URIs to paths and back (percent-encoding by hand: no extra crate).

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The local path of a `file:` URI; `None` for other schemes.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // Skip an authority (`file://host/path`); `localhost` and empty are local.
    let path = match rest.find('/') {
        Some(i) => &rest[i..],
        None => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    if cfg!(windows) {
        // `/C:/dir` -> `C:/dir`
        let b = decoded.as_bytes();
        if b.len() >= 3 && b[0] == b'/' && b[1].is_ascii_alphabetic() && b[2] == b':' {
            return Some(PathBuf::from(&decoded[1..]));
        }
    }
    Some(PathBuf::from(decoded))
}

/// A `file:` URI for an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let s = path.to_str()?.replace('\\', "/");
    let s = if s.starts_with('/') {
        s
    } else {
        format!("/{s}")
    };
    let mut out = String::from("file://");
    for (i, b) in s.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            // A Windows drive letter's colon (`/C:/`).
            || (b == b':' && i == 2);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let p = PathBuf::from("/tmp/a b/ü/main.tf");
        let u = from_path(&p).unwrap();
        assert_eq!(u.as_str(), "file:///tmp/a%20b/%C3%BC/main.tf");
        assert_eq!(to_path(&u).unwrap(), p);
    }
}
