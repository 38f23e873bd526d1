//! When the markup gives too little: the body from structured data, and the
//! reason an empty body is empty.
//!
//! Files: this one holds the decision ([`apply`], run once after the
//! outline) and the empty-body reasons; `structured.rs` reads the body text
//! JSON-LD carries (metadata hands it on as [`StructuredText`]); `state.rs`
//! finds prose in the embedded state JSON of client-rendered pages, in the
//! script bodies the pre-scan recorded
//! ([`Prescanned::scripts`](crate::extract::prescan::Prescanned::scripts));
//! `prose.rs` shapes found text into paragraphs and tells prose from data.
//!
//! The order of preference: the markup's main content; JSON-LD text when
//! the markup gave nothing, very little, or much less; embedded state when
//! the markup and JSON-LD gave (next to) nothing. The article says which
//! ([`BodyFallback`]); an empty body says why ([`EmptyReason`]).

use std::ops::Range;

use serde_json::Value;

use crate::article::{Block, BodyFallback, EmptyReason, Paragraph, Section};
use crate::extract::dom::{Dom, Tag};
use crate::extract::outline::Body;
use crate::extract::text::word_counts;

mod prose;
mod state;
mod structured;

/// A body of fewer words than this is "very little": a consent notice, a
/// "loading" line, a teaser. Chosen by hand on the development sets (the
/// shortest real bodies in them are longer).
const TINY_BODY_WORDS: u32 = 25;
/// JSON-LD text replaces a body shorter than this share of it: the markup
/// kept one part of a text the page declares whole (a first post, a teaser
/// above a "read more"). Chosen by hand on the development sets.
const SHORTER_SHARE: f32 = 0.5;
/// JSON-LD text shorter than this (words) never replaces a body that is
/// not empty.
const MIN_STRUCTURED_WORDS: u32 = 30;
/// Embedded state replaces a body only when it gives at least this many
/// words: a few stray strings are no article.
const MIN_STATE_WORDS: u32 = 40;
/// Embedded state is read only on pages with at most this much visible
/// text (weighted characters): a page whose markup holds an article's
/// worth of text that clean rejected is no client-rendered shell, and the
/// strings of its scripts are ad and tracking configuration. Chosen by
/// hand: a shell's navigation and footer, a few hundred words.
const STATE_MAX_PAGE_TEXT: u32 = 2000;
/// A page with less visible text than this (weighted characters) and
/// scripts that outweigh it many times, or an application root, is a
/// client-rendered shell; also the most a "no text" page may hold (an
/// empty `<noscript>` notice, a stray space).
const SHELL_MAX_TEXT: u32 = 200;
/// Script bytes per visible character above which a page with little text
/// is a client-rendered shell.
const SHELL_SCRIPT_RATIO: u32 = 20;
/// Inline script bytes that make a textless page without an application
/// root a shell (an analytics snippet does not).
const MIN_SHELL_SCRIPT_BYTES: usize = 4096;
/// Visible text up to this (weighted characters) counts as none.
const NO_TEXT_MAX: u32 = 2;
/// Element ids of the mount points client-side frameworks render into:
/// Create React App and Vite (`root`, `app`), Next.js (`__next`), Nuxt
/// (`__nuxt`), Gatsby (`___gatsby`), Angular CLI (`app-root`).
const APP_ROOT_IDS: &[&str] = &["root", "app", "__next", "__nuxt", "___gatsby", "app-root"];

/// The body text JSON-LD carries, as found (maybe HTML), in nesting order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StructuredText {
    /// What the text is the body of.
    pub kind: StructuredKind,
    /// The texts, each distinct text once.
    pub texts: Vec<String>,
    /// Words in `texts` (markup included: an estimate).
    pub words: u32,
}

/// What structured text is the body of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StructuredKind {
    /// An article's `articleBody`.
    #[default]
    Article,
    /// A product's `description`.
    Product,
    /// A question and its answers.
    Question,
    /// A forum posting (or social media posting) and its comments.
    Discussion,
}

/// The body text of parsed JSON-LD blocks (called by metadata, which parses
/// them once for every stage).
pub fn structured_text(values: &[Value]) -> Option<StructuredText> {
    structured::from_values(values)
}

/// What the fallback reads besides the body.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// The document index (visible text, application roots).
    pub dom: &'a Dom<'a>,
    /// The JSON-LD body text, if any ([`Metadata::structured_text`]).
    ///
    /// [`Metadata::structured_text`]: crate::extract::metadata::Metadata::structured_text
    pub structured: Option<&'a StructuredText>,
    /// The text that was parsed, which `scripts` index.
    pub html: &'a str,
    /// Byte ranges of `html` holding script bodies.
    pub scripts: &'a [Range<usize>],
}

/// What [`apply`] decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Where the body came from.
    pub body_fallback: BodyFallback,
    /// Why it is empty, if it is.
    pub empty_reason: EmptyReason,
}

