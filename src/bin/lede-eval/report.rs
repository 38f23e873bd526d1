//! Per-page scores, their aggregation, and the text and JSON reports.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use crate::Prediction;
use crate::dataset::{Format, Page};
use crate::metric::{self, AebSummary, BagScore, Diff, ShingleCounts};
use crate::structure::{Match, PageMatches, Pooled, StructureDiff};

/// Characters of missed or added text shown per run in the worst pages.
const SAMPLE_CHARS: usize = 160;
/// Runs of missed or added text shown per worst page.
const SAMPLE_RUNS: usize = 2;

/// One evaluation run: the pages and what the pipeline gave for them.
#[derive(Debug)]
pub(crate) struct Run<'a> {
    /// The benchmark folder.
    pub(crate) dir: &'a Path,
    /// Its format.
    pub(crate) format: Format,
    /// Worker threads used.
    pub(crate) jobs: usize,
    /// Wall time of the extraction phase.
    pub(crate) wall: Duration,
    /// The pages, in id order.
    pub(crate) pages: &'a [Page],
    /// The predictions, in the same order.
    pub(crate) predictions: &'a [Prediction],
}

/// The scores of one page.
#[derive(Debug, Clone, Default)]
struct PageScore {
    /// The page's F1 (AEB: from its own precision and recall, for ranking).
    f1: f64,
    /// `None` where the metric leaves the page out of the mean.
    precision: Option<f64>,
    /// `None` where the metric leaves the page out of the mean.
    recall: Option<f64>,
    /// AEB: counts and token-list equality.
    aeb: Option<(ShingleCounts, bool)>,
    /// WCXB: share of `with` phrases found (1.0 for none).
    with: f64,
    /// WCXB: share of `without` phrases found (1.0 for none).
    without: f64,
    /// WCXB: title, author and date matched, where the truth has one.
    title: Option<bool>,
    author: Option<bool>,
    date: Option<bool>,
    /// Readability: headings, images and captions.
    structure: Option<PageMatches>,
}

impl PageScore {
    fn new(format: Format, page: &Page, pred: &Prediction) -> Self {
        match format {
            Format::Aeb | Format::Readability => {
                let counts = ShingleCounts::new(&page.text, &pred.text);
                Self {
                    f1: counts.f1(),
                    precision: counts.precision(),
                    recall: counts.recall(),
                    aeb: Some((counts, metric::same_tokens(&page.text, &pred.text))),
                    structure: page
                        .structure
                        .as_ref()
                        .map(|truth| PageMatches::new(truth, &pred.structure)),
                    title: (format == Format::Readability)
                        .then_some(page.title.as_deref())
                        .flatten()
                        .map(|t| {
                            pred.title
                                .as_deref()
                                .is_some_and(|p| metric::title_affix_tolerated(t, p))
                        }),
                    author: (format == Format::Readability).then(|| {
                        metric::byline_matches(page.author.as_deref(), pred.author.as_deref())
                    }),
                    ..Self::default()
                }
            }
            Format::Wcxb => {
                let bag = BagScore::new(&page.text, &pred.text);
                let pred_lower = metric::lower(&pred.text);
                let check =
                    |truth: &Option<String>, pred: &Option<String>, f: fn(&str, &str) -> bool| {
                        truth
                            .as_deref()
                            .map(|t| pred.as_deref().is_some_and(|p| f(t, p)))
                    };
                Self {
                    f1: bag.f1,
                    precision: Some(bag.precision),
                    recall: Some(bag.recall),
                    aeb: None,
                    with: metric::snippet_rate(&page.with, &pred_lower),
                    without: metric::snippet_rate(&page.without, &pred_lower),
                    title: check(&page.title, &pred.title, metric::title_matches),
                    author: check(&page.author, &pred.author, metric::author_matches),
                    date: check(&page.date, &pred.date, metric::date_matches),
                    structure: None,
                }
            }
        }
    }
}

/// Matches over the pages where the truth has a value.
#[derive(Debug, Clone, Copy, Default)]
struct Rate {
    matched: usize,
    pages: usize,
}

