//! Where the metadata came from (WCXB): for title, author and date, how
//! often each source wins and how often its value is right where the truth
//! has one; and how well the readerable flag tells articles
//! (`page_type == "article"`) from the other page types.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::Prediction;
use crate::dataset::Page;
use crate::metric;

/// A field's name, truth, prediction, source and match function.
type FieldCheck<'a> = (
    &'static str,
    &'a Option<String>,
    &'a Option<String>,
    &'a Option<String>,
    fn(&str, &str) -> bool,
);

/// One source's record for one field.
#[derive(Debug, Clone, Copy, Default)]
struct SourceRate {
    /// Pages where this source gave the value.
    wins: usize,
    /// Of those, pages whose truth has a value.
    judged: usize,
    /// Of those, pages where the value is right.
    matched: usize,
}

/// How well `is_article` agrees with the page type.
#[derive(Debug, Clone, Copy, Default)]
struct Confusion {
    true_pos: usize,
    false_pos: usize,
    true_neg: usize,
    false_neg: usize,
}

/// Per field and source, and the article flag.
#[derive(Debug, Clone, Default)]
pub(crate) struct Breakdown {
    fields: BTreeMap<&'static str, BTreeMap<String, SourceRate>>,
    article: Confusion,
    /// Per page type: (pages flagged as articles, pages).
    flagged_by_type: BTreeMap<String, (usize, usize)>,
}

impl Breakdown {
    /// Tallies the predictions against the truth.
    pub(crate) fn new(pages: &[Page], predictions: &[Prediction]) -> Self {
        let mut out = Self::default();
        for (page, pred) in pages.iter().zip(predictions) {
            let fields: [FieldCheck<'_>; 3] = [
                (
                    "title",
                    &page.title,
                    &pred.title,
                    &pred.title_source,
                    metric::title_matches,
                ),
                (
                    "author",
                    &page.author,
                    &pred.author,
                    &pred.author_source,
                    metric::author_matches,
                ),
                (
                    "date",
                    &page.date,
                    &pred.date,
                    &pred.date_source,
                    metric::date_matches,
                ),
            ];
            for (name, truth, value, source, matches) in fields {
                let Some(value) = value else { continue };
                let source = source.clone().unwrap_or_else(|| "unknown".to_owned());
                let rate = out
                    .fields
                    .entry(name)
                    .or_default()
                    .entry(source)
                    .or_default();
                rate.wins += 1;
                if let Some(truth) = truth {
                    rate.judged += 1;
                    rate.matched += usize::from(matches(truth, value));
                }
            }
            if let (Some(t), Some(is_article)) = (page.page_type.as_deref(), pred.is_article) {
                let truth = t == "article";
                let entry = out.flagged_by_type.entry(t.to_owned()).or_default();
                entry.0 += usize::from(is_article);
                entry.1 += 1;
                let c = &mut out.article;
                match (truth, is_article) {
                    (true, true) => c.true_pos += 1,
                    (false, true) => c.false_pos += 1,
                    (false, false) => c.true_neg += 1,
                    (true, false) => c.false_neg += 1,
                }
            }
        }
        out
    }

    fn accuracy(&self) -> f64 {
        let c = self.article;
        let all = c.true_pos + c.false_pos + c.true_neg + c.false_neg;
        if all == 0 {
            0.0
        } else {
            (c.true_pos + c.true_neg) as f64 / all as f64
        }
    }

    /// Lines for the text report.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        for (field, sources) in &self.fields {
            let total: usize = sources.values().map(|r| r.wins).sum();
            let _ = writeln!(out, "{field} sources ({total} pages with a value):");
            let mut rows: Vec<_> = sources.iter().collect();
            rows.sort_by(|a, b| b.1.wins.cmp(&a.1.wins).then(a.0.cmp(b.0)));
            for (source, r) in rows {
                let _ = writeln!(
                    out,
                    "  {source:<14} wins {:>4} ({:>5.1}%)  right {:>4} of {:>4} judged ({:>5.1}%)",
                    r.wins,
                    100.0 * r.wins as f64 / total.max(1) as f64,
                    r.matched,
                    r.judged,
                    100.0 * r.matched as f64 / r.judged.max(1) as f64
                );
            }
        }
        let c = self.article;
        let _ = writeln!(
            out,
            "is-article vs page_type == article: accuracy {:.1}% (articles flagged {} of {}, others flagged {} of {})",
            100.0 * self.accuracy(),
            c.true_pos,
            c.true_pos + c.false_neg,
            c.false_pos,
            c.false_pos + c.true_neg
        );
        let by_type: Vec<String> = self
            .flagged_by_type
            .iter()
            .map(|(t, (f, n))| format!("{t} {f}/{n}"))
            .collect();
        let _ = writeln!(
            out,
            "  flagged as articles by page type: {}",
            by_type.join(", ")
        );
        out
    }

    /// The JSON report's `sources` and `is_article` entries.
    pub(crate) fn to_json(&self) -> Value {
        let fields: serde_json::Map<String, Value> = self
            .fields
            .iter()
            .map(|(f, sources)| {
                let s: serde_json::Map<String, Value> = sources
                    .iter()
                    .map(|(k, r)| {
                        (
                            k.clone(),
                            json!({"wins": r.wins, "judged": r.judged, "matched": r.matched}),
                        )
                    })
                    .collect();
                ((*f).to_owned(), Value::Object(s))
            })
            .collect();
        let c = self.article;
        json!({
            "sources": fields,
            "is_article": {
                "accuracy": self.accuracy(),
                "true_pos": c.true_pos, "false_pos": c.false_pos,
                "true_neg": c.true_neg, "false_neg": c.false_neg,
            },
        })
    }
}
