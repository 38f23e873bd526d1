//! `--explain`: where a page's lost gold words went. Each run of gold
//! words the extraction missed is found in the page's text (by its
//! four-token shingles, the metric's unit), and reported with the element
//! that held it and the rule that removed it, as the library's
//! [`lede::extract::explain`] tells them; a summary adds the lost words up
//! by rule.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use lede::extract::explain::{Explanation, Segment, explain};
use lede::extract::{Input, Options};

use crate::Prediction;
use crate::dataset::{self, Page};
use crate::metric::{self, Diff};

/// Shingle length used to find a lost run in the page's text.
const SHINGLE: usize = 4;
/// Characters of lost text shown per element.
const SAMPLE_CHARS: usize = 110;
/// Elements listed per page, most lost words first.
const MAX_ELEMENTS: usize = 25;

/// The explanation of one page's losses, as text.
pub(crate) fn render(dir: &Path, page: &Page, pred: &Prediction, fold: bool) -> String {
    let mut out = String::new();
    let html = match dataset::read_html(dir, &page.id) {
        Ok(html) => html,
        Err(e) => return format!("explain {}: {e:#}\n", page.id),
    };
    let input = Input {
        html: &html,
        url: page.url.as_deref(),
        content_type: None,
    };
    let explanation = match explain(&input, &Options::default()) {
        Ok(e) => e,
        Err(e) => return format!("explain {}: {e}\n", page.id),
    };
    let diff = Diff::new(&page.text, &pred.text, fold);
    let truth_words = metric::tokens(&page.text).len();
    let _ = writeln!(
        out,
        "\nexplain {}: page type {:?}, body fallback {:?}\n  roots: {}\n  lost {} of {} gold words",
        page.id,
        explanation.page_type,
        explanation.body_fallback,
        explanation.roots.join(" | "),
        diff.missed_tokens,
        truth_words
    );
    let lost = attribute(&explanation, &page.text, &diff);
    let mut by_segment: Vec<(&usize, &Lost)> = lost.by_segment.iter().collect();
    by_segment.sort_by_key(|(i, l)| (std::cmp::Reverse(l.words), **i));
    for &(&i, l) in by_segment.iter().take(MAX_ELEMENTS) {
        let Some(segment) = explanation.segments.get(i) else {
            continue;
        };
        let _ = writeln!(
            out,
            "  {:>5}  {}\n         in {}\n         \"{}\"",
            l.words,
            segment.rule,
            segment.element,
            sample(&l.text)
        );
    }
    if by_segment.len() > MAX_ELEMENTS {
        let _ = writeln!(
            out,
            "  ... {} more elements",
            by_segment.len() - MAX_ELEMENTS
        );
    }
    if lost.not_found > 0 {
        let _ = writeln!(
            out,
            "  {:>5}  not in the page's text (gold from elsewhere, or split differently)",
            lost.not_found
        );
    }
    let mut by_rule: HashMap<String, usize> = HashMap::new();
    for (&i, l) in &lost.by_segment {
        if let Some(segment) = explanation.segments.get(i) {
            *by_rule.entry(rule_kind(segment)).or_default() += l.words;
        }
    }
    let mut by_rule: Vec<(String, usize)> = by_rule.into_iter().collect();
    by_rule.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let _ = writeln!(out, "  lost words by rule:");
    for (rule, words) in by_rule {
        let _ = writeln!(out, "  {words:>5}  {rule}");
    }
    out
}

/// The rule of a segment, for the summary (token rules keep their token:
/// one token removing much is the thing to look at).
fn rule_kind(segment: &Segment) -> String {
    segment.rule.to_string()
}

/// Lost words found in one segment.
#[derive(Debug, Default)]
struct Lost {
    words: usize,
    text: String,
}

/// Lost words per segment, and those found in none.
#[derive(Debug, Default)]
struct Attribution {
    by_segment: HashMap<usize, Lost>,
    not_found: usize,
}

/// Finds each missed run of `truth` in the segments, token by token: a
/// token belongs to the segment holding a shingle it is part of (the
/// segment of the token before it when several do); a run shorter than a
/// shingle is looked up word by word. Tokens in no segment are not found.
fn attribute(explanation: &Explanation, truth: &str, diff: &Diff) -> Attribution {
    let mut shingles: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    let mut words: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, segment) in explanation.segments.iter().enumerate() {
        let tokens: Vec<String> = metric::tokens(&segment.text)
            .into_iter()
            .map(metric::lower)
            .collect();
        for w in tokens.windows(SHINGLE.min(tokens.len()).max(1)) {
            shingles.entry(w.to_vec()).or_default().push(i);
        }
        for t in tokens {
            words.entry(t).or_default().push(i);
        }
    }
    let mut out = Attribution::default();
    for run in &diff.missed {
        let Some(text) = truth.get(run.clone()) else {
            continue;
        };
        let raw = metric::tokens(text);
        let tokens: Vec<String> = raw.iter().map(|t| metric::lower(t)).collect();
        let mut owner: Vec<Option<usize>> = vec![None; tokens.len()];
        if tokens.len() >= SHINGLE {
            for (start, w) in tokens.windows(SHINGLE).enumerate() {
                let Some(found) = shingles.get(w) else {
                    continue;
                };
                let before = start.checked_sub(1).and_then(|b| owner[b]);
                let Some(&first) = found.first() else {
                    continue;
                };
                let i = before.filter(|b| found.contains(b)).unwrap_or(first);
                for o in &mut owner[start..start + SHINGLE] {
                    o.get_or_insert(i);
                }
            }
        } else {
            for (o, t) in owner.iter_mut().zip(&tokens) {
                *o = words.get(t).and_then(|f| f.first().copied());
            }
        }
        for (k, o) in owner.iter().enumerate() {
            match o {
                Some(i) => {
                    let lost = out.by_segment.entry(*i).or_default();
                    lost.words += 1;
                    let joined = k > 0 && owner[k - 1] == *o;
                    if !lost.text.is_empty() {
                        lost.text.push_str(if joined { " " } else { " … " });
                    }
                    lost.text.push_str(raw[k]);
                }
                None => out.not_found += 1,
            }
        }
    }
    out
}

/// The first [`SAMPLE_CHARS`] characters of `text`, on one line.
fn sample(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= SAMPLE_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(SAMPLE_CHARS).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede::article::{BodyFallback, PageType};
    use lede::extract::explain::Rule;

    fn segment(text: &str, rule: Rule) -> Segment {
        Segment {
            text: text.to_owned(),
            element: "div".to_owned(),
            rule,
        }
    }

    #[test]
    fn lost_runs_are_found_in_the_segment_that_holds_them() {
        let explanation = Explanation {
            page_type: PageType::Article,
            roots: vec!["article".to_owned()],
            body_fallback: BodyFallback::None,
            segments: vec![
                segment("The kept words of the body are here.", Rule::Kept),
                segment("Share this story on every network", Rule::Hidden),
                segment("A sidebar with five lost words in it", Rule::OutsideContent),
            ],
        };
        let truth = "The kept words of the body are here. A sidebar with five lost words \
            in it. Words nobody can find anywhere";
        let pred = "The kept words of the body are here.";
        let diff = Diff::new(truth, pred, true);
        let lost = attribute(&explanation, truth, &diff);
        assert_eq!(lost.by_segment.len(), 1, "{lost:?}");
        let sidebar = &lost.by_segment[&2];
        assert!(sidebar.text.contains("sidebar"), "{sidebar:?}");
        assert_eq!(sidebar.words + lost.not_found, diff.missed_tokens);
        assert!(lost.not_found >= 4, "{lost:?}");
    }
}
