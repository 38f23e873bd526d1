//! What `lede extract` makes of the paths it is given: which files in a
//! folder are pages (by name, or by their first bytes when they have no
//! extension), which are WARC files (scanned for their HTML responses), the
//! files skipped (named on standard error, never silently), and the URL each
//! page gets under `--url`'s base.

use std::{
    fs,
    io::Read,
    path::{Path, PathBuf},
};

use tonic::Code;

use super::{
    batch::{Source, is_page_name},
    manifest::Entry,
    warc,
};

/// Skipped files named on standard error per folder; the others counted.
const MAX_NAMED_SKIPS: usize = 5;

/// Adds the inputs among `files`, found under the folder `root`, to `out`;
/// reports the files skipped, and makes an empty folder a failed input.
pub(super) fn folder(
    root: &Path,
    files: Vec<Source>,
    base: Option<&url::Url>,
    skipped: &mut warc::Skipped,
    out: &mut Vec<Source>,
) {
    let before = out.len();
    let mut ignored = Vec::new();
    for file in files {
        match file {
            Source::File(path)
                if is_page_name(&path) || warc::is_warc_name(&path) || sniffs_as_html(&path) =>
            {
                self::file(root, path, base, skipped, out);
            }
            Source::File(path) => ignored.push(path),
            // A sub-folder that could not be listed stays a failed input.
            other => out.push(other),
        }
    }
    if !ignored.is_empty() {
        let names: Vec<String> = ignored
            .iter()
            .take(MAX_NAMED_SKIPS)
            .map(|p| relative(root, p))
            .collect();
        let more = ignored.len().saturating_sub(MAX_NAMED_SKIPS);
        eprintln!(
            "lede: {}: skipped, not pages: {} ({}{})",
            root.display(),
            super::count(ignored.len(), "file"),
            names.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    if out.len() == before {
        out.push(Source::Failed {
            id: root.display().to_string(),
            code: Code::NotFound,
            message: format!(
                "no pages in {} (looked for .html, .htm, .xhtml, .shtml, .txt, their .gz, \
                 .warc and .warc.gz files, and HTML files without an extension)",
                root.display()
            ),
        });
    }
}

/// Adds the inputs of the file `path` (found under `root`, or named on the
/// command line with `root` its folder) to `out`: a WARC file's records, or
/// the page itself, with its URL under `base`.
pub(super) fn file(
    root: &Path,
    path: PathBuf,
    base: Option<&url::Url>,
    skipped: &mut warc::Skipped,
    out: &mut Vec<Source>,
) {
    if warc::is_warc_name(&path) {
        out.extend(
            warc::scan(&path, skipped)
                .into_iter()
                .map(|found| match found {
                    warc::Found::Page(record) => Source::Record(record),
                    warc::Found::Damaged { id, message } => Source::Failed {
                        id,
                        code: Code::DataLoss,
                        message,
                    },
                }),
        );
        return;
    }
    match base {
        None => out.push(Source::File(path)),
        Some(base) => {
            let rel = relative(root, &path);
            let url = base
                .join(&rel)
                .map_or_else(|_| base.to_string(), String::from);
            out.push(Source::Listed(Entry {
                id: path.display().to_string(),
                path,
                url,
            }));
        }
    }
}

/// `path` under `root`, with `/` between its parts (a URL path).
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether a file without an extension starts like an HTML page (what
/// `wget --mirror` saves for `https://example.com/about`).
fn sniffs_as_html(path: &Path) -> bool {
    if path.extension().is_some() {
        return false;
    }
    let mut head = [0u8; 512];
    let Ok(n) = fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let head = String::from_utf8_lossy(head.get(..n).unwrap_or_default()).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_under_a_base_follow_the_folder_layout() {
        let base = url::Url::parse("https://example.com/docs/").expect("a URL");
        let mut out = Vec::new();
        let root = Path::new("/mirror");
        file(
            root,
            PathBuf::from("/mirror/guide/intro.html"),
            Some(&base),
            &mut warc::Skipped::new(),
            &mut out,
        );
        match out.as_slice() {
            [Source::Listed(entry)] => {
                assert_eq!(entry.url, "https://example.com/docs/guide/intro.html");
                assert_eq!(entry.id, "/mirror/guide/intro.html");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn files_without_an_extension_are_pages_when_they_start_like_html() {
        let dir = std::env::temp_dir().join(format!("lede-inputs-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("mkdir");
        fs::write(dir.join("about"), "\u{feff}  <!DOCTYPE html><p>x").expect("write");
        fs::write(dir.join("LICENSE"), "MIT License").expect("write");
        let (about, license) = (
            sniffs_as_html(&dir.join("about")),
            sniffs_as_html(&dir.join("LICENSE")),
        );
        let _ = fs::remove_dir_all(&dir);
        assert!(about);
        assert!(!license);
    }
}
