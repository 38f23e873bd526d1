//! JSON-LD: the article object among the page's
//! `<script type="application/ld+json">` blocks, read leniently (trailing
//! commas, raw control characters and HTML comment wrappers are repaired),
//! with `@graph`, top-level arrays, `mainEntity` and `@id` references
//! followed.

use std::collections::HashMap;

use scraper::ElementRef;

use crate::extract::attr::{self, local_name};
use crate::extract::dom::{Dom, Tag};
use crate::extract::text::contains_ignore_ascii_case;
use serde_json::{Map, Value};

/// Scripts larger than this are data dumps, not article metadata.
const MAX_SCRIPT_BYTES: usize = 2 * 1024 * 1024;
/// Objects visited per page, bounding the work on hostile input.
const MAX_OBJECTS: usize = 5_000;

/// Schema.org types that describe an article (the `Article` family and the
/// postings that carry one).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AskPublicNewsArticle",
    "SatiricalArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "Report",
    "Review",
    "HowTo",
    "Recipe",
];

/// Types of an author that is not a person.
const ORGANIZATION_TYPES: &[&str] = &[
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "LocalBusiness",
    "EducationalOrganization",
    "GovernmentOrganization",
    "MedicalOrganization",
    "NGO",
    "WebSite",
    "Brand",
];

/// Page types whose fields fill what the article object lacks.
const PAGE_TYPES: &[&str] = &[
    "WebPage",
    "ItemPage",
    "AboutPage",
    "FAQPage",
    "QAPage",
    "ProfilePage",
    "CollectionPage",
    "MedicalWebPage",
    "VideoObject",
];

/// An author as JSON-LD gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct LdAuthor {
    /// The name as written (may still hold several names).
    pub(super) name: String,
    /// The author's page.
    pub(super) url: Option<String>,
    /// Typed as an organisation rather than a person.
    pub(super) is_organization: bool,
    /// `jobTitle`, if given.
    pub(super) role: Option<String>,
}

/// The fields metadata takes from JSON-LD.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct JsonLd {
    /// Whether an object of an article type was found.
    pub(super) is_article: bool,
    /// The type of the article object, else of the first typed object that
    /// is not a site, organisation, breadcrumb or person.
    pub(super) main_type: Option<String>,
    /// `isAccessibleForFree` of the article object, when declared
    /// (boolean or the strings `"True"`/`"False"`).
    pub(super) is_accessible_for_free: Option<bool>,
    /// `headline` (or `name`) of the article object.
    pub(super) headline: Option<String>,
    /// `description`.
    pub(super) description: Option<String>,
    /// `datePublished`.
    pub(super) date_published: Option<String>,
    /// `dateModified`.
    pub(super) date_modified: Option<String>,
    /// `dateCreated` or `uploadDate`.
    pub(super) date_created: Option<String>,
    /// Authors in order.
    pub(super) authors: Vec<LdAuthor>,
    /// `publisher.name`.
    pub(super) publisher: Option<String>,
    /// The `WebSite` object's name.
    pub(super) website_name: Option<String>,
    /// `keywords`, split.
    pub(super) keywords: Vec<String>,
    /// The first `image` URL.
    pub(super) image: Option<String>,
    /// `inLanguage`.
    pub(super) language: Option<String>,
    /// `url` or `mainEntityOfPage`.
    pub(super) url: Option<String>,
    /// The body text the blocks carry, for the structured-data fallback.
    pub(super) structured_text: Option<crate::extract::fallback::StructuredText>,
}

/// Reads every JSON-LD block of the document.
pub(super) fn collect(dom: &Dom<'_>) -> JsonLd {
    let mut values = Vec::new();
    let scripts = (0..dom.nodes.len()).filter(|&i| {
        dom.nodes.get(i).is_some_and(|n| n.tag == Tag::Script)
            && dom
                .element(i)
                .and_then(|el| attr::get(el, &local_name!("type")))
                .is_some_and(|t| contains_ignore_ascii_case(t, "ld+json"))
    });
    for i in scripts {
        let Some(script) = dom.nodes.get(i).and_then(|n| ElementRef::wrap(n.node)) else {
            continue;
        };
        let text: String = script.text().collect();
        if text.len() <= MAX_SCRIPT_BYTES {
            values.extend(parse_lenient(&text));
        }
    }
    let mut ld = from_values(&values);
    ld.structured_text = crate::extract::fallback::structured_text(&values);
    ld
}

