//! The extraction pipeline: raw bytes in, [`Article`] out.
//!
//! Stages, in order (each in its own file, each owning one concern):
//!
//! 1. [`decode`]: bytes to UTF-8 (BOM, transport charset, `<meta charset>`,
//!    detection); rejects empty and non-HTML input.
//! 2. [`snapshot`]: splits off a snapshot prelude (capture time, title, URL).
//! 3. [`parse`]: one html5ever parse into a DOM; the element limit; base URL.
//! 4. [`metadata`]: title, authors, dates, canonical URL, site name,
//!    description, keywords, declared language, from the whole document.
//! 5. [`clean`]: scores the DOM and picks the main-content root; marks
//!    boilerplate (navigation, ads, share bars, related lists) as excluded,
//!    without touching the tree.
//! 6. [`outline`]: walks the content root once into the section tree of
//!    blocks, collecting figures ([`figures`]) and related links on the way.
//! 7. [`language`]: identifies the language of the extracted text.
//! 8. [`assemble`]: merges the stage outputs into the [`Article`].
//!
//! Every walk over the tree is iterative, so nesting depth cannot overflow
//! the stack.

pub mod assemble;
pub mod clean;
pub mod dates;
pub mod decode;
pub mod depth;
pub mod dom;
pub mod error;
pub mod figures;
pub mod flags;
pub mod language;
pub mod metadata;
pub mod options;
pub mod outline;
pub mod parse;
pub mod render;
pub mod selectors;
pub mod snapshot;
pub mod text;

pub use error::{ErrorKind, ExtractError};
pub use options::Options;

use url::Url;

use crate::article::Article;

/// One page to extract.
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    /// The page bytes, in any encoding, optionally as a snapshot.
    pub html: &'a [u8],
    /// The page URL, if known.
    pub url: Option<&'a str>,
    /// The transport's Content-Type header, if known.
    pub content_type: Option<&'a str>,
}

/// Extracts the article from one page.
///
/// # Errors
///
/// Fails only on bad input (empty, not HTML) and exceeded limits; a page
/// without an article gives an [`Article`] with an empty body.
///
/// # Examples
///
/// ```
/// use lede::extract::{extract, Input, Options};
///
/// let html = b"<html lang=en><title>Hello - Example News</title><body><article>\
///     <h1>Hello</h1><p>A first paragraph with enough words to be the body of \
///     this short article, which is about nothing in particular.</p></article>";
/// let article = extract(&Input { html, ..Input::default() }, &Options::default())?;
/// assert!(article.text.contains("first paragraph"));
/// # Ok::<(), lede::extract::ExtractError>(())
/// ```
pub fn extract(input: &Input<'_>, options: &Options) -> Result<Article, ExtractError> {
    // 1. Bytes to text.
    let decoded = decode::to_utf8(input.html, input.content_type, options)?;
    // 2. Snapshot prelude.
    let (prelude, html) = snapshot::split(&decoded.text);
    // 3. One parse.
    let doc = parse::document(html, options)?;
    let page_url = input
        .url
        .filter(|u| !u.is_empty())
        .or_else(|| prelude.as_ref().and_then(|p| p.url.as_deref()))
        .and_then(|u| Url::parse(u).ok());
    let base = parse::base_url(&doc, page_url.as_ref());
    // 4. Metadata from the whole document.
    let hints = metadata::Hints {
        page_url: page_url.as_ref(),
        prelude: prelude.as_ref(),
    };
    let meta = metadata::collect(&doc, &hints);
    // 5. Main content and boilerplate.
    let dom = dom::Dom::build(&doc);
    let content = clean::find_content(&dom);
    let flags = flags::detect(&doc, &dom, &content, &meta, base.as_ref());
    // 6. Section tree, figures, related links.
    let body = outline::build(&dom, &content, base.as_ref(), meta.title.as_deref());
    // 7. Language of the extracted text.
    let language = language::detect(&body.language_text(), meta.declared_language.as_deref());
    // 8. The article.
    Ok(assemble::article(
        meta,
        body,
        language,
        flags,
        prelude.as_ref(),
        options,
    ))
}
