//! The page-type stage: what kind of page this is (article, forum thread,
//! product, collection, listing, documentation, service page), decided
//! before main-content detection so that each kind can be extracted its
//! own way.
//!
//! The decision is a small linear model (multinomial logistic regression)
//! over named features of generic evidence, all read in one pass over the
//! flat index ([`Dom`]):
//!
//! - declared types: JSON-LD `@type` anywhere in the page's blocks
//!   (`Product`, `ItemList`, `DiscussionForumPosting`, `TechArticle`...),
//!   microdata `itemtype`, `og:type`;
//! - the URL's shape: generic path words (`/forum/`, `/t/`, `/docs/`,
//!   `/product/`, `/collections/`, `/tag/`, `/pricing`), a date in the path,
//!   a long slug, a site's root;
//! - the markup of widely used software, named where it is listed:
//!   Discourse, phpBB, XenForo, vBulletin, Invision, bbPress, MediaWiki,
//!   Sphinx, ReadTheDocs, MkDocs, Docusaurus, Shopify, WooCommerce, Magento;
//! - class and id vocabulary (posts, comments, prices, carts, cards,
//!   filters, heroes, pricing plans, tables of contents);
//! - short visible texts (prices with a currency, "add to cart", "reply",
//!   "read more", "get started");
//! - structure: repeated sibling items (cards with an image and a link,
//!   priced cards, long posts), code density, heading breadth, long
//!   paragraphs, link-to-prose ratio.
//!
//! The weights are data (`weights`), trained offline by
//! `scripts/train_page_type.py` from features `lede-eval --page-type-features`
//! writes; nothing keys on a site's domain.

mod weights;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use scraper::Node;
use std::sync::LazyLock;
use url::Url;

use crate::article::PageType;
use crate::extract::attr::local_name;
use crate::extract::dom::{Dom, NO_PARENT, Tag};
use crate::extract::metadata::Metadata;

/// The page types the model scores, in the order of its weight rows.
pub const CLASSES: [PageType; 7] = [
    PageType::Article,
    PageType::Forum,
    PageType::Product,
    PageType::Collection,
    PageType::Listing,
    PageType::Documentation,
    PageType::Service,
];

/// The stage's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTypeGuess {
    /// The most likely type; [`PageType::Other`] when the page gives no
    /// evidence at all (no text, no declared type).
    pub page_type: PageType,
    /// The model's probability of `page_type`, between 0 and 1.
    pub confidence: f32,
    /// The probability of each of [`CLASSES`], in that order.
    pub scores: [f32; CLASSES.len()],
}

impl Default for PageTypeGuess {
    fn default() -> Self {
        Self {
            page_type: PageType::Other,
            confidence: 0.0,
            scores: [0.0; CLASSES.len()],
        }
    }
}

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
    fn set(&mut self, f: F, v: f32) {
        if let Some(slot) = self.0.get_mut(f as usize) {
            *slot = v;
        }
    }

    fn flag(&mut self, f: F, on: bool) {
        if on {
            self.set(f, 1.0);
        }
    }

    /// The value of feature `f`.
    pub fn get(&self, f: F) -> f32 {
        self.0.get(f as usize).copied().unwrap_or(0.0)
    }
}

/// Classifies the page from its index, its metadata and its URL (the
/// request's, else the canonical one).
pub fn classify(dom: &Dom<'_>, meta: &Metadata, page_url: Option<&Url>) -> PageTypeGuess {
    let features = features(dom, meta, page_url);
    decide(&features)
}

/// The model's decision over `features`.
pub fn decide(features: &Features) -> PageTypeGuess {
    let no_evidence =
        features.get(F::text_total) == 0.0 && DECLARED.iter().all(|&f| features.get(f) == 0.0);
    if no_evidence {
        return PageTypeGuess::default();
    }
    let mut logits = weights::BIAS;
    for (k, &x) in features.0.iter().enumerate() {
        let (Some(row), Some(&mean), Some(&scale)) = (
            weights::WEIGHTS.get(k),
            weights::MEAN.get(k),
            weights::SCALE.get(k),
        ) else {
            continue;
        };
        let standard = (x - mean) / scale;
        for (logit, &w) in logits.iter_mut().zip(row) {
            *logit += w * standard;
        }
    }
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut scores = [0.0f32; CLASSES.len()];
    let mut sum = 0.0;
    for (s, &z) in scores.iter_mut().zip(&logits) {
        *s = (z - max).exp();
        sum += *s;
    }
    for s in &mut scores {
        *s /= sum.max(f32::MIN_POSITIVE);
    }
    let (best, &confidence) = scores
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .unwrap_or((0, &0.0));
    PageTypeGuess {
        page_type: CLASSES.get(best).copied().unwrap_or_default(),
        confidence,
        scores,
    }
}

