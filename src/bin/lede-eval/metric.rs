//! The scores of the two benchmark formats, exactly as their READMEs (and the
//! upstream Python scorers behind them) define them, plus a token diff that
//! shows a developer what was missed and what was added.
//!
//! - AEB (`article-extraction-benchmark`, `evaluate.py`): `\w+` tokens,
//!   4-token shingles as multisets, per-document precision and recall,
//!   averaged over documents, F1 from the two averages.
//! - WCXB (`web-content-extraction-benchmark`, `evaluate.py`): lower-cased
//!   `\w+` tokens as a bag of words, per-page F1, macro-averaged; snippet
//!   rates; title, author and date checks added by our README.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Python's `\w` on `str` patterns: the Unicode letters (`L*`), numbers
/// (`N*`) and the underscore. Checked against CPython 3.11 over every code
/// point: no difference. Combining marks are *not* word characters there,
/// unlike UTS #18 `\w` (the regex crate's), so a Devanagari word splits at
/// its vowel signs just as it does in the upstream scorers.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("the pattern is valid"));

/// Shingle length of the AEB metric.
const SHINGLE: usize = 4;

/// The tokens of `text`, as Python's `re.findall(r"\w+", text)`.
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// The byte ranges of the tokens of `text`.
fn token_spans(text: &str) -> Vec<Range<usize>> {
    WORD.find_iter(text).map(|m| m.range()).collect()
}

/// Python's `str.lower()`: Rust's `to_lowercase` agrees, final sigma and
/// `İ` (to `i` + U+0307) included.
pub(crate) fn lower(text: &str) -> String {
    text.to_lowercase()
}

/// The shingles of a token list as a multiset: runs of [`SHINGLE`] tokens; a
/// shorter non-empty list is one shingle of all its tokens; no tokens, no
/// shingle (upstream drops the empty tuple).
fn shingles<T: std::hash::Hash + Eq>(tokens: &[T]) -> HashMap<&[T], usize> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < SHINGLE {
        out.insert(tokens, 1);
        return out;
    }
    for window in tokens.windows(SHINGLE) {
        *out.entry(window).or_insert(0) += 1;
    }
    out
}

/// True positive, false positive and false negative shingle counts of one
/// AEB document.
///
/// Upstream divides the three by their sum; that changes no per-document
/// ratio, so the raw counts are kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ShingleCounts {
    /// Shingles in both texts (multiset intersection).
    pub(crate) tp: usize,
    /// Shingles only in the prediction.
    pub(crate) fp: usize,
    /// Shingles only in the truth.
    pub(crate) fn_: usize,
}

impl ShingleCounts {
    /// Compares a prediction with the truth.
    pub(crate) fn new(truth: &str, pred: &str) -> Self {
        let truth_tokens = tokens(truth);
        let pred_tokens = tokens(pred);
        let truth_shingles = shingles(&truth_tokens);
        let pred_shingles = shingles(&pred_tokens);
        let pred_total: usize = pred_shingles.values().sum();
        let mut tp = 0;
        let mut fn_ = 0;
        for (shingle, &t) in &truth_shingles {
            let p = pred_shingles.get(shingle).copied().unwrap_or(0);
            tp += t.min(p);
            fn_ += t - t.min(p);
        }
        Self {
            tp,
            fp: pred_total - tp,
            fn_,
        }
    }

    /// Precision, or `None` when the document is left out of the precision
    /// mean (`tp + fp = 0`: nothing predicted).
    pub(crate) fn precision(&self) -> Option<f64> {
        if self.tp + self.fp == 0 {
            return None;
        }
        Some(if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        })
    }

    /// Recall, or `None` when the document is left out of the recall mean
    /// (`tp + fn = 0`: empty truth).
    pub(crate) fn recall(&self) -> Option<f64> {
        if self.tp + self.fn_ == 0 {
            return None;
        }
        Some(if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        })
    }

    /// This document's F1, only to rank the worst pages (the benchmark's F1
    /// comes from the averages); a left-out precision counts as 0.
    pub(crate) fn f1(&self) -> f64 {
        f1(
            self.precision().unwrap_or(0.0),
            self.recall().unwrap_or(1.0),
        )
    }
}

