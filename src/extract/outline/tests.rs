//! Unit tests of the outline, on hand-written HTML.

use super::header::{byline_prefix_len, opens_with_boilerplate, strip_byline_prefix};
use super::*;
use crate::article::{CodeBlock, Inline, Paragraph};
use crate::extract::clean::find_content;
use crate::extract::dom::Dom;
use crate::extract::vocabulary::{BOILERPLATE_PHRASES, BYLINE_LABELS};
use scraper::Html;

fn body(html: &str, title: Option<&str>) -> Body {
    let doc = Html::parse_document(html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let base = Url::parse("https://news.test/world/story").unwrap();
    build(&dom, &content, Some(&base), title)
}

/// The body of `html` and its plain text.
fn body_and_text(html: &str) -> (Body, String) {
    let b = body(html, None);
    let text = crate::extract::render::text(&b.sections);
    (b, text)
}

const P: &str = "Long enough paragraph text, with commas, clauses, and words to be prose.";

/// The caption of the figure whose image's URL ends with `name`: `None`
/// inside when it has none, `None` outside when there is no such figure.
fn caption_of(b: &Body, name: &str) -> Option<Option<String>> {
    b.figures
        .iter()
        .find(|f| f.image.src.ends_with(name))
        .map(|f| f.caption.clone())
}

#[test]
fn nests_sections_by_level_and_skips_the_title() {
    let html = format!(
        "<body><article><h1>The Title</h1><p>{P}</p><h2 id=one>One</h2><p>{P}</p>\
         <h4>Deep</h4><p>{P}</p><h2>Two</h2><p>{P}</p><h3>Empty</h3></article></body>"
    );
    let b = body(&html, Some("The title"));
    let shape: Vec<(String, u8, usize, usize)> = b
        .sections
        .iter()
        .map(|s| (s.heading.clone(), s.level, s.blocks.len(), s.children.len()))
        .collect();
    assert_eq!(
        shape,
        [
            (String::new(), 0, 1, 0),
            ("One".to_owned(), 2, 1, 1),
            ("Two".to_owned(), 2, 1, 0)
        ]
    );
    assert_eq!(b.sections[1].anchor.as_deref(), Some("one"));
    assert_eq!(b.sections[1].children[0].level, 4);
}

fn headings_of(b: &Body) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<&Section> = b.sections.iter().rev().collect();
    while let Some(s) = stack.pop() {
        if s.level > 0 {
            out.push(s.heading.clone());
        }
        stack.extend(s.children.iter().rev());
    }
    out
}

#[test]
fn the_first_h1_or_h2_that_is_a_part_of_the_title_is_the_headline() {
    // The title has the site name and chapter after the headline.
    let html = format!(
        "<body><article><h2>Conversations with a Cryptid</h2><p>{P}</p>\
         <h2>Conversations with a Cryptid</h2><p>{P}</p></article></body>"
    );
    let b = body(
        &html,
        Some("Conversations with a Cryptid - Chapter 1 - Archive"),
    );
    assert_eq!(headings_of(&b), ["Conversations with a Cryptid"]);
    // An h3 that is a part of the title is a section heading; so is a
    // heading of title words that is no part of it.
    let html = format!(
        "<body><article><h3>Big Update</h3><p>{P}</p><h2>What to expect</h2>\
         <p>{P}</p></article></body>"
    );
    let b = body(&html, Some("Big Update | What to expect at the show"));
    assert_eq!(headings_of(&b), ["Big Update", "What to expect"]);
    // Below the text, a part of the title opens a section.
    let html =
        format!("<body><article><p>{P}</p><h2>How to retire</h2><p>{P}</p></article></body>");
    let b = body(&html, Some("How to retire: eight steps"));
    assert_eq!(headings_of(&b), ["How to retire"]);
}

#[test]
fn a_subtitle_beside_the_headline_in_its_header_leaves_the_body() {
    let html = format!(
        "<body><article><header><h1>Anomaly Detection</h1><h2>Find problems early</h2>\
         </header><p>{P}</p><h2>Detecting</h2><p>{P}</p></article></body>"
    );
    let b = body(&html, Some("Anomaly Detection"));
    assert_eq!(headings_of(&b), ["Detecting"]);
    assert_eq!(b.sections[0].blocks.len(), 1);
    assert!(matches!(&b.sections[0].blocks[0], Block::Paragraph(p) if p.text == P));
    // Without a shared header the next heading is a section.
    let html = format!(
        "<body><article><h1>Anomaly Detection</h1><h2>Overview</h2><p>{P}</p><p>{P}</p>\
         </article></body>"
    );
    assert_eq!(
        headings_of(&body(&html, Some("Anomaly Detection"))),
        ["Overview"]
    );
}

#[test]
fn header_byline_and_time_leave_the_body() {
    let html = format!(
        "<body><main><div><ul><li>Jane Roe</li><li>Desk</li></ul></div>\
         <div><time datetime=2024-06-18>2 hours ago</time></div><p>{P}</p><p>{P}</p></main></body>"
    );
    let b = body(&html, None);
    let names: Vec<&str> = b.bylines.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Jane Roe", "Desk"]);
    assert_eq!(b.header_time.as_deref(), Some("2024-06-18"));
    assert_eq!(b.sections[0].blocks.len(), 2);
}

