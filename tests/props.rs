//! Properties of the extraction library over generated input (proptest):
//! it never panics on arbitrary bytes or on tag soup, heading levels nest,
//! every figure has a source, whitespace normalisation is idempotent, and a
//! kept block keeps every word (boilerplate is decided per block).

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

/// Class values of inline elements inside running text: boilerplate
/// vocabulary and harmless names alike.
const INLINE_CLASSES: &[&str] = &[
    "meta-loc",
    "share",
    "sponsor",
    "promo",
    "social-link",
    "author",
    "tags",
    "related",
    "ad",
    "widget",
    "comment",
    "nav",
    "highlight",
    "",
];

/// Inline wrappers a word of a paragraph may sit in.
const INLINE_TAGS: &[&str] = &[
    "a href=\"/x\"",
    "span",
    "span",
    "em",
    "strong",
    "b",
    "i",
    "small",
];

/// One paragraph of `words` words, each tagged `p{index}w{k}` so the test
/// can find them, some of them wrapped in inline elements with a class.
fn paragraph(index: usize) -> impl Strategy<Value = (String, Vec<String>)> {
    prop::collection::vec(
        (
            any::<bool>(),
            prop::sample::select(INLINE_TAGS),
            prop::sample::select(INLINE_CLASSES),
        ),
        8..30,
    )
    .prop_map(move |spec| {
        let mut html = String::from("<p>");
        let mut words = Vec::new();
        for (k, (wrapped, tag, class)) in spec.into_iter().enumerate() {
            let word = format!("p{index}w{k}");
            if wrapped {
                let name = tag.split(' ').next().unwrap_or("span");
                html.push_str(&format!("<{tag} class=\"{class}\">{word}</{name}>, "));
            } else {
                html.push_str(&format!("{word} and "));
            }
            words.push(word);
        }
        html.push_str("end.</p>");
        (html, words)
    })
}

/// A page of 3 to 8 such paragraphs with a heading whose id is boilerplate
/// vocabulary, between a navigation bar and a footer.
fn word_page() -> impl Strategy<Value = (String, Vec<Vec<String>>)> {
    (3usize..9)
        .prop_flat_map(|n| (0..n).map(paragraph).collect::<Vec<_>>())
        .prop_map(|paragraphs| {
            let mut html = String::from(
                "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><article>\
                 <h2 id=promotion-rules>hword one</h2>",
            );
            let mut words = vec![vec!["hword".to_owned()]];
            for (p, w) in paragraphs {
                html.push_str(&p);
                words.push(w);
            }
            html.push_str("</article><footer>Copyright</footer></body></html>");
            (html, words)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_kept_block_keeps_every_word((html, blocks) in word_page()) {
        let article = run(html.as_bytes());
        prop_assert!(article.is_some());
        let text = article.map(|a| a.text).unwrap_or_default();
        let found: std::collections::HashSet<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .collect();
        for words in &blocks {
            let kept = words.iter().any(|w| found.contains(w.as_str()));
            if kept {
                for w in words {
                    prop_assert!(found.contains(w.as_str()), "{w} lost from a kept block:\n{html}\n{text}");
                }
            }
        }
        // The paragraphs are the page: none of them may go.
        for words in blocks.iter().skip(1) {
            prop_assert!(found.contains(words[0].as_str()), "block lost:\n{html}\n{text}");
        }
    }

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