/// Harmonic mean; 0 when both are 0.
pub(crate) fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Whether the two texts have the same token list (AEB accuracy).
pub(crate) fn same_tokens(truth: &str, pred: &str) -> bool {
    WORD.find_iter(truth)
        .map(|m| m.as_str())
        .eq(WORD.find_iter(pred).map(|m| m.as_str()))
}

/// The AEB figures over a set of documents.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct AebSummary {
    /// F1 of the mean precision and the mean recall.
    pub(crate) f1: f64,
    /// Mean precision over the documents with `tp + fp > 0`.
    pub(crate) precision: f64,
    /// Mean recall over the documents with `tp + fn > 0`.
    pub(crate) recall: f64,
    /// Share of documents whose token list equals the truth's.
    pub(crate) accuracy: f64,
}

impl AebSummary {
    /// Aggregates per-document counts and token-list equality.
    pub(crate) fn new(docs: &[(ShingleCounts, bool)]) -> Self {
        let precision = mean(docs.iter().filter_map(|(c, _)| c.precision()));
        let recall = mean(docs.iter().filter_map(|(c, _)| c.recall()));
        let accuracy = mean(docs.iter().map(|&(_, same)| f64::from(u8::from(same))));
        Self {
            f1: f1(precision, recall),
            precision,
            recall,
            accuracy,
        }
    }
}

/// Plain mean; 0 for no values (upstream would raise).
pub(crate) fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// The WCXB body score of one page.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct BagScore {
    /// Shared tokens over predicted tokens.
    pub(crate) precision: f64,
    /// Shared tokens over true tokens.
    pub(crate) recall: f64,
    /// Harmonic mean of the two.
    pub(crate) f1: f64,
}

