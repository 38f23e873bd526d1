//! Structure scores of the Readability layout: headings, images and figure
//! captions, as `benchmarks/readability/README.md` defines them.
//!
//! - headings: normalised text (case-folded `\w+` tokens, CJK and kana one
//!   token per character, joined) matched as multisets, levels ignored;
//! - images: identified by their URL's last path segment (percent-decoded,
//!   lower-cased, query ignored, a `-640x480` size suffix dropped; `data:`
//!   URLs by their hash); a true image is found when any of its candidates
//!   matches a predicted image, one to one;
//! - captions: a true caption is found when its normalised text is contained
//!   in a predicted caption, or a predicted caption of at least half its
//!   tokens is contained in it.
//!
//! Each is counted per page, then pooled (micro) and averaged (macro).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use lede::article::{Article, Section};
use serde_json::Value;

use crate::metric;

/// The structure of one article: what the truth lists or lede gave.
#[derive(Debug, Clone, Default)]
pub(crate) struct Structure {
    /// Heading texts in order.
    pub(crate) headings: Vec<String>,
    /// Per image, every URL it is known by (src, srcset, lazy attributes).
    pub(crate) images: Vec<Vec<String>>,
    /// Figure captions (with their credits).
    pub(crate) captions: Vec<String>,
}

impl Structure {
    /// The structure a `gold.json` lists.
    pub(crate) fn from_gold(gold: &Value) -> Self {
        let list = |key: &str| gold.get(key).and_then(Value::as_array).cloned();
        let headings = list("headings")
            .unwrap_or_default()
            .iter()
            .filter_map(|h| h.get("text").and_then(Value::as_str).map(str::to_owned))
            .collect();
        let images = list("images")
            .unwrap_or_default()
            .iter()
            .map(|img| {
                let mut urls: Vec<String> = img
                    .get("candidates")
                    .and_then(Value::as_array)
                    .map(|c| {
                        c.iter()
                            .filter_map(|u| u.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                if let Some(src) = img.get("src").and_then(Value::as_str) {
                    urls.push(src.to_owned());
                }
                urls
            })
            .collect();
        let captions = list("captions")
            .unwrap_or_default()
            .iter()
            .filter_map(|c| c.as_str().map(str::to_owned))
            .collect();
        Self {
            headings,
            images,
            captions,
        }
    }

    /// The structure of an extracted article: its section headings, its
    /// figures' images and captions.
    pub(crate) fn from_article(article: &Article) -> Self {
        let mut headings = Vec::new();
        let mut stack: Vec<&Section> = article.sections.iter().rev().collect();
        while let Some(section) = stack.pop() {
            if section.level > 0 && !section.heading.is_empty() {
                headings.push(section.heading.clone());
            }
            stack.extend(section.children.iter().rev());
        }
        let images = article
            .figures
            .iter()
            .map(|f| {
                std::iter::once(f.image.src.clone())
                    .chain(f.image.srcset.iter().map(|c| c.url.clone()))
                    .collect()
            })
            .collect();
        let captions = article
            .figures
            .iter()
            .filter_map(|f| {
                let text = [f.caption.as_deref(), f.credit.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                (!text.trim().is_empty()).then_some(text)
            })
            .collect();
        Self {
            headings,
            images,
            captions,
        }
    }
}

/// Matches of one kind on one page (or pooled over pages).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Match {
    /// True items found.
    pub(crate) found: usize,
    /// True items.
    pub(crate) truth: usize,
    /// Predicted items that match a true one.
    pub(crate) right: usize,
    /// Predicted items.
    pub(crate) predicted: usize,
}

impl Match {
    /// Found over true items; `None` without true items.
    pub(crate) fn recall(self) -> Option<f64> {
        (self.truth > 0).then(|| self.found as f64 / self.truth as f64)
    }

    /// Right over predicted items; `None` without predicted items.
    pub(crate) fn precision(self) -> Option<f64> {
        (self.predicted > 0).then(|| self.right as f64 / self.predicted as f64)
    }

    fn add(self, other: Self) -> Self {
        Self {
            found: self.found + other.found,
            truth: self.truth + other.truth,
            right: self.right + other.right,
            predicted: self.predicted + other.predicted,
        }
    }
}

/// The three structure matches of one page.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PageMatches {
    /// Headings.
    pub(crate) headings: Match,
    /// Images.
    pub(crate) images: Match,
    /// Figure captions.
    pub(crate) captions: Match,
}

impl PageMatches {
    /// Scores `pred` against `truth`.
    pub(crate) fn new(truth: &Structure, pred: &Structure) -> Self {
        Self {
            headings: match_headings(&truth.headings, &pred.headings),
            images: match_images(&truth.images, &pred.images),
            captions: match_captions(&truth.captions, &pred.captions),
        }
    }
}

/// Pooled and averaged figures of one kind over pages.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Pooled {
    /// Counts summed over pages.
    pub(crate) micro: Match,
    /// Mean recall over pages with true items.
    pub(crate) macro_recall: Option<f64>,
    /// Mean precision over pages with predicted items.
    pub(crate) macro_precision: Option<f64>,
}

impl Pooled {
    /// Pools the matches of pages.
    pub(crate) fn new(matches: impl Iterator<Item = Match> + Clone) -> Self {
        let mean = |values: Vec<f64>| {
            (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
        };
        Self {
            micro: matches.clone().fold(Match::default(), Match::add),
            macro_recall: mean(matches.clone().filter_map(Match::recall).collect()),
            macro_precision: mean(matches.filter_map(Match::precision).collect()),
        }
    }
}

/// Normalised text: case-folded `\w+` tokens, CJK and kana characters one
/// token each, joined by spaces.
pub(crate) fn normalise(text: &str) -> String {
    let folded = caseless::default_case_fold_str(text);
    let mut out: Vec<String> = Vec::new();
    for token in metric::tokens(&folded) {
        if token.chars().any(is_cjk) {
            let mut run = String::new();
            for c in token.chars() {
                if is_cjk(c) {
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
        } else {
            out.push(token.to_owned());
        }
    }
    out.join(" ")
}

/// Han, Hiragana, Katakana and Hangul syllables.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

/// Headings as multisets of normalised texts.
fn match_headings(truth: &[String], pred: &[String]) -> Match {
    let mut left: HashMap<String, usize> = HashMap::new();
    let truth_keys: Vec<String> = truth
        .iter()
        .map(|t| normalise(t))
        .filter(|t| !t.is_empty())
        .collect();
    for key in &truth_keys {
        *left.entry(key.clone()).or_default() += 1;
    }
    let pred_keys: Vec<String> = pred
        .iter()
        .map(|t| normalise(t))
        .filter(|t| !t.is_empty())
        .collect();
    let mut right = 0;
    for key in &pred_keys {
        if let Some(n) = left.get_mut(key).filter(|n| **n > 0) {
            *n -= 1;
            right += 1;
        }
    }
    Match {
        found: right,
        truth: truth_keys.len(),
        right,
        predicted: pred_keys.len(),
    }
}

/// The identity of an image URL (see the module docs).
pub(crate) fn image_key(url: &str) -> String {
    let url = url.trim();
    if url
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("data:"))
    {
        let mut h = DefaultHasher::new();
        url.hash(&mut h);
        return format!("data:{:016x}", h.finish());
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let segment = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let decoded = percent_decode(segment).to_lowercase();
    strip_size_suffix(&decoded)
}

/// `photo-640x480.jpg` gives `photo.jpg`.
fn strip_size_suffix(name: &str) -> String {
    let (stem, ext) = match name.rfind('.') {
        Some(dot) => name.split_at(dot),
        None => (name, ""),
    };
    if let Some(dash) = stem.rfind('-') {
        let size = &stem[dash + 1..];
        if let Some((w, h)) = size.split_once('x')
            && !w.is_empty()
            && !h.is_empty()
            && w.bytes().all(|b| b.is_ascii_digit())
            && h.bytes().all(|b| b.is_ascii_digit())
        {
            return format!("{}{ext}", &stem[..dash]);
        }
    }
    name.to_owned()
}

/// Decodes `%XX` escapes (invalid UTF-8 replaced).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// One-to-one image matching: a true image takes the first unused
/// predicted image sharing one of its keys.
fn match_images(truth: &[Vec<String>], pred: &[Vec<String>]) -> Match {
    let pred_keys: Vec<Vec<String>> = pred
        .iter()
        .map(|urls| urls.iter().map(|u| image_key(u)).collect())
        .collect();
    let mut used = vec![false; pred.len()];
    let mut found = 0;
    for urls in truth {
        let keys: Vec<String> = urls.iter().map(|u| image_key(u)).collect();
        let hit = pred_keys
            .iter()
            .enumerate()
            .find(|(j, p)| !used[*j] && p.iter().any(|k| keys.contains(k)));
        if let Some((j, _)) = hit {
            used[j] = true;
            found += 1;
        }
    }
    Match {
        found,
        truth: truth.len(),
        right: found,
        predicted: pred.len(),
    }
}

/// What one page's structure got wrong, for the worst-pages report: the
/// true items not found and the predicted items that match none.
#[derive(Debug, Clone, Default)]
pub(crate) struct StructureDiff {
    /// True headings not predicted (as written in the truth).
    pub(crate) missed_headings: Vec<String>,
    /// Predicted headings the truth does not have.
    pub(crate) added_headings: Vec<String>,
    /// True images not found (their first candidate URL).
    pub(crate) missed_images: Vec<String>,
    /// Predicted images matching no true image (their src).
    pub(crate) added_images: Vec<String>,
}

impl StructureDiff {
    /// The differences between `truth` and `pred`, scored as [`PageMatches`].
    pub(crate) fn new(truth: &Structure, pred: &Structure) -> Self {
        let mut left: HashMap<String, usize> = HashMap::new();
        for key in pred.headings.iter().map(|t| normalise(t)) {
            *left.entry(key).or_default() += 1;
        }
        let mut missed_headings = Vec::new();
        let mut taken: HashMap<String, usize> = HashMap::new();
        for heading in &truth.headings {
            let key = normalise(heading);
            if key.is_empty() {
                continue;
            }
            match left.get_mut(&key).filter(|n| **n > 0) {
                Some(n) => {
                    *n -= 1;
                    *taken.entry(key).or_default() += 1;
                }
                None => missed_headings.push(heading.clone()),
            }
        }
        let mut added_headings = Vec::new();
        for heading in &pred.headings {
            let key = normalise(heading);
            if key.is_empty() {
                continue;
            }
            match taken.get_mut(&key).filter(|n| **n > 0) {
                Some(n) => *n -= 1,
                None => added_headings.push(heading.clone()),
            }
        }
        let pred_keys: Vec<Vec<String>> = pred
            .images
            .iter()
            .map(|urls| urls.iter().map(|u| image_key(u)).collect())
            .collect();
        let mut used = vec![false; pred.images.len()];
        let mut missed_images = Vec::new();
        for urls in &truth.images {
            let keys: Vec<String> = urls.iter().map(|u| image_key(u)).collect();
            let hit = pred_keys
                .iter()
                .enumerate()
                .find(|(j, p)| !used[*j] && p.iter().any(|k| keys.contains(k)));
            match hit {
                Some((j, _)) => used[j] = true,
                None => missed_images.push(urls.first().cloned().unwrap_or_default()),
            }
        }
        let added_images = pred
            .images
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|(urls, _)| urls.first().cloned().unwrap_or_default())
            .collect();
        Self {
            missed_headings,
            added_headings,
            missed_images,
            added_images,
        }
    }
}

/// Whether predicted caption `pred` matches true caption `truth`
/// (both normalised).
fn caption_matches(truth: &str, pred: &str) -> bool {
    if truth.is_empty() || pred.is_empty() {
        return false;
    }
    let contained = |hay: &str, needle: &str| hay.contains(needle);
    let tokens = |s: &str| s.split(' ').count();
    contained(pred, truth) || (tokens(pred) * 2 >= tokens(truth) && contained(truth, pred))
}

/// Captions: recall over true captions, precision over predicted ones.
fn match_captions(truth: &[String], pred: &[String]) -> Match {
    let truth: Vec<String> = truth.iter().map(|t| normalise(t)).collect();
    let pred: Vec<String> = pred.iter().map(|t| normalise(t)).collect();
    let found = truth
        .iter()
        .filter(|t| pred.iter().any(|p| caption_matches(t, p)))
        .count();
    let right = pred
        .iter()
        .filter(|p| truth.iter().any(|t| caption_matches(t, p)))
        .count();
    Match {
        found,
        truth: truth.len(),
        right,
        predicted: pred.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_keys_follow_the_readme() {
        assert_eq!(
            image_key("https://x.test/a/B%20c-640x480.JPG?w=2"),
            "b c.jpg"
        );
        assert_eq!(image_key("/img/photo.png#x"), "photo.png");
        assert_eq!(image_key("photo-2x.png"), "photo-2x.png");
        assert!(image_key("data:image/png;base64,AAA").starts_with("data:"));
        assert_ne!(
            image_key("data:image/png;base64,AAA"),
            image_key("data:image/png;base64,AAB")
        );
    }

    #[test]
    fn headings_are_multisets_and_cjk_splits_per_character() {
        assert_eq!(normalise("Hello, World!"), "hello world");
        assert_eq!(normalise("普京abc"), "普 京 abc");
        let m = match_headings(
            &["One".into(), "One".into(), "Two".into()],
            &["one".into(), "Three".into()],
        );
        assert_eq!((m.found, m.truth, m.right, m.predicted), (1, 3, 1, 2));
    }

    #[test]
    fn images_match_one_to_one_by_any_candidate() {
        let truth = vec![
            vec![
                "https://x/a.jpg".to_owned(),
                "https://x/a-big.jpg".to_owned(),
            ],
            vec!["https://x/a.jpg".to_owned()],
        ];
        let pred = vec![vec!["https://cdn/a-big.jpg".to_owned()]];
        let m = match_images(&truth, &pred);
        assert_eq!((m.found, m.truth, m.right, m.predicted), (1, 2, 1, 1));
    }

    #[test]
    fn the_diff_names_missed_and_added_items() {
        let truth = Structure {
            headings: vec!["One".into(), "Two".into()],
            images: vec![
                vec!["https://x/a.jpg".into()],
                vec!["https://x/b.jpg".into()],
            ],
            captions: Vec::new(),
        };
        let pred = Structure {
            headings: vec!["one".into(), "Three".into()],
            images: vec![
                vec!["https://y/a.jpg".into()],
                vec!["https://y/c.jpg".into()],
            ],
            captions: Vec::new(),
        };
        let d = StructureDiff::new(&truth, &pred);
        assert_eq!(d.missed_headings, ["Two"]);
        assert_eq!(d.added_headings, ["Three"]);
        assert_eq!(d.missed_images, ["https://x/b.jpg"]);
        assert_eq!(d.added_images, ["https://y/c.jpg"]);
    }

    #[test]
    fn captions_match_by_containment() {
        let truth = vec![
            "Credit Jane Roe/AP".to_owned(),
            "A long caption here".to_owned(),
        ];
        let pred = vec!["Jane Roe/AP".to_owned(), "unrelated".to_owned()];
        let m = match_captions(&truth, &pred);
        assert_eq!((m.found, m.right, m.predicted), (1, 1, 2));
        let pooled = Pooled::new([m, Match::default()].into_iter());
        assert_eq!(pooled.micro.truth, 2);
        assert_eq!(pooled.macro_recall, Some(0.5));
    }
}