/// Features that say what the page declares itself to be.
const DECLARED: [F; 13] = [
    F::ld_article,
    F::ld_tech,
    F::ld_product,
    F::ld_collection,
    F::ld_forum,
    F::ld_question,
    F::ld_faq,
    F::ld_service,
    F::ld_howto,
    F::ld_rating,
    F::og_article,
    F::og_product,
    F::og_website,
];

/// Schema.org type names and the feature each one sets.
const SCHEMA_TYPES: &[(&str, F)] = &[
    ("Article", F::ld_article),
    ("NewsArticle", F::ld_article),
    ("ReportageNewsArticle", F::ld_article),
    ("AnalysisNewsArticle", F::ld_article),
    ("OpinionNewsArticle", F::ld_article),
    ("BlogPosting", F::ld_article),
    ("LiveBlogPosting", F::ld_article),
    ("Report", F::ld_article),
    ("ScholarlyArticle", F::ld_article),
    ("TechArticle", F::ld_tech),
    ("APIReference", F::ld_tech),
    ("Product", F::ld_product),
    ("ProductGroup", F::ld_product),
    ("IndividualProduct", F::ld_product),
    ("ProductModel", F::ld_product),
    ("Offer", F::ld_product),
    ("AggregateOffer", F::ld_product),
    ("ItemList", F::ld_collection),
    ("CollectionPage", F::ld_collection),
    ("OfferCatalog", F::ld_collection),
    ("SearchResultsPage", F::ld_collection),
    ("DiscussionForumPosting", F::ld_forum),
    ("QAPage", F::ld_forum),
    ("Question", F::ld_question),
    ("Answer", F::ld_question),
    ("FAQPage", F::ld_faq),
    ("Service", F::ld_service),
    ("ProfessionalService", F::ld_service),
    ("SoftwareApplication", F::ld_service),
    ("WebApplication", F::ld_service),
    ("AboutPage", F::ld_service),
    ("ContactPage", F::ld_service),
    ("HowTo", F::ld_howto),
    ("Recipe", F::ld_howto),
    ("Course", F::ld_howto),
    ("Event", F::ld_howto),
    ("AggregateRating", F::ld_rating),
    ("Review", F::ld_rating),
];

/// The feature a schema.org type name sets (any case, prefix stripped).
fn schema_feature(name: &str) -> Option<F> {
    let name = name.trim();
    let name = name.rsplit(['/', ':', '#']).next().unwrap_or(name);
    SCHEMA_TYPES
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(name))
        .map(|&(_, f)| f)
}

/// Class and id vocabulary: fragments (ASCII case-insensitive substrings)
/// and the group each one counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Group {
    ForumSw,
    Post,
    Comment,
    User,
    Docs,
    Toc,
    Price,
    Cart,
    ProductCard,
    Card,
    Filter,
    Listing,
    ArticleMk,
    Service,
    Faq,
    Share,
    Button,
}

/// The class features, in [`Group`] order.
const GROUP_FEATURES: [F; 17] = [
    F::cls_forum_sw,
    F::cls_post,
    F::cls_comment,
    F::cls_user,
    F::cls_docs,
    F::cls_toc,
    F::cls_price,
    F::cls_cart,
    F::cls_product_card,
    F::cls_card,
    F::cls_filter,
    F::cls_listing,
    F::cls_article,
    F::cls_service,
    F::cls_faq,
    F::cls_share,
    F::cls_button,
];

