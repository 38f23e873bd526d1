//! The model's named features, and the ones read from the metadata and the
//! URL; the page's markup is counted in `structure.rs`.

use url::Url;

use super::evidence::{
    ARTICLE_WORDS, COLLECTION_WORDS, DOCS_WORDS, FORUM_WORDS, LISTING_LAST_WORDS, LISTING_WORDS,
    PRODUCT_WORDS, SERVICE_WORDS, schema_feature,
};
use super::structure::structure;
use crate::extract::dom::Dom;
use crate::extract::metadata::Metadata;

/// Declares the features: an index enum and the names, in one list.
macro_rules! features {
    ($($name:ident: $doc:literal,)*) => {
        /// One feature of the model; its value is at `features[F::x as usize]`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(non_camel_case_types, missing_docs)]
        #[repr(usize)]
        pub enum F { $($name,)* }

        /// The feature names, in index order (the columns of the weights).
        pub const FEATURE_NAMES: &[&str] = &[$(stringify!($name),)*];
        /// What each feature measures, in index order.
        pub const FEATURE_DOCS: &[&str] = &[$($doc,)*];
    };
}

features! {
    ld_article: "JSON-LD or microdata declares an article type (Article, NewsArticle, BlogPosting, Report...)",
    ld_tech: "a TechArticle or APIReference",
    ld_product: "a Product, ProductGroup, Offer or AggregateOffer",
    ld_collection: "an ItemList, CollectionPage, OfferCatalog or SearchResultsPage",
    ld_forum: "a DiscussionForumPosting or QAPage",
    ld_question: "a Question or Answer (also inside an FAQPage)",
    ld_faq: "an FAQPage",
    ld_service: "a Service, SoftwareApplication, WebApplication, AboutPage or ContactPage",
    ld_howto: "a HowTo, Recipe, Course or Event",
    ld_rating: "an AggregateRating or Review",
    og_article: "og:type is article",
    og_product: "og:type is a product",
    og_website: "og:type is website",
    meta_date: "the metadata stage found a publication date",
    meta_author: "the metadata stage found an author",
    title_words: "words of the title the metadata stage chose, log",
    url_forum: "the URL path has a forum word (/forum/, /thread/, /t/, /topic/, /questions/, viewtopic)",
    url_product: "the URL path names one product (/product/x, /products/x, /p/x, /dp/x, /item/x)",
    url_collection: "the URL path names a category (/category/, /collections/, /c/, /shop/, /catalog/)",
    url_listing: "the URL path names a list (/tag/, /archive/, /search, /page/2, ends in /blog or /news)",
    url_docs: "the URL names documentation (/docs/, /api/, /reference/, /guide/, /wiki/, a docs. host)",
    url_service: "the URL names a service page (/pricing, /features, /about, /services, /solutions, /contact)",
    url_article: "the URL looks like an article (a date in the path, /blog/x, /news/x, a long slug)",
    url_root: "the URL is a site's root or a language root",
    url_depth: "path segments, up to 6, over 6",
    url_slug_words: "words in the last path segment, log",
    url_numeric_id: "a path segment or query value of 4 or more digits",
    sw_forum: "forum software (Discourse, phpBB, XenForo, vBulletin, Invision, bbPress, MyBB, Vanilla, NodeBB, Flarum)",
    sw_docs: "documentation software (Sphinx, ReadTheDocs, MkDocs, Docusaurus, MediaWiki, GitBook, VitePress)",
    sw_shop: "shop software (Shopify, WooCommerce, Magento, PrestaShop, BigCommerce, OpenCart)",
    sw_blog: "blog software (WordPress, Ghost, Blogger, Medium)",
    cls_forum_sw: "elements with a forum software's post classes, log",
    cls_post: "elements classed as a post or message, log",
    cls_comment: "elements classed as a comment, reply or answer, log",
    cls_user: "elements classed as a user (avatar, username, user-info, signature, poster), log",
    cls_docs: "elements with documentation classes (toctree, headerlink, highlight, admonition, docs-), log",
    cls_toc: "elements classed as a table of contents or sidebar, log",
    cls_price: "elements classed as a price, SKU, quantity, stock or variant, log",
    cls_cart: "elements classed as a cart, basket, checkout or buy control, log",
    cls_product_card: "elements classed as product cards or grids, log",
    cls_card: "elements classed as a card, tile or grid item, log",
    cls_filter: "elements classed as filters, facets or sorting, log",
    cls_listing: "elements classed as list entries (excerpt, teaser, entry-title, read-more), log",
    cls_article: "elements classed as article parts (byline, entry-content, article-body, dateline), log",
    cls_service: "elements classed as marketing parts (hero, pricing, plan, feature, testimonial, cta), log",
    cls_faq: "elements classed as FAQ or accordion, log",
    cls_share: "elements classed as share or social buttons, log",
    cls_button: "elements classed as buttons (btn, button), log",
    txt_price: "short texts holding a price with a currency, log",
    txt_cart: "short texts like 'add to cart', 'buy now', 'in stock', log",
    one_cart: "one to three such texts: one thing for sale, not a grid of them",
    many_prices: "eight prices or more: a grid of things for sale",
    txt_forum: "short texts like 'reply', 'quote', 'joined', 'posts:', log",
    txt_service: "short texts like 'get started', 'free trial', 'book a demo', 'contact sales', log",
    txt_listing: "short texts like 'read more', 'load more', 'older posts', log",
    txt_docs: "short texts like 'edit this page', 'on this page', 'parameters', log",
    text_total: "visible text of the body, log of characters",
    link_share: "share of the body text inside links",
    long_paragraphs: "paragraphs of 150 characters or more with few links, log",
    prose_share: "share of the body text in such paragraphs",
    paragraphs: "paragraphs, log",
    h1: "h1 elements, log",
    h2_h3: "h2 and h3 elements, log",
    h4_h6: "h4 to h6 elements, log",
    heading_share: "share of the body text in headings",
    heading_per_prose: "headings per 1,000 characters of long paragraphs",
    pre: "pre elements, log",
    code: "code elements outside pre, log",
    code_share: "share of the body text in pre and code",
    list_items: "li elements, log",
    list_share: "share of the body text in list items",
    linked_items: "share of li elements that are mostly a link",
    tables: "tables, log",
    definition_lists: "dl elements, log",
    articles: "article elements, log",
    navs: "nav elements and navigation roles, log",
    sections: "section elements, log",
    times: "time elements, log",
    images: "images, log",
    forms: "inputs, selects and textareas, log",
    buttons: "buttons, log",
    textareas: "textareas (a reply box), log",
    rep_linked: "the largest group of same-tag, same-class siblings that each hold a link, log",
    rep_card: "the largest such group whose items each hold an image and a link, log",
    rep_priced: "the largest such group whose items each hold a price, log",
    rep_headed: "the largest such group whose items each hold a heading and a link, log",
    rep_prose: "the largest such group whose items each hold 200 characters or more of unlinked text, log",
    rep_post: "the largest such group whose items are classed as posts or comments, log",
}

