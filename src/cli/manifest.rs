//! `lede extract --manifest FILE`: JSON Lines of `{"path": ..., "url": ...,
//! "id": ...}`, one page per line (`-` reads standard input), so that each
//! page gets its URL (the base of its links and images) and its id.
//!
//! A relative `path` is taken from the manifest's folder (from the current
//! folder for standard input); `url` and `id` are optional (the id defaults
//! to the path). A line that is not such an object is a failed input of its
//! own, named `MANIFEST:LINE`.

use std::{
    fs,
    io::{self, BufRead, BufReader},
    path::{Path, PathBuf},
};

use anyhow::Context;
use serde_json::Value;
use tonic::Code;

use super::batch::Source;

/// A page listed in a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The page file.
    pub(crate) path: PathBuf,
    /// Its URL, or empty.
    pub(crate) url: String,
    /// The id of its response.
    pub(crate) id: String,
}

/// Reads the manifest `path` (`-` for standard input) into inputs.
///
/// # Errors
///
/// When the manifest itself cannot be read.
pub(super) fn read(path: &Path) -> anyhow::Result<Vec<Source>> {
    let (reader, root): (Box<dyn BufRead>, PathBuf) = if path.as_os_str() == "-" {
        (Box::new(BufReader::new(io::stdin())), PathBuf::new())
    } else {
        let file = fs::File::open(path)
            .with_context(|| format!("cannot read the manifest {}", path.display()))?;
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        (Box::new(BufReader::new(file)), root)
    };
    let name = if path.as_os_str() == "-" {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    };
    let mut out = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line =
            line.with_context(|| format!("cannot read the manifest {name} at line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(match entry(&line, &root) {
            Ok(entry) => Source::Listed(entry),
            Err(message) => Source::Failed {
                id: format!("{name}:{}", n + 1),
                code: Code::InvalidArgument,
                message: format!("manifest {name}, line {}: {message}", n + 1),
            },
        });
    }
    Ok(out)
}

/// One manifest line as an entry, its relative path taken from `root`.
fn entry(line: &str, root: &Path) -> Result<Entry, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e})"))?;
    let field = |name: &str| -> Result<Option<String>, String> {
        match value.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("`{name}` is not a string")),
        }
    };
    if !value.is_object() {
        return Err("not a JSON object".to_owned());
    }
    let given = field("path")?.ok_or("no `path`")?;
    let path = root.join(&given);
    Ok(Entry {
        id: field("id")?.unwrap_or(given),
        url: field("url")?.unwrap_or_default(),
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_take_paths_from_the_manifest_folder() {
        let root = Path::new("/crawl");
        assert_eq!(
            entry(
                r#"{"path": "a/b.html", "url": "https://x.example/b", "id": "b"}"#,
                root
            ),
            Ok(Entry {
                path: PathBuf::from("/crawl/a/b.html"),
                url: "https://x.example/b".to_owned(),
                id: "b".to_owned(),
            })
        );
        let bare = entry(r#"{"path": "/abs/c.html"}"#, root).expect("an entry");
        assert_eq!(bare.path, PathBuf::from("/abs/c.html"));
        assert_eq!(bare.id, "/abs/c.html");
        assert_eq!(bare.url, "");
    }

    #[test]
    fn bad_lines_say_why() {
        let root = Path::new("");
        assert!(entry("[1]", root).expect_err("array").contains("object"));
        assert!(entry("{}", root).expect_err("empty").contains("path"));
        assert!(
            entry(r#"{"path": 3}"#, root)
                .expect_err("number")
                .contains("string")
        );
        assert!(entry("{", root).expect_err("broken").contains("JSON"));
    }
}
