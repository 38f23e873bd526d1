//! The Readability set's structure section: headings, images and captions
//! found against the gold, pooled per group (real pages, fixtures) and
//! per page.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::Run;
use super::page::PageScore;
use crate::dataset::Page;
use crate::metric::AebSummary;
use crate::structure::{Match, PageMatches, Pooled};

/// Structure figures of one group of Readability pages.
#[derive(Debug, Clone)]
pub(super) struct StructureGroup {
    /// `pages` (captured real pages) or `fixtures`.
    pub(super) name: &'static str,
    pages: usize,
    /// Text figures of the group (the AEB shingle metric).
    text: AebSummary,
    headings: Pooled,
    images: Pooled,
    captions: Pooled,
}

impl StructureGroup {
    /// The groups of real pages and fixtures (empty without structure).
    pub(super) fn all(pages: &[Page], scores: &[PageScore]) -> Vec<Self> {
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

    /// The three kinds with their figures.
    fn kinds(&self) -> [(&'static str, Pooled); 3] {
        [
            ("headings", self.headings),
            ("images", self.images),
            ("captions", self.captions),
        ]
    }

    /// The group's text and structure lines.
    pub(super) fn render(&self) -> String {
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

    /// The group's figures as JSON.
    pub(super) fn to_json(&self) -> Value {
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
pub(super) fn match_json(m: Match) -> Value {
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
pub(super) fn per_page(run: &Run<'_>, scores: &[PageScore]) -> String {
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
