pub fn command(
    _a: &crate::args::LintArgs,
    _f: crate::args::AccessFormat,
) -> Result<i32, crate::run::Failure> {
    Err(crate::run::Failure("todo".into()))
}