/// How many features the model reads.
pub const FEATURES: usize = FEATURE_NAMES.len();

/// Feature values of one page, in [`FEATURE_NAMES`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct Features(pub [f32; FEATURES]);

impl Features {
    pub(super) fn set(&mut self, f: F, v: f32) {
        if let Some(slot) = self.0.get_mut(f as usize) {
            *slot = v;
        }
    }

    pub(super) fn flag(&mut self, f: F, on: bool) {
        if on {
            self.set(f, 1.0);
        }
    }

    /// The value of feature `f`.
    pub fn get(&self, f: F) -> f32 {
        self.0.get(f as usize).copied().unwrap_or(0.0)
    }
}

/// `ln(1 + n)`, the scale of every count feature.
pub(super) fn log_count(n: u32) -> f32 {
    (n as f32).ln_1p()
}

/// Works out the model's features.
pub fn features(dom: &Dom<'_>, meta: &Metadata, page_url: Option<&Url>) -> Features {
    let mut out = Features([0.0; FEATURES]);
    declared(meta, &mut out);
    let canonical = meta.canonical_url().and_then(|u| Url::parse(u).ok());
    if let Some(url) = page_url.or(canonical.as_ref()) {
        url_shape(url, &mut out);
    }
    structure(dom, &mut out);
    out
}

/// `og:type`; JSON-LD types are read from the scripts in [`structure`].
fn declared(meta: &Metadata, out: &mut Features) {
    if let Some(og) = meta.og_type.as_deref().map(str::trim) {
        let og = og.to_ascii_lowercase();
        out.flag(F::og_article, og == "article" || og.starts_with("article"));
        out.flag(F::og_product, og.contains("product"));
        out.flag(F::og_website, og == "website");
    }
    if let Some(f) = meta.ld_type.as_deref().and_then(schema_feature) {
        out.set(f, 1.0);
    }
    out.flag(F::meta_date, meta.published.is_some());
    out.flag(F::meta_author, !meta.authors().is_empty());
    let title_words = meta.title().map_or(0, |t| t.split_whitespace().count());
    out.set(F::title_words, log_count(title_words as u32));
}

