use std::process::ExitCode;

fn main() -> ExitCode {
    distill::cli::main()
}
