//! The body as a section tree: one linear walk over the content roots.
//!
//! The walk emits headings and blocks in page order; figures are emitted
//! where their container stands; link clusters (related stories) go to
//! `related_links` instead of the body. Before the first substantial block,
//! the article header's short items (byline lists, dates) are taken out of
//! the body and reported as bylines and a header time. Headings then nest the
//! blocks into sections by level.

// Node ids index the flat DOM index and the vectors sized to it: the index
// numbers its nodes 0..len in document order and stores in-range parents
// and subtree ends, so every id read from it is in range. String slicing
// stays denied here.
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use crate::extract::attr::get_str;
use std::collections::{HashMap, HashSet};

use url::Url;

use crate::article::{
    Author, Block, CodeBlock, Figure, Link, ListBlock, Paragraph, QuoteBlock, Section, TableBlock,
    TableCell,
};
use crate::extract::clean::{Content, dead_flags};
use crate::extract::dom::{Dom, Tag, measure};
use crate::extract::figures;
use crate::extract::text::{normalize_whitespace, push_normalized};
use crate::extract::vocabulary::{BOILERPLATE_PHRASES, BYLINE_PREFIXES};

/// A block this long (weighted characters) or longer ends the article header.
const SUBSTANTIAL_TEXT: u32 = 60;
/// List items up to this long can be byline names.
const MAX_BYLINE_ITEM: u32 = 40;
/// Link density above which a list or container is a link cluster.
const LINK_CLUSTER_DENSITY: f32 = 0.5;
/// Related-story links need titles at least this long (weighted characters).
const MIN_RELATED_TITLE: u32 = 12;
/// What the walk over the content produces.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The section tree.
    pub sections: Vec<Section>,
    /// Figures in page order.
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

/// Inline content gathered between block boundaries.
#[derive(Debug, Default)]
struct Inline {
    text: String,
    links: Vec<Link>,
    link_weight: u32,
    time: Option<(Option<String>, String)>,
    pending_br: bool,
}

struct Walker<'d, 'a> {
    dom: &'d Dom<'a>,
    content: &'d Content,
    base: Option<&'d Url>,
    containers: HashMap<usize, usize>,
    events: Vec<Event>,
    figures: Vec<Figure>,
    seen_images: HashSet<String>,
    related: Vec<Link>,
    inline: Inline,
}

/// Builds the section tree from the content roots.
pub fn build(dom: &Dom<'_>, content: &Content, base: Option<&Url>, title: Option<&str>) -> Body {
    let dead = dead_flags(dom, &content.excluded);
    let mut containers = HashMap::new();
    for &root in &content.roots {
        let end = dom.nodes[root].end as usize;
        for (i, &is_dead) in dead.iter().enumerate().take(end).skip(root) {
            if dom.nodes[i].tag == Tag::Img && !is_dead && figures::is_content_image(dom, i) {
                let container = figures::container_of(dom, content, i, root);
                containers.entry(container).or_insert(i);
            }
        }
    }
    let mut walker = Walker {
        dom,
        content,
        base,
        containers,
        events: Vec::new(),
        figures: Vec::new(),
        seen_images: HashSet::new(),
        related: Vec::new(),
        inline: Inline::default(),
    };
    for &root in &content.roots {
        walker.walk(root);
    }
    walker.flush();

    let mut body = Body::default();
    let events = drop_boilerplate(walker.events);
    let events = take_header(events, &mut body);
    body.sections = nest(events, title);
    body.figures = walker.figures;
    body.related_links = walker.related;
    body
}

