//! `lede-eval`: scores lede's extraction on a benchmark folder.
//!
//! Runs the real pipeline (`lede::extract::extract` with default options)
//! over every page of an AEB-, WCXB- or Readability-format folder, in
//! parallel, and prints
//! the benchmark's own figures, the extraction time and the worst pages with
//! what was missed and what was added.
//!
//! ```text
//! cargo run --release --bin lede-eval -- ../shared/benchmarks/aeb
//! cargo run --release --bin lede-eval -- ../shared/benchmarks/wcxb --worst 20 --json
//! cargo run --release --bin lede-eval -- ../shared/benchmarks/readability
//! cargo run --release --bin lede-eval -- ../shared/benchmarks/wcxb --explain 0042
//! cargo run --release --bin lede-eval -- ../shared/benchmarks/aeb --worst 5 --explain
//! ```
//!
//! `--explain [ID]` says where lost words went, for page ID or for each of
//! the `--worst` pages: every run of gold words the extraction missed, with
//! the element that held it (its path: tags, ids, classes) and the rule
//! that removed it (outside the chosen roots, boilerplate class or id token
//! X, boilerplate element or role, hidden, link cluster, boilerplate
//! phrase, kept by clean but left out by the outline, or not in the page's
//! text at all), then the lost words added up by rule. It reruns the
//! stages through `lede::extract::explain::explain`, apart from the
//! extraction: the timed run records nothing.
//!
//! Files: `main.rs` (arguments, the parallel run), `dataset.rs` (the three
//! layouts), `metric.rs` (the benchmarks' metrics), `report/` (text and
//! JSON reports, one file a section: page scores, structure, metadata,
//! worst pages), `structure.rs` (headings, images, captions),
//! `provenance.rs` (metadata sources), `page_types.rs` (page-type
//! agreement and features), `explain.rs` (`--explain`), `language.rs`
//! (`--language`, on the corpus `scripts/language_corpus.py` builds).

mod dataset;
mod explain;
mod language;
mod metric;
mod page_types;
mod provenance;
mod report;
mod structure;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::Result;
use clap::Parser;
use lede::extract::{Input, Options, extract};

use crate::dataset::{Format, Page};

/// Scores lede's extraction on a benchmark folder (AEB, WCXB or Readability
/// layout, detected from its contents).
#[derive(Debug, Parser)]
#[command(name = "lede-eval", version)]
struct Args {
    /// The benchmark folder: `ground-truth.json` + `html/` (AEB),
    /// `ground-truth/` + `html/` (WCXB) or `<id>/gold.json` +
    /// `<id>/source.html` (Readability).
    dir: PathBuf,
    /// How many of the worst pages to show, with what was missed and added.
    #[arg(long, default_value_t = 10)]
    worst: usize,
    /// Score only the first N pages (by id, after --filter).
    #[arg(long)]
    limit: Option<usize>,
    /// Score only the pages whose id contains this string.
    #[arg(long)]
    filter: Option<String>,
    /// Print a machine-readable JSON summary instead of text.
    #[arg(long)]
    json: bool,
    /// Pages extracted in parallel (default: all cores). Use 1 for
    /// per-page times undisturbed by the other workers.
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Score the ground truth against itself (must give 1.0) to check the
    /// metric and the loading, without extracting.
    #[arg(long, hide = true)]
    self_check: bool,
    /// Score saved predictions instead of extracting: a JSON object of page
    /// id to `{"articleBody", "title", "author", "date"}` (upstream AEB's
    /// `output/*.json` shape), to cross-check the metric or score a peer.
    #[arg(long, hide = true, conflicts_with = "self_check")]
    predictions: Option<PathBuf>,
    /// Write the page-type classifier's features of every page to this CSV
    /// (`id,label,<features>`, the input of `scripts/train_page_type.py`)
    /// instead of scoring.
    #[arg(long, value_name = "CSV")]
    page_type_features: Option<PathBuf>,
    /// Instead of scoring, print each page's labelled and predicted type
    /// with the N features that weighed most in the classifier's decision
    /// (with `--filter` for one page).
    #[arg(long, value_name = "N")]
    explain_page_type: Option<usize>,
    /// Explain where the gold words went: for page ID (matched whole, else
    /// as a part of the id), or without ID for each of the `--worst` pages,
    /// every run of lost words with the element that held it and the rule
    /// that removed it.
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "", conflicts_with = "json")]
    explain: Option<String>,
    /// The folder is a language corpus (`samples.jsonl`, written by
    /// `scripts/language_corpus.py`): report language identification
    /// accuracy per length bucket and language, the precision of answers
    /// marked reliable and the time per call.
    #[arg(long)]
    language: bool,
}

