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
    Author, Block, CodeBlock, Figure, Image, Link, ListBlock, Paragraph, QuoteBlock, Section,
    TableBlock, TableCell,
};
use crate::extract::clean::Content;
use crate::extract::dom::{Dom, Tag, measure};
use crate::extract::figures;
use crate::extract::matching::has_token;
use crate::extract::text::{normalize_whitespace, push_normalized};
use crate::extract::vocabulary::{BOILERPLATE_PHRASES, BYLINE_PREFIXES};
use crate::extract::vocabulary::{LAZY_SRC_ATTRS, LAZY_SRCSET_ATTRS};

/// A block this long (weighted characters) or longer ends the article header.
const SUBSTANTIAL_TEXT: u32 = 60;
/// List items up to this long can be byline names.
const MAX_BYLINE_ITEM: u32 = 40;
/// Link density above which a list or container is a link cluster.
pub(crate) const LINK_CLUSTER_DENSITY: f32 = 0.5;
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
    inline: Inline,
}

/// Class values of heading permalinks, edit links and section numbers,
/// compared whole: Sphinx and MkDocs `headerlink`, MediaWiki
/// `mw-editsection` and `mw-headline-number`, Docusaurus `hash-link`,
/// VuePress `header-anchor`, anchor.js `anchorjs-link`, GitHub `anchor`.
const HEADING_MARK_CLASSES: &[&str] = &[
    "headerlink",
    "mw-editsection",
    "mw-headline-number",
    "hash-link",
    "header-anchor",
    "anchorjs-link",
    "anchor",
    "permalink",
    "heading-anchor",
];
/// Link texts that are heading marks, not words.
const PERMALINK_TEXTS: &[&str] = &["¶", "#", "§", "🔗", "[edit]", "[ edit ]", "[Bearbeiten]"];

/// Whether a class value holds one of `classes` as a whole
/// whitespace-separated class.
fn has_token_exact(value: &str, classes: &[&str]) -> bool {
    value
        .split_ascii_whitespace()
        .any(|c| classes.iter().any(|k| c.eq_ignore_ascii_case(k)))
}

/// Whether a link's text is only a permalink mark.
fn is_permalink_text(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || PERMALINK_TEXTS.contains(&t) || t.eq_ignore_ascii_case("edit")
}

/// File extensions of images a link may point to.
const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"];

/// Most text (weighted characters) an excluded element may hold and still
/// be taken for a figure wrapper its class misnames.
const MAX_RESCUED_FIGURE_TEXT: u32 = 400;

/// The content images of the body and what stands for them.
#[derive(Debug, Default)]
struct Images {
    /// Positions in page order: content `<img>` elements, and `<noscript>`
    /// elements whose fallback image stands alone.
    positions: Vec<usize>,
    /// A `<noscript>` position's image.
    noscript: HashMap<usize, Image>,
    /// A lazy `<img>`'s real image, from the `<noscript>` beside it.
    fallback: HashMap<usize, Image>,
    /// Per node: excluded by the clean stage but shaped like a figure (one
    /// image, a little text, no links), so kept as one.
    rescued: Vec<bool>,
}

