//! Each fallback and each empty-body reason, through the whole pipeline on
//! hand-written pages.

use crate::article::{Article, BodyFallback, EmptyReason};
use crate::extract::{Input, Options, extract};

fn run(html: &str) -> Article {
    extract(
        &Input {
            html: html.as_bytes(),
            ..Input::default()
        },
        &Options::default(),
    )
    .expect("the page extracts")
}

fn ld(json: &str) -> String {
    format!("<script type=\"application/ld+json\">{json}</script>")
}

/// A paragraph of about forty words on a numbered topic.
fn prose(n: usize) -> String {
    format!(
        "Paragraph {n} tells how the council met on Tuesday evening, how residents \
         spoke for hours about the old bridge, and how the vote, when it finally \
         came, surprised nearly everyone who had followed the long debate, \
         including the mayor herself."
    )
}

#[test]
fn an_empty_shell_takes_the_article_body() {
    let body = format!("{}\\n\\n{}", prose(1), prose(2));
    let html = format!(
        "<html><head><title>T</title>{}</head><body><div id=root></div></body></html>",
        ld(&format!(
            r#"{{"@type":"NewsArticle","headline":"T","articleBody":"{body}"}}"#
        ))
    );
    let article = run(&html);
    assert_eq!(article.flags.body_fallback, BodyFallback::JsonLd);
    assert_eq!(article.flags.empty_reason, EmptyReason::None);
    assert_eq!(article.text, format!("{}\n\n{}", prose(1), prose(2)));
    assert_eq!(article.sections.len(), 1);
    assert_eq!(article.sections[0].blocks.len(), 2);
}

#[test]
fn a_body_much_shorter_than_the_article_body_gives_way() {
    let full: Vec<String> = (1..=6).map(prose).collect();
    let html = format!(
        "<html><head>{}</head><body><article><h1>T</h1><p>{}</p>\
         <button>Read more</button></article></body></html>",
        ld(&format!(
            r#"{{"@type":"BlogPosting","articleBody":"<p>{}</p>"}}"#,
            full.join("</p><p>")
        )),
        prose(1)
    );
    let article = run(&html);
    assert_eq!(article.flags.body_fallback, BodyFallback::JsonLd);
    assert_eq!(article.text, full.join("\n\n"));
}

#[test]
fn a_full_body_keeps_the_markup() {
    let paragraphs: Vec<String> = (1..=4).map(prose).collect();
    let html = format!(
        "<html><head>{}</head><body><article><h1>T</h1><p>{}</p></article></body></html>",
        ld(&format!(
            r#"{{"@type":"NewsArticle","articleBody":"{}"}}"#,
            paragraphs.join(" ")
        )),
        paragraphs.join("</p><p>")
    );
    let article = run(&html);
    assert_eq!(article.flags.body_fallback, BodyFallback::None);
    assert_eq!(article.text, paragraphs.join("\n\n"));
}

#[test]
fn a_question_page_gives_the_question_and_its_answers() {
    let html = format!(
        "<html><head>{}</head><body><nav><a href=/>Home</a></nav></body></html>",
        ld(&format!(
            r#"{{"@type":"QAPage","mainEntity":{{"@type":"Question","name":"Why?",
               "text":"{}","acceptedAnswer":{{"@type":"Answer","text":"{}"}},
               "suggestedAnswer":[{{"@type":"Answer","text":"{}"}}]}}}}"#,
            prose(1),
            prose(2),
            prose(3)
        ))
    );
    let article = run(&html);
    assert_eq!(article.flags.body_fallback, BodyFallback::JsonLd);
    assert_eq!(
        article.text,
        [prose(1), prose(2), prose(3)].join("\n\n"),
        "question, accepted answer, suggested answers"
    );
}

#[test]
fn a_forum_posting_gives_its_post_and_comments() {
    let html = format!(
        "<html><head>{}</head><body><p>Loading…</p></body></html>",
        ld(&format!(
            r#"{{"@type":"DiscussionForumPosting","headline":"Bridge","text":"{}",
               "comment":[{{"@type":"Comment","text":"{}"}},{{"@type":"Comment","text":"{}"}}]}}"#,
            prose(1),
            prose(2),
            prose(3)
        ))
    );
    let article = run(&html);
    assert_eq!(article.flags.body_fallback, BodyFallback::JsonLd);
    assert_eq!(article.text, [prose(1), prose(2), prose(3)].join("\n\n"));
}

