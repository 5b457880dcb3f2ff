//! Per-file config discovery (DESIGN.md "Config"): each linted file uses the nearest
//! `.bedrock-lint.hcl` walking up from its directory, as ruff does, whatever order the
//! paths are given in. The CLI, the pre-commit hook and the language server all go
//! through this, so they agree on every file. `--config FILE` bypasses it.

use crate::config::{Config, ConfigError};
use bedrock_lint_parser::model::load::clean;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What the command line adds to every config (`--select`, `--ignore`).
pub type Adjust = Arc<dyn Fn(&mut Config) + Send + Sync>;

/// Configs found by walking up from each file's directory, each read once.
pub struct ConfigSet {
    adjust: Adjust,
    defaults: Arc<Config>,
    /// Canonical (absolute) directory -> the config file governing it (`None`: the
    /// defaults).
    found: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// The same, keyed by the directory as the caller spelled it: every file of a
    /// directory asks, and resolving the path each time costs a system call per
    /// component.
    by_dir: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Directory as the caller spelled it -> canonical (see [`ConfigSet::canonical`]).
    canonical: Mutex<HashMap<PathBuf, PathBuf>>,
    loaded: Mutex<HashMap<PathBuf, Arc<Config>>>,
    /// The first config that failed to load: the run fails with it (exit 2).
    error: Mutex<Option<ConfigError>>,
}

impl std::fmt::Debug for ConfigSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ConfigSet")
    }
}

impl ConfigSet {
    pub fn new(adjust: Adjust) -> ConfigSet {
        let mut defaults = Config::defaults();
        adjust(&mut defaults);
        ConfigSet {
            adjust,
            defaults: Arc::new(defaults),
            found: Mutex::default(),
            by_dir: Mutex::default(),
            canonical: Mutex::default(),
            loaded: Mutex::default(),
            error: Mutex::default(),
        }
    }

    /// The config file governing `dir` (`None`: no config, the defaults apply).
    pub fn path_for(&self, dir: &Path) -> Option<PathBuf> {
        if let Some(hit) = self.by_dir.lock().ok()?.get(dir) {
            return hit.clone();
        }
        let found = self.path_for_uncached(dir);
        if let Ok(mut m) = self.by_dir.lock() {
            m.insert(dir.to_path_buf(), found.clone());
        }
        found
    }

    fn path_for_uncached(&self, dir: &Path) -> Option<PathBuf> {
        // A directory that does not exist has no config (as Config::discover says).
        self.discover(&self.canonical(dir)?)
    }

    /// `dir` absolute with links resolved, as `canonicalize` makes it, but from its
    /// parent's when that is known and `dir` itself is no link: one `lstat` instead of
    /// one system call per component, for every directory of a walked tree (it was half
    /// the walk of 4,000 module folders).
    fn canonical(&self, dir: &Path) -> Option<PathBuf> {
        let from_parent = match (dir.parent(), dir.components().next_back()) {
            (Some(parent), Some(std::path::Component::Normal(name)))
                if !parent.as_os_str().is_empty() =>
            {
                let parent = self.canonical.lock().ok()?.get(parent).cloned();
                parent
                    .filter(|_| dir.symlink_metadata().is_ok_and(|m| m.is_dir()))
                    .map(|p| p.join(name))
            }
            _ => None,
        };
        let canonical = match from_parent {
            Some(c) => c,
            None => dir.canonicalize().ok()?,
        };
        if let Ok(mut m) = self.canonical.lock() {
            m.insert(dir.to_path_buf(), canonical.clone());
        }
        Some(canonical)
    }

    /// [`Config::discover`] for a canonical absolute directory, one directory at a time: a
    /// directory without a config has its parent's, which is usually known already.
    fn discover(&self, dir: &Path) -> Option<PathBuf> {
        if let Some(hit) = self.found.lock().ok()?.get(dir) {
            return hit.clone();
        }
        let here = dir.join(crate::config::CONFIG_FILE);
        let found = if here.is_file() {
            Some(clean(&here))
        } else {
            dir.parent().and_then(|p| self.discover(p))
        };
        if let Ok(mut m) = self.found.lock() {
            m.insert(dir.to_path_buf(), found.clone());
        }
        found
    }

    /// The config governing files in `dir`. A config that does not load is recorded
    /// (see [`ConfigSet::error`]) and the defaults stand in meanwhile.
    pub fn for_dir(&self, dir: &Path) -> Arc<Config> {
        let Some(path) = self.path_for(dir) else {
            return self.defaults.clone();
        };
        if let Some(c) = self.loaded.lock().ok().and_then(|m| m.get(&path).cloned()) {
            return c;
        }
        let config = match Config::load(&path) {
            Ok(mut c) => {
                (self.adjust)(&mut c);
                Arc::new(c)
            }
            Err(e) => {
                if let Ok(mut slot) = self.error.lock() {
                    slot.get_or_insert(e);
                }
                self.defaults.clone()
            }
        };
        if let Ok(mut m) = self.loaded.lock() {
            m.insert(path, config.clone());
        }
        config
    }

    /// The config governing a file.
    pub fn for_file(&self, file: &Path) -> Arc<Config> {
        self.for_dir(parent(file))
    }

    /// Is `path` (a file or directory met while walking) excluded by the `exclude`
    /// globs of its own nearest config (relative to that config's folder)?
    pub fn excluded(&self, path: &Path, is_dir: bool) -> bool {
        let config = if is_dir {
            self.for_dir(path)
        } else {
            self.for_file(path)
        };
        let Some(globs) = &config.exclude else {
            return false;
        };
        // Both absolute (`clean` would make them relative to the current directory).
        let (Ok(abs), Ok(root)) = (path.canonicalize(), config.root.canonicalize()) else {
            return false;
        };
        abs.strip_prefix(&root).is_ok_and(|rel| globs.is_match(rel))
    }

    /// The first config that failed to load, if any.
    pub fn error(&self) -> Option<ConfigError> {
        self.error.lock().ok().and_then(|e| e.clone())
    }
}

fn parent(file: &Path) -> &Path {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder's config is found from its parent's resolved path, except through a
    /// link: a linked folder's config is the one above its target.
    #[cfg(unix)]
    #[test]
    fn a_linked_folder_takes_the_config_above_its_target() {
        let root = std::env::temp_dir().join(format!("bl-configs-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let mkdir = |p: &Path| std::fs::create_dir_all(p).expect("mkdir");
        mkdir(&root.join("a/plain"));
        mkdir(&root.join("b/target"));
        std::fs::write(root.join("b").join(crate::config::CONFIG_FILE), "").expect("config");
        std::os::unix::fs::symlink(root.join("b/target"), root.join("a/link")).expect("link");
        let set = ConfigSet::new(Arc::new(|_: &mut Config| {}));
        // The parent first, as a walk meets it.
        let found = [
            set.path_for(&root.join("a")),
            set.path_for(&root.join("a/plain")),
            set.path_for(&root.join("a/link")),
        ];
        let b = root.join("b").canonicalize().ok();
        let want = b.map(|b| clean(&b.join(crate::config::CONFIG_FILE)));
        let _ = std::fs::remove_dir_all(&root);
        assert_eq!(found, [None, None, want]);
    }
}