impl Walker<'_, '_> {
    fn walk(&mut self, root: usize) {
        let dom = self.dom;
        let end = dom.nodes[root].end as usize;
        let mut boundaries: Vec<usize> = Vec::new();
        let mut i = root;
        while i < end {
            while boundaries.last().is_some_and(|&b| b <= i) {
                boundaries.pop();
                self.flush();
            }
            let entry = dom.nodes[i];
            let next = entry.end as usize;
            if let Some(t) = dom.text(i) {
                self.push_text(t);
                i += 1;
                continue;
            }
            if !entry.is_element {
                i += 1;
                continue;
            }
            if self.content.excluded[i] {
                self.collect_related_from_excluded(i);
                i = next;
                continue;
            }
            if let Some(&img) = self.containers.get(&i) {
                self.flush();
                self.emit_figure(i, img);
                i = next;
                continue;
            }
            match entry.tag {
                tag if tag.heading_level().is_some() => {
                    self.flush();
                    self.emit_heading(i, tag.heading_level().unwrap_or(2));
                    i = next;
                }
                Tag::P => {
                    self.flush();
                    self.gather(i + 1, next);
                    self.flush();
                    i = next;
                }
                Tag::Ul | Tag::Ol | Tag::Dl | Tag::Menu => {
                    self.flush();
                    self.emit_list(i);
                    i = next;
                }
                Tag::Blockquote => {
                    self.flush();
                    self.emit_quote(i);
                    i = next;
                }
                Tag::Pre => {
                    self.flush();
                    self.emit_code(i);
                    i = next;
                }
                Tag::Table if !self.is_layout_table(i) => {
                    self.flush();
                    self.emit_table(i);
                    i = next;
                }
                Tag::Img => {
                    if figures::is_content_image(dom, i) {
                        self.flush();
                        self.emit_figure(i, i);
                    }
                    i = next;
                }
                Tag::Br => {
                    self.br();
                    i = next;
                }
                Tag::Hr => {
                    self.flush();
                    i = next;
                }
                Tag::A if self.content.stats[i].images == 0 => {
                    self.gather(i, next);
                    i = next;
                }
                Tag::Time => {
                    let datetime = dom.attr(i, "datetime").map(str::to_owned);
                    let mut text = String::new();
                    self.text_of(i, &mut text);
                    let text = normalize_whitespace(&text);
                    self.inline.time = Some((datetime, text));
                    i += 1;
                }
                tag if tag.is_block() => {
                    self.flush();
                    if self.is_link_cluster(i) {
                        self.collect_links(i);
                        i = next;
                    } else {
                        boundaries.push(next);
                        i += 1;
                    }
                }
                _ => i += 1,
            }
        }
        self.flush();
    }

    /// Appends the inline content of `start..end` (text, links, breaks).
    fn gather(&mut self, start: usize, end: usize) {
        let dom = self.dom;
        let mut i = start;
        while i < end {
            let entry = dom.nodes[i];
            if let Some(t) = dom.text(i) {
                self.push_text(t);
                i += 1;
                continue;
            }
            if entry.is_element && (entry.tag.is_never_text() || self.content.excluded[i]) {
                i = entry.end as usize;
                continue;
            }
            match entry.tag {
                Tag::Br => self.br(),
                Tag::A => {
                    if let Some(href) = dom.attr(i, "href") {
                        let mut text = String::new();
                        self.text_of(i, &mut text);
                        let text = normalize_whitespace(&text);
                        if !text.is_empty() && is_followable(href) {
                            self.inline.link_weight += measure(&text).0;
                            self.inline.links.push(Link {
                                text,
                                url: figures::resolve(self.base, href),
                            });
                        }
                    }
                }
                Tag::Time => {
                    let datetime = dom.attr(i, "datetime").map(str::to_owned);
                    let mut text = String::new();
                    self.text_of(i, &mut text);
                    self.inline.time = Some((datetime, normalize_whitespace(&text)));
                }
                tag if tag.is_block() && entry.is_element => self.inline.text.push(' '),
                _ => {}
            }
            i += 1;
        }
    }

    /// Appends the text of subtree `i` (never-text and excluded parts left out).
    fn text_of(&self, i: usize, out: &mut String) {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let mut j = i;
        while j < end {
            let entry = dom.nodes[j];
            if entry.is_element && (entry.tag.is_never_text() || self.content.excluded[j]) {
                j = entry.end as usize;
                continue;
            }
            if let Some(t) = dom.text(j) {
                push_normalized(out, t);
            } else if entry.is_element && j != i && (entry.tag == Tag::Br || entry.tag.is_block()) {
                out.push(' ');
            }
            j += 1;
        }
    }

    fn push_text(&mut self, t: &str) {
        if self.inline.pending_br && !t.trim().is_empty() {
            self.inline.pending_br = false;
        }
        push_normalized(&mut self.inline.text, t);
    }

