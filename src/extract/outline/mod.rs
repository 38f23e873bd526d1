//! The body as a section tree: one linear walk over the content roots.
//!
//! The walk emits headings and blocks in page order; figures are emitted
//! where their container stands; link clusters (related stories) go to
//! `related_links` instead of the body. Before the first substantial block,
//! the article header's short items (byline lists, dates) are taken out of
//! the body and reported as bylines and a header time. Headings then nest the
//! blocks into sections by level.
//!
//! - `mod.rs`: the stage's entry ([`build`]), its output ([`Body`]), the
//!   walk's events and their nesting into sections;
//! - `walk.rs`: the walk over the content roots and the inline content
//!   between block boundaries;
//! - `inline.rs`: inline runs (links, emphasis, code, breaks) as spans of a
//!   block's text;
//! - `blocks.rs`: lists (nested, definition lists), quotations and tables;
//! - `code.rs`: code blocks, their lines and language, whatever the
//!   highlighter wrote;
//! - `headings.rs`: heading text without permalinks and edit links;
//! - `images.rs`: the content images and the figures where they stand;
//! - `related.rs`: link clusters and related links;
//! - `header.rs`: the article header (bylines, dates) and boilerplate blocks.

// Node ids index the flat DOM index and the vectors sized to it: the index
// numbers its nodes 0..len in document order and stores in-range parents
// and subtree ends, so every id read from it is in range. String slicing
// stays denied here.
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

mod blocks;
mod code;
mod header;
mod headings;
mod images;
mod inline;
mod related;
#[cfg(test)]
mod tests;
mod walk;

pub(crate) use header::{MAX_BOILERPLATE_BLOCK, opens_with_boilerplate};
pub(crate) use related::LINK_CLUSTER_DENSITY;

use std::collections::{HashMap, HashSet};

use url::Url;

use crate::article::{Author, Block, Figure, Link, Section};
use crate::extract::clean::Content;
use crate::extract::dom::Dom;
use crate::extract::figures;
use images::Images;
use inline::Pending;

/// A block this long (weighted characters) or longer ends the article header.
const SUBSTANTIAL_TEXT: u32 = 60;
/// List items up to this long can be byline names.
const MAX_BYLINE_ITEM: u32 = 40;
/// What the walk over the content produces.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The section tree.
    pub sections: Vec<Section>,
    /// Figures in page order, the images inline in text among them
    /// (without a caption).
    pub figures: Vec<Figure>,
    /// Related links found beside the body.
    pub related_links: Vec<Link>,
    /// Byline names found in the article header.
    pub bylines: Vec<Author>,
    /// The `datetime` of a `<time>` in the article header, as written.
    pub header_time: Option<String>,
    /// The visible text of that `<time>` (for relative dates).
    pub header_time_text: Option<String>,
}

impl Body {
    /// The text language detection should look at: headings, paragraphs,
    /// lists, quotes and tables, but no code and no figures.
    pub fn language_text(&self) -> String {
        crate::extract::render::language_text(&self.sections)
    }
}

/// One walk event.
#[derive(Debug)]
enum Event {
    Heading {
        level: u8,
        text: String,
        anchor: Option<String>,
        /// The nearest `<header>` or `<hgroup>` around the heading.
        header: Option<usize>,
    },
    Block {
        block: Block,
        info: BlockInfo,
    },
}

/// Facts about a block the header pass needs.
#[derive(Debug, Default)]
struct BlockInfo {
    weight: u32,
    time: Option<(Option<String>, String)>,
    all_link: bool,
    link_weight: u32,
}

struct Walker<'d, 'a> {
    dom: &'d Dom<'a>,
    content: &'d Content,
    base: Option<&'d Url>,
    /// Figure container to the image it holds.
    containers: HashMap<usize, usize>,
    /// Image to its figure container.
    container_of: HashMap<usize, usize>,
    /// The images of the body in page order, as [`Images`] finds them.
    images: Images,
    /// Image positions already emitted as figures.
    emitted: HashSet<usize>,
    events: Vec<Event>,
    figures: Vec<Figure>,
    related: Vec<Link>,
    inline: Pending,
    /// The content's link lists are its items ([`Content::link_lists_are_items`]).
    link_lists_are_items: bool,
}

/// Builds the section tree from the content roots.
pub fn build(dom: &Dom<'_>, content: &Content, base: Option<&Url>, title: Option<&str>) -> Body {
    let images = Images::find(dom, content, base);
    let mut containers = HashMap::new();
    let mut container_of = HashMap::new();
    for &root in &content.roots {
        let end = dom.nodes[root].end as usize;
        for &img in images.within(root, end) {
            let container = figures::container_of(dom, content, img, root, &images.positions);
            containers.entry(container).or_insert(img);
            container_of.insert(img, container);
        }
    }
    let mut walker = Walker {
        dom,
        content,
        base,
        containers,
        container_of,
        images,
        emitted: HashSet::new(),
        events: Vec::new(),
        figures: Vec::new(),
        related: Vec::new(),
        inline: Pending::default(),
        link_lists_are_items: content.link_lists_are_items(),
    };
    for &root in &content.roots {
        walker.walk(root);
    }
    walker.flush();

    let mut body = Body::default();
    let items = content.profile.link_lists_are_content;
    let events = header::drop_boilerplate(walker.events, items);
    let title = TitleKeys::new(title);
    let events = header::take_header(events, &mut body, items, &title);
    body.sections = nest(events, &title, items);
    body.figures = walker.figures;
    body.related_links = walker.related;
    body
}

