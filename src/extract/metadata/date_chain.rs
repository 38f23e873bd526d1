//! The date chains: publication and modification candidates from every
//! source, parsed by [`crate::extract::dates`], the winner picked and the
//! losers kept as alternatives. One entry point, [`Page::date_fields`].

use chrono::{DateTime, Utc};
use url::Url;

use crate::article::{Alternative, FieldProvenance, Source};
use crate::extract::dates::{self, PageDate, Precision};

use super::chains::Page;
use super::markup::{self, DateRole};
use super::provenance::{AGREEMENT_BONUS, Field, MAX_ALTERNATIVES, rounded};

/// A date with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct DateFact {
    /// RFC 3339 at the page's precision.
    pub value: String,
    /// The text as found.
    pub raw: String,
    /// How much of the date the page gives.
    pub precision: Precision,
    /// The zone as given (`Z`, `+02:00`), `None` when not given.
    pub offset: Option<String>,
    /// Where it was found.
    pub source: Source,
    /// How far the value can be trusted, between 0 and 1: the source's
    /// reliability ([`Source::date_confidence`]), raised when another source
    /// names the same day.
    pub confidence: f32,
}

/// The header date the outline found (a `<time>` by the headline), as a
/// date fact, when it parses against `reference` (see
/// [`super::Metadata::reference_time`]): dates reach the article only
/// through [`crate::extract::dates`], in RFC 3339, never as raw page text.
pub fn header_date(raw: &str, reference: Option<DateTime<Utc>>) -> Option<DateFact> {
    let date = dates::resolve(raw, reference)?;
    let source = Source::TimeElement;
    Some(DateFact {
        value: date.to_rfc3339(),
        raw: raw.to_owned(),
        precision: date.precision(),
        offset: date.offset_text(),
        source,
        confidence: source.date_confidence(),
    })
}

/// The publication and modification dates of a page.
#[derive(Debug, Clone, Default)]
pub(super) struct DateFields {
    /// The publication date.
    pub(super) published: Option<Field<DateFact>>,
    /// The modification date; never taken from a published source.
    pub(super) modified: Option<Field<DateFact>>,
}

impl Page<'_> {
    /// The date chain: every candidate of both dates parsed (numeric dates
    /// read month first on `en-US` pages, from `declared_language`), the
    /// first plausible one winning, the others its alternatives.
    pub(super) fn date_fields(
        &self,
        canonical: Option<&str>,
        declared_language: Option<&str>,
    ) -> DateFields {
        let month_first = declared_language.is_some_and(|l| {
            l.to_ascii_lowercase()
                .replace('_', "-")
                .starts_with("en-us")
        });
        let published = self.resolve_all(&self.published_candidates(canonical), month_first);
        let modified = self.resolve_all(&self.modified_candidates(), month_first);
        let field = |candidates: &[(DateFact, PageDate)]| {
            pick(candidates).map(|best| Field {
                provenance: date_fact(&best, candidates),
                value: best,
            })
        };
        DateFields {
            published: field(&published),
            modified: field(&modified),
        }
    }

    /// Publication-date candidates in precedence order.
    fn published_candidates(&self, canonical: Option<&str>) -> Vec<(String, Source)> {
        let md = &self.markup;
        let mut out: Vec<(String, Source)> = Vec::new();
        let mut push = |v: Option<&str>, s: Source| {
            if let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) {
                out.push((v.to_owned(), s));
            }
        };
        push(self.ld.date_published.as_deref(), Source::JsonLd);
        push(
            md.meta(&[
                "article:published_time",
                "og:published_time",
                "article:published",
                "og:article:published_time",
            ]),
            Source::OpenGraph,
        );
        push(
            md.microdata
                .published
                .as_deref()
                .or(md.meta(&["datepublished"])),
            Source::Microdata,
        );
        push(
            md.meta(&[
                "dc.date.issued",
                "dcterms.issued",
                "dc.date",
                "dcterms.date",
                "dcterms.created",
                "dc.date.created",
            ]),
            Source::DublinCore,
        );
        push(
            md.meta(&[
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "publication_date",
                "published_time",
                "article.published",
                "article_date_original",
                "original-publish-date",
                "parsely-pub-date",
                "sailthru.date",
                "date",
                "dc:date",
                "citation_publication_date",
                "citation_date",
                "displaydate",
                "timestamp",
            ]),
            Source::Meta,
        );
        push(self.ld.date_created.as_deref(), Source::JsonLd);
        // `<time>` and visible dates: labelled as published first, then
        // unlabelled, main area before the rest, asides never; each gives its
        // attribute, then its visible text.
        let mut nodes: Vec<&markup::DateNode> = md
            .dates
            .iter()
            .filter(|d| !d.in_aside && d.role != DateRole::Modified)
            .collect();
        nodes.sort_by_key(|d| (d.role != DateRole::Published, !d.in_main));
        for d in nodes {
            push(d.attr.as_deref(), Source::TimeElement);
            push(Some(d.text.as_str()), Source::VisibleDate);
        }
        // Short text by the headline: the date line of pages without markup.
        for text in md.near_h1.iter().filter(|t| !markup::says_modified(t)) {
            push(Some(text.as_str()), Source::VisibleDate);
        }
        if let Some(url) = canonical.or(self.hints.page_url.map(Url::as_str))
            && dates::from_url_path(url).is_some()
        {
            push(Some(url), Source::UrlPattern);
        }
        out
    }

    /// Modification-date candidates in precedence order.
    fn modified_candidates(&self) -> Vec<(String, Source)> {
        let md = &self.markup;
        let mut out: Vec<(String, Source)> = Vec::new();
        let mut push = |v: Option<&str>, s: Source| {
            if let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) {
                out.push((v.to_owned(), s));
            }
        };
        push(self.ld.date_modified.as_deref(), Source::JsonLd);
        push(
            md.meta(&[
                "article:modified_time",
                "og:updated_time",
                "article:modified",
                "og:article:modified_time",
            ]),
            Source::OpenGraph,
        );
        push(
            md.microdata
                .modified
                .as_deref()
                .or(md.meta(&["datemodified"])),
            Source::Microdata,
        );
        push(
            md.meta(&["dcterms.modified", "dc.date.modified"]),
            Source::DublinCore,
        );
        push(
            md.meta(&[
                "last-modified",
                "lastmod",
                "modified_time",
                "parsely-updated",
                "revised",
            ]),
            Source::Meta,
        );
        for d in md
            .dates
            .iter()
            .filter(|d| !d.in_aside && d.role == DateRole::Modified)
        {
            push(d.attr.as_deref(), Source::TimeElement);
            push(Some(d.text.as_str()), Source::VisibleDate);
        }
        for text in md.near_h1.iter().filter(|t| markup::says_modified(t)) {
            push(Some(text.as_str()), Source::VisibleDate);
        }
        out
    }

    /// The candidates that parse and are plausible, in order.
    fn resolve_all(
        &self,
        raws: &[(String, Source)],
        month_first: bool,
    ) -> Vec<(DateFact, PageDate)> {
        raws.iter()
            .filter_map(|(raw, source)| {
                let date = if *source == Source::UrlPattern {
                    dates::from_url_path(raw).filter(|d| d.is_plausible(self.captured))
                } else {
                    dates::resolve_with_order(raw, self.captured, month_first)
                }?;
                Some((
                    DateFact {
                        value: date.to_rfc3339(),
                        raw: raw.clone(),
                        precision: date.precision(),
                        offset: date.offset_text(),
                        source: *source,
                        confidence: source.date_confidence(),
                    },
                    date,
                ))
            })
            .collect()
    }
}