#[test]
fn a_product_page_without_text_gives_its_description() {
    let html = format!(
        "<html><head>{}</head><body><div class=price>$20</div><button>Add to cart</button>\
         </body></html>",
        ld(&format!(
            r#"{{"@type":"Product","name":"Kettle","description":"{}",
               "offers":{{"@type":"Offer","price":"20","description":"Ships today, free returns."}}}}"#,
            prose(1)
        ))
    );
    let article = run(&html);
    assert_eq!(article.flags.body_fallback, BodyFallback::JsonLd);
    assert_eq!(article.text, prose(1));
}

#[test]
fn a_next_js_shell_gives_the_prose_of_its_state() {
    let state = format!(
        r#"{{"props":{{"pageProps":{{"post":{{"slug":"the-bridge-vote-and-what-came-after-it",
            "content":"<p>{}</p><p>{}</p>","excerpt":"{}"}}}}}},"page":"/posts/[slug]"}}"#,
        prose(1),
        prose(2),
        prose(1)
    );
    let html = format!(
        "<html><head><title>T</title></head><body><div id=__next></div>\
         <script id=__NEXT_DATA__ type=application/json>{state}</script></body></html>"
    );
    let article = run(&html);
    assert_eq!(article.flags.body_fallback, BodyFallback::EmbeddedState);
    assert_eq!(article.flags.empty_reason, EmptyReason::None);
    assert_eq!(article.text, [prose(1), prose(2)].join("\n\n"));
}

#[test]
fn nuxt_state_in_javascript_is_read_too() {
    let html = format!(
        "<html><body><div id=__nuxt></div><script>window.__NUXT__=(function(a,b){{return \
         {{data:[{{body:\"{}\",more:\"{}\"}}],state:{{}}}}}}(1,2));</script></body></html>",
        prose(1),
        prose(2)
    );
    let article = run(&html);
    assert_eq!(article.flags.body_fallback, BodyFallback::EmbeddedState);
    assert_eq!(article.text, [prose(1), prose(2)].join("\n\n"));
}

#[test]
fn a_page_of_markup_without_text_says_no_text() {
    let article = run("<html><head><title>T</title></head><body><img src=a.png></body></html>");
    assert!(article.text.is_empty());
    assert_eq!(article.flags.empty_reason, EmptyReason::NoText);
    assert_eq!(article.flags.body_fallback, BodyFallback::None);
}

#[test]
fn a_script_shell_says_client_rendered() {
    // An application root and a bundle: Create React App's page.
    let article = run(
        "<html><head><title>App</title></head><body><noscript>You need to enable \
         JavaScript to run this app.</noscript><div id=root></div>\
         <script src=/static/js/main.js></script></body></html>",
    );
    assert_eq!(article.flags.empty_reason, EmptyReason::ClientRendered);
    // No root, but inline code outweighing the text many times.
    let code = "var a = document.createElement('div'); a.className = 'x';\n".repeat(100);
    let article = run(&format!(
        "<html><body><div class=shell></div><script>{code}</script></body></html>"
    ));
    assert_eq!(article.flags.empty_reason, EmptyReason::ClientRendered);
    // A short analytics snippet does not make a shell.
    let article = run(
        "<html><body><img src=a.png><script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);\
         </script></body></html>",
    );
    assert_eq!(article.flags.empty_reason, EmptyReason::NoText);
}

#[test]
fn text_that_is_all_boilerplate_says_no_main_content() {
    let html = "<html><body><nav><ul><li><a href=/a>Home</a></li><li><a href=/b>News</a></li>\
        <li><a href=/c>Sport and other things people like to read about</a></li></ul></nav>\
        </body></html>";
    let article = run(html);
    assert!(article.text.is_empty(), "{}", article.text);
    assert_eq!(article.flags.empty_reason, EmptyReason::NoMainContent);
}

#[test]
fn an_article_with_text_has_no_reason_and_no_fallback() {
    let html = format!(
        "<html><body><article><h1>T</h1><p>{}</p><p>{}</p></article></body></html>",
        prose(1),
        prose(2)
    );
    let article = run(&html);
    assert!(!article.text.is_empty());
    assert_eq!(article.flags.empty_reason, EmptyReason::None);
    assert_eq!(article.flags.body_fallback, BodyFallback::None);
}
