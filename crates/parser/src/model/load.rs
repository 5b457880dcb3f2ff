//! Reading: walk the given paths, read every Terraform file once and parse them in
//! parallel. Local modules outside the walked paths are read on demand by the builder.

use crate::span::{FileId, Files, SourceFile, Span};
use crate::syntax::{ast::Body, comments::Comment, hcl, json, tfjson, ParseError};
use globset::GlobSet;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Files larger than this are reported, not parsed.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `.tf`
    Config,
    /// `.tf.json`
    ConfigJson,
    /// `.tfvars`
    Vars,
    /// `.tfvars.json`
    VarsJson,
    /// A `terraform show -json` plan.
    Plan,
}

impl FileKind {
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_str()?;
        Some(if name.ends_with(".tf.json") {
            FileKind::ConfigJson
        } else if name.ends_with(".tfvars.json") {
            FileKind::VarsJson
        } else if name.ends_with(".tf") {
            FileKind::Config
        } else if name.ends_with(".tfvars") {
            FileKind::Vars
        } else if name.ends_with(".json") {
            FileKind::Plan
        } else {
            return None;
        })
    }
}

/// One parsed file.
#[derive(Debug)]
pub struct Parsed {
    pub kind: FileKind,
    pub body: Option<Body>,
    pub plan: Option<json::Json>,
    pub comments: Vec<Comment>,
}

/// Which syntax trees to keep after evaluation (the file, and what was parsed of it).
pub type KeepSyntax = dyn Fn(&SourceFile, &Parsed) -> bool + Sync;

/// A problem with the input itself (BL900 and friends): never fatal to the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadIssue {
    pub kind: IssueKind,
    pub message: String,
    pub span: Span,
    /// The module call's address (`module.kb`), for module issues.
    pub address: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    /// The file cannot be parsed (BL900).
    Parse,
    /// A module cannot be followed: missing directory, cycle, outside the tree.
    Module,
}

/// Is this path (a directory when the flag says so) excluded?
pub type ExcludeTest = dyn Fn(&Path, bool) -> bool + Send + Sync;

/// A caller's own exclusion test (per-file config: each file's nearest config decides),
/// asked for every file and directory met, with the path as the walk spells it.
#[derive(Clone)]
pub struct ExcludeFn(pub std::sync::Arc<ExcludeTest>);

impl std::fmt::Debug for ExcludeFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ExcludeFn")
    }
}

#[derive(Debug, Default, Clone)]
pub struct LoadOptions {
    pub paths: Vec<PathBuf>,
    /// Excluded when this says so (besides `exclude`).
    pub exclude_fn: Option<ExcludeFn>,
    pub exclude: Option<GlobSet>,
    /// The folder `exclude` globs are relative to (the config file's); default: the
    /// current directory.
    pub exclude_root: Option<PathBuf>,
    /// Unsaved editor buffers: their text replaces what is on disk.
    pub overlays: HashMap<PathBuf, String>,
    /// Extra `-var-file`s, applied to every root module after its tfvars.
    pub var_files: Vec<PathBuf>,
    /// Plans named explicitly (`--plan`).
    pub plans: Vec<PathBuf>,
}

/// Everything read, before evaluation.
#[derive(Debug, Default)]
pub struct Sources {
    pub files: Files,
    pub parsed: Vec<Parsed>,
    /// Module directory -> its `.tf`/`.tf.json`/`.tfvars` files, in name order. Looked
    /// up, never walked in order: hashed, as comparing paths component by component
    /// in a `BTreeMap` was 3 % of a run.
    pub dirs: HashMap<PathBuf, Vec<FileId>>,
    /// Directories reached by walking (candidates for root modules).
    pub walked_dirs: Vec<PathBuf>,
    pub plans: Vec<FileId>,
    pub var_files: Vec<FileId>,
    pub issues: Vec<LoadIssue>,
    /// Canonical roots that files may be read from.
    pub allowed: Vec<PathBuf>,
}

/// The work tree of the git repository holding `path` (a folder with `.git`), if any.
fn repository_root(path: &Path) -> Option<PathBuf> {
    let mut dir = path.canonicalize().ok()?;
    loop {
        if dir.join(".git").exists() {
            return Some(dir);
        }
        if !dir.pop() {
            return None;
        }
    }
}

/// A path argument that does not exist or cannot be read: the run fails (exit 2).
#[derive(Debug)]
pub struct PathError(pub String);

