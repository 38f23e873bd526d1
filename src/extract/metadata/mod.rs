//! Document metadata: title, authors, dates, canonical URL, site name,
//! description, keywords, lead image and declared language, from JSON-LD,
//! OpenGraph/Twitter, Dublin Core, `<meta>`, microdata and the DOM.
//!
//! Each field is a precedence chain of small `Option`-returning sources,
//! first hit wins (trafilatura's `extract_metadata` works the same way);
//! every value travels as a [`Field`]: the value, its source, the text as
//! found, a confidence and the candidates that lost.
//!
//! Files:
//!
//! - `mod.rs`: the orchestrator ([`collect_indexed`]) and the [`Metadata`]
//!   it returns.
//! - `provenance.rs`: [`Field`], the confidence of each source and how the
//!   losing candidates become alternatives.
//! - `chains.rs`: what every chain reads (the page) and the text chains:
//!   title, site name, canonical URL, description, lead image, language,
//!   keywords.
//! - `author_chain.rs`: the author chain, one list per source.
//! - `date_chain.rs`: the publication and modification date chains (date
//!   parsing itself lives in [`crate::extract::dates`]).
//! - `jsonld.rs`: reads the structured data; `markup/`: walks the DOM
//!   once for everything else (the walk in `mod.rs`, what one element
//!   gives in `element.rs`).
//! - `title.rs` and `authors.rs`: clean what was found (site affixes off a
//!   title, labels and roles off a byline; the label grammar is built from
//!   [`crate::extract::vocabulary::BYLINE_LABELS`]).

mod author_chain;
mod authors;
mod chains;
mod date_chain;
mod jsonld;
mod markup;
mod provenance;
mod title;

use crate::extract::dom::Dom;
use chrono::{DateTime, Utc};
use scraper::Html;
use url::Url;

use crate::article::Author;
use crate::extract::dates;
use crate::extract::snapshot::Prelude;

pub use crate::article::Source;
pub use date_chain::DateFact;
pub(crate) use jsonld::decode_entities;
pub use provenance::Field;

/// What metadata extraction knows besides the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The page URL given by the caller, if any.
    pub page_url: Option<&'a Url>,
    /// The snapshot prelude, if the input had one.
    pub prelude: Option<&'a Prelude>,
    /// The request's time ([`crate::extract::Options::now`]), the reference
    /// for relative dates when the prelude gives no capture time.
    pub now: Option<DateTime<Utc>>,
}

impl Hints<'_> {
    /// The "now" of this extraction: the snapshot's capture time, else the
    /// request's time, else none (the library reads no clock).
    pub fn reference_time(&self) -> Option<DateTime<Utc>> {
        self.prelude
            .and_then(|p| p.captured_ms)
            .and_then(dates::from_epoch_ms)
            .or(self.now)
    }
}

/// Metadata gathered from the whole document, each value a [`Field`]
/// (`None` when the page gives none).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The cleaned headline.
    pub title: Option<Field<String>>,
    /// Canonical URL, absolute.
    pub canonical_url: Option<Field<String>>,
    /// Site or publication name.
    pub site_name: Option<Field<String>>,
    /// Description.
    pub description: Option<Field<String>>,
    /// Authors from metadata and byline markup.
    pub authors: Option<Field<Vec<Author>>>,
    /// The published date: RFC 3339 at the page's precision, with its raw
    /// text, zone and source; the dates that lost are its alternatives.
    pub published: Option<Field<DateFact>>,
    /// The modified date, same shape; never taken from a published source.
    pub modified: Option<Field<DateFact>>,
    /// Keywords and tags.
    pub keywords: Option<Field<Vec<String>>>,
    /// Lead (sharing) image URL, absolute.
    pub lead_image_url: Option<Field<String>>,
    /// Declared language tag as found (`<html lang>`, content-language, ...).
    pub declared_language: Option<Field<String>>,
    /// Whether JSON-LD declares an article type.
    pub is_article_typed: bool,
    /// The JSON-LD type of the main object (`NewsArticle`, `Product`), if any.
    pub ld_type: Option<String>,
    /// `isAccessibleForFree` of the JSON-LD article, when declared.
    pub is_accessible_for_free: Option<bool>,
    /// `og:type` as declared (`article`, `website`, `product`).
    pub og_type: Option<String>,
    /// The time dates were resolved against ([`Hints::reference_time`]).
    pub reference_time: Option<DateTime<Utc>>,
    /// The body text JSON-LD carries (`articleBody`, answers, comments, a
    /// product's description), for the structured-data fallback.
    pub structured_text: Option<crate::extract::fallback::StructuredText>,
}