impl Rate {
    fn new(values: impl Iterator<Item = Option<bool>>) -> Self {
        values.flatten().fold(Self::default(), |r, m| Self {
            matched: r.matched + usize::from(m),
            pages: r.pages + 1,
        })
    }

    fn value(self) -> f64 {
        if self.pages == 0 {
            0.0
        } else {
            self.matched as f64 / self.pages as f64
        }
    }

    fn to_json(self) -> Value {
        json!({"rate": self.value(), "matched": self.matched, "pages": self.pages})
    }
}

/// A mean over all pages and over the pages whose phrase list is non-empty.
#[derive(Debug, Clone, Copy, Default)]
struct SnippetRate {
    all: f64,
    listed: f64,
    listed_pages: usize,
}

/// Macro-averaged body figures of a group of pages.
#[derive(Debug, Clone, Copy, Default)]
struct Figures {
    pages: usize,
    f1: f64,
    precision: f64,
    recall: f64,
}

/// Everything the reports print.
#[derive(Debug)]
pub(crate) struct Summary {
    scores: Vec<PageScore>,
    /// The benchmark's headline figures.
    body: Figures,
    /// AEB: share of pages with the exact token list.
    accuracy: Option<f64>,
    with: SnippetRate,
    without: SnippetRate,
    title: Rate,
    author: Rate,
    date: Rate,
    /// WCXB: figures per page type.
    types: BTreeMap<String, Figures>,
    /// WCXB: metadata sources and the article flag.
    provenance: Option<crate::provenance::Breakdown>,
    /// WCXB: the page-type classifier against the labels.
    page_types: Option<crate::page_types::Confusion>,
    /// Readability: structure figures of the real pages and of the fixtures.
    structure: Vec<StructureGroup>,
    /// Readability, real pages: title (site affix tolerated), byline where
    /// the gold names someone, no byline where it names nobody.
    readability_meta: Option<[Rate; 3]>,
    total_ms: f64,
    median_ms: f64,
    bytes: usize,
    failures: Vec<usize>,
}

impl Summary {
    /// Scores every page and aggregates.
    pub(crate) fn new(run: &Run<'_>) -> Self {
        let scores: Vec<PageScore> = run
            .pages
            .iter()
            .zip(run.predictions)
            .map(|(page, pred)| PageScore::new(run.format, page, pred))
            .collect();
        let (body, accuracy) = match run.format {
            Format::Aeb | Format::Readability => {
                let docs: Vec<_> = scores.iter().filter_map(|s| s.aeb).collect();
                let s = AebSummary::new(&docs);
                let body = Figures {
                    pages: docs.len(),
                    f1: s.f1,
                    precision: s.precision,
                    recall: s.recall,
                };
                (body, Some(s.accuracy))
            }
            Format::Wcxb => (macro_figures(scores.iter()), None),
        };
        let mut types: BTreeMap<String, Vec<&PageScore>> = BTreeMap::new();
        if run.format == Format::Wcxb {
            for (page, score) in run.pages.iter().zip(&scores) {
                let t = page
                    .page_type
                    .clone()
                    .unwrap_or_else(|| "unknown".to_owned());
                types.entry(t).or_default().push(score);
            }
        }
        let snippet = |rate: fn(&PageScore) -> f64, listed: fn(&Page) -> bool| {
            let listed_scores: Vec<f64> = run
                .pages
                .iter()
                .zip(&scores)
                .filter(|(p, _)| listed(p))
                .map(|(_, s)| rate(s))
                .collect();
            SnippetRate {
                all: metric::mean(scores.iter().map(rate)),
                listed: metric::mean(listed_scores.iter().copied()),
                listed_pages: listed_scores.len(),
            }
        };
        let mut times: Vec<f64> = run.predictions.iter().map(|p| p.ms).collect();
        times.sort_by(f64::total_cmp);
        Self {
            body,
            accuracy,
            with: snippet(|s| s.with, |p| !p.with.is_empty()),
            without: snippet(|s| s.without, |p| !p.without.is_empty()),
            title: Rate::new(scores.iter().map(|s| s.title)),
            author: Rate::new(scores.iter().map(|s| s.author)),
            date: Rate::new(scores.iter().map(|s| s.date)),
            types: types
                .into_iter()
                .map(|(t, s)| (t, macro_figures(s.into_iter())))
                .collect(),
            provenance: (run.format == Format::Wcxb)
                .then(|| crate::provenance::Breakdown::new(run.pages, run.predictions)),
            page_types: (run.format == Format::Wcxb
                && run.predictions.iter().any(|p| p.page_type.is_some()))
            .then(|| crate::page_types::Confusion::new(run.pages, run.predictions)),
            structure: StructureGroup::all(run.pages, &scores),
            readability_meta: (run.format == Format::Readability).then(|| {
                let real: Vec<(&Page, &PageScore)> = run
                    .pages
                    .iter()
                    .zip(&scores)
                    .filter(|(p, _)| p.kind.as_deref() == Some("page"))
                    .collect();
                let named = |want: bool| {
                    Rate::new(
                        real.iter()
                            .filter(|(p, _)| p.author.is_some() == want)
                            .map(|(_, s)| s.author),
                    )
                };
                [
                    Rate::new(real.iter().map(|(_, s)| s.title)),
                    named(true),
                    named(false),
                ]
            }),
            total_ms: times.iter().sum(),
            median_ms: median(&times),
            bytes: run.predictions.iter().map(|p| p.bytes).sum(),
            failures: run
                .predictions
                .iter()
                .enumerate()
                .filter(|(_, p)| p.error.is_some())
                .map(|(i, _)| i)
                .collect(),
            scores,
        }
    }

