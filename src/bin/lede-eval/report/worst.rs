//! The worst pages by F1: what each missed and added (text runs, and the
//! WCXB snippets lost and leaked), in the text and JSON reports.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::{Run, Summary};
use crate::dataset::Format;
use crate::metric::{self, Diff};
use crate::structure::StructureDiff;

/// Characters of missed or added text shown per run in the worst pages.
const SAMPLE_CHARS: usize = 160;
/// Runs of missed or added text shown per worst page.
const SAMPLE_RUNS: usize = 2;

impl Summary {
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

    /// The `n` worst pages, each with samples of what it missed and added.
    pub(super) fn render_worst(&self, out: &mut String, run: &Run<'_>, n: usize) {
        let worst = self.worst(run, n);
        if worst.is_empty() {
            return;
        }
        say!(out, "\n{} worst pages by F1:", worst.len());
        for i in worst {
            let (page, pred, score) = (&run.pages[i], &run.predictions[i], &self.scores[i]);
            let fmt = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
            say!(
                out,
                "\n{:.3}  p {}  r {}  {}  {}",
                score.f1,
                fmt(score.precision),
                fmt(score.recall),
                page.id,
                page.url.as_deref().unwrap_or_default(),
            );
            let diff = Diff::new(&page.text, &pred.text, run.format == Format::Wcxb);
            for (verb, sign, tokens, text, runs, whose) in [
                (
                    "missed",
                    '-',
                    diff.missed_tokens,
                    &page.text,
                    &diff.missed,
                    "true",
                ),
                (
                    "added",
                    '+',
                    diff.added_tokens,
                    &pred.text,
                    &diff.added,
                    "predicted",
                ),
            ] {
                let total = metric::tokens(text).len();
                say!(out, "  {verb} {tokens} of {total} {whose} tokens");
                for r in runs.iter().take(SAMPLE_RUNS) {
                    say!(out, "    {sign} {}", sample(&text[r.clone()]));
                }
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
                    out,
                    "  with-snippets lost {} of {}; without-snippets leaked {} of {}",
                    lost.len(),
                    page.with.len(),
                    leaked.len(),
                    page.without.len(),
                );
                for phrase in lost.iter().take(SAMPLE_RUNS) {
                    say!(out, "    lost: {}", sample(phrase));
                }
                for phrase in leaked.iter().take(SAMPLE_RUNS) {
                    say!(out, "    leaked: {}", sample(phrase));
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
                        say!(out, "  {what} {}:", items.len());
                        for item in items.iter() {
                            say!(out, "    {}", sample(item));
                        }
                    }
                }
            }
            if let Some(e) = &pred.error {
                say!(out, "  error: {e}");
            }
        }
    }

    /// The `n` worst pages as JSON.
    pub(super) fn worst_json(&self, run: &Run<'_>, n: usize) -> Value {
        let worst: Vec<Value> = self
            .worst(run, n)
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
        Value::Array(worst)
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
    fn samples_are_one_line_and_cut() {
        assert_eq!(sample("a\n\n b"), "a b");
        let long = "é".repeat(SAMPLE_CHARS + 5);
        assert_eq!(sample(&long).chars().count(), SAMPLE_CHARS + 1);
    }
}
