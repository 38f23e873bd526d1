//! The page-type stage on hand-written pages, one per kind of evidence.

use super::evidence::is_price;
use super::features::{ld_types, log_count, url_shape};
use super::*;
use crate::extract::metadata;
use scraper::Html;

fn guess(html: &str, url: &str) -> PageTypeGuess {
    decide(&features_of(html, Some(url)))
}

/// The classifier's features of `html` served from `url`.
fn features_of(html: &str, url: Option<&str>) -> Features {
    let doc = Html::parse_document(html);
    let url = url.and_then(|u| Url::parse(u).ok());
    let meta = metadata::collect(
        &doc,
        &metadata::Hints {
            page_url: url.as_ref(),
            prelude: None,
            now: None,
        },
    );
    let dom = Dom::build(&doc);
    features(&dom, &meta, url.as_ref())
}

#[test]
fn an_empty_page_is_other() {
    let g = guess("<html><body></body></html>", "https://example.com/");
    assert_eq!(g.page_type, PageType::Other);
    assert_eq!(g.confidence, 0.0);
}

fn words(n: usize, seed: &str) -> String {
    (0..n)
        .map(|i| format!("{seed}{} ", i % 7))
        .collect::<String>()
}

#[test]
fn a_discourse_thread_is_a_forum() {
    // Discourse: `topic-post` articles with `cooked` bodies, a generator tag.
    let posts: String = (0..6)
        .map(|i| {
            format!(
                r#"<div class="topic-post clearfix regular"><article class="boxed onscreen-post" id="post_{i}">
                <div class="topic-avatar"><img class="avatar" src="/u{i}.png"></div>
                <div class="topic-body"><div class="topic-meta-data"><span class="username"><a href="/u/user{i}">user{i}</a></span>
                <span class="post-date">Mar {i}</span></div>
                <div class="cooked"><p>I tried the setting you mention and the service still restarts every few minutes. {}</p></div>
                <button class="reply">Reply</button></div></article></div>"#,
                words(30, "word")
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><meta name="generator" content="Discourse 3.2.0">
        <script type="application/ld+json">{{"@type":"DiscussionForumPosting","headline":"Service restarts"}}</script></head>
        <body><h1>Service restarts every few minutes</h1><div class="post-stream">{posts}</div></body></html>"#
    );
    let g = guess(
        &html,
        "https://community.example.org/t/service-restarts/1234",
    );
    assert_eq!(g.page_type, PageType::Forum, "{g:?}");
    assert!(g.confidence > 0.5);
}

#[test]
fn a_shopify_product_is_a_product() {
    let html = format!(
        r#"<html><head><meta property="og:type" content="product">
        <link rel="stylesheet" href="//cdn.shopify.com/s/files/1/theme.css">
        <script type="application/ld+json">{{"@context":"https://schema.org","@type":"Product","name":"Linen shirt",
        "offers":{{"@type":"Offer","price":"49.00","priceCurrency":"USD"}},
        "aggregateRating":{{"@type":"AggregateRating","ratingValue":"4.6"}}}}</script></head>
        <body><div class="product-single"><h1 class="product-single__title">Linen shirt</h1>
        <span class="product-price">$49.00</span>
        <select class="product-variant">S</select><input name="quantity" class="quantity">
        <button class="product-form__cart-submit">Add to cart</button>
        <div class="product-description"><p>A light shirt of washed linen. {}</p></div></div></body></html>"#,
        words(40, "linen")
    );
    let g = guess(&html, "https://shop.example.com/products/linen-shirt");
    assert_eq!(g.page_type, PageType::Product, "{g:?}");
}

#[test]
fn a_woocommerce_category_grid_is_a_collection() {
    let items: String = (0..12)
        .map(|i| {
            format!(
                r#"<li class="product type-product"><a href="/product/mug-{i}" class="woocommerce-LoopProduct-link">
                <img src="/mug{i}.jpg"><h2 class="woocommerce-loop-product__title">Mug {i}</h2>
                <span class="price"><span class="woocommerce-Price-amount">€{i}.90</span></span></a>
                <a href="?add-to-cart={i}" class="button add_to_cart_button">Add to cart</a></li>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><link rel="stylesheet" href="/wp-content/plugins/woocommerce/assets/css/woocommerce.css"></head>
        <body class="archive tax-product_cat woocommerce"><h1>Mugs</h1>
        <form class="woocommerce-ordering"><select class="orderby"><option>Sort by price</option></select></form>
        <ul class="products columns-4">{items}</ul></body></html>"#
    );
    let g = guess(&html, "https://shop.example.com/product-category/mugs/");
    assert_eq!(g.page_type, PageType::Collection, "{g:?}");
}

#[test]
fn a_sphinx_page_is_documentation() {
    let html = format!(
        r#"<html><head><link rel="stylesheet" href="_static/pygments.css">
        <script src="_static/documentation_options.js"></script></head>
        <body><div class="sphinxsidebar"><ul class="toctree-l1"><li><a href="install.html">Install</a></li></ul></div>
        <div class="body" role="main"><section id="configuration"><h1>Configuration<a class="headerlink" href="configuration.html#configuration">¶</a></h1>
        <p>The configuration file is read at start-up. {}</p>
        <div class="highlight-python notranslate"><div class="highlight"><pre>import app
app.configure(debug=True)
app.run()</pre></div></div>
        <dl class="py function"><dt><code>configure(debug=False)</code></dt><dd><p>Sets the options.</p></dd></dl>
        <h2>Parameters<a class="headerlink" href="configuration.html#p">¶</a></h2><p>Each option has a default.</p>
        </section></div></body></html>"#,
        words(40, "option")
    );
    let g = guess(
        &html,
        "https://app.example.org/en/latest/configuration.html",
    );
    assert_eq!(g.page_type, PageType::Documentation, "{g:?}");
}

#[test]
fn a_saas_pricing_page_is_a_service() {
    let plans: String = ["Starter", "Team", "Enterprise"]
        .iter()
        .map(|p| {
            format!(
                r#"<div class="pricing-plan"><h3>{p}</h3><div class="plan-price">$29/month</div>
                <ul class="plan-features"><li>Unlimited projects</li><li>Priority support</li></ul>
                <a class="btn cta" href="/signup">Start free trial</a></div>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="website"></head><body>
        <section class="hero"><h1>Simple pricing for every team</h1><p>Plans that grow with you.</p>
        <a class="btn" href="/demo">Book a demo</a></section>
        <section class="pricing">{plans}</section>
        <section class="faq"><h2>Frequently asked questions</h2><div class="accordion"><h3>Can I cancel?</h3>
        <p>Yes, any time.</p></div></section>
        <section class="testimonials"><blockquote>It changed how we work.</blockquote></section>
        <a href="/contact">Contact sales</a></body></html>"#
    );
    let g = guess(&html, "https://www.example.io/pricing");
    assert_eq!(g.page_type, PageType::Service, "{g:?}");
}

#[test]
fn a_news_article_is_an_article() {
    let paragraphs: String = (0..8)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the story tells what happened in the town hall on Monday \
                 evening, when the council met to vote on the new budget plan and argued, at \
                 length, about the cost of the bridge.</p>"
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="article">
        <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Council votes",
        "datePublished":"2024-06-18","author":{{"@type":"Person","name":"Ann Lee"}}}}</script></head>
        <body><nav><a href="/">Home</a><a href="/politics">Politics</a></nav>
        <article><h1>Council votes on the budget</h1><p class="byline">By Ann Lee</p>
        <time datetime="2024-06-18">June 18</time><div class="article-body">{paragraphs}</div></article></body></html>"#
    );
    let g = guess(
        &html,
        "https://news.example.com/2024/06/18/council-votes-on-the-new-budget",
    );
    assert_eq!(g.page_type, PageType::Article, "{g:?}");
    assert!(g.confidence > 0.5);
}

#[test]
fn a_listing_of_posts_is_a_listing() {
    let posts: String = (0..10)
        .map(|i| {
            format!(
                r#"<article class="post-preview"><h2 class="entry-title"><a href="/blog/post-{i}">Post number {i}</a></h2>
                <time datetime="2024-05-{:02}">May {i}</time><p class="excerpt">A short summary of post {i}, two lines at most.</p>
                <a class="read-more" href="/blog/post-{i}">Read more</a></article>"#,
                i + 1
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><h1>Blog</h1><div class="post-list">{posts}</div>
        <nav class="pagination"><a href="/blog/page/2">Older posts</a></nav></body></html>"#
    );
    let g = guess(&html, "https://www.example.com/blog/");
    assert_eq!(g.page_type, PageType::Listing, "{g:?}");
}

#[test]
fn json_ld_types_are_read_nested_and_in_arrays() {
    let mut f = Features([0.0; FEATURES]);
    ld_types(
        r#"{"@graph":[{"@type":["WebPage","CollectionPage"]},{"@type" : "schema:Product",
        "offers":{"@type":"AggregateOffer"}}]}"#,
        &mut f,
    );
    assert_eq!(f.get(F::ld_collection), 1.0);
    assert_eq!(f.get(F::ld_product), 1.0);
    assert_eq!(f.get(F::ld_forum), 0.0);
    // Broken or hostile text gives nothing, never a panic.
    ld_types(r#""@type""@type":"#, &mut f);
    ld_types("\"@type\": [\"Question\"", &mut f);
    assert_eq!(f.get(F::ld_question), 1.0);
    assert_eq!(f.get(F::ld_forum), 0.0);
}

#[test]
fn url_shapes_are_generic_path_words() {
    let shape = |u: &str| {
        let mut f = Features([0.0; FEATURES]);
        url_shape(&Url::parse(u).expect("test URL"), &mut f);
        f
    };
    assert_eq!(
        shape("https://a.test/forum/viewtopic.php?t=12345").get(F::url_forum),
        1.0
    );
    assert_eq!(
        shape("https://a.test/t/some-topic/991").get(F::url_forum),
        1.0
    );
    assert_eq!(
        shape("https://a.test/products/blue-mug").get(F::url_product),
        1.0
    );
    let products = shape("https://a.test/collections/mugs/products");
    assert_eq!(products.get(F::url_product), 0.0);
    assert_eq!(products.get(F::url_collection), 1.0);
    assert_eq!(shape("https://docs.a.test/install").get(F::url_docs), 1.0);
    assert_eq!(
        shape("https://a.test/tag/rust/page/2").get(F::url_listing),
        1.0
    );
    assert_eq!(shape("https://a.test/pricing").get(F::url_service), 1.0);
    assert_eq!(
        shape("https://a.test/2024/05/a-story").get(F::url_article),
        1.0
    );
    assert_eq!(shape("https://a.test/").get(F::url_root), 1.0);
    assert_eq!(shape("https://a.test/en-us/").get(F::url_root), 1.0);
    assert_eq!(
        shape("https://a.test/item/88231").get(F::url_numeric_id),
        1.0
    );
    assert_eq!(shape("https://a.test/2024/").get(F::url_numeric_id), 0.0);
}

#[test]
fn prices_need_a_currency_and_a_number() {
    assert!(is_price("$19.99"));
    assert!(is_price("19,99 €"));
    assert!(is_price("From 120 SEK"));
    assert!(!is_price("$"));
    assert!(!is_price("Chapter 12"));
    assert!(!is_price("Kronor"));
}

#[test]
fn the_model_tables_have_one_row_per_feature() {
    assert_eq!(FEATURE_NAMES.len(), FEATURE_DOCS.len());
    assert_eq!(weights::WEIGHTS.len(), FEATURES);
    assert!(weights::SCALE.iter().all(|&s| s > 0.0));
}

#[test]
fn explain_names_the_evidence_that_decided() {
    // A page that declares itself a forum thread and has a forum URL: the
    // declared type and the URL are among the reasons, in favour.
    let html = r#"<html><head><script type="application/ld+json">{"@type":"DiscussionForumPosting"}</script></head>
        <body><h1>Question about the settings</h1><p>Short.</p></body></html>"#;
    let features = features_of(html, Some("https://community.example.org/t/question/77"));
    assert_eq!(decide(&features).page_type, PageType::Forum);
    let reasons = explain(&features, 8);
    assert_eq!(reasons.len(), 8);
    assert!(
        reasons
            .windows(2)
            .all(|w| w[0].weight.abs() >= w[1].weight.abs())
    );
    let ld = reasons.iter().find(|c| c.feature == "ld_forum");
    assert!(
        ld.is_some_and(|c| c.weight > 0.0 && c.value == 1.0),
        "{reasons:?}"
    );
    // An empty page has no type, so nothing to explain.
    assert!(explain(&features_of("<html><body></body></html>", None), 5).is_empty());
}

#[test]
fn lemmy_comment_trees_are_forum_software() {
    // Lemmy writes each comment as an `article.comment-node` and every
    // author as a `person-listing` link: a forum software's markup, counted
    // with phpBB's and XenForo's.
    let comments: String = (0..5)
        .map(|i| {
            format!(
                r#"<li class="comment list-unstyled"><article id="comment-{i}" class="details comment-node py-2">
                <a class="person-listing d-inline-flex" href="/u/user{i}">user{i}</a>
                <div class="comment-content"><div class="md-div"><p>{}</p></div></div></article></li>"#,
                words(20, "reply")
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><article id="postContent" class="card"><div class="md-div"><p>{}</p></div></article>
        <ul class="comments">{comments}</ul></body></html>"#,
        words(40, "update")
    );
    let features = features_of(&html, Some("https://lemmy.example/post/21018364"));
    assert_eq!(features.get(F::cls_forum_sw), log_count(10), "{features:?}");
}
