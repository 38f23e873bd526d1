//! Document-level flags: is the page an article at all (a readerable
//! score), is it paywalled, its AMP and language alternates, and the next
//! page of a multi-page article. Reading time is worked out in `assemble`,
//! from the final text.
//!
//! The readerable score adds generic evidence in log-odds and squashes it
//! to 0..1: the declared type (JSON-LD, `og:type`), how much of the page's
//! text the main content holds, how many long paragraphs it has, its link
//! density, and whether a byline or a date was found. No rule names a site.

// Node ids index the flat DOM index and the vectors sized to it: the index
// numbers its nodes 0..len in document order and stores in-range parents
// and subtree ends, so every id read from it is in range. String slicing
// stays denied here.
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use scraper::ElementRef;
use url::Url;

use crate::article::{AlternateLink, PageFlags, PageType};
use crate::extract::attr::{self, local_name};
use crate::extract::clean::Content;
use crate::extract::dom::{Dom, NO_PARENT, Tag};
use crate::extract::matching::Fragments;
use crate::extract::metadata::Metadata;
use crate::extract::page_type::PageTypeGuess;
use crate::extract::text::{WordCounts, contains_ignore_ascii_case};

/// Texts of a "next page" link, lower-case, in the languages of our users.
const NEXT_TEXTS: &[&str] = &[
    "next",
    "next page",
    "next »",
    "next ›",
    "›",
    "»",
    "weiter",
    "nächste seite",
    "suivant",
    "page suivante",
    "siguiente",
    "página siguiente",
    "successivo",
    "próxima",
    "下一页",
    "下一頁",
    "次へ",
    "次のページ",
    "далее",
    "следующая",
    "다음",
];

/// Schema.org types of pages that are not articles.
const NON_ARTICLE_TYPES: &[&str] = &[
    "Product",
    "ProductGroup",
    "Offer",
    "AggregateOffer",
    "ItemList",
    "CollectionPage",
    "SearchResultsPage",
    "Store",
    "SoftwareApplication",
    "Event",
    "JobPosting",
    "Course",
    "QAPage",
    "FAQPage",
    "DiscussionForumPosting",
    "ProfilePage",
    "ContactPage",
    "Service",
];

/// `og:type` values of pages that are not articles.
const NON_ARTICLE_OG_TYPES: &[&str] = &["product", "product.item", "og:product", "profile"];

/// Characters of main text from which a paragraph counts as long: about
/// two sentences. Set together with the weights below on the WCXB page
/// types (see `LONG_PARAGRAPH_WEIGHT`).
const LONG_PARAGRAPH_CHARS: u32 = 120;

// Log-odds weights of the readerable score, tuned together on the page
// types of the WCXB development set (article against service, forum,
// listing, collection, product, documentation); see the report in issue 8.
/// Log-odds before any evidence.
const PRIOR: f32 = -2.5;
/// JSON-LD declares an article type.
const ARTICLE_TYPE_WEIGHT: f32 = 1.6;
/// JSON-LD or `og:type` declares a product, listing or forum.
const NON_ARTICLE_TYPE_WEIGHT: f32 = -2.0;
/// `og:type` is `article`.
const OG_ARTICLE_WEIGHT: f32 = 1.0;
/// Per long paragraph, up to [`MAX_LONG_PARAGRAPHS`].
const LONG_PARAGRAPH_WEIGHT: f32 = 0.3;
/// Long paragraphs that count; more says nothing new.
const MAX_LONG_PARAGRAPHS: u32 = 6;
/// Times the main content's share of the page text.
const SHARE_WEIGHT: f32 = 1.0;
/// Times the main content's link density.
const LINK_DENSITY_WEIGHT: f32 = -3.0;
/// A publication date was found.
const DATE_WEIGHT: f32 = 1.0;
/// An author was found.
const AUTHOR_WEIGHT: f32 = 0.5;

/// Alternates kept; more is a site-wide language menu.
const MAX_ALTERNATES: usize = 50;