impl Images {
    fn find(dom: &Dom<'_>, content: &Content, base: Option<&Url>) -> Self {
        let n = dom.nodes.len();
        let mut out = Self {
            rescued: vec![false; n],
            ..Self::default()
        };
        // Dead: excluded (and not rescued) or inside such a node.
        let mut dead = vec![false; n];
        for i in 0..n {
            let parent = dom.nodes[i].parent;
            let parent_dead = parent != crate::extract::dom::NO_PARENT && dead[parent as usize];
            if content.excluded[i] && !parent_dead && is_misnamed_figure(dom, i) {
                out.rescued[i] = true;
            }
            dead[i] = parent_dead || (content.excluded[i] && !out.rescued[i]);
        }
        for &root in &content.roots {
            let end = dom.nodes[root].end as usize;
            for i in root..end {
                let entry = &dom.nodes[i];
                match entry.tag {
                    Tag::Img if !dead[i] && figures::is_content_image(dom, i) => {
                        out.positions.push(i);
                    }
                    Tag::Noscript
                        if entry.parent != crate::extract::dom::NO_PARENT
                            && !dead[entry.parent as usize] =>
                    {
                        let Some(image) = figures::noscript_image(dom, i, base) else {
                            continue;
                        };
                        match out.lazy_image_before(dom, i, &image) {
                            Some(img) => {
                                out.fallback.insert(img, image);
                            }
                            None => {
                                out.noscript.insert(i, image);
                                out.positions.push(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        out.positions.sort_unstable();
        out.positions.dedup();
        out
    }

    /// The `<img>` a `<noscript>` fallback stands for: the nearest content
    /// image before it under the same parent, when it is the same file or
    /// marked for lazy loading.
    fn lazy_image_before(&self, dom: &Dom<'_>, noscript: usize, image: &Image) -> Option<usize> {
        let parent = dom.nodes[noscript].parent as usize;
        let &img = self
            .positions
            .iter()
            .rev()
            .take_while(|&&p| p > parent)
            .find(|&&p| dom.contains(parent, p) && !self.noscript.contains_key(&p))?;
        let el = dom.element(img)?;
        let lazy = LAZY_SRC_ATTRS
            .iter()
            .chain(LAZY_SRCSET_ATTRS)
            .any(|a| get_str(el, a).is_some())
            || get_str(el, "class").is_some_and(|c| has_token(c, &["lazy", "lazyload"]));
        let same = figures::image_of(dom, img, None).is_some_and(|i| {
            figures::image_identity(&i.src) == figures::image_identity(&image.src)
        });
        (lazy || same).then_some(img)
    }

    /// The image positions inside `start..end`.
    fn within(&self, start: usize, end: usize) -> &[usize] {
        let first = self.positions.partition_point(|&p| p < start);
        let last = self.positions.partition_point(|&p| p < end);
        self.positions.get(first..last).unwrap_or_default()
    }
}

/// An element the clean stage excluded whose shape is a figure's: one
/// image, a little text that is not links, no heading, and either a
/// `<figure>` (itself or just above) or a class that only names a caption
/// (Blogger's `tr-caption-container`, WordPress's `wp-caption`,
/// `has-caption`). Navigation, forms, hidden parts and links are never
/// rescued.
fn is_misnamed_figure(dom: &Dom<'_>, i: usize) -> bool {
    let entry = &dom.nodes[i];
    if !entry.is_element
        || entry.tag.is_never_text()
        || entry.marks.hidden
        || entry.marks.boilerplate_role
        || matches!(
            entry.tag,
            Tag::Nav
                | Tag::Aside
                | Tag::Footer
                | Tag::Header
                | Tag::Form
                | Tag::Menu
                | Tag::Fieldset
                | Tag::Figcaption
                | Tag::A
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Body
        )
    {
        return false;
    }
    let stats = &dom.stats[i];
    let shaped = stats.images >= 1
        && stats.headings == 0
        && stats.text <= MAX_RESCUED_FIGURE_TEXT
        && stats.link_text * 2 <= stats.text;
    if !shaped {
        return false;
    }
    let in_figure = entry.tag == Tag::Figure
        || dom
            .ancestors(i)
            .take(2)
            .any(|a| dom.nodes[a].tag == Tag::Figure);
    let caption_named = |m: crate::extract::matching::TokenMarks| {
        !m.has(crate::extract::matching::TokenMarks::BOILERPLATE)
    };
    let marks = entry.marks;
    let only_caption = (marks
        .class
        .has(crate::extract::matching::TokenMarks::CAPTION_BODY)
        || marks
            .id
            .has(crate::extract::matching::TokenMarks::CAPTION_BODY))
        && caption_named(marks.class)
        && caption_named(marks.id);
    (in_figure && stats.images == 1) || only_caption
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
            if self.stands_for_image(i) {
                self.flush();
                self.emit_image(i);
                i = next;
                continue;
            }
            if self.content.excluded[i] {
                if self.images.rescued[i] {
                    // A caption-named wrapper of several images: the images.
                    self.flush();
                    self.emit_images_within(i, next);
                } else {
                    self.collect_related_from_excluded(i);
                }
                i = next;
                continue;
            }
            match entry.tag {
                tag if tag.heading_level().is_some() => {
                    self.flush();
                    self.emit_heading(i, tag.heading_level().unwrap_or(2));
                    self.emit_images_within(i, next);
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
                    if self.emit_list(i) {
                        self.emit_images_within(i, next);
                    }
                    i = next;
                }
                Tag::Blockquote => {
                    self.flush();
                    self.emit_quote(i);
                    self.emit_images_within(i, next);
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
                    self.emit_images_within(i, next);
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
                        self.emit_linked_images(i, next);
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
            if entry.is_element && self.stands_for_image(i) {
                // An image inside a paragraph ends the text before it.
                self.flush();
                self.emit_image(i);
                i = entry.end as usize;
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

    /// The text of heading `i` without its permalink and edit links
    /// (`¶`, `#`, `[edit]`; Sphinx `headerlink`, MediaWiki
    /// `mw-editsection`, Docusaurus `hash-link`, MkDocs and VuePress
    /// `headerlink`/`header-anchor`) and section numbers written as
    /// separate elements (MediaWiki `mw-headline-number`).
    fn heading_text(&self, i: usize) -> String {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let mut out = String::new();
        let mut j = i;
        while j < end {
            let entry = dom.nodes[j];
            if entry.is_element && j != i {
                let named = dom
                    .attr(j, "class")
                    .is_some_and(|c| has_token_exact(c, HEADING_MARK_CLASSES));
                let mark_link = entry.tag == Tag::A && {
                    let mut t = String::new();
                    self.text_of(j, &mut t);
                    is_permalink_text(&t)
                };
                if named || mark_link || entry.tag.is_never_text() || self.content.excluded[j] {
                    j = entry.end as usize;
                    continue;
                }
            }
            if let Some(t) = dom.text(j) {
                push_normalized(&mut out, t);
            } else if entry.is_element && j != i && (entry.tag == Tag::Br || entry.tag.is_block()) {
                out.push(' ');
            }
            j += 1;
        }
        let text = normalize_whitespace(&out);
        // A mark written as text at the end ("Setup ¶", "Setup [edit]").
        let mut text = text.as_str();
        loop {
            let trimmed = PERMALINK_TEXTS
                .iter()
                .find_map(|m| text.strip_suffix(m))
                .map(str::trim_end);
            match trimmed {
                Some(t) if !t.is_empty() => text = t,
                _ => break,
            }
        }
        text.to_owned()
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
        let text = self.heading_text(i);
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

    /// Whether node `i` is where a figure stands: a figure container, an
    /// image position not yet emitted, or a rescued figure wrapper.
    fn stands_for_image(&self, i: usize) -> bool {
        if self.containers.contains_key(&i) {
            return true;
        }
        let end = self.dom.nodes[i].end as usize;
        let inside = self.images.within(i, end);
        match inside {
            [img] if *img == i || self.images.rescued[i] => !self.emitted.contains(img),
            _ => false,
        }
    }

    /// Emits the figure standing at node `i` (see [`Self::stands_for_image`]).
    fn emit_image(&mut self, i: usize) {
        if let Some(&img) = self.containers.get(&i) {
            self.emit_figure(i, img);
            return;
        }
        let end = self.dom.nodes[i].end as usize;
        if let [img] = *self.images.within(i, end) {
            self.emit_figure(i, img);
        }
    }

    /// Emits the images inside block `start..end` not emitted yet, after
    /// the block (its own text is taken whole).
    fn emit_images_within(&mut self, start: usize, end: usize) {
        let inside: Vec<usize> = self.images.within(start, end).to_vec();
        for img in inside {
            if !self.emitted.contains(&img) {
                self.emit_own_figure(img, start);
            }
        }
    }

    /// Emits image `img` with its figure container when that lies inside
    /// the block starting at `block` (else as a bare image).
    fn emit_own_figure(&mut self, img: usize, block: usize) {
        let container = self
            .container_of
            .get(&img)
            .copied()
            .filter(|&c| c >= block)
            .unwrap_or(img);
        self.emit_figure(container, img);
    }

    fn emit_figure(&mut self, container: usize, img: usize) {
        let dom = self.dom;
        for &p in self
            .images
            .within(container, dom.nodes[container].end as usize)
        {
            self.emitted.insert(p);
        }
        self.emitted.insert(img);
        let image = match self.images.noscript.get(&img) {
            Some(image) => Some(image.clone()),
            None => match self.images.fallback.get(&img) {
                Some(real) => {
                    let mut real = real.clone();
                    if real.alt.is_none() {
                        real.alt = figures::image_of(dom, img, self.base).and_then(|i| i.alt);
                    }
                    Some(real)
                }
                None => figures::image_of(dom, img, self.base),
            },
        };
        let Some(image) = image else {
            return;
        };
        let figure = figures::from_container(dom, self.content, container, img, image);
        // The same image twice in a row is one image given twice (a
        // `<picture>` fallback, a lightbox copy); further apart it is used
        // twice by the article.
        if let Some(Event::Block {
            block: Block::Figure(last),
            ..
        }) = self.events.last()
            && last.image.src == figure.image.src
        {
            return;
        }
        self.figures.push(figure.clone());
        self.events.push(Event::Block {
            block: Block::Figure(figure),
            info: BlockInfo::default(),
        });
    }

    /// Emits the images of link cluster `start..end` that link to their
    /// own full-size file (or, in MediaWiki, to their file page): pictures
    /// of an infobox or gallery, not teaser thumbnails of other stories.
    fn emit_linked_images(&mut self, start: usize, end: usize) {
        let dom = self.dom;
        let inside: Vec<usize> = self.images.within(start, end).to_vec();
        for img in inside {
            if self.emitted.contains(&img) {
                continue;
            }
            let Some(link) = dom
                .ancestors(img)
                .take_while(|&a| a >= start)
                .find(|&a| dom.nodes[a].tag == Tag::A)
            else {
                continue;
            };
            let to_file = dom.attr(link, "href").is_some_and(|h| {
                let path = h.split(['?', '#']).next().unwrap_or_default();
                let ext = path.rsplit('.').next().unwrap_or_default();
                IMAGE_EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
            });
            // MediaWiki marks a thumbnail's link to its file page.
            let file_page = dom
                .attr(link, "class")
                .is_some_and(|c| has_token(c, &["image", "mw-file-description"]));
            if to_file || file_page {
                self.emit_own_figure(img, start);
            }
        }
    }

    /// Emits list `i`; false when it was a link cluster (its links went to
    /// the related links).
    fn emit_list(&mut self, i: usize) -> bool {
        if self.is_link_cluster(i) {
            self.collect_links(i);
            let end = self.dom.nodes[i].end as usize;
            self.emit_linked_images(i, end);
            return false;
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
            return true;
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
        true
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
pub(crate) const MAX_BOILERPLATE_BLOCK: u32 = 150;

/// Whether `text` opens with one of the boilerplate phrases.
pub(crate) fn opens_with_boilerplate(text: &str) -> bool {
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
        let html = format!(
            "<body><article><p>{P}</p><p>{P} <a href=/full.jpg><img src=/in-p.jpg></a> \
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
}
