//! Every word list and label set the heuristics match on, as data only:
//! class/id tokens and fragments, ARIA roles, caption, credit and byline
//! labels, the data attributes lazy loaders use. Each says which stage
//! uses it and, where it was taken from another project, where from; lists
//! without a source are lede's own, grown on real pages.
//!
//! How the lists are matched (tokens, fragments, prefixes) is
//! [`super::matching`]: class and id values are split into lower-case
//! tokens at every non-alphanumeric character and at lower-to-upper case
//! changes (`relatedArticles` gives `related`, `articles`), and tokens are
//! compared whole, so `ad` does not match `header` or `shadow`; fragments
//! are ASCII case-insensitive substrings.
//!
//! The language tables of dates (month and weekday names, relative-date
//! words) live with the date parser in [`super::dates`]; the page-type
//! classifier's evidence words with its weights in [`super::page_type`].

use LabelGrammar::{Credit, OutlineOnly, Reporter, Word, WordCaseSensitive};

/// Tokens of class/id values that mark boilerplate containers (clean stage).
/// From Readability's `unlikelyCandidates` and trafilatura's discard XPaths.
pub const BOILERPLATE_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "adwrapper",
    "advert",
    "advertisement",
    "advertising",
    "advertorial",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "commentlist",
    "consent",
    "cookie",
    "cookiebot",
    "cookies",
    "didomi",
    "disqus",
    "dfp",
    "footer",
    "gdpr",
    "onetrust",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "newsletters",
    "outbrain",
    "overlay",
    "pagination",
    "pager",
    "popular",
    "popup",
    "promo",
    "promos",
    "promotion",
    "promoted",
    "recirc",
    "recirculation",
    "recommendation",
    "recommendations",
    "recommended",
    "related",
    "relatedposts",
    "share",
    "sharebar",
    "shares",
    "sharing",
    "sidebar",
    "signup",
    "skiplink",
    "social",
    "sociallinks",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tagcloud",
    "tags",
    "toolbar",
    "settings",
    "usercentrics",
    "trending",
    "widget",
    "widgets",
    "mostread",
    "mostpopular",
    "readmore",
    "jump",
    "paywall",
    "print",
    "rss",
    "login",
    "signin",
    "follow",
    "byline",
    "author",
    "bio",
    "dateline",
    "timestamp",
    "meta",
    "metadata",
];

/// Tokens of class/id values that make a container boilerplate on listing
/// and collection pages only (clean stage, through their profiles): the
/// filters and facets, sort bars, result counts and view switches around
/// the repeated items. WooCommerce (`woocommerce-ordering`,
/// `woocommerce-result-count`), Shopify themes (`facets`,
/// `collection-filters`, `sort-by`), Magento (`toolbar-products`,
/// `filter-options`) and WordPress archive widgets use them; on articles
/// they would match too much (`sort` of a sortable table).
pub const LISTING_CHROME_TOKENS: &[&str] = &[
    "filter",
    "filters",
    "facet",
    "facets",
    "refine",
    "refinement",
    "refinements",
    "sort",
    "sorting",
    "sortby",
    "ordering",
    "orderby",
    "toolbar",
    "count",
    "viewmode",
    "layered",
];

/// Tokens of class/id values that name a post's parts: on forum pages
/// (through the forum profile) they no longer make a container
/// boilerplate. Besides the comment names, the author, date and meta marks
/// every post of phpBB, vBulletin, XenForo, Invision and Discourse carries.
pub const POST_MARK_TOKENS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "author",
    "byline",
    "timestamp",
    "dateline",
    "meta",
    "metadata",
    "bio",
];

/// Tokens of class/id values that name a service page's parts: on service
/// pages (through their profile) they no longer make a container
/// boilerplate. A marketing page opens with its pitch in a hero `banner`
/// (`hero-banner`, `page-banner`, Flatsome's and Divi's banner blocks),
/// where on an article a banner is an ad or a promotion. Measured on the
/// development service pages: 16 gained, 10 lost (mostly a closing
/// call-to-action banner the pages' truth leaves out).
pub const SERVICE_PART_TOKENS: &[&str] = &["banner"];

