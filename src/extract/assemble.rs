//! Merges the stage outputs into the [`Article`].

use crate::article::{Article, Language};
use crate::extract::metadata::Metadata;
use crate::extract::options::Options;
use crate::extract::outline::Body;
use crate::extract::snapshot::Prelude;

/// Builds the article from the stage outputs.
pub fn article(
    meta: Metadata,
    body: Body,
    language: Language,
    prelude: Option<&Prelude>,
    options: &Options,
) -> Article {
    let _ = (prelude, options);
    Article {
        title: meta.title,
        url: meta.canonical_url,
        site_name: meta.site_name,
        description: meta.description,
        authors: meta.authors,
        published_time: meta.published_time,
        modified_time: meta.modified_time,
        language,
        sections: body.sections,
        figures: body.figures,
        related_links: body.related_links,
        keywords: meta.keywords,
        lead_image_url: meta.lead_image_url,
        ..Article::default()
    }
}
