//! `--language`: scores `lede::extract::language::detect` on a language
//! corpus, the folder `scripts/language_corpus.py` writes (`samples.jsonl`,
//! one `{"id", "lang", "bucket", "source", "text"}` a line).
//!
//! A sample is right when the detected tag names its language: the whole
//! tag where the corpus gives a script (`zh-Hans`, `zh-Hant`, `sr-Latn`),
//! else the primary subtag (`pt-BR` is right for `pt`). Accuracy is
//! reported per bucket (short 20-40 characters, medium 100-200, page,
//! raw page-like text with navigation and code) as the macro mean over
//! languages (each language weighs the same, as issue 14 asks) and over
//! samples; then per language, the precision of answers marked reliable,
//! and the time per call.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use serde_json::{Value, json};

/// The corpus's buckets, in the order reported.
const BUCKETS: &[&str] = &["short", "medium", "page", "raw"];

/// One sample and what lede said of it.
#[derive(Debug)]
struct Scored {
    id: String,
    lang: String,
    bucket: String,
    right: bool,
    reliable: bool,
    predicted: String,
    micros: f64,
}

/// Right and total counts.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    right: usize,
    all: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.right += usize::from(right);
        self.all += 1;
    }

    fn rate(self) -> f64 {
        if self.all == 0 {
            0.0
        } else {
            self.right as f64 / self.all as f64
        }
    }
}

/// Whether `predicted` names the corpus language `gold`.
fn names(gold: &str, predicted: &str) -> bool {
    if gold.contains('-') {
        // A script is part of the answer: compare language and script.
        let mut g = gold.split('-');
        let mut p = predicted.split('-');
        let same = |a: Option<&str>, b: Option<&str>| {
            a.zip(b).is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
        };
        same(g.next(), p.next()) && same(g.next(), p.next())
    } else {
        predicted
            .split('-')
            .next()
            .is_some_and(|p| p.eq_ignore_ascii_case(gold))
    }
}

/// A corpus sample: id, language, bucket, text.
type Sample = (String, String, String, String);

fn load(dir: &Path) -> Result<Vec<Sample>> {
    let path = dir.join("samples.jsonl");
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "reading {} (build it with scripts/language_corpus.py --out {})",
            path.display(),
            dir.display()
        )
    })?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        match (field("lang"), field("bucket"), field("text")) {
            (Some(lang), Some(bucket), Some(text)) => {
                let id = field("id").unwrap_or_else(|| format!("line-{}", n + 1));
                out.push((id, lang, bucket, text));
            }
            _ => anyhow::bail!(
                "{}:{}: a sample needs lang, bucket and text",
                path.display(),
                n + 1
            ),
        }
    }
    if out.is_empty() {
        anyhow::bail!("no sample in {}", path.display());
    }
    Ok(out)
}

fn score(samples: Vec<Sample>) -> Vec<Scored> {
    samples
        .into_iter()
        .map(|(id, lang, bucket, text)| {
            let started = Instant::now();
            let got = lede::extract::language::detect(&text, None);
            let micros = started.elapsed().as_secs_f64() * 1e6;
            Scored {
                id,
                right: names(&lang, &got.tag),
                reliable: got.reliable,
                predicted: got.tag,
                lang,
                bucket,
                micros,
            }
        })
        .collect()
}

/// Per bucket: per-language tallies.
type Table = BTreeMap<String, BTreeMap<String, Tally>>;

fn table(scored: &[Scored]) -> Table {
    let mut t: Table = BTreeMap::new();
    for s in scored {
        t.entry(s.bucket.clone())
            .or_default()
            .entry(s.lang.clone())
            .or_default()
            .add(s.right);
    }
    t
}

fn macro_rate(langs: &BTreeMap<String, Tally>) -> f64 {
    if langs.is_empty() {
        return 0.0;
    }
    langs.values().map(|t| t.rate()).sum::<f64>() / langs.len() as f64
}

fn micro(langs: &BTreeMap<String, Tally>) -> Tally {
    langs.values().fold(Tally::default(), |a, t| Tally {
        right: a.right + t.right,
        all: a.all + t.all,
    })
}

/// Reliable answers: how many, and how many of them right.
fn reliable(scored: &[Scored]) -> Tally {
    let mut t = Tally::default();
    for s in scored.iter().filter(|s| s.reliable) {
        t.add(s.right);
    }
    t
}

