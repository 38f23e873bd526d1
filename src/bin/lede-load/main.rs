//! `lede-load`: drives a running lede server over a real socket with the
//! pages of a benchmark folder, at chosen concurrencies, through the tonic
//! client, and prints requests/s, latency percentiles and the server's RSS.
//!
//! For each concurrency it runs unary `Extract` (that many calls in flight
//! on one HTTP/2 connection) and `ExtractStream` (one stream with that many
//! items in flight), after a short warm-up. `--baseline` first extracts
//! every page in this process on one thread, the single-core rate the
//! server's throughput is compared with (issue 7: at least 85% of twice it
//! on 2 cores).
//!
//! ```text
//! taskset -c 0,1 lede serve --listen 127.0.0.1:50051 & # LEDE_LOG=warn
//! cargo run --release --bin lede-load -- ../shared/benchmarks/aeb \
//!     --addr http://127.0.0.1:50051 --concurrency 1,2,64 --pid $! --baseline
//! ```

use std::collections::HashMap;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};
use lede::extract::{Input, Options, extract};
use lede::grpc::pb;
use lede::grpc::pb::extractor_service_client::ExtractorServiceClient;
use tokio::sync::{Mutex, Semaphore, mpsc};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::Channel;

/// Load generator for a running lede server.
#[derive(Debug, Parser)]
#[command(name = "lede-load", version)]
struct Args {
    /// A benchmark folder (its `html/` is used) or a folder of pages
    /// (`*.html`, `*.html.gz`).
    dir: PathBuf,
    /// The server.
    #[arg(long, default_value = "http://127.0.0.1:50051")]
    addr: String,
    /// Requests in flight; several values run one after the other.
    #[arg(long, value_delimiter = ',', default_value = "1,2,64")]
    concurrency: Vec<usize>,
    /// Which RPCs to drive.
    #[arg(long, value_enum, default_value_t = Mode::Both)]
    mode: Mode,
    /// Passes over all pages per run.
    #[arg(long, default_value_t = 2)]
    passes: usize,
    /// Requests sent before each run and not measured.
    #[arg(long, default_value_t = 20)]
    warmup: usize,
    /// The server's process id, to report its resident memory (Linux).
    #[arg(long)]
    pid: Option<u32>,
    /// First time the extraction in this process on one thread (the
    /// single-core rate the server is compared with).
    #[arg(long)]
    baseline: bool,
    /// Use only the first N pages (by file name).
    #[arg(long)]
    limit: Option<usize>,
}

/// The RPCs to drive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Mode {
    /// Unary `Extract` only.
    Unary,
    /// `ExtractStream` only.
    Stream,
    /// Both, unary first.
    Both,
}

#[path = "../shared/pages.rs"]
mod pages;
use pages::{Page, load};

/// What one run measured.
#[derive(Debug)]
struct Run {
    requests: usize,
    failed: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
    bytes: usize,
    rss_peak_kb: Option<u64>,
}

