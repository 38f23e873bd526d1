//! The body as a section tree: one walk over the content root.

use scraper::Html;
use url::Url;

use crate::article::{Author, Figure, Link, Section};
use crate::extract::clean::Content;

/// What the walk over the content root produces.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The section tree.
    pub sections: Vec<Section>,
    /// Figures in page order.
    pub figures: Vec<Figure>,
    /// Related links found beside the body.
    pub related_links: Vec<Link>,
    /// Byline names found in the article header.
    pub bylines: Vec<Author>,
    /// A date found in the article header (`<time datetime>`), as written.
    pub header_time: Option<String>,
}

impl Body {
    /// The text language detection should look at: headings, paragraphs,
    /// lists and quotes, but no code, tables of figures or alt texts.
    pub fn language_text(&self) -> String {
        String::new()
    }
}

/// Builds the section tree from the content root.
pub fn build(doc: &Html, content: &Content, base: Option<&Url>, title: Option<&str>) -> Body {
    let _ = (doc, content, base, title);
    Body::default()
}
