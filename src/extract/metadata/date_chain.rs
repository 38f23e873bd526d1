//! The date chains: publication and modification candidates from every
//! source, parsed by [`crate::extract::dates`], the winner picked and the
//! losers kept as alternatives. One entry point, [`Page::date_fields`].

use crate::article::Source;
use crate::extract::dates;
use url::Url;

use super::chains::Page;
use super::markup::{self, DateRole};
use super::provenance::Field;

pub use crate::extract::dates::DateFact;

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
        let chosen = dates::choose_dates(
            &self.published_candidates(canonical),
            &self.modified_candidates(),
            self.captured,
            dates::is_month_first(declared_language),
        );
        let field = |choice: dates::Choice| Field {
            provenance: choice.provenance,
            value: choice.best,
        };
        DateFields {
            published: chosen.published.map(field),
            modified: chosen.modified.map(field),
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
                "published-date",
                "publication_date",
                "publication-date",
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
                "published",
            ])
            .or(md.meta_suffixed(&[
                "published-date",
                "published_date",
                "publish-date",
                "publish_date",
                "publication-date",
                "publication_date",
            ])),
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
        // Last, a date labelled as the publication date in an aside: the
        // facts box some layouts set beside the story ("Published" over
        // the date in a sidebar column), never above any of the above.
        for d in md
            .dates
            .iter()
            .filter(|d| d.in_aside && d.role == DateRole::Published)
        {
            push(d.attr.as_deref(), Source::TimeElement);
            push(Some(d.text.as_str()), Source::VisibleDate);
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
}
