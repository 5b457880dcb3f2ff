//! docs/editors.md, tested as written: the Neovim 0.11 snippet (`vim.lsp.config` /
//! `vim.lsp.enable`) is taken from the page, pointed at this build, and run in a
//! headless Neovim on the example tree; the file's findings must arrive as
//! diagnostics. Skips, saying so, where no Neovim 0.11+ is found (`nvim` on PATH, or
//! `BEDROCK_LINT_NVIM`; `.ci/run` installs one from PyPI).

mod common;

use common::{repo, tree};
use std::path::PathBuf;
use std::process::Command;

fn nvim() -> Option<PathBuf> {
    let candidate = std::env::var_os("BEDROCK_LINT_NVIM")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|d| d.join("nvim"))
                .find(|p| p.is_file())
        })?;
    // `vim.lsp.config` is new in 0.11.
    let v = Command::new(&candidate).arg("--version").output().ok()?;
    let first = String::from_utf8_lossy(&v.stdout)
        .lines()
        .next()?
        .to_string();
    let minor: u32 = first
        .strip_prefix("NVIM v0.")?
        .split('.')
        .next()?
        .parse()
        .ok()?;
    (minor >= 11).then_some(candidate)
}

/// The first ```lua block after the Neovim heading.
fn neovim_snippet() -> String {
    let page = std::fs::read_to_string(repo().join("docs/editors.md")).expect("editors.md");
    let section = &page[page.find("## Neovim").expect("a Neovim section")..];
    let start = section.find("```lua\n").expect("a lua block") + "```lua\n".len();
    let end = start + section[start..].find("```").expect("block end");
    section[start..end].to_string()
}

#[test]
fn neovim_snippet_shows_the_findings() {
    let Some(nvim) = nvim() else {
        eprintln!("skipped: no Neovim 0.11+ (nvim on PATH or BEDROCK_LINT_NVIM)");
        return;
    };
    let snippet = neovim_snippet();
    let bin = env!("CARGO_BIN_EXE_bedrock-lint");
    assert!(
        snippet.contains("{ \"bedrock-lint\", \"lsp\" }"),
        "{snippet}"
    );
    let init = snippet.replace(
        "{ \"bedrock-lint\", \"lsp\" }",
        &format!("{{ {bin:?}, \"lsp\" }}"),
    );
    let check = r#"
local out = os.getenv("BEDROCK_LINT_NVIM_OUT")
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, (d.source or "") .. " " .. tostring(d.code) .. " " .. (d.lnum + 1))
end
vim.fn.writefile(lines, out)
vim.cmd("qa!")
"#;
    let dir = tree("nvim", &[("init.lua", &init), ("check.lua", check)]);
    let out = dir.join("out.txt");
    let status = Command::new(&nvim)
        .args(["--headless", "-u"])
        .arg(dir.join("init.lua"))
        .arg("-c")
        .arg(format!("luafile {}", dir.join("check.lua").display()))
        .arg("main.tf")
        .current_dir(repo().join("testdata/example/envs/prod"))
        .env("BEDROCK_LINT_NVIM_OUT", &out)
        .env("XDG_CONFIG_HOME", dir.as_path())
        .env("XDG_STATE_HOME", dir.as_path())
        .env("XDG_DATA_HOME", dir.as_path())
        .status()
        .expect("run nvim");
    assert!(status.success());
    let shown = std::fs::read_to_string(&out).unwrap_or_default();
    // testdata/example.expected.txt: envs/prod/main.tf:24 BL201.
    assert_eq!(shown.trim(), "bedrock-lint BL201 24");
}
