//! Criterion benches: the pipeline end to end beside the html5ever parse
//! floor (same group, same inputs, so the ratio is honest), and each stage
//! on its own.
//!
//! Inputs are read at run time from the shared folder beside the repository
//! (`$LEDE_SHARED`, else `../shared` or `../../shared` from the crate root):
//! the seed article and an evenly spread sample of the AEB pages. Inputs
//! that are missing are skipped with a message.
//!
//! ```text
//! cargo bench --bench extract                 # everything
//! cargo bench --bench extract -- end_to_end   # one group
//! ```

use std::fs;
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lede::extract::dom::Dom;
use lede::extract::snapshot::Prelude;
use lede::extract::{
    Input, Options, clean, decode, extract, language, metadata, outline, parse, snapshot,
};
use url::Url;

/// The seed article, relative to the shared folder.
const SEED: &str = "seed/000_5ddd070edce086eb.txt";
/// The AEB pages, relative to the shared folder.
const AEB_HTML: &str = "benchmarks/aeb/html";
/// AEB pages in the sample: enough to average over site designs, few
/// enough that one iteration stays well under a second.
const AEB_SAMPLE: usize = 12;

/// One input page.
struct Page {
    html: Vec<u8>,
    url: Option<String>,
}

/// A named set of pages benched together (one iteration = every page).
struct Inputs {
    name: String,
    pages: Vec<Page>,
}

impl Inputs {
    fn bytes(&self) -> u64 {
        self.pages.iter().map(|p| p.html.len() as u64).sum()
    }
}

/// The shared folder, if it can be found.
fn shared_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("LEDE_SHARED") {
        return Some(PathBuf::from(dir));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `../shared` beside the main checkout; `../../shared` from a worktree.
    [root.join("../shared"), root.join("../../shared")]
        .into_iter()
        .find(|d| d.is_dir())
}

/// The seed and the AEB sample, whichever are present.
fn inputs() -> Vec<Inputs> {
    let Some(shared) = shared_dir() else {
        eprintln!("benches: no shared folder (set LEDE_SHARED); nothing to bench");
        return Vec::new();
    };
    let mut out = Vec::new();
    match fs::read(shared.join(SEED)) {
        Ok(html) => out.push(Inputs {
            name: "seed".to_owned(),
            pages: vec![Page { html, url: None }],
        }),
        Err(e) => eprintln!(
            "benches: skipping the seed ({}): {e}",
            shared.join(SEED).display()
        ),
    }
    match aeb_sample(&shared) {
        Ok(pages) if !pages.is_empty() => out.push(Inputs {
            name: format!("aeb-{}", pages.len()),
            pages,
        }),
        Ok(_) => eprintln!("benches: skipping AEB: no page found"),
        Err(e) => eprintln!(
            "benches: skipping AEB ({}): {e}",
            shared.join(AEB_HTML).display()
        ),
    }
    out
}

/// Every n-th AEB page (sorted by name) up to [`AEB_SAMPLE`], gunzipped,
/// with its URL from the ground truth.
fn aeb_sample(shared: &Path) -> std::io::Result<Vec<Page>> {
    let dir = shared.join(AEB_HTML);
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    let urls: serde_json::Value = fs::read(dir.join("../ground-truth.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let step = paths.len().div_ceil(AEB_SAMPLE).max(1);
    paths
        .iter()
        .step_by(step)
        .map(|path| {
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(fs::File::open(path)?).read_to_end(&mut html)?;
            let id = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".html.gz"))
                .unwrap_or_default();
            let url = urls[id]["url"].as_str().map(str::to_owned);
            Ok(Page { html, url })
        })
        .collect()
}

/// The whole pipeline next to `scraper::Html::parse_document` alone.
fn end_to_end(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("end_to_end");
    for inputs in inputs() {
        group.throughput(Throughput::Bytes(inputs.bytes()));
        // The parse floor gets text, as html5ever needs; decoding is the
        // pipeline's own cost and stays in `extract`.
        let texts: Vec<String> = inputs
            .pages
            .iter()
            .map(|p| String::from_utf8_lossy(&p.html).into_owned())
            .collect();
        group.bench_with_input(
            BenchmarkId::new("parse_only", &inputs.name),
            &texts,
            |b, texts| {
                b.iter(|| {
                    for text in texts {
                        black_box(scraper::Html::parse_document(black_box(text)));
                    }
                });
            },
        );
        group.bench_with_input(
            BenchmarkId::new("extract", &inputs.name),
            &inputs.pages,
            |b, pages| {
                b.iter(|| {
                    for page in pages {
                        let input = Input {
                            html: black_box(&page.html),
                            url: page.url.as_deref(),
                            content_type: None,
                        };
                        let _ = black_box(extract(&input, &options));
                    }
                });
            },
        );
    }
    group.finish();
}

