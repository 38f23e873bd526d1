//! Metadata precedence and cleaning, each on a small hand-written page.

use super::*;
use crate::extract::dates::Precision;

fn page_url() -> Url {
    Url::parse("https://news.example.com/world/story-1").expect("valid url")
}

fn meta_of(html: &str) -> Metadata {
    let url = page_url();
    let hints = Hints {
        page_url: Some(&url),
        prelude: None,
        now: None,
    };
    collect(&Html::parse_document(html), &hints)
}

fn meta_with_prelude(html: &str, prelude: &Prelude) -> Metadata {
    let hints = Hints {
        page_url: None,
        prelude: Some(prelude),
        now: None,
    };
    collect(&Html::parse_document(html), &hints)
}

fn names(m: &Metadata) -> Vec<&str> {
    m.authors().iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn json_ld_wins_over_opengraph_and_the_loser_is_kept() {
    let m = meta_of(
        r#"<html><head>
        <meta property="og:title" content="OG headline | Example">
        <meta property="article:published_time" content="2024-06-17T10:00:00+02:00">
        <meta property="og:site_name" content="Example News">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline",
          "datePublished":"2024-06-18T08:26:02+02:00","author":{"@type":"Person","name":"Ann Lee"}}</script>
        </head><body></body></html>"#,
    );
    assert_eq!(m.title(), Some("LD headline"));
    assert_eq!(m.title.as_ref().map(Field::source), Some(Source::JsonLd));
    assert_eq!(
        m.published().map(|d| d.value.as_str()),
        Some("2024-06-18T08:26:02+02:00")
    );
    let published = m.published().expect("published");
    assert_eq!(published.source, Source::JsonLd);
    assert_eq!(published.offset.as_deref(), Some("+02:00"));
    assert_eq!(published.precision, Precision::Second);
    assert_eq!(alternatives(&m).len(), 1);
    assert_eq!(alternatives(&m)[0].source, Source::OpenGraph);
    assert_eq!(alternatives(&m)[0].value, "2024-06-17T10:00:00+02:00");
    assert_eq!(names(&m), ["Ann Lee"]);
    assert_eq!(m.site_name(), Some("Example News"));
    assert!(m.is_article_typed);
}

#[test]
fn opengraph_twitter_and_meta_fill_in_without_json_ld() {
    let m = meta_of(
        r#"<html lang="en-GB"><head>
        <title>Rates rise again | Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta name="twitter:description" content="Twitter text">
        <meta name="description" content="  The   summary. ">
        <meta property="og:image" content="/img/lead.jpg">
        <meta property="article:tag" content="Economy"><meta property="article:tag" content="Banks">
        <meta name="author" content="By Jane Doe and John Roe">
        <meta name="date" content="18.06.2024">
        </head><body><h1>Something else entirely</h1></body></html>"#,
    );
    assert_eq!(m.title(), Some("Rates rise again"));
    assert_eq!(
        m.title.as_ref().map(Field::source),
        Some(Source::TitleElement)
    );
    assert_eq!(m.description(), Some("The summary."));
    assert_eq!(
        m.description.as_ref().map(Field::source),
        Some(Source::Meta)
    );
    assert_eq!(
        m.lead_image_url(),
        Some("https://news.example.com/img/lead.jpg")
    );
    assert_eq!(m.keywords(), ["Economy", "Banks"]);
    assert_eq!(names(&m), ["Jane Doe", "John Roe"]);
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-06-18"));
    assert_eq!(m.declared_language(), Some("en-GB"));
}

#[test]
fn title_cleaning_uses_the_domain_and_the_h1() {
    let m = meta_of("<title>Why rates rise - Example</title><h1>Why rates rise</h1>");
    assert_eq!(m.title(), Some("Why rates rise"));
    let m = meta_of("<title>Example: Why rates rise</title>");
    assert_eq!(m.title(), Some("Why rates rise"));
    assert_eq!(m.site_name(), Some("Example"));
    // The h1 is preferred when it is the cleaned title's close match.
    let m = meta_of(
        "<title>why rates rise | Example</title><article><h1>Why Rates Rise?</h1></article>",
    );
    assert_eq!(m.title(), Some("Why Rates Rise?"));
    assert_eq!(m.title.as_ref().map(Field::source), Some(Source::Heading));
    // Only an h1 gives the title.
    let m = meta_of("<body><h1>Only a heading</h1></body>");
    assert_eq!(m.title(), Some("Only a heading"));
}

#[test]
fn a_structured_headline_alone_gives_way_to_the_page_s_agreeing_titles() {
    let ld = r#"<script type="application/ld+json">{"@type":"Article","headline":"Ten tips for movers"}</script>"#;
    // The social title, the `<title>` and the `h1` agree on another headline.
    let m = meta_of(&format!(
        r#"<head>{ld}<meta property="og:title" content="Best movers in town | Example">
        <title>Best movers in town | Example</title></head><h1>Best movers in town</h1>"#
    ));
    assert_eq!(m.title(), Some("Best movers in town"));
    // One source that differs is no majority: the structured headline stands.
    let m = meta_of(&format!(
        r#"<head>{ld}<meta property="og:title" content="Best movers in town | Example"></head>"#
    ));
    assert_eq!(m.title(), Some("Ten tips for movers"));
    // Nor does it give way when another source shares it.
    let m = meta_of(&format!(
        r#"<head>{ld}<meta property="og:title" content="Best movers in town | Example">
        <title>Best movers in town | Example</title></head><h1>Ten tips for movers</h1>"#
    ));
    assert_eq!(m.title(), Some("Ten tips for movers"));
}

