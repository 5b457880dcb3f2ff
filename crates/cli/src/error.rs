//! What every command shares and nothing else: the failure type (exit 2) and "today".

use bedrock_lint_rules::Date;

/// The run itself failed (bad arguments, bad config, unreadable path, a report that
/// could not be written): exit 2 with this message on stderr.
#[derive(Debug)]
pub struct Failure(pub String);

/// "Today", overridable for reproducible tests and demos.
pub fn today() -> Date {
    std::env::var("BEDROCK_LINT_TODAY")
        .ok()
        .and_then(|d| Date::parse(&d))
        .unwrap_or_else(Date::today)
}