impl Run {
    fn per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.requests as f64 / secs
        } else {
            0.0
        }
    }

    /// The `q`-quantile of the latencies in milliseconds (nearest rank).
    fn quantile_ms(&self, q: f64) -> f64 {
        let mut v = self.latencies.clone();
        v.sort();
        if v.is_empty() {
            return 0.0;
        }
        let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
        v[rank].as_secs_f64() * 1000.0
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    let pages = Arc::new(load(&args.dir, args.limit)?);
    anyhow::ensure!(!pages.is_empty(), "no page found in {}", args.dir.display());
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    println!(
        "pages {} ({:.1} MB), {} passes per run, server {}, load {}",
        pages.len(),
        bytes as f64 / 1e6,
        args.passes,
        args.addr,
        loadavg().unwrap_or_default()
    );
    let baseline = if args.baseline {
        let pages = Arc::clone(&pages);
        let rate = tokio::task::spawn_blocking(move || single_core_rate(&pages)).await?;
        println!("baseline: one core in process, {rate:.1} pages/s");
        Some(rate)
    } else {
        None
    };
    let channel = Channel::from_shared(args.addr.clone())
        .context("invalid --addr")?
        .connect()
        .await
        .with_context(|| format!("cannot connect to {}", args.addr))?;
    let client = ExtractorServiceClient::new(channel)
        .max_decoding_message_size(256 * 1024 * 1024)
        .max_encoding_message_size(256 * 1024 * 1024);
    if let Some(kb) = args.pid.and_then(|pid| rss_kb(pid, "VmRSS:")) {
        println!("server RSS before: {:.1} MB", kb as f64 / 1024.0);
    }
    println!(
        "{:<7} {:>5} {:>6} {:>6} {:>8} {:>7} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}",
        "rpc",
        "conc",
        "reqs",
        "failed",
        "req/s",
        "MB/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "p99/p50",
        "RSS MB",
        "vs 2xcore"
    );
    let total = pages.len() * args.passes.max(1);
    let mut unary_rates = HashMap::new();
    for &concurrency in &args.concurrency {
        let concurrency = concurrency.max(1);
        for mode in [Mode::Unary, Mode::Stream] {
            if args.mode != Mode::Both && args.mode != mode {
                continue;
            }
            let warmup = args.warmup.min(pages.len());
            if warmup > 0 {
                drive(mode, &client, &pages, concurrency, warmup, None).await?;
            }
            let run = drive(mode, &client, &pages, concurrency, total, args.pid).await?;
            let name = if mode == Mode::Unary {
                unary_rates.insert(concurrency, run.per_second());
                "unary"
            } else {
                "stream"
            };
            let p50 = run.quantile_ms(0.5);
            let p99 = run.quantile_ms(0.99);
            println!(
                "{:<7} {:>5} {:>6} {:>6} {:>8.1} {:>7.1} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8} {:>9}",
                name,
                concurrency,
                run.requests,
                run.failed,
                run.per_second(),
                run.bytes as f64 / 1e6 / run.elapsed.as_secs_f64().max(1e-9),
                p50,
                run.quantile_ms(0.9),
                p99,
                if p50 > 0.0 { p99 / p50 } else { 0.0 },
                run.rss_peak_kb
                    .map_or_else(|| "-".to_owned(), |kb| format!("{:.1}", kb as f64 / 1024.0)),
                baseline.map_or_else(
                    || "-".to_owned(),
                    |rate| format!("{:.2}", run.per_second() / (2.0 * rate))
                ),
            );
            if mode == Mode::Stream
                && let Some(unary) = unary_rates.get(&concurrency)
            {
                println!(
                    "stream/unary at {concurrency}: {:.2}",
                    run.per_second() / unary
                );
            }
        }
    }
    if let Some(kb) = args.pid.and_then(|pid| rss_kb(pid, "VmHWM:")) {
        println!(
            "server peak RSS over its life (VmHWM): {:.1} MB",
            kb as f64 / 1024.0
        );
    }
    println!("load after: {}", loadavg().unwrap_or_default());
    Ok(())
}

/// Pages per second of the extraction on this thread, over every page once.
fn single_core_rate(pages: &[Page]) -> f64 {
    let options = Options::default();
    let started = Instant::now();
    for page in pages {
        let input = Input {
            html: &page.html,
            url: page.url.as_deref(),
            content_type: None,
        };
        let _ = std::hint::black_box(extract(&input, &options));
    }
    pages.len() as f64 / started.elapsed().as_secs_f64().max(1e-9)
}