#[test]
fn authors_from_links_and_bylines() {
    let m = meta_of(
        r#"<article><div class="byline">By <a rel="author" href="/people/ann">Ann Lee</a>
        and <a rel="author" href="https://x.test/bo">Bo Chan</a></div><p>Text</p></article>"#,
    );
    assert_eq!(names(&m), ["Ann Lee", "Bo Chan"]);
    assert_eq!(
        m.authors()[0].url.as_deref(),
        Some("https://news.example.com/people/ann")
    );
    assert_eq!(m.authors.as_ref().map(Field::source), Some(Source::Byline));
    let m = meta_of(r#"<div class="article-author">Von Max Muster und Erika Mustermann</div>"#);
    assert_eq!(names(&m), ["Max Muster", "Erika Mustermann"]);
    let m = meta_of(
        r#"<div itemprop="author" itemscope><span itemprop="name">Ann Lee</span></div>
        <meta property="article:author" content="https://www.facebook.com/annlee">"#,
    );
    assert_eq!(names(&m), ["Ann Lee"]);
    assert_eq!(
        m.authors.as_ref().map(Field::source),
        Some(Source::Microdata)
    );
}

#[test]
fn modified_never_overwrites_published() {
    let m = meta_of(
        r#"<html><head><script type="application/ld+json">{"@type":"Article","headline":"H",
        "dateModified":"2024-06-19T10:00:00Z"}</script></head><body><article>
        <p>Updated: <time datetime="2024-06-19T09:00:00Z">19 June</time></p>
        <p class="meta">Published <time datetime="2024-06-01">1 June 2024</time></p>
        </article></body></html>"#,
    );
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-06-01"));
    assert_eq!(
        m.modified().map(|d| d.value.as_str()),
        Some("2024-06-19T10:00:00Z")
    );
    // Only a shown update: the only date the reader sees, and the latest
    // the publication can be, stands in for it.
    let m = meta_of(
        r#"<article><span class="updated">Updated <time datetime="2024-06-19">x</time></span></article>"#,
    );
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-06-19"));
    assert_eq!(m.modified().map(|d| d.value.as_str()), Some("2024-06-19"));
    // Only a declared modification (a CMS's last save): no publication.
    let m = meta_of(
        r#"<html><head><meta property="article:modified_time" content="2024-06-19T10:00:00Z">
        </head><body><article><p>Text.</p></article></body></html>"#,
    );
    assert_eq!(m.published(), None);
    assert!(m.modified().is_some());
}

#[test]
fn time_in_the_article_beats_one_in_the_sidebar() {
    let m = meta_of(
        r#"<aside><time datetime="2024-01-01">1 Jan</time></aside>
        <article><header><time datetime="2024-06-18T09:00:00+02:00">18 June</time></header></article>"#,
    );
    assert_eq!(
        m.published().map(|d| d.value.as_str()),
        Some("2024-06-18T09:00:00+02:00")
    );
    assert_eq!(m.published().map(|p| p.source), Some(Source::TimeElement));
}

#[test]
fn url_date_is_the_last_resort() {
    let url = Url::parse("https://x.test/2024/06/18/story.html").expect("url");
    let hints = Hints {
        page_url: Some(&url),
        prelude: None,
        now: None,
    };
    let m = collect(&Html::parse_document("<p>no dates</p>"), &hints);
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-06-18"));
    assert_eq!(m.published().map(|p| p.source), Some(Source::UrlPattern));
}

