//! The `lede` binary: parses the command line, starts logging, and runs
//! `serve` (the default), `extract` or `health`.

mod cli;

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use tracing_subscriber::EnvFilter;

use cli::{Cli, Command, LogFormat};
use lede::config::Config;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(&cli.log, cli.log_format);
    let outcome = match cli.command {
        None => serve(cli.serve),
        Some(Command::Serve(config)) => serve(config),
        Some(Command::Extract(args)) => cli::extract(&args),
        Some(Command::Health(args)) => runtime().and_then(|rt| rt.block_on(cli::health(&args))),
    };
    outcome.unwrap_or_else(|err| {
        eprintln!("lede: {err:#}");
        ExitCode::FAILURE
    })
}

/// Binds, serves until SIGTERM/SIGINT, and drains.
fn serve(config: Config) -> anyhow::Result<ExitCode> {
    let runtime = runtime()?;
    let outcome = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("cannot listen on {}", config.listen))?;
        tracing::info!(
            version = env!("CARGO_PKG_VERSION"),
            listen = %listener.local_addr()?,
            concurrency = config.effective_concurrency(),
            max_queued = config.max_queued,
            stream_concurrency = config.effective_stream_concurrency(),
            max_message_bytes = config.max_message_bytes,
            max_input_bytes = config.limits.max_input_bytes,
            max_elements = config.limits.max_elements,
            request_timeout = ?config.request_timeout,
            shutdown_grace = ?config.shutdown_grace,
            "lede starting"
        );
        lede::server::run(listener, config, lede::shutdown::signal()).await?;
        Ok(ExitCode::SUCCESS)
    });
    // The grace period is over: do not wait for extractions still running on
    // the blocking pool (they cannot be cancelled).
    runtime.shutdown_background();
    outcome
}

/// The multi-threaded tokio runtime.
fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// Logs to standard error, filtered by `filter`, in `format`.
fn init_logging(filter: &str, format: LogFormat) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|err| {
        eprintln!("lede: invalid log filter {filter:?} ({err}), using `info`");
        EnvFilter::new("info")
    });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}
