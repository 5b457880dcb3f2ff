//! Files and byte spans. Everything in the model points back into a file through a
//! [`Span`]; line and column are computed only when rendering.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in [`Files`]. Stored plus one, so that an `Option<Span>` needs no
/// tag of its own: 12 bytes, not 16 (every value and element carries two).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(std::num::NonZeroU32);

impl FileId {
    pub const fn new(index: u32) -> FileId {
        match std::num::NonZeroU32::new(index.saturating_add(1)) {
            Some(n) => FileId(n),
            None => unreachable!(),
        }
    }

    pub const fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

impl std::fmt::Debug for FileId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FileId({})", self.index())
    }
}

/// A byte range in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span {
            file,
            start: start.min(u32::MAX as usize) as u32,
            end: end.max(start).min(u32::MAX as usize) as u32,
        }
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.file == other.file && self.start <= other.start && other.end <= self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// 1-based line and column; columns count Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// One source file: its path (as given, relative to the working directory when under it)
/// and its text. Non-UTF-8 bytes were replaced before parsing.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
    /// Byte offset of each line's start: u32 as in spans (files are far smaller).
    /// Computed when first asked for: most files of a large tree have no finding, and
    /// the tables of 12,000 files took 4.5 MB (issue 12).
    line_starts: std::sync::OnceLock<Vec<u32>>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: Arc<str>) -> SourceFile {
        SourceFile {
            path,
            text,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i as u32 + 1));
            starts
        })
    }

    /// Line (0-based) holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        match self.line_starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts()
            .get(line)
            .map_or(self.text.len(), |&s| s as usize)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// Text of 0-based `line` without its line terminator.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let end = self.line_start(line + 1);
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.line_start(line);
        let column = self.text[start..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// 0-based line and UTF-16 column, as the language server protocol counts.
    pub fn utf16_position(&self, offset: usize) -> (u32, u32) {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.line_start(line);
        let col: usize = self.text[start..offset].chars().map(char::len_utf16).sum();
        (line as u32, col as u32)
    }

    /// Byte offset of a 0-based line and UTF-16 column (clamped to the line).
    pub fn offset_of_utf16(&self, line: u32, col: u32) -> usize {
        let start = self.line_start(line as usize);
        let end = self.line_start(line as usize + 1);
        let mut units = 0u32;
        for (i, c) in self.text.get(start..end).unwrap_or("").char_indices() {
            if units >= col || c == '\n' || c == '\r' {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        end.min(self.text.len())
    }
}

/// Every file read in one run.
#[derive(Debug, Default)]
pub struct Files {
    files: Vec<SourceFile>,
    /// Path -> first file with that path, so [`Files::find`] (called for every file
    /// added) does not scan every file.
    by_path: HashMap<PathBuf, FileId>,
}

impl Files {
    pub fn add(&mut self, path: PathBuf, text: Arc<str>) -> FileId {
        self.push(SourceFile::new(path, text))
    }

    /// Adds a file whose line index is already built (files read in parallel).
    pub fn push(&mut self, file: SourceFile) -> FileId {
        let id = FileId::new(self.files.len() as u32);
        self.by_path.entry(file.path.clone()).or_insert(id);
        self.files.push(file);
        id
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.index()]
    }

    /// Room for `n` more files, so that adding thousands grows nothing on the way.
    pub fn reserve(&mut self, n: usize) {
        self.files.reserve(n);
        self.by_path.reserve(n);
    }

    pub fn find(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId::new(i as u32), f))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Bytes of text of all files.
    pub fn text_bytes(&self) -> usize {
        self.files.iter().map(|f| f.text.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The text a span covers ("" when out of range).
    pub fn text(&self, span: Span) -> &str {
        self.get(span.file).text.get(span.range()).unwrap_or("")
    }
}