/// What the pipeline gave for one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prediction {
    /// `article.text`.
    pub(crate) text: String,
    /// `article.title`.
    pub(crate) title: Option<String>,
    /// The authors' names joined with `, `.
    pub(crate) author: Option<String>,
    /// `article.published_time`.
    pub(crate) date: Option<String>,
    /// Milliseconds spent in `extract` (0 when self-checking).
    pub(crate) ms: f64,
    /// Bytes of HTML given to `extract`.
    pub(crate) bytes: usize,
    /// Why there is no article, if there is none.
    pub(crate) error: Option<String>,
    /// Where the title came from (`JsonLd`, `OpenGraph`, ...).
    pub(crate) title_source: Option<String>,
    /// Where the authors came from.
    pub(crate) author_source: Option<String>,
    /// Where the published date came from.
    pub(crate) date_source: Option<String>,
    /// `article.flags.is_article`.
    pub(crate) is_article: Option<bool>,
    /// `article.flags.page_type`, lower-case (`article`, `forum`, ...).
    pub(crate) page_type: Option<String>,
    /// Headings, images and captions (scored on Readability pages).
    pub(crate) structure: structure::Structure,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("lede-eval: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs the evaluation; `Ok(false)` when a self-check fails.
fn run(args: &Args) -> Result<bool> {
    if args.language {
        print!("{}", language::run(&args.dir, args.json)?);
        return Ok(true);
    }
    let format = Format::detect(&args.dir)?;
    let mut pages = dataset::load(&args.dir, format)?;
    if let Some(f) = &args.filter {
        pages.retain(|p| p.id.contains(f.as_str()));
    }
    if let Some(id) = args.explain.as_deref().filter(|id| !id.is_empty()) {
        if pages.iter().any(|p| p.id == id) {
            pages.retain(|p| p.id == id);
        } else {
            pages.retain(|p| p.id.contains(id));
        }
    }
    if let Some(n) = args.limit {
        pages.truncate(n);
    }
    if pages.is_empty() {
        anyhow::bail!("no page to score in {}", args.dir.display());
    }
    if let Some(path) = &args.page_type_features {
        page_types::write_features(&args.dir, &pages, path)?;
        eprintln!(
            "wrote the features of {} pages to {}",
            pages.len(),
            path.display()
        );
        return Ok(true);
    }
    if let Some(top) = args.explain_page_type {
        print!("{}", page_types::explain(&args.dir, &pages, top)?);
        return Ok(true);
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, pages.len());
    let started = Instant::now();
    let predictions = if args.self_check {
        pages.iter().map(truth_as_prediction).collect()
    } else if let Some(path) = &args.predictions {
        saved_predictions(path, &pages)?
    } else {
        predict_all(&args.dir, &pages, jobs)
    };
    let wall = started.elapsed();
    let run = report::Run {
        dir: &args.dir,
        format,
        jobs,
        wall,
        pages: &pages,
        predictions: &predictions,
    };
    let summary = report::Summary::new(&run);
    let mut report = if args.json {
        serde_json::to_string_pretty(&summary.to_json(&run, args.worst))?
    } else {
        summary.render(&run, args.worst)
    };
    if let Some(id) = &args.explain {
        let fold = format == Format::Wcxb;
        let explained = if id.is_empty() {
            summary.worst(&run, args.worst)
        } else {
            (0..pages.len()).collect()
        };
        for i in explained {
            report.push_str(&explain::render(
                &args.dir,
                &pages[i],
                &predictions[i],
                fold,
            ));
        }
    }
    if !report.ends_with('\n') {
        report.push('\n');
    }
    // A closed pipe (`lede-eval ... | head`) is not an error.
    match std::io::stdout().write_all(report.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    if args.self_check {
        let ok = summary.is_perfect();
        eprintln!(
            "self-check: {}",
            if ok {
                "ok, every figure is 1"
            } else {
                "FAILED"
            }
        );
        return Ok(ok);
    }
    Ok(true)
}

/// The ground truth dressed as a prediction, for `--self-check`.
fn truth_as_prediction(page: &Page) -> Prediction {
    Prediction {
        text: page.text.clone(),
        title: page.title.clone(),
        author: page.author.clone(),
        date: page.date.clone(),
        structure: page.structure.clone().unwrap_or_default(),
        ..Prediction::default()
    }
}

/// Predictions read from a JSON file; a page missing from it predicts
/// nothing.
fn saved_predictions(path: &std::path::Path, pages: &[Page]) -> Result<Vec<Prediction>> {
    let bytes = std::fs::read(path)?;
    let saved: serde_json::Value = serde_json::from_slice(&bytes)?;
    let field = |id: &str, key: &str| {
        saved
            .get(id)
            .and_then(|p| p.get(key))
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    };
    Ok(pages
        .iter()
        .map(|p| Prediction {
            text: field(&p.id, "articleBody").unwrap_or_default(),
            title: field(&p.id, "title"),
            author: field(&p.id, "author"),
            date: field(&p.id, "date"),
            ..Prediction::default()
        })
        .collect())
}

/// Extracts every page on `jobs` threads; results in page order.
fn predict_all(dir: &std::path::Path, pages: &[Page], jobs: usize) -> Vec<Prediction> {
    let next = AtomicUsize::new(0);
    let options = Options::default();
    let mut results: Vec<(usize, Prediction)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(page) = pages.get(i) else { break };
                        done.push((i, predict(dir, page, &options)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("workers catch extraction panics"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, p)| p).collect()
}

/// Reads one page and runs the pipeline on it, timing `extract` alone.
fn predict(dir: &std::path::Path, page: &Page, options: &Options) -> Prediction {
    let html = match dataset::read_html(dir, &page.id) {
        Ok(html) => html,
        Err(e) => {
            return Prediction {
                error: Some(format!("{e:#}")),
                ..Prediction::default()
            };
        }
    };
    let input = Input {
        html: &html,
        url: page.url.as_deref(),
        content_type: None,
    };
    let started = Instant::now();
    let result = std::panic::catch_unwind(|| extract(&input, options));
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut prediction = Prediction {
        ms,
        bytes: html.len(),
        ..Prediction::default()
    };
    match result {
        Ok(Ok(article)) => {
            let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
            prediction.author = (!names.is_empty()).then(|| names.join(", "));
            let source = |f: &Option<lede::article::FieldProvenance>| {
                f.as_ref().map(|f| format!("{:?}", f.source))
            };
            prediction.title_source = source(&article.provenance.title);
            prediction.author_source = source(&article.provenance.authors);
            prediction.date_source = source(&article.provenance.published);
            prediction.is_article = Some(article.flags.is_article);
            prediction.page_type = Some(page_types::name(article.flags.page_type));
            prediction.structure = structure::Structure::from_article(&article);
            prediction.title = article.title;
            prediction.date = article.published_time;
            prediction.text = article.text;
        }
        Ok(Err(e)) => prediction.error = Some(e.to_string()),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            prediction.error = Some(format!("panic: {message}"));
        }
    }
    prediction
}