const CLASS_VOCABULARY: &[(&str, Group)] = &[
    // Discourse posts.
    ("topic-post", Group::ForumSw),
    ("topic-body", Group::ForumSw),
    // phpBB.
    ("phpbb", Group::ForumSw),
    ("postbody", Group::ForumSw),
    ("postprofile", Group::ForumSw),
    // XenForo.
    ("xenforo", Group::ForumSw),
    ("message--post", Group::ForumSw),
    ("bbwrapper", Group::ForumSw),
    ("messageuserinfo", Group::ForumSw),
    // vBulletin.
    ("postbit", Group::ForumSw),
    ("vbulletin", Group::ForumSw),
    // Invision Community.
    ("ipscomment", Group::ForumSw),
    ("cpost", Group::ForumSw),
    // bbPress, MyBB, Vanilla, NodeBB, Flarum.
    ("bbp-reply", Group::ForumSw),
    ("bbp-topic", Group::ForumSw),
    ("post_body", Group::ForumSw),
    ("messagelist", Group::ForumSw),
    ("topic-", Group::ForumSw),
    ("thread", Group::ForumSw),
    ("forum", Group::ForumSw),
    ("post", Group::Post),
    ("message", Group::Post),
    ("comment", Group::Comment),
    ("reply", Group::Comment),
    ("replies", Group::Comment),
    ("answer", Group::Comment),
    ("avatar", Group::User),
    ("username", Group::User),
    ("user-info", Group::User),
    ("userinfo", Group::User),
    ("user-name", Group::User),
    ("signature", Group::User),
    ("poster", Group::User),
    ("member", Group::User),
    // Sphinx / ReadTheDocs (toctree, headerlink, admonition, highlight-*),
    // MkDocs Material (md-), Docusaurus (theme-doc), MediaWiki (mw-),
    // GitBook, VitePress (vp-doc).
    ("toctree", Group::Docs),
    ("headerlink", Group::Docs),
    ("admonition", Group::Docs),
    ("highlight", Group::Docs),
    ("rst-content", Group::Docs),
    ("sphinx", Group::Docs),
    ("md-content", Group::Docs),
    ("md-typeset", Group::Docs),
    ("md-nav", Group::Docs),
    ("theme-doc", Group::Docs),
    ("docusaurus", Group::Docs),
    ("mw-parser", Group::Docs),
    ("mw-body", Group::Docs),
    ("mw-heading", Group::Docs),
    ("gitbook", Group::Docs),
    ("vp-doc", Group::Docs),
    ("docs", Group::Docs),
    ("documentation", Group::Docs),
    ("api-", Group::Docs),
    ("language-", Group::Docs),
    ("toc", Group::Toc),
    ("table-of-contents", Group::Toc),
    ("sidebar", Group::Toc),
    ("price", Group::Price),
    ("sku", Group::Price),
    ("quantity", Group::Price),
    ("qty", Group::Price),
    ("stock", Group::Price),
    ("variant", Group::Price),
    ("swatch", Group::Price),
    ("cart", Group::Cart),
    ("basket", Group::Cart),
    ("checkout", Group::Cart),
    ("add-to", Group::Cart),
    ("addto", Group::Cart),
    ("add_to", Group::Cart),
    ("buy", Group::Cart),
    ("wishlist", Group::Cart),
    // WooCommerce, Shopify, Magento product grids and pages.
    ("woocommerce", Group::ProductCard),
    ("product", Group::ProductCard),
    ("shopify", Group::ProductCard),
    ("catalog", Group::ProductCard),
    ("card", Group::Card),
    ("tile", Group::Card),
    ("grid-item", Group::Card),
    ("filter", Group::Filter),
    ("facet", Group::Filter),
    ("sort", Group::Filter),
    ("refine", Group::Filter),
    ("excerpt", Group::Listing),
    ("teaser", Group::Listing),
    ("summary", Group::Listing),
    ("entry-title", Group::Listing),
    ("post-title", Group::Listing),
    ("read-more", Group::Listing),
    ("readmore", Group::Listing),
    ("archive", Group::Listing),
    ("listing", Group::Listing),
    ("results", Group::Listing),
    ("pagination", Group::Listing),
    ("pager", Group::Listing),
    ("byline", Group::ArticleMk),
    ("entry-content", Group::ArticleMk),
    ("article-body", Group::ArticleMk),
    ("article-content", Group::ArticleMk),
    ("post-content", Group::ArticleMk),
    ("dateline", Group::ArticleMk),
    ("headline", Group::ArticleMk),
    ("author", Group::ArticleMk),
    ("story", Group::ArticleMk),
    ("hero", Group::Service),
    ("pricing", Group::Service),
    ("plan", Group::Service),
    ("feature", Group::Service),
    ("testimonial", Group::Service),
    ("cta", Group::Service),
    ("benefit", Group::Service),
    ("logo-", Group::Service),
    ("client", Group::Service),
    ("partner", Group::Service),
    ("elementor", Group::Service),
    ("faq", Group::Faq),
    ("accordion", Group::Faq),
    ("share", Group::Share),
    ("social", Group::Share),
    ("btn", Group::Button),
    ("button", Group::Button),
];