/// Replaces a body the markup gave too little of by structured text, and
/// says why a body that stays empty is empty.
pub fn apply(body: &mut Body, sources: &Sources<'_>) -> Outcome {
    // Every decision below compares the body's words with a bound (a tiny
    // body, a share of the structured text's words): counting past the
    // largest bound changes none of them, and long bodies stop early.
    let bound = sources
        .structured
        .map_or(0, |s| (s.words as f32 * SHORTER_SHARE).ceil() as u32);
    let words = body_words(&body.sections, TINY_BODY_WORDS.max(bound).saturating_add(1));
    let mut outcome = Outcome::default();
    if let Some(found) = sources.structured
        && prefers_structured(words, found.words)
    {
        let mut paragraphs = Vec::new();
        for text in &found.texts {
            prose::paragraphs(text, &mut paragraphs);
        }
        if paragraphs_words(&paragraphs) > words {
            replace(body, paragraphs);
            outcome.body_fallback = BodyFallback::JsonLd;
        }
    }
    if outcome.body_fallback == BodyFallback::None
        && words < TINY_BODY_WORDS
        && page_text(sources.dom) <= STATE_MAX_PAGE_TEXT
    {
        let paragraphs = state::prose(sources.html, sources.scripts);
        if paragraphs_words(&paragraphs) >= MIN_STATE_WORDS.max(words.saturating_mul(2)) {
            replace(body, paragraphs);
            outcome.body_fallback = BodyFallback::EmbeddedState;
        }
    }
    if outcome.body_fallback == BodyFallback::None && words == 0 {
        outcome.empty_reason = empty_reason(sources);
    }
    outcome
}

/// Whether JSON-LD text of `structured` words should replace a body of
/// `words`.
fn prefers_structured(words: u32, structured: u32) -> bool {
    if structured == 0 {
        return false;
    }
    if words == 0 {
        return true;
    }
    structured >= MIN_STRUCTURED_WORDS
        && (words < TINY_BODY_WORDS || (words as f32) < structured as f32 * SHORTER_SHARE)
}

/// The body becomes `paragraphs`, one untitled section; its figures and
/// related links stay.
fn replace(body: &mut Body, paragraphs: Vec<String>) {
    let blocks = paragraphs
        .into_iter()
        .map(|text| {
            Block::Paragraph(Paragraph {
                text,
                ..Paragraph::default()
            })
        })
        .collect();
    body.sections = vec![Section {
        blocks,
        ..Section::default()
    }];
}

fn paragraphs_words(paragraphs: &[String]) -> u32 {
    paragraphs.iter().map(|p| word_counts(p).words).sum()
}

/// Words of the section tree's text (headings and every block but
/// figures), counted until `cap` is reached: the count or `cap`, the less.
fn body_words(sections: &[Section], cap: u32) -> u32 {
    let mut words = 0;
    let mut stack: Vec<&Section> = sections.iter().collect();
    while let Some(section) = stack.pop() {
        words += word_counts(&section.heading).words;
        for block in &section.blocks {
            if words >= cap {
                return cap;
            }
            words += match block {
                Block::Paragraph(p) => word_counts(&p.text).words,
                Block::List(l) => l.items.iter().map(|i| word_counts(i).words).sum(),
                Block::Quote(q) => word_counts(&q.text).words,
                Block::Table(t) => t
                    .rows
                    .iter()
                    .flatten()
                    .map(|c| word_counts(&c.text).words)
                    .sum(),
                Block::Code(c) => word_counts(&c.text).words,
                Block::Figure(_) => 0,
            };
        }
        stack.extend(&section.children);
    }
    words.min(cap)
}

/// Why a page whose body came out empty is empty.
fn empty_reason(sources: &Sources<'_>) -> EmptyReason {
    let dom = sources.dom;
    let text = page_text(dom);
    let script_bytes: usize = sources.scripts.iter().map(ExactSizeIterator::len).sum();
    let scripted = script_bytes > 0 || dom.nodes.iter().any(|e| e.tag == Tag::Script);
    let outweighed = script_bytes
        >= (text as usize)
            .saturating_mul(SHELL_SCRIPT_RATIO as usize)
            .max(MIN_SHELL_SCRIPT_BYTES);
    if scripted && text < SHELL_MAX_TEXT && (outweighed || has_app_root(dom)) {
        EmptyReason::ClientRendered
    } else if text <= NO_TEXT_MAX {
        EmptyReason::NoText
    } else {
        EmptyReason::NoMainContent
    }
}

/// The visible text of the page's body (weighted characters).
fn page_text(dom: &Dom<'_>) -> u32 {
    let body = dom
        .nodes
        .iter()
        .position(|e| e.tag == Tag::Body)
        .unwrap_or(0);
    dom.stats.get(body).map_or(0, |s| s.text)
}

/// Whether the page has the mount point of a client-side framework.
fn has_app_root(dom: &Dom<'_>) -> bool {
    (0..dom.nodes.len()).any(|i| {
        dom.attr(i, "id")
            .is_some_and(|id| APP_ROOT_IDS.contains(&id))
            || dom.attr(i, "ng-version").is_some()
    })
}

#[cfg(test)]
mod tests;