/// One page carried through the pipeline, so that each stage can be
/// benched on the real output of the stages before it.
struct Staged {
    bytes: Vec<u8>,
    text: String,
    prelude: Option<Prelude>,
    page_url: Option<Url>,
    base: Option<Url>,
    doc: scraper::Html,
    meta: metadata::Metadata,
    content: clean::Content,
    language_text: String,
}

impl Staged {
    /// Runs the stages as `extract` does; `None` when the page is rejected.
    fn new(page: &Page, options: &Options) -> Option<Self> {
        let decoded = decode::to_utf8(&page.html, None, options).ok()?;
        let (prelude, html) = snapshot::split(&decoded.text);
        let text = html.to_owned();
        let doc = parse::document(&text, options).ok()?;
        let page_url = page
            .url
            .as_deref()
            .or_else(|| prelude.as_ref().and_then(|p| p.url.as_deref()))
            .and_then(|u| Url::parse(u).ok());
        let base = parse::base_url(&doc, page_url.as_ref());
        let hints = metadata::Hints {
            page_url: page_url.as_ref(),
            prelude: prelude.as_ref(),
            now: None,
        };
        let dom = Dom::build(&doc);
        let meta = metadata::collect_indexed(&doc, &dom, &hints, base.as_ref());
        let content = clean::find_content(&dom);
        let body = outline::build(&dom, &content, base.as_ref(), meta.title());
        drop(dom);
        Some(Self {
            bytes: page.html.clone(),
            language_text: body.language_text(),
            text,
            prelude,
            page_url,
            base,
            doc,
            meta,
            content,
        })
    }
}

/// Each stage alone, on the seed and on the AEB sample.
fn stages(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("stages");
    for inputs in inputs() {
        let staged: Vec<Staged> = inputs
            .pages
            .iter()
            .filter_map(|p| Staged::new(p, &options))
            .collect();
        if staged.len() < inputs.pages.len() {
            eprintln!(
                "benches: {}: {} of {} pages rejected by the pipeline, left out",
                inputs.name,
                inputs.pages.len() - staged.len(),
                inputs.pages.len()
            );
        }
        let bytes = staged.iter().map(|s| s.bytes.len() as u64).sum();
        group.throughput(Throughput::Bytes(bytes));
        let name = &inputs.name;
        group.bench_function(BenchmarkId::new("decode", name), |b| {
            b.iter(|| {
                for s in &staged {
                    let _ = black_box(decode::to_utf8(black_box(&s.bytes), None, &options));
                }
            });
        });
        group.bench_function(BenchmarkId::new("parse", name), |b| {
            b.iter(|| {
                for s in &staged {
                    let _ = black_box(parse::document(black_box(&s.text), &options));
                }
            });
        });
        group.bench_function(BenchmarkId::new("index", name), |b| {
            b.iter(|| {
                for s in &staged {
                    black_box(Dom::build(black_box(&s.doc)));
                }
            });
        });
        let doms: Vec<Dom<'_>> = staged.iter().map(|s| Dom::build(&s.doc)).collect();
        // Metadata reads the index the pipeline has built already.
        group.bench_function(BenchmarkId::new("metadata", name), |b| {
            b.iter(|| {
                for (s, dom) in staged.iter().zip(&doms) {
                    let hints = metadata::Hints {
                        page_url: s.page_url.as_ref(),
                        prelude: s.prelude.as_ref(),
                        now: None,
                    };
                    black_box(metadata::collect_indexed(
                        black_box(&s.doc),
                        dom,
                        &hints,
                        s.base.as_ref(),
                    ));
                }
            });
        });
        group.bench_function(BenchmarkId::new("clean", name), |b| {
            b.iter(|| {
                for dom in &doms {
                    black_box(clean::find_content(black_box(dom)));
                }
            });
        });
        group.bench_function(BenchmarkId::new("outline", name), |b| {
            b.iter(|| {
                for (s, dom) in staged.iter().zip(&doms) {
                    black_box(outline::build(
                        black_box(dom),
                        &s.content,
                        s.base.as_ref(),
                        s.meta.title(),
                    ));
                }
            });
        });
        group.bench_function(BenchmarkId::new("language", name), |b| {
            b.iter(|| {
                for s in &staged {
                    black_box(language::detect(
                        black_box(&s.language_text),
                        s.meta.declared_language(),
                    ));
                }
            });
        });
    }
    group.finish();
}

/// Short runs: the machine is shared, and the ratios matter more than the
/// last digit.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

criterion_group! {
    name = benches;
    config = config();
    targets = end_to_end, stages
}
criterion_main!(benches);