    /// One `<br>` is a space; two in a row end the paragraph.
    fn br(&mut self) {
        if self.inline.pending_br {
            self.inline.pending_br = false;
            self.flush();
        } else {
            self.inline.pending_br = true;
            self.inline.text.push(' ');
        }
    }

    /// Ends the current run of inline content as a paragraph.
    fn flush(&mut self) {
        let inline = std::mem::take(&mut self.inline);
        let text = normalize_whitespace(&inline.text);
        if text.is_empty() {
            return;
        }
        let weight = measure(&text).0;
        let info = BlockInfo {
            weight,
            all_link: inline.link_weight >= weight,
            link_weight: inline.link_weight,
            time: inline.time,
        };
        self.events.push(Event::Block {
            block: Block::Paragraph(Paragraph {
                text,
                links: inline.links,
            }),
            info,
        });
    }

    fn emit_heading(&mut self, i: usize, level: u8) {
        let mut text = String::new();
        self.text_of(i, &mut text);
        let text = normalize_whitespace(&text);
        if text.is_empty() {
            return;
        }
        let anchor = self.dom.attr(i, "id").map(str::to_owned).or_else(|| {
            (i + 1..self.dom.nodes[i].end as usize)
                .find_map(|j| self.dom.attr(j, "id").or_else(|| self.dom.attr(j, "name")))
                .map(str::to_owned)
        });
        self.events.push(Event::Heading {
            level,
            text,
            anchor,
        });
    }

    fn emit_figure(&mut self, container: usize, img: usize) {
        let Some(figure) =
            figures::from_container(self.dom, self.content, container, img, self.base)
        else {
            return;
        };
        if !self.seen_images.insert(figure.image.src.clone()) {
            return;
        }
        self.figures.push(figure.clone());
        self.events.push(Event::Block {
            block: Block::Figure(figure),
            info: BlockInfo::default(),
        });
    }

    fn emit_list(&mut self, i: usize) {
        if self.is_link_cluster(i) {
            self.collect_links(i);
            return;
        }
        let dom = self.dom;
        let mut items = Vec::new();
        for child in dom.children(i) {
            let tag = dom.nodes[child].tag;
            if !matches!(tag, Tag::Li | Tag::Dt | Tag::Dd) || self.content.excluded[child] {
                continue;
            }
            let mut text = String::new();
            self.text_of(child, &mut text);
            let text = normalize_whitespace(&text);
            if !text.is_empty() {
                items.push(text);
            }
        }
        if items.is_empty() {
            return;
        }
        let weight: u32 = items.iter().map(|t| measure(t).0).sum();
        let short = items.iter().all(|t| measure(t).0 <= MAX_BYLINE_ITEM);
        self.events.push(Event::Block {
            block: Block::List(ListBlock {
                ordered: dom.nodes[i].tag == Tag::Ol,
                items,
            }),
            info: BlockInfo {
                weight: if short {
                    weight.min(SUBSTANTIAL_TEXT - 1)
                } else {
                    weight
                },
                ..BlockInfo::default()
            },
        });
    }

    fn emit_quote(&mut self, i: usize) {
        let mut text = String::new();
        self.text_of(i, &mut text);
        let text = normalize_whitespace(&text);
        if text.is_empty() {
            return;
        }
        let weight = measure(&text).0;
        let cite = self
            .dom
            .attr(i, "cite")
            .map(|c| figures::resolve(self.base, c));
        self.events.push(Event::Block {
            block: Block::Quote(QuoteBlock { text, cite }),
            info: BlockInfo {
                weight,
                ..BlockInfo::default()
            },
        });
    }

    fn emit_code(&mut self, i: usize) {
        let dom = self.dom;
        let mut text = String::new();
        for j in i..dom.nodes[i].end as usize {
            if let Some(t) = dom.text(j) {
                text.push_str(t);
            } else if dom.nodes[j].tag == Tag::Br {
                text.push('\n');
            }
        }
        let text = text.trim_matches('\n').trim_end().to_owned();
        if text.trim().is_empty() {
            return;
        }
        let language = (i..dom.nodes[i].end as usize)
            .filter(|&j| matches!(dom.nodes[j].tag, Tag::Pre | Tag::Code))
            .filter_map(|j| dom.attr(j, "class"))
            .flat_map(str::split_whitespace)
            .find_map(|c| {
                c.strip_prefix("language-")
                    .or_else(|| c.strip_prefix("lang-"))
            })
            .map(str::to_owned);
        let weight = measure(&text).0;
        self.events.push(Event::Block {
            block: Block::Code(CodeBlock { text, language }),
            info: BlockInfo {
                weight,
                ..BlockInfo::default()
            },
        });
    }

