//! The extraction pipeline: raw bytes in, [`Article`] out.
//!
//! Stages, in order (each in its own file, each owning one concern):
//!
//! 1. [`decode`]: bytes to UTF-8 (BOM, transport charset, `<meta charset>`,
//!    detection); rejects empty and non-HTML input.
//! 2. [`snapshot`]: splits off a snapshot prelude (capture time, title, URL).
//! 3. [`parse`]: one html5ever parse into a DOM; the element limit; base URL.
//!    Before it, [`prescan`] reads the text once: counts the start tags,
//!    bounds the nesting, and leaves out script and style bodies, comments,
//!    SVG content and `data-*` attributes, which no stage reads.
//! 4. [`metadata`]: title, authors, dates, canonical URL, site name,
//!    description, keywords, declared language, from the whole document.
//! 5. [`page_type`]: what kind of page this is (article, forum, product,
//!    collection, listing, documentation, service), from declared types,
//!    the URL's shape, software markup and the page's structure.
//! 6. [`clean`]: scores the DOM and picks the main-content root; marks
//!    boilerplate (navigation, ads, share bars, related lists) as excluded,
//!    without touching the tree.
//! 7. [`outline`]: walks the content root once into the section tree of
//!    blocks, collecting figures ([`figures`]) and related links on the way.
//! 8. [`language`]: identifies the language of the extracted text.
//! 9. [`assemble`]: merges the stage outputs into the [`Article`].
//!
//! Every walk over the tree is iterative, so nesting depth cannot overflow
//! the stack.

pub mod assemble;
pub mod attr;
pub mod clean;
pub mod dates;
pub mod decode;
pub mod dom;
pub mod error;
pub mod figures;
pub mod flags;
pub mod language;
pub mod metadata;
pub mod options;
pub mod outline;
pub mod page_type;
pub mod parse;
pub mod prescan;
pub mod profile;
pub mod render;
pub mod selectors;
pub mod snapshot;
pub mod text;

pub use error::{ErrorKind, ExtractError};
pub use options::Options;

use std::time::{Duration, Instant};

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
    extract_timed(input, options, &mut Timings::default())
}

/// The stages [`extract_timed`] times, in pipeline order.
pub const STAGES: [&str; 9] = [
    "decode",
    "parse",
    "metadata",
    "dom",
    "page_type",
    "clean",
    "outline",
    "language",
    "assemble",
];

/// Time spent in each stage of one extraction, for the server's metrics.
///
/// A stage the extraction did not reach (it failed earlier) stays zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timings {
    /// Time per stage, in the order of [`STAGES`].
    pub stages: [Duration; STAGES.len()],
}

impl Timings {
    /// Each stage's name with its time, in pipeline order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Duration)> + '_ {
        STAGES.iter().copied().zip(self.stages.iter().copied())
    }

    /// Runs `stage`, adding its time to slot `index` of [`STAGES`].
    fn time<T>(&mut self, index: usize, stage: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = stage();
        if let Some(slot) = self.stages.get_mut(index) {
            *slot += started.elapsed();
        }
        out
    }
}

/// [`extract`], recording the time of each stage in `timings`.
///
/// # Errors
///
/// As [`extract`]; `timings` then holds the stages run before the failure.
pub fn extract_timed(
    input: &Input<'_>,
    options: &Options,
    timings: &mut Timings,
) -> Result<Article, ExtractError> {
    // 1. Bytes to text.
    let decoded = timings.time(0, || {
        decode::to_utf8(input.html, input.content_type, options)
    })?;
    // 2. Snapshot prelude (a prefix check, counted with decoding).
    let (prelude, html) = timings.time(0, || snapshot::split(&decoded.text));
    // 3. One parse.
    let doc = timings.time(1, || parse::document(html, options))?;
    let page_url = input
        .url
        .filter(|u| !u.is_empty())
        .or_else(|| prelude.as_ref().and_then(|p| p.url.as_deref()))
        .and_then(|u| Url::parse(u).ok());
    let base = timings.time(1, || parse::base_url(&doc, page_url.as_ref()));
    // 4. Metadata from the whole document.
    let hints = metadata::Hints {
        page_url: page_url.as_ref(),
        prelude: prelude.as_ref(),
    };
    // The flat index every later stage walks (metadata included).
    let dom = timings.time(3, || dom::Dom::build(&doc));
    let meta = timings.time(2, || metadata::collect_indexed(&doc, &dom, &hints));
    // 5. The kind of page.
    let guess = timings.time(4, || page_type::classify(&dom, &meta, page_url.as_ref()));
    // 6. Main content and boilerplate.
    let content = timings.time(5, || {
        clean::find_content_with(&dom, profile::for_type(guess.page_type))
    });
    // 7. Section tree, figures, related links.
    let body = timings.time(6, || {
        outline::build(&dom, &content, base.as_ref(), meta.title.as_deref())
    });
    // 8. Language of the extracted text.
    let language = timings.time(7, || {
        language::detect(&body.language_text(), meta.declared_language.as_deref())
    });
    // 9. Document flags and the article.
    Ok(timings.time(8, || {
        let flags = flags::detect(&dom, &content, &meta, &guess, base.as_ref());
        assemble::article(meta, body, language, flags, prelude.as_ref(), options)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_cover_every_stage_of_a_page() {
        let html = b"<html lang=en><title>Hi</title><body><article><p>Some words in a \
            paragraph long enough to be the body of a page.</p></article>";
        let mut timings = Timings::default();
        let article = extract_timed(
            &Input {
                html,
                ..Input::default()
            },
            &Options::default(),
            &mut timings,
        );
        assert!(article.is_ok());
        let names: Vec<_> = timings.iter().map(|(name, _)| name).collect();
        assert_eq!(names, STAGES);
        // Decoding and parsing always take some time, however small.
        assert!(timings.stages[0] > Duration::ZERO && timings.stages[1] > Duration::ZERO);
    }

    #[test]
    fn a_failed_extraction_times_only_the_stages_it_ran() {
        let mut timings = Timings::default();
        let failed = extract_timed(&Input::default(), &Options::default(), &mut timings);
        assert!(failed.is_err());
        assert!(
            timings.stages[1..].iter().all(|d| d.is_zero()),
            "{timings:?}"
        );
    }
}
