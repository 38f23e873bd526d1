//! The extraction pipeline: raw bytes in, [`Article`] out.
//!
//! Stages, in order ([`Stage::ALL`]; each in its own file, each owning one
//! concern):
//!
//! 1. [`decode`]: bytes to UTF-8 (BOM, transport charset, `<meta charset>`,
//!    detection); rejects empty and non-HTML input.
//! 2. [`snapshot`]: splits off a snapshot prelude (capture time, title, URL).
//! 3. [`parse`]: one html5ever parse into a DOM; the element limit; React's
//!    streamed parts moved to their placeholders (`streaming`); then the
//!    page URL and the base URL, worked out once for every later stage.
//!    Before the parse, [`prescan`] reads the text once: counts the start
//!    tags, bounds the nesting, and leaves out script and style bodies,
//!    comments, SVG content and `data-*` attributes, which no stage reads.
//! 4. [`dom`]: the flat index of the document every later stage walks.
//! 5. [`metadata`]: title, authors, dates, canonical URL, site name,
//!    description, keywords, declared language, from the whole document.
//! 6. [`page_type`]: what kind of page this is (article, forum, product,
//!    collection, listing, documentation, service), from declared types,
//!    the URL's shape, software markup and the page's structure.
//! 7. [`clean`]: scores the DOM and picks the main-content root; marks
//!    boilerplate (navigation, ads, share bars, related lists) as excluded,
//!    without touching the tree.
//! 8. [`outline`]: walks the content root once into the section tree of
//!    blocks, collecting figures ([`figures`]) and related links on the way;
//!    then [`fallback`] puts structured text (JSON-LD, embedded state) in
//!    place of a body the markup gave too little of, and says why an empty
//!    body is empty.
//! 9. [`language`]: identifies the language of the extracted text.
//! 10. [`flags`]: document flags (article or not, page type, paywall,
//!     alternates).
//! 11. [`assemble`]: merges the stage outputs into the [`Article`].
//!
//! [`explain`] is a diagnostic run beside the pipeline: for each run of the
//! page's text, the element and the rule that kept it out of the body.
//!
//! [`stage`] names the stages; a caller that wants to watch them (to time
//! them: this library never reads the clock) passes a [`StageObserver`] to
//! [`extract_observed`].
//!
//! Beside the stages: [`options`] and [`error`] (what a caller passes and
//! gets back), [`dates`] (date parsing and the choice among candidates,
//! for metadata and the outline's header date), [`render`] (text, HTML and
//! Markdown of the section tree),
//! [`profile`] and [`kinds`] (what the clean stage does differently per
//! page type: the profiles as data, and the mechanisms they switch on),
//! [`vocabulary`] (every word list the heuristics match, as data) and
//! [`matching`] (how they are matched),
//! [`attr`] and [`text`] (attribute and text helpers).
//!
//! Every walk over the tree is iterative, so nesting depth cannot overflow
//! the stack.

// No panic is reachable from input: string slicing and indexing go through
// checked helpers (`str::get`, `slice::get`, `text`), and each exception
// says why it cannot fail. Tests index freely (a panic there is a failed
// test); `cargo clippy --all-targets` checks the library build too.
#![cfg_attr(not(test), deny(clippy::string_slice, clippy::indexing_slicing))]

pub mod assemble;
pub mod attr;
pub mod clean;
pub mod dates;
pub mod decode;
pub mod dom;
pub mod error;
pub mod explain;
pub mod fallback;
pub mod figures;
pub mod flags;
pub mod kinds;
pub mod language;
pub mod matching;
pub mod metadata;
pub mod options;
pub mod outline;
pub mod page_type;
pub mod parse;
pub mod prescan;
pub mod profile;
pub mod render;
pub mod snapshot;
pub mod stage;
mod streaming;
pub mod text;
pub mod vocabulary;

pub use error::{ErrorKind, ExtractError};
pub use options::Options;
pub use stage::{Stage, StageObserver, Unobserved};

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
    extract_observed(input, options, &mut Unobserved)
}

/// [`extract`], handing each stage's work to `observer` as it runs.
///
/// # Errors
///
/// As [`extract`]; the stages after the failure are not run.
pub fn extract_observed(
    input: &Input<'_>,
    options: &Options,
    observer: &mut impl StageObserver,
) -> Result<Article, ExtractError> {
    let decoded = observer.stage(Stage::Decode, || {
        decode::to_utf8(input.html, input.content_type, options)
    })?;
    let (prelude, html) = observer.stage(Stage::Snapshot, || snapshot::split(&decoded.text));
    let (doc, scripts, page_url, base) = observer.stage(Stage::Parse, || {
        let (doc, scripts) = parse::document_with_scripts(html, options)?;
        let page_url = input
            .url
            .filter(|u| !u.is_empty())
            .or_else(|| prelude.as_ref().and_then(|p| p.url.as_deref()))
            .and_then(|u| Url::parse(u).ok());
        let base = parse::base_url(&doc, page_url.as_ref());
        Ok::<_, ExtractError>((doc, scripts, page_url, base))
    })?;
    let dom = observer.stage(Stage::Dom, || dom::Dom::build(&doc));
    let meta = observer.stage(Stage::Metadata, || {
        let hints = metadata::Hints {
            page_url: page_url.as_ref(),
            prelude: prelude.as_ref(),
            now: options.now,
        };
        metadata::collect_indexed(&doc, &dom, &hints, base.as_ref())
    });
    let guess = observer.stage(Stage::PageType, || {
        page_type::classify(&dom, &meta, page_url.as_ref())
    });
    let content = observer.stage(Stage::Clean, || {
        clean::find_content_with(&dom, &profile::for_guess(&guess))
    });
    let (body, fell_back) = observer.stage(Stage::Outline, || {
        let mut body = outline::build(&dom, &content, base.as_ref(), meta.title());
        let sources = fallback::Sources {
            dom: &dom,
            structured: meta.structured_text.as_ref(),
            html,
            scripts: &scripts,
        };
        let outcome = fallback::apply(&mut body, &sources);
        (body, outcome)
    });
    let language = observer.stage(Stage::Language, || {
        language::detect(&body.language_text(), meta.declared_language())
    });
    let flags = observer.stage(Stage::Flags, || {
        let mut flags = flags::detect(&dom, &content, &meta, &guess, base.as_ref());
        flags.empty_reason = fell_back.empty_reason;
        flags.body_fallback = fell_back.body_fallback;
        flags
    });
    Ok(observer.stage(Stage::Assemble, || {
        assemble::article(meta, body, language, flags, prelude.as_ref(), options)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records the stages in the order they run.
    #[derive(Default)]
    struct Seen(Vec<Stage>);

    impl StageObserver for Seen {
        fn stage<T>(&mut self, stage: Stage, run: impl FnOnce() -> T) -> T {
            self.0.push(stage);
            run()
        }
    }

    #[test]
    fn every_stage_runs_once_in_order() {
        let html = b"<html lang=en><title>Hi</title><body><article><p>Some words in a \
            paragraph long enough to be the body of a page.</p></article>";
        let mut seen = Seen::default();
        let article = extract_observed(
            &Input {
                html,
                ..Input::default()
            },
            &Options::default(),
            &mut seen,
        );
        assert!(article.is_ok());
        assert_eq!(seen.0, Stage::ALL);
    }

    #[test]
    fn a_failed_extraction_runs_only_the_stages_before_the_failure() {
        let mut seen = Seen::default();
        let failed = extract_observed(&Input::default(), &Options::default(), &mut seen);
        assert!(failed.is_err());
        assert_eq!(seen.0, [Stage::Decode]);
    }
}
