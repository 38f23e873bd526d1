//! Benchmark folders: format detection, ground truth and page HTML.
//!
//! - AEB: `ground-truth.json` (`{id: {articleBody, url}}`) and
//!   `html/<id>.html.gz`.
//! - WCXB: `ground-truth/<id>.json` (one annotation per page),
//!   `html/<id>.html.gz` and optionally `metadata.json` (page types).
//! - Readability: `<id>/gold.json` (text, headings, images, captions) and
//!   `<id>/source.html`, one folder per page.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::structure::Structure;

/// The layout and metric of a benchmark folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// The article-extraction-benchmark: shingle precision/recall.
    Aeb,
    /// The web-content-extraction-benchmark: bag-of-words F1 and more.
    Wcxb,
    /// Readability's test pages: shingle text scores plus headings, images
    /// and captions.
    Readability,
}

impl Format {
    /// Tells the format from the folder's contents.
    pub(crate) fn detect(dir: &Path) -> Result<Self> {
        if dir.join("ground-truth.json").is_file() {
            Ok(Self::Aeb)
        } else if dir.join("ground-truth").is_dir() {
            Ok(Self::Wcxb)
        } else if readability_ids(dir).is_ok_and(|ids| !ids.is_empty()) {
            Ok(Self::Readability)
        } else {
            bail!(
                "{} holds neither ground-truth.json (AEB), ground-truth/ (WCXB) nor <id>/gold.json (Readability)",
                dir.display()
            )
        }
    }

    /// Short name for reports.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Aeb => "aeb",
            Self::Wcxb => "wcxb",
            Self::Readability => "readability",
        }
    }
}

/// One page of a benchmark and what it should give.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// File stem of the page.
    pub(crate) id: String,
    /// The page URL, if known.
    pub(crate) url: Option<String>,
    /// The main text.
    pub(crate) text: String,
    /// WCXB: the title.
    pub(crate) title: Option<String>,
    /// WCXB: the author(s).
    pub(crate) author: Option<String>,
    /// WCXB: the publication date, `YYYY-MM-DD` or `YYYY-MM`.
    pub(crate) date: Option<String>,
    /// WCXB: phrases the extraction must contain.
    pub(crate) with: Vec<String>,
    /// WCXB: phrases the extraction must not contain.
    pub(crate) without: Vec<String>,
    /// WCXB: the page type.
    pub(crate) page_type: Option<String>,
    /// Readability: `page` (captured from a real site) or `fixture`.
    pub(crate) kind: Option<String>,
    /// Readability: the headings, images and captions.
    pub(crate) structure: Option<Structure>,
}

/// Loads the ground truth of every page, sorted by id.
pub(crate) fn load(dir: &Path, format: Format) -> Result<Vec<Page>> {
    let mut pages = match format {
        Format::Aeb => load_aeb(dir)?,
        Format::Wcxb => load_wcxb(dir)?,
        Format::Readability => load_readability(dir)?,
    };
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

fn read_json(path: &Path) -> Result<Value> {
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_slice(&bytes).with_context(|| format!("parsing {}", path.display()))
}

/// A non-empty string field, or `None`.
fn string(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn load_aeb(dir: &Path) -> Result<Vec<Page>> {
    let truth = read_json(&dir.join("ground-truth.json"))?;
    let Some(map) = truth.as_object() else {
        bail!("ground-truth.json is not an object of pages");
    };
    Ok(map
        .iter()
        .map(|(id, v)| Page {
            id: id.clone(),
            url: string(v.get("url")),
            text: v
                .get("articleBody")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            ..Page::default()
        })
        .collect())
}

fn load_wcxb(dir: &Path) -> Result<Vec<Page>> {
    // Page types from metadata.json, used when a ground-truth file lacks one.
    let meta = dir.join("metadata.json");
    let meta = if meta.is_file() {
        Some(read_json(&meta)?)
    } else {
        None
    };
    let mut pages = Vec::new();
    let truth_dir = dir.join("ground-truth");
    for entry in
        fs::read_dir(&truth_dir).with_context(|| format!("listing {}", truth_dir.display()))?
    {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            continue;
        };
        let v = read_json(&path)?;
        let gt = v.get("ground_truth");
        let field = |k: &str| gt.and_then(|g| g.get(k));
        let page_type = v
            .pointer("/_internal/page_type/primary")
            .and_then(Value::as_str)
            .or_else(|| {
                meta.as_ref()
                    .and_then(|m| m.get("files")?.get(&id)?.get("page_type")?.as_str())
            })
            .map(str::to_owned);
        pages.push(Page {
            url: string(v.get("url")),
            text: field("main_content")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            title: string(field("title")),
            author: string(field("author")),
            date: string(field("publish_date")),
            with: strings(field("with")),
            without: strings(field("without")),
            page_type,
            id,
            ..Page::default()
        });
    }
    Ok(pages)
}

/// The page folders (those holding a `gold.json`) of a Readability folder.
fn readability_ids(dir: &Path) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        if path.join("gold.json").is_file()
            && let Some(id) = path.file_name().and_then(|s| s.to_str())
        {
            ids.push(id.to_owned());
        }
    }
    Ok(ids)
}