/// Parses one script's text, repairing the usual breakage when the strict
/// parse fails. Never panics; gives nothing when the text is beyond repair.
pub(super) fn parse_lenient(text: &str) -> Vec<Value> {
    let text = strip_wrappers(text);
    if let Some(values) = parse_stream(text) {
        return values;
    }
    parse_stream(&repair(text)).unwrap_or_default()
}

/// Removes `<!-- -->` and `<![CDATA[ ]]>` wrappers.
fn strip_wrappers(text: &str) -> &str {
    let mut t = text.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        t = t.strip_prefix(prefix).unwrap_or(t).trim_start();
    }
    for suffix in ["-->", "//]]>", "]]>"] {
        t = t.strip_suffix(suffix).unwrap_or(t).trim_end();
    }
    t
}

/// All values of a possibly concatenated stream (`{...}{...}`); `None` when
/// the first one fails. serde_json bounds nesting itself (128 levels).
fn parse_stream(text: &str) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        match value {
            Ok(v) => out.push(v),
            Err(_) if out.is_empty() => return None,
            Err(_) => break,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Replaces raw control characters with spaces (valid both inside and
/// outside strings) and drops commas before a closing bracket.
fn repair(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut pending_comma = false;
    for c in text.chars() {
        let c = if c.is_control() { ' ' } else { c };
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if pending_comma {
            if c.is_whitespace() {
                continue;
            }
            if c != '}' && c != ']' {
                out.push(',');
            }
            pending_comma = false;
        }
        match c {
            ',' => pending_comma = true,
            '"' => {
                in_string = true;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The `@type` names of an object, without a schema.org prefix.
fn types(obj: &Map<String, Value>) -> Vec<&str> {
    fn one(v: &Value) -> Option<&str> {
        v.as_str().map(|s| s.rsplit(['/', ':']).next().unwrap_or(s))
    }
    match obj.get("@type") {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => Vec::new(),
    }
}

fn has_type(obj: &Map<String, Value>, wanted: &[&str]) -> bool {
    types(obj).iter().any(|t| wanted.contains(t))
}

/// Every object reachable through arrays, `@graph`, `mainEntity` and
/// `mainEntityOfPage`, in document order, iteratively.
fn flatten(values: &[Value]) -> Vec<&Map<String, Value>> {
    let mut out = Vec::new();
    let mut stack: Vec<&Value> = values.iter().rev().collect();
    while let Some(v) = stack.pop() {
        if out.len() >= MAX_OBJECTS {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(obj) => {
                out.push(obj);
                for key in ["mainEntityOfPage", "mainEntity", "@graph"] {
                    if let Some(child @ (Value::Array(_) | Value::Object(_))) = obj.get(key) {
                        stack.push(child);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Objects by `@id`, for references like `"author": {"@id": "#person"}`.
struct Index<'a> {
    by_id: HashMap<&'a str, &'a Map<String, Value>>,
}

impl<'a> Index<'a> {
    fn new(objects: &[&'a Map<String, Value>]) -> Self {
        let mut by_id = HashMap::new();
        for obj in objects {
            if let Some(id) = obj.get("@id").and_then(Value::as_str)
                && obj.len() > 1
            {
                by_id.entry(id).or_insert(*obj);
            }
        }
        Self { by_id }
    }

    /// The object itself, or the one its `@id` points to when it holds only
    /// the reference.
    fn resolve(&self, obj: &'a Map<String, Value>) -> &'a Map<String, Value> {
        match obj.get("@id").and_then(Value::as_str) {
            Some(id) if obj.len() == 1 => self.by_id.get(id).copied().unwrap_or(obj),
            _ => obj,
        }
    }
}

/// A non-empty string field, whitespace-normalised.
fn text_of(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Array(items) => items.iter().find_map(Value::as_str)?,
        _ => return None,
    };
    let s = crate::extract::text::normalize_whitespace(&decode_entities(s));
    (!s.is_empty()).then_some(s)
}

/// Decodes HTML character references left in text that should be plain
/// (JSON-LD strings, and meta values encoded twice): numeric ones and the
/// common named ones, twice over for `&amp;#8211;`. Unknown names stay.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut text = s.to_owned();
    for _ in 0..2 {
        if !text.contains('&') {
            break;
        }
        text = decode_once(&text);
    }
    text
}

fn decode_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((before, amp)) = rest.find('&').and_then(|i| rest.split_at_checked(i)) {
        out.push_str(before);
        rest = amp;
        let end = rest
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(j, _)| j);
        let decoded = end.and_then(|j| entity(rest.get(1..j)?).map(|c| (c, j)));
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = rest.get(j + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = rest.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        _ => return None,
    })
}

fn field(obj: &Map<String, Value>, key: &str) -> Option<String> {
    text_of(obj.get(key))
}

fn from_values(values: &[Value]) -> JsonLd {
    let objects = flatten(values);
    let index = Index::new(&objects);
    // The article object with the most of headline, date and author: a
    // `Review` or `HowTo` without them is a part of the page. The first of
    // equals wins.
    let rank = |o: &Map<String, Value>| {
        u8::from(o.contains_key("headline"))
            + u8::from(o.contains_key("datePublished"))
            + u8::from(o.contains_key("author"))
    };
    let mut article: Option<&Map<String, Value>> = None;
    for o in objects.iter().filter(|o| has_type(o, ARTICLE_TYPES)) {
        if article.is_none_or(|best| rank(o) > rank(best)) {
            article = Some(o);
        }
    }
    let page = objects.iter().find(|o| has_type(o, PAGE_TYPES)).copied();
    let website = objects.iter().find(|o| has_type(o, &["WebSite"])).copied();
    let mut out = JsonLd {
        is_article: article.is_some(),
        ..JsonLd::default()
    };
    // The question a `QAPage` is about (Discourse and other forum software
    // describe a topic so): its author and date are the topic's. Not the
    // questions of an `FAQPage` (a product's or service's FAQ block): the
    // page is not about any one of them, and a lone question without a
    // `QAPage` counts only when it is the page's only question.
    let questions = || objects.iter().filter(|o| has_type(o, &["Question"]));
    let qa_page = objects.iter().any(|o| has_type(o, &["QAPage"]));
    let faq_page = objects.iter().any(|o| has_type(o, &["FAQPage"]));
    let question = questions()
        .next()
        .filter(|_| qa_page || (!faq_page && questions().nth(1).is_none()))
        .copied();
    // Fields come from the article object, then the question, then the page
    // object.
    let sources: Vec<&Map<String, Value>> =
        article.into_iter().chain(question).chain(page).collect();
    let first =
        |f: &dyn Fn(&Map<String, Value>) -> Option<String>| sources.iter().find_map(|o| f(o));
    out.headline = first(&|o| field(o, "headline").or_else(|| field(o, "name")));
    out.description = first(&|o| field(o, "description"));
    out.date_published = first(&|o| field(o, "datePublished"));
    out.date_modified = first(&|o| field(o, "dateModified"));
    out.date_created = first(&|o| field(o, "dateCreated").or_else(|| field(o, "uploadDate")));
    out.language = first(&|o| language(o.get("inLanguage")?));
    out.url = first(&|o| field(o, "url").or_else(|| entity_url(o.get("mainEntityOfPage")?)));
    out.image = first(&|o| image(&index, o.get("image").or_else(|| o.get("thumbnailUrl"))?));
    out.publisher = first(&|o| name_of(&index, o.get("publisher")?));
    out.website_name = website.and_then(|w| field(w, "name"));
    out.main_type = article
        .or_else(|| {
            objects
                .iter()
                .find(|o| main_type(o).is_some_and(|t| !AUXILIARY_TYPES.contains(&t.as_str())))
                .copied()
        })
        .and_then(main_type);
    out.is_accessible_for_free = first(&|o| match o.get("isAccessibleForFree")? {
        Value::Bool(b) => Some(b.to_string()),
        Value::String(s) => Some(s.trim().to_ascii_lowercase()),
        _ => None,
    })
    .and_then(|v| match v.as_str() {
        "true" | "yes" => Some(true),
        "false" | "no" => Some(false),
        _ => None,
    });
    out.keywords = sources
        .iter()
        .map(|o| keywords(o.get("keywords")))
        .find(|k| !k.is_empty())
        .unwrap_or_default();
    out.authors = sources
        .iter()
        .map(|o| authors(&index, o.get("author").or_else(|| o.get("creator"))))
        .find(|a| !a.is_empty())
        .unwrap_or_default();
    out
}

/// Types that describe the site around the content, not the content.
const AUXILIARY_TYPES: &[&str] = &[
    "WebSite",
    "Organization",
    "NewsMediaOrganization",
    "BreadcrumbList",
    "Person",
    "ImageObject",
    "SiteNavigationElement",
    "SearchAction",
    "ListItem",
    "WPHeader",
    "WPFooter",
    "WPSideBar",
    "Corporation",
    "LocalBusiness",
    "Brand",
];

/// The object's first `@type`.
fn main_type(o: &Map<String, Value>) -> Option<String> {
    match o.get("@type")? {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Array(a) => a
            .iter()
            .find_map(|v| v.as_str())
            .map(|s| s.trim().to_owned()),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

/// `inLanguage` as a string or a `Language` object.
fn language(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => field(o, "alternateName").or_else(|| field(o, "name")),
        other => text_of(Some(other)),
    }
}

/// `mainEntityOfPage` as a URL string or an object with `@id`/`url`.
fn entity_url(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => field(o, "url").or_else(|| field(o, "@id")),
        Value::String(_) => text_of(Some(v)),
        _ => None,
    }
    .filter(|u| u.starts_with("http") || u.starts_with('/'))
}

/// The first image URL of a string, an `ImageObject` (or a reference to
/// one) or an array of either.
fn image(index: &Index<'_>, v: &Value) -> Option<String> {
    match v {
        Value::String(s) => text_of(Some(v)).filter(|_| !s.is_empty()),
        Value::Object(o) => {
            let o = index.resolve(o);
            field(o, "url")
                .or_else(|| field(o, "contentUrl"))
                .or_else(|| field(o, "@id").filter(|u| !u.contains('#')))
        }
        Value::Array(items) => items.iter().find_map(|i| image(index, i)),
        _ => None,
    }
}

/// The `name` of an object, reference, string or the first of an array.
fn name_of(index: &Index<'_>, v: &Value) -> Option<String> {
    match v {
        Value::String(_) => text_of(Some(v)),
        Value::Object(o) => field(index.resolve(o), "name"),
        Value::Array(items) => items.iter().find_map(|i| name_of(index, i)),
        _ => None,
    }
}

/// `keywords` as a comma-separated string or an array of strings.
fn keywords(v: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: &str| {
        out.extend(
            s.split([',', ';', '，', '、'])
                .map(crate::extract::text::normalize_whitespace)
                .filter(|k| !k.is_empty()),
        );
    };
    match v {
        Some(Value::String(s)) => push(s),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).for_each(push),
        _ => {}
    }
    out
}

/// `author` as a string, a `Person`/`Organization` (or a reference to one)
/// or an array of either.
fn authors(index: &Index<'_>, v: Option<&Value>) -> Vec<LdAuthor> {
    let mut out = Vec::new();
    let items: Vec<&Value> = match v {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => return out,
    };
    for item in items {
        match item {
            Value::String(_) => {
                if let Some(name) = text_of(Some(item)) {
                    out.push(LdAuthor {
                        name,
                        url: None,
                        is_organization: false,
                        role: None,
                    });
                }
            }
            Value::Object(o) => {
                let o = index.resolve(o);
                let name = field(o, "name").or_else(|| {
                    let given = field(o, "givenName")?;
                    Some(match field(o, "familyName") {
                        Some(family) => format!("{given} {family}"),
                        None => given,
                    })
                });
                if let Some(name) = name {
                    let url =
                        field(o, "url").filter(|u| u.starts_with("http") || u.starts_with('/'));
                    let is_organization = has_type(o, ORGANIZATION_TYPES);
                    out.push(LdAuthor {
                        name,
                        url,
                        is_organization,
                        role: field(o, "jobTitle"),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(json: &str) -> JsonLd {
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{json}</script></head></html>"
        );
        let doc = scraper::Html::parse_document(&html);
        collect(&Dom::build(&doc))
    }

    #[test]
    fn finds_blocks_by_type_in_any_case_only() {
        let html = "<script type='Application/LD+JSON'>{\"@type\":\"NewsArticle\",\"headline\":\"A\"}</script>\
            <script type=application/json>{\"@type\":\"NewsArticle\",\"headline\":\"B\"}</script>";
        let doc = scraper::Html::parse_document(html);
        assert_eq!(collect(&Dom::build(&doc)).headline.as_deref(), Some("A"));
    }

    #[test]
    fn reads_a_graph_with_references() {
        let got = ld(r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"Example Times"},
            {"@type":"WebPage","@id":"#page","url":"https://x.test/a","datePublished":"2020-01-01"},
            {"@type":"Person","@id":"#p1","name":"Ann Lee","url":"https://x.test/ann"},
            {"@type":"ImageObject","@id":"#img","url":"https://x.test/i.jpg"},
            {"@type":["NewsArticle"],"headline":"The headline","datePublished":"2024-06-18T06:26:02Z",
             "author":{"@id":"#p1"},"image":{"@id":"#img"},"isPartOf":{"@id":"#page"},
             "publisher":{"@type":"Organization","name":"Example Media"},
             "keywords":["one","two"]}
        ]}"##);
        assert!(got.is_article);
        assert_eq!(got.headline.as_deref(), Some("The headline"));
        assert_eq!(got.date_published.as_deref(), Some("2024-06-18T06:26:02Z"));
        assert_eq!(got.website_name.as_deref(), Some("Example Times"));
        assert_eq!(got.publisher.as_deref(), Some("Example Media"));
        assert_eq!(got.image.as_deref(), Some("https://x.test/i.jpg"));
        assert_eq!(got.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(got.keywords, ["one", "two"]);
        assert_eq!(
            got.authors,
            [LdAuthor {
                name: "Ann Lee".into(),
                url: Some("https://x.test/ann".into()),
                is_organization: false,
                role: None,
            }]
        );
    }

    #[test]
    fn reads_top_level_arrays_and_author_arrays() {
        let got = ld(
            r#"[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"H",
            "author":[{"@type":"Person","name":"A One"},"B Two",{"givenName":"C","familyName":"Three"}],
            "image":["https://x.test/1.jpg","https://x.test/2.jpg"],"keywords":"x, y",
            "inLanguage":"de-DE","mainEntityOfPage":{"@type":"WebPage","@id":"https://x.test/post"}}]"#,
        );
        let names: Vec<_> = got.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["A One", "B Two", "C Three"]);
        assert_eq!(got.image.as_deref(), Some("https://x.test/1.jpg"));
        assert_eq!(got.keywords, ["x", "y"]);
        assert_eq!(got.language.as_deref(), Some("de-DE"));
        assert_eq!(got.url.as_deref(), Some("https://x.test/post"));
    }

    #[test]
    fn repairs_broken_json_without_panicking() {
        let got = ld(
            "<!-- {\"@type\":\"Article\",\"headline\":\"Line\nbreak\",\"author\":{\"name\":\"Z Y\",},} -->",
        );
        assert_eq!(got.headline.as_deref(), Some("Line break"));
        assert_eq!(got.authors.len(), 1);
        for broken in [
            "{",
            "{\"@type\":",
            "[[[[",
            "}{",
            "\"\\",
            "{\"a\":[1,2,,]}",
            "",
        ] {
            let got = ld(broken);
            assert!(!got.is_article, "{broken}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(!ld(&deep).is_article);
    }

    #[test]
    fn decodes_character_references() {
        assert_eq!(
            decode_entities("A &#8211; B &amp; C&#x27;s &amp;#8230; &bogus; & x"),
            "A – B & C's … &bogus; & x"
        );
    }

    #[test]
    fn repair_keeps_commas_inside_strings() {
        assert_eq!(repair(r#"{"a":"x, }",}"#), r#"{"a":"x, }"}"#);
    }

    #[test]
    fn a_qa_page_takes_author_and_date_from_its_question() {
        // Discourse's topic markup.
        let got = ld(
            r#"{"@context":"http://schema.org","@type":"QAPage","name":"Broken update",
            "mainEntity":{"@type":"Question","name":"Broken update","datePublished":"2024-09-05T23:15:57Z",
            "author":{"@type":"Person","name":"DaleJack","url":"https://forum.example/u/DaleJack"}}}"#,
        );
        assert_eq!(got.authors.len(), 1);
        assert_eq!(got.authors[0].name, "DaleJack");
        assert_eq!(got.date_published.as_deref(), Some("2024-09-05T23:15:57Z"));
        assert!(!got.is_article);
    }

    #[test]
    fn an_faq_page_question_is_not_the_headline() {
        // A product page's FAQ block (Shopify and WordPress FAQ plugins
        // write `FAQPage`): the product's name stays the headline.
        let got = ld(r#"[{"@type":"Product","name":"Beard Oil"},
            {"@type":"FAQPage","mainEntity":[
              {"@type":"Question","name":"How often should I use it?",
               "acceptedAnswer":{"@type":"Answer","text":"Daily."}},
              {"@type":"Question","name":"Is it vegan?",
               "acceptedAnswer":{"@type":"Answer","text":"Yes."}}]}]"#);
        assert_ne!(got.headline.as_deref(), Some("How often should I use it?"));
        // Even with one question only.
        let one = ld(
            r#"{"@type":"FAQPage","mainEntity":{"@type":"Question","name":"Why?",
            "acceptedAnswer":{"@type":"Answer","text":"Because."}}}"#,
        );
        assert_ne!(one.headline.as_deref(), Some("Why?"));
    }
}
