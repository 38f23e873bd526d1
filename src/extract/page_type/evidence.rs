//! The vocabulary the page-type features match, as data: schema.org type
//! names, class and id fragments (with the software each belongs to),
//! software markers, short visible texts, URL path words and currencies.
//! Each list says where it comes from; nothing names a site.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

use super::{F, Features};

/// Schema.org type names and the feature each one sets.
pub(super) const SCHEMA_TYPES: &[(&str, F)] = &[
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
pub(super) fn schema_feature(name: &str) -> Option<F> {
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
pub(crate) enum Group {
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
pub(super) const GROUP_FEATURES: [F; 17] = [
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

pub(crate) const CLASS_VOCABULARY: &[(&str, Group)] = &[
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
    // Lemmy (its comment tree, and the author of every post and comment).
    ("comment-node", Group::ForumSw),
    ("person-listing", Group::ForumSw),
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
pub(super) const SOFTWARE: &[(&str, F)] = &[
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
pub(super) const CUES: &[(&str, F)] = &[
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

/// A case-insensitive automaton for overlapping search. A DFA: the lists are
/// small, so its tables are too, and it runs every class and id of every
/// page, where the default (a contiguous NFA) cost three times as much.
fn automaton(patterns: impl IntoIterator<Item = &'static str>) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .ok()
}

pub(super) static SOFTWARE_AC: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| automaton(SOFTWARE.iter().map(|(p, _)| *p)));
pub(super) static CUE_AC: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| automaton(CUES.iter().map(|(p, _)| *p)));

/// Sets the software features `text` names.
pub(super) fn software(text: &str, out: &mut Features) {
    let Some(ac) = SOFTWARE_AC.as_ref() else {
        return;
    };
    for m in ac.find_overlapping_iter(text) {
        if let Some(&(_, f)) = SOFTWARE.get(m.pattern().as_usize()) {
            out.set(f, 1.0);
        }
    }
}

/// Path words of each kind of page.
pub(super) const FORUM_WORDS: &[&str] = &[
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
pub(super) const PRODUCT_WORDS: &[&str] =
    &["product", "products", "p", "dp", "item", "items", "gp"];
pub(super) const COLLECTION_WORDS: &[&str] = &[
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
pub(super) const LISTING_WORDS: &[&str] = &[
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
pub(super) const LISTING_LAST_WORDS: &[&str] = &[
    "blog",
    "news",
    "articles",
    "posts",
    "resources",
    "insights",
    "stories",
    "press",
];
pub(super) const DOCS_WORDS: &[&str] = &[
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
pub(super) const SERVICE_WORDS: &[&str] = &[
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
pub(super) const ARTICLE_WORDS: &[&str] = &[
    "blog", "news", "article", "articles", "story", "stories", "post", "posts", "opinion", "press",
    "insights",
];

/// Whether a short text holds a price: a currency sign or code next to a
/// number.
pub(super) fn is_price(text: &str) -> bool {
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