/// Sends `total` requests (pages in turn) with `concurrency` in flight.
async fn drive(
    mode: Mode,
    client: &ExtractorServiceClient<Channel>,
    pages: &Arc<Vec<Page>>,
    concurrency: usize,
    total: usize,
    pid: Option<u32>,
) -> Result<Run> {
    let rss_peak = Arc::new(AtomicU64::new(0));
    let sampler = pid.map(|pid| {
        let peak = Arc::clone(&rss_peak);
        tokio::spawn(async move {
            loop {
                if let Some(kb) = rss_kb(pid, "VmRSS:") {
                    peak.fetch_max(kb, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    });
    let started = Instant::now();
    let (latencies, failed) = match mode {
        Mode::Stream => stream(client.clone(), pages, concurrency, total).await?,
        _ => unary(client, pages, concurrency, total).await?,
    };
    let elapsed = started.elapsed();
    if let Some(sampler) = sampler {
        sampler.abort();
    }
    if let Some(kb) = pid.and_then(|pid| rss_kb(pid, "VmRSS:")) {
        rss_peak.fetch_max(kb, Ordering::Relaxed);
    }
    let bytes = (0..total).map(|i| pages[i % pages.len()].html.len()).sum();
    Ok(Run {
        requests: total,
        failed,
        elapsed,
        latencies,
        bytes,
        rss_peak_kb: pid.map(|_| rss_peak.load(Ordering::Relaxed)),
    })
}

/// Unary calls: `concurrency` tasks, each sending the next page until
/// `total` were sent. Returns the latencies and the number of failures
/// (any status that is not OK, including shed requests).
async fn unary(
    client: &ExtractorServiceClient<Channel>,
    pages: &Arc<Vec<Page>>,
    concurrency: usize,
    total: usize,
) -> Result<(Vec<Duration>, usize)> {
    let next = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(total)));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let (mut client, pages, next, failed, latencies) = (
            client.clone(),
            Arc::clone(pages),
            Arc::clone(&next),
            Arc::clone(&failed),
            Arc::clone(&latencies),
        );
        tasks.spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let page = &pages[i % pages.len()];
                let request = pb::ExtractRequest {
                    id: i.to_string(),
                    html: page.html.clone(),
                    url: page.url.clone().unwrap_or_default(),
                    ..Default::default()
                };
                let sent = Instant::now();
                let answer = client.extract(request).await;
                let latency = sent.elapsed();
                match answer {
                    Ok(response) if response.get_ref().article.is_some() => {}
                    Ok(_) | Err(_) => {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
                latencies.lock().await.push(latency);
            }
        });
    }
    while let Some(joined) = tasks.join_next().await {
        joined.context("a load task panicked")?;
    }
    let latencies = std::mem::take(&mut *latencies.lock().await);
    Ok((latencies, failed.load(Ordering::Relaxed)))
}

/// One `ExtractStream` call carrying `total` items, at most `concurrency`
/// of them unanswered at a time. Latency is from sending an item to its
/// answer.
async fn stream(
    mut client: ExtractorServiceClient<Channel>,
    pages: &Arc<Vec<Page>>,
    concurrency: usize,
    total: usize,
) -> Result<(Vec<Duration>, usize)> {
    let window = Arc::new(Semaphore::new(concurrency));
    let sent_at = Arc::new(std::sync::Mutex::new(HashMap::<String, Instant>::new()));
    let (tx, rx) = mpsc::channel(concurrency);
    let feeder = {
        let (pages, window, sent_at) =
            (Arc::clone(pages), Arc::clone(&window), Arc::clone(&sent_at));
        tokio::spawn(async move {
            for i in 0..total {
                let Ok(permit) = window.acquire().await else {
                    break;
                };
                permit.forget();
                let page = &pages[i % pages.len()];
                let item = pb::ExtractStreamRequest {
                    id: i.to_string(),
                    html: page.html.clone(),
                    url: page.url.clone().unwrap_or_default(),
                    ..Default::default()
                };
                if let Ok(mut map) = sent_at.lock() {
                    map.insert(item.id.clone(), Instant::now());
                }
                if tx.send(item).await.is_err() {
                    break;
                }
            }
        })
    };
    let mut answers = client
        .extract_stream(ReceiverStream::new(rx))
        .await
        .context("ExtractStream refused")?
        .into_inner();
    let mut latencies = Vec::with_capacity(total);
    let mut failed = 0;
    while let Some(answer) = answers.next().await {
        let answer = answer.context("ExtractStream broke")?;
        let sent = sent_at
            .lock()
            .ok()
            .and_then(|mut map| map.remove(&answer.id));
        if let Some(sent) = sent {
            latencies.push(sent.elapsed());
        }
        if answer.article.is_none() {
            failed += 1;
        }
        window.add_permits(1);
        if latencies.len() >= total {
            break;
        }
    }
    feeder.abort();
    // Items never answered count as failed.
    failed += total.saturating_sub(latencies.len());
    Ok((latencies, failed))
}

/// A field of `/proc/PID/status` in KiB (`VmRSS:`, `VmHWM:`).
fn rss_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// The first three fields of `/proc/loadavg`.
fn loadavg() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    )
}