pub fn load(opts: &LoadOptions) -> Result<Sources, PathError> {
    let mut found: Vec<PathBuf> = Vec::new();
    let mut walked_dirs = Vec::new();
    let mut allowed = Vec::new();
    if let Ok(cwd) = std::env::current_dir().and_then(|c| c.canonicalize()) {
        allowed.push(cwd);
    }
    // The scanned tree reaches up to the repository holding a path: `envs/prod`
    // calling `../../modules/x` is read whether the run starts at the repository
    // root, in `envs/prod`, or from an editor opened on one file.
    for p in &opts.paths {
        if let Some(top) = repository_root(p) {
            allowed.push(top);
        }
    }
    for p in &opts.paths {
        let p = clean(p);
        let meta = std::fs::symlink_metadata(&p)
            .map_err(|e| PathError(format!("{}: {e}", p.display())))?;
        if meta.is_dir() {
            if let Ok(c) = p.canonicalize() {
                allowed.push(c);
            }
            let ex = Excluder::new(
                opts.exclude.as_ref(),
                opts.exclude_fn.as_ref(),
                opts.exclude_root.as_deref(),
                &p,
            );
            walk(&p, &ex, &mut found, &mut walked_dirs);
        } else if meta.file_type().is_symlink() {
            return Err(PathError(format!(
                "{}: symbolic links are not followed",
                p.display()
            )));
        } else {
            // A file lints the whole module directory holding it.
            let dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
            let dir = if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir
            };
            if FileKind::of(&p) == Some(FileKind::Plan) {
                found.push(p.clone());
            }
            if let Ok(c) = dir.canonicalize() {
                allowed.push(c);
            }
            let ex = Excluder::new(
                opts.exclude.as_ref(),
                opts.exclude_fn.as_ref(),
                opts.exclude_root.as_deref(),
                &dir,
            );
            list_dir(&dir, &ex, &mut found);
            walked_dirs.push(clean(&dir));
        }
    }
    for p in opts.plans.iter().chain(&opts.var_files) {
        std::fs::metadata(p).map_err(|e| PathError(format!("{}: {e}", p.display())))?;
    }
    let mut sources = Sources {
        allowed,
        ..Sources::default()
    };
    // Paths compare component by component: sorting thousands is worth both cores.
    found.par_sort_unstable();
    found.dedup();
    walked_dirs.par_sort_unstable();
    walked_dirs.dedup();
    sources.walked_dirs = walked_dirs;
    let plans: Vec<PathBuf> = opts.plans.iter().map(|p| clean(p)).collect();
    let var_files: Vec<PathBuf> = opts.var_files.iter().map(|p| clean(p)).collect();
    sources.add_files(&found, &opts.overlays, false);
    let ids = sources.add_files(&plans, &opts.overlays, true);
    sources.plans.extend(ids.into_iter().flatten());
    let ids = sources.add_files(&var_files, &opts.overlays, false);
    sources.var_files.extend(ids.into_iter().flatten());
    Ok(sources)
}