/// The page URL Readability's tests resolve relative links against.
const READABILITY_PAGE_URL: &str = "http://fakehost/test/page.html";

fn load_readability(dir: &Path) -> Result<Vec<Page>> {
    readability_ids(dir)?
        .into_iter()
        .map(|id| {
            let gold = read_json(&dir.join(&id).join("gold.json"))?;
            Ok(Page {
                url: Some(READABILITY_PAGE_URL.to_owned()),
                text: gold
                    .get("text")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                title: string(gold.get("title")),
                author: string(gold.get("byline")),
                date: string(gold.get("published")),
                kind: string(gold.get("kind")),
                structure: Some(Structure::from_gold(&gold)),
                id,
                ..Page::default()
            })
        })
        .collect()
}

/// The path of a page's HTML.
pub(crate) fn html_path(dir: &Path, id: &str) -> PathBuf {
    dir.join("html").join(format!("{id}.html.gz"))
}

/// Reads and gunzips a page's HTML (a plain `.html` beside it also works).
pub(crate) fn read_html(dir: &Path, id: &str) -> Result<Vec<u8>> {
    let source = dir.join(id).join("source.html");
    if source.is_file() {
        return fs::read(&source).with_context(|| format!("reading {}", source.display()));
    }
    let gz = html_path(dir, id);
    if gz.is_file() {
        let file = fs::File::open(&gz).with_context(|| format!("opening {}", gz.display()))?;
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut out)
            .with_context(|| format!("gunzipping {}", gz.display()))?;
        return Ok(out);
    }
    let plain = dir.join("html").join(format!("{id}.html"));
    fs::read(&plain).with_context(|| format!("reading {}", plain.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_both_layouts_and_rejects_others() {
        let root = std::env::temp_dir().join(format!("lede-eval-test-{}", std::process::id()));
        let aeb = root.join("aeb");
        let wcxb = root.join("wcxb");
        fs::create_dir_all(&aeb).unwrap();
        fs::create_dir_all(wcxb.join("ground-truth")).unwrap();
        fs::write(
            aeb.join("ground-truth.json"),
            r#"{"p1": {"articleBody": "Body", "url": "https://e.x/1"}}"#,
        )
        .unwrap();
        fs::write(
            wcxb.join("ground-truth").join("0001.json"),
            r#"{"url": "", "_internal": {"page_type": {"primary": "forum"}},
                "ground_truth": {"title": "T", "author": null, "publish_date": "2025-01",
                "main_content": null, "with": ["a b c"], "without": []}}"#,
        )
        .unwrap();
        assert_eq!(Format::detect(&aeb).unwrap(), Format::Aeb);
        assert_eq!(Format::detect(&wcxb).unwrap(), Format::Wcxb);
        assert!(Format::detect(&root).is_err());

        let pages = load(&aeb, Format::Aeb).unwrap();
        assert_eq!(pages.len(), 1);
        assert_eq!(
            (pages[0].id.as_str(), pages[0].text.as_str()),
            ("p1", "Body")
        );
        assert_eq!(pages[0].url.as_deref(), Some("https://e.x/1"));

        let pages = load(&wcxb, Format::Wcxb).unwrap();
        let p = &pages[0];
        assert_eq!(p.id, "0001");
        assert_eq!((p.url.as_deref(), p.author.as_deref()), (None, None));
        assert_eq!(p.text, "");
        assert_eq!(p.date.as_deref(), Some("2025-01"));
        assert_eq!(p.page_type.as_deref(), Some("forum"));
        assert_eq!(p.with, ["a b c"]);
        fs::remove_dir_all(&root).unwrap();
    }
}