/// Tokens of class/id values that name a listing item's parts: on listing
/// and collection pages (through their profiles) they no longer make a
/// container boilerplate. Bootstrap's thumbnails hold their text in a
/// `caption`, preprint and catalogue listings put each entry's details in
/// `meta`, charts list their entries in a `metadata-list`, shops and
/// page builders make each card of a grid a `widget` (a sale's
/// `SaleWidget`), and publishing platforms name a category page's story
/// lists for recirculation (Dotdash Meredith's Mantle writes
/// `tax-sc__recirc-list-container`, Vox Media's Duet
/// `duet--recirculation--breaker`). (`promo` is not here: it names a shop's promotion bar
/// as often as a news CMS's teaser, and measured it cost more than it
/// gave.)
pub const LISTING_ITEM_TOKENS: &[&str] = &[
    "caption",
    "captions",
    "meta",
    "metadata",
    "widget",
    "recirc",
    "recirculation",
];

/// Tokens of class/id values that make a container boilerplate on product
/// pages only (clean stage, through the product profile): the carousels of
/// other products. WooCommerce (`upsells`, `cross-sells`, `related
/// products`), Shopify (`product-recommendations`, `complementary`),
/// Magento (`block-related`, `block-upsell`, `crosssell`) and the "recently
/// viewed" blocks of all three.
pub const PRODUCT_RECOMMENDATION_TOKENS: &[&str] = &[
    "upsell",
    "upsells",
    "crosssell",
    "crosssells",
    "sells",
    "complementary",
    "recently",
    "viewed",
    "carousel",
];

/// Tokens of class/id values that make a container boilerplate on forum
/// threads only (clean stage, through the forum profile): the signatures
/// under each post, which repeat on every post of a member. phpBB and
/// vBulletin (`signature`), XenForo (`message-signature`), Invision
/// (`ipsSignature`) and boards that write `sig`.
pub const FORUM_CHROME_TOKENS: &[&str] = &["signature", "signatures", "sig"];

/// Tokens of class/id values of image captions and credits: kept out of the
/// body text (the figures stage still reads them inside figures).
pub const CAPTION_BODY_TOKENS: &[&str] = &[
    "caption",
    "captions",
    "figcaption",
    "imagecaption",
    "photocaption",
    "credit",
    "credits",
    "photocredit",
    "imagecredit",
    "copyright",
];

/// Phrases that open boilerplate blocks and headings (outline stage):
/// related-story and follow-us prompts. Compared case-insensitively at the
/// start of short blocks, followed by a non-letter or the end.
pub const BOILERPLATE_PHRASES: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "more from",
    "more stories",
    "more on this",
    "more great",
    "you may also like",
    "you might also like",
    "you may like",
    "if you liked this",
    "if you enjoyed this",
    "recommended",
    "read more",
    "read next",
    "read also",
    "also read",
    "see also",
    "don't miss",
    "dont miss",
    "most popular",
    "most read",
    "trending",
    "latest news",
    "sign up",
    "subscribe",
    "follow us",
    "follow @",
    "share this",
    "share on",
    "like this story",
    "advertisement",
    "advert",
    "sponsored",
    "comments",
    "leave a comment",
    "leave a reply",
    "tags",
    "filed under",
    "newsletter",
    "have a tip",
    "also on",
    "image copyright",
    "image caption",
    "media playback",
    "explore further",
    "leia também",
    "leia mais",
    "veja também",
    "você pode gostar",
    "lesen sie auch",
    "mehr zum thema",
    "à lire aussi",
    "lire aussi",
    "ver también",
    "te puede interesar",
    "leggi anche",
    "相关阅读",
    "相关文章",
    "推荐阅读",
    "延伸阅读",
    "関連記事",
    "관련기사",
    "читайте также",
];

