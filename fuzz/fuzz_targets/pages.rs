//! Structure-aware pages: an `arbitrary`-built page that puts label text
//! (the words the stages look for, and characters whose case mapping
//! changes byte length: `İ`, KELVIN SIGN, `ẞ`, final sigma, ...) in every
//! place a stage reads labels: captions, credits, bylines, dates, titles,
//! meta tags and JSON-LD. Byte-level fuzzing seldom builds a figure with a
//! credit around such text; this target starts there.

#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

use lede::extract::vocabulary::{
    BOILERPLATE_PHRASES, CAPTION_LABELS, CREDIT_LABELS, PAGINATION_FRAGMENTS, PAYWALL_FRAGMENTS,
};
use lede::extract::{Input, Options, extract};

/// Characters whose lower or upper case has another byte length, and a
/// few neighbours labels take.
const TRICKY: &[&str] = &[
    "\u{130}", "\u{212a}", "\u{212b}", "\u{2126}", "\u{1e9e}", "\u{17f}", "\u{3c2}", "\u{3a3}",
    "\u{149}", "\u{df}", "\u{fb00}", "\u{307}", "\u{131}", "\u{23a}", "\u{2c65}", "I", "K", "S",
    " ", ":", ",", "|", "/", "-", "\u{a0}", "&amp;", "&#x130;",
];

/// Label words of the stages that are not in a public list.
const MORE_LABELS: &[&str] = &[
    "by ",
    "von ",
    "written by",
    "author",
    "文/",
    "作者：",
    "updated",
    "published",
    "posted",
    "aktualisiert",
    "mis à jour",
    "обновлено",
    "june",
    "juni",
    "mai",
    "märz",
    "ago",
    "hours ago",
    "just now",
    "next",
    "weiter",
    "suivant",
    "kaynak",
    "görsel kaynağı",
    "2024",
    "18",
];

/// One piece of label text.
#[derive(Debug, Arbitrary)]
enum Piece {
    /// A label word, by index into every list.
    Label(u16),
    /// The same, upper-cased.
    Upper(u16),
    /// A length-changing character or a separator.
    Tricky(u8),
    /// Anything.
    Raw(String),
}

/// Label text: a few pieces.
#[derive(Debug, Arbitrary)]
struct Text(Vec<Piece>);

/// Entry `i` of `list`, wrapping around.
fn pick<'a>(list: &[&'a str], i: usize) -> &'a str {
    list.get(i % list.len().max(1)).copied().unwrap_or("")
}

impl Text {
    fn render(&self, labels: &[&str]) -> String {
        let mut out = String::new();
        for piece in self.0.iter().take(12) {
            match piece {
                Piece::Label(i) => out.push_str(pick(labels, usize::from(*i))),
                Piece::Upper(i) => out.push_str(&pick(labels, usize::from(*i)).to_uppercase()),
                Piece::Tricky(i) => out.push_str(pick(TRICKY, usize::from(*i))),
                Piece::Raw(s) => out.extend(s.chars().take(40)),
            }
        }
        out
    }
}

/// The places of a page a stage reads labels from.
#[derive(Debug, Arbitrary)]
struct Page {
    title: Text,
    og_title: Text,
    meta_author: Text,
    meta_date: Text,
    jsonld_headline: Text,
    jsonld_author: Text,
    jsonld_date: Text,
    h1: Text,
    byline: Text,
    date: Text,
    time_attr: Text,
    caption: Text,
    credit: Text,
    sibling_credit: Text,
    paragraphs: Vec<Text>,
    heading: Text,
    boilerplate: Text,
    class: Text,
    next: Text,
    include_html: bool,
    include_markdown: bool,
    with_url: bool,
}

fuzz_target!(|page: Page| {
    let labels: Vec<&str> = CREDIT_LABELS
        .iter()
        .chain(CAPTION_LABELS)
        .chain(BOILERPLATE_PHRASES)
        .chain(PAYWALL_FRAGMENTS)
        .chain(PAGINATION_FRAGMENTS)
        .chain(MORE_LABELS)
        .copied()
        .collect();
    let t = |text: &Text| text.render(&labels);
    let paragraphs: String = page
        .paragraphs
        .iter()
        .take(8)
        .map(|p| {
            format!(
                "<p>{} The story goes on with words enough to be prose.</p>",
                t(p)
            )
        })
        .collect();
    let html = format!(
        r#"<html lang="tr"><head><title>{title}</title>
<meta property="og:title" content="{og}"><meta name="author" content="{author}">
<meta property="article:published_time" content="{meta_date}">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{ld_headline}","author":{{"@type":"Person","name":"{ld_author}"}},"datePublished":"{ld_date}"}}</script>
</head><body><nav class="{class}"><a href="/n">{next}</a></nav><article><h1>{h1}</h1>
<p class="byline">{byline}</p><time datetime="{time_attr}">{date}</time><span>{date}</span>
<figure><img src="/a.jpg" width="800" height="600" alt="{caption}"><figcaption>{caption} <span class="credit">{credit}</span></figcaption></figure>
<div><div><img src="/b.jpg"><p><span>{sibling_credit}</span></p></div><span data-testid="caption-paragraph">{caption}</span></div>
{paragraphs}<h2>{heading}</h2><p>{boilerplate}</p><div class="{class}">{boilerplate}</div>
<ul><li>{byline}</li><li><a href="/r">{heading}</a></li></ul><a class="next" href="/2">{next}</a></article></body></html>"#,
        title = t(&page.title),
        og = t(&page.og_title),
        author = t(&page.meta_author),
        meta_date = t(&page.meta_date),
        ld_headline = t(&page.jsonld_headline),
        ld_author = t(&page.jsonld_author),
        ld_date = t(&page.jsonld_date),
        class = t(&page.class),
        next = t(&page.next),
        h1 = t(&page.h1),
        byline = t(&page.byline),
        time_attr = t(&page.time_attr),
        date = t(&page.date),
        caption = t(&page.caption),
        credit = t(&page.credit),
        sibling_credit = t(&page.sibling_credit),
        heading = t(&page.heading),
        boilerplate = t(&page.boilerplate),
    );
    let options = Options {
        include_html: page.include_html,
        include_markdown: page.include_markdown,
        ..Options::default()
    };
    let input = Input {
        html: html.as_bytes(),
        url: page.with_url.then_some("https://haber.example/a/b"),
        content_type: None,
    };
    // No panic, and a page with an <h1> and paragraphs always extracts.
    let article = extract(&input, &options);
    assert!(article.is_ok(), "{article:?}");
});
