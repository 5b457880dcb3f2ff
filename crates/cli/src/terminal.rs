//! What the terminal allows: its width for the human report.

/// Width when stdout is no terminal and `COLUMNS` is unset: wide enough for CI logs,
/// which do not wrap.
pub const DEFAULT_WIDTH: usize = 100;

/// `COLUMNS` when set to a number, else the terminal's width when `tty`, else
/// [`DEFAULT_WIDTH`].
pub fn width(tty: bool) -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return n;
    }
    if tty {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
            return usize::from(w);
        }
    }
    DEFAULT_WIDTH
}