impl BagScore {
    /// Lower-cases both texts and compares their bags of `\w+` tokens.
    pub(crate) fn new(truth: &str, pred: &str) -> Self {
        let truth = lower(truth);
        let pred = lower(pred);
        let mut truth_bag: HashMap<&str, usize> = HashMap::new();
        for t in tokens(&truth) {
            *truth_bag.entry(t).or_insert(0) += 1;
        }
        let true_n: usize = truth_bag.values().sum();
        let pred_tokens = tokens(&pred);
        if true_n == 0 {
            let v = if pred_tokens.is_empty() { 1.0 } else { 0.0 };
            return Self {
                precision: v,
                recall: v,
                f1: v,
            };
        }
        if pred_tokens.is_empty() {
            return Self::default();
        }
        let mut overlap = 0usize;
        for t in &pred_tokens {
            if let Some(n) = truth_bag.get_mut(t)
                && *n > 0
            {
                *n -= 1;
                overlap += 1;
            }
        }
        let precision = overlap as f64 / pred_tokens.len() as f64;
        let recall = overlap as f64 / true_n as f64;
        Self {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

/// Share of `phrases` found in the extraction as lower-cased substrings,
/// whitespace as written; 1.0 for an empty list (upstream's rule).
pub(crate) fn snippet_rate(phrases: &[String], pred_lower: &str) -> f64 {
    if phrases.is_empty() {
        return 1.0;
    }
    let found = phrases
        .iter()
        .filter(|p| pred_lower.contains(&lower(p)))
        .count();
    found as f64 / phrases.len() as f64
}

/// Python's `str.isspace()`: Unicode White_Space plus the four information
/// separators U+001C..U+001F.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `" ".join(s.split())` after `s.casefold()`.
fn collapse_fold(s: &str) -> String {
    let folded = caseless::default_case_fold_str(s);
    folded
        .split(is_python_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Titles equal after case-folding and collapsing whitespace.
pub(crate) fn title_matches(truth: &str, pred: &str) -> bool {
    collapse_fold(truth) == collapse_fold(pred)
}

/// Authors match when the case-folded `\w+` token sets share a token.
pub(crate) fn author_matches(truth: &str, pred: &str) -> bool {
    let truth = caseless::default_case_fold_str(truth);
    let pred = caseless::default_case_fold_str(pred);
    let truth: HashSet<&str> = tokens(&truth).into_iter().collect();
    tokens(&pred).iter().any(|t| truth.contains(t))
}

/// Dates match on the same calendar day as written (`YYYY-MM-DD`, time and
/// zone ignored); a truth of `YYYY-MM` matches any day of that month.
pub(crate) fn date_matches(truth: &str, pred: &str) -> bool {
    let truth = truth.trim();
    let pred = pred.trim();
    let day = |s: &str| -> Option<usize> {
        let b = s.as_bytes();
        let digits = |r: Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
        if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7)) {
            return None;
        }
        if b.get(7) == Some(&b'-') && digits(8..10) {
            Some(10)
        } else {
            Some(7)
        }
    };
    match (day(truth), day(pred)) {
        (Some(t), Some(p)) if p >= t => truth[..t] == pred[..t],
        _ => false,
    }
}

/// What a prediction missed and added, as spans of the original texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Diff {
    /// Runs of truth tokens in no matched shingle, longest first (byte
    /// ranges of the truth).
    pub(crate) missed: Vec<Range<usize>>,
    /// Runs of predicted tokens in no matched shingle, longest first (byte
    /// ranges of the prediction).
    pub(crate) added: Vec<Range<usize>>,
    /// Truth tokens missed.
    pub(crate) missed_tokens: usize,
    /// Predicted tokens added.
    pub(crate) added_tokens: usize,
}

impl Diff {
    /// Diffs two texts by 4-token shingles, lower-casing tokens when `fold`.
    pub(crate) fn new(truth: &str, pred: &str, fold: bool) -> Self {
        let (missed, missed_tokens) = unmatched_runs(truth, pred, fold);
        let (added, added_tokens) = unmatched_runs(pred, truth, fold);
        Self {
            missed,
            added,
            missed_tokens,
            added_tokens,
        }
    }
}

/// A token as compared: lower-cased when `fold`.
fn fold_key(token: &str, fold: bool) -> Cow<'_, str> {
    if fold {
        Cow::Owned(lower(token))
    } else {
        Cow::Borrowed(token)
    }
}

/// The runs of tokens of `text` covered by no shingle shared with `other`
/// (shingles consumed greedily in order), longest first, with the number of
/// such tokens.
fn unmatched_runs(text: &str, other: &str, fold: bool) -> (Vec<Range<usize>>, usize) {
    let key = |s| fold_key(s, fold);
    let spans = token_spans(text);
    let keys: Vec<Cow<'_, str>> = spans.iter().map(|r| key(&text[r.clone()])).collect();
    let other_keys: Vec<Cow<'_, str>> = tokens(other).into_iter().map(key).collect();
    let mut available = shingles(&other_keys);
    let mut covered = vec![false; keys.len()];
    let windows: Vec<Range<usize>> = if keys.len() < SHINGLE {
        // A short text is one shingle of all its tokens.
        std::iter::once(0..keys.len()).collect()
    } else {
        (0..=keys.len() - SHINGLE).map(|i| i..i + SHINGLE).collect()
    };
    for w in windows {
        if let Some(n) = available.get_mut(&keys[w.clone()])
            && *n > 0
        {
            *n -= 1;
            covered[w].iter_mut().for_each(|c| *c = true);
        }
    }
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut count = 0;
    let mut start: Option<usize> = None;
    for (i, &c) in covered.iter().chain(std::iter::once(&true)).enumerate() {
        match (c, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                runs.push(s..i);
                count += i - s;
                start = None;
            }
            _ => {}
        }
    }
    runs.sort_by_key(|r| (std::cmp::Reverse(r.len()), r.start));
    let byte_runs = runs
        .into_iter()
        .map(|r| spans[r.start].start..spans[r.end - 1].end)
        .collect();
    (byte_runs, count)
}

/// The tokens of a title or name as the Readability set's README compares
/// them: case-folded `\w+` runs, each CJK or kana character a token of its
/// own (its NFKC step is left out: no normaliser is linked here).
fn name_tokens(text: &str) -> Vec<String> {
    let folded = caseless::default_case_fold_str(text);
    let mut out = Vec::new();
    for word in tokens(&folded) {
        let mut run = String::new();
        for c in word.chars() {
            if is_cjk_or_kana(c) {
                if !run.is_empty() {
                    out.push(std::mem::take(&mut run));
                }
                out.push(c.to_string());
            } else {
                run.push(c);
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
    }
    out
}

fn is_cjk_or_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff)
}