/// Works out the document-level flags (reading time is left at 0); the
/// page type and `is_article` come from the page-type stage's `guess`.
///
/// Every lookup goes through the flat index, in one pass over it.
pub fn detect(
    dom: &Dom<'_>,
    content: &Content,
    meta: &Metadata,
    guess: &PageTypeGuess,
    base: Option<&Url>,
) -> PageFlags {
    let readerable_score = readerable(dom, content, meta);
    let links = links(dom, base);
    PageFlags {
        is_article: guess.page_type == PageType::Article,
        readerable_score,
        page_type: guess.page_type,
        page_type_confidence: guess.confidence,
        is_paywalled: meta.is_accessible_for_free == Some(false) || has_paywall(dom),
        amp_url: links.amp,
        alternates: links.alternates,
        next_page_url: links.next.or(links.pagination_next),
        reading_time_seconds: 0,
        ..PageFlags::default()
    }
}

/// Reading time in seconds: 230 words a minute, CJK text 500 characters a
/// minute (the usual figures for adult silent reading), from the text's
/// [`word_counts`](crate::extract::text::word_counts).
pub fn reading_time_seconds(counts: WordCounts) -> u32 {
    const WORDS_PER_MINUTE: f32 = 230.0;
    const CJK_CHARS_PER_MINUTE: f32 = 500.0;
    let words = counts.words.saturating_sub(counts.cjk);
    let minutes = words as f32 / WORDS_PER_MINUTE + counts.cjk as f32 / CJK_CHARS_PER_MINUTE;
    (minutes * 60.0).round() as u32
}

/// The readerable score, between 0 and 1.
fn readerable(dom: &Dom<'_>, content: &Content, meta: &Metadata) -> f32 {
    let mut z = PRIOR;
    let declared_not_article = meta
        .ld_type
        .as_deref()
        .is_some_and(|t| NON_ARTICLE_TYPES.iter().any(|n| n.eq_ignore_ascii_case(t)))
        || meta.og_type.as_deref().is_some_and(|t| {
            NON_ARTICLE_OG_TYPES
                .iter()
                .any(|n| n.eq_ignore_ascii_case(t.trim()))
        });
    if declared_not_article {
        z += NON_ARTICLE_TYPE_WEIGHT;
    } else if meta.is_article_typed {
        z += ARTICLE_TYPE_WEIGHT;
    }
    if meta
        .og_type
        .as_deref()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("article"))
    {
        z += OG_ARTICLE_WEIGHT;
    }
    let body = dom
        .nodes
        .iter()
        .position(|e| e.tag == Tag::Body)
        .unwrap_or(0);
    let page_text = dom.stats.get(body).map_or(0, |s| s.text).max(1);
    let (mut text, mut link_text, mut long_paragraphs) = (0u32, 0u32, 0u32);
    for &root in &content.roots {
        let Some(stats) = content.stats.get(root) else {
            continue;
        };
        text = text.saturating_add(stats.text);
        link_text = link_text.saturating_add(stats.link_text);
        let end = dom.nodes.get(root).map_or(root, |e| e.end as usize);
        let mut i = root;
        while i < end {
            if content.excluded.get(i).copied().unwrap_or(true) {
                // Skip the excluded subtree whole.
                i = dom.nodes[i].end.max(i as u32 + 1) as usize;
                continue;
            }
            if dom.nodes[i].tag == Tag::P
                && content.stats[i].text >= LONG_PARAGRAPH_CHARS
                && content.link_density(i) < 0.5
            {
                long_paragraphs += 1;
            }
            i += 1;
        }
    }
    let share = (text as f32 / page_text as f32).min(1.0);
    let density = if text == 0 {
        1.0
    } else {
        link_text as f32 / text as f32
    };
    z += LONG_PARAGRAPH_WEIGHT * long_paragraphs.min(MAX_LONG_PARAGRAPHS) as f32;
    z += SHARE_WEIGHT * share;
    z += LINK_DENSITY_WEIGHT * density;
    if meta.published.is_some() {
        z += DATE_WEIGHT;
    }
    if !meta.authors().is_empty() {
        z += AUTHOR_WEIGHT;
    }
    1.0 / (1.0 + (-z).exp())
}

/// Whether an element's class or id names a paywall.
fn has_paywall(dom: &Dom<'_>) -> bool {
    dom.nodes.iter().any(|e| {
        e.is_element
            && (e.marks.class_fragments.has(Fragments::Paywall)
                || e.marks.id_fragments.has(Fragments::Paywall))
    })
}

