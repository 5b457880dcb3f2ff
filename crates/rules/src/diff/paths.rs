//! Paths as both sides print them: relative to the side's root. The base side is
//! often a temporary checkout, so its absolute paths would never compare equal to the
//! work tree's.

use std::path::{Component, Path, PathBuf};

/// A side's root: paths under it are shown relative to it, with `/` separators.
#[derive(Debug, Clone)]
pub struct Rel {
    root: PathBuf,
}

/// Removes `.` and resolves `..` without touching the file system.
pub fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

impl Rel {
    pub fn new(root: &Path) -> Rel {
        Rel {
            root: normalise(root),
        }
    }

    /// `p` relative to the root when under it, else as given; `.` for the root itself.
    pub fn path(&self, p: &Path) -> String {
        let n = normalise(p);
        let shown = match n.strip_prefix(&self.root) {
            Ok(r) if !self.root.as_os_str().is_empty() => r.to_path_buf(),
            _ => n,
        };
        let s = shown.display().to_string().replace('\\', "/");
        if s.is_empty() {
            ".".into()
        } else {
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_to_the_root() {
        let r = Rel::new(Path::new("/tmp/base/./envs"));
        assert_eq!(
            r.path(Path::new("/tmp/base/envs/prod/iam.tf")),
            "prod/iam.tf"
        );
        assert_eq!(r.path(Path::new("/tmp/base/envs")), ".");
        assert_eq!(r.path(Path::new("/elsewhere/a.tf")), "/elsewhere/a.tf");
        let cwd = Rel::new(Path::new(""));
        assert_eq!(cwd.path(Path::new("./iam.tf")), "iam.tf");
        assert_eq!(cwd.path(Path::new("")), ".");
    }
}