/// Tokens of class/id values of embedded posts quoted by the article
/// (tweets, Instagram posts): never boilerplate, even beside `social`.
pub const EMBED_TOKENS: &[&str] = &["embed", "embedded", "tweet", "instagram", "blockquote"];

/// Tokens that mark the article body (clean stage scoring bonus).
pub const CONTENT_TOKENS: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "prose",
    "story",
    "text",
    "richtext",
    "blog",
    "column",
];

/// Tokens of class/id values of disclosure panels: the collapsed answers of
/// an FAQ accordion, the closed panes of a tab set, an expander's rest
/// (Bootstrap's `collapse` and `tab-pane`, jQuery UI's and Adobe AEM's
/// `accordion`, Chakra UI's `chakra-collapse`, Amazon's `a-expander`).
/// Their text is one click away, part of the page (clean stage: such a
/// panel hidden by `hidden`, `aria-hidden` or `display:none` is not hidden
/// from readers).
pub const DISCLOSURE_TOKENS: &[&str] = &[
    "accordion",
    "accordian",
    "collapse",
    "collapsible",
    "expander",
    "expandable",
    "tab",
    "tabs",
    "tabbed",
    "tabpanel",
    "tabpane",
    "pane",
    "faq",
    "answer",
];

/// Tokens of class/id values that name a cookie or consent layer, the
/// generic words and the consent platforms' own (OneTrust's
/// `onetrust-consent-sdk`, Cookiebot's `CybotCookiebotDialog`, Didomi's
/// `didomi-host`, Usercentrics' `usercentrics-root`). Such a layer is
/// boilerplate however much text it holds: a preference centre's purpose
/// descriptions can outweigh a short forum thread (clean stage). Each is
/// also in [`BOILERPLATE_TOKENS`].
pub const CONSENT_TOKENS: &[&str] = &[
    "consent",
    "cookie",
    "cookies",
    "cookiebot",
    "didomi",
    "gdpr",
    "onetrust",
    "usercentrics",
];

/// ARIA roles of regions that are never the article body.
pub const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "toolbar",
    "tablist",
    "alert",
];

/// Tokens of class/id values of byline elements (outline stage).
pub const BYLINE_TOKENS: &[&str] = &["byline", "author", "authors", "writer", "contributor"];

/// Tokens of class/id/data-testid values of captions (figures stage).
pub const CAPTION_TOKENS: &[&str] = &["caption", "figcaption", "legend", "description", "desc"];

/// Tokens of class/id values of image credits (figures stage).
pub const CREDIT_TOKENS: &[&str] = &[
    "credit",
    "credits",
    "copyright",
    "photographer",
    "source",
    "attribution",
    "courtesy",
];

/// Labels that introduce an image credit, in many languages; stripped from
/// the credit (figures stage). Compared case-insensitively at the start.
pub const CREDIT_LABELS: &[&str] = &[
    "图像来源",
    "圖像來源",
    "图片来源",
    "圖片來源",
    "图片来源",
    "来源",
    "來源",
    "image source",
    "image copyright",
    "image credit",
    "photo credit",
    "picture credit",
    "photograph",
    "photo",
    "picture",
    "credit",
    "source",
    "copyright",
    "foto",
    "fotos",
    "bild",
    "bildquelle",
    "fuente de la imagen",
    "fuente",
    "crédito",
    "créditos",
    "source de l'image",
    "crédit",
    "crédits",
    "fonte da imagem",
    "fonte",
    "источник изображения",
    "фото",
    "источник",
    "이미지 출처",
    "사진",
    "画像提供",
    "画像",
    "写真",
    "nguồn hình ảnh",
    "sumber gambar",
    "kaynak",
    "görsel kaynağı",
    "مصدر الصورة",
    "منبع تصویر",
    "स्रोत",
    "تصویر کا ذریعہ",
    "©",
    "(c)",
];