/// The page's AMP, alternate and next-page links, in document order.
#[derive(Debug, Default)]
struct Links {
    /// The first `<link rel=amphtml href>` that resolves.
    amp: Option<String>,
    /// `<link rel=alternate hreflang href>`, distinct, at most
    /// [`MAX_ALTERNATES`].
    alternates: Vec<AlternateLink>,
    /// The first `<link rel=next href>` or `<a rel=next href>` that resolves.
    next: Option<String>,
    /// The first link of a pagination block whose text or class says
    /// "next" (used when there is no `rel=next`).
    pagination_next: Option<String>,
}

/// One pass over the index: `<link>` elements by their `rel`, and `<a>`
/// elements by their `rel` or by lying in a pagination block (an element
/// whose class names one, or a `<nav>` labelled with "page").
///
/// "In a block" is worked out top-down: parents come before children in
/// pre-order, so each class is read once. As with the CSS descendant
/// combinator, only element ancestors count: a template's content (under a
/// fragment node) is not inside the template's ancestors.
fn links(dom: &Dom<'_>, base: Option<&Url>) -> Links {
    let mut out = Links::default();
    // Whether the element is a pagination block or lies in one.
    let mut in_block = vec![false; dom.nodes.len()];
    for (i, entry) in dom.nodes.iter().enumerate() {
        if !entry.is_element {
            continue;
        }
        let Some(el) = dom.element(i) else {
            continue;
        };
        let want_pagination = out.next.is_none() && out.pagination_next.is_none();
        let parent_in_block =
            entry.parent != NO_PARENT && in_block.get(entry.parent as usize) == Some(&true);
        if want_pagination {
            in_block[i] = parent_in_block || is_pagination_block(entry, el);
        }
        if !matches!(entry.tag, Tag::Link | Tag::A) {
            continue;
        }
        let Some(href) = attr::get(el, &local_name!("href")) else {
            continue;
        };
        let rel = attr::get(el, &local_name!("rel")).unwrap_or_default();
        if entry.tag == Tag::Link {
            if out.amp.is_none() && has_token(rel, "amphtml") {
                out.amp = absolute(base, href);
            }
            if has_token(rel, "alternate")
                && let Some(hreflang) = attr::get(el, &local_name!("hreflang"))
            {
                push_alternate(&mut out.alternates, base, href, hreflang);
            }
        }
        if out.next.is_none() && has_token(rel, "next") {
            out.next = absolute(base, href);
        }
        if want_pagination && entry.tag == Tag::A && parent_in_block && says_next(entry, el) {
            out.pagination_next = absolute(base, href);
        }
    }
    out
}

/// Whether the element opens a pagination block.
fn is_pagination_block(
    entry: &crate::extract::dom::Entry<'_>,
    el: &scraper::node::Element,
) -> bool {
    entry.marks.class_fragments.has(Fragments::Pagination)
        || (entry.tag == Tag::Nav
            && attr::get(el, &local_name!("aria-label"))
                .is_some_and(|l| contains_ignore_ascii_case(l, "page")))
}

/// Whether a pagination link's text or class says "next".
fn says_next(entry: &crate::extract::dom::Entry<'_>, el: &scraper::node::Element) -> bool {
    let class_says = attr::get(el, &local_name!("class")).is_some_and(|class| {
        class.split_whitespace().any(|c| {
            c.eq_ignore_ascii_case("next")
                || c.len() >= 5
                    && c.as_bytes()
                        .get(c.len() - 5..)
                        .is_some_and(|tail| tail.eq_ignore_ascii_case(b"-next"))
        })
    });
    class_says
        || ElementRef::wrap(entry.node).is_some_and(|a| {
            let text = crate::extract::text::normalize_whitespace(&a.text().collect::<String>())
                .to_lowercase();
            NEXT_TEXTS.contains(&text.as_str())
        })
}

/// Adds an alternate unless already there or the list is full.
fn push_alternate(out: &mut Vec<AlternateLink>, base: Option<&Url>, href: &str, hreflang: &str) {
    let Some(url) = absolute(base, href) else {
        return;
    };
    let hreflang = Some(hreflang.trim())
        .filter(|h| !h.is_empty())
        .map(str::to_owned);
    if out.len() < MAX_ALTERNATES && !out.iter().any(|a| a.url == url && a.hreflang == hreflang) {
        out.push(AlternateLink { url, hreflang });
    }
}

