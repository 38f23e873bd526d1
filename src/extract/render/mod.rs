//! Renders the one section tree as plain text, language text, clean HTML or
//! Markdown. Every renderer walks the same blocks and inline runs; none
//! re-reads a string for its links. Walks over sections use an explicit
//! stack.
//!
//! - `text.rs`: the plain body text (`Article::text`) and the text the
//!   language detector reads;
//! - `html.rs`: sanitised HTML, only the model's tags and attributes;
//! - `markdown.rs`: CommonMark with GFM tables, every text escaped.

mod html;
mod markdown;
mod text;

pub use html::html;
pub use markdown::markdown;
pub(crate) use text::push_block_text;
pub use text::{language_text, text};

use std::borrow::Cow;

use crate::article::{Inline, Paragraph, Section, TableCell};

/// Visits sections in document order (pre-order), iteratively.
fn for_each_section<'s>(sections: &'s [Section], mut visit: impl FnMut(&'s Section)) {
    let mut stack: Vec<&'s Section> = sections.iter().rev().collect();
    while let Some(section) = stack.pop() {
        visit(section);
        stack.extend(section.children.iter().rev());
    }
}

/// A paragraph's runs; its text as one run when it has none (a tree built
/// by hand).
fn paragraph_runs(p: &Paragraph) -> Cow<'_, [Inline]> {
    runs_or_text(&p.inlines, &p.text)
}

/// A cell's runs, or its text as one run.
fn cell_runs(c: &TableCell) -> Cow<'_, [Inline]> {
    runs_or_text(&c.inlines, &c.text)
}

fn runs_or_text<'a>(inlines: &'a [Inline], text: &str) -> Cow<'a, [Inline]> {
    if inlines.is_empty() && !text.is_empty() {
        Cow::Owned(vec![Inline::Text(text.to_owned())])
    } else {
        Cow::Borrowed(inlines)
    }
}

/// Whether a URL may be written as a link (or, with `image`, an image
/// source): relative, or one of the web's schemes. `javascript:`,
/// `vbscript:`, `data:` (but raster images), `file:` and every other scheme
/// are refused, however they are cased or split by whitespace (browsers
/// drop tabs and newlines inside a scheme).
pub fn is_safe_url(url: &str, image: bool) -> bool {
    let mut scheme = String::new();
    for c in url
        .trim_start_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control())
        .chars()
    {
        match c {
            ':' => break,
            '/' | '?' | '#' => return true,
            c if c.is_ascii_whitespace() || c.is_ascii_control() => {}
            c => scheme.push(c.to_ascii_lowercase()),
        }
        if scheme.len() > 16 {
            // No scheme is this long: a relative path with a colon later.
            return true;
        }
    }
    if !url.contains(':') {
        return true;
    }
    match scheme.as_str() {
        "http" | "https" => true,
        "mailto" | "ftp" | "tel" => !image,
        "data" => image && is_raster_data(url),
        _ => false,
    }
}

/// Whether a `data:` URL holds a raster image (never SVG, which can script).
fn is_raster_data(url: &str) -> bool {
    let lower: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .take(24)
        .flat_map(char::to_lowercase)
        .collect();
    ["png", "jpeg", "jpg", "gif", "webp", "avif", "bmp"]
        .iter()
        .any(|t| lower.starts_with(&format!("data:image/{t}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_urls_are_refused_however_written() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " java\tscript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_url(url, false), "{url}");
            assert!(!is_safe_url(url, true), "{url}");
        }
        assert!(!is_safe_url("data:image/svg+xml,<svg onload=x>", true));
        assert!(is_safe_url("data:image/png;base64,iVBOR", true));
        assert!(!is_safe_url("data:image/png;base64,iVBOR", false));
        for url in ["https://a.test/x", "/a/b:c", "page.html", "mailto:a@b.test"] {
            assert!(is_safe_url(url, false), "{url}");
        }
    }
}