/// Labels that introduce a caption for screen readers; stripped from captions.
pub const CAPTION_LABELS: &[&str] = &[
    "图像加注文字",
    "圖像加註文字",
    "image caption",
    "caption",
    "pie de foto",
    "légende",
    "legenda",
    "подпись к фото",
    "bildunterschrift",
];

/// Attributes lazy loaders keep the real image source in, most specific
/// first (figures stage).
pub const LAZY_SRC_ATTRS: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-src",
    "data-actualsrc",
    "data-img-src",
];
/// Attributes lazy loaders keep the real srcset in (figures stage).
pub const LAZY_SRCSET_ATTRS: &[&str] = &["data-srcset", "data-lazy-srcset", "data-original-set"];
/// The test-id attribute some sites name captions by (figures stage).
pub const DATA_TESTID: &str = "data-testid";

/// The attribute ai2html (the chart exporter of the New York Times and
/// many newsrooms) sets on each artboard made for screens up to a width:
/// a narrower copy of the same graphic as the artboard without it.
pub const DATA_MAX_WIDTH: &str = "data-max-width";

/// The attributes highlighters (Hugo, Docsy, some Prism setups) put a
/// code block's language in; the outline's code blocks read them.
pub const DATA_LANG_ATTRS: &[&str] = &["data-lang", "data-language"];

/// Class/id fragments of byline elements (metadata stage): substrings, not
/// tokens (`postAuthorName`, `article__byline`).
pub const BYLINE_NAME_FRAGMENTS: &[&str] = &["byline", "author", "writer"];
/// Fragments that make a byline-named element something else: an avatar,
/// an author box with a biography, a comment's author.
pub const NOT_BYLINE_NAME_FRAGMENTS: &[&str] = &[
    "comment", "avatar", "image", "img", "photo", "bio", "desc", "about", "more", "box",
];
/// Class fragments that widely used software puts on the element holding
/// just the name of a post's or an article's author (metadata stage):
/// `username` (XenForo's and phpBB's `a.username`, phpBB's
/// `username-coloured`, vBulletin 3's `bigusername`, Invision's
/// `ipsUsername`), Flarum's `PostUser-name` and Elementor's author-box
/// widget (`elementor-author-box__name`). The first one on a forum thread
/// is its starter's. Source: the markup of those programs.
pub const POSTER_NAME_FRAGMENTS: &[&str] = &["username", "postuser-name", "author-box__name"];
/// Class fragments of elements holding a visible date (metadata stage).
///
/// No `timestamp`: "time" already finds it, and "times" below excludes it
/// (a `timestamp` class is not a date name, as it never was).
pub const DATE_NAME_FRAGMENTS: &[&str] = &["date", "time", "publish", "posted"];
/// Fragments that make a date-named element something else.
pub const NOT_DATE_NAME_FRAGMENTS: &[&str] =
    &["update", "runtime", "timeline", "datepicker", "times"];
/// Class or id fragments of paywall containers and subscription walls
/// (flags stage).
pub const PAYWALL_FRAGMENTS: &[&str] = &[
    "paywall",
    "pay-wall",
    "regwall",
    "subscriber-only",
    "subscribers-only",
    "premium-content",
    "content-locked",
    "article-locked",
    "locked-content",
    "piano-offer",
];
/// Class fragments of the standfirst (dek) printed under a headline
/// (metadata stage): newspaper terms ("dek", "standfirst", "strapline"),
/// theme names ("subtitle", "sub-headline", "summary", "lede") and the
/// post-excerpt widget of WordPress page builders (Elementor's
/// `elementor-widget-theme-post-excerpt`). Read only just after the `h1`.
pub const DEK_FRAGMENTS: &[&str] = &[
    "dek",
    "standfirst",
    "strapline",
    "subtitle",
    "subheadline",
    "sub-headline",
    "subhead",
    "summary",
    "lede",
    "post-excerpt",
];
/// Class fragments of pagination blocks, whose links may say "next" (flags
/// stage).
pub const PAGINATION_FRAGMENTS: &[&str] = &["pagination", "pager", "page-nav", "paging"];

