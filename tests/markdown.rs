//! The Markdown of every development page parses back (CommonMark with GFM
//! tables, by `pulldown-cmark`) to the article's words and the section
//! tree's block structure: heading levels, paragraphs, list nesting, quotes,
//! table cells, code text and figure captions (issue 13).
//!
//! Pages come from `../shared/benchmarks/{aeb,wcxb,readability}` (or
//! `$LEDE_SHARED_DIR/benchmarks`); the test skips with a message when they
//! are absent. Pages run in parallel threads to stay within CI time.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use lede::article::{Article, Block, Section};
use lede::extract::render::is_safe_url;
use lede::extract::{Input, Options, extract};

use crate::util::repo;

/// One block as both sides see it: words and nesting, nothing else.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Heading(u8, Vec<String>),
    Paragraph(Vec<String>),
    /// Ordered or not, and each item's blocks.
    List(bool, Vec<Vec<Node>>),
    Quote(Vec<Node>),
    /// Rows of the non-empty cells' words.
    Table(Vec<Vec<Vec<String>>>),
    Code(Vec<String>),
    /// The caption's words.
    Figure(Vec<String>),
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

/// The nodes the section tree says the Markdown holds.
fn expected(sections: &[Section]) -> Vec<Node> {
    let mut out = Vec::new();
    let mut stack: Vec<&Section> = sections.iter().rev().collect();
    while let Some(s) = stack.pop() {
        if !s.heading.is_empty() {
            out.push(Node::Heading(s.level.clamp(1, 6), words(&s.heading)));
        }
        expected_blocks(&s.blocks, &mut out);
        stack.extend(s.children.iter().rev());
    }
    out
}

fn expected_blocks(blocks: &[Block], out: &mut Vec<Node>) {
    for block in blocks {
        match block {
            Block::Paragraph(p) => out.push(Node::Paragraph(words(&p.text))),
            Block::List(l) => {
                let items = l
                    .entries
                    .iter()
                    .map(|e| {
                        let mut item = Vec::new();
                        expected_blocks(&e.blocks, &mut item);
                        item
                    })
                    .collect();
                out.push(Node::List(l.ordered && !l.definitions, items));
            }
            Block::Quote(q) => {
                let mut inner = Vec::new();
                expected_blocks(&q.blocks, &mut inner);
                if let Some(a) = &q.attribution {
                    inner.push(Node::Paragraph(words(a)));
                }
                out.push(Node::Quote(inner));
            }
            Block::Table(t) => {
                if let Some(c) = &t.caption {
                    out.push(Node::Paragraph(words(c)));
                }
                let rows = t
                    .rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|c| words(&c.text))
                            .filter(|w| !w.is_empty())
                            .collect::<Vec<_>>()
                    })
                    .filter(|r| !r.is_empty())
                    .collect();
                out.push(Node::Table(rows));
            }
            Block::Code(c) => out.push(Node::Code(words(&c.text))),
            Block::Figure(f) => {
                let caption: Vec<String> = [f.caption.as_deref(), f.credit.as_deref()]
                    .into_iter()
                    .flatten()
                    .flat_map(words)
                    .collect();
                if is_safe_url(&f.image.src, true) {
                    out.push(Node::Figure(caption));
                } else if !caption.is_empty() {
                    out.push(Node::Paragraph(caption));
                }
            }
        }
    }
}

/// The words of the article's plain text, in the tree's order.
fn text_words(nodes: &[Node], out: &mut Vec<String>) {
    for node in nodes {
        match node {
            Node::Heading(_, w) | Node::Paragraph(w) | Node::Code(w) => out.extend_from_slice(w),
            Node::List(_, items) => items.iter().for_each(|i| text_words(i, out)),
            Node::Quote(inner) => text_words(inner, out),
            Node::Table(rows) => rows.iter().flatten().for_each(|c| out.extend_from_slice(c)),
            Node::Figure(_) => {}
        }
    }
}