impl Sources {
    /// Reads and parses `paths` in parallel; registers them in path order.
    pub fn add_files(
        &mut self,
        paths: &[PathBuf],
        overlays: &HashMap<PathBuf, String>,
        force_plan: bool,
    ) -> Vec<Option<FileId>> {
        // Read in parallel, each file's directory found on the way.
        let read: Vec<_> = paths
            .par_iter()
            .map(|p| {
                let (kind, text) = read_file(p, overlays, force_plan)?;
                let (text, err) = match text {
                    Ok(t) => (t, None),
                    Err(mut e) => match e.message.split_once(UTF8_MARK) {
                        Some((msg, prefix)) => {
                            let text: Arc<str> = Arc::from(prefix);
                            e.message = msg.to_string();
                            (text, Some(e))
                        }
                        None => (Arc::from(""), Some(e)),
                    },
                };
                let dir = p.parent().map(clean).unwrap_or_else(|| PathBuf::from("."));
                Some((kind, SourceFile::new(p.clone(), text), err, dir))
            })
            .collect();
        // Ids are given in path order before parsing, so spans carry their final id.
        // This loop is the one part done one file at a time: into no files yet (the
        // walk's, sorted and without duplicates) nothing is looked up.
        let fresh = self.files.is_empty();
        self.files.reserve(paths.len());
        self.parsed.reserve(paths.len());
        let mut ids = Vec::with_capacity(paths.len());
        let mut jobs = Vec::with_capacity(paths.len());
        for (path, r) in paths.iter().zip(read) {
            let existing = if fresh { None } else { self.files.find(path) };
            if let Some(existing) = existing {
                ids.push(Some(existing));
                continue;
            }
            let Some((kind, file, err, dir)) = r else {
                ids.push(None);
                continue;
            };
            let text = file.text.clone();
            let id = self.files.push(file);
            self.parsed.push(Parsed {
                kind,
                body: None,
                plan: None,
                comments: vec![],
            });
            ids.push(Some(id));
            jobs.push((id, kind, text, err, dir));
        }
        let results: Vec<_> = jobs
            .into_par_iter()
            .map(|(id, kind, text, err, dir)| {
                let r = match err {
                    Some(e) => Err(e),
                    None => parse_text(kind, &text, id),
                };
                (id, kind, r, dir)
            })
            .collect();
        // Files come in path order: one directory's files are neighbours, and each
        // directory is looked up once.
        let mut in_dir: Vec<(PathBuf, Vec<FileId>)> = Vec::new();
        for (id, kind, r, dir) in results {
            match r {
                Ok(p) => self.parsed[id.index()] = p,
                Err(e) => self.issues.push(LoadIssue {
                    kind: IssueKind::Parse,
                    message: e.message,
                    span: Span::new(id, e.offset, e.offset),
                    address: None,
                }),
            }
            if kind == FileKind::Plan {
                self.plans.push(id);
            } else {
                match in_dir.last_mut() {
                    Some((d, ids)) if *d == dir => ids.push(id),
                    _ => in_dir.push((dir, vec![id])),
                }
            }
        }
        for (dir, ids) in in_dir {
            self.dirs.entry(dir).or_default().extend(ids);
        }
        self.plans.sort();
        self.plans.dedup();
        ids
    }

    /// Takes the syntax trees of `dir`'s files out, but those `kept` (by file id) and
    /// `--var-file`s.
    pub(crate) fn release_dir(
        &mut self,
        dir: &Path,
        kept: &[bool],
    ) -> Vec<crate::syntax::ast::Body> {
        let Some(ids) = self.dirs.get(dir) else {
            return vec![];
        };
        let mut out = Vec::new();
        for &id in ids {
            // A `--var-file` applies to every root module.
            if self.var_files.contains(&id) {
                continue;
            }
            if kept.get(id.index()) == Some(&false) {
                out.extend(self.parsed[id.index()].body.take());
            }
        }
        out
    }

    /// Reads a module directory that was not walked (a local module elsewhere in the
    /// tree, or one under `.terraform/modules`). `None` when it is outside the tree.
    pub fn ensure_dir(&mut self, dir: &Path) -> Option<()> {
        let dir = clean(dir);
        if self.dirs.contains_key(&dir) {
            return Some(());
        }
        let canon = dir.canonicalize().ok()?;
        if !self.allowed.iter().any(|a| canon.starts_with(a)) {
            return None;
        }
        let mut found = Vec::new();
        list_dir(&dir, &Excluder::none(), &mut found);
        found.retain(|p| FileKind::of(p).is_some_and(|k| k != FileKind::Plan));
        found.sort();
        self.add_files(&found, &HashMap::new(), false);
        self.dirs.entry(dir).or_default();
        Some(())
    }

    /// Reads one more file for `file()`/`templatefile()`, if it is inside the tree.
    pub fn read_extra(&mut self, path: &Path) -> Option<FileId> {
        let path = clean(path);
        if let Some(id) = self.files.find(&path) {
            return Some(id);
        }
        let canon = path.canonicalize().ok()?;
        if !self.allowed.iter().any(|a| canon.starts_with(a)) {
            return None;
        }
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
            return None;
        }
        let bytes = std::fs::read(&path).ok()?;
        let text: Arc<str> = String::from_utf8(bytes).ok()?.into();
        let id = self.files.add(path, text);
        self.parsed.push(Parsed {
            kind: FileKind::Plan,
            body: None,
            plan: None,
            comments: vec![],
        });
        Some(id)
    }

    pub fn parsed(&self, id: FileId) -> &Parsed {
        &self.parsed[id.index()]
    }
}

type ReadResult = Option<(FileKind, Result<Arc<str>, ParseError>)>;

