//! The text field chains: title, site name, canonical URL, description,
//! lead image, declared language and keywords, each a precedence chain of
//! candidates from JSON-LD, `<meta>`, microdata and the DOM, best source
//! first (trafilatura's `extract_metadata` works the same way). [`Page`]
//! holds what every chain reads; the author chain is in `author_chain`,
//! the date chain in `date_chain`.

use chrono::{DateTime, Utc};
use url::Url;

use crate::article::{FieldProvenance, Source};
use crate::extract::text::normalize_whitespace;

use super::Hints;
use super::jsonld::{self, JsonLd};
use super::markup::Markup;
use super::provenance::{Field, first_of, same_text, same_url, text_fact};
use super::title;

/// A value with where it came from.
pub(super) type Found<T> = Option<(T, Source)>;

pub(super) fn found(v: Option<&str>, source: Source) -> Found<String> {
    v.map(|s| normalize_whitespace(&jsonld::decode_entities(s)))
        .filter(|s| !s.is_empty())
        .map(|s| (s, source))
}

/// Everything the chains read.
pub(super) struct Page<'a> {
    /// The JSON-LD of the page.
    pub(super) ld: JsonLd,
    /// The markup signals.
    pub(super) markup: Markup,
    /// What the caller knows besides the document.
    pub(super) hints: &'a Hints<'a>,
    /// The base URL links resolve against.
    pub(super) base: Option<Url>,
    /// The "now" relative dates resolve against.
    pub(super) captured: Option<DateTime<Utc>>,
}

impl Page<'_> {
    pub(super) fn meta(&self, keys: &[&str], source: Source) -> Found<String> {
        found(self.markup.meta(keys), source)
    }

    pub(super) fn host(&self) -> Option<String> {
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
    pub(super) fn absolute(&self, href: &str) -> Option<String> {
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

    /// The title and the site name: the declared site name, else the
    /// site part the title's cleaning cut off.
    pub(super) fn title_and_site(&self) -> (Option<Field<String>>, Option<Field<String>>) {
        let site_candidates = self.site_name_candidates();
        let declared_site = site_candidates.first().map(|(s, _)| s.as_str());
        let title_candidates = self.title_candidates();
        let host = self.host();
        let hints = self.title_hints(declared_site, host.as_deref());
        // Every candidate cleaned once: the choice, the wording vote and the
        // provenance all read these.
        let cleaned = title::clean_all(
            title_candidates.iter().map(|(r, s)| (r.as_str(), *s)),
            &hints,
        );
        let (title, title_site) = match self.title(&hints, &title_candidates, &cleaned) {
            Some((value, site, source, raw)) => {
                let provenance = title_fact(&value, source, &raw, &title_candidates, &cleaned);
                (Some(Field { value, provenance }), site)
            }
            None => (None, None),
        };
        let site = first_of(&site_candidates, &same_text)
            .or_else(|| title_site.map(|s| Field::alone(s.clone(), Source::TitleElement, s)));
        (title, site)
    }

    /// The canonical URL: the first of [`Page::canonical_candidates`].
    pub(super) fn canonical_url(&self) -> Option<Field<String>> {
        first_of(&self.canonical_candidates(), &same_url)
    }

    /// The description: the first of [`Page::description_candidates`].
    pub(super) fn description(&self) -> Option<Field<String>> {
        first_of(&self.description_candidates(), &same_text)
    }

    /// The lead image: the first of [`Page::lead_image_candidates`].
    pub(super) fn lead_image(&self) -> Option<Field<String>> {
        first_of(&self.lead_image_candidates(), &same_url)
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
    /// and the raw text it came from. `cleaned` holds `candidates` cleaned,
    /// in the same order.
    fn title(
        &self,
        hints: &title::SiteHints<'_>,
        candidates: &[(String, Source)],
        cleaned: &[title::Cleaned],
    ) -> Option<(String, Option<String>, Source, String)> {
        let md = &self.markup;
        let sources: Vec<Source> = candidates.iter().map(|(_, s)| *s).collect();
        let lead = title::outvoted_structured_headline(&sources, cleaned).unwrap_or(0);
        let (raw, source) = candidates.get(lead)?;
        let first = cleaned.get(lead)?;
        if first.title.is_empty() {
            return None;
        }
        // The page's own heading, when it is the same headline, gives the
        // exact wording, unless it is only the site's name (a logo `h1`).
        let (value, source, raw) = match md.h1.as_deref() {
            Some(h1)
                if *source != Source::Heading
                    && title::h1_matches(&first.title, h1)
                    && first.title != h1
                    && !title::names_site(h1, hints) =>
            {
                // Without a site affix some themes print in the heading too
                // ("Story | Site" as the `h1`).
                let own = title::clean_heading(h1, hints).title;
                let own = if own.is_empty() { h1.to_owned() } else { own };
                (own, Source::Heading, h1.to_owned())
            }
            _ => (first.title.clone(), *source, raw.clone()),
        };
        // Sources that give the same headline but for punctuation (`’` for
        // `'`, a dropped dash) vote on its wording: the one most of them use
        // wins, so one source's typography does not override the others'.
        let variants: Vec<(String, Source, String)> = candidates
            .iter()
            .zip(cleaned)
            .map(|((r, s), c)| (c.title.clone(), *s, r.clone()))
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
        Some((value, first.site.clone(), source, raw))
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
        // The standfirst the page prints under its headline comes first;
        // the declared descriptions stay as alternatives.
        [
            found(self.markup.dek.as_deref(), Source::Heading),
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

    pub(super) fn declared_language(&self) -> Found<String> {
        found(self.markup.html_lang.as_deref(), Source::HtmlLang)
            .or_else(|| self.meta(&["content-language"], Source::HtmlLang))
            .or_else(|| self.meta(&["language"], Source::Meta))
            .or_else(|| self.meta(&["dc.language", "dcterms.language"], Source::DublinCore))
            .or_else(|| found(self.ld.language.as_deref(), Source::JsonLd))
            .or_else(|| self.meta(&["og:locale"], Source::OpenGraph))
    }

    /// Keywords and tags: JSON-LD, then OpenGraph tags, `<meta>` keywords
    /// and Dublin Core subjects, split at commas; the first source that
    /// gives any wins.
    pub(super) fn keywords(&self) -> Found<Vec<String>> {
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
}

/// Provenance of the title: the other candidates cleaned the same way
/// (`cleaned`, in the order of `candidates`).
fn title_fact(
    value: &str,
    source: Source,
    raw: &str,
    candidates: &[(String, Source)],
    cleaned: &[title::Cleaned],
) -> FieldProvenance {
    let cleaned: Vec<(String, String, Source)> = candidates
        .iter()
        .zip(cleaned)
        .map(|((r, s), c)| {
            let v = if c.title.is_empty() {
                r.clone()
            } else {
                c.title.clone()
            };
            (v, r.clone(), *s)
        })
        .collect();
    text_fact(value, source, raw, &cleaned, &same_text)
}