/// Markers of software in `<meta name=generator>`, script sources,
/// stylesheet links and the root's classes.
const SOFTWARE: &[(&str, F)] = &[
    ("discourse", F::sw_forum),
    ("phpbb", F::sw_forum),
    ("xenforo", F::sw_forum),
    ("vbulletin", F::sw_forum),
    ("invision", F::sw_forum),
    ("ips4", F::sw_forum),
    ("bbpress", F::sw_forum),
    ("mybb", F::sw_forum),
    ("vanilla", F::sw_forum),
    ("nodebb", F::sw_forum),
    ("flarum", F::sw_forum),
    ("sphinx", F::sw_docs),
    ("readthedocs", F::sw_docs),
    ("_static/", F::sw_docs),
    ("mkdocs", F::sw_docs),
    ("docusaurus", F::sw_docs),
    ("mediawiki", F::sw_docs),
    ("gitbook", F::sw_docs),
    ("vitepress", F::sw_docs),
    ("docsify", F::sw_docs),
    ("shopify", F::sw_shop),
    ("woocommerce", F::sw_shop),
    ("magento", F::sw_shop),
    ("/mage/", F::sw_shop),
    ("prestashop", F::sw_shop),
    ("bigcommerce", F::sw_shop),
    ("opencart", F::sw_shop),
    ("wordpress", F::sw_blog),
    ("wp-content", F::sw_blog),
    ("ghost", F::sw_blog),
    ("blogger", F::sw_blog),
];

/// Short visible texts (lower-case) and the feature each one counts in.
const CUES: &[(&str, F)] = &[
    ("add to cart", F::txt_cart),
    ("add to bag", F::txt_cart),
    ("add to basket", F::txt_cart),
    ("buy now", F::txt_cart),
    ("in stock", F::txt_cart),
    ("out of stock", F::txt_cart),
    ("add to wishlist", F::txt_cart),
    ("in den warenkorb", F::txt_cart),
    ("ajouter au panier", F::txt_cart),
    ("añadir al carrito", F::txt_cart),
    ("aggiungi al carrello", F::txt_cart),
    ("in winkelwagen", F::txt_cart),
    ("reply", F::txt_forum),
    ("quote", F::txt_forum),
    ("joined", F::txt_forum),
    ("posts:", F::txt_forum),
    ("permalink", F::txt_forum),
    ("registered", F::txt_forum),
    ("likes", F::txt_forum),
    ("get started", F::txt_service),
    ("free trial", F::txt_service),
    ("book a demo", F::txt_service),
    ("request a demo", F::txt_service),
    ("get a demo", F::txt_service),
    ("contact sales", F::txt_service),
    ("contact us", F::txt_service),
    ("sign up", F::txt_service),
    ("learn more", F::txt_service),
    ("get a quote", F::txt_service),
    ("/month", F::txt_service),
    ("per month", F::txt_service),
    ("/mo", F::txt_service),
    ("read more", F::txt_listing),
    ("continue reading", F::txt_listing),
    ("load more", F::txt_listing),
    ("show more", F::txt_listing),
    ("older posts", F::txt_listing),
    ("view all", F::txt_listing),
    ("results", F::txt_listing),
    ("edit this page", F::txt_docs),
    ("on this page", F::txt_docs),
    ("table of contents", F::txt_docs),
    ("parameters", F::txt_docs),
    ("returns", F::txt_docs),
    ("example", F::txt_docs),
];

fn automaton(patterns: impl IntoIterator<Item = &'static str>) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .ok()
}

static CLASS_AC: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| automaton(CLASS_VOCABULARY.iter().map(|(p, _)| *p)));
static SOFTWARE_AC: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| automaton(SOFTWARE.iter().map(|(p, _)| *p)));
static CUE_AC: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| automaton(CUES.iter().map(|(p, _)| *p)));