    /// Tables that lay out the page rather than hold data.
    fn is_layout_table(&self, i: usize) -> bool {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let nested = (i + 1..end).any(|j| dom.nodes[j].tag == Tag::Table);
        let stats = &self.content.stats[i];
        nested
            || stats.paragraphs >= 2
            || stats.headings > 0
            || self.containers.keys().any(|&c| c > i && c < end)
    }

    fn emit_table(&mut self, i: usize) {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let mut rows = Vec::new();
        let mut caption = None;
        let mut j = i + 1;
        while j < end {
            match dom.nodes[j].tag {
                Tag::Tr => {
                    let mut cells = Vec::new();
                    for cell in dom.children(j) {
                        let tag = dom.nodes[cell].tag;
                        if matches!(tag, Tag::Td | Tag::Th) {
                            let mut text = String::new();
                            self.text_of(cell, &mut text);
                            cells.push(TableCell {
                                text: normalize_whitespace(&text),
                                header: tag == Tag::Th,
                            });
                        }
                    }
                    if cells.iter().any(|c| !c.text.is_empty()) {
                        rows.push(cells);
                    }
                    j = dom.nodes[j].end as usize;
                }
                Tag::Caption => {
                    let mut text = String::new();
                    self.text_of(j, &mut text);
                    caption = Some(normalize_whitespace(&text)).filter(|c| !c.is_empty());
                    j = dom.nodes[j].end as usize;
                }
                _ => j += 1,
            }
        }
        if rows.is_empty() {
            return;
        }
        let weight = self.content.stats[i].text;
        self.events.push(Event::Block {
            block: Block::Table(TableBlock { rows, caption }),
            info: BlockInfo {
                weight,
                ..BlockInfo::default()
            },
        });
    }

    /// A list or container that is mostly links: navigation or related stories.
    fn is_link_cluster(&self, i: usize) -> bool {
        let stats = &self.content.stats[i];
        stats.text > 0
            && stats.paragraphs == 0
            && self.content.link_density(i) > LINK_CLUSTER_DENSITY
    }

    /// Keeps the story-like links of a link cluster as related links.
    fn collect_links(&mut self, i: usize) {
        let dom = self.dom;
        for j in i..dom.nodes[i].end as usize {
            if dom.nodes[j].tag != Tag::A {
                continue;
            }
            let Some(href) = dom.attr(j, "href").filter(|h| is_followable(h)) else {
                continue;
            };
            let mut text = String::new();
            self.text_of(j, &mut text);
            let text = normalize_whitespace(&text);
            if measure(&text).0 < MIN_RELATED_TITLE {
                continue;
            }
            let url = figures::resolve(self.base, href);
            if !self.related.iter().any(|l| l.url == url) {
                self.related.push(Link { text, url });
            }
        }
    }

    /// Excluded regions named as related stories still give related links.
    fn collect_related_from_excluded(&mut self, i: usize) {
        let Some(el) = self.dom.element(i) else {
            return;
        };
        let is_related = get_str(el, "class")
            .into_iter()
            .chain(get_str(el, "id"))
            .any(|v| {
                crate::extract::matching::has_token(
                    v,
                    &[
                        "related",
                        "relatedposts",
                        "recirc",
                        "recommended",
                        "readmore",
                        "more",
                    ],
                )
            });
        if is_related {
            self.collect_links(i);
        }
    }
}

/// Links worth keeping: not script, mail or fragment links.
fn is_followable(href: &str) -> bool {
    let h = href.trim();
    !(h.is_empty()
        || h.starts_with('#')
        || h.to_ascii_lowercase().starts_with("javascript:")
        || h.to_ascii_lowercase().starts_with("mailto:"))
}

