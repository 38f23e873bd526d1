//! Merges the stage outputs into the [`Article`] and checks its invariants.

use crate::article::{Article, Author, Language};
use crate::extract::metadata::Metadata;
use crate::extract::options::Options;
use crate::extract::outline::Body;
use crate::extract::render;
use crate::extract::snapshot::Prelude;
use crate::extract::text::word_count;

/// Most authors an article reports; more is a list of tags or a parse error.
const MAX_AUTHORS: usize = 10;

/// Builds the article from the stage outputs.
pub fn article(
    meta: Metadata,
    mut body: Body,
    language: Language,
    prelude: Option<&Prelude>,
    options: &Options,
) -> Article {
    body.figures.truncate(options.max_figures);
    body.related_links.truncate(options.max_related_links);
    let text = render::text(&body.sections);
    let brand = brand(meta.site_name.as_deref(), meta.canonical_url.as_deref());
    let authors = if meta.authors.is_empty() {
        people(body.bylines, brand.as_deref())
    } else {
        meta.authors
    };
    let published_time = meta.published_time.or(body.header_time);
    Article {
        title: meta.title,
        url: meta.canonical_url,
        site_name: meta.site_name,
        description: meta.description,
        authors,
        published_time,
        modified_time: meta.modified_time,
        captured_time: prelude
            .and_then(|p| p.captured_ms)
            .and_then(rfc3339_from_ms),
        language,
        html: options.include_html.then(|| render::html(&body.sections)),
        markdown: options
            .include_markdown
            .then(|| render::markdown(&body.sections)),
        word_count: word_count(&text),
        text,
        sections: body.sections,
        figures: body.figures,
        related_links: body.related_links,
        keywords: meta.keywords,
        lead_image_url: meta.lead_image_url,
    }
}

/// Byline names that are people: desks named after the site ("BBC Korean"
/// on bbc.com) are left out, duplicates dropped.
fn people(bylines: Vec<Author>, brand: Option<&str>) -> Vec<Author> {
    let mut out: Vec<Author> = Vec::new();
    for author in bylines {
        let lower = author.name.to_lowercase();
        if author.name.is_empty() || brand.is_some_and(|b| lower.contains(b)) {
            continue;
        }
        if !out.iter().any(|a| a.name == author.name) && out.len() < MAX_AUTHORS {
            out.push(author);
        }
    }
    out
}

/// The site's brand, lower-case: the site name, or the registrable label of
/// the host (`bbc` for www.bbc.com).
fn brand(site_name: Option<&str>, url: Option<&str>) -> Option<String> {
    if let Some(name) = site_name.map(str::trim).filter(|n| !n.is_empty()) {
        return Some(name.to_lowercase());
    }
    let host = url
        .and_then(|u| url::Url::parse(u).ok())?
        .host_str()?
        .to_owned();
    let labels: Vec<&str> = host.split('.').collect();
    // The label before the public suffix; two-label suffixes such as co.uk
    // and com.cn have a short second-level label.
    let label = match labels.as_slice() {
        [.., name, second, top] if second.len() <= 3 && top.len() == 2 => *name,
        [.., name, _] => *name,
        _ => return None,
    };
    (label.len() >= 2).then(|| label.to_lowercase())
}

/// Milliseconds since the epoch as RFC 3339 UTC (`2024-06-18T06:43:02Z`).
fn rfc3339_from_ms(ms: i64) -> Option<String> {
    let time = chrono::DateTime::from_timestamp_millis(ms)?;
    let format = if ms % 1000 == 0 {
        chrono::SecondsFormat::Secs
    } else {
        chrono::SecondsFormat::Millis
    };
    Some(time.to_rfc3339_opts(format, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capture_time_is_utc_rfc3339() {
        assert_eq!(
            rfc3339_from_ms(1_718_692_982_000).as_deref(),
            Some("2024-06-18T06:43:02Z")
        );
    }

    #[test]
    fn desks_named_after_the_site_are_not_people() {
        let bylines = vec![
            Author {
                name: "Juna Moon".into(),
                url: None,
            },
            Author {
                name: "BBC Korean".into(),
                url: None,
            },
        ];
        let brand = brand(None, Some("https://www.bbc.com/korean/x"));
        let names: Vec<String> = people(bylines, brand.as_deref())
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names, ["Juna Moon"]);
        assert_eq!(
            super::brand(None, Some("https://news.example.co.uk/a")).as_deref(),
            Some("example")
        );
    }
}
