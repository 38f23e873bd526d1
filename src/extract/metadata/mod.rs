//! Document metadata: title, authors, dates, canonical URL, site name,
//! description, keywords, lead image and declared language, from JSON-LD,
//! OpenGraph/Twitter, Dublin Core, `<meta>`, microdata and the DOM.
//!
//! Each field is a precedence chain of small `Option`-returning sources,
//! first hit wins (trafilatura's `extract_metadata` works the same way);
//! where the winner came from is kept in [`Provenance`], and dates keep the
//! candidates that lost. Submodules: `jsonld` reads the structured data,
//! `markup` walks the DOM once for everything else, `title` and
//! `authors` clean what was found; date parsing lives in
//! [`crate::extract::dates`].

mod authors;
mod jsonld;
mod markup;
mod title;

use crate::extract::dom::Dom;
use chrono::{DateTime, Utc};
use scraper::Html;
use url::Url;

use crate::article::{Alternative, Author, FieldProvenance};
use crate::extract::dates::{self, PageDate, Precision};
use crate::extract::snapshot::Prelude;
use crate::extract::text::normalize_whitespace;

use jsonld::JsonLd;
pub(crate) use jsonld::decode_entities;
use markup::{DateRole, Markup};

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

pub use crate::article::Source;

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

impl Source {
    /// How reliable a date from this source is, before agreement: declared
    /// structured data first, visible text and URL patterns last. Ranks
    /// rather than measured probabilities; their order is the precedence of
    /// the chain.
    pub fn date_confidence(self) -> f32 {
        match self {
            Source::JsonLd => 0.9,
            Source::OpenGraph => 0.85,
            Source::Microdata => 0.8,
            Source::DublinCore => 0.75,
            Source::Meta | Source::TimeElement => 0.7,
            Source::VisibleDate => 0.5,
            Source::UrlPattern => 0.3,
            _ => 0.4,
        }
    }

    /// How reliable a text or URL field (title, authors, site name,
    /// description, canonical URL, lead image) from this source is, before
    /// agreement. Ranks like [`Source::date_confidence`]: declared data
    /// first, text guessed from the layout last.
    pub fn field_confidence(self) -> f32 {
        match self {
            Source::JsonLd | Source::LinkElement => 0.9,
            Source::OpenGraph => 0.85,
            Source::Twitter | Source::Microdata | Source::Prelude => 0.8,
            Source::DublinCore | Source::Meta => 0.75,
            Source::Heading | Source::HtmlLang => 0.7,
            Source::Byline | Source::TitleElement => 0.6,
            Source::PageUrl => 0.5,
            Source::UrlPattern => 0.3,
            _ => 0.4,
        }
    }
}

/// Losing publication dates kept: enough for every structured source and
/// a few visible ones.
const MAX_ALTERNATIVES: usize = 8;

/// Confidence added when another source names the same day.
const AGREEMENT_BONUS: f32 = 0.1;

/// Where each winning value came from (`None` when the field is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// Source of the title.
    pub title: Option<Source>,
    /// Source of the authors.
    pub authors: Option<Source>,
    /// Source of the canonical URL.
    pub canonical_url: Option<Source>,
    /// Source of the site name.
    pub site_name: Option<Source>,
    /// Source of the description.
    pub description: Option<Source>,
    /// Source of the lead image.
    pub lead_image: Option<Source>,
    /// Source of the declared language.
    pub declared_language: Option<Source>,
    /// Source of the keywords.
    pub keywords: Option<Source>,
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
    /// The published date with its raw text, precision, zone and source.
    pub published: Option<DateFact>,
    /// The modified date, same shape; never taken from a published source.
    pub modified: Option<DateFact>,
    /// Publication dates other sources gave that lost to `published`
    /// (distinct values only), so a client can decide differently.
    pub published_alternatives: Vec<DateFact>,
    /// Whether JSON-LD declares an article type.
    pub is_article_typed: bool,
    /// The JSON-LD type of the main object (`NewsArticle`, `Product`), if any.
    pub ld_type: Option<String>,
    /// `isAccessibleForFree` of the JSON-LD article, when declared.
    pub is_accessible_for_free: Option<bool>,
    /// `og:type` as declared (`article`, `website`, `product`).
    pub og_type: Option<String>,
    /// Where each field came from.
    pub sources: Provenance,
    /// Per field: raw value, confidence and the alternatives that lost.
    pub facts: crate::article::Provenance,
    /// The time dates were resolved against ([`Hints::reference_time`]).
    pub reference_time: Option<DateTime<Utc>>,
    /// The body text JSON-LD carries (`articleBody`, answers, comments, a
    /// product's description), for the structured-data fallback.
    pub structured_text: Option<crate::extract::fallback::StructuredText>,
}

