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
    "cookies",
    "disqus",
    "dfp",
    "footer",
    "gdpr",
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

// Byline labels. Four lists, side by side, not merged: each is matched its
// own way and their entries differ, so one list would change what is
// found. The outline's prefixes are plain text starts ("przez " is only
// there); the metadata's regular expression wants a separator or the end
// after a label and knows more labels ("written by", "redaktion", "기자");
// the author labels also match as a start ("author" finds "authors"); the
// lone labels match the whole text only. Keep them in step by hand when
// adding a language.

/// Byline prefixes the outline strips from a header line before it counts
/// as a byline ("By Jane Doe", "文/李明"), compared case-insensitively at
/// the start of the text (outline stage).
pub const BYLINE_PREFIXES: &[&str] = &[
    "by ",
    "von ",
    "por ",
    "par ",
    "door ",
    "di ",
    "av ",
    "af ",
    "przez ",
    "автор",
    "文/",
    "記者",
    "记者",
    "作者：",
    "作者:",
];

/// The byline labels in front of author names, as a regular expression
/// (case-insensitive, `x` mode) matched at the start of a byline: English
/// verbs ("written by", "photos by"), "by" in European languages, "author"
/// and "text" words, and the CJK and Korean reporter labels with their
/// separators (metadata stage, `metadata/authors.rs`).
pub const BYLINE_LABEL_PATTERN: &str = r"(?ix)^(?:
            (?:written|posted|reported|authored|words|text|story|article|photos?|edited|compiled)\s+by
          | by | von | por | par | от | (?-i:di|door|av|af|od)
          | autor(?:in|a)? | authors? | auteure? | autore | redaktion | redaktor | texto? | texte
          | автор | текст | yazar | escrito\s+por | publicado\s+por | verfasst\s+von
        )(?:\s*[:：]?\s+|\s*[:：]?\s*$)
        | ^(?:文|图|圖)\s*[/／|｜:：]\s*
        | ^(?:撰文|作者|记者|記者|编辑|編輯|责编|責編|기자)\s*[/／|｜:：]?\s*";

/// Labels that announce an author in a label/value pair (a Twitter card's
/// `twitter:label1` "Written by"), compared in lower case as the whole
/// label or its start (metadata stage).
pub const AUTHOR_LABELS: &[&str] = &[
    "written by",
    "author",
    "autor",
    "auteur",
    "escrito por",
    "verfasst von",
    "by",
];

/// A byline label standing alone in its node, the name in the next one
/// ("By <!-- -->Jane"), compared in lower case as the whole trimmed text
/// (metadata stage).
pub const LONE_BYLINE_LABELS: &[&str] = &[
    "by",
    "by:",
    "von",
    "por",
    "par",
    "written by",
    "posted by",
    "article by",
];