#[test]
fn a_short_list_under_a_section_heading_is_content_not_bylines() {
    // The headline, a line under it, then sections whose lists are short:
    // the second section's one link is its content, not the story's author.
    let html = "<body><div><h1>About This Site</h1><p>Written and produced by me.</p>\
         <h2>Mac Apps</h2><ul><li><a href=//a.test/>BBEdit</a></li><li><a href=//b.test/>Acorn</a></li>\
         <li><a href=//c.test/>MarsEdit</a></li><li><a href=//d.test/>Napkin</a></li>\
         <li><a href=//e.test/>Transmit</a></li></ul>\
         <h2>iPhone Apps</h2><ul><li><a href=//v.test/>Vesper</a></li></ul>\
         <h2>Server Software</h2><p>Long enough paragraph text, with commas, clauses, and words.</p>\
         </div></body>";
    let b = body(html, Some("About This Site"));
    assert!(b.bylines.is_empty(), "{:?}", b.bylines);
    let text = crate::extract::render::text(&b.sections);
    assert!(
        text.contains("iPhone Apps") && text.contains("Vesper"),
        "{text}"
    );
    // A kicker and the headline before the byline list leave it a byline.
    let html = format!(
        "<body><main><p><a href=/news>News</a></p><h1>The Story</h1>\
         <ul><li>Jane Roe</li><li>Desk</li></ul><p>{P}</p></main></body>"
    );
    let b = body(&html, Some("The Story"));
    let names: Vec<&str> = b.bylines.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Jane Roe", "Desk"]);
}

#[test]
fn link_lists_become_related_links() {
    let html = format!(
        "<body><main><p>{P}</p><ul><li><a href=/a>A related story with a title</a></li>\
         <li><a href=/b>Another related story title</a></li></ul><p>{P}</p></main></body>"
    );
    let b = body(&html, None);
    assert_eq!(b.related_links.len(), 2);
    assert_eq!(b.related_links[0].url, "https://news.test/a");
    assert_eq!(b.sections[0].blocks.len(), 2);
}