fn read_file(path: &Path, overlays: &HashMap<PathBuf, String>, force_plan: bool) -> ReadResult {
    let kind = if force_plan {
        FileKind::Plan
    } else {
        FileKind::of(path)?
    };
    let text = match overlays.get(path) {
        Some(t) => Ok(t.as_str().into()),
        None => read_text(path),
    };
    if kind == FileKind::Plan && !force_plan {
        // Any other JSON file is not ours: plans are recognised by content.
        match &text {
            Ok(t) if looks_like_plan(t) => {}
            _ => return None,
        }
    }
    Some((kind, text))
}

/// Separates a UTF-8 error's message from the readable text carried with it.
const UTF8_MARK: &str = "\u{0}";

fn read_text(path: &Path) -> Result<Arc<str>, ParseError> {
    let err = |message: String| ParseError { message, offset: 0 };
    use std::io::Read;
    let cannot = |e: std::io::Error| err(format!("cannot read file: {e}"));
    // Opened once: its size from the open file, not from a second path lookup.
    let file = std::fs::File::open(path).map_err(cannot)?;
    let len = file.metadata().map_err(cannot)?.len();
    if len > MAX_FILE_BYTES {
        return Err(err(format!(
            "file is {} MiB; bedrock-lint reads files up to {} MiB",
            len / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    // Never more than the limit, should the file grow while it is read.
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(err("binary file (contains NUL bytes), not Terraform".into()));
    }
    String::from_utf8(bytes).map(Arc::from).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        // The readable prefix travels with the error so its location can be shown.
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        ParseError {
            message: format!("file is not valid UTF-8 (byte {at}){UTF8_MARK}{prefix}"),
            offset: at,
        }
    })
}

/// Terraform plan JSON is recognised by content: `terraform show -json` writes
/// `format_version` and `terraform_version` first.
pub fn looks_like_plan(text: &str) -> bool {
    let head: String = text.chars().take(512).collect();
    head.trim_start().starts_with('{')
        && head.contains("\"format_version\"")
        && (head.contains("\"terraform_version\"")
            || text.contains("\"planned_values\"")
            || text.contains("\"resource_changes\""))
}

/// Parses one file's text; spans carry `file` as their id.
pub fn parse_text(kind: FileKind, text: &str, file: FileId) -> Result<Parsed, ParseError> {
    Ok(match kind {
        FileKind::Config | FileKind::Vars => {
            let (body, comments) = hcl::parse(file, text)?;
            Parsed {
                kind,
                body: Some(body),
                plan: None,
                comments,
            }
        }
        FileKind::ConfigJson => Parsed {
            kind,
            body: Some(tfjson::parse_config(file, text)?),
            plan: None,
            comments: vec![],
        },
        FileKind::VarsJson => Parsed {
            kind,
            body: Some(tfjson::parse_vars(file, text)?),
            plan: None,
            comments: vec![],
        },
        FileKind::Plan => Parsed {
            kind,
            body: None,
            plan: Some(json::parse(text).map_err(|e| ParseError {
                message: e.message,
                offset: e.offset,
            })?),
            comments: vec![],
        },
    })
}

fn skip_dir(name: &str) -> bool {
    name == ".terraform" || name == ".git"
}

/// Matches paths met while walking `base` against the `exclude` globs, relative to the
/// config's folder: `base` and that folder are resolved once, not per file.
struct Excluder<'a> {
    globs: Option<&'a GlobSet>,
    func: Option<&'a ExcludeFn>,
    base: PathBuf,
    base_abs: Option<PathBuf>,
    root_abs: Option<PathBuf>,
}

impl<'a> Excluder<'a> {
    fn new(
        globs: Option<&'a GlobSet>,
        func: Option<&'a ExcludeFn>,
        root: Option<&Path>,
        base: &Path,
    ) -> Self {
        let root = root.unwrap_or(Path::new("."));
        Excluder {
            globs,
            func,
            base: clean(base),
            base_abs: base.canonicalize().ok(),
            root_abs: root.canonicalize().ok(),
        }
    }

