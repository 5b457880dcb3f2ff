//! `.bedrock-lint.hcl` in the editor: discovery per module, reloading, and a broken
//! config shown as a diagnostic on the config file (the last good one stays in use).

use super::server::Server;
use bedrock_lint_parser::model::load::clean;
use bedrock_lint_rules::config::ConfigError;
use bedrock_lint_rules::Config;
use lsp_types as lt;
use std::path::Path;

impl Server<'_> {
    /// The config for `dir` (reporting a broken one on the config file).
    pub(super) fn config_for(&mut self, dir: &Path) -> Config {
        let Some(path) = Config::discover(dir) else {
            return Config::defaults();
        };
        self.load_config(&path).unwrap_or_else(|| {
            self.last_good
                .get(&path)
                .cloned()
                .unwrap_or_else(Config::defaults)
        })
    }

    pub(super) fn check_config_file(&mut self, path: &Path) {
        if path.is_file() {
            let path = path
                .canonicalize()
                .map(|p| clean(&p))
                .unwrap_or_else(|_| path.to_path_buf());
            self.load_config(&path);
        }
    }

    /// Loads a config, publishing its error (or clearing an earlier one).
    pub(super) fn load_config(&mut self, path: &Path) -> Option<Config> {
        match Config::load(path) {
            Ok(c) => {
                self.last_good.insert(path.to_path_buf(), c.clone());
                if self.config_errors.remove(path) {
                    if let Some(uri) = self.uri_for(path) {
                        self.publish(uri, vec![]);
                    }
                }
                Some(c)
            }
            Err(e) => {
                self.config_errors.insert(path.to_path_buf());
                if let Some(uri) = self.uri_for(path) {
                    let d = config_diagnostic(&e);
                    self.publish(uri, vec![d]);
                }
                None
            }
        }
    }
}

fn config_diagnostic(e: &ConfigError) -> lt::Diagnostic {
    let line = e.line.saturating_sub(1) as u32;
    let width = std::fs::read_to_string(&e.path)
        .ok()
        .and_then(|t| {
            t.lines()
                .nth(line as usize)
                .map(|l| l.encode_utf16().count())
        })
        .unwrap_or(0) as u32;
    lt::Diagnostic {
        range: lt::Range::new(lt::Position::new(line, 0), lt::Position::new(line, width)),
        severity: Some(lt::DiagnosticSeverity::ERROR),
        source: Some("bedrock-lint".into()),
        message: format!("invalid configuration: {}", e.message),
        ..Default::default()
    }
}