/// Words that label a date as an update, in the supported languages,
/// matched as lower-case substrings of a date element's class, id,
/// `itemprop` and `name`, its text and the text before it (metadata
/// stage, `metadata/markup/element.rs`).
pub const MODIFIED_WORDS: &[&str] = &[
    "updat",
    "modif",
    "edited",
    "revised",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "mise à jour",
    "actualiz",
    "atualiz",
    "aggiornat",
    "bijgewerkt",
    "обновл",
    "更新",
    "修改",
    "업데이트",
    "수정",
];
/// Words that label a date as the publication date, matched as
/// [`MODIFIED_WORDS`] are and after them (metadata stage).
pub const PUBLISHED_WORDS: &[&str] = &[
    "publi",
    "posted",
    "pubdate",
    "veröffentlicht",
    "erschienen",
    "发布",
    "發布",
    "發佈",
    "公開",
    "опубликован",
    "créé",
    "creado",
    "date-created",
    "datecreated",
];

// Byline labels: one table, the source of truth for the three stages that
// read labels. Each entry says how the metadata stage matches it (its
// regular expression is built from the table, in the table's order), the
// forms the outline strips from a header line, and whether it announces
// an author in a label/value pair. The three uses stay different matches
// on purpose, and unifying them would change what is found: the metadata
// grammar wants a separator or the end after a word label and knows the
// CJK credit and reporter words; the outline strips plain case-insensitive
// text starts (cheap, on every header paragraph), so it takes only the
// forms listed; a pair label matches as the start of the label ("author"
// finds "authors"). A label standing alone in its node ("By <!-- -->Jane")
// needs no list of its own: the metadata grammar takes a label followed by
// the end. Source: lede's own, grown on real pages.

/// How the metadata stage (`metadata/authors.rs`) matches a byline label
/// at the start of a byline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelGrammar {
    /// Words, case-insensitive, then a separator (spaces, `:`) or the end:
    /// "By Jane", "Autor: Jane", "By" alone. A space in the label stands
    /// for any run of white space.
    Word,
    /// The same, lower case only: short words that are also names or
    /// abbreviations when capitalised ("Di Maria", "OD").
    WordCaseSensitive,
    /// A CJK credit character, then a required separator (`/`, `|`, `:`,
    /// full-width or not): "文/李明", "图：".
    Credit,
    /// A CJK or Korean reporter word, its separator optional: "记者 王明",
    /// "기자".
    Reporter,
    /// Not a metadata label: only the outline strips it.
    OutlineOnly,
}

/// One byline label and where it is matched.
#[derive(Debug, Clone, Copy)]
pub struct BylineLabel {
    /// The label, lower case, without its separator.
    pub label: &'static str,
    /// The languages it is written in.
    pub languages: &'static str,
    /// How the metadata stage matches it.
    pub metadata: LabelGrammar,
    /// The forms the outline strips from the start of a header line before
    /// it counts as a byline, separator included, compared
    /// case-insensitively (outline stage, `outline/header.rs`); none where
    /// the outline does not strip it.
    pub outline_prefixes: &'static [&'static str],
    /// Whether it announces an author as the label of a label/value pair (a
    /// Twitter card's `twitter:label1` "Written by"), compared in lower
    /// case as the start of the label (metadata stage).
    pub pair: bool,
}