/// Whether the whitespace-separated `value` holds `token`, ASCII
/// case-insensitively (CSS `[rel~="token" i]`).
fn has_token(value: &str, token: &str) -> bool {
    value
        .split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(token))
}

/// `href` made absolute; only http(s).
fn absolute(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let url = match base {
        Some(b) => b.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{clean, metadata};
    use scraper::Html;

    fn flags_of(html: &str) -> PageFlags {
        let doc = Html::parse_document(html);
        let url = Url::parse("https://news.example.com/a/story").expect("valid url");
        let meta = metadata::collect(
            &doc,
            &metadata::Hints {
                page_url: Some(&url),
                prelude: None,
                now: None,
            },
        );
        let dom = Dom::build(&doc);
        let content = clean::find_content(&dom);
        let guess = crate::extract::page_type::classify(&dom, &meta, Some(&url));
        detect(&dom, &content, &meta, &guess, Some(&url))
    }

    fn paragraphs(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "<p>Paragraph {i} of the story tells what happened in the town hall on \
                     Monday evening, when the council met to vote on the new budget plan.</p>"
                )
            })
            .collect()
    }

    #[test]
    fn next_texts_and_paywall_names_survive_length_changing_case() {
        use crate::extract::vocabulary::{PAGINATION_FRAGMENTS, PAYWALL_FRAGMENTS};
        let labels = NEXT_TEXTS
            .iter()
            .chain(PAYWALL_FRAGMENTS)
            .chain(PAGINATION_FRAGMENTS);
        for label in labels {
            for text in crate::extract::text::tricky::variants(label) {
                let html = format!(
                    r#"<html><body><div class="{text}" id="{text}"><a href="/2" rel="{text}">{text}</a>
                    </div><nav class="pagination"><a class="{text}" href="/p2">{text}</a></nav>
                    <article><h1>{text}</h1>{}</article></body></html>"#,
                    paragraphs(2)
                );
                let _ = flags_of(&html);
            }
        }
    }

    #[test]
    fn a_news_article_is_readerable() {
        let html = format!(
            r#"<html><head><meta property="og:type" content="article">
            <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Vote",
            "datePublished":"2024-06-18"}}</script></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Vote</h1>{}</article></body></html>"#,
            paragraphs(6)
        );
        let flags = flags_of(&html);
        assert!(flags.is_article, "score {}", flags.readerable_score);
        assert!(flags.readerable_score > 0.8);
        assert!(!flags.is_paywalled);
    }

    #[test]
    fn a_product_page_is_not_an_article() {
        let html = r#"<html><head><meta property="og:type" content="product">
            <script type="application/ld+json">{"@type":"Product","name":"Kettle",
            "offers":{"@type":"Offer","price":"29.00"}}</script></head><body>
            <h1>Steel kettle</h1><div class="price">$29.00</div>
            <button>Add to cart</button><ul><li><a href="/k1">Kettle one</a></li>
            <li><a href="/k2">Kettle two</a></li><li><a href="/k3">Kettle three</a></li></ul>
            <p>1.7 litres, stainless steel.</p></body></html>"#;
        let flags = flags_of(html);
        assert!(!flags.is_article, "score {}", flags.readerable_score);
        assert!(flags.readerable_score < 0.2);
    }

    #[test]
    fn a_link_listing_is_not_an_article() {
        let items: String = (0..30)
            .map(|i| format!(r#"<li><a href="/story-{i}">Headline number {i} of today</a></li>"#))
            .collect();
        let html = format!("<html><body><h1>Latest</h1><ul>{items}</ul></body></html>");
        let flags = flags_of(&html);
        assert!(!flags.is_article, "score {}", flags.readerable_score);
    }

    #[test]
    fn a_paywalled_news_article_is_flagged() {
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle",
            "headline":"Budget","isAccessibleForFree":false,
            "hasPart":{{"@type":"WebPageElement","isAccessibleForFree":"False",
            "cssSelector":".locked"}}}}</script></head>
            <body><article><h1>Budget</h1>{}</article></body></html>"#,
            paragraphs(2)
        );
        let flags = flags_of(&html);
        assert!(flags.is_paywalled);
        // A paywall container alone, with no declaration, is enough too.
        let html = format!(
            r#"<html><body><article><h1>Budget</h1>{}<div class="article-paywall">
            Subscribe to read on</div></article></body></html>"#,
            paragraphs(2)
        );
        assert!(flags_of(&html).is_paywalled);
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle",
            "headline":"Budget","isAccessibleForFree":"True"}}</script></head>
            <body><article>{}</article></body></html>"#,
            paragraphs(2)
        );
        assert!(!flags_of(&html).is_paywalled);
    }

    #[test]
    fn amp_alternates_and_next_page_are_absolute() {
        let html = r#"<html><head>
            <link rel="amphtml" href="/amp/a/story">
            <link rel="alternate" hreflang="de" href="https://news.example.com/de/a/story">
            <link rel="alternate" hreflang="x-default" href="/a/story">
            <link rel="alternate" type="application/rss+xml" href="/feed">
            </head><body><p>Text</p>
            <div class="pagination"><a href="?page=1">1</a><a href="?page=2">Next</a></div>
            </body></html>"#;
        let flags = flags_of(html);
        assert_eq!(
            flags.amp_url.as_deref(),
            Some("https://news.example.com/amp/a/story")
        );
        assert_eq!(flags.alternates.len(), 2);
        assert_eq!(flags.alternates[0].hreflang.as_deref(), Some("de"));
        assert_eq!(flags.alternates[1].url, "https://news.example.com/a/story");
        assert_eq!(
            flags.next_page_url.as_deref(),
            Some("https://news.example.com/a/story?page=2")
        );
        let html = r#"<html><head><link rel="next" href="/a/story/2"></head><body></body></html>"#;
        assert_eq!(
            flags_of(html).next_page_url.as_deref(),
            Some("https://news.example.com/a/story/2")
        );
        assert_eq!(
            flags_of("<html><body><p>x</p></body></html>").next_page_url,
            None
        );
    }

    #[test]
    fn reading_time_counts_cjk_by_characters() {
        use crate::extract::text::word_counts;
        let time = |text: &str| reading_time_seconds(word_counts(text));
        assert_eq!(time(&"word ".repeat(230)), 60);
        assert_eq!(time(&"字".repeat(500)), 60);
        assert_eq!(time(""), 0);
    }

    /// The selector-based code this module used before the one-pass scan,
    /// kept as a reference oracle.
    mod oracle {
        use std::sync::LazyLock;

        use scraper::{Html, Selector};
        use url::Url;

        use super::super::{MAX_ALTERNATES, NEXT_TEXTS, absolute};
        use crate::article::AlternateLink;
        use crate::extract::dom::Dom;

        static AMP_LINK: LazyLock<Selector> = LazyLock::new(|| {
            Selector::parse(r#"link[rel~="amphtml" i][href]"#).expect("valid selector")
        });
        static HREFLANG_LINKS: LazyLock<Selector> = LazyLock::new(|| {
            Selector::parse(r#"link[rel~="alternate" i][hreflang][href]"#).expect("valid selector")
        });
        static NEXT_LINK: LazyLock<Selector> = LazyLock::new(|| {
            Selector::parse(r#"link[rel~="next" i][href], a[rel~="next" i][href]"#)
                .expect("valid selector")
        });
        static PAGINATION_LINKS: LazyLock<Selector> = LazyLock::new(|| {
            Selector::parse(
                r#"[class*="pagination" i] a[href], [class*="pager" i] a[href],
                   [class*="page-nav" i] a[href], [class*="paging" i] a[href],
                   nav[aria-label*="page" i] a[href]"#,
            )
            .expect("valid selector")
        });
        use crate::extract::vocabulary::PAYWALL_FRAGMENTS as PAYWALL_MARKERS;

        pub(super) fn amp(doc: &Html, base: Option<&Url>) -> Option<String> {
            doc.select(&AMP_LINK)
                .find_map(|l| absolute(base, l.attr("href")?))
        }

        pub(super) fn alternates(doc: &Html, base: Option<&Url>) -> Vec<AlternateLink> {
            let mut out: Vec<AlternateLink> = Vec::new();
            for link in doc.select(&HREFLANG_LINKS) {
                let Some(url) = link.attr("href").and_then(|h| absolute(base, h)) else {
                    continue;
                };
                let hreflang = link
                    .attr("hreflang")
                    .map(str::trim)
                    .filter(|h| !h.is_empty())
                    .map(str::to_owned);
                if out.len() < MAX_ALTERNATES
                    && !out.iter().any(|a| a.url == url && a.hreflang == hreflang)
                {
                    out.push(AlternateLink { url, hreflang });
                }
            }
            out
        }

        pub(super) fn next_page(doc: &Html, base: Option<&Url>) -> Option<String> {
            if let Some(url) = doc
                .select(&NEXT_LINK)
                .find_map(|l| absolute(base, l.attr("href")?))
            {
                return Some(url);
            }
            doc.select(&PAGINATION_LINKS).find_map(|a| {
                let text =
                    crate::extract::text::normalize_whitespace(&a.text().collect::<String>())
                        .to_lowercase();
                let class = a.attr("class").unwrap_or_default().to_ascii_lowercase();
                let says_next = NEXT_TEXTS.contains(&text.as_str())
                    || class
                        .split_whitespace()
                        .any(|c| c == "next" || c.ends_with("-next"));
                says_next.then(|| absolute(base, a.attr("href")?)).flatten()
            })
        }

        pub(super) fn has_paywall(dom: &Dom<'_>) -> bool {
            (0..dom.nodes.len()).any(|i| {
                dom.nodes[i].is_element
                    && ["class", "id"].iter().any(|a| {
                        dom.attr(i, a).is_some_and(|v| {
                            let v = v.to_ascii_lowercase();
                            PAYWALL_MARKERS.iter().any(|m| v.contains(m))
                        })
                    })
            })
        }
    }

    /// The scan's links and paywall flag, checked against the oracle.
    fn scan(html: &str) -> (Links, bool) {
        let doc = Html::parse_document(html);
        let url = Url::parse("https://news.example.com/a/story").expect("valid url");
        let dom = Dom::build(&doc);
        let found = links(&dom, Some(&url));
        let paywall = has_paywall(&dom);
        assert_eq!(found.amp, oracle::amp(&doc, Some(&url)), "amp of {html}");
        assert_eq!(
            found.alternates,
            oracle::alternates(&doc, Some(&url)),
            "alternates of {html}"
        );
        assert_eq!(
            found.next.clone().or(found.pagination_next.clone()),
            oracle::next_page(&doc, Some(&url)),
            "next page of {html}"
        );
        assert_eq!(paywall, oracle::has_paywall(&dom), "paywall of {html}");
        (found, paywall)
    }

    #[test]
    fn amp_link_is_the_first_that_resolves() {
        let (found, _) = scan(
            r##"<html><head><link rel="amphtml" href="#top">
            <link REL="Canonical AMPHTML" href=" /amp/1 "><link rel=amphtml href=/amp/2>
            <link rel="amphtml-x" href="/no"></head><body></body></html>"##,
        );
        assert_eq!(found.amp.as_deref(), Some("https://news.example.com/amp/1"));
        // Token, not substring; a link without href is skipped.
        let (found, _) = scan(
            r#"<html><head><link rel="x-amphtml" href="/no"><link rel="amphtml">
            <a rel="amphtml" href="/not-a-link-element">a</a></head><body></body></html>"#,
        );
        assert_eq!(found.amp, None);
    }

    #[test]
    fn alternates_need_hreflang_and_are_distinct_and_capped() {
        let (found, _) = scan(
            "<html><head>\
             <link rel='alternate' hreflang=' fr ' href='/fr'>\
             <link rel='ALTERNATE\tfoo' hreflang='' href='/any'>\
             <link rel='alternate' hreflang='fr' href='/fr'>\
             <link rel='alternate' href='/feed' type='application/rss+xml'>\
             <link rel='alternates' hreflang='de' href='/de'>\
             <link rel='alternate' hreflang='es' href='javascript:void(0)'>\
             </head><body><a rel='alternate' hreflang='it' href='/it'>it</a></body></html>",
        );
        let got: Vec<(&str, Option<&str>)> = found
            .alternates
            .iter()
            .map(|a| (a.url.as_str(), a.hreflang.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("https://news.example.com/fr", Some("fr")),
                ("https://news.example.com/any", None),
            ]
        );
        let many: String = (0..60)
            .map(|i| format!(r#"<link rel="alternate" hreflang="l{i}" href="/l/{i}">"#))
            .collect();
        let (found, _) = scan(&format!("<html><head>{many}</head><body></body></html>"));
        assert_eq!(found.alternates.len(), MAX_ALTERNATES);
        assert_eq!(
            found.alternates[49].url,
            "https://news.example.com/l/49".to_owned()
        );
    }

    #[test]
    fn rel_next_comes_before_pagination_links() {
        let (found, _) = scan(
            r#"<html><body><div class="pagination"><a href="/p/2">Next</a></div>
            <p><a Rel="nofollow NEXT" href="/a/story/2">more</a></p></body></html>"#,
        );
        assert_eq!(
            found.next.as_deref(),
            Some("https://news.example.com/a/story/2")
        );
        let (found, _) = scan(
            r#"<html><head><link rel="next" href="mailto:x@example.com">
            <link rel="next" href="/2"></head><body></body></html>"#,
        );
        assert_eq!(found.next.as_deref(), Some("https://news.example.com/2"));
    }

    #[test]
    fn pagination_block_with_upper_case_class() {
        let (found, _) = scan(
            r#"<html><body><p><a href="/elsewhere">Next</a></p>
            <ul class="Site-PAGINATION"><li><a href="?page=1">1</a></li>
            <li><a href="?page=2" class="Link Page-NEXT"><span>2</span></a></li>
            <li><a href="?page=3">Next</a></li></ul></body></html>"#,
        );
        assert_eq!(found.next, None);
        assert_eq!(
            found.pagination_next.as_deref(),
            Some("https://news.example.com/a/story?page=2")
        );
        // The text says it, in any case and with spaces around.
        let (found, _) = scan(
            r#"<html><body><div class="PagerBox"><div><a href="/x/1">1</a>
            <a href="/x/2">  Next
              Page </a></div></div></body></html>"#,
        );
        assert_eq!(
            found.pagination_next.as_deref(),
            Some("https://news.example.com/x/2")
        );
    }

    #[test]
    fn nav_labelled_pages_is_a_pagination_block() {
        let (found, _) = scan(
            r#"<html><body><nav aria-label="Pages"><a href="/1">1</a><a href="/2">›</a></nav>
            </body></html>"#,
        );
        assert_eq!(
            found.pagination_next.as_deref(),
            Some("https://news.example.com/2")
        );
        // A label without "page", or on another element, is not one.
        let (found, _) = scan(
            r#"<html><body><nav aria-label="Main"><a href="/2">Next</a></nav>
            <div aria-label="Pages"><a href="/3">Next</a></div></body></html>"#,
        );
        assert_eq!(found.pagination_next, None);
    }

    #[test]
    fn pagination_needs_an_ancestor_block() {
        let (found, _) = scan(
            r##"<html><body>
            <a class="pagination next" href="/self">Next</a>
            <div class="paging"><a href="#">Next</a><a class="next">Next</a>
              <a href="javascript:go()">Next</a>
              <template><a href="/in-template">Next</a></template></div>
            <div class="page-navigation"><div><a href="/deep">Suivant</a></div></div>
            </body></html>"##,
        );
        assert_eq!(found.next, None);
        assert_eq!(
            found.pagination_next.as_deref(),
            Some("https://news.example.com/deep")
        );
    }

    #[test]
    fn pages_without_links_find_none() {
        let (found, paywall) = scan(
            r#"<html><head><link rel="stylesheet" href="/s.css"></head><body>
            <div class="pages"><a href="/2">Next</a></div><div class="page"><a href="/3">»</a></div>
            <div class="wall-of-text">Pay what you want</div></body></html>"#,
        );
        assert_eq!(found.amp, None);
        assert!(found.alternates.is_empty());
        assert_eq!(found.next, None);
        assert_eq!(found.pagination_next, None);
        assert!(!paywall);
    }

    #[test]
    fn paywall_markers_in_class_or_id_any_case() {
        for (html, expected) in [
            (r#"<div class="story Article-PAYWALL"></div>"#, true),
            (r#"<section id="Subscribers-Only-Box"></section>"#, true),
            (r#"<div class="x" id="regWall"></div>"#, true),
            (r#"<div class="js-Piano-Offer"></div>"#, true),
            (r#"<div class="locked content-lock pay wall"></div>"#, false),
            (r#"<div data-class="paywall" title="paywall"></div>"#, false),
        ] {
            let (_, paywall) = scan(&format!("<html><body>{html}</body></html>"));
            assert_eq!(paywall, expected, "{html}");
        }
    }
}
