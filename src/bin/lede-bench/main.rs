//! `lede-bench`: the cost of the full extraction against the html5ever parse
//! floor, on one core, over every page of a benchmark folder.
//!
//! All pages are read and gunzipped first; then [`measure_parse`] parses each
//! page with `scraper::Html::parse_document` and [`measure_extract`] runs
//! `lede::extract::extract` on each. The two phases are separate functions
//! that are never inlined, so `scripts/callgrind.sh` can count the
//! instructions of each alone (`--toggle-collect`), harness excluded.
//!
//! ```text
//! cargo run --release --bin lede-bench -- ../shared/benchmarks/aeb --repeat 5
//! scripts/callgrind.sh ../shared/benchmarks/aeb
//! ```

use std::hint::black_box;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Result;
use clap::{Parser, ValueEnum};
use lede::extract::{Input, Options, extract};

/// Times the full extraction against the html5ever parse alone, on one
/// core, over the `html/*.html.gz` (or `*.html`) pages of a folder.
#[derive(Debug, Parser)]
#[command(name = "lede-bench", version)]
struct Args {
    /// A benchmark folder (its `html/` is used) or a folder of pages.
    dir: PathBuf,
    /// Which phases to run.
    #[arg(long, value_enum, default_value_t = Phases::Both)]
    phases: Phases,
    /// Passes over all pages per phase; the fastest pass is reported.
    #[arg(long, default_value_t = 1)]
    repeat: usize,
    /// Use only the first N pages (by file name).
    #[arg(long)]
    limit: Option<usize>,
}

/// The phases to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Phases {
    /// The parse floor only.
    Parse,
    /// The full extraction only.
    Extract,
    /// Both, parse first.
    Both,
}

#[path = "../shared/pages.rs"]
mod pages;
use pages::{Page, load};

fn main() -> Result<()> {
    let args = Args::parse();
    let pages = load(&args.dir, args.limit)?;
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let owned: Vec<String> = pages
        .iter()
        .map(|p| String::from_utf8_lossy(&p.html).into_owned())
        .collect();
    let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
    let options = Options::default();
    println!(
        "pages {} bytes {} ({:.1} MB)",
        pages.len(),
        bytes,
        bytes as f64 / 1e6
    );
    let repeat = args.repeat.max(1);
    let mut parse = None;
    let mut full = None;
    if args.phases != Phases::Extract {
        let times = (0..repeat)
            .map(|_| measure_parse(&texts))
            .min_by_key(|t| t.total);
        parse = times;
        report("parse", parse.as_ref(), bytes);
    }
    if args.phases != Phases::Parse {
        let times = (0..repeat)
            .map(|_| measure_extract(&pages, &options))
            .min_by_key(|t| t.total);
        full = times;
        report("extract", full.as_ref(), bytes);
    }
    if let (Some(p), Some(f)) = (&parse, &full) {
        println!(
            "ratio extract/parse: {:.2}x total, {:.2}x median page",
            f.total.as_secs_f64() / p.total.as_secs_f64(),
            f.median_ms() / p.median_ms(),
        );
    }
    if let Some(hwm) = peak_rss_kb() {
        println!(
            "peak RSS {:.1} MB (all pages held in memory: {:.1} MB)",
            hwm as f64 / 1024.0,
            2.0 * bytes as f64 / 1e6
        );
    }
    Ok(())
}

/// Wall times of one pass.
#[derive(Debug)]
struct Times {
    total: Duration,
    per_page: Vec<Duration>,
}

impl Times {
    fn median_ms(&self) -> f64 {
        let mut v = self.per_page.clone();
        v.sort();
        v.get(v.len() / 2).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

fn report(name: &str, times: Option<&Times>, bytes: usize) {
    let Some(t) = times else { return };
    let secs = t.total.as_secs_f64();
    println!(
        "{name:<8} {:>9.1} ms total  {:>6.2} ms median page  {:>6.1} MB/s",
        secs * 1000.0,
        t.median_ms(),
        if secs > 0.0 {
            bytes as f64 / 1e6 / secs
        } else {
            0.0
        },
    );
}

/// The parse floor: every page through html5ever into a `scraper::Html`.
#[inline(never)]
fn measure_parse(texts: &[&str]) -> Times {
    time_each(texts, |text| {
        black_box(scraper::Html::parse_document(black_box(text)));
    })
}

/// The full pipeline on every page.
#[inline(never)]
fn measure_extract(pages: &[Page], options: &Options) -> Times {
    time_each(pages, |page| {
        let input = Input {
            html: black_box(&page.html),
            url: page.url.as_deref(),
            content_type: None,
        };
        let _ = black_box(extract(&input, options));
    })
}

fn time_each<T>(items: &[T], mut f: impl FnMut(&T)) -> Times {
    let started = Instant::now();
    let per_page = items
        .iter()
        .map(|item| {
            let t = Instant::now();
            f(item);
            t.elapsed()
        })
        .collect();
    Times {
        total: started.elapsed(),
        per_page,
    }
}

/// Peak resident set size of this process in KiB (Linux `VmHWM`).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}