/// Comparable form of a title or heading: lower-case alphanumerics.
fn comparable(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What separates a title's headline from the site name, section or
/// chapter after (or before) it.
const TITLE_SEPARATORS: &[&str] = &[
    " - ", " – ", " — ", " -- ", " | ", " : ", ": ", " · ", " » ", " :: ", " / ",
];

/// Comparable forms of what a title holds before and after each of its
/// separators ("Evolve: Shared Mutable History — evolve extension" gives
/// "Evolve: Shared Mutable History" and "evolve extension", and "Evolve"
/// and the rest).
fn title_parts(title: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for sep in TITLE_SEPARATORS {
        for (at, _) in title.match_indices(sep) {
            let halves = [title.get(..at), title.get(at + sep.len()..)];
            parts.extend(halves.into_iter().flatten().map(comparable));
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// The comparable forms of the page's title, read by the header and the
/// nesting to tell which heading is the headline.
#[derive(Debug, Default)]
struct TitleKeys {
    /// The whole title, when it has letters or digits.
    whole: Option<String>,
    /// Its parts around each separator, as [`title_parts`] gives them.
    parts: Vec<String>,
}

impl TitleKeys {
    fn new(title: Option<&str>) -> TitleKeys {
        TitleKeys {
            whole: title.map(comparable).filter(|t| !t.is_empty()),
            parts: title.map(title_parts).unwrap_or_default(),
        }
    }

    /// Whether comparable `key` is the whole title.
    fn is_whole(&self, key: &str) -> bool {
        self.whole.as_deref() == Some(key)
    }

    /// Whether comparable `key` is one part of the title.
    fn is_part(&self, key: &str) -> bool {
        self.parts.iter().any(|p| p == key)
    }
}

/// Nests blocks under headings by level; drops the heading that repeats the
/// title (the first heading that is the title, or the first `<h1>` or
/// `<h2>` above the text that is one part of it, the title without its
/// site name or chapter) and headings with nothing under them (unless
/// `keep_bare_headings`, see [`close`]). A heading
/// after it in the same `<header>` or `<hgroup>` is the headline's subtitle
/// (a dek, the page's description), not a section: it goes too.
fn nest(events: Vec<Event>, title: &TitleKeys, keep_bare_headings: bool) -> Vec<Section> {
    let mut title_seen = false;
    // The headline stands above the text: a heading after a substantial
    // block is a section when its words are only some of the title's.
    let mut text_seen = false;
    let mut title_header: Option<usize> = None;
    let mut top: Vec<Section> = Vec::new();
    let mut stack: Vec<Section> = Vec::new();
    let mut lead = Section::default();
    for event in events {
        if let Event::Heading { header, .. } = &event
            && header.is_some()
            && *header == title_header
        {
            continue;
        }
        match event {
            Event::Heading {
                level,
                text,
                anchor,
                header,
            } => {
                let key = comparable(&text);
                if !title_seen
                    && (title.is_whole(&key) || (level <= 2 && !text_seen && title.is_part(&key)))
                {
                    title_seen = true;
                    title_header = header;
                    continue;
                }
                while stack.last().is_some_and(|s| s.level >= level) {
                    close(&mut stack, &mut top, keep_bare_headings);
                }
                stack.push(Section {
                    heading: text,
                    level,
                    anchor,
                    ..Section::default()
                });
            }
            Event::Block { block, info } => {
                text_seen |= info.weight >= SUBSTANTIAL_TEXT && !matches!(block, Block::Figure(_));
                match stack.last_mut() {
                    Some(section) => section.blocks.push(block),
                    None if top.is_empty() => lead.blocks.push(block),
                    None => {
                        // Blocks after a closed top-level section and before the
                        // next heading stay with the section before them.
                        if let Some(last) = top.last_mut() {
                            last.blocks.push(block);
                        }
                    }
                }
            }
        }
        if !lead.blocks.is_empty() && top.is_empty() && !stack.is_empty() {
            // The lead section is complete once the first heading opens.
            top.push(std::mem::take(&mut lead));
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut top, keep_bare_headings);
    }
    if !lead.blocks.is_empty() {
        top.insert(0, lead);
    }
    top
}

/// Pops the innermost open section into its parent (or the top level),
/// dropping it when it holds nothing, unless `keep_bare_headings`: on
/// listings and collections a heading alone is an item (a card's or a
/// result's title with no blurb), not an empty section.
fn close(stack: &mut Vec<Section>, top: &mut Vec<Section>, keep_bare_headings: bool) {
    let Some(section) = stack.pop() else {
        return;
    };
    if section.blocks.is_empty() && section.children.is_empty() && !keep_bare_headings {
        return;
    }
    match stack.last_mut() {
        Some(parent) => parent.children.push(section),
        None => top.push(section),
    }
}