/// The header date the outline found (a `<time>` by the headline), as a
/// date fact, when it parses against `reference` (see
/// [`Metadata::reference_time`]): dates reach the article only through
/// [`crate::extract::dates`], in RFC 3339, never as raw page text.
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

/// A value with where it came from.
type Found<T> = Option<(T, Source)>;

fn found(v: Option<&str>, source: Source) -> Found<String> {
    v.map(|s| normalize_whitespace(&jsonld::decode_entities(s)))
        .filter(|s| !s.is_empty())
        .map(|s| (s, source))
}

/// Turns (raw byline, author URL) pairs into cleaned authors and the raw
/// text they came from.
type NamesFn<'a> =
    dyn Fn(&mut dyn Iterator<Item = (&str, Option<&str>)>) -> (Vec<Author>, String) + 'a;

/// Everything the chains read.
struct Page<'a> {
    ld: JsonLd,
    markup: Markup,
    hints: &'a Hints<'a>,
    base: Option<Url>,
    captured: Option<DateTime<Utc>>,
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
    let mut page = Page {
        ld: jsonld::collect(dom),
        markup: markup::collect(doc, dom),
        hints,
        base: base.cloned(),
        captured: hints.reference_time(),
    };
    let mut meta = Metadata {
        structured_text: page.ld.structured_text.take(),
        reference_time: page.captured,
        is_article_typed: page.ld.is_article,
        ld_type: page.ld.main_type.clone(),
        is_accessible_for_free: page.ld.is_accessible_for_free,
        og_type: page.markup.meta(&["og:type"]).map(str::to_owned),
        ..Metadata::default()
    };
    let site_candidates = page.site_name_candidates();
    let declared_site = site_candidates.first().cloned();
    let title_candidates = page.title_candidates();
    let title = page.title(
        declared_site.as_ref().map(|(s, _)| s.as_str()),
        &title_candidates,
    );
    let (title, title_site) = match title {
        Some((t, site, source, raw)) => {
            meta.facts.title = Some(page.title_fact(
                &t,
                source,
                &raw,
                &title_candidates,
                declared_site.as_ref().map(|(s, _)| s.as_str()),
            ));
            (Some((t, source)), site)
        }
        None => (None, None),
    };
    let site = declared_site.or_else(|| title_site.map(|s| (s, Source::TitleElement)));
    meta.facts.site_name = site
        .as_ref()
        .map(|(v, s)| text_fact(v, *s, v, &plain(&site_candidates), &same_text));
    set(&mut meta.title, &mut meta.sources.title, title);
    set(&mut meta.site_name, &mut meta.sources.site_name, site);
    let canonical = page.canonical_candidates();
    meta.facts.canonical_url = canonical
        .first()
        .map(|(v, s)| text_fact(v, *s, v, &plain(&canonical), &same_url));
    set(
        &mut meta.canonical_url,
        &mut meta.sources.canonical_url,
        canonical.first().cloned(),
    );
    let description = page.description_candidates();
    meta.facts.description = description
        .first()
        .map(|(v, s)| text_fact(v, *s, v, &plain(&description), &same_text));
    set(
        &mut meta.description,
        &mut meta.sources.description,
        description.first().cloned(),
    );
    let images = page.lead_image_candidates();
    meta.facts.lead_image = images
        .first()
        .map(|(v, s)| text_fact(v, *s, v, &plain(&images), &same_url));
    set(
        &mut meta.lead_image_url,
        &mut meta.sources.lead_image,
        images.first().cloned(),
    );
    set(
        &mut meta.declared_language,
        &mut meta.sources.declared_language,
        page.declared_language(),
    );
    let authors = page.author_candidates();
    if let Some((list, raw, source)) = authors.first() {
        let names = |l: &[Author]| {
            l.iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let value = names(list);
        let candidates: Vec<(String, String, Source)> = authors
            .iter()
            .map(|(l, r, s)| (names(l), r.clone(), *s))
            .collect();
        meta.facts.authors = Some(text_fact(&value, *source, raw, &candidates, &same_text));
        meta.authors = list.clone();
        meta.sources.authors = Some(*source);
    }
    if let Some((keywords, source)) = page.keywords() {
        meta.keywords = keywords;
        meta.sources.keywords = Some(source);
    }
    let month_first = meta.declared_language.as_deref().is_some_and(|l| {
        l.to_ascii_lowercase()
            .replace('_', "-")
            .starts_with("en-us")
    });
    let published = page.resolve_all(
        &page.published_candidates(meta.canonical_url.as_deref()),
        month_first,
    );
    let modified = page.resolve_all(&page.modified_candidates(), month_first);
    if let Some(best) = pick(&published) {
        meta.published_alternatives = published
            .iter()
            .map(|(d, _)| d)
            .filter(|d| d.value != best.value)
            .fold(Vec::new(), |mut acc: Vec<DateFact>, d| {
                if acc.len() < MAX_ALTERNATIVES && !acc.iter().any(|a| a.value == d.value) {
                    acc.push(d.clone());
                }
                acc
            });
        meta.facts.published = Some(date_fact(&best, &published));
        meta.published_time = Some(best.value.clone());
        meta.published = Some(best);
    }
    if let Some(best) = pick(&modified) {
        meta.facts.modified = Some(date_fact(&best, &modified));
        meta.modified_time = Some(best.value.clone());
        meta.modified = Some(best);
    }
    meta
}

