//! Provenance and page flags through the `lede` binary's JSON (the proto3
//! JSON mapping the RPC answers with): one hand-written page per source
//! and conflict of issue 8.

use serde_json::Value;

use crate::util::{lede_bin, run, stdout_of};

/// `lede extract -` on `html`, the article as JSON.
async fn article_of(html: &str, url: &str) -> Value {
    let output = run(lede_bin(), &["extract", "-", "--url", url], html.as_bytes()).await;
    let response: Value =
        serde_json::from_str(&stdout_of(&output, "lede extract")).expect("JSON output");
    response["article"].clone()
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

const PARAGRAPHS: &str = "<p>The council met on Monday evening to vote on the new budget, \
    which had been debated for months by members of every party in the town.</p>\
    <p>After a long session the plan passed by a narrow margin, and the mayor said the \
    money would go to schools, roads and the library before the end of the year.</p>\
    <p>Residents who spoke at the meeting asked for more details about the road works, \
    which are expected to begin in the autumn and to last until next spring.</p>";

#[tokio::test]
async fn json_ld_and_opengraph_disagreeing_on_the_date() {
    let html = format!(
        r#"<html><head>
        <meta property="og:type" content="article">
        <meta property="article:published_time" content="2024-03-01T09:00:00+01:00">
        <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Budget passes",
        "datePublished":"2024-03-02T10:30:00+01:00","author":{{"@type":"Person","name":"Ann Lee"}}}}</script>
        </head><body><article><h1>Budget passes</h1>{PARAGRAPHS}</article></body></html>"#
    );
    let article = article_of(&html, "https://news.example/a/budget").await;
    assert_eq!(
        str_of(&article, "publishedTime"),
        "2024-03-02T10:30:00+01:00"
    );
    let published = &article["published"];
    assert_eq!(str_of(published, "source"), "SOURCE_JSON_LD");
    assert_eq!(str_of(published, "zone"), "+01:00");
    assert_eq!(str_of(published, "precision"), "DATE_PRECISION_SECOND");
    let alternatives = article["provenance"]["published"]["alternatives"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(alternatives.len(), 1, "{alternatives:?}");
    assert_eq!(str_of(&alternatives[0], "source"), "SOURCE_OPEN_GRAPH");
    assert_eq!(
        str_of(&alternatives[0], "value"),
        "2024-03-01T09:00:00+01:00"
    );
    assert_eq!(
        str_of(&article["provenance"]["authors"], "source"),
        "SOURCE_JSON_LD"
    );
    assert_eq!(article["flags"]["isArticle"], Value::Bool(true));
}

#[tokio::test]
async fn a_paywalled_news_article() {
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle",
        "headline":"Budget passes","isAccessibleForFree":false}}</script></head>
        <body><article><h1>Budget passes</h1>{PARAGRAPHS}
        <div class="paywall-prompt">Subscribe to keep reading</div></article></body></html>"#
    );
    let article = article_of(&html, "https://news.example/a/budget").await;
    assert_eq!(article["flags"]["isPaywalled"], Value::Bool(true));
}

#[tokio::test]
async fn a_product_page_is_flagged_as_not_an_article() {
    let html = r#"<html><head><meta property="og:type" content="product">
        <script type="application/ld+json">{"@type":"Product","name":"Steel kettle",
        "offers":{"@type":"Offer","price":"29.00","priceCurrency":"EUR"}}</script></head>
        <body><nav><a href="/">Shop</a> <a href="/kitchen">Kitchen</a></nav>
        <h1>Steel kettle</h1><p>1.7 litres, brushed steel, 2200 W.</p>
        <button>Add to basket</button></body></html>"#;
    let article = article_of(html, "https://shop.example/p/kettle").await;
    let flags = &article["flags"];
    assert!(flags.get("isArticle").is_none(), "{flags}");
    assert!(flags["readerableScore"].as_f64().unwrap_or(1.0) < 0.5);
}

#[tokio::test]
async fn a_date_only_in_the_url_and_an_update_that_stays_apart() {
    let html = format!(
        r#"<html><body><article><h1>Budget passes</h1>{PARAGRAPHS}</article></body></html>"#
    );
    let article = article_of(&html, "https://news.example/2024/03/02/budget").await;
    let published = &article["published"];
    assert_eq!(str_of(published, "value"), "2024-03-02");
    assert_eq!(str_of(published, "source"), "SOURCE_URL_PATTERN");
    assert_eq!(str_of(published, "precision"), "DATE_PRECISION_DAY");
    assert!(published["confidence"].as_f64().unwrap_or(1.0) <= 0.3);

    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2024-03-02T10:30:00Z">
        <meta property="article:modified_time" content="2024-03-05T08:00:00Z"></head>
        <body><article><h1>Budget passes</h1>{PARAGRAPHS}</article></body></html>"#
    );
    let article = article_of(&html, "https://news.example/a/budget").await;
    assert_eq!(str_of(&article, "publishedTime"), "2024-03-02T10:30:00Z");
    assert_eq!(str_of(&article, "modifiedTime"), "2024-03-05T08:00:00Z");
    assert_eq!(str_of(&article["modified"], "source"), "SOURCE_OPEN_GRAPH");
}

#[tokio::test]
async fn amp_alternates_next_page_and_reading_time() {
    let html = format!(
        r#"<html lang="en"><head><link rel="amphtml" href="/amp/a/budget">
        <link rel="alternate" hreflang="fr" href="/fr/a/budget">
        <link rel="next" href="/a/budget?page=2"></head>
        <body><article><h1>Budget passes</h1>{PARAGRAPHS}</article></body></html>"#
    );
    let article = article_of(&html, "https://news.example/a/budget").await;
    let flags = &article["flags"];
    assert_eq!(str_of(flags, "ampUrl"), "https://news.example/amp/a/budget");
    assert_eq!(
        str_of(&flags["alternates"][0], "url"),
        "https://news.example/fr/a/budget"
    );
    assert_eq!(str_of(&flags["alternates"][0], "hreflang"), "fr");
    assert_eq!(
        str_of(flags, "nextPageUrl"),
        "https://news.example/a/budget?page=2"
    );
    // About 90 words: some 20 seconds.
    let seconds = flags["readingTimeSeconds"].as_u64().unwrap_or(0);
    assert!((10..=40).contains(&seconds), "{seconds} s");
    let language = &article["provenance"]["language"];
    assert_eq!(str_of(language, "source"), "SOURCE_DETECTOR");
    assert_eq!(str_of(&language["alternatives"][0], "value"), "en");
    assert_eq!(language["alternatives"][0]["agrees"], Value::Bool(true));
}
