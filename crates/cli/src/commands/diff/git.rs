//! The base side of a comparison: a git revision read straight from the object
//! database into a temporary directory (the user's work tree and index are never
//! touched), or a directory given as is. Runs `git` from PATH.

use crate::error::Failure;
use bedrock_lint_rules::diff::paths::normalise;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A temporary directory removed when dropped.
pub struct TempDir(pub PathBuf);

/// Trees up to this size go to memory (`/dev/shm`) when it is available.
const IN_MEMORY_MAX: u64 = 256 << 20;

impl TempDir {
    /// An empty directory: the base side of a path the base revision lacks.
    pub fn new_empty() -> Result<TempDir, Failure> {
        TempDir::new_in(std::env::temp_dir())
    }

    /// A directory for a tree of `bytes`: in memory when it is small, `/dev/shm` is
    /// there and `TMPDIR` does not choose otherwise — creating thousands of files on
    /// disk costs more than linting them.
    fn for_tree(bytes: u64) -> Result<TempDir, Failure> {
        let shm = Path::new("/dev/shm");
        if std::env::var_os("TMPDIR").is_none() && bytes <= IN_MEMORY_MAX && shm.is_dir() {
            if let Ok(t) = TempDir::new_in(shm.to_path_buf()) {
                return Ok(t);
            }
        }
        TempDir::new_in(std::env::temp_dir())
    }

    fn new_in(parent: PathBuf) -> Result<TempDir, Failure> {
        static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let p = parent.join(format!(
            "bedrock-lint-base-{}-{nanos}-{n}",
            std::process::id()
        ));
        // create_dir, not create_dir_all: a directory already there is not ours.
        std::fs::create_dir(&p)
            .map_err(|e| Failure(format!("cannot create {}: {e}", p.display())))?;
        Ok(TempDir(p))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs git in `dir` and returns its stdout, or a failure naming what went wrong.
pub fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, Failure> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            Failure(if e.kind() == std::io::ErrorKind::NotFound {
                "`git` is not on PATH: it is needed to read a git revision (or give BASE as a directory)".into()
            } else {
                format!("cannot run git: {e}")
            })
        })?;
    if !out.status.success() {
        return Err(Failure(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}

fn git_line(dir: &Path, args: &[&str]) -> Result<String, Failure> {
    Ok(String::from_utf8_lossy(&git(dir, args)?).trim().to_string())
}

/// The work tree's git repository as seen from `cwd`.
pub struct Repo {
    /// The top of the work tree (canonical).
    pub top: PathBuf,
    /// `cwd` relative to `top`.
    pub prefix: PathBuf,
}

impl Repo {
    pub fn find(cwd: &Path) -> Result<Repo, Failure> {
        let top = PathBuf::from(git_line(cwd, &["rev-parse", "--show-toplevel"])?);
        let top = top.canonicalize().unwrap_or(top);
        let prefix = PathBuf::from(git_line(cwd, &["rev-parse", "--show-prefix"])?);
        Ok(Repo { top, prefix })
    }

    /// The commit `rev` names, or a clear failure.
    pub fn commit(&self, rev: &str) -> Result<String, Failure> {
        let spec = format!("{rev}^{{commit}}");
        git_line(&self.top, &["rev-parse", "--verify", "--quiet", &spec]).map_err(|_| {
            Failure(format!(
                "\"{rev}\" is neither a directory nor a git revision of {}",
                self.top.display()
            ))
        })
    }
}

/// Writes every file of `commit` into a new temporary directory: `file()` and
/// `templatefile()` may read any file, so none is left out.
pub fn checkout(repo: &Repo, commit: &str) -> Result<TempDir, Failure> {
    let listing = git(
        &repo.top,
        &["ls-tree", "-r", "-l", "-z", "--full-tree", commit],
    )?;
    let mut specs: Vec<String> = Vec::new();
    let mut rels: Vec<PathBuf> = Vec::new();
    let mut bytes: u64 = 0;
    for rec in listing.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let rec = String::from_utf8_lossy(rec);
        let Some((meta, path)) = rec.split_once('\t') else {
            continue;
        };
        let mut m = meta.split_whitespace();
        let (mode, kind, sha) = (m.next(), m.next(), m.next());
        bytes += m.next().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
        // Symlinks and submodules are skipped: the walker never follows links.
        if kind != Some("blob") || mode == Some("120000") {
            continue;
        }
        // A path leaving the directory is refused rather than written.
        let rel = normalise(Path::new(path));
        if rel.is_absolute() || rel.starts_with("..") {
            continue;
        }
        if let Some(sha) = sha {
            specs.push(sha.to_string());
            rels.push(rel);
        }
    }
    let dir = TempDir::for_tree(bytes)?;
    let dests: Vec<PathBuf> = rels.iter().map(|r| dir.0.join(r)).collect();
    for (dest, body) in dests.iter().zip(cat_files(&repo.top, &specs)?) {
        let Some(body) = body else { continue };
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Failure(format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(dest, &body)
            .map_err(|e| Failure(format!("cannot write {}: {e}", dest.display())))?;
    }
    Ok(dir)
}

/// The contents of objects (`sha` or `rev:path`) through one `git cat-file --batch`;
/// `None` for a missing one.
pub fn cat_files(top: &Path, specs: &[String]) -> Result<Vec<Option<Vec<u8>>>, Failure> {
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .current_dir(top)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Failure(format!("cannot run git cat-file: {e}")))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Failure("git cat-file: no stdin".into()))?;
    let names: String = specs.iter().map(|s| format!("{s}\n")).collect();
    // Written from another thread: git answers while it reads, and both pipes are bounded.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(names.as_bytes());
    });
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| Failure("git cat-file: no stdout".into()))?;
    let mut r = BufReader::new(stdout);
    let short = || Failure("git cat-file ended early".into());
    let mut out = Vec::with_capacity(specs.len());
    for _ in specs {
        let mut header = String::new();
        r.read_line(&mut header).map_err(|_| short())?;
        if header.trim_end().ends_with(" missing") || header.trim_end().ends_with(" ambiguous") {
            out.push(None);
            continue;
        }
        let size: usize = header
            .split(' ')
            .nth(2)
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(short)?;
        let mut body = vec![0; size + 1];
        r.read_exact(&mut body).map_err(|_| short())?;
        body.pop();
        out.push(Some(body));
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(out)
}