    /// Whether every scored figure is 1 (the self-check's expectation; the
    /// snippet rates are left out: phrases need not be verbatim).
    pub(crate) fn is_perfect(&self) -> bool {
        let one = |v: f64| (v - 1.0).abs() < 1e-9;
        let rate_ok = |r: Rate| r.pages == 0 || r.matched == r.pages;
        one(self.body.f1)
            && one(self.body.precision)
            && one(self.body.recall)
            && self.accuracy.is_none_or(one)
            && rate_ok(self.title)
            && rate_ok(self.author)
            && rate_ok(self.date)
            && self.failures.is_empty()
    }

    /// Page indices from the worst F1 up.
    pub(crate) fn worst(&self, run: &Run<'_>, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.scores.len()).collect();
        order.sort_by(|&a, &b| {
            self.scores[a]
                .f1
                .total_cmp(&self.scores[b].f1)
                .then_with(|| run.pages[a].id.cmp(&run.pages[b].id))
        });
        order.truncate(n);
        order
    }

    /// The human-readable report.
    pub(crate) fn render(&self, run: &Run<'_>, worst: usize) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        macro_rules! say {
            ($($arg:tt)*) => {{
                let _ = writeln!(out, $($arg)*);
            }};
        }
        let b = &self.body;
        say!(
            "lede-eval: {} {}: {} pages, {} failed, {} jobs",
            run.format.name(),
            run.dir.display(),
            run.pages.len(),
            self.failures.len(),
            run.jobs,
        );
        match self.accuracy {
            Some(acc) => say!(
                "F1 {:.4}  precision {:.4}  recall {:.4}  accuracy {:.4}",
                b.f1,
                b.precision,
                b.recall,
                acc
            ),
            None => say!(
                "F1 {:.4}  precision {:.4}  recall {:.4}  (macro over pages)",
                b.f1,
                b.precision,
                b.recall
            ),
        }
        for group in &self.structure {
            out.push_str(&group.render());
        }
        if let Some([title, named, nobody]) = self.readability_meta {
            for (name, r) in [
                ("real pages: title (site affix tolerated)", title),
                ("real pages: byline where one is named", named),
                ("real pages: no byline where none is named", nobody),
            ] {
                say!(
                    "{name} {:.1}% ({} of {})",
                    100.0 * r.value(),
                    r.matched,
                    r.pages
                );
            }
        }
        if run.format == Format::Readability {
            out.push_str(&structure_per_page(run, &self.scores));
        }
        if run.format == Format::Wcxb {
            say!(
                "with-snippets found {:.1}% (pages with snippets: {:.1}% of {})",
                100.0 * self.with.all,
                100.0 * self.with.listed,
                self.with.listed_pages
            );
            say!(
                "without-snippets leaked {:.1}% (pages with snippets: {:.1}% of {})",
                100.0 * self.without.all,
                100.0 * self.without.listed,
                self.without.listed_pages
            );
            for (name, r) in [
                ("title exact", self.title),
                ("author overlap", self.author),
                ("date same day", self.date),
            ] {
                say!(
                    "{name} {:.1}% ({} of {})",
                    100.0 * r.value(),
                    r.matched,
                    r.pages
                );
            }
            say!(
                "{:<15} {:>5} {:>7} {:>9} {:>7}",
                "page type",
                "pages",
                "F1",
                "precision",
                "recall"
            );
            for (t, f) in &self.types {
                say!(
                    "{t:<15} {:>5} {:>7.4} {:>9.4} {:>7.4}",
                    f.pages,
                    f.f1,
                    f.precision,
                    f.recall
                );
            }
            if let Some(c) = &self.page_types {
                out.push_str(&c.render());
            }
            if let Some(p) = &self.provenance {
                out.push_str(&p.render());
            }
        }
        let mb = self.bytes as f64 / 1e6;
        say!(
            "time in extract: {:.1} ms total, median {:.2} ms/page, {:.1} MB/s per worker ({:.1} MB of HTML; wall {:.2} s on {} jobs)",
            self.total_ms,
            self.median_ms,
            if self.total_ms > 0.0 {
                mb / (self.total_ms / 1000.0)
            } else {
                0.0
            },
            mb,
            run.wall.as_secs_f64(),
            run.jobs,
        );
        for &i in self.failures.iter().take(10) {
            let error = run.predictions[i].error.as_deref().unwrap_or_default();
            say!("failed: {}: {error}", run.pages[i].id);
        }
        if self.failures.len() > 10 {
            say!("failed: ... and {} more", self.failures.len() - 10);
        }
        let worst = self.worst(run, worst);
        if worst.is_empty() {
            return out;
        }
        say!("\n{} worst pages by F1:", worst.len());
        for i in worst {
            let (page, pred, score) = (&run.pages[i], &run.predictions[i], &self.scores[i]);
            let fmt = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
            say!(
                "\n{:.3}  p {}  r {}  {}  {}",
                score.f1,
                fmt(score.precision),
                fmt(score.recall),
                page.id,
                page.url.as_deref().unwrap_or_default(),
            );
            let diff = Diff::new(&page.text, &pred.text, run.format == Format::Wcxb);
            let truth_n = metric::tokens(&page.text).len();
            let pred_n = metric::tokens(&pred.text).len();
            say!("  missed {} of {} true tokens", diff.missed_tokens, truth_n);
            for r in diff.missed.iter().take(SAMPLE_RUNS) {
                say!("    - {}", sample(&page.text[r.clone()]));
            }
            say!(
                "  added {} of {} predicted tokens",
                diff.added_tokens,
                pred_n
            );
            for r in diff.added.iter().take(SAMPLE_RUNS) {
                say!("    + {}", sample(&pred.text[r.clone()]));
            }
            if run.format == Format::Wcxb {
                let lower = metric::lower(&pred.text);
                let lost: Vec<&String> = page
                    .with
                    .iter()
                    .filter(|p| !lower.contains(&metric::lower(p)))
                    .collect();
                let leaked: Vec<&String> = page
                    .without
                    .iter()
                    .filter(|p| lower.contains(&metric::lower(p)))
                    .collect();
                say!(
                    "  with-snippets lost {} of {}; without-snippets leaked {} of {}",
                    lost.len(),
                    page.with.len(),
                    leaked.len(),
                    page.without.len(),
                );
                for phrase in lost.iter().take(SAMPLE_RUNS) {
                    say!("    lost: {}", sample(phrase));
                }
                for phrase in leaked.iter().take(SAMPLE_RUNS) {
                    say!("    leaked: {}", sample(phrase));
                }
            }
            if let Some(truth) = &page.structure {
                let d = StructureDiff::new(truth, &pred.structure);
                let lists = [
                    ("headings missed", &d.missed_headings),
                    ("headings added", &d.added_headings),
                    ("images missed", &d.missed_images),
                    ("images added", &d.added_images),
                ];
                for (what, items) in lists {
                    if !items.is_empty() {
                        say!("  {what} {}:", items.len());
                        for item in items.iter() {
                            say!("    {}", sample(item));
                        }
                    }
                }
            }
            if let Some(e) = &pred.error {
                say!("  error: {e}");
            }
        }
        out
    }

    /// The machine-readable report.
    pub(crate) fn to_json(&self, run: &Run<'_>, worst: usize) -> Value {
        let b = &self.body;
        let mut out = json!({
            "format": run.format.name(),
            "dir": run.dir.display().to_string(),
            "pages": run.pages.len(),
            "failed": self.failures.iter().map(|&i| json!({
                "id": run.pages[i].id,
                "error": run.predictions[i].error,
            })).collect::<Vec<_>>(),
            "jobs": run.jobs,
            "f1": b.f1,
            "precision": b.precision,
            "recall": b.recall,
            "time": {
                "total_ms": self.total_ms,
                "median_ms": self.median_ms,
                "html_bytes": self.bytes,
                "wall_s": run.wall.as_secs_f64(),
            },
        });
        let fields = out.as_object_mut().expect("built as an object above");
        if let Some(acc) = self.accuracy {
            fields.insert("accuracy".into(), json!(acc));
        }
        if !self.structure.is_empty() {
            let groups: serde_json::Map<String, Value> = self
                .structure
                .iter()
                .map(|g| (g.name.to_owned(), g.to_json()))
                .collect();
            fields.insert("structure".into(), Value::Object(groups));
        }
        if run.format == Format::Wcxb {
            let snippet = |s: SnippetRate| json!({"all": s.all, "listed": s.listed, "listed_pages": s.listed_pages});
            fields.insert("with_snippets".into(), snippet(self.with));
            fields.insert("without_snippets".into(), snippet(self.without));
            fields.insert("title".into(), self.title.to_json());
            fields.insert("author".into(), self.author.to_json());
            fields.insert("date".into(), self.date.to_json());
            let types: serde_json::Map<String, Value> = self
                .types
                .iter()
                .map(|(t, f)| {
                    (t.clone(), json!({"pages": f.pages, "f1": f.f1, "precision": f.precision, "recall": f.recall}))
                })
                .collect();
            fields.insert("page_types".into(), Value::Object(types));
            if let Some(c) = &self.page_types {
                fields.insert("page_type_classifier".into(), c.to_json());
            }
            if let Some(p) = &self.provenance {
                fields.insert("provenance".into(), p.to_json());
            }
        }
        let worst: Vec<Value> = self
            .worst(run, worst)
            .into_iter()
            .map(|i| {
                let (page, pred, score) = (&run.pages[i], &run.predictions[i], &self.scores[i]);
                let diff = Diff::new(&page.text, &pred.text, run.format == Format::Wcxb);
                json!({
                    "id": page.id,
                    "url": page.url,
                    "f1": score.f1,
                    "precision": score.precision,
                    "recall": score.recall,
                    "missed_tokens": diff.missed_tokens,
                    "added_tokens": diff.added_tokens,
                    "missed": diff.missed.iter().take(SAMPLE_RUNS).map(|r| sample(&page.text[r.clone()])).collect::<Vec<_>>(),
                    "added": diff.added.iter().take(SAMPLE_RUNS).map(|r| sample(&pred.text[r.clone()])).collect::<Vec<_>>(),
                })
            })
            .collect();
        fields.insert("worst".into(), Value::Array(worst));
        let per_page: Vec<Value> = run
            .pages
            .iter()
            .zip(&self.scores)
            .zip(run.predictions)
            .map(|((page, score), pred)| {
                let mut entry = json!({
                    "id": page.id,
                    "page_type": page.page_type,
                    "predicted_page_type": pred.page_type,
                    "f1": score.f1,
                    "precision": score.precision,
                    "recall": score.recall,
                    "ms": pred.ms,
                });
                // The metadata checks of the page, with both values and the
                // winning source, so a miss can be read without rerunning.
                let fields = [
                    (
                        "title",
                        &page.title,
                        &pred.title,
                        &pred.title_source,
                        score.title,
                    ),
                    (
                        "author",
                        &page.author,
                        &pred.author,
                        &pred.author_source,
                        score.author,
                    ),
                    (
                        "date",
                        &page.date,
                        &pred.date,
                        &pred.date_source,
                        score.date,
                    ),
                ];
                for (name, truth, value, source, ok) in fields {
                    if let (Some(ok), Some(obj)) = (ok, entry.as_object_mut()) {
                        obj.insert(
                            name.into(),
                            json!({"truth": truth, "pred": value, "source": source, "ok": ok}),
                        );
                    }
                }
                if let (Some(m), Some(fields)) = (score.structure, entry.as_object_mut()) {
                    fields.insert("kind".into(), json!(page.kind));
                    fields.insert("headings".into(), match_json(m.headings));
                    fields.insert("images".into(), match_json(m.images));
                    fields.insert("captions".into(), match_json(m.captions));
                }
                entry
            })
            .collect();
        fields.insert("per_page".into(), Value::Array(per_page));
        out
    }
}

