//! The page-type stage: what kind of page this is (article, forum thread,
//! product, collection, listing, documentation, service page), decided
//! before main-content detection so that each kind can be extracted its
//! own way.
//!
//! Files, in the order a page goes through them:
//!
//! - `mod.rs` (this file): the stage's answer ([`PageTypeGuess`]) and
//!   [`classify`], features then decision.
//! - `features.rs`: the named features ([`F`], [`FEATURE_NAMES`],
//!   [`FEATURE_DOCS`]), [`features`] (declared types and the URL's shape).
//! - `structure.rs`: the one pass over the flat index ([`Dom`]) that counts
//!   the page's markup, texts and repeated sibling groups.
//! - `evidence.rs`: the vocabulary the features match, as data (schema.org
//!   types, class and id fragments, software markers, short visible texts,
//!   URL path words, currencies).
//! - `model.rs`: the linear model over the features ([`decide`]) and what
//!   each feature contributed to a decision ([`explain`]).
//! - `weights.rs`: the trained weights (data, written by the training
//!   script); `tests.rs`: hand-written pages, one per kind of evidence.
//!
//! The decision is a small linear model (multinomial logistic regression)
//! over named features of generic evidence:
//!
//! - declared types: JSON-LD `@type` anywhere in the page's blocks
//!   (`Product`, `ItemList`, `DiscussionForumPosting`, `TechArticle`...),
//!   microdata `itemtype`, `og:type`;
//! - the URL's shape: generic path words (`/forum/`, `/t/`, `/docs/`,
//!   `/product/`, `/collections/`, `/tag/`, `/pricing`), a date in the path,
//!   a long slug, a site's root;
//! - the markup of widely used software, named where it is listed:
//!   Discourse, phpBB, XenForo, vBulletin, Invision, bbPress, MediaWiki,
//!   Sphinx, ReadTheDocs, MkDocs, Docusaurus, Shopify, WooCommerce, Magento;
//! - class and id vocabulary (posts, comments, prices, carts, cards,
//!   filters, heroes, pricing plans, tables of contents);
//! - short visible texts (prices with a currency, "add to cart", "reply",
//!   "read more", "get started");
//! - structure: repeated sibling items (cards with an image and a link,
//!   priced cards, long posts), code density, heading breadth, long
//!   paragraphs, link-to-prose ratio.
//!
//! The weights are data (`weights`), trained offline by
//! `scripts/train_page_type.py` from features `lede-eval --page-type-features`
//! writes, with cross-validation by domain; nothing keys on a site's domain.

mod evidence;
mod features;
mod model;
mod structure;
mod weights;

use url::Url;

use crate::article::PageType;
use crate::extract::dom::Dom;
use crate::extract::metadata::Metadata;

pub(crate) use evidence::CLASS_VOCABULARY;
pub use features::{F, FEATURE_DOCS, FEATURE_NAMES, FEATURES, Features, features};
pub use model::{Contribution, decide, explain};

/// The page types the model scores, in the order of its weight rows.
pub const CLASSES: [PageType; 7] = [
    PageType::Article,
    PageType::Forum,
    PageType::Product,
    PageType::Collection,
    PageType::Listing,
    PageType::Documentation,
    PageType::Service,
];

/// The stage's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTypeGuess {
    /// The most likely type; [`PageType::Other`] when the page gives no
    /// evidence at all (no text, no declared type).
    pub page_type: PageType,
    /// The model's probability of `page_type`, between 0 and 1.
    pub confidence: f32,
    /// The probability of each of [`CLASSES`], in that order.
    pub scores: [f32; CLASSES.len()],
}

impl Default for PageTypeGuess {
    fn default() -> Self {
        Self {
            page_type: PageType::Other,
            confidence: 0.0,
            scores: [0.0; CLASSES.len()],
        }
    }
}

/// Classifies the page from its index, its metadata and its URL (the
/// request's, else the canonical one).
pub fn classify(dom: &Dom<'_>, meta: &Metadata, page_url: Option<&Url>) -> PageTypeGuess {
    let features = features(dom, meta, page_url);
    decide(&features)
}

#[cfg(test)]
mod tests;