/// Most weighted characters of a block that may be dropped for opening with
/// a boilerplate phrase ("Read more: ...", "Follow us on ...") unless it is
/// mostly links.
const MAX_BOILERPLATE_BLOCK: u32 = 150;

/// Whether `text` opens with one of the boilerplate phrases.
fn opens_with_boilerplate(text: &str) -> bool {
    // Only the opening can match: lower-case a prefix a little longer than
    // the longest phrase (the character after it is checked too).
    static LONGEST: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
        BOILERPLATE_PHRASES
            .iter()
            .map(|p| p.chars().count())
            .max()
            .unwrap_or(0)
    });
    let longest = *LONGEST;
    let lower: String = text
        .trim_start()
        .chars()
        .take(longest + 1)
        .flat_map(char::to_lowercase)
        .collect();
    BOILERPLATE_PHRASES.iter().any(|phrase| {
        lower
            .strip_prefix(phrase)
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
    })
}

/// Drops boilerplate headings with everything under them ("Related
/// stories", "Comments") and short blocks that open with a boilerplate
/// phrase.
fn drop_boilerplate(events: Vec<Event>) -> Vec<Event> {
    let mut kept = Vec::with_capacity(events.len());
    let mut skipping_below: Option<u8> = None;
    for event in events {
        match &event {
            Event::Heading { level, text, .. } => {
                if skipping_below.is_some_and(|l| *level > l) {
                    continue;
                }
                skipping_below = None;
                if measure(text).0 <= MAX_BOILERPLATE_BLOCK / 2 && opens_with_boilerplate(text) {
                    skipping_below = Some(*level);
                    continue;
                }
                kept.push(event);
            }
            Event::Block { block, info } => {
                if skipping_below.is_some() {
                    continue;
                }
                let text = match block {
                    Block::Paragraph(p) => Some(p.text.as_str()),
                    Block::List(l) => l.items.first().map(String::as_str),
                    Block::Quote(q) => Some(q.text.as_str()),
                    _ => None,
                };
                let linky = info.link_weight * 2 >= info.weight && info.weight > 0;
                let short = info.weight <= MAX_BOILERPLATE_BLOCK;
                if (short || linky) && text.is_some_and(opens_with_boilerplate) {
                    continue;
                }
                // A short paragraph that is nothing but a link is a teaser
                // for another story ("SEE ALSO"-style inline promos).
                if matches!(block, Block::Paragraph(_)) && info.all_link && short {
                    continue;
                }
                kept.push(event);
            }
        }
    }
    kept
}

/// Takes the article header (bylines, dates, kickers) out of the events.
fn take_header(events: Vec<Event>, body: &mut Body) -> Vec<Event> {
    let first_substantial = events
        .iter()
        .position(|e| match e {
            Event::Heading { .. } => false,
            Event::Block { block, info } => {
                !matches!(block, Block::Figure(_)) && info.weight >= SUBSTANTIAL_TEXT
            }
        })
        .unwrap_or(events.len());
    let mut kept = Vec::with_capacity(events.len());
    for (index, event) in events.into_iter().enumerate() {
        let in_header = index < first_substantial;
        let Event::Block { block, info } = &event else {
            kept.push(event);
            continue;
        };
        // A block that is only a date, anywhere: metadata, not body.
        if let Some((datetime, text)) = &info.time
            && info.weight <= MAX_BYLINE_ITEM * 2
        {
            if body.header_time.is_none() && in_header {
                body.header_time = datetime.clone().or_else(|| Some(text.clone()));
                body.header_time_text = Some(text.clone());
            }
            continue;
        }
        if !in_header {
            kept.push(event);
            continue;
        }
        match block {
            Block::List(list) => {
                if list.items.len() <= 4
                    && list
                        .items
                        .iter()
                        .all(|t| !t.contains("://") && measure(t).0 <= MAX_BYLINE_ITEM)
                {
                    body.bylines.extend(list.items.iter().map(|name| Author {
                        name: strip_byline_prefix(name),
                        url: None,
                    }));
                }
            }
            Block::Paragraph(p) if info.all_link && info.weight < SUBSTANTIAL_TEXT => {}
            Block::Paragraph(p) if byline_prefix_len(&p.text).is_some() => {
                body.bylines.push(Author {
                    name: strip_byline_prefix(&p.text),
                    url: p.links.first().map(|l| l.url.clone()),
                });
            }
            _ => kept.push(event),
        }
    }
    kept
}

