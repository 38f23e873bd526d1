//! What `lede extract` writes: the response as JSON, or the article's own
//! Markdown or text body (`--format`), on standard output or as one file
//! per page (`--output-dir`), named from the page's id.

use std::{
    collections::HashSet,
    fs,
    io::Write,
    path::{Path, PathBuf},
};

use anyhow::Context;
use clap::ValueEnum;
use lede::grpc::pb;

/// Longest file name made from an id, before its suffix and extension.
const MAX_NAME_BYTES: usize = 120;

/// What is written per page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// The ExtractResponse as JSON (the proto3 JSON mapping): one document
    /// for one page, JSON Lines for many.
    #[default]
    Json,
    /// The article body as Markdown (`article.markdown`).
    Markdown,
    /// The article body as plain text (`article.text`).
    Text,
}

impl Format {
    /// The extension of its files in `--output-dir`.
    fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Text => "txt",
        }
    }
}

/// The document of one response in `format`: JSON (pretty unless
/// `compact`), or the article's Markdown or text body. `Err` with the
/// item's error message for a Markdown or text page that failed (its JSON
/// carries the error itself).
pub(super) fn document(
    response: &pb::ExtractResponse,
    format: Format,
    compact: bool,
) -> Result<String, String> {
    let body = |article: &pb::Article| match format {
        Format::Markdown => article.markdown.clone(),
        _ => article.text.clone(),
    };
    match (format, &response.article, &response.error) {
        (Format::Json, ..) => if compact {
            serde_json::to_string(response)
        } else {
            serde_json::to_string_pretty(response)
        }
        .map_err(|err| format!("cannot serialise the response: {err}")),
        (_, Some(article), _) => Ok(body(article)),
        (_, None, Some(error)) => Err(format!("{}: {}", error.code_name, error.message)),
        (_, None, None) => Err("no article".to_owned()),
    }
}

/// Where a run's documents go.
#[derive(Debug)]
pub(super) enum Sink<W: Write> {
    /// Standard output: JSON Lines, or Markdown / text documents each
    /// headed by their id.
    Stream { out: W, format: Format },
    /// One file per page in a folder.
    Folder(Folder),
}

impl<W: Write> Sink<W> {
    /// Writes the document `doc` of the page `id`, in input order; a failed
    /// Markdown or text page is named on standard error instead.
    pub(super) fn put(&mut self, id: &str, doc: &Result<String, String>) -> anyhow::Result<()> {
        match (self, doc) {
            (Self::Stream { out, format }, Ok(doc)) => {
                let written = match format {
                    Format::Json => writeln!(out, "{doc}"),
                    Format::Markdown => {
                        writeln!(out, "<!-- {} -->\n{}\n", comment_safe(id), doc.trim_end())
                    }
                    Format::Text => writeln!(out, "==> {id} <==\n{}\n", doc.trim_end()),
                };
                written.context("cannot write to standard output")
            }
            (Self::Folder(folder), Ok(doc)) => folder.write(id, doc),
            (_, Err(message)) => {
                eprintln!("lede: {id}: {message}");
                Ok(())
            }
        }
    }

    /// Flushes what is buffered.
    pub(super) fn flush(&mut self) -> anyhow::Result<()> {
        match self {
            Self::Stream { out, .. } => out.flush().context("cannot write to standard output"),
            Self::Folder(_) => Ok(()),
        }
    }
}

/// An id inside an HTML comment: no `--`.
fn comment_safe(id: &str) -> String {
    id.replace("--", "- -")
}

/// `--output-dir`: one file per page, named from its id.
#[derive(Debug)]
pub(super) struct Folder {
    dir: PathBuf,
    format: Format,
    /// Names given in this run, in lower case (case-insensitive file
    /// systems), so that two ids never share a file.
    taken: HashSet<String>,
}

impl Folder {
    /// Creates `dir` if needed.
    ///
    /// # Errors
    ///
    /// When it cannot be created.
    pub(super) fn create(dir: &Path, format: Format) -> anyhow::Result<Self> {
        fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the output folder {}", dir.display()))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            format,
            taken: HashSet::new(),
        })
    }

    /// Writes `doc` to the file of `id`.
    fn write(&mut self, id: &str, doc: &str) -> anyhow::Result<()> {
        let name = unique_name(id, self.format.extension(), &mut self.taken);
        let path = self.dir.join(&name);
        let mut text = doc.to_owned();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
    }
}

/// A file name for `id` with `extension`, unused in `taken` (which it
/// joins): only ASCII letters, digits, `.`, `-` and `_` (every other run of
/// characters becomes one `_`), no leading dot (no `..`, no hidden files)
/// or dash (no option look-alikes),
/// at most [`MAX_NAME_BYTES`] before `-N` and the extension.
pub(super) fn unique_name(id: &str, extension: &str, taken: &mut HashSet<String>) -> String {
    let mut stem = String::with_capacity(id.len().min(MAX_NAME_BYTES));
    for c in id.chars() {
        if stem.len() >= MAX_NAME_BYTES {
            break;
        }
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
            stem.push(c);
        } else if !stem.ends_with('_') {
            stem.push('_');
        }
    }
    let stem = stem
        .trim_start_matches(['.', '_', '-'])
        .trim_end_matches(['.', '_']);
    let stem = if stem.is_empty() { "page" } else { stem };
    let mut name = format!("{stem}.{extension}");
    let mut n = 1;
    while !taken.insert(name.to_ascii_lowercase()) {
        n += 1;
        name = format!("{stem}-{n}.{extension}");
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_unique() {
        let mut taken = HashSet::new();
        let mut name = |id: &str| unique_name(id, "md", &mut taken);
        assert_eq!(name("urn:uuid:1234-ab"), "urn_uuid_1234-ab.md");
        assert_eq!(name("../../etc/passwd"), "etc_passwd.md");
        assert_eq!(name("/tmp/crawl/a.html"), "tmp_crawl_a.html.md");
        assert_eq!(name(".."), "page.md");
        assert_eq!(name("-"), "page-2.md");
        assert_eq!(name(""), "page-3.md");
        assert_eq!(name("URN:uuid:1234-AB"), "URN_uuid_1234-AB-2.md");
        assert_eq!(name("C:\\pages\\x.htm"), "C_pages_x.htm.md");
        assert_eq!(name("日本語/ページ"), "page-4.md");
        let long = name(&"x".repeat(1000));
        assert_eq!(long.len(), MAX_NAME_BYTES + ".md".len());
    }

    #[test]
    fn documents_are_the_article_bodies_or_the_error() {
        let response = pb::ExtractResponse {
            id: "a".to_owned(),
            article: Some(pb::Article {
                text: "Body text.".to_owned(),
                markdown: "# Title\n\nBody text.".to_owned(),
                ..Default::default()
            }),
            error: None,
        };
        assert_eq!(
            document(&response, Format::Text, false).as_deref(),
            Ok("Body text.")
        );
        assert_eq!(
            document(&response, Format::Markdown, false).as_deref(),
            Ok("# Title\n\nBody text.")
        );
        let json = document(&response, Format::Json, true).expect("JSON");
        assert!(json.starts_with(r#"{"id":"a","article":{"#), "{json}");
        let failed = pb::ExtractResponse {
            id: "b".to_owned(),
            article: None,
            error: Some(pb::ItemError {
                code_name: "INVALID_ARGUMENT".to_owned(),
                message: "empty".to_owned(),
                ..Default::default()
            }),
        };
        assert_eq!(
            document(&failed, Format::Text, false),
            Err("INVALID_ARGUMENT: empty".to_owned())
        );
        assert!(document(&failed, Format::Json, true).is_ok());
    }
}