/// The [`Group`] bits a class or id value holds.
fn class_groups(value: &str) -> u32 {
    let Some(ac) = CLASS_AC.as_ref() else {
        return 0;
    };
    let mut bits = 0u32;
    for m in ac.find_overlapping_iter(value) {
        if let Some(&(_, g)) = CLASS_VOCABULARY.get(m.pattern().as_usize()) {
            bits |= 1 << g as u8;
        }
    }
    bits
}

/// Sets the software features `text` names.
fn software(text: &str, out: &mut Features) {
    let Some(ac) = SOFTWARE_AC.as_ref() else {
        return;
    };
    for m in ac.find_overlapping_iter(text) {
        if let Some(&(_, f)) = SOFTWARE.get(m.pattern().as_usize()) {
            out.set(f, 1.0);
        }
    }
}

/// Texts longer than this (weighted characters) are no control or price.
const SHORT_TEXT: u32 = 40;
/// Unlinked characters from which a repeated item is a post.
const PROSE_ITEM_CHARS: u32 = 200;
/// Characters from which a paragraph is prose.
const LONG_PARAGRAPH_CHARS: u32 = 150;
/// Siblings from which a group counts as repeated.
const MIN_REPEAT: u32 = 3;
/// Distinct sibling kinds tracked per parent.
const MAX_KINDS: usize = 8;
/// JSON-LD read per script, bounding hostile input.
const MAX_SCRIPT_BYTES: usize = 1 << 20;

