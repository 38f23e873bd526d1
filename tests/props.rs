//! Properties of the extraction library over generated input (proptest):
//! it never panics on arbitrary bytes or on tag soup, heading levels nest,
//! every figure has a source, and whitespace normalisation is idempotent.

use lede::article::{Article, Section};
use lede::extract::text::normalize_whitespace;
use lede::extract::{Input, Options, extract};
use proptest::prelude::*;

/// Fragments of markup that matter to the stages: headings, blocks, figures,
/// boilerplate, unclosed and stray tags, entities, comments, scripts.
const PIECES: &[&str] = &[
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<h3>",
    "</h3>",
    "<h4>",
    "<h6>",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<article>",
    "</article>",
    "<section>",
    "<nav>",
    "</nav>",
    "<ul><li>",
    "</li>",
    "<figure>",
    "</figure>",
    "<img src=\"/i.jpg\" alt=\"a\">",
    "<img src=\"\">",
    "<img data-src=\"x.png\">",
    "<picture><source srcset=\"a.webp 2x\">",
    "<figcaption>",
    "<table><tr><td>",
    "<pre><code>",
    "<blockquote>",
    "<a href=\"/r\">",
    "</a>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "<!-- c -->",
    "<title>",
    "</title>",
    "<meta charset=x>",
    "&amp;",
    "&#0;",
    "&nbsp;",
    "<",
    ">",
    "\u{0}",
    "\u{feff}",
    "é",
    "日本語",
    "\n",
    " ",
    "Words of a sentence that goes on for a while, ",
    "A short one. ",
];

/// Tag soup: up to 200 pieces in any order.
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|pieces| pieces.concat())
}

fn run(html: &[u8]) -> Option<Article> {
    let input = Input {
        html,
        url: Some("https://example.test/a/b"),
        content_type: None,
    };
    let options = Options {
        include_html: true,
        include_markdown: true,
        ..Options::default()
    };
    extract(&input, &options).ok()
}

/// Asserts that every sub-section is deeper than its parent, without
/// recursion.
fn assert_levels_nest(sections: &[Section]) {
    let mut stack: Vec<&Section> = sections.iter().collect();
    while let Some(section) = stack.pop() {
        assert!(section.level <= 6, "level {} out of range", section.level);
        for child in &section.children {
            assert!(
                child.level > section.level,
                "h{} under h{} ({:?} under {:?})",
                child.level,
                section.level,
                child.heading,
                section.heading
            );
            stack.push(child);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = run(&bytes);
    }

    #[test]
    fn tag_soup_gives_a_well_formed_article(html in soup()) {
        if let Some(article) = run(html.as_bytes()) {
            assert_levels_nest(&article.sections);
            for figure in &article.figures {
                prop_assert!(!figure.image.src.is_empty(), "a figure without a source");
            }
        }
    }

    #[test]
    fn normalising_twice_changes_nothing(text in "[ \t\n\r\u{a0}\u{3000}a-zé日.]{0,80}") {
        let once = normalize_whitespace(&text);
        prop_assert_eq!(normalize_whitespace(&once), once);
    }
}
