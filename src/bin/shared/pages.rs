//! The benchmark pages, shared by the `lede-bench` and `lede-load` tools:
//! every page of a benchmark folder in memory, gunzipped, with its URL.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// One page in memory.
#[derive(Debug)]
pub(crate) struct Page {
    /// The page bytes.
    pub(crate) html: Vec<u8>,
    /// The page URL from the benchmark's ground truth, if any.
    pub(crate) url: Option<String>,
}

/// Reads every page of `dir/html` (or `dir`), sorted by name, with URLs from
/// an AEB `ground-truth.json` or WCXB `ground-truth/<id>.json` when present.
pub(crate) fn load(dir: &Path, limit: Option<usize>) -> Result<Vec<Page>> {
    let html_dir = if dir.join("html").is_dir() {
        dir.join("html")
    } else {
        dir.to_path_buf()
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&html_dir)
        .with_context(|| format!("listing {}", html_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".html.gz") || name.ends_with(".html")
        })
        .collect();
    paths.sort();
    if let Some(n) = limit {
        paths.truncate(n);
    }
    let aeb: serde_json::Value = std::fs::read(dir.join("ground-truth.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    paths
        .iter()
        .map(|path| {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let id = name
                .strip_suffix(".html.gz")
                .or_else(|| name.strip_suffix(".html"))
                .unwrap_or(name);
            let mut html = Vec::new();
            let mut file =
                std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
            if name.ends_with(".gz") {
                flate2::read::GzDecoder::new(file).read_to_end(&mut html)
            } else {
                file.read_to_end(&mut html)
            }
            .with_context(|| format!("reading {}", path.display()))?;
            let url = aeb[id]["url"].as_str().map(str::to_owned).or_else(|| {
                let gt = std::fs::read(dir.join("ground-truth").join(format!("{id}.json"))).ok()?;
                let gt: serde_json::Value = serde_json::from_slice(&gt).ok()?;
                gt["url"]
                    .as_str()
                    .filter(|u| !u.is_empty())
                    .map(str::to_owned)
            });
            Ok(Page { html, url })
        })
        .collect()
}
