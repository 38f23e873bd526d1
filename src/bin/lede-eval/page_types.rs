//! The page-type classifier against the labelled types (WCXB): accuracy
//! and the confusion matrix; and the classifier's features per page, for
//! `scripts/train_page_type.py`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use lede::extract::dom::Dom;
use lede::extract::{Options, decode, metadata, page_type, parse, snapshot};
use serde_json::{Value, json};
use url::Url;

use crate::Prediction;
use crate::dataset::{self, Page};

/// The labels in the order rows and columns are printed.
const LABELS: [&str; 8] = [
    "article",
    "forum",
    "product",
    "collection",
    "listing",
    "documentation",
    "service",
    "other",
];

/// Predicted type against labelled type.
#[derive(Debug, Clone, Default)]
pub(crate) struct Confusion {
    /// (truth, predicted) -> pages.
    cells: BTreeMap<(String, String), usize>,
    pages: usize,
    agreed: usize,
}

impl Confusion {
    /// Tallies the pages that have both a label and a prediction.
    pub(crate) fn new(pages: &[Page], predictions: &[Prediction]) -> Self {
        let mut out = Self::default();
        for (page, pred) in pages.iter().zip(predictions) {
            let (Some(truth), Some(predicted)) = (&page.page_type, &pred.page_type) else {
                continue;
            };
            out.pages += 1;
            out.agreed += usize::from(truth == predicted);
            *out.cells
                .entry((truth.clone(), predicted.clone()))
                .or_default() += 1;
        }
        out
    }

    /// Share of pages whose predicted type is the label.
    pub(crate) fn accuracy(&self) -> f64 {
        if self.pages == 0 {
            0.0
        } else {
            self.agreed as f64 / self.pages as f64
        }
    }

    fn cell(&self, truth: &str, predicted: &str) -> usize {
        self.cells
            .get(&(truth.to_owned(), predicted.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// The text report: accuracy, then rows of truth, columns of prediction.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "page type agreement {:.1}% ({} of {}); rows: labelled, columns: predicted",
            100.0 * self.accuracy(),
            self.agreed,
            self.pages
        );
        let _ = write!(out, "{:<15}", "");
        for l in LABELS {
            let _ = write!(out, " {:>6}", short(l));
        }
        let _ = writeln!(out, " {:>7}", "recall");
        for truth in LABELS {
            let row: usize = LABELS.iter().map(|p| self.cell(truth, p)).sum();
            if row == 0 {
                continue;
            }
            let _ = write!(out, "{truth:<15}");
            for predicted in LABELS {
                let _ = write!(out, " {:>6}", self.cell(truth, predicted));
            }
            let _ = writeln!(out, " {:>7.3}", self.cell(truth, truth) as f64 / row as f64);
        }
        out
    }

    /// The JSON report: accuracy and `matrix[truth][predicted]`.
    pub(crate) fn to_json(&self) -> Value {
        let mut matrix = serde_json::Map::new();
        for truth in LABELS {
            let row: serde_json::Map<String, Value> = LABELS
                .iter()
                .map(|p| ((*p).to_owned(), json!(self.cell(truth, p))))
                .filter(|(_, v)| v != &json!(0))
                .collect();
            if !row.is_empty() {
                matrix.insert(truth.to_owned(), Value::Object(row));
            }
        }
        json!({
            "accuracy": self.accuracy(),
            "pages": self.pages,
            "agreed": self.agreed,
            "matrix": matrix,
        })
    }
}

fn short(label: &str) -> &str {
    label.get(..6).unwrap_or(label)
}

/// The lower-case name of a page type, as the benchmark labels it.
pub(crate) fn name(page_type: lede::article::PageType) -> String {
    format!("{page_type:?}").to_lowercase()
}

/// The classifier's features of one page, computed as the pipeline does
/// up to the stage; `None` when the page does not decode or parse.
fn page_features(
    dir: &Path,
    page: &Page,
    options: &Options,
) -> Result<Option<page_type::Features>> {
    let html = dataset::read_html(dir, &page.id)?;
    let Ok(decoded) = decode::to_utf8(&html, None, options) else {
        return Ok(None);
    };
    let (prelude, text) = snapshot::split(&decoded.text);
    let Ok(doc) = parse::document(text, options) else {
        return Ok(None);
    };
    let url = page
        .url
        .as_deref()
        .filter(|u| !u.is_empty())
        .and_then(|u| Url::parse(u).ok());
    let dom = Dom::build(&doc);
    let hints = metadata::Hints {
        page_url: url.as_ref(),
        prelude: prelude.as_ref(),
        now: options.now,
    };
    let base = parse::base_url(&doc, url.as_ref());
    let meta = metadata::collect_indexed(&doc, &dom, &hints, base.as_ref());
    Ok(Some(page_type::features(&dom, &meta, url.as_ref())))
}

/// Writes a CSV of `id,label,<features...>` for every page: the
/// classifier's features, computed as the pipeline does up to the stage.
pub(crate) fn write_features(dir: &Path, pages: &[Page], out: &Path) -> Result<()> {
    let options = Options::default();
    let mut csv = String::from("id,label");
    for name in page_type::FEATURE_NAMES {
        csv.push(',');
        csv.push_str(name);
    }
    csv.push('\n');
    for page in pages {
        let Some(features) = page_features(dir, page, &options)? else {
            continue;
        };
        let _ = write!(
            csv,
            "{},{}",
            page.id,
            page.page_type.as_deref().unwrap_or("unknown")
        );
        for v in features.0 {
            let _ = write!(csv, ",{v:.5}");
        }
        csv.push('\n');
    }
    std::fs::write(out, csv).with_context(|| format!("writing {}", out.display()))
}

/// For every page: its label, the classifier's type and confidence, and the
/// `top` features that weighed most in that decision.
pub(crate) fn explain(dir: &Path, pages: &[Page], top: usize) -> Result<String> {
    let options = Options::default();
    let mut out = String::new();
    for page in pages {
        let Some(features) = page_features(dir, page, &options)? else {
            let _ = writeln!(out, "{}: does not parse", page.id);
            continue;
        };
        let guess = page_type::decide(&features);
        let _ = writeln!(
            out,
            "{}: labelled {}, predicted {} ({:.2})",
            page.id,
            page.page_type.as_deref().unwrap_or("unknown"),
            name(guess.page_type),
            guess.confidence
        );
        for c in page_type::explain(&features, top) {
            let _ = writeln!(out, "  {:+7.2}  {} = {:.3}", c.weight, c.feature, c.value);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confusion_counts_agreement_per_cell() {
        let page = |t: &str| Page {
            page_type: Some(t.to_owned()),
            ..Page::default()
        };
        let pred = |t: &str| Prediction {
            page_type: Some(t.to_owned()),
            ..Prediction::default()
        };
        let pages = [page("article"), page("forum"), page("forum")];
        let preds = [pred("article"), pred("forum"), pred("article")];
        let c = Confusion::new(&pages, &preds);
        assert!((c.accuracy() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(c.cell("forum", "article"), 1);
        let j = c.to_json();
        assert_eq!(j["matrix"]["forum"]["forum"], 1);
        assert!(c.render().contains("66.7%"));
    }
}
