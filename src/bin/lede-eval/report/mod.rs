//! Per-page scores, their aggregation, and the text and JSON reports.
//!
//! Files, one a section of the report:
//! - `mod.rs`: [`Run`] and [`Summary`]: the aggregation, the headline
//!   figures, the timing and failure lines, the per-page JSON; the order of
//!   the sections.
//! - `page.rs`: one page's scores.
//! - `structure.rs`: the Readability structure figures (headings, images,
//!   captions), per group and per page.
//! - `metadata.rs`: the WCXB snippets, metadata checks and page-type
//!   table, the Readability title and byline checks.
//! - `worst.rs`: the worst pages, with what they missed and added.
//!
//! The page-type confusion and the metadata sources are `page_types.rs`
//! and `provenance.rs` beside this folder.

/// Writes one line to a report `String` (writing to a String cannot fail).
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

mod metadata;
mod page;
mod structure;
mod worst;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use crate::Prediction;
use crate::dataset::{Format, Page};
use crate::metric::{self, AebSummary};
use metadata::{Rate, SnippetRate};
use page::PageScore;
use structure::StructureGroup;

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
        let mut times: Vec<f64> = run.predictions.iter().map(|p| p.ms).collect();
        times.sort_by(f64::total_cmp);
        Self {
            body,
            accuracy,
            with: SnippetRate::new(run.pages, &scores, |s| s.with, |p| !p.with.is_empty()),
            without: SnippetRate::new(run.pages, &scores, |s| s.without, |p| !p.without.is_empty()),
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
            readability_meta: (run.format == Format::Readability)
                .then(|| metadata::readability_rates(run.pages, &scores)),
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

    /// The human-readable report.
    pub(crate) fn render(&self, run: &Run<'_>, worst: usize) -> String {
        let mut out = String::new();
        let b = &self.body;
        say!(
            out,
            "lede-eval: {} {}: {} pages, {} failed, {} jobs",
            run.format.name(),
            run.dir.display(),
            run.pages.len(),
            self.failures.len(),
            run.jobs,
        );
        match self.accuracy {
            Some(acc) => say!(
                out,
                "F1 {:.4}  precision {:.4}  recall {:.4}  accuracy {:.4}",
                b.f1,
                b.precision,
                b.recall,
                acc
            ),
            None => say!(
                out,
                "F1 {:.4}  precision {:.4}  recall {:.4}  (macro over pages)",
                b.f1,
                b.precision,
                b.recall
            ),
        }
        for group in &self.structure {
            out.push_str(&group.render());
        }
        self.render_readability_meta(&mut out);
        if run.format == Format::Readability {
            out.push_str(&structure::per_page(run, &self.scores));
        }
        if run.format == Format::Wcxb {
            self.render_wcxb(&mut out);
        }
        let mb = self.bytes as f64 / 1e6;
        say!(
            out,
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
            say!(out, "failed: {}: {error}", run.pages[i].id);
        }
        if self.failures.len() > 10 {
            say!(out, "failed: ... and {} more", self.failures.len() - 10);
        }
        self.render_worst(&mut out, run, worst);
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
            self.wcxb_json(fields);
        }
        fields.insert("worst".into(), self.worst_json(run, worst));
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
                    fields.insert("headings".into(), structure::match_json(m.headings));
                    fields.insert("images".into(), structure::match_json(m.images));
                    fields.insert("captions".into(), structure::match_json(m.captions));
                }
                entry
            })
            .collect();
        fields.insert("per_page".into(), Value::Array(per_page));
        out
    }
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
pub(crate) fn median(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
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
