//! Vocabularies the heuristics match on (class/id tokens, roles, labels), in
//! one place, grouped by the stage that uses them.
//!
//! Class and id values are split into lower-case tokens at every
//! non-alphanumeric character and at lower-to-upper case changes
//! (`relatedArticles` gives `related`, `articles`), and tokens are compared
//! whole, so `ad` does not match `header` or `shadow`.

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
    "click here",
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

/// Splits a class or id value into lower-case tokens (see the module docs).
pub fn tokens(value: &str) -> impl Iterator<Item = String> + '_ {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !current.is_empty() {
                parts.push(std::mem::take(&mut current));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            current.extend(c.to_lowercase());
        } else {
            if !current.is_empty() {
                parts.push(std::mem::take(&mut current));
            }
            prev_lower = false;
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts.into_iter()
}

/// Whether any token of `value` is in `vocabulary`.
pub fn has_token(value: &str, vocabulary: &[&str]) -> bool {
    tokens(value).any(|t| vocabulary.contains(&t.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_case_and_punctuation() {
        let t: Vec<String> = tokens("relatedArticles post_meta-box").collect();
        assert_eq!(t, ["related", "articles", "post", "meta", "box"]);
    }

    #[test]
    fn whole_tokens_only() {
        assert!(has_token("top-ad", BOILERPLATE_TOKENS));
        assert!(!has_token("header shadow", BOILERPLATE_TOKENS));
        assert!(has_token("articleBody", CONTENT_TOKENS));
    }
}
