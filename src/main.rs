//! The `lede` binary: parses the command line, starts logging, and runs
//! `serve` (the default), `extract`, `health` or `completions`.

mod cli;
#[cfg(feature = "otel")]
mod otel;

use std::{io::IsTerminal, net::SocketAddr, process::ExitCode};

use anyhow::Context;
use clap::Parser;
use tracing_subscriber::EnvFilter;

use cli::{Cli, Command, LogFormat};
use lede::config::Config;

fn main() -> ExitCode {
    let cli = Cli::parse();
    #[cfg(feature = "otel")]
    let otel = match otel::start(&cli.otlp_endpoint) {
        Ok(otel) => otel,
        Err(err) => {
            eprintln!("lede: {err:#}");
            return ExitCode::FAILURE;
        }
    };
    #[cfg(feature = "otel")]
    init_logging(&cli.log, cli.log_format, otel.as_ref().map(|o| o.layer()));
    #[cfg(not(feature = "otel"))]
    init_logging(
        &cli.log,
        cli.log_format,
        None::<tracing_subscriber::layer::Identity>,
    );
    let outcome = match cli.command {
        None => serve(cli.serve),
        Some(Command::Serve(config)) => serve(config),
        Some(Command::Extract(args)) => cli::extract(&args),
        Some(Command::Health(args)) => runtime(1).and_then(|rt| rt.block_on(cli::health(&args))),
        Some(Command::Completions(args)) => cli::completions(&args),
    };
    #[cfg(feature = "otel")]
    if let Some(otel) = otel {
        otel.shutdown();
    }
    outcome.unwrap_or_else(|err| {
        eprintln!("lede: {err:#}");
        ExitCode::FAILURE
    })
}

/// Binds, serves until SIGTERM/SIGINT, and drains.
fn serve(config: Config) -> anyhow::Result<ExitCode> {
    let runtime = runtime(config.effective_concurrency())?;
    let outcome = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.listen.as_str())
            .await
            .with_context(|| format!("cannot listen on {}", config.listen))?;
        let metrics = match config.metrics_listen {
            Some(addr) => Some(start_metrics(addr).await?),
            None => None,
        };
        tracing::info!(
            version = env!("CARGO_PKG_VERSION"),
            listen = %listener.local_addr()?,
            metrics_listen = %metrics.map_or_else(|| "off".to_owned(), |addr| addr.to_string()),
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

/// Binds the metrics listener, installs the recorder and serves `/metrics`
/// in the background (until the process ends, so that the last scrapes see
/// the drain); returns the bound address.
async fn start_metrics(addr: SocketAddr) -> anyhow::Result<SocketAddr> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen for metrics on {addr}"))?;
    let bound = listener.local_addr()?;
    let handle = lede::metrics::install().map_err(anyhow::Error::msg)?;
    tokio::spawn(lede::metrics::serve(
        listener,
        handle,
        std::future::pending(),
    ));
    Ok(bound)
}

/// The multi-threaded tokio runtime, its blocking pool capped at
/// `blocking_threads`.
///
/// Extraction runs on the blocking pool, at most `concurrency` calls at once
/// (the service's semaphore). Capping the pool there keeps each call on one
/// of a few long-lived threads whose caches and allocator arenas are warm:
/// with tokio's default of 512 threads, calls landed on whichever idle
/// thread woke and ran about 40% slower (the same instruction count under
/// callgrind; 30% fewer pages a second under lede-load).
fn runtime(blocking_threads: usize) -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(blocking_threads.max(1))
        .build()
        .context("cannot start the async runtime")
}

/// Logs to standard error, filtered by `filter`, in `format`; spans also go
/// to `spans` (the OpenTelemetry exporter) when given.
fn init_logging<L>(filter: &str, format: LogFormat, spans: Option<L>)
where
    L: tracing_subscriber::Layer<
            tracing_subscriber::layer::Layered<EnvFilter, tracing_subscriber::Registry>,
        > + Send
        + Sync,
{
    use tracing_subscriber::{Layer, layer::SubscriberExt, util::SubscriberInitExt};

    // html5ever warns about every page whose markup it repairs a certain way
    // ("foster parenting not implemented"): the page is still parsed, so
    // those go only where asked for by name.
    let filter = if filter.contains("html5ever") {
        filter.to_owned()
    } else {
        format!("{filter},html5ever=error")
    };
    let filter = EnvFilter::try_new(&filter).unwrap_or_else(|err| {
        eprintln!("lede: invalid log filter {filter:?} ({err}), using `info`");
        EnvFilter::new("info,html5ever=error")
    });
    // Colour codes only for a person at a terminal, not in a log file or a
    // collector's pipe (nor when NO_COLOR is set).
    let ansi = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let fmt = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(ansi);
    let fmt = match format {
        LogFormat::Text => fmt.boxed(),
        LogFormat::Json => fmt.json().boxed(),
    };
    tracing_subscriber::registry()
        .with(filter)
        .with(spans)
        .with(fmt)
        .init();
}
