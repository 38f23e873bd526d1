//! Merges the stage outputs into the [`Article`] and checks its invariants.

use crate::article::{
    Alternative, Article, Author, DateInfo, DatePrecision, FieldProvenance, Language,
    LanguageSource, PageFlags, Source,
};
use crate::extract::dates::{self, DateFact, Precision};
use crate::extract::flags::reading_time_seconds;
use crate::extract::metadata::Metadata;
use crate::extract::options::Options;
use crate::extract::outline::Body;
use crate::extract::render;
use crate::extract::snapshot::Prelude;
use crate::extract::text::word_counts;

/// Most authors an article reports; more is a list of tags or a parse error.
const MAX_AUTHORS: usize = 10;

/// Builds the article from the stage outputs.
pub fn article(
    mut meta: Metadata,
    mut body: Body,
    language: Language,
    mut flags: PageFlags,
    prelude: Option<&Prelude>,
    options: &Options,
) -> Article {
    body.figures.truncate(options.max_figures);
    body.related_links.truncate(options.max_related_links);
    let text = render::text(&body.sections);
    let brand = brand(meta.site_name(), meta.canonical_url());
    // Provenance: the metadata stage's, plus what the body and the detector
    // gave.
    let mut provenance = meta.provenance();
    let authors = match meta.authors.take() {
        Some(field) => field.value,
        None => {
            let people = people(body.bylines, brand.as_deref());
            if !people.is_empty() {
                provenance.authors = Some(byline_provenance(&people));
            }
            people
        }
    };
    // The header `<time>` the outline found, when metadata found no date:
    // parsed and chosen by the dates module like every other date, dropped
    // when it does not parse.
    let header = if meta.published.is_some() {
        None
    } else {
        let raws: Vec<&str> = [&body.header_time, &body.header_time_text]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let month_first = dates::is_month_first(meta.declared_language());
        dates::header_date(&raws, meta.reference_time, month_first)
    };
    if let Some(choice) = &header {
        provenance.published = Some(choice.provenance.clone());
    }
    let header = header.map(|c| c.best);
    let published_fact = meta.published().or(header.as_ref());
    let published = published_fact.map(date_info);
    let published_time = published_fact.map(|f| f.value.clone());
    provenance.language = language_provenance(
        &language,
        meta.declared_language.as_ref().map(|f| f.source()),
    );
    let counts = word_counts(&text);
    let title_heading = meta.title().filter(|_| options.markdown_title);
    let markdown = options
        .include_markdown
        .then(|| render::markdown(&body.sections, title_heading));
    flags.reading_time_seconds = reading_time_seconds(counts);
    Article {
        published,
        modified: meta.modified().map(date_info),
        provenance,
        flags,
        title: meta.title.map(|f| f.value),
        url: meta.canonical_url.map(|f| f.value),
        site_name: meta.site_name.map(|f| f.value),
        description: meta.description.map(|f| f.value),
        authors,
        published_time,
        modified_time: meta.modified.map(|f| f.value.value),
        captured_time: prelude
            .and_then(|p| p.captured_ms)
            .and_then(rfc3339_from_ms),
        language,
        html: options.include_html.then(|| render::html(&body.sections)),
        markdown,
        word_count: counts.words,
        text,
        sections: body.sections,
        figures: body.figures,
        related_links: body.related_links,
        keywords: meta.keywords.map(|f| f.value).unwrap_or_default(),
        lead_image_url: meta.lead_image_url.map(|f| f.value),
    }
}

/// A date fact on the wire's terms.
fn date_info(fact: &DateFact) -> DateInfo {
    DateInfo {
        value: fact.value.clone(),
        raw: fact.raw.clone(),
        precision: precision(fact.precision),
        zone: fact.offset.clone(),
        source: fact.source,
        confidence: fact.confidence,
    }
}

fn precision(p: Precision) -> DatePrecision {
    match p {
        Precision::Year => DatePrecision::Year,
        Precision::Month => DatePrecision::Month,
        Precision::Day => DatePrecision::Day,
        Precision::Minute => DatePrecision::Minute,
        Precision::Second => DatePrecision::Second,
    }
}

/// Authors from the visible byline of the article header.
fn byline_provenance(people: &[Author]) -> FieldProvenance {
    FieldProvenance {
        source: Source::Byline,
        raw: people
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        confidence: Source::Byline.field_confidence(),
        alternatives: Vec::new(),
    }
}

/// The language's provenance: the detector (with the declaration as an
/// alternative when it differs) or the declaration.
fn language_provenance(
    language: &Language,
    declared_source: Option<Source>,
) -> Option<FieldProvenance> {
    let declared = language.declared.clone();
    let declared_source = declared_source.unwrap_or(Source::HtmlLang);
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or(tag)
            .to_ascii_lowercase()
    };
    let source = match language.source {
        LanguageSource::Unknown => return None,
        LanguageSource::Detected | LanguageSource::Agreed => Source::Detector,
        LanguageSource::Declared | LanguageSource::DeclaredOverride => declared_source,
    };
    let raw = match source {
        Source::Detector => language.tag.clone(),
        _ => declared.clone().unwrap_or_else(|| language.tag.clone()),
    };
    let mut alternatives = Vec::new();
    if source == Source::Detector
        && let Some(d) = declared
    {
        alternatives.push(Alternative {
            agrees: primary(&d) == primary(&language.tag),
            value: d.clone(),
            raw: d,
            source: declared_source,
            confidence: declared_source.field_confidence(),
        });
    }
    Some(FieldProvenance {
        source,
        raw,
        confidence: language.confidence,
        alternatives,
    })
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
    fn the_header_date_reaches_the_article_parsed_or_not_at_all() {
        use crate::extract::{Input, extract};
        let html = b"<html lang=en><body><article><header><h1>A headline here</h1>\
            <time>3 hours ago</time></header><p>A first paragraph with enough words \
            to be the body of this short article about nothing.</p></article>";
        let input = Input {
            html,
            ..Input::default()
        };
        let article = extract(&input, &Options::default()).expect("extracts");
        // Raw page text never reaches the RFC 3339 field.
        assert_eq!(article.published_time, None);
        let options = Options {
            now: crate::extract::dates::from_epoch_ms(1_718_692_982_000),
            ..Options::default()
        };
        let article = extract(&input, &options).expect("extracts");
        assert_eq!(
            article.published_time.as_deref(),
            Some("2024-06-18T03:43:02Z")
        );
        // Same bytes and options, same article.
        assert_eq!(extract(&input, &options).expect("extracts"), article);
    }

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
                role: None,
            },
            Author {
                name: "BBC Korean".into(),
                url: None,
                role: None,
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