/// Structure figures of one group of Readability pages.
#[derive(Debug, Clone)]
struct StructureGroup {
    /// `pages` (captured real pages) or `fixtures`.
    name: &'static str,
    pages: usize,
    /// Text figures of the group (the AEB shingle metric).
    text: AebSummary,
    headings: Pooled,
    images: Pooled,
    captions: Pooled,
}

impl StructureGroup {
    /// The groups of real pages and fixtures (empty without structure).
    fn all(pages: &[Page], scores: &[PageScore]) -> Vec<Self> {
        [("pages", true), ("fixtures", false)]
            .into_iter()
            .filter_map(|(name, real)| {
                let group: Vec<&PageScore> = pages
                    .iter()
                    .zip(scores)
                    .filter(|(p, _)| (p.kind.as_deref() == Some("page")) == real)
                    .map(|(_, s)| s)
                    .collect();
                let matches: Vec<PageMatches> = group.iter().filter_map(|s| s.structure).collect();
                let docs: Vec<_> = group.iter().filter_map(|s| s.aeb).collect();
                (!matches.is_empty()).then(|| Self {
                    name,
                    pages: matches.len(),
                    text: AebSummary::new(&docs),
                    headings: Pooled::new(matches.iter().map(|m| m.headings)),
                    images: Pooled::new(matches.iter().map(|m| m.images)),
                    captions: Pooled::new(matches.iter().map(|m| m.captions)),
                })
            })
            .collect()
    }

