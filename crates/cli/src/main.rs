fn main() {
    std::process::exit(bedrock_lint_cli::run(std::env::args_os().collect()));
}