/// Every byline label, in the order the metadata grammar tries them: a
/// longer label before a shorter one it starts with ("text by" before
/// "text"), the word labels, then the credit characters, then the
/// reporter words.
#[rustfmt::skip]
pub const BYLINE_LABELS: &[BylineLabel] = &[
    byline("written by", "English", Word, &[], true),
    byline("posted by", "English", Word, &[], false),
    byline("reported by", "English", Word, &[], false),
    byline("authored by", "English", Word, &[], false),
    byline("words by", "English", Word, &[], false),
    byline("text by", "English", Word, &[], false),
    byline("story by", "English", Word, &[], false),
    byline("article by", "English", Word, &[], false),
    byline("photo by", "English", Word, &[], false),
    byline("photos by", "English", Word, &[], false),
    byline("edited by", "English", Word, &[], false),
    byline("compiled by", "English", Word, &[], false),
    byline("started by", "English", Word, &[], false),
    byline("by", "English", Word, &["by "], true),
    byline("von", "German", Word, &["von "], false),
    byline("por", "Spanish, Portuguese", Word, &["por "], false),
    byline("par", "French", Word, &["par "], false),
    byline("от", "Russian", Word, &[], false),
    byline("di", "Italian", WordCaseSensitive, &["di "], false),
    byline("door", "Dutch", WordCaseSensitive, &["door "], false),
    byline("av", "Swedish, Norwegian", WordCaseSensitive, &["av "], false),
    byline("af", "Danish", WordCaseSensitive, &["af "], false),
    byline("od", "Polish, Czech", WordCaseSensitive, &[], false),
    byline("autor", "German, Spanish, Portuguese, Polish", Word, &[], true),
    byline("autorin", "German", Word, &[], false),
    byline("autora", "Spanish, Portuguese", Word, &[], false),
    byline("author", "English", Word, &[], true),
    byline("authors", "English", Word, &[], false),
    byline("contributors", "English", Word, &[], false),
    byline("contributor", "English", Word, &[], false),
    byline("auteur", "French", Word, &[], true),
    byline("auteure", "French", Word, &[], false),
    byline("autore", "Italian", Word, &[], false),
    byline("redaktion", "German, Swedish", Word, &[], false),
    byline("redaktor", "German, Polish", Word, &[], false),
    byline("text", "German, English", Word, &[], false),
    byline("texto", "Spanish, Portuguese", Word, &[], false),
    byline("texte", "French", Word, &[], false),
    byline("автор", "Russian, Ukrainian", Word, &["автор"], false),
    byline("текст", "Russian", Word, &[], false),
    byline("yazar", "Turkish", Word, &[], false),
    byline("escrito por", "Spanish", Word, &[], true),
    byline("publicado por", "Spanish, Portuguese", Word, &[], false),
    byline("verfasst von", "German", Word, &[], true),
    byline("przez", "Polish", OutlineOnly, &["przez "], false),
    byline("文", "Chinese (\"text\")", Credit, &["文/"], false),
    byline("图", "Chinese (\"picture\")", Credit, &[], false),
    byline("圖", "Chinese, traditional (\"picture\")", Credit, &[], false),
    byline("撰文", "Chinese (\"written\")", Reporter, &[], false),
    byline("作者", "Chinese (\"author\")", Reporter, &["作者：", "作者:"], false),
    byline("记者", "Chinese (\"reporter\")", Reporter, &["记者"], false),
    byline("記者", "Chinese, traditional; Japanese (\"reporter\")", Reporter, &["記者"], false),
    byline("编辑", "Chinese (\"editor\")", Reporter, &[], false),
    byline("編輯", "Chinese, traditional (\"editor\")", Reporter, &[], false),
    byline("责编", "Chinese (\"editor in charge\")", Reporter, &[], false),
    byline("責編", "Chinese, traditional (\"editor in charge\")", Reporter, &[], false),
    byline("기자", "Korean (\"reporter\")", Reporter, &[], false),
];

/// A [`BYLINE_LABELS`] entry: label, languages, metadata grammar, outline
/// prefixes, pair label.
const fn byline(
    label: &'static str,
    languages: &'static str,
    metadata: LabelGrammar,
    outline_prefixes: &'static [&'static str],
    pair: bool,
) -> BylineLabel {
    BylineLabel {
        label,
        languages,
        metadata,
        outline_prefixes,
        pair,
    }
}