/// Sets the features of every `"@type"` a JSON-LD script declares,
/// nested objects included (an `Offer` inside a `Product`).
pub(super) fn ld_types(script: &str, out: &mut Features) {
    let mut rest = script;
    let mut seen = 0;
    while let Some(at) = memchr::memmem::find(rest.as_bytes(), b"\"@type\"") {
        seen += 1;
        if seen > 500 {
            break;
        }
        rest = rest.get(at + 7..).unwrap_or("");
        let value = rest
            .trim_start()
            .strip_prefix(':')
            .unwrap_or("")
            .trim_start();
        let list = if let Some(array) = value.strip_prefix('[') {
            array.split(']').next().unwrap_or("")
        } else {
            value
                .char_indices()
                .skip(1)
                .find(|&(_, c)| c == '"')
                .and_then(|(end, _)| value.get(..=end))
                .unwrap_or("")
        };
        for name in list.split(',') {
            if let Some(f) = schema_feature(name.trim().trim_matches('"')) {
                out.set(f, 1.0);
            }
        }
    }
}

/// The URL's shape.
pub(super) fn url_shape(url: &Url, out: &mut Features) {
    let host = url.host_str().unwrap_or("").to_ascii_lowercase();
    let path = url.path().to_ascii_lowercase();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let last = segments.last().copied().unwrap_or("");
    let stem = last
        .strip_suffix(".html")
        .or_else(|| last.strip_suffix(".htm"))
        .or_else(|| last.strip_suffix(".php"))
        .or_else(|| last.strip_suffix(".aspx"))
        .unwrap_or(last);
    let has = |words: &[&str]| segments.iter().any(|s| words.contains(s));
    // A word followed by at least one more segment (`/product/x`).
    let before_last = |words: &[&str]| {
        segments
            .iter()
            .take(segments.len().saturating_sub(1))
            .any(|s| words.contains(s))
    };
    out.flag(
        F::url_forum,
        has(FORUM_WORDS) || path.contains("viewtopic") || path.contains("showthread"),
    );
    let product = before_last(PRODUCT_WORDS);
    out.flag(F::url_product, product);
    out.flag(
        F::url_collection,
        !product && (has(COLLECTION_WORDS) || PRODUCT_WORDS.contains(&last)),
    );
    let paged = segments
        .windows(2)
        .any(|w| w.first() == Some(&"page") && w.get(1).is_some_and(|n| n.parse::<u32>().is_ok()));
    out.flag(
        F::url_listing,
        has(LISTING_WORDS) || paged || LISTING_LAST_WORDS.contains(&stem),
    );
    out.flag(
        F::url_docs,
        has(DOCS_WORDS)
            || host.starts_with("docs.")
            || host.starts_with("developer.")
            || host.starts_with("wiki.")
            || host.contains(".readthedocs."),
    );
    out.flag(
        F::url_service,
        SERVICE_WORDS.contains(&stem)
            || segments.first().is_some_and(|s| SERVICE_WORDS.contains(s)),
    );
    let year = |s: &&str| s.len() == 4 && s.starts_with("20") && s.parse::<u32>().is_ok();
    let dated = segments.iter().any(year)
        || segments.iter().any(|s| {
            s.len() >= 8
                && s.get(..4)
                    .is_some_and(|y| y.starts_with("20") && y.parse::<u32>().is_ok())
                && s.get(4..5) == Some("-")
        });
    let slug_words = stem.split(['-', '_']).filter(|w| !w.is_empty()).count() as u32;
    out.flag(
        F::url_article,
        dated || before_last(ARTICLE_WORDS) || slug_words >= 5,
    );
    let language_root = segments.len() == 1
        && (last.len() == 2 || (last.len() == 5 && last.as_bytes().get(2) == Some(&b'-')));
    out.flag(
        F::url_root,
        segments.is_empty() || language_root || stem == "index" || stem == "home",
    );
    out.set(F::url_depth, segments.len().min(6) as f32 / 6.0);
    out.set(F::url_slug_words, log_count(slug_words));
    let numeric = |s: &str| s.len() >= 4 && s.bytes().all(|b| b.is_ascii_digit());
    out.flag(
        F::url_numeric_id,
        segments.iter().any(|s| {
            numeric(s) && !year(s) || s.split(['-', '.', '_']).any(|p| numeric(p) && !year(&p))
        }) || url.query_pairs().any(|(_, v)| numeric(&v)),
    );
}