/// A confidence to two decimals (sums of f32 ranks print as 0.90000004).
fn rounded(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Candidates whose value is their raw text.
fn plain(candidates: &[(String, Source)]) -> Vec<(String, String, Source)> {
    candidates
        .iter()
        .map(|(v, s)| (v.clone(), v.clone(), *s))
        .collect()
}

/// Two texts name the same thing: equal but for case and spacing.
fn same_text(a: &str, b: &str) -> bool {
    title::key(a) == title::key(b)
}

/// Two URLs name the same resource: equal but for a trailing slash and the
/// scheme.
fn same_url(a: &str, b: &str) -> bool {
    let strip = |u: &str| {
        u.trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned()
    };
    strip(a) == strip(b)
}

/// Provenance of a field: the winner's source and raw text, every other
/// candidate (value, raw, source) as an alternative. Each other source that
/// agrees raises the confidence (two at most count).
fn text_fact(
    value: &str,
    source: Source,
    raw: &str,
    candidates: &[(String, String, Source)],
    same: &dyn Fn(&str, &str) -> bool,
) -> FieldProvenance {
    let mut alternatives: Vec<Alternative> = Vec::new();
    let mut winner_seen = false;
    for (v, r, s) in candidates {
        if !winner_seen && *s == source && r == raw {
            winner_seen = true;
            continue;
        }
        if alternatives.len() >= MAX_ALTERNATIVES {
            break;
        }
        if alternatives.iter().any(|a| a.source == *s && a.value == *v) {
            continue;
        }
        alternatives.push(Alternative {
            value: v.clone(),
            raw: r.clone(),
            source: *s,
            confidence: s.field_confidence(),
            agrees: same(value, v),
        });
    }
    let agreeing = alternatives
        .iter()
        .filter(|a| a.agrees && a.source != source)
        .count()
        .min(2);
    FieldProvenance {
        source,
        raw: raw.to_owned(),
        confidence: rounded(
            (source.field_confidence() + AGREEMENT_BONUS * agreeing as f32).min(1.0),
        ),
        alternatives,
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

fn set<T>(value: &mut Option<T>, source: &mut Option<Source>, found: Found<T>) {
    if let Some((v, s)) = found {
        *value = Some(v);
        *source = Some(s);
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

impl Page<'_> {
    fn meta(&self, keys: &[&str], source: Source) -> Found<String> {
        found(self.markup.meta(keys), source)
    }

    fn host(&self) -> Option<String> {
        let from = |u: &str| {
            Url::parse(u)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
        };
        self.hints
            .page_url
            .and_then(|u| u.host_str().map(str::to_owned))
            .or_else(|| {
                self.hints
                    .prelude
                    .and_then(|p| p.url.as_deref())
                    .and_then(from)
            })
            .or_else(|| self.markup.canonical.as_deref().and_then(from))
    }

    /// `href` made absolute against the base; only http(s) and no `data:`.
    fn absolute(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with("data:") || href.starts_with("javascript:") {
            return None;
        }
        let url = match &self.base {
            Some(base) => base.join(href).ok()?,
            None => Url::parse(href).ok()?,
        };
        matches!(url.scheme(), "http" | "https").then(|| url.to_string())
    }

    fn site_name_candidates(&self) -> Vec<(String, Source)> {
        [
            self.meta(&["og:site_name"], Source::OpenGraph),
            found(self.ld.publisher.as_deref(), Source::JsonLd),
            found(self.ld.website_name.as_deref(), Source::JsonLd),
            self.meta(
                &["application-name", "apple-mobile-web-app-title"],
                Source::Meta,
            ),
            self.meta(&["twitter:app:name:iphone"], Source::Twitter),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Raw title candidates, best source first.
    fn title_candidates(&self) -> Vec<(String, Source)> {
        let md = &self.markup;
        let prelude_title = self.hints.prelude.and_then(|p| p.title.as_deref());
        [
            found(self.ld.headline.as_deref(), Source::JsonLd),
            self.meta(&["og:title"], Source::OpenGraph),
            self.meta(&["twitter:title"], Source::Twitter),
            self.meta(&["dc.title", "dcterms.title"], Source::DublinCore),
            found(md.microdata.headline.as_deref(), Source::Microdata),
            found(prelude_title, Source::Prelude),
            found(md.title.as_deref(), Source::TitleElement),
            found(md.h1.as_deref(), Source::Heading),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn title_hints<'s>(
        &'s self,
        site_name: Option<&'s str>,
        host: Option<&'s str>,
    ) -> title::SiteHints<'s> {
        title::SiteHints {
            site_name,
            host,
            h1: self.markup.h1.as_deref(),
        }
    }

    /// The title from the best source, cleaned, with the site part it had
    /// and the raw text it came from.
    fn title(
        &self,
        site_name: Option<&str>,
        candidates: &[(String, Source)],
    ) -> Option<(String, Option<String>, Source, String)> {
        let md = &self.markup;
        let (raw, source) = candidates.first()?;
        let host = self.host();
        let hints = self.title_hints(site_name, host.as_deref());
        let cleaned = title::clean(raw, &hints, *source != Source::JsonLd);
        if cleaned.title.is_empty() {
            return None;
        }
        // The page's own heading, when it is the same headline, gives the
        // exact wording, unless it is only the site's name (a logo `h1`).
        let (value, source, raw) = match md.h1.as_deref() {
            Some(h1)
                if *source != Source::Heading
                    && title::h1_matches(&cleaned.title, h1)
                    && cleaned.title != h1
                    && !title::names_site(h1, &hints) =>
            {
                (h1.to_owned(), Source::Heading, h1.to_owned())
            }
            _ => (cleaned.title, *source, raw.clone()),
        };
        // Sources that give the same headline but for punctuation (`’` for
        // `'`, a dropped dash) vote on its wording: the one most of them use
        // wins, so one source's typography does not override the others'.
        let variants: Vec<(String, Source, String)> = candidates
            .iter()
            .map(|(r, s)| {
                (
                    title::clean(r, &hints, *s != Source::JsonLd).title,
                    *s,
                    r.clone(),
                )
            })
            .collect();
        // The visible heading's wording gives way only over quote marks:
        // other differences (a dash, Markdown marks, a trailing symbol) are
        // the metadata's, not the page's.
        let variants: Vec<(String, Source, String)> = if source == Source::Heading {
            variants
                .into_iter()
                .filter(|(v, ..)| title::same_but_quotes(v, &value))
                .collect()
        } else {
            variants
        };
        let (value, source, raw) =
            title::majority_wording(&value, source, &variants).unwrap_or((value, source, raw));
        Some((value, cleaned.site, source, raw))
    }

    /// Provenance of the title: the other candidates cleaned the same way.
    fn title_fact(
        &self,
        value: &str,
        source: Source,
        raw: &str,
        candidates: &[(String, Source)],
        site_name: Option<&str>,
    ) -> FieldProvenance {
        let host = self.host();
        let hints = self.title_hints(site_name, host.as_deref());
        let cleaned: Vec<(String, String, Source)> = candidates
            .iter()
            .map(|(r, s)| {
                let v = title::clean(r, &hints, *s != Source::JsonLd).title;
                (if v.is_empty() { r.clone() } else { v }, r.clone(), *s)
            })
            .collect();
        text_fact(value, source, raw, &cleaned, &same_text)
    }

    /// Canonical URL candidates (absolute, home pages of deeper pages
    /// left out), best source first, the page URL last.
    fn canonical_candidates(&self) -> Vec<(String, Source)> {
        let page = self.hints.page_url;
        // A canonical pointing at the site's home page while the page is an
        // article is a template mistake, not the article's address.
        let is_home_for_deeper_page = |u: &str| {
            Url::parse(u).is_ok_and(|u| u.path() == "/" && page.is_some_and(|p| p.path().len() > 1))
        };
        let candidates: [(Option<&str>, Source); 4] = [
            (self.markup.canonical.as_deref(), Source::LinkElement),
            (self.markup.meta(&["og:url"]), Source::OpenGraph),
            (self.ld.url.as_deref(), Source::JsonLd),
            (
                self.hints.prelude.and_then(|p| p.url.as_deref()),
                Source::Prelude,
            ),
        ];
        candidates
            .into_iter()
            .filter_map(|(v, s)| Some((self.absolute(v?)?, s)))
            .filter(|(u, _)| !is_home_for_deeper_page(u))
            .chain(page.map(|u| (u.to_string(), Source::PageUrl)))
            .collect()
    }

    fn description_candidates(&self) -> Vec<(String, Source)> {
        [
            found(self.ld.description.as_deref(), Source::JsonLd),
            self.meta(&["og:description"], Source::OpenGraph),
            self.meta(&["description"], Source::Meta),
            self.meta(&["twitter:description"], Source::Twitter),
            self.meta(
                &["dc.description", "dcterms.description", "dcterms.abstract"],
                Source::DublinCore,
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn lead_image_candidates(&self) -> Vec<(String, Source)> {
        let md = &self.markup;
        let candidates: [(Option<&str>, Source); 5] = [
            (self.ld.image.as_deref(), Source::JsonLd),
            (
                md.meta(&["og:image:secure_url", "og:image", "og:image:url"]),
                Source::OpenGraph,
            ),
            (
                md.meta(&["twitter:image", "twitter:image:src"]),
                Source::Twitter,
            ),
            (
                md.microdata.image.as_deref().or(md.meta(&["image"])),
                Source::Microdata,
            ),
            (md.image_src.as_deref(), Source::LinkElement),
        ];
        candidates
            .into_iter()
            .filter_map(|(v, s)| Some((self.absolute(v?)?, s)))
            .collect()
    }

    fn declared_language(&self) -> Found<String> {
        found(self.markup.html_lang.as_deref(), Source::HtmlLang)
            .or_else(|| self.meta(&["content-language"], Source::HtmlLang))
            .or_else(|| self.meta(&["language"], Source::Meta))
            .or_else(|| self.meta(&["dc.language", "dcterms.language"], Source::DublinCore))
            .or_else(|| found(self.ld.language.as_deref(), Source::JsonLd))
            .or_else(|| self.meta(&["og:locale"], Source::OpenGraph))
    }

    /// Author lists from every source, best first: the winner is the first.
    /// Each comes with its raw text (the values as found, joined by `; `).
    fn author_candidates(&self) -> Vec<(Vec<Author>, String, Source)> {
        let from_names = |raws: &mut dyn Iterator<Item = (&str, Option<&str>)>| {
            let mut out = Vec::new();
            let mut raw_text: Vec<&str> = Vec::new();
            for (raw, url) in raws {
                let names = authors::names(raw);
                if !names.is_empty() && !raw_text.contains(&raw) {
                    raw_text.push(raw);
                }
                let single = names.len() == 1;
                for name in names {
                    let url = url.filter(|_| single).and_then(|u| self.absolute(u));
                    authors::push_unique(&mut out, name, url);
                }
            }
            (out, raw_text.join("; "))
        };
        // JSON-LD naming only the publisher or another organisation gives
        // way to a person named by the markup (a byline under the headline
        // beats `"author": {"@type": "Organization"}`).
        let publisher = [
            self.ld.publisher.as_deref(),
            self.ld.website_name.as_deref(),
        ];
        let is_org = |a: &jsonld::LdAuthor| {
            a.is_organization
                || publisher
                    .iter()
                    .flatten()
                    .any(|p| title::key(p) == title::key(&a.name))
        };
        let (ld, ld_raw) = from_names(
            &mut self
                .ld
                .authors
                .iter()
                .map(|a| (a.name.as_str(), a.url.as_deref())),
        );
        let markup = self.markup_authors(&from_names);
        let ld = (!ld.is_empty()).then_some((ld, ld_raw, Source::JsonLd));
        let ld_first = !self.ld.authors.iter().all(is_org);
        let mut out = Vec::new();
        if ld_first {
            out.extend(ld.clone());
        }
        out.extend(markup);
        if !ld_first {
            out.extend(ld);
        }
        // A `<meta name=author>` (or OpenGraph, Dublin Core) that names only
        // the publisher gives way to the people the page names: CMS themes
        // fill it with the site's name.
        let sites: Vec<String> = [
            self.ld.publisher.as_deref(),
            self.ld.website_name.as_deref(),
            self.markup.meta(&["og:site_name"]),
        ]
        .into_iter()
        .flatten()
        .map(title::key)
        .filter(|k| !k.is_empty())
        .collect();
        let host = self.host();
        let hints = title::SiteHints {
            site_name: None,
            host: host.as_deref(),
            h1: None,
        };
        let names_publisher = |list: &[Author]| {
            list.iter().all(|a| {
                let k = title::key(&a.name);
                sites.contains(&k) || title::names_site(&a.name, &hints)
            })
        };
        let (publishers, people): (Vec<_>, Vec<_>) = out.into_iter().partition(|(l, _, s)| {
            matches!(
                s,
                Source::Meta | Source::OpenGraph | Source::DublinCore | Source::Twitter
            ) && names_publisher(l)
        });
        people.into_iter().chain(publishers).collect()
    }

    /// Authors from the markup, one list per source, best source first.
    fn markup_authors(&self, from_names: &NamesFn<'_>) -> Vec<(Vec<Author>, String, Source)> {
        let md = &self.markup;
        let mut out = Vec::new();
        let mut push = |(list, raw): (Vec<Author>, String), source: Source| {
            if !list.is_empty() {
                out.push((list, raw, source));
            }
        };
        let sources: [(&[&str], Source); 4] = [
            (
                &["author", "byl", "sailthru.author", "parsely-author"],
                Source::Meta,
            ),
            (&["article:author", "og:article:author"], Source::OpenGraph),
            (&["dc.creator", "dcterms.creator"], Source::DublinCore),
            (&["citation_author"], Source::Meta),
        ];
        for (keys, source) in sources {
            push(
                from_names(&mut keys.iter().flat_map(|k| md.meta_all(k)).map(|v| (v, None))),
                source,
            );
        }
        // Twitter card labels: `twitter:label1` "Written by", `twitter:data1`.
        let labelled = (1..=4).find_map(|i| {
            let label = md.meta(&[&format!("twitter:label{i}")])?;
            authors::is_author_label(label)
                .then(|| md.meta(&[&format!("twitter:data{i}")]))
                .flatten()
        });
        push(
            from_names(&mut labelled.into_iter().map(|v| (v, None))),
            Source::Twitter,
        );
        push(
            from_names(&mut md.microdata.authors.iter().map(|a| (a.as_str(), None))),
            Source::Microdata,
        );
        push(
            from_names(
                &mut md
                    .author_links
                    .iter()
                    .map(|(t, h)| (t.as_str(), h.as_deref())),
            ),
            Source::Byline,
        );
        // The first byline element (by class, then a "By ..." line by the
        // headline) that yields names; later ones belong to teasers.
        if let Some(found) = md
            .bylines
            .iter()
            .chain(&md.labelled_bylines)
            .map(|b| from_names(&mut std::iter::once((b.as_str(), None))))
            .find(|(l, _)| !l.is_empty())
        {
            push(found, Source::Byline);
        }
        out
    }

    fn keywords(&self) -> Found<Vec<String>> {
        const MAX_KEYWORDS: usize = 50;
        let split = |values: &mut dyn Iterator<Item = &str>| {
            let mut out: Vec<String> = Vec::new();
            for v in values {
                for k in v.split([',', ';', '，', '、']) {
                    let k = normalize_whitespace(k);
                    if !k.is_empty()
                        && k.chars().count() <= 80
                        && out.len() < MAX_KEYWORDS
                        && !out.iter().any(|o| o.to_lowercase() == k.to_lowercase())
                    {
                        out.push(k);
                    }
                }
            }
            out
        };
        let md = &self.markup;
        let ld = split(&mut self.ld.keywords.iter().map(String::as_str));
        if !ld.is_empty() {
            return Some((ld, Source::JsonLd));
        }
        let sources: [(&[&str], Source); 3] = [
            (&["article:tag", "og:article:tag"], Source::OpenGraph),
            (
                &["keywords", "news_keywords", "parsely-tags", "sailthru.tags"],
                Source::Meta,
            ),
            (&["dc.subject", "dcterms.subject"], Source::DublinCore),
        ];
        for (keys, source) in sources {
            let list = split(&mut keys.iter().flat_map(|k| md.meta_all(k)));
            if !list.is_empty() {
                return Some((list, source));
            }
        }
        None
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

#[cfg(test)]
mod tests;
