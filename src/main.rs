use std::process::ExitCode;

/// The evaluator recurses on the native stack; a generous stack keeps deep
/// but legitimate scripts (and the recursion budget's own error path) safe.
const STACK_SIZE: usize = 512 * 1024 * 1024;

fn main() -> ExitCode {
    let worker = std::thread::Builder::new()
        .name("distill".into())
        .stack_size(STACK_SIZE)
        .spawn(distill::cli::main);
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("error: distill crashed; this is a bug, please report it");
            ExitCode::from(101)
        }
    }
}