    fn none() -> Excluder<'static> {
        Excluder {
            globs: None,
            func: None,
            base: PathBuf::new(),
            base_abs: None,
            root_abs: None,
        }
    }

    fn matches(&self, path: &Path, is_dir: bool) -> bool {
        if self.func.is_some_and(|f| (f.0)(path, is_dir)) {
            return true;
        }
        let Some(g) = self.globs else { return false };
        let rel = match (&self.base_abs, &self.root_abs) {
            (Some(b), Some(r)) => (if self.base == Path::new(".") {
                Some(path)
            } else {
                path.strip_prefix(&self.base).ok()
            })
            .map(|tail| b.join(tail))
            .and_then(|abs| abs.strip_prefix(r).ok().map(Path::to_path_buf)),
            _ => None,
        };
        match rel {
            Some(rel) => g.is_match(&rel),
            None => g.is_match(path),
        }
    }
}

/// Walks `root` without following links, skipping `.terraform`, `.git` and excluded
/// paths. Sibling directories are read in parallel (a tree of thousands of module
/// folders spends tens of milliseconds here); below [`PARALLEL_DEPTH`] the walk goes on
/// one directory at a time, so no input nests the recursion deeper than that.
fn walk(root: &Path, exclude: &Excluder, found: &mut Vec<PathBuf>, dirs: &mut Vec<PathBuf>) {
    let cleaned = clean(root);
    if exclude.matches(&cleaned, true) {
        return;
    }
    let (f, d) = walk_dir(root, cleaned, exclude, 0);
    found.extend(f);
    dirs.extend(d);
}

const PARALLEL_DEPTH: usize = 16;

/// The Terraform files and directories under `dir` (itself included), unordered.
fn walk_dir(
    dir: &Path,
    cleaned: PathBuf,
    exclude: &Excluder,
    depth: usize,
) -> (Vec<PathBuf>, Vec<PathBuf>) {
    if depth >= PARALLEL_DEPTH {
        let (mut found, mut dirs) = (Vec::new(), Vec::new());
        walk_serial(dir, exclude, &mut found, &mut dirs);
        return (found, dirs);
    }
    let mut found = Vec::new();
    let mut subdirs = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(ty) = entry.file_type() else { continue };
        let name = entry.file_name();
        if ty.is_dir() && skip_dir(name.to_str().unwrap_or("")) {
            continue;
        }
        let path = clean(&entry.path());
        if ty.is_dir() {
            subdirs.push((entry.path(), path));
        } else if ty.is_file() && FileKind::of(&path).is_some() && !exclude.matches(&path, false) {
            found.push(path);
        }
    }
    // A folder's exclusion is decided in parallel with its siblings': it finds the
    // folder's config, a system call or two for each of thousands of module folders.
    let nested: Vec<_> = subdirs
        .into_par_iter()
        .filter(|(_, c)| !exclude.matches(c, true))
        .map(|(p, c)| walk_dir(&p, c, exclude, depth + 1))
        .collect();
    let mut dirs = vec![cleaned];
    for (f, d) in nested {
        found.extend(f);
        dirs.extend(d);
    }
    (found, dirs)
}

fn walk_serial(root: &Path, exclude: &Excluder, found: &mut Vec<PathBuf>, dirs: &mut Vec<PathBuf>) {
    let it = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_str().unwrap_or("");
            let skipped = e.depth() > 0 && e.file_type().is_dir() && skip_dir(name);
            !skipped && !exclude.matches(&clean(e.path()), e.file_type().is_dir())
        });
    for entry in it.flatten() {
        let path = clean(entry.path());
        if entry.file_type().is_dir() {
            dirs.push(path);
        } else if entry.file_type().is_file() && FileKind::of(&path).is_some() {
            found.push(path);
        }
    }
}

fn list_dir(dir: &Path, exclude: &Excluder, found: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let path = clean(&entry.path());
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && FileKind::of(&path).is_some() && !exclude.matches(&path, false) {
            found.push(path);
        }
    }
}

/// The current directory, read once: `clean` runs for every path walked, and nothing
/// here changes directory.
fn current_dir() -> Option<&'static Path> {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().ok()).as_deref()
}

/// Removes `.` components and a leading `./`, and makes paths under the current
/// directory relative to it, so paths print the way users typed them.
pub fn clean(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    if p.is_absolute() {
        if let Some(cwd) = current_dir() {
            if let Ok(rel) = p.strip_prefix(cwd) {
                p = rel.to_path_buf();
            }
        }
    }
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if out
                    .components()
                    .next_back()
                    .is_some_and(|l| matches!(l, Component::Normal(_)))
                {
                    out.pop();
                } else {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        out
    }
}