/// The value of a text field, if any.
fn text(field: Option<&Field<String>>) -> Option<&str> {
    field.map(|f| f.value.as_str())
}

impl Metadata {
    /// The cleaned headline.
    pub fn title(&self) -> Option<&str> {
        text(self.title.as_ref())
    }

    /// The canonical URL.
    pub fn canonical_url(&self) -> Option<&str> {
        text(self.canonical_url.as_ref())
    }

    /// The site name.
    pub fn site_name(&self) -> Option<&str> {
        text(self.site_name.as_ref())
    }

    /// The description.
    pub fn description(&self) -> Option<&str> {
        text(self.description.as_ref())
    }

    /// The lead image URL.
    pub fn lead_image_url(&self) -> Option<&str> {
        text(self.lead_image_url.as_ref())
    }

    /// The declared language tag.
    pub fn declared_language(&self) -> Option<&str> {
        text(self.declared_language.as_ref())
    }

    /// The authors (empty when none).
    pub fn authors(&self) -> &[Author] {
        self.authors.as_ref().map_or(&[], |f| f.value.as_slice())
    }

    /// The keywords (empty when none).
    pub fn keywords(&self) -> &[String] {
        self.keywords.as_ref().map_or(&[], |f| f.value.as_slice())
    }

    /// The published date.
    pub fn published(&self) -> Option<&DateFact> {
        self.published.as_ref().map(|f| &f.value)
    }

    /// The modified date.
    pub fn modified(&self) -> Option<&DateFact> {
        self.modified.as_ref().map(|f| &f.value)
    }

    /// The provenance of every field the article reports (the language's
    /// is the language stage's).
    pub fn provenance(&self) -> crate::article::Provenance {
        fn of<T>(f: Option<&Field<T>>) -> Option<crate::article::FieldProvenance> {
            f.map(|f| f.provenance.clone())
        }
        crate::article::Provenance {
            title: of(self.title.as_ref()),
            authors: of(self.authors.as_ref()),
            published: of(self.published.as_ref()),
            modified: of(self.modified.as_ref()),
            site_name: of(self.site_name.as_ref()),
            description: of(self.description.as_ref()),
            canonical_url: of(self.canonical_url.as_ref()),
            language: None,
            lead_image: of(self.lead_image_url.as_ref()),
        }
    }
}

/// Gathers metadata from the whole document.
///
/// Indexes the document and works out its base URL first; the pipeline,
/// which has both already, calls [`collect_indexed`].
pub fn collect(doc: &Html, hints: &Hints<'_>) -> Metadata {
    let base = crate::extract::parse::base_url(doc, hints.page_url);
    collect_indexed(doc, &Dom::build(doc), hints, base.as_ref())
}

/// [`collect`] over the document's index `dom` and its base URL `base`
/// ([`parse::base_url`](crate::extract::parse::base_url)).
pub fn collect_indexed(
    doc: &Html,
    dom: &Dom<'_>,
    hints: &Hints<'_>,
    base: Option<&Url>,
) -> Metadata {
    // 1. Read the structured data and walk the markup once.
    let mut page = chains::Page {
        ld: jsonld::collect(dom),
        markup: markup::collect(doc, dom),
        hints,
        base: base.cloned(),
        captured: hints.reference_time(),
    };
    // 2. The text chains; the site name may come out of the title.
    let (title, site_name) = page.title_and_site();
    let canonical_url = page.canonical_url();
    let declared_language = page
        .declared_language()
        .map(|(v, s)| Field::alone(v.clone(), s, v));
    let keywords = page
        .keywords()
        .map(|(k, s)| Field::alone(k.clone(), s, k.join(", ")));
    // 3. The authors and the dates.
    let authors = page.authors();
    let dates = page.date_fields(
        text(canonical_url.as_ref()),
        text(declared_language.as_ref()),
    );
    Metadata {
        structured_text: page.ld.structured_text.take(),
        title,
        site_name,
        description: page.description(),
        lead_image_url: page.lead_image(),
        canonical_url,
        declared_language,
        keywords,
        authors,
        published: dates.published,
        modified: dates.modified,
        reference_time: page.captured,
        is_article_typed: page.ld.is_article,
        ld_type: page.ld.main_type.clone(),
        is_accessible_for_free: page.ld.is_accessible_for_free,
        og_type: page.markup.meta(&["og:type"]).map(str::to_owned),
    }
}

#[cfg(test)]
mod tests;