    fn kinds(&self) -> [(&'static str, Pooled); 3] {
        [
            ("headings", self.headings),
            ("images", self.images),
            ("captions", self.captions),
        ]
    }

    fn render(&self) -> String {
        let fmt = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
        let t = &self.text;
        let mut out = format!(
            "{} {}: text F1 {:.4}  precision {:.4}  recall {:.4}; structure recall/precision pooled (micro) and per-page mean (macro):\n",
            self.pages, self.name, t.f1, t.precision, t.recall
        );
        for (kind, p) in self.kinds() {
            let m = p.micro;
            let _ = writeln!(
                out,
                "  {kind:<9} recall {} ({}/{})  precision {} ({}/{})  macro recall {}  macro precision {}",
                fmt(m.recall()),
                m.found,
                m.truth,
                fmt(m.precision()),
                m.right,
                m.predicted,
                fmt(p.macro_recall),
                fmt(p.macro_precision),
            );
        }
        out
    }

    fn to_json(&self) -> Value {
        let mut out = serde_json::Map::new();
        out.insert("pages".into(), json!(self.pages));
        out.insert(
            "text".into(),
            json!({"f1": self.text.f1, "precision": self.text.precision, "recall": self.text.recall}),
        );
        for (kind, p) in self.kinds() {
            let mut m = match_json(p.micro);
            if let Some(fields) = m.as_object_mut() {
                fields.insert("macro_recall".into(), json!(p.macro_recall));
                fields.insert("macro_precision".into(), json!(p.macro_precision));
            }
            out.insert(kind.into(), m);
        }
        Value::Object(out)
    }
}

/// One kind's counts and figures as JSON.
fn match_json(m: Match) -> Value {
    json!({
        "recall": m.recall(),
        "precision": m.precision(),
        "found": m.found,
        "truth": m.truth,
        "right": m.right,
        "predicted": m.predicted,
    })
}

/// The per-page structure table: found/true and right/predicted per kind.
fn structure_per_page(run: &Run<'_>, scores: &[PageScore]) -> String {
    let mut out = format!(
        "{:<40} {:>5} {:>11} {:>11} {:>11}\n",
        "page (found/true right/predicted)", "F1", "headings", "images", "captions"
    );
    let cell = |m: Match| format!("{}/{} {}/{}", m.found, m.truth, m.right, m.predicted);
    for (page, score) in run.pages.iter().zip(scores) {
        let Some(m) = score.structure else { continue };
        if page.kind.as_deref() != Some("page") {
            continue;
        }
        let _ = writeln!(
            out,
            "{:<40} {:>5.3} {:>11} {:>11} {:>11}",
            page.id,
            score.f1,
            cell(m.headings),
            cell(m.images),
            cell(m.captions)
        );
    }
    out
}

/// Plain means of per-page figures.
fn macro_figures<'a>(scores: impl Iterator<Item = &'a PageScore> + Clone) -> Figures {
    Figures {
        pages: scores.clone().count(),
        f1: metric::mean(scores.clone().map(|s| s.f1)),
        precision: metric::mean(scores.clone().filter_map(|s| s.precision)),
        recall: metric::mean(scores.filter_map(|s| s.recall)),
    }
}