/// A container being read from the event stream.
#[derive(Debug)]
enum Open {
    Root(Vec<Node>),
    List(bool, Vec<Vec<Node>>),
    Item(Vec<Node>),
    Quote(Vec<Node>),
    Table(Vec<Vec<Vec<String>>>),
}

/// The nodes the Markdown parses to.
fn parsed(markdown: &str) -> Result<Vec<Node>, String> {
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    let mut stack = vec![Open::Root(Vec::new())];
    // The text of the leaf block being read, and whether it holds an image.
    let mut text = String::new();
    let mut leaf = false;
    let mut image = false;
    let mut in_image = 0;
    let mut row: Vec<Vec<String>> = Vec::new();
    let push = |stack: &mut Vec<Open>, node: Node| match stack.last_mut() {
        Some(Open::Root(v) | Open::Item(v) | Open::Quote(v)) => {
            v.push(node);
            Ok(())
        }
        other => Err(format!("a block inside {other:?}")),
    };
    // An image just ended: the paragraph is a figure when a break or its
    // end follows, and holds the image inside its text otherwise.
    let mut after_image = false;
    for event in Parser::new_ext(markdown, options) {
        if std::mem::take(&mut after_image)
            && !matches!(event, Event::HardBreak | Event::End(TagEnd::Paragraph))
        {
            image = false;
        }
        match event {
            Event::Html(h) | Event::InlineHtml(h) => return Err(format!("raw HTML {h:?}")),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_)) => {
                // Text directly in a tight list item is a paragraph.
                if leaf {
                    let node = Node::Paragraph(words(&text));
                    push(&mut stack, node)?;
                }
                text.clear();
                leaf = true;
                image = false;
            }
            Event::End(end @ (TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock)) => {
                let w = words(&text);
                let node = match end {
                    TagEnd::Heading(level) => Node::Heading(level as u8, w),
                    TagEnd::CodeBlock => Node::Code(w),
                    _ if image => Node::Figure(w),
                    _ => Node::Paragraph(w),
                };
                push(&mut stack, node)?;
                text.clear();
                leaf = false;
            }
            Event::Start(Tag::List(start)) => {
                if leaf {
                    push(&mut stack, Node::Paragraph(words(&text)))?;
                    text.clear();
                    leaf = false;
                }
                stack.push(Open::List(start.is_some(), Vec::new()));
            }
            Event::Start(Tag::Item) => stack.push(Open::Item(Vec::new())),
            Event::End(TagEnd::Item) => {
                if leaf {
                    push(&mut stack, Node::Paragraph(words(&text)))?;
                    text.clear();
                    leaf = false;
                }
                let Some(Open::Item(blocks)) = stack.pop() else {
                    return Err("an item closes outside a list".into());
                };
                let Some(Open::List(_, items)) = stack.last_mut() else {
                    return Err("an item outside a list".into());
                };
                items.push(blocks);
            }
            Event::End(TagEnd::List(_)) => {
                let Some(Open::List(ordered, items)) = stack.pop() else {
                    return Err("a list closes unopened".into());
                };
                push(&mut stack, Node::List(ordered, items))?;
            }
            Event::Start(Tag::BlockQuote(_)) => stack.push(Open::Quote(Vec::new())),
            Event::End(TagEnd::BlockQuote(_)) => {
                let Some(Open::Quote(inner)) = stack.pop() else {
                    return Err("a quote closes unopened".into());
                };
                push(&mut stack, Node::Quote(inner))?;
            }
            Event::Start(Tag::Table(_)) => stack.push(Open::Table(Vec::new())),
            Event::Start(Tag::TableHead | Tag::TableRow) => row.clear(),
            Event::Start(Tag::TableCell) => text.clear(),
            Event::End(TagEnd::TableCell) => {
                let w = words(&text);
                if !w.is_empty() {
                    row.push(w);
                }
                text.clear();
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                if let (Some(Open::Table(rows)), false) = (stack.last_mut(), row.is_empty()) {
                    rows.push(std::mem::take(&mut row));
                }
            }
            Event::End(TagEnd::Table) => {
                let Some(Open::Table(rows)) = stack.pop() else {
                    return Err("a table closes unopened".into());
                };
                push(&mut stack, Node::Table(rows))?;
            }
            Event::Start(Tag::Image { .. }) => {
                // A figure's image opens its paragraph; an image after
                // words is inside the text.
                if in_image == 0 && text.trim().is_empty() {
                    image = true;
                }
                in_image += 1;
            }
            Event::End(TagEnd::Image) => {
                in_image -= 1;
                after_image = in_image == 0 && image;
            }
            Event::Text(t) | Event::Code(t) if in_image == 0 => {
                if !leaf && !matches!(stack.last(), Some(Open::Table(_))) {
                    // Text straight in a tight item.
                    text.clear();
                    leaf = true;
                    image = false;
                }
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Rule => return Err("a thematic break".into()),
            _ => {}
        }
    }
    match stack.pop() {
        Some(Open::Root(nodes)) if stack.is_empty() => Ok(nodes),
        other => Err(format!("unbalanced: {other:?}")),
    }
}