/// The commonest wrong answers per language and bucket, for the text report.
fn confusions(scored: &[Scored], lang: &str) -> String {
    let mut wrong: BTreeMap<&str, usize> = BTreeMap::new();
    for s in scored.iter().filter(|s| s.lang == lang && !s.right) {
        *wrong.entry(s.predicted.as_str()).or_default() += 1;
    }
    let mut wrong: Vec<(&str, usize)> = wrong.into_iter().collect();
    wrong.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    wrong
        .iter()
        .take(3)
        .map(|(t, n)| format!("{t} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs the language report on the corpus in `dir`.
pub(crate) fn run(dir: &Path, json_out: bool) -> Result<String> {
    let scored = score(load(dir)?);
    let t = table(&scored);
    let per_bucket_ms: BTreeMap<&str, f64> = BUCKETS
        .iter()
        .map(|b| {
            let mut v: Vec<f64> = scored
                .iter()
                .filter(|s| s.bucket == *b)
                .map(|s| s.micros / 1000.0)
                .collect();
            v.sort_by(f64::total_cmp);
            (*b, crate::report::median(&v))
        })
        .collect();
    let rel = reliable(&scored);
    let languages: std::collections::BTreeSet<&str> =
        scored.iter().map(|s| s.lang.as_str()).collect();
    if json_out {
        let buckets: serde_json::Map<String, Value> = t
            .iter()
            .map(|(b, langs)| {
                let m = micro(langs);
                let per: serde_json::Map<String, Value> = langs
                    .iter()
                    .map(|(l, t)| (l.clone(), json!({"right": t.right, "samples": t.all})))
                    .collect();
                (
                    b.clone(),
                    json!({
                        "macro": macro_rate(langs),
                        "micro": m.rate(),
                        "samples": m.all,
                        "median_ms": per_bucket_ms.get(b.as_str()).copied().unwrap_or(0.0),
                        "languages": per,
                    }),
                )
            })
            .collect();
        let out = json!({
            "dir": dir.display().to_string(),
            "samples": scored.len(),
            "languages": languages.len(),
            "buckets": buckets,
            "reliable": {"answers": rel.all, "right": rel.right, "precision": rel.rate(),
                         "share": rel.all as f64 / scored.len().max(1) as f64},
            // Every wrong answer, for a closer look (ids are the corpus's).
            "wrong": scored.iter().filter(|s| !s.right).map(|s| json!({
                "id": s.id, "lang": s.lang, "bucket": s.bucket,
                "predicted": s.predicted, "reliable": s.reliable,
            })).collect::<Vec<_>>(),
        });
        return Ok(serde_json::to_string_pretty(&out)?);
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "lede-eval --language {}: {} samples, {} languages",
        dir.display(),
        scored.len(),
        languages.len()
    );
    let _ = writeln!(s, "bucket     macro   micro  samples  median ms/call");
    for b in BUCKETS {
        if let Some(langs) = t.get(*b) {
            let m = micro(langs);
            let _ = writeln!(
                s,
                "{:<8} {:>7.3} {:>7.3} {:>8} {:>15.3}",
                b,
                macro_rate(langs),
                m.rate(),
                m.all,
                per_bucket_ms.get(b).copied().unwrap_or(0.0)
            );
        }
    }
    let _ = writeln!(
        s,
        "reliable answers: {:.1}% of samples, precision {:.4} ({} of {})",
        100.0 * rel.all as f64 / scored.len().max(1) as f64,
        rel.rate(),
        rel.right,
        rel.all
    );
    let _ = writeln!(
        s,
        "per language (accuracy per bucket; commonest wrong answers):"
    );
    let _ = writeln!(s, "lang      short  medium    page     raw  wrong");
    for lang in &languages {
        let cell = |b: &str| {
            t.get(b)
                .and_then(|l| l.get(*lang))
                .map_or("      -".to_owned(), |t| format!("{:>7.3}", t.rate()))
        };
        let _ = writeln!(
            s,
            "{:<8} {} {} {} {}  {}",
            lang,
            cell("short"),
            cell("medium"),
            cell("page"),
            cell("raw"),
            confusions(&scored, lang)
        );
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_names_its_language() {
        assert!(names("de", "de"));
        assert!(names("pt", "pt-BR"));
        assert!(!names("da", "de"));
        assert!(names("zh-Hans", "zh-Hans"));
        assert!(!names("zh-Hant", "zh-Hans"));
        assert!(!names("sr-Latn", "sr"));
        assert!(names("sr-Latn", "sr-Latn"));
    }
}