/// Token F1 of two token lists, as multisets.
fn token_f1(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut left: Vec<&String> = b.iter().collect();
    let mut common = 0usize;
    for t in a {
        if let Some(i) = left.iter().position(|x| *x == t) {
            left.swap_remove(i);
            common += 1;
        }
    }
    let p = common as f64 / b.len() as f64;
    let r = common as f64 / a.len() as f64;
    if common == 0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The Readability set's title check with the site affix tolerated: token
/// F1 >= 0.9, or one title's tokens a run inside the other's covering at
/// least half of them.
pub(crate) fn title_affix_tolerated(truth: &str, pred: &str) -> bool {
    let (t, p) = (name_tokens(truth), name_tokens(pred));
    if token_f1(&t, &p) >= 0.9 {
        return true;
    }
    let (short, long) = if t.len() <= p.len() {
        (&t, &p)
    } else {
        (&p, &t)
    };
    !short.is_empty()
        && short.len() * 2 >= long.len()
        && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// The names of a byline as the Readability set's README splits them: at
/// `, ; & | / ( )`, newlines and the words and/und/et/y/e/avec/with.
fn byline_names(byline: &str) -> Vec<Vec<String>> {
    let mut names = Vec::new();
    for part in byline.split([',', ';', '&', '|', '/', '(', ')', '\n']) {
        let mut name: Vec<String> = Vec::new();
        for word in part.split_whitespace() {
            let lower = word.to_lowercase();
            if matches!(
                lower.as_str(),
                "and" | "und" | "et" | "y" | "e" | "avec" | "with"
            ) {
                names.push(std::mem::take(&mut name));
            } else {
                name.extend(name_tokens(word));
            }
        }
        names.push(name);
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The Readability set's byline check: with no gold byline, right when
/// nobody is named; else right when some gold name and some predicted name
/// have token F1 >= 0.8.
pub(crate) fn byline_matches(truth: Option<&str>, pred: Option<&str>) -> bool {
    match (truth, pred) {
        (None, pred) => pred.is_none_or(|p| p.trim().is_empty()),
        (Some(_), None) => false,
        (Some(t), Some(p)) => {
            let (t, p) = (byline_names(t), byline_names(p));
            t.iter().any(|a| p.iter().any(|b| token_f1(a, b) >= 0.8))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_are_python_word_runs() {
        assert_eq!(
            tokens("Hello, world! it's 3.5"),
            ["Hello", "world", "it", "s", "3", "5"]
        );
        // A CJK run without spaces is one token; punctuation splits.
        assert_eq!(
            tokens("普京会晤金正恩。三大理由"),
            ["普京会晤金正恩", "三大理由"]
        );
        // Underscore and every kind of number are word characters.
        assert_eq!(tokens("snake_case x²½ ①"), ["snake_case", "x²½", "①"]);
        // Combining marks are not: Python splits हिन्दी at its signs.
        assert_eq!(tokens("हिन्दी"), ["ह", "न", "द"]);
        assert_eq!(tokens("naïve"), ["naïve"]);
        assert!(tokens(" … — ").is_empty());
    }

    #[test]
    fn lower_matches_python() {
        // Final sigma, as Python 3 does it.
        assert_eq!(
            lower("ΟΔΟΣ ΣΑ"),
            "\u{3bf}\u{3b4}\u{3bf}\u{3c2} \u{3c3}\u{3b1}"
        );
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(tokens(&lower("İstanbul")), ["i", "stanbul"]);
    }

    #[test]
    fn short_texts_give_one_shingle_and_empty_none() {
        let three = ["a", "b", "c"];
        assert_eq!(shingles(&three).len(), 1);
        assert_eq!(shingles(&three)[&three[..]], 1);
        let empty: [&str; 0] = [];
        assert!(shingles(&empty).is_empty());
        let five = ["a", "b", "c", "d", "e"];
        assert_eq!(shingles(&five).len(), 2);
    }

    #[test]
    fn shingles_are_multisets() {
        // "a b c d a b c d": shingles abcd x2, bcda, cdab, dabc.
        let c = ShingleCounts::new("a b c d a b c d", "a b c d");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 1,
                fp: 0,
                fn_: 4
            }
        );
        let c = ShingleCounts::new("a b c d", "a b c d a b c d");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 1,
                fp: 4,
                fn_: 0
            }
        );
    }

    #[test]
    fn identical_texts_score_one_whatever_punctuation() {
        let c = ShingleCounts::new("One two, three four five.", "one two three four five");
        // Case matters for AEB: "One" != "one".
        assert_eq!(c.tp, 1);
        let c = ShingleCounts::new("One two, three four five.", "One two three -- four five");
        assert_eq!(c.precision(), Some(1.0));
        assert_eq!(c.recall(), Some(1.0));
        assert!(close(c.f1(), 1.0));
        // Two short texts that are equal: fp = fn = 0.
        let c = ShingleCounts::new("Hi there", "Hi there!");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(c.precision(), Some(1.0));
    }

    #[test]
    fn empty_prediction_is_left_out_of_precision_and_scores_recall_zero() {
        let c = ShingleCounts::new("a b c d e", "");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 0,
                fp: 0,
                fn_: 2
            }
        );
        assert_eq!(c.precision(), None);
        assert_eq!(c.recall(), Some(0.0));
        // Punctuation only is no tokens, so empty too.
        assert_eq!(ShingleCounts::new("a b c d e", " ... ").precision(), None);
    }

    #[test]
    fn empty_truth_is_left_out_of_recall() {
        let c = ShingleCounts::new("", "a b c d e");
        assert_eq!(c.recall(), None);
        assert_eq!(c.precision(), Some(0.0));
        let both = ShingleCounts::new("", "");
        assert_eq!((both.precision(), both.recall()), (None, None));
    }

    #[test]
    fn partial_overlap_gives_ratios() {
        // truth: 7 tokens -> 4 shingles; pred shares the first 5 tokens
        // (2 shingles) and adds 2 tokens (2 more shingles of its 4).
        let c = ShingleCounts::new("a b c d e f g", "a b c d e x y");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 2,
                fp: 2,
                fn_: 2
            }
        );
        assert_eq!(c.precision(), Some(0.5));
        assert_eq!(c.recall(), Some(0.5));
    }

    #[test]
    fn f1_comes_from_the_averages_not_per_document() {
        // Doc 1: p = 1, r = 0.25 (f1 0.4). Doc 2: p = 0.25, r = 1 (f1 0.4).
        let d1 = ShingleCounts {
            tp: 1,
            fp: 0,
            fn_: 3,
        };
        let d2 = ShingleCounts {
            tp: 1,
            fp: 3,
            fn_: 0,
        };
        let s = AebSummary::new(&[(d1, false), (d2, false)]);
        assert!(close(s.precision, 0.625));
        assert!(close(s.recall, 0.625));
        assert!(close(s.f1, 0.625));
        assert!(close(s.accuracy, 0.0));
    }

    #[test]
    fn empty_predictions_weigh_only_on_recall() {
        let good = ShingleCounts::new("a b c d", "a b c d");
        let empty = ShingleCounts::new("a b c d", "");
        let s = AebSummary::new(&[(good, true), (empty, false)]);
        assert!(close(s.precision, 1.0));
        assert!(close(s.recall, 0.5));
        assert!(close(s.accuracy, 0.5));
        assert!(close(s.f1, 2.0 / 3.0));
    }

    #[test]
    fn accuracy_compares_token_lists() {
        assert!(same_tokens("Hello,  world!", "Hello world"));
        assert!(!same_tokens("Hello world", "hello world"));
        assert!(!same_tokens("Hello world", "world Hello"));
        assert!(same_tokens("", "..."));
    }

    #[test]
    fn bag_of_words_ignores_case_and_order() {
        let s = BagScore::new("The cat sat", "sat the CAT");
        assert_eq!(
            s,
            BagScore {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0
            }
        );
        // Multiset overlap: "the the" against one "the".
        let s = BagScore::new("the cat", "the the");
        assert!(close(s.precision, 0.5));
        assert!(close(s.recall, 0.5));
        let s = BagScore::new("a b c d", "a b x");
        assert!(close(s.precision, 2.0 / 3.0));
        assert!(close(s.recall, 0.5));
        assert!(close(s.f1, 2.0 * (2.0 / 3.0) * 0.5 / (2.0 / 3.0 + 0.5)));
    }

    #[test]
    fn bag_of_words_edge_cases() {
        let one = BagScore {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
        assert_eq!(BagScore::new("", ""), one);
        assert_eq!(BagScore::new("  --  ", "!"), one);
        assert_eq!(BagScore::new("", "something"), BagScore::default());
        assert_eq!(BagScore::new("truth here", ""), BagScore::default());
        assert_eq!(
            BagScore::new("truth here", "other words"),
            BagScore::default()
        );
    }

    #[test]
    fn snippets_are_lowercased_substrings() {
        let phrases = vec!["Quick Brown fox".to_owned(), "lazy  dog".to_owned()];
        let pred = lower("The quick brown FOX jumps over the lazy dog");
        assert!(close(snippet_rate(&phrases, &pred), 0.5));
        assert!(close(snippet_rate(&[], &pred), 1.0));
        assert!(close(snippet_rate(&phrases, ""), 0.0));
    }

    #[test]
    fn titles_casefold_and_collapse_whitespace() {
        assert!(title_matches("Die  Straße\n heute", "die STRASSE heute"));
        assert!(title_matches(" Title ", "title"));
        assert!(!title_matches("Title one", "Title two"));
    }

    #[test]
    fn authors_share_a_token() {
        assert!(author_matches("Jane Doe", "By JANE SMITH, staff"));
        assert!(!author_matches("Jane Doe", "John Smith"));
        assert!(!author_matches("Jane Doe", ""));
    }

    #[test]
    fn dates_match_on_the_day_or_month() {
        assert!(date_matches("2025-09-04", "2025-09-04T23:30:00-05:00"));
        assert!(date_matches("2025-09-04", "2025-09-04"));
        assert!(!date_matches("2025-09-04", "2025-09-05T01:00:00+02:00"));
        assert!(date_matches("2025-09", "2025-09-30T10:00:00Z"));
        assert!(!date_matches("2025-09", "2025-10-01"));
        assert!(!date_matches("2025-09-04", "2025-09"));
        assert!(!date_matches("2025-09-04", "Sept 4, 2025"));
    }

    #[test]
    fn diff_shows_missed_and_added_runs() {
        let truth =
            "Intro words go here. The middle part was lost entirely today. End words stay put now.";
        let pred = "Intro words go here. End words stay put now. Subscribe to our newsletter today";
        let d = Diff::new(truth, pred, false);
        assert_eq!(d.missed.len(), 1);
        assert_eq!(
            &truth[d.missed[0].clone()],
            "The middle part was lost entirely today"
        );
        assert_eq!(d.missed_tokens, 7);
        assert_eq!(
            &pred[d.added[0].clone()],
            "Subscribe to our newsletter today"
        );
        assert_eq!(d.added_tokens, 5);
        let same = Diff::new(truth, truth, false);
        assert!(same.missed.is_empty() && same.added.is_empty());
        // Folding makes case differences disappear.
        assert!(
            Diff::new("Alpha Beta Gamma Delta", "alpha beta gamma delta", true)
                .missed
                .is_empty()
        );
        assert_eq!(
            Diff::new("Alpha Beta Gamma Delta", "alpha beta gamma delta", false).missed_tokens,
            4
        );
    }

    #[test]
    fn readability_title_and_byline_checks() {
        assert!(title_affix_tolerated(
            "Rates rise again",
            "Rates rise again | Example Times"
        ));
        assert!(!title_affix_tolerated("Rates rise again", "Example Times"));
        assert!(title_affix_tolerated("普京会晤金正恩", "普京会晤金正恩"));
        assert!(byline_matches(None, None));
        assert!(!byline_matches(None, Some("Jane Doe")));
        assert!(byline_matches(
            Some("By Jane Doe and John Roe"),
            Some("John Roe")
        ));
        assert!(!byline_matches(Some("Jane Doe"), Some("John Roe")));
        assert!(!byline_matches(Some("Jane Doe"), None));
    }
}