/// `ln(1 + n)`, the scale of every count feature.
fn log_count(n: u32) -> f32 {
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
fn ld_types(script: &str, out: &mut Features) {
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

/// Path words of each kind of page.
const FORUM_WORDS: &[&str] = &[
    "forum",
    "forums",
    "thread",
    "threads",
    "t",
    "topic",
    "topics",
    "community",
    "discussion",
    "discussions",
    "discuss",
    "board",
    "boards",
    "questions",
    "question",
    "viewtopic.php",
    "showthread.php",
    "comments",
];
const PRODUCT_WORDS: &[&str] = &["product", "products", "p", "dp", "item", "items", "gp"];
const COLLECTION_WORDS: &[&str] = &[
    "category",
    "categories",
    "collections",
    "collection",
    "c",
    "shop",
    "store",
    "catalog",
    "catalogue",
    "department",
    "brands",
    "brand",
    "product-category",
];
const LISTING_WORDS: &[&str] = &[
    "tag",
    "tags",
    "archive",
    "archives",
    "search",
    "author",
    "authors",
    "page",
    "courses",
    "jobs",
    "events",
    "results",
    "directory",
    "list",
    "lists",
];
const LISTING_LAST_WORDS: &[&str] = &[
    "blog",
    "news",
    "articles",
    "posts",
    "resources",
    "insights",
    "stories",
    "press",
];
const DOCS_WORDS: &[&str] = &[
    "docs",
    "doc",
    "documentation",
    "api",
    "reference",
    "manual",
    "guide",
    "guides",
    "tutorial",
    "tutorials",
    "wiki",
    "handbook",
    "kb",
    "knowledge-base",
    "knowledgebase",
    "sdk",
    "developer",
    "developers",
    "latest",
    "stable",
    "library",
];
const SERVICE_WORDS: &[&str] = &[
    "pricing",
    "plans",
    "features",
    "about",
    "about-us",
    "services",
    "service",
    "solutions",
    "solution",
    "contact",
    "contact-us",
    "platform",
    "enterprise",
    "integrations",
    "customers",
    "company",
    "partners",
    "industries",
    "use-cases",
    "demo",
    "security",
];
const ARTICLE_WORDS: &[&str] = &[
    "blog", "news", "article", "articles", "story", "stories", "post", "posts", "opinion", "press",
    "insights",
];

/// The URL's shape.
fn url_shape(url: &Url, out: &mut Features) {
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

/// Whether a short text holds a price: a currency sign or code next to a
/// number.
fn is_price(text: &str) -> bool {
    const SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₫', '฿'];
    const CODES: &[&str] = &[
        "usd", "eur", "gbp", "aud", "cad", "chf", "sek", "nok", "dkk", "pln", "kr", "zł",
    ];
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if text.contains(SIGNS) {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| CODES.contains(&w))
}

/// One kind of sibling under one parent: same tag, same class value.
#[derive(Debug, Clone, Copy)]
struct Kind<'a> {
    tag: Tag,
    class: &'a str,
    all: u32,
    linked: u32,
    card: u32,
    priced: u32,
    headed: u32,
    prose: u32,
    post: u32,
}

/// The one pass over the index.
fn structure(dom: &Dom<'_>, out: &mut Features) {
    let n = dom.nodes.len();
    let body = dom
        .nodes
        .iter()
        .position(|e| e.tag == Tag::Body)
        .unwrap_or(0);
    let Some(body_stats) = dom.stats.get(body).copied() else {
        return;
    };
    let mut class_of: Vec<&str> = vec![""; n];
    let mut groups_of: Vec<u32> = vec![0; n];
    let mut prices: Vec<u32> = vec![0; n];
    let mut cache: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
    let mut group_counts = [0u32; GROUP_FEATURES.len()];
    let mut cue_counts = [0u32; FEATURES];
    let mut tags = TagCounts::default();
    let (mut pre_end, mut li_end) = (0usize, 0usize);
    let (mut code_text, mut prose_text, mut heading_text, mut list_text) = (0u32, 0u32, 0u32, 0u32);
    let cues = CUE_AC.as_ref();
    for i in 0..n {
        let Some(entry) = dom.nodes.get(i) else { break };
        match entry.node.value() {
            Node::Element(el) => {
                let mut groups = 0u32;
                for (name, value) in &el.attrs {
                    let value: &str = value;
                    match name.local {
                        local_name!("class") => {
                            if let Some(slot) = class_of.get_mut(i) {
                                *slot = value;
                            }
                            groups |= *cache.entry(value).or_insert_with(|| class_groups(value));
                            if matches!(entry.tag, Tag::Html | Tag::Body) {
                                software(value, out);
                            }
                        }
                        local_name!("id") => groups |= class_groups(value),
                        local_name!("itemtype") => {
                            for t in value.split_whitespace() {
                                if let Some(f) = schema_feature(t) {
                                    out.set(f, 1.0);
                                }
                            }
                        }
                        local_name!("itemprop") if value.eq_ignore_ascii_case("price") => {
                            if let Some(p) = prices.get_mut(i) {
                                *p += 1;
                            }
                        }
                        local_name!("src") | local_name!("href")
                            if matches!(entry.tag, Tag::Script | Tag::Link) =>
                        {
                            software(value, out);
                        }
                        local_name!("content") if entry.tag == Tag::Meta => {
                            let generator = el.attrs.iter().any(|(k, v)| {
                                k.local == local_name!("name")
                                    && v.eq_ignore_ascii_case("generator")
                            });
                            if generator {
                                software(value, out);
                            }
                        }
                        local_name!("type") if entry.tag == Tag::Script => {
                            if crate::extract::text::contains_ignore_ascii_case(value, "ld+json") {
                                let text = dom
                                    .children(i)
                                    .filter_map(|c| dom.text(c))
                                    .next()
                                    .unwrap_or("");
                                if text.len() <= MAX_SCRIPT_BYTES {
                                    ld_types(text, out);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                if let Some(slot) = groups_of.get_mut(i) {
                    *slot = groups;
                }
                if entry.tag != Tag::Nav && entry.marks.boilerplate_role {
                    tags.navs += 1;
                }
                for (g, count) in group_counts.iter_mut().enumerate() {
                    *count += (groups >> g) & 1;
                }
                let stats = dom.stats.get(i).copied().unwrap_or_default();
                match entry.tag {
                    Tag::Pre if i >= pre_end => {
                        tags.pre += 1;
                        code_text += stats.text;
                        pre_end = entry.end as usize;
                    }
                    Tag::Code if i >= pre_end => {
                        tags.code += 1;
                        code_text += stats.text;
                        pre_end = entry.end as usize;
                    }
                    Tag::P
                        if stats.text >= LONG_PARAGRAPH_CHARS
                            && stats.link_text * 3 < stats.text =>
                    {
                        tags.long_paragraphs += 1;
                        prose_text += stats.text;
                    }
                    Tag::Li => {
                        tags.list_items += 1;
                        // Outermost items only: nested lists sum once.
                        if i >= li_end {
                            list_text += stats.text;
                            li_end = entry.end as usize;
                        }
                        if stats.text > 0 && stats.link_text * 2 > stats.text {
                            tags.linked_items += 1;
                        }
                    }
                    Tag::H1 => {
                        tags.h1 += 1;
                        heading_text += stats.text;
                    }
                    Tag::H2 | Tag::H3 => {
                        tags.h2_h3 += 1;
                        heading_text += stats.text;
                    }
                    Tag::H4 | Tag::H5 | Tag::H6 => {
                        tags.h4_h6 += 1;
                        heading_text += stats.text;
                    }
                    Tag::Nav => tags.navs += 1,
                    Tag::Table => tags.tables += 1,
                    Tag::Dl => tags.definition_lists += 1,
                    Tag::Article => tags.articles += 1,
                    Tag::Section => tags.sections += 1,
                    Tag::Time => tags.times += 1,
                    Tag::Input | Tag::Select | Tag::Textarea => {
                        tags.forms += 1;
                        if entry.tag == Tag::Textarea {
                            tags.textareas += 1;
                        }
                    }
                    Tag::Button => tags.buttons += 1,
                    _ => {}
                }
            }
            Node::Text(t) if entry.text_len > 0 && entry.text_len <= SHORT_TEXT => {
                let text: &str = &t.text;
                if is_price(text) {
                    if let Some(p) = prices.get_mut(i) {
                        *p += 1;
                    }
                    if let Some(count) = cue_counts.get_mut(F::txt_price as usize) {
                        *count += 1;
                    }
                }
                if let Some(ac) = cues {
                    // Each cue counts once per text.
                    let mut seen = 0u64;
                    for m in ac.find_overlapping_iter(text) {
                        let k = m.pattern().as_usize();
                        if seen & (1 << (k % 64)) != 0 {
                            continue;
                        }
                        seen |= 1 << (k % 64);
                        if let Some(c) = CUES
                            .get(k)
                            .and_then(|&(_, f)| cue_counts.get_mut(f as usize))
                        {
                            *c += 1;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // Prices summed over subtrees (children come after their parent).
    for i in (1..n).rev() {
        let parent = dom.nodes.get(i).map_or(NO_PARENT, |e| e.parent);
        let here = prices.get(i).copied().unwrap_or(0);
        if here > 0
            && parent != NO_PARENT
            && let Some(p) = prices.get_mut(parent as usize)
        {
            *p += here;
        }
    }
    let repeats = repeated_siblings(dom, &class_of, &groups_of, &prices);

    for (g, &count) in group_counts.iter().enumerate() {
        if let Some(&f) = GROUP_FEATURES.get(g) {
            out.set(f, log_count(count));
        }
    }
    for (k, &count) in cue_counts.iter().enumerate() {
        if count > 0
            && let Some(slot) = out.0.get_mut(k)
        {
            *slot = log_count(count);
        }
    }
    let carts = cue_counts.get(F::txt_cart as usize).copied().unwrap_or(0);
    out.flag(F::one_cart, (1..=3).contains(&carts));
    let priced = cue_counts.get(F::txt_price as usize).copied().unwrap_or(0);
    out.flag(F::many_prices, priced >= 8);
    let text = body_stats.text.max(1) as f32;
    out.set(F::text_total, log_count(body_stats.text));
    out.set(F::link_share, body_stats.link_text as f32 / text);
    out.set(F::long_paragraphs, log_count(tags.long_paragraphs));
    out.set(F::prose_share, (prose_text as f32 / text).min(1.0));
    out.set(F::paragraphs, log_count(body_stats.paragraphs));
    out.set(F::h1, log_count(tags.h1));
    out.set(F::h2_h3, log_count(tags.h2_h3));
    out.set(F::h4_h6, log_count(tags.h4_h6));
    out.set(F::heading_share, (heading_text as f32 / text).min(1.0));
    out.set(F::list_share, (list_text as f32 / text).min(1.0));
    out.set(F::navs, log_count(tags.navs));
    let headings = (tags.h2_h3 + tags.h4_h6) as f32;
    out.set(
        F::heading_per_prose,
        (headings * 1000.0 / (prose_text as f32 + 500.0)).min(20.0),
    );
    out.set(F::pre, log_count(tags.pre));
    out.set(F::code, log_count(tags.code));
    out.set(F::code_share, (code_text as f32 / text).min(1.0));
    out.set(F::list_items, log_count(tags.list_items));
    out.set(
        F::linked_items,
        tags.linked_items as f32 / tags.list_items.max(1) as f32,
    );
    out.set(F::tables, log_count(tags.tables));
    out.set(F::definition_lists, log_count(tags.definition_lists));
    out.set(F::articles, log_count(tags.articles));
    out.set(F::sections, log_count(tags.sections));
    out.set(F::times, log_count(tags.times));
    out.set(F::images, log_count(body_stats.images));
    out.set(F::forms, log_count(tags.forms));
    out.set(F::buttons, log_count(tags.buttons));
    out.set(F::textareas, log_count(tags.textareas));
    out.set(F::rep_linked, log_count(repeats.linked));
    out.set(F::rep_card, log_count(repeats.card));
    out.set(F::rep_priced, log_count(repeats.priced));
    out.set(F::rep_headed, log_count(repeats.headed));
    out.set(F::rep_prose, log_count(repeats.prose));
    out.set(F::rep_post, log_count(repeats.post));
}

/// Element counts of the pass.
#[derive(Debug, Default)]
struct TagCounts {
    pre: u32,
    code: u32,
    long_paragraphs: u32,
    list_items: u32,
    linked_items: u32,
    h1: u32,
    h2_h3: u32,
    h4_h6: u32,
    tables: u32,
    definition_lists: u32,
    articles: u32,
    sections: u32,
    times: u32,
    forms: u32,
    textareas: u32,
    buttons: u32,
    navs: u32,
}

/// The largest repeated sibling groups of the page, per kind of item.
#[derive(Debug, Default)]
struct Repeats {
    linked: u32,
    card: u32,
    priced: u32,
    headed: u32,
    prose: u32,
    post: u32,
}

/// Groups every element's element children by tag and class value and
/// keeps the largest groups (each node is visited once, as a child).
fn repeated_siblings(
    dom: &Dom<'_>,
    class_of: &[&str],
    groups_of: &[u32],
    prices: &[u32],
) -> Repeats {
    let post_bits =
        (1 << Group::Post as u8) | (1 << Group::Comment as u8) | (1 << Group::ForumSw as u8);
    let mut out = Repeats::default();
    let mut kinds: Vec<Kind<'_>> = Vec::with_capacity(MAX_KINDS);
    for (i, entry) in dom.nodes.iter().enumerate() {
        if !entry.is_element || entry.tag.is_never_text() || entry.end as usize <= i + 3 {
            continue;
        }
        kinds.clear();
        for c in dom.children(i) {
            let Some(child) = dom.nodes.get(c) else {
                continue;
            };
            if !child.is_element || child.tag.is_never_text() {
                continue;
            }
            let class = class_of.get(c).copied().unwrap_or("");
            let stats = dom.stats.get(c).copied().unwrap_or_default();
            let at = match kinds
                .iter()
                .position(|k| k.tag == child.tag && k.class == class)
            {
                Some(at) => at,
                None if kinds.len() < MAX_KINDS => {
                    kinds.push(Kind {
                        tag: child.tag,
                        class,
                        all: 0,
                        linked: 0,
                        card: 0,
                        priced: 0,
                        headed: 0,
                        prose: 0,
                        post: 0,
                    });
                    kinds.len() - 1
                }
                None => continue,
            };
            let Some(kind) = kinds.get_mut(at) else {
                continue;
            };
            let linked = stats.link_text > 0 && stats.text >= 10;
            kind.all += 1;
            kind.linked += u32::from(linked);
            kind.card += u32::from(linked && stats.images > 0);
            kind.priced += u32::from(prices.get(c).copied().unwrap_or(0) > 0);
            kind.headed += u32::from(linked && stats.headings > 0);
            kind.prose += u32::from(stats.text.saturating_sub(stats.link_text) >= PROSE_ITEM_CHARS);
            kind.post += u32::from(
                groups_of.get(c).copied().unwrap_or(0) & post_bits != 0 && stats.text >= 50,
            );
        }
        for k in &kinds {
            if k.all < MIN_REPEAT {
                continue;
            }
            let keep = |best: &mut u32, v: u32| {
                if v >= MIN_REPEAT && v > *best {
                    *best = v;
                }
            };
            keep(&mut out.linked, k.linked);
            keep(&mut out.card, k.card);
            keep(&mut out.priced, k.priced);
            keep(&mut out.headed, k.headed);
            keep(&mut out.prose, k.prose);
            keep(&mut out.post, k.post);
        }
    }
    out
}

#[cfg(test)]
mod tests;