/// Provenance of a date: every other parsed candidate is an alternative,
/// agreeing when it names the winner's day.
fn date_fact(best: &DateFact, candidates: &[(DateFact, PageDate)]) -> FieldProvenance {
    let best_day = candidates
        .iter()
        .find(|(f, _)| f.source == best.source && f.raw == best.raw)
        .map(|(_, d)| *d);
    let mut alternatives: Vec<Alternative> = Vec::new();
    for (fact, date) in candidates {
        if fact.source == best.source && fact.raw == best.raw {
            continue;
        }
        if alternatives.len() >= MAX_ALTERNATIVES {
            break;
        }
        if alternatives
            .iter()
            .any(|a| a.source == fact.source && a.value == fact.value)
        {
            continue;
        }
        let agrees = best_day.is_some_and(|b| {
            date.date() == b.date() || date.falls_on(b.date()) || b.falls_on(date.date())
        });
        alternatives.push(Alternative {
            value: fact.value.clone(),
            raw: fact.raw.clone(),
            source: fact.source,
            confidence: fact.confidence,
            agrees,
        });
    }
    FieldProvenance {
        source: best.source,
        raw: best.raw.clone(),
        confidence: best.confidence,
        alternatives,
    }
}

/// The first candidate wins; when it gives only a day, a later candidate
/// that names an instant on that same day makes it precise (a
/// `<time datetime="2024-06-18">17 分钟前</time>` against the capture time).
/// Agreement on the day by another source raises the confidence.
fn pick(candidates: &[(DateFact, PageDate)]) -> Option<DateFact> {
    let (first, first_date) = candidates.first()?;
    let day = first_date.date();
    let same_day = |d: &PageDate| d.date() == day || d.falls_on(day);
    let mut best = first.clone();
    if first.precision == Precision::Day
        && let Some((precise, _)) = candidates
            .iter()
            .skip(1)
            .find(|(f, d)| f.precision > Precision::Day && same_day(d))
    {
        best = DateFact {
            confidence: precise.confidence.max(first.confidence),
            ..precise.clone()
        };
    }
    let agreed = candidates
        .iter()
        .any(|(f, d)| f.source != best.source && f.raw != best.raw && same_day(d));
    if agreed {
        best.confidence = rounded((best.confidence + AGREEMENT_BONUS).min(1.0));
    }
    Some(best)
}