#[test]
fn canonical_is_made_absolute() {
    let m = meta_of(r#"<link rel="canonical" href="/world/story-1?ref=x">"#);
    assert_eq!(
        m.canonical_url(),
        Some("https://news.example.com/world/story-1?ref=x")
    );
    assert_eq!(
        m.canonical_url.as_ref().map(Field::source),
        Some(Source::LinkElement)
    );
    // A home-page canonical on an article is skipped for og:url.
    let m = meta_of(
        r#"<link rel="canonical" href="/"><meta property="og:url" content="https://news.example.com/s">"#,
    );
    assert_eq!(m.canonical_url(), Some("https://news.example.com/s"));
    // Nothing declared: the page URL.
    let m = meta_of("<p>x</p>");
    assert_eq!(
        m.canonical_url(),
        Some("https://news.example.com/world/story-1")
    );
    assert_eq!(
        m.canonical_url.as_ref().map(Field::source),
        Some(Source::PageUrl)
    );
}

#[test]
fn broken_json_ld_falls_back_without_panicking() {
    let m = meta_of(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Broken</script>
        <meta property="og:title" content="From OG">"#,
    );
    assert_eq!(m.title(), Some("From OG"));
}

#[test]
fn language_declarations_in_order() {
    let m = meta_of(
        r#"<meta http-equiv="Content-Language" content="de"><meta property="og:locale" content="fr_FR">"#,
    );
    assert_eq!(m.declared_language(), Some("de"));
    let m = meta_of(r#"<meta property="og:locale" content="fr_FR">"#);
    assert_eq!(m.declared_language(), Some("fr_FR"));
}

#[test]
fn us_pages_read_numeric_dates_month_first() {
    let m = meta_of(r#"<html lang="en-US"><meta name="date" content="07/06/2024">"#);
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-07-06"));
    let m = meta_of(r#"<html lang="en-GB"><meta name="date" content="07/06/2024">"#);
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-06-07"));
}

#[test]
fn future_and_ancient_dates_are_rejected() {
    let prelude = Prelude {
        captured_ms: Some(1_718_692_982_000),
        ..Prelude::default()
    };
    let m = meta_with_prelude(
        r#"<meta property="article:published_time" content="2030-01-01">
        <meta name="dc.date" content="1970-01-01"><meta name="date" content="2024-06-10">"#,
        &prelude,
    );
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-06-10"));
}

#[test]
fn seed_like_relative_time_gives_the_precise_instant() {
    let prelude = Prelude {
        captured_ms: Some(1_718_692_982_000),
        title: Some("普京会晤金正恩的三大理由：军事、经济及文化合作".to_owned()),
        url: Some("https://www.bbc.com/zhongwen/simp/world-69127415".to_owned()),
    };
    let m = meta_with_prelude(
        r#"<main role="main"><div><ul role="list"><li role="listitem">A Writer</li></ul></div>
        <div><time dateTime="2024-06-18">17 分钟前</time></div><div><p>正文。</p></div></main>"#,
        &prelude,
    );
    assert_eq!(
        m.title(),
        Some("普京会晤金正恩的三大理由：军事、经济及文化合作")
    );
    assert_eq!(m.title.as_ref().map(Field::source), Some(Source::Prelude));
    assert_eq!(
        m.canonical_url(),
        Some("https://www.bbc.com/zhongwen/simp/world-69127415")
    );
    assert_eq!(
        m.published().map(|d| d.value.as_str()),
        Some("2024-06-18T06:26:02Z")
    );
    let published = m.published().expect("published");
    assert_eq!(published.source, Source::VisibleDate);
    assert_eq!(published.raw, "17 分钟前");
    // Two sources agree on the day: more trusted than either alone.
    assert!(published.confidence > Source::TimeElement.date_confidence());
    // The day from the attribute is recorded as the agreeing alternative.
    assert_eq!(alternatives(&m).len(), 1);
    assert_eq!(alternatives(&m)[0].value, "2024-06-18");
    assert_eq!(alternatives(&m)[0].source, Source::TimeElement);
    assert!(m.authors().is_empty());
    assert_eq!(m.modified(), None);
    assert_eq!(m.description(), None);
}

#[test]
fn relative_time_on_another_day_keeps_the_attribute() {
    let prelude = Prelude {
        captured_ms: Some(1_718_692_982_000),
        ..Prelude::default()
    };
    let m = meta_with_prelude(
        r#"<article><time datetime="2024-06-10">2 hours ago</time></article>"#,
        &prelude,
    );
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-06-10"));
}

#[test]
fn missing_is_none() {
    let m = meta_with_prelude("<p>nothing here</p>", &Prelude::default());
    assert_eq!(m, Metadata::default());
}

#[test]
fn an_organisation_author_gives_way_to_a_byline_person() {
    let m = meta_of(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Rates rise",
        "author":{"@type":"Organization","name":"Example News"}}</script>
        <article><h1>Rates rise</h1><p class="x">By <!-- --><a href="/p/ann">Ann Lee</a></p></article>"#,
    );
    assert_eq!(names(&m), ["Ann Lee"]);
    assert_eq!(m.authors.as_ref().map(Field::source), Some(Source::Byline));
    // With no person anywhere, the organisation stays.
    let m = meta_of(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Rates rise",
        "author":{"@type":"Organization","name":"Example News"}}</script>"#,
    );
    assert_eq!(names(&m), ["Example News"]);
}

#[test]
fn twitter_label_names_the_writer() {
    let m = meta_of(
        r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ann Lee">
        <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="3 minutes">"#,
    );
    assert_eq!(names(&m), ["Ann Lee"]);
    assert_eq!(m.authors.as_ref().map(Field::source), Some(Source::Twitter));
}

#[test]
fn microdata_authors_beside_the_first_not_in_replies() {
    let m = meta_of(
        r#"<div class="post"><span itemprop="author">Ann Lee</span>, <span itemprop="author">Bo Chan</span>
        <p>Question text</p></div>
        <div class="replies"><div class="reply"><div><span itemprop="author">Replier</span></div></div></div>"#,
    );
    assert_eq!(names(&m), ["Ann Lee", "Bo Chan"]);
}

#[test]
fn deep_nesting_of_signals_stays_bounded() {
    // Every level is a byline, a date and an author: the read budget keeps
    // the walk linear (its cost is measured in the benches, not here) and
    // the author list bounded. The parse stage caps depth at 512 by default;
    // this goes deeper, as a raised limit would.
    let depth = 3_000;
    let mut html = String::with_capacity(depth * 60);
    for _ in 0..depth {
        html.push_str(r#"<span class="author date" rel="author" itemprop="author"><time>"#);
    }
    html.push_str("By Ann Lee 2024-06-18");
    let doc = Html::parse_document(&html);
    let url = page_url();
    let hints = Hints {
        page_url: Some(&url),
        prelude: None,
        now: None,
    };
    let m = collect(&doc, &hints);
    assert!(!m.authors().is_empty());
    assert!(m.authors().len() <= authors::MAX_AUTHORS);
}

#[test]
fn the_nearest_label_decides_a_dates_role() {
    let m = meta_of(
        r#"<article><div class="dates-updated-box">
        <time class="entry-date published" datetime="2024-06-01">1 June</time>
        <time class="updated" datetime="2024-06-19">19 June</time></div></article>"#,
    );
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-06-01"));
    assert_eq!(m.modified().map(|d| d.value.as_str()), Some("2024-06-19"));
}

#[test]
fn a_sidebar_class_on_the_page_wrapper_does_not_hide_the_date() {
    let m = meta_of(
        r#"<div class="page layout-with-sidebar"><div class="related-stories"><span class="date">2 May 2024</span></div>
        <h1>Headline</h1><div class="story-date">31 May 2024</div></div>"#,
    );
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-05-31"));
}

#[test]
fn a_page_without_an_h1_has_its_date_line_by_the_first_h2() {
    // A phpBB thread: the topic title in `h2`, the post's date line after it.
    let html = r#"<div id="page-body"><h2 class="topic-title">Turning off the LEDs</h2>
        <div class="post"><p class="author">by <strong>bob</strong> &raquo; Sun Dec 17, 2023 11:23 am</p>
        <div class="content">Hi, how do I turn them off?</div></div></div>"#;
    let m = meta_of(html);
    assert_eq!(
        m.published().map(|d| d.value.as_str()),
        Some("2023-12-17T11:23:00")
    );
    // Only the texts right after it: not a date far down the page.
    let far = html.replace("<div class=\"post\">", &"<p>item</p>".repeat(40));
    assert_eq!(meta_of(&far).published().map(|d| d.value.as_str()), None);
}

#[test]
fn heading_text_keeps_a_space_at_line_breaks_and_blocks() {
    let m = meta_of("<body><h1>Black Edition<br>Complete meal<script>x()</script></h1></body>");
    assert_eq!(m.title(), Some("Black Edition Complete meal"));
    let m = meta_of(r#"<div class="byline"><p>Joakim Edin</p><p>Research</p></div>"#);
    assert_eq!(names(&m), ["Joakim Edin Research"]);
}

#[test]
fn a_question_s_date_created_is_the_page_s_date_not_its_answers() {
    let m = meta_of(
        r#"<body itemscope itemtype="https://schema.org/QAPage">
        <div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
          <h1 itemprop="name">How do I sort a list?</h1>
          <time itemprop="dateCreated" datetime="2011-02-11T23:49:17Z">asked long ago</time>
          <div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">
            <p itemprop="text">Use sorted().</p>
            <div itemprop="datePublished">2011-02-12T01:30:35Z</div>
          </div>
        </div></body>"#,
    );
    let published = m.published().map(|d| d.value.as_str());
    assert_eq!(published, Some("2011-02-11T23:49:17Z"));
}

#[test]
fn a_published_date_in_a_facts_box_beside_the_story_is_the_last_resort() {
    // The label is its own element before the date's.
    let html = r#"<main><article><h1>Rates rise</h1><p>Story text.</p>
        <aside class="facts"><div class="item"><h3>Published</h3>
        <p><time datetime="2024-08-30T12:00:00Z">August 30, 2024</time></p></div>
        <div class="item"><h3>Related</h3><p><time datetime="2023-01-02">Jan 2</time></p></div>
        </aside></article></main>"#;
    let m = meta_of(html);
    assert_eq!(
        m.published().map(|d| d.value.as_str()),
        Some("2024-08-30T12:00:00Z")
    );
    // Any date outside the aside comes first.
    let m = meta_of(&html.replace("<p>Story text.</p>", "<p class=date>May 5, 2024</p>"));
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2024-05-05"));
}

#[test]
fn a_published_date_meta_with_a_hyphen() {
    let m = meta_of(r#"<meta name="published-date" content="2021-02-16"><h1>Title</h1>"#);
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2021-02-16"));
}

#[test]
fn a_published_meta_or_a_prefixed_published_date_meta() {
    let m = meta_of(r#"<meta name="published" content="July 17, 2025"><h1>Title</h1>"#);
    assert_eq!(m.published().map(|d| d.value.as_str()), Some("2025-07-17"));
    // A site's prefix on a common name.
    let m = meta_of(
        r#"<meta name="w-published-date" content="2025-05-27T06:03:43.274Z"><h1>Title</h1>"#,
    );
    assert_eq!(
        m.published().map(|d| d.value.as_str()),
        Some("2025-05-27T06:03:43Z")
    );
    // A name that only ends in the same letters is another field.
    let m = meta_of(r#"<meta name="unpublished-date" content="2025-05-27"><h1>Title</h1>"#);
    assert_eq!(m.published(), None);
}

#[test]
fn provenance_of_conflicting_dates_keeps_the_loser_with_its_source() {
    let m = meta_of(
        r#"<html><head>
        <meta property="article:published_time" content="2024-06-17T10:00:00+02:00">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline",
          "datePublished":"2024-06-18T08:26:02+02:00"}</script>
        <meta property="og:title" content="LD headline">
        </head><body></body></html>"#,
    );
    let p = m
        .published
        .as_ref()
        .map(|f| &f.provenance)
        .expect("published provenance");
    assert_eq!(p.source, Source::JsonLd);
    assert_eq!(p.raw, "2024-06-18T08:26:02+02:00");
    assert_eq!(p.alternatives.len(), 1);
    let alt = &p.alternatives[0];
    assert_eq!(alt.source, Source::OpenGraph);
    assert_eq!(alt.raw, "2024-06-17T10:00:00+02:00");
    assert!(!alt.agrees, "a different day disagrees");
    // Disagreement gives no bonus: the JSON-LD rank alone.
    assert!((p.confidence - Source::JsonLd.date_confidence()).abs() < 1e-6);
    // The title: JSON-LD wins, OpenGraph agrees and raises the confidence.
    let t = m
        .title
        .as_ref()
        .map(|f| &f.provenance)
        .expect("title provenance");
    assert_eq!(t.source, Source::JsonLd);
    assert!(
        t.alternatives
            .iter()
            .any(|a| a.source == Source::OpenGraph && a.agrees)
    );
    assert!(t.confidence > Source::JsonLd.field_confidence());
}

#[test]
fn provenance_of_a_byline_with_two_linked_authors() {
    let m = meta_of(
        r#"<article><div class="byline">By <a rel="author" href="/people/ann">Ann Lee</a>
        and <a rel="author" href="/people/bo">Bo Chan</a></div><p>Text</p></article>"#,
    );
    assert_eq!(names(&m), ["Ann Lee", "Bo Chan"]);
    assert_eq!(
        m.authors()[1].url.as_deref(),
        Some("https://news.example.com/people/bo")
    );
    let a = m
        .authors
        .as_ref()
        .map(|f| &f.provenance)
        .expect("author provenance");
    assert_eq!(a.source, Source::Byline);
    assert!(
        a.raw.contains("Ann Lee") && a.raw.contains("Bo Chan"),
        "{}",
        a.raw
    );
    assert!((a.confidence - Source::Byline.field_confidence()).abs() < 1e-6);
}

#[test]
fn a_date_only_in_the_url_has_low_confidence() {
    let url = Url::parse("https://x.test/news/2024/06/18/story.html").expect("url");
    let hints = Hints {
        page_url: Some(&url),
        prelude: None,
        now: None,
    };
    let m = collect(&Html::parse_document("<p>no dates here</p>"), &hints);
    let p = m
        .published
        .as_ref()
        .map(|f| &f.provenance)
        .expect("published provenance");
    assert_eq!(p.source, Source::UrlPattern);
    assert_eq!(p.raw, "https://x.test/news/2024/06/18/story.html");
    assert!(p.confidence <= 0.3, "{}", p.confidence);
    let d = m.published().expect("published");
    assert_eq!(
        (d.value.as_str(), d.precision),
        ("2024-06-18", Precision::Day)
    );
}

#[test]
fn a_modified_date_keeps_its_own_provenance() {
    let m = meta_of(
        r#"<html><head><meta property="article:published_time" content="2024-06-01T08:00:00Z">
        <meta property="article:modified_time" content="2024-06-19T10:00:00Z"></head>
        <body><article><p>Updated <time datetime="2024-06-20">20 June</time></p></article></body></html>"#,
    );
    assert_eq!(
        m.published().map(|d| d.value.as_str()),
        Some("2024-06-01T08:00:00Z")
    );
    assert_eq!(
        m.published
            .as_ref()
            .map(|f| &f.provenance)
            .map(|p| p.source),
        Some(Source::OpenGraph)
    );
    let modified = m
        .modified
        .as_ref()
        .map(|f| &f.provenance)
        .expect("modified provenance");
    assert_eq!(modified.source, Source::OpenGraph);
    assert_eq!(modified.raw, "2024-06-19T10:00:00Z");
    // The visible update loses to the declared one but is kept.
    assert!(
        modified
            .alternatives
            .iter()
            .all(|a| a.value != "2024-06-01T08:00:00Z")
    );
    assert!(
        m.published
            .as_ref()
            .map(|f| &f.provenance)
            .is_some_and(|p| {
                p.alternatives
                    .iter()
                    .all(|a| !a.value.starts_with("2024-06-19"))
            })
    );
}

#[test]
fn relative_dates_in_seven_languages_against_the_capture_time() {
    // Captured 2024-06-18T06:43:02Z.
    let prelude = Prelude {
        captured_ms: Some(1_718_692_982_000),
        ..Prelude::default()
    };
    let cases = [
        ("17 分钟前", "2024-06-18T06:26:02Z"),
        ("3 hours ago", "2024-06-18T03:43:02Z"),
        ("vor 2 Stunden", "2024-06-18T04:43:02Z"),
        ("hace 2 horas", "2024-06-18T04:43:02Z"),
        ("il y a 2 heures", "2024-06-18T04:43:02Z"),
        ("2時間前", "2024-06-18T04:43:02Z"),
        ("2 часа назад", "2024-06-18T04:43:02Z"),
    ];
    for (raw, want) in cases {
        let m = meta_with_prelude(
            &format!(r#"<article><h1>T</h1><time class="date">{raw}</time><p>Body.</p></article>"#),
            &prelude,
        );
        let d = m
            .published()
            .unwrap_or_else(|| panic!("no date from {raw}"));
        assert_eq!(d.value, want, "{raw}");
        assert_eq!(d.raw, raw);
        assert_eq!(d.source, Source::VisibleDate, "{raw}");
        assert!(d.precision >= Precision::Minute, "{raw}");
    }
    // Without a capture time a relative date says nothing.
    let m = meta_of(r#"<article><time class="date">vor 2 Stunden</time></article>"#);
    assert_eq!(m.published, None);
}

#[test]
fn site_name_description_canonical_and_image_have_provenance() {
    let m = meta_of(
        r#"<html><head><link rel="canonical" href="/world/story-1">
        <meta property="og:url" content="https://news.example.com/world/story-1/">
        <meta property="og:site_name" content="Example News">
        <meta name="description" content="A short summary.">
        <meta property="og:image" content="/img/lead.jpg">
        <meta name="twitter:image" content="https://cdn.example.com/other.jpg">
        </head><body></body></html>"#,
    );
    let c = m
        .canonical_url
        .as_ref()
        .map(|f| &f.provenance)
        .expect("canonical");
    assert_eq!(c.source, Source::LinkElement);
    assert!(
        c.alternatives
            .iter()
            .any(|a| a.source == Source::OpenGraph && a.agrees)
    );
    assert_eq!(
        m.site_name
            .as_ref()
            .map(|f| &f.provenance)
            .map(|f| f.source),
        Some(Source::OpenGraph)
    );
    let d = m
        .description
        .as_ref()
        .map(|f| &f.provenance)
        .expect("description");
    assert_eq!(
        (d.source, d.raw.as_str()),
        (Source::Meta, "A short summary.")
    );
    let i = m
        .lead_image_url
        .as_ref()
        .map(|f| &f.provenance)
        .expect("image");
    assert_eq!(i.source, Source::OpenGraph);
    assert_eq!(i.alternatives.len(), 1);
    assert!(!i.alternatives[0].agrees);
    assert_eq!(i.alternatives[0].source, Source::Twitter);
}

#[test]
fn date_and_author_labels_survive_length_changing_case() {
    let labels = crate::extract::vocabulary::MODIFIED_WORDS
        .iter()
        .chain(crate::extract::vocabulary::PUBLISHED_WORDS)
        .chain(&[
            "written by",
            "author",
            "autor",
            "by",
            "von",
            "posted by",
            "文/",
        ]);
    for label in labels {
        for text in crate::extract::text::tricky::variants(label) {
            let _ = markup::says_modified(&text);
            let _ = authors::is_author_label(&text);
            let _ = authors::has_label(&text);
            let m = meta_of(&format!(
                r#"<html><head><title>{text} | {text}</title>
                <meta property="og:title" content="{text}"><meta name="author" content="{text}">
                <script type="application/ld+json">{{"@type":"NewsArticle","headline":"{text}",
                  "author":{{"name":"{text} Lee"}},"datePublished":"{text} 2024-06-18"}}</script>
                </head><body><h1>{text}</h1><p class=byline>{text} Ann Lee</p>
                <span class=date>{text}</span><time datetime="{text}">{text} 18 June 2024</time>
                <p>{text}: <time>June 19, 2024</time></p></body></html>"#
            ));
            assert!(m.title().is_some_and(|t| !t.is_empty()), "{text:?}");
        }
    }
}

#[test]
fn the_request_time_is_the_reference_when_there_is_no_capture_time() {
    let url = page_url();
    let now = dates::from_epoch_ms(1_718_692_982_000);
    let html = r#"<article><h1>T</h1><time class="date">3 hours ago</time>
        <meta name="date" content="2024-06-25"></article>"#;
    let doc = Html::parse_document(html);
    let with_now = collect(
        &doc,
        &Hints {
            page_url: Some(&url),
            prelude: None,
            now,
        },
    );
    // The future day is out of bounds against the request time; the relative
    // date resolves against it.
    assert_eq!(
        with_now.published().map(|d| d.value.as_str()),
        Some("2024-06-18T03:43:02Z")
    );
    assert_eq!(with_now.reference_time, now);
    // Without any reference: no relative date, and no clock bounds the
    // future, so the absolute date stands.
    let without = collect(
        &doc,
        &Hints {
            page_url: Some(&url),
            prelude: None,
            now: None,
        },
    );
    assert_eq!(
        without.published().map(|d| d.value.as_str()),
        Some("2024-06-25")
    );
    // A snapshot's capture time wins over the request time.
    let prelude = Prelude {
        captured_ms: Some(1_718_700_182_000),
        ..Prelude::default()
    };
    let hints = Hints {
        page_url: Some(&url),
        prelude: Some(&prelude),
        now,
    };
    assert_eq!(
        hints.reference_time(),
        dates::from_epoch_ms(1_718_700_182_000)
    );
}

#[test]
fn sources_vote_on_the_wording_of_one_headline() {
    // JSON-LD prints curly quotes, OpenGraph and <title> straight ones: the
    // wording most sources give wins.
    let m = meta_of(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"L’été des villes"}</script>
        <meta property="og:title" content="L'été des villes"><title>L'été des villes</title>"#,
    );
    assert_eq!(m.title(), Some("L'été des villes"));
    assert_eq!(m.title.as_ref().map(Field::source), Some(Source::OpenGraph));
    // The visible heading keeps its wording against metadata that differs by
    // more than quote marks (a Markdown mark here).
    let m = meta_of(
        r#"<meta property="og:title" content="*Die Stadt* im Sommer">
        <title>*Die Stadt* im Sommer</title><h1>Die Stadt im Sommer</h1>"#,
    );
    assert_eq!(m.title(), Some("Die Stadt im Sommer"));
    // A logo heading that is only the site's name is never the title.
    let m = meta_of(
        r#"<meta property="og:site_name" content="Example News">
        <meta property="og:title" content="Example news and the flood"><h1>Example News</h1>"#,
    );
    assert_eq!(m.title(), Some("Example news and the flood"));
}

#[test]
fn the_publisher_in_meta_author_gives_way_to_the_byline() {
    let m = meta_of(
        r#"<meta property="og:site_name" content="Example Times">
        <meta name="author" content="Example Times">
        <article><h1>Headline</h1><p class="byline">Por María López</p><p>Body.</p></article>"#,
    );
    assert_eq!(names(&m), ["María López"]);
    assert_eq!(m.authors.as_ref().map(Field::source), Some(Source::Byline));
}

#[test]
fn a_label_alone_in_its_element_names_the_next_one() {
    let m = meta_of(
        r#"<article><h1>Headline</h1><div><p>Geschrieben von</p><p>Anna Schmidt</p></div>
        <div><p>Written by</p><p>Jane Roe</p></div><p>Body.</p></article>"#,
    );
    assert_eq!(names(&m), ["Jane Roe"]);
}

/// The publication dates that lost, from the provenance.
fn alternatives(m: &Metadata) -> Vec<crate::article::Alternative> {
    m.published
        .as_ref()
        .map(|f| f.provenance.alternatives.clone())
        .unwrap_or_default()
}

#[test]
fn a_by_heading_in_a_navigation_menu_is_no_byline() {
    // A mega-menu's facet headings ("By Event Type") are no author.
    let menu = meta_of(
        r#"<div role="menu"><h4>By Event Type</h4><a href="/c">Conferences</a></div>
        <ul class="sub-menu"><li><h4>By Ovolo Hotels</h4></li></ul>
        <article><h1>Planning a conference</h1><p>Text of the article.</p></article>"#,
    );
    assert!(names(&menu).is_empty(), "{:?}", names(&menu));
    // A class that only mentions a menu (a layout under it) is no menu.
    let byline = meta_of(
        r#"<div class="template under-menu"><article><h1>Zero waste tips</h1>
        <div class="my-meta"><span><a href="/search?q=x">by Meaghan Weeden</a></span></div>
        <p>Text of the article.</p></article></div>"#,
    );
    assert_eq!(names(&byline), ["Meaghan Weeden"]);
}

#[test]
fn a_label_heading_names_the_element_after_it() {
    // The wrapper holds a biography too long for a byline.
    let bio = "She writes about software, the web and the people who build it. ".repeat(3);
    let m = meta_of(&format!(
        r#"<article><h1>Headline</h1><p>Body.</p><div><h2>Article by</h2>
        <div>Matias Heikkilä</div><p>{bio}</p></div></article>"#
    ));
    assert_eq!(names(&m), ["Matias Heikkilä"]);
    let m = meta_of(&format!(
        r#"<article><h1>Titre</h1><p>Texte.</p><div><h3>Par</h3>
        <div>Jean Dupont</div><p>{bio}</p></div></article>"#
    ));
    assert_eq!(names(&m), ["Jean Dupont"]);
}

#[test]
fn a_sort_menu_option_is_no_label_for_the_next_one() {
    // phpBB's "Sort by" menu under a thread: "Author" then "Post time".
    let menu = "<label>Display posts from previous:<select><option>All posts</option>\
        <option>1 day</option></select></label><label>Sort by<select><option>Author</option>\
        <option>Post time</option><option>Subject</option></select></label>";
    let m = meta_of(&format!(
        "<h1>Thread title</h1><div><p>The first post of the thread.</p></div><form>{menu}</form>"
    ));
    assert!(names(&m).is_empty(), "{:?}", names(&m));
}

#[test]
fn a_login_form_by_the_headline_gives_no_byline() {
    for form in [
        "<label>By Username</label>",
        "<p>Written by</p><p>User name</p>",
        "<p>Von</p><p>Benutzername</p>",
    ] {
        let m = meta_of(&format!(
            r#"<article><h1>Headline</h1><form><div>{form}</div><input name="u"></form>
            <p>Body.</p></article>"#
        ));
        assert!(names(&m).is_empty(), "{form}: {:?}", names(&m));
    }
}

#[test]
fn a_forum_thread_s_starter_beats_the_microdata_of_a_featured_answer() {
    // XenForo's thread header names the starter (`a.username`) before a
    // featured solution whose author carries the first microdata.
    let m = meta_of(
        r#"<html><body><div class="p-body-header"><h1>Fan noise after upgrade</h1>
        <div class="p-description"><span class="u-srOnly">Thread starter</span>
        <a href="/members/sam.1/" class="username u-concealed">SamuelMIz</a></div></div>
        <div class="block-body"><article class="message">
        <section class="message-user" itemprop="author" itemscope itemtype="https://schema.org/Person">
        <h4 class="message-name"><span itemprop="name">Ralston18</span></h4></section>
        <div class="bbWrapper">Check the fan curve in the BIOS.</div></article></div>
        </body></html>"#,
    );
    assert_eq!(names(&m), ["SamuelMIz"]);
}

#[test]
fn forum_software_posters_are_read_by_their_class() {
    // vBulletin 3's `bigusername`, Flarum's `PostUser-name`.
    for (html, name) in [
        (
            r#"<h1>Printer offline</h1><table><tr><td class="alt2">
            <a class="bigusername" href="member.php?u=1">microfast</a></td>
            <td>Has anyone had this issue?</td></tr></table>"#,
            "microfast",
        ),
        (
            r#"<h1>Types of threads</h1><article><div class="PostUser">
            <h3 class="PostUser-name">antonjw</h3></div><div class="Post-body">
            <p>What if discussions had types?</p></div></article>"#,
            "antonjw",
        ),
    ] {
        let m = meta_of(&format!("<html><body>{html}</body></html>"));
        assert_eq!(names(&m), [name], "{html}");
    }
}

#[test]
fn a_commenter_s_user_name_is_not_the_author() {
    let m = meta_of(
        r#"<html><body><h1>Notes on soup</h1><p>Some soup.</p>
        <div id="comments" class="comments-area"><ol><li>
        <span class="username">soupfan</span><p>Great soup.</p></li></ol></div>
        </body></html>"#,
    );
    assert!(names(&m).is_empty(), "{:?}", names(&m));
}

#[test]
fn elementor_s_author_box_names_the_author_even_in_a_sidebar() {
    let m = meta_of(
        r#"<html><body><div class="elementor"><h1>How to pick a consultant</h1>
        <p>Start with the brief.</p><aside class="sidebar"><div class="elementor-author-box">
        <div class="elementor-author-box__text"><h4 class="elementor-author-box__name">
        Liz Kenny</h4><div class="elementor-author-box__bio">Liz writes about consulting and
        careers.</div></div></div></aside></div></body></html>"#,
    );
    assert_eq!(names(&m), ["Liz Kenny"]);
}

#[test]
fn started_by_labels_a_thread_s_author() {
    // Simple Machines Forum's thread header.
    let m = meta_of(
        r#"<html><body><h2 class="display_title">AI in forums</h2><h1>AI in forums</h1>
        <p>Started by Biology Forums, June 04, 2024, 11:23:55 AM</p></body></html>"#,
    );
    assert_eq!(names(&m), ["Biology Forums"]);
}

/// An article of `n` paragraphs: the texts that push an author box at its
/// end far past the headline.
fn long_body(n: usize) -> String {
    (0..n)
        .map(|i| format!("<p>Paragraph {i} of the article, about cheap work.</p>"))
        .collect()
}

#[test]
fn an_author_box_closing_the_article_names_the_author() {
    let m = meta_of(&format!(
        r#"<html><body><h1>Why cheap SEO does not work</h1>{}
        <div class="brxe-block"><img src="/john.jpg" alt=""><p>Written by John Crenshaw</p></div>
        </body></html>"#,
        long_body(60)
    ));
    assert_eq!(names(&m), ["John Crenshaw"]);
}

#[test]
fn written_by_in_related_cards_or_comments_names_no_one() {
    for tail in [
        r#"<section class="related-posts"><h2>More</h2><article><h3>Another post</h3>
        <p>Written by Ann Other</p></article></section>"#,
        r#"<div id="comments"><p>Written by a reader: great post.</p></div>"#,
    ] {
        let m = meta_of(&format!(
            "<html><body><h1>Soup</h1>{}{tail}</body></html>",
            long_body(60)
        ));
        assert!(names(&m).is_empty(), "{:?} in {tail}", names(&m));
    }
}

#[test]
fn a_login_handle_in_json_ld_gives_way_to_the_byline_s_full_name() {
    // A CMS writes the editor's account name into JSON-LD; the page
    // prints the writer's name under the headline.
    let ld = |name: &str| {
        format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle",
            "headline":"Council backs new park","author":{{"@type":"Person","name":"{name}"}}}}</script>"#
        )
    };
    let story = |name: &str| {
        format!(
            r#"<html><head>{}</head><body><article><h1>Council backs new park</h1>
            <p class="byline">By Denise Everheart</p><p>The vote was close.</p></article>
            </body></html>"#,
            ld(name)
        )
    };
    let m = meta_of(&story("andrew.keaveney"));
    assert_eq!(names(&m), ["Denise Everheart"]);
    // A full name in JSON-LD still wins over the byline.
    let m = meta_of(&story("Andrew Keaveney"));
    assert_eq!(names(&m), ["Andrew Keaveney"]);
    // A handle the page prints as its byline is the author's name.
    let m = meta_of(&format!(
        r#"<html><head>{}</head><body><article><h1>Council backs new park</h1>
        <p class="byline">By KatieS</p><p class="author">Posted by Team Writers</p>
        <p>The vote was close.</p></article></body></html>"#,
        ld("KatieS")
    ));
    assert_eq!(names(&m), ["KatieS"]);
}

#[test]
fn a_labelled_byline_beats_a_meta_author_naming_someone_else() {
    let page = |byline: &str| {
        format!(
            r#"<html><head><meta name="author" content="Josh Katzowitz"></head><body>
            <article><h1>How to budget in retirement</h1><p class="byline">{byline}</p>
            <p>Start with what you spend.</p></article></body></html>"#
        )
    };
    let m = meta_of(&page("By Charles Patterson, Columnist"));
    assert_eq!(names(&m), ["Charles Patterson"]);
    // An unlabelled line of names does not overrule the meta tag.
    let m = meta_of(&page("Charles Patterson"));
    assert_eq!(names(&m), ["Josh Katzowitz"]);
}

#[test]
fn contributors_label_the_byline_under_the_headline() {
    let m = meta_of(
        r#"<html><body><article><h1>Houseplants for low light</h1>
        <p>These varieties thrive in dim rooms.</p>
        <div class="tags"><div><strong>Contributors:</strong> Janet Loughrey</div></div>
        <p>Start with a snake plant.</p></article></body></html>"#,
    );
    assert_eq!(names(&m), ["Janet Loughrey"]);
}

#[test]
fn a_commenters_byline_is_not_the_articles() {
    let html = r#"<article><h1>Storm closes the coast road</h1>
        <p>Text of the story that runs long enough to be the article.</p></article>
        <ul class="comments-list"><li><div class="byline">Pat Reader</div><time>2 hours ago</time>
        <p>Great story.</p></li></ul>"#;
    assert!(names(&meta_of(html)).is_empty());
    // A comments section that holds the headline is the page's wrapper.
    let wrapped = r#"<div class="has-comments"><article><h1>Storm closes the coast road</h1>
        <div class="byline">Ann Lee</div><p>Text of the story.</p></article></div>"#;
    assert_eq!(names(&meta_of(wrapped)), ["Ann Lee"]);
}