fn byline_prefix_len(text: &str) -> Option<usize> {
    // Long blocks are no bylines: measured before any lower-cased copy.
    if measure(text).0 > MAX_BYLINE_ITEM * 2 {
        return None;
    }
    // Character by character: the length is one of `text`'s boundaries.
    BYLINE_PREFIXES
        .iter()
        .find_map(|p| crate::extract::text::prefix_len_ignore_case(text, p))
}

fn strip_byline_prefix(text: &str) -> String {
    let rest = byline_prefix_len(text).and_then(|n| text.get(n..));
    rest.unwrap_or(text).trim().to_owned()
}

/// Comparable form of a title or heading: lower-case alphanumerics.
fn comparable(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Nests blocks under headings by level; drops the heading that repeats the
/// title and headings with nothing under them.
fn nest(events: Vec<Event>, title: Option<&str>) -> Vec<Section> {
    let title_key = title.map(comparable).filter(|t| !t.is_empty());
    let mut title_seen = false;
    let mut top: Vec<Section> = Vec::new();
    let mut stack: Vec<Section> = Vec::new();
    let mut lead = Section::default();
    for event in events {
        match event {
            Event::Heading {
                level,
                text,
                anchor,
            } => {
                if !title_seen && title_key.as_deref() == Some(comparable(&text).as_str()) {
                    title_seen = true;
                    continue;
                }
                while stack.last().is_some_and(|s| s.level >= level) {
                    close(&mut stack, &mut top);
                }
                stack.push(Section {
                    heading: text,
                    level,
                    anchor,
                    ..Section::default()
                });
            }
            Event::Block { block, .. } => match stack.last_mut() {
                Some(section) => section.blocks.push(block),
                None if top.is_empty() => lead.blocks.push(block),
                None => {
                    // Blocks after a closed top-level section and before the
                    // next heading stay with the section before them.
                    if let Some(last) = top.last_mut() {
                        last.blocks.push(block);
                    }
                }
            },
        }
        if !lead.blocks.is_empty() && top.is_empty() && !stack.is_empty() {
            // The lead section is complete once the first heading opens.
            top.push(std::mem::take(&mut lead));
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut top);
    }
    if !lead.blocks.is_empty() {
        top.insert(0, lead);
    }
    top
}

/// Pops the innermost open section into its parent (or the top level),
/// dropping it when it holds nothing.
fn close(stack: &mut Vec<Section>, top: &mut Vec<Section>) {
    let Some(section) = stack.pop() else {
        return;
    };
    if section.blocks.is_empty() && section.children.is_empty() {
        return;
    }
    match stack.last_mut() {
        Some(parent) => parent.children.push(section),
        None => top.push(section),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::clean::find_content;
    use scraper::Html;

    fn body(html: &str, title: Option<&str>) -> Body {
        let doc = Html::parse_document(html);
        let dom = Dom::build(&doc);
        let content = find_content(&dom);
        let base = Url::parse("https://news.test/world/story").unwrap();
        build(&dom, &content, Some(&base), title)
    }

    const P: &str = "Long enough paragraph text, with commas, clauses, and words to be prose.";

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
        assert!(
            matches!(&blocks[0], Block::Paragraph(p) if p.links[0].url == "https://news.test/x")
        );
        assert!(matches!(&blocks[1], Block::List(l) if l.ordered && l.items.len() == 2));
        assert!(matches!(&blocks[2], Block::Quote(q) if q.text == "A quote."));
        assert!(matches!(&blocks[3], Block::Code(c) if c.language.as_deref() == Some("rust")));
        assert!(matches!(&blocks[4], Block::Table(t) if t.rows.len() == 2 && t.rows[0][0].header));
        assert!(matches!(&blocks[5], Block::Paragraph(p) if p.text == "Loose text one"));
        assert!(matches!(&blocks[6], Block::Paragraph(p) if p.text == "Loose text two"));
    }

    #[test]
    fn byline_prefixes_and_boilerplate_phrases_survive_length_changing_case() {
        for label in BYLINE_PREFIXES.iter().chain(BOILERPLATE_PHRASES) {
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
}