/// The first difference between two node lists, for the failure message.
fn first_difference(want: &[Node], got: &[Node]) -> String {
    let n = want.iter().zip(got).take_while(|(a, b)| a == b).count();
    format!(
        "block {n}: the tree has {:?}, the Markdown {:?}",
        want.get(n),
        got.get(n)
    )
}

/// What is wrong with one article's Markdown, if anything.
fn check(article: &Article) -> Result<(), String> {
    let markdown = article.markdown.as_deref().unwrap_or_default();
    let want = expected(&article.sections);
    let mut tree_words = Vec::new();
    text_words(&want, &mut tree_words);
    if tree_words != words(&article.text) {
        let n = tree_words
            .iter()
            .zip(words(&article.text))
            .take_while(|(a, b)| **a == *b)
            .count();
        return Err(format!(
            "the tree's words leave article.text at word {n}: {:?}",
            tree_words.get(n)
        ));
    }
    let got = parsed(markdown)?;
    if got != want {
        return Err(first_difference(&want, &got));
    }
    Ok(())
}

fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let bytes = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}

/// Every page of the development sets.
fn pages(benchmarks: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for set in ["aeb", "wcxb"] {
        if let Ok(dir) = std::fs::read_dir(benchmarks.join(set).join("html")) {
            pages.extend(dir.flatten().map(|e| e.path()));
        }
    }
    if let Ok(dir) = std::fs::read_dir(benchmarks.join("readability")) {
        pages.extend(
            dir.flatten()
                .map(|e| e.path().join("source.html"))
                .filter(|p| p.is_file()),
        );
    }
    pages.sort();
    pages
}

#[test]
fn every_development_page_round_trips() {
    let shared = std::env::var_os("LEDE_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"));
    let pages = pages(&shared.join("benchmarks"));
    if pages.is_empty() {
        eprintln!(
            "SKIPPED: no development pages under {}/benchmarks (set LEDE_SHARED_DIR)",
            shared.display()
        );
        return;
    }
    let options = Options {
        include_markdown: true,
        ..Options::default()
    };
    let started = std::time::Instant::now();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(path) = pages.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let html = read(path).expect("the page reads");
                    let input = Input {
                        html: &html,
                        ..Input::default()
                    };
                    let result = match extract(&input, &options) {
                        Ok(article) => check(&article),
                        // Pages the library refuses have no Markdown to check.
                        Err(_) => Ok(()),
                    };
                    if let Err(why) = result {
                        let mut failures = failures.lock().expect("no thread panicked");
                        failures.push(format!("{}: {why}", path.display()));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().expect("no thread panicked");
    eprintln!(
        "{} pages round-tripped in {:.1} s",
        pages.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of {} pages do not round-trip:\n{}",
        failures.len(),
        pages.len(),
        failures.join("\n")
    );
}