#[test]
fn blocks_of_every_kind() {
    let html = format!(
        "<body><article><p>{P} <a href=/x>link</a></p><ol><li>first item of the list</li>\
         <li>second</li></ol><blockquote cite=/q><p>A quote.</p></blockquote>\
         <pre><code class=language-rust>fn main() {{}}\n</code></pre>\
         <table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table>\
         <div>Loose text one<br><br>Loose text two</div><p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    let blocks = &b.sections[0].blocks;
    assert!(matches!(&blocks[0], Block::Paragraph(p) if p.links[0].url == "https://news.test/x"));
    assert!(matches!(&blocks[1], Block::List(l) if l.ordered && l.items.len() == 2));
    assert!(matches!(&blocks[2], Block::Quote(q) if q.text == "A quote."));
    assert!(matches!(&blocks[3], Block::Code(c) if c.language.as_deref() == Some("rust")));
    assert!(matches!(&blocks[4], Block::Table(t) if t.rows.len() == 2 && t.rows[0][0].header));
    assert!(matches!(&blocks[5], Block::Paragraph(p) if p.text == "Loose text one"));
    assert!(matches!(&blocks[6], Block::Paragraph(p) if p.text == "Loose text two"));
}

fn figure_srcs(b: &Body) -> Vec<String> {
    b.figures.iter().map(|f| f.image.src.clone()).collect()
}

#[test]
fn a_caption_named_figure_mid_article_keeps_its_image() {
    let html = format!(
        "<body><article><p>{P}</p><figure class=has-caption><img src=/photo.jpg width=976 \
         height=549><figcaption>A caption.</figcaption></figure><p>{P}</p>\
         <table class=tr-caption-container><tr><td><a href=/big.png><img src=/b.png></a></td></tr>\
         <tr><td class=tr-caption>Blogger caption</td></tr></table><p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    assert_eq!(
        figure_srcs(&b),
        ["https://news.test/photo.jpg", "https://news.test/b.png"]
    );
    assert_eq!(b.figures[0].caption.as_deref(), Some("A caption."));
    assert_eq!(b.figures[1].caption.as_deref(), Some("Blogger caption"));
}

#[test]
fn images_inside_paragraphs_and_headings_stand_where_they_are() {
    // Own line (after a `<br>`, before a `<br>`): a figure that splits the
    // paragraph.
    let html = format!(
        "<body><article><p>{P}</p><p>{P}<br><a href=/full.jpg><img src=/in-p.jpg></a><br>\
         {P}</p><h2><a href=/x><img src=/in-h.jpg></a>Heading</h2><p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    let blocks = &b.sections[0].blocks;
    assert!(
        matches!(&blocks[1], Block::Paragraph(p) if p.text == P),
        "{blocks:?}"
    );
    assert!(matches!(&blocks[2], Block::Figure(f) if f.image.src.ends_with("in-p.jpg")));
    assert!(matches!(&blocks[3], Block::Paragraph(p) if p.text == P));
    assert!(figure_srcs(&b)[1].ends_with("in-h.jpg"));
}

fn images_in(runs: &[Inline]) -> Vec<String> {
    let mut out = Vec::new();
    for run in runs {
        match run {
            Inline::Image(i) => out.push(i.src.clone()),
            Inline::Link(l) => out.extend(images_in(&l.children)),
            Inline::Emphasis(c) | Inline::Strong(c) => out.extend(images_in(c)),
            _ => {}
        }
    }
    out
}

#[test]
fn an_image_inside_a_line_of_text_is_a_run_of_its_paragraph() {
    let html = format!(
        "<body><article><p>{P}</p><p>The formula <img src=/f.png alt=\"E = mc2\" width=80 \
         height=60> holds, and <a href=/big.jpg><img src=/linked.jpg></a> so does this.</p>\
         <p>{P} {P} <img src=/end.jpg></p><p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    let blocks = &b.sections[0].blocks;
    assert_eq!(blocks.len(), 4, "{blocks:?}");
    let Block::Paragraph(p) = &blocks[1] else {
        panic!("{blocks:?}");
    };
    assert_eq!(p.text, "The formula holds, and so does this.");
    assert_eq!(
        images_in(&p.inlines),
        ["https://news.test/f.png", "https://news.test/linked.jpg"]
    );
    let Some(Inline::Image(formula)) = p.inlines.get(1) else {
        panic!("{:?}", p.inlines);
    };
    assert_eq!(formula.alt.as_deref(), Some("E = mc2"));
    assert_eq!((formula.width, formula.height), (Some(80), Some(60)));
    assert!(matches!(&p.inlines[0], Inline::Text(t) if t == "The formula "));
    // A space on either side, as the words around the image had.
    assert!(matches!(&p.inlines[2], Inline::Text(t) if t == " holds, and "));
    let Block::Paragraph(end) = &blocks[2] else {
        panic!("{blocks:?}");
    };
    assert_eq!(images_in(&end.inlines), ["https://news.test/end.jpg"]);
    // Every image is still listed with the figures.
    assert_eq!(
        figure_srcs(&b),
        [
            "https://news.test/f.png",
            "https://news.test/linked.jpg",
            "https://news.test/end.jpg"
        ]
    );
}

#[test]
fn a_paragraphs_own_line_beside_its_image_stays_body_text() {
    // A line the page gives no caption markup is the author's text: kept in
    // the body after the picture, not hidden as the figure's caption. A
    // labelled credit in the same place is still the figure's.
    let html = format!(
        "<body><article><p>{P}</p><p><img src=/portrait.jpg width=600 height=400><br>\
         The dress was stolen from her hotel room on Thursday night.</p><p>{P}</p>\
         <p><img src=/bridge.jpg width=600 height=400><br>Photo: Jane Roe</p><p>{P}</p>\
         </article></body>"
    );
    let (b, text) = body_and_text(&html);
    assert!(
        text.contains("The dress was stolen from her hotel room on Thursday night."),
        "{text}"
    );
    assert_eq!(
        caption_of(&b, "portrait.jpg"),
        Some(None),
        "{:?}",
        b.figures
    );
    let bridge = b
        .figures
        .iter()
        .find(|f| f.image.src.ends_with("bridge.jpg"));
    let credit = bridge.and_then(|f| f.credit.as_deref().or(f.caption.as_deref()));
    assert!(
        credit.is_some_and(|c| c.contains("Jane Roe")),
        "{:?}",
        b.figures
    );
    assert!(!text.contains("Jane Roe"), "{text}");
}

#[test]
fn an_image_alone_or_captioned_in_a_paragraph_stays_a_figure() {
    let html = format!(
        "<body><article><p>{P}</p><p><img src=/alone.jpg></p><p>Text then \
         <span class=image><img src=/c.jpg><span class=caption>The caption</span></span></p>\
         <p>Words <img src=/icon.png width=12 height=12> and an icon.</p><p>{P}</p>\
         <figure><span>Image</span><img src=/g1.jpg> <img src=/g2.jpg></figure><p>{P}</p>\
         <p><img src=/opens.jpg>{P} {P}</p><p>A photo <img src=/wide.jpg width=900 \
         height=600> in the text.</p></article></body>"
    );
    let b = body(&html, None);
    let blocks = &b.sections[0].blocks;
    assert!(matches!(&blocks[1], Block::Figure(f) if f.image.src.ends_with("alone.jpg")));
    assert!(
        blocks.iter().all(|b| match b {
            Block::Paragraph(p) => images_in(&p.inlines).is_empty(),
            _ => true,
        }),
        "{blocks:?}"
    );
    assert!(
        blocks
            .iter()
            .any(|b| matches!(b, Block::Paragraph(p) if p.text == "Words and an icon."))
    );
    assert_eq!(
        figure_srcs(&b),
        [
            "https://news.test/alone.jpg",
            "https://news.test/c.jpg",
            "https://news.test/g1.jpg",
            "https://news.test/opens.jpg",
            "https://news.test/wide.jpg"
        ]
    );
    // The image opening a paragraph is the figure above its words.
    let opens = blocks
        .iter()
        .position(|b| matches!(b, Block::Figure(f) if f.image.src.ends_with("opens.jpg")));
    assert!(
        matches!(opens.and_then(|n| blocks.get(n + 1)), Some(Block::Paragraph(p)) if p.text.starts_with("Long")),
        "{blocks:?}"
    );
    assert!(
        blocks
            .iter()
            .any(|b| matches!(b, Block::Figure(f) if f.image.src.ends_with("wide.jpg")))
    );
}

#[test]
fn noscript_fallbacks_replace_placeholders_and_stand_alone() {
    let html = format!(
        "<body><article><p>{P}</p><figure><div><img src=/max/60/a.png?q=20 width=900 \
         height=500></div><noscript><img src=/max/2000/a.png width=900 height=500></noscript>\
         <figcaption>Real one</figcaption></figure><p>{P}</p><div><img class=lazy \
         src=data:image/gif;base64,R0l><noscript><img src=/only-here.jpg></noscript></div>\
         <p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    assert_eq!(
        figure_srcs(&b),
        [
            "https://news.test/max/2000/a.png",
            "https://news.test/only-here.jpg"
        ]
    );
    assert_eq!(b.figures[0].caption.as_deref(), Some("Real one"));
}

#[test]
fn a_figcaption_after_its_figure_and_repeated_images() {
    let html = format!(
        "<body><article><p>{P}</p><figure><img src=/a.jpg></figure>\n<figcaption>Outside \
         caption</figcaption><p>{P}</p><figure><img src=/a.jpg></figure><p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    assert_eq!(b.figures.len(), 2, "an image used twice stays twice");
    assert_eq!(b.figures[0].caption.as_deref(), Some("Outside caption"));
}

#[test]
fn link_clusters_keep_images_linked_to_their_file_only() {
    let links = "<a href=/a>A link to some other page of the wiki</a> ".repeat(12);
    let html = format!(
        "<body><article><p>{P}</p><div><a href=/w/File:Map.png class=image><img src=/map.png \
         width=250 height=250></a> {links}</div><ul><li><a href=/story><img src=/teaser.jpg>\
         A teaser for another story</a></li><li><a href=/s2>Another teaser story</a></li></ul>\
         <p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    assert_eq!(figure_srcs(&b), ["https://news.test/map.png"], "{b:?}");
}

#[test]
fn byline_prefixes_and_boilerplate_phrases_survive_length_changing_case() {
    let prefixes = BYLINE_LABELS.iter().flat_map(|l| l.outline_prefixes);
    for label in prefixes.chain(BOILERPLATE_PHRASES) {
        assert_eq!(*label, label.to_lowercase(), "written in lower case");
        for text in crate::extract::text::tricky::variants(label) {
            if let Some(n) = byline_prefix_len(&text) {
                assert!(text.is_char_boundary(n), "{text:?}");
            }
            let _ = strip_byline_prefix(&text);
            let _ = opens_with_boilerplate(&text);
            let html = format!(
                "<body><article><h1>{text}</h1><p class=byline>{text}</p><h2>{text}</h2>\
                 <p>{text} {P}</p><ul><li>{text}</li></ul><p>{P}</p></article></body>"
            );
            let _ = body(&html, Some(&text));
        }
    }
    assert_eq!(strip_byline_prefix("B\u{130}ZIM"), "B\u{130}ZIM");
    assert_eq!(
        strip_byline_prefix("BY \u{130}pek \u{212a}aya"),
        "\u{130}pek \u{212a}aya"
    );
}

#[test]
fn headings_lose_permalinks_edit_links_and_numbers() {
    let html = format!(
        "<body><article><p>{P}</p><h2 id=a>Setup<a class=headerlink href=#a>¶</a></h2><p>{P}</p>\
         <h2><span class=mw-headline-number>1.2</span> <span class=mw-headline>History</span>\
         <span class=mw-editsection>[<a href=/edit>edit</a>]</span></h2><p>{P}</p>\
         <h3><a href=#c aria-hidden=true>#</a>Usage</h3><p>{P}</p><h2>C# tips</h2><p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    let headings: Vec<&str> = b
        .sections
        .iter()
        .skip(1)
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings, ["Setup", "History", "C# tips"]);
    assert_eq!(b.sections[2].children[0].heading, "Usage");
}

fn first_paragraph(b: &Body) -> &Paragraph {
    b.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|block| match block {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .expect("a paragraph")
}

fn t(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

#[test]
fn paragraphs_carry_every_inline_kind() {
    let html = format!(
        "<body><article><p>{P} <em>soft</em> <strong>bold <i>both</i></strong> <code>x &lt; y</code> \
         H<sub>2</sub>O x<sup>2</sup><br>next line <a href=/w title=T>a <b>link</b></a>.</p><p>{P}</p>\
         </article></body>"
    );
    let b = body(&html, None);
    let p = first_paragraph(&b);
    assert_eq!(
        p.text,
        format!("{P} soft bold both x < y H2O x2 next line a link.")
    );
    let Inline::Link(link) = &p.inlines[p.inlines.len() - 2] else {
        panic!("{:?}", p.inlines);
    };
    assert_eq!(link.url, "https://news.test/w");
    assert_eq!(link.title.as_deref(), Some("T"));
    assert_eq!(link.children, [t("a "), Inline::Strong(vec![t("link")])]);
    assert_eq!(p.links[0].text, "a link");
    assert_eq!(
        p.inlines[..p.inlines.len() - 2],
        [
            t(&format!("{P} ")),
            Inline::Emphasis(vec![t("soft")]),
            t(" "),
            Inline::Strong(vec![t("bold "), Inline::Emphasis(vec![t("both")])]),
            t(" "),
            Inline::Code("x < y".into()),
            t(" H"),
            Inline::Subscript(vec![t("2")]),
            t("O x"),
            Inline::Superscript(vec![t("2")]),
            Inline::LineBreak,
            t("next line "),
        ]
    );
}

#[test]
fn loose_text_markup_ends_with_its_block() {
    let html = format!(
        "<body><article><p>{P}</p><div><em>Loose emphasis</em> text</div><div>plain after</div>\
         <p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    let blocks = &b.sections[0].blocks;
    assert!(matches!(&blocks[1], Block::Paragraph(p)
        if p.inlines == [Inline::Emphasis(vec![t("Loose emphasis")]), t(" text")]));
    assert!(matches!(&blocks[2], Block::Paragraph(p) if p.inlines == [t("plain after")]));
}

#[test]
fn list_items_hold_blocks_so_lists_nest() {
    let html = format!(
        "<body><article><p>{P}</p><ul><li>First <a href=/a>item</a> of the list here\
         <ol><li>nested one</li><li>nested <em>two</em></li></ol></li>\
         <li><p>Second item paragraph</p><p>and another</p></li></ul>\
         <dl><dt>Term</dt><dd>Its description</dd></dl><p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    let blocks = &b.sections[0].blocks;
    let Block::List(list) = &blocks[1] else {
        panic!("{blocks:?}");
    };
    assert_eq!(
        list.items,
        [
            "First item of the list here nested one nested two",
            "Second item paragraph and another"
        ]
    );
    let first = &list.entries[0].blocks;
    assert!(matches!(&first[0], Block::Paragraph(p) if p.links[0].url == "https://news.test/a"));
    assert!(
        matches!(&first[1], Block::List(l) if l.ordered && l.items == ["nested one", "nested two"])
    );
    assert_eq!(list.entries[1].blocks.len(), 2);
    let Block::List(dl) = &blocks[2] else {
        panic!("{blocks:?}");
    };
    assert!(dl.definitions && dl.entries[0].is_term && !dl.entries[1].is_term);
    assert_eq!(dl.items, ["Term", "Its description"]);
}

#[test]
fn quotes_keep_paragraphs_and_attribution_apart() {
    let html = format!(
        "<body><article><p>{P}</p><blockquote cite=/src><p>First said.</p><p>Then this.</p>\
         <footer>— A. Person</footer></blockquote><p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    let Block::Quote(q) = &b.sections[0].blocks[1] else {
        panic!("{:?}", b.sections[0].blocks);
    };
    assert_eq!(q.text, "First said.\n\nThen this.");
    assert_eq!(q.blocks.len(), 2);
    assert_eq!(q.attribution.as_deref(), Some("— A. Person"));
    assert_eq!(q.cite.as_deref(), Some("https://news.test/src"));
}

#[test]
fn tables_keep_header_rows_spans_and_runs() {
    let html = format!(
        "<body><article><p>{P}</p><table><caption>Figures</caption><thead><tr><th>Name</th>\
         <th colspan=2>Values</th></tr></thead><tbody><tr><td rowspan=2><a href=/x>x</a></td>\
         <td>1</td><td>2</td></tr><tr><td>3</td><td>4<br>5</td></tr></tbody></table><p>{P}</p>\
         </article></body>"
    );
    let b = body(&html, None);
    let Block::Table(table) = &b.sections[0].blocks[1] else {
        panic!("{:?}", b.sections[0].blocks);
    };
    assert_eq!(table.header_rows, 1);
    assert_eq!(table.caption.as_deref(), Some("Figures"));
    assert_eq!(table.rows[0][1].colspan, 2);
    assert_eq!(table.rows[1][0].rowspan, 2);
    assert!(
        matches!(&table.rows[1][0].inlines[0], Inline::Link(l) if l.url == "https://news.test/x")
    );
    assert_eq!(table.rows[2][1].text, "4 5");
    assert_eq!(
        table.rows[2][1].inlines,
        [t("4"), Inline::LineBreak, t("5")]
    );
}

fn code_of(html: &str) -> Vec<CodeBlock> {
    let html = format!("<body><article><p>{P}</p>{html}<p>{P}</p></article></body>");
    body(&html, None)
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|block| match block {
            Block::Code(c) => Some(c.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn code_keeps_its_lines_whatever_the_highlighter_wrote() {
    let expected = "fn main() {\n    run();\n}";
    for html in [
        // Lines as elements, no newlines (CodeMirror, many site themes).
        "<pre><code class=language-rust><div class=line>fn main() {</div><div class=line>    \
         run();</div><div class=line>}</div></code></pre>",
        // Shiki's line spans with no newline between them (Tailwind's,
        // VitePress's and Astro's minified builds; CSS makes them blocks).
        "<pre class=shiki><code class=language-rust><span class=line><span>fn</span><span> main() \
         {</span></span><span class=line>    run();</span><span class=line>}</span></code></pre>",
        // `<br>` between lines, spans inside (Hexo, WordPress plugins).
        "<pre class=\"brush: rust; gutter: true\"><span class=kw>fn</span> main() {<br>    \
         run();<br>}</pre>",
        // Pygments `linenos=table` (Sphinx, MkDocs): numbers in their own cell.
        "<div class=highlight-rust><table class=highlighttable><tr><td class=linenos>\
         <div class=linenodiv><pre>1\n2\n3</pre></div></td><td class=code><div class=highlight>\
         <pre>fn main() {\n    run();\n}</pre></div></td></tr></table></div>",
        // highlight.js line numbers: a table of rows inside the code.
        "<pre><code class=\"hljs language-rust\"><table class=hljs-ln><tr><td class=hljs-ln-numbers>1</td>\
         <td class=hljs-ln-code>fn main() {</td></tr><tr><td class=hljs-ln-numbers>2</td>\
         <td class=hljs-ln-code>    run();</td></tr><tr><td class=hljs-ln-numbers>3</td>\
         <td class=hljs-ln-code>}</td></tr></table></code></pre>",
        // Line-number spans and a copy button inside the block.
        "<pre class=language-rust><button>Copy</button><span class=copy>Copy</span>\
         <span class=line-number>1</span>fn main() {\n<span class=line-number>2</span>    run();\n\
         <span class=line-number>3</span>}</pre>",
    ] {
        let code = code_of(html);
        assert_eq!(code.len(), 1, "{html}: {code:?}");
        assert_eq!(code[0].text, expected, "{html}");
        assert_eq!(code[0].language.as_deref(), Some("rust"), "{html}");
    }
}

#[test]
fn docusaurus_and_mkdocs_permalinks_leave_headings() {
    let html = format!(
        "<body><article><p>{P}</p><h2 id=x>Install<a class=hash-link href=#x title=\"Direct link\">\u{200b}</a></h2>\
         <p>{P}</p><h3 id=y>Configure <a class=headerlink href=#y>¶</a></h3><p>{P}</p>\
         <h2>Usage <span>[edit]</span></h2><p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    assert_eq!(b.sections[1].heading, "Install");
    assert_eq!(b.sections[1].level, 2);
    assert_eq!(b.sections[1].children[0].heading, "Configure");
    assert_eq!(b.sections[1].children[0].level, 3);
    assert_eq!(b.sections[2].heading, "Usage");
}

#[test]
fn outline_byline_prefixes_are_the_former_list_and_none_starts_another() {
    let mut prefixes: Vec<&str> = BYLINE_LABELS
        .iter()
        .flat_map(|l| l.outline_prefixes)
        .copied()
        .collect();
    // None starts another, so the order they are tried in changes nothing.
    for a in &prefixes {
        for b in &prefixes {
            assert!(
                a == b || !b.to_lowercase().starts_with(&a.to_lowercase()),
                "{a} {b}"
            );
        }
    }
    prefixes.sort_unstable();
    let mut former = [
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
    former.sort_unstable();
    assert_eq!(prefixes, former);
    assert_eq!(strip_byline_prefix("Przez Jan Kowalski"), "Jan Kowalski");
}

#[test]
fn an_image_inside_a_line_of_a_list_item_or_loose_text_is_a_run() {
    let html = format!(
        "<body><article><p>{P}</p><ul><li><a href=/p/1><img src=/thumb1.jpg></a> \
         Kettle, steel, two litres</li><li>Plain item</li><li><img src=/own.jpg></li></ul>\
         <div>Loose words <img src=/loose.jpg> around it<div><img src=/block.jpg></div></div>\
         <p>{P}</p></article></body>"
    );
    let b = body(&html, None);
    let blocks = &b.sections[0].blocks;
    let Some(Block::List(list)) = blocks.iter().find(|b| matches!(b, Block::List(_))) else {
        panic!("{blocks:?}");
    };
    let Block::Paragraph(item) = &list.entries[0].blocks[0] else {
        panic!("{list:?}");
    };
    assert_eq!(item.text, "Kettle, steel, two litres");
    assert_eq!(images_in(&item.inlines), ["https://news.test/thumb1.jpg"]);
    let loose = blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph(p) if p.text == "Loose words around it" => Some(p),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{blocks:?}"));
    assert_eq!(images_in(&loose.inlines), ["https://news.test/loose.jpg"]);
    // The item that is only an image, and the image in its own block, are
    // figures.
    let figures: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f.image.src.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        figures,
        ["https://news.test/own.jpg", "https://news.test/block.jpg"]
    );
    assert_eq!(b.figures.len(), 4);
}

#[test]
fn a_heading_that_opens_with_a_phrase_keeps_its_prose_section() {
    let html = format!(
        "<body><article><p>{P}</p><h2>Related work in the field</h2><p>{P} Kept.</p>\
         <h2>Related stories</h2><p>{P} Gone.</p>\
         <h2>Share this</h2><ul><li><a href=/x>Facebook</a></li></ul></article></body>"
    );
    let b = body(&html, None);
    let headings: Vec<&str> = b.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["", "Related work in the field"]);
}

#[test]
fn a_pages_h1_that_is_a_boilerplate_phrase_keeps_the_page() {
    // A chart of trending projects: its headline is a boilerplate phrase,
    // its entries sections under it; a "Related" heading below still goes.
    let html = format!(
        "<body><main><h1>Trending</h1><p>{P}</p><h2>First project</h2><p>{P} Kept.</p>\
         <h2>Related</h2><p>{P} Gone.</p></main></body>"
    );
    let b = body(&html, Some("Trending projects today"));
    let text = b
        .sections
        .iter()
        .map(|s| format!("{s:?}"))
        .collect::<String>();
    assert!(text.contains("First project"), "{text}");
    assert!(text.contains("Kept."), "{text}");
    assert!(!text.contains("Gone."), "{text}");
}

#[test]
fn bare_headings_are_items_on_a_listing_and_empty_sections_on_an_article() {
    // A results page whose entries are titles alone, then one with a blurb.
    let entries: String = (0..5)
        .map(|n| {
            format!("<article><header><h2><a href=/n/{n}>News item {n}</a></h2></header></article>")
        })
        .collect();
    let html = format!("<body><div id=list>{entries}<p>{P}</p></div></body>");
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let headings = |profile: &crate::extract::profile::Profile| -> Vec<String> {
        let content = crate::extract::clean::find_content_with(&dom, profile);
        build(&dom, &content, None, None)
            .sections
            .iter()
            .map(|s| s.heading.clone())
            .filter(|h| !h.is_empty())
            .collect()
    };
    let listing = headings(&crate::extract::profile::LISTING);
    assert!(listing.iter().any(|h| h == "News item 1"), "{listing:?}");
    let article = headings(&crate::extract::profile::ARTICLE);
    assert!(!article.iter().any(|h| h == "News item 1"), "{article:?}");
}

/// The body text of `html` under the extraction profile `profile`.
fn text_with(html: &str, profile: &crate::extract::profile::Profile) -> String {
    let doc = Html::parse_document(html);
    let dom = Dom::build(&doc);
    let content = crate::extract::clean::find_content_with(&dom, profile);
    let b = build(&dom, &content, None, None);
    crate::extract::render::text(&b.sections)
}

#[test]
fn a_link_alone_in_a_paragraph_is_an_item_on_a_listing_and_a_teaser_on_an_article() {
    // A shop grid whose cards are a linked name and price, and nothing else.
    let cards: String = (0..8)
        .map(|n| format!("<div class=card><p><a href=/p/{n}>Walnut chair {n} $170</a></p></div>"))
        .collect();
    let html = format!("<body><main><p>{P}</p>{cards}<p>{P}</p></main></body>");
    let text = |profile| text_with(&html, profile);
    let collection = text(&crate::extract::profile::COLLECTION);
    assert!(collection.contains("Walnut chair 3 $170"), "{collection}");
    let article = text(&crate::extract::profile::ARTICLE);
    assert!(article.contains("Long enough paragraph"), "{article}");
    assert!(!article.contains("Walnut chair 3"), "{article}");
}

#[test]
fn a_linked_card_opening_with_a_phrase_is_an_item_on_a_listing_and_a_teaser_on_an_article() {
    // Result cards whose title and blurb sit inside one link; one title
    // opens with "Sign up", as a promotion's teaser line would.
    let blurb = "With the end of the year approaching we all ask what we want to \
                 learn next, which course will take us there in the new year, and \
                 how much time a week it will ask of us.";
    let card = |n: usize, title: &str| {
        format!("<section><a href=/s/{n}><h3>{title}</h3><p>{blurb} ({n})</p></a></section>")
    };
    let cards: String = (0..5)
        .map(|n| card(n, &format!("Story {n} on learning online")))
        .chain([card(
            9,
            "Sign up for a course and start the year with a new skill",
        )])
        .collect();
    let html = format!("<body><main><p>{P}</p>{cards}</main></body>");
    let text = |profile| text_with(&html, profile);
    let listing = text(&crate::extract::profile::LISTING);
    assert!(listing.contains("Story 3 on learning"), "{listing}");
    assert!(listing.contains("Sign up for a course"), "{listing}");
    let article = text(&crate::extract::profile::ARTICLE);
    assert!(article.contains("Long enough paragraph"), "{article}");
    assert!(!article.contains("Sign up for a course"), "{article}");
}

#[test]
fn list_items_inside_div_wrappers_are_items() {
    // The HTML standard's `<dl><div><dt><dd></div>` grouping, a component
    // library's `<ul><div><li>` and an editor's `<ul><ul><li>`.
    let html = format!(
        "<body><article><p>{P}</p><dl><div><dt>Seat height</dt><dd>20 in</dd></div>\
         <div><dt>Weight</dt><dd>30 lb</dd></div></dl>\
         <ul><div><div><li>Brass nail trim</li></div><li>Padded arms</li></div></ul>\
         <ul><li>Menus</li><ul><li><p>Theme based menus</p></li></ul></ul>\
         <p>{P}</p></article></body>"
    );
    let (_, text) = body_and_text(&html);
    for words in [
        "Seat height",
        "20 in",
        "30 lb",
        "Brass nail trim",
        "Padded arms",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
}

#[test]
fn a_long_list_before_the_first_paragraph_is_body_and_a_short_one_bylines() {
    let features: String = (0..6)
        .map(|n| format!("<li>Feature number {n}</li>"))
        .collect();
    let html = format!(
        "<body><article><ul><li>Ann Writer</li><li>Bo Reporter</li></ul>\
         <ul>{features}</ul><p>{P}</p></article></body>"
    );
    let (b, text) = body_and_text(&html);
    assert!(text.contains("Feature number 5"), "{text}");
    assert!(!text.contains("Ann Writer"), "{text}");
    let names: Vec<&str> = b.bylines.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ann Writer", "Bo Reporter"]);
}

#[test]
fn a_list_of_links_under_its_own_heading_is_content() {
    let refs: String = (0..4)
        .map(|n| format!("<li><a href=/ref/{n}>Smith J. A study of mindfulness, part {n}</a></li>"))
        .collect();
    let html = format!(
        "<body><article><p>{P}</p><h2>Key references</h2><ul>{refs}</ul><p>{P}</p></article></body>"
    );
    let (_, text) = body_and_text(&html);
    assert!(text.contains("A study of mindfulness, part 3"), "{text}");
    // The same list without its heading is a cluster of links.
    let html = format!("<body><article><p>{P}</p><ul>{refs}</ul><p>{P}</p></article></body>");
    let (b, text) = body_and_text(&html);
    assert!(!text.contains("A study of mindfulness"), "{text}");
    assert_eq!(b.related_links.len(), 4);
}

#[test]
fn a_list_of_links_introduced_before_it_is_content() {
    let refs: String = (0..4)
        .map(|n| format!("<li><a href=/ref/{n}>Smith J. A study of mindfulness, part {n}</a></li>"))
        .collect();
    // A paragraph that introduces the list with a colon.
    let html = format!(
        "<body><article><p>{P}</p><p>Here are some of the studies we read:</p>\
         <ul>{refs}</ul><p>{P}</p></article></body>"
    );
    let (_, text) = body_and_text(&html);
    assert!(text.contains("A study of mindfulness, part 3"), "{text}");
    // A heading in its own wrapper, the list first in the next one.
    let html = format!(
        "<body><article><p>{P}</p><div><h2>Key references</h2></div>\
         <div><div><ul>{refs}</ul></div></div><p>{P}</p></article></body>"
    );
    let (_, text) = body_and_text(&html);
    assert!(text.contains("A study of mindfulness, part 3"), "{text}");
    // An introduction that is a boilerplate phrase, or a paragraph that
    // introduces nothing, leaves the list a cluster of related links.
    for before in [
        "<p>See also:</p>",
        "<p>If you liked this post you might also like:</p>",
        "<p>The end of the story, with nothing after it.</p>",
    ] {
        let html =
            format!("<body><article><p>{P}</p>{before}<ul>{refs}</ul><p>{P}</p></article></body>");
        let (b, text) = body_and_text(&html);
        assert!(!text.contains("A study of mindfulness"), "{before}: {text}");
        assert_eq!(b.related_links.len(), 4, "{before}");
    }
}

#[test]
fn a_posts_words_before_its_picture_stay_in_the_body() {
    // A forum post (XenForo's `bbWrapper`) is bare text, then the picture
    // it posts: the words lead up to the image and are the post, not its
    // caption. Bare text under a picture still captions it.
    let html = format!(
        "<body><article><p>{P}</p><div class=bbWrapper>I heard the first interviews went out \
         today, so let us get this thread started. Good luck!\
         <div class=bbImageWrapper><img src=/luck.gif width=480 height=270></div></div>\
         <div class=photo><img src=/harbour.jpg width=1280 height=720><br>\
         The harbour at dawn, seen from the lighthouse.</div><p>{P}</p></article></body>"
    );
    let (b, text) = body_and_text(&html);
    assert!(text.contains("I heard the first interviews"), "{text}");
    assert_eq!(caption_of(&b, "luck.gif"), Some(None), "{:?}", b.figures);
    assert_eq!(
        caption_of(&b, "harbour.jpg"),
        Some(Some(
            "The harbour at dawn, seen from the lighthouse.".to_owned()
        )),
        "{:?}",
        b.figures
    );
}

#[test]
fn a_builders_box_of_a_picture_and_its_prose_keeps_the_prose_in_the_body() {
    // Page builders (Oxygen's `ct-div-block` and `oxy-rich-text`) set a
    // product's picture and its review side by side, in a `<figure>` or a
    // `<div>`, the prose as bare text or a `<p>`. The prose is body text,
    // not the picture's caption. A short line under a picture still is one.
    let review = "The projector is a standout portable model that brings films and games \
                  to life wherever you are. Priced at $899, it uses an LED light source, \
                  offers 1000 lumens and covers most of the cinema colour gamut. It is \
                  compact and light enough to carry without sacrificing performance, and \
                  its speaker fills a small room.";
    let html = format!(
        "<body><article><p>{P}</p><h2>First pick</h2>\
         <div class=ct-div-block><img src=/first.webp width=1280 height=720>\
         <div class=oxy-rich-text>{review}</div></div>\
         <h2>Second pick</h2><figure class=ct-div-block><img src=/second.webp width=1280 height=720>\
         <div class=oxy-rich-text><p>{review}</p></div></figure>\
         <figure><img src=/third.jpg width=1280 height=720>\
         <div>The harbour at dawn, seen from the lighthouse.</div></figure><p>{P}</p>\
         </article></body>"
    );
    let (b, text) = body_and_text(&html);
    assert_eq!(
        text.matches("The projector is a standout").count(),
        2,
        "{text} {:?}",
        b.figures
    );
    for name in ["first.webp", "second.webp"] {
        assert_eq!(caption_of(&b, name), Some(None), "{name}: {:?}", b.figures);
    }
    assert_eq!(
        caption_of(&b, "third.jpg"),
        Some(Some(
            "The harbour at dawn, seen from the lighthouse.".to_owned()
        )),
        "{:?}",
        b.figures
    );
}