/// Median of sorted values; 0 for none.
fn median(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// A text sample on one line, cut to [`SAMPLE_CHARS`] characters.
fn sample(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(SAMPLE_CHARS) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even() {
        assert_eq!(median(&[]), 0.0);
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
        assert_eq!(median(&[1.0, 2.0, 4.0, 9.0]), 3.0);
    }

    #[test]
    fn samples_are_one_line_and_cut() {
        assert_eq!(sample("a\n\n b"), "a b");
        let long = "é".repeat(SAMPLE_CHARS + 5);
        assert_eq!(sample(&long).chars().count(), SAMPLE_CHARS + 1);
    }

    #[test]
    fn self_scored_truth_is_perfect_and_a_miss_is_not() {
        let pages = vec![
            Page {
                id: "a".into(),
                text: "One two three four five six".into(),
                ..Page::default()
            },
            Page {
                id: "b".into(),
                text: "Short one".into(),
                ..Page::default()
            },
        ];
        let exact: Vec<Prediction> = pages
            .iter()
            .map(|p| Prediction {
                text: p.text.clone(),
                ..Prediction::default()
            })
            .collect();
        let run = |predictions: &[Prediction]| {
            let run = Run {
                dir: Path::new("x"),
                format: Format::Aeb,
                jobs: 1,
                wall: Duration::ZERO,
                pages: &pages,
                predictions,
            };
            let summary = Summary::new(&run);
            let json = summary.to_json(&run, 1);
            (summary.is_perfect(), json)
        };
        let (perfect, json) = run(&exact);
        assert!(perfect);
        assert_eq!(json["f1"], 1.0);
        assert_eq!(json["per_page"].as_array().map(Vec::len), Some(2));
        let mut missing = exact.clone();
        missing[1].text.clear();
        let (perfect, json) = run(&missing);
        assert!(!perfect);
        assert_eq!(json["precision"], 1.0);
        assert_eq!(json["recall"], 0.5);
        assert_eq!(json["worst"][0]["id"], "b");
        assert_eq!(json["worst"][0]["missed"][0], "Short one");
    }

    #[test]
    fn wcxb_page_checks_only_what_the_truth_has() {
        let page = Page {
            id: "1".into(),
            text: "Hello world".into(),
            title: Some("A Title".into()),
            date: Some("2024-01-02".into()),
            with: vec!["hello world".into()],
            ..Page::default()
        };
        let pred = Prediction {
            text: "hello WORLD".into(),
            title: Some("a  title".into()),
            author: Some("Someone".into()),
            ..Prediction::default()
        };
        let s = PageScore::new(Format::Wcxb, &page, &pred);
        assert_eq!(s.f1, 1.0);
        assert_eq!((s.title, s.author, s.date), (Some(true), None, Some(false)));
        assert_eq!((s.with, s.without), (1.0, 1.0));
    }
}
