//! The content images of the body, and the walk's figures: which node
//! stands for an image, its figure container, `<noscript>` fallbacks,
//! figure wrappers the clean stage misnamed, images of link clusters.

#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use std::collections::HashMap;

use url::Url;

use super::{BlockInfo, Event, Walker};
use crate::article::{Block, Image};
use crate::extract::attr::get_str;
use crate::extract::clean::Content;
use crate::extract::dom::{Dom, Tag};
use crate::extract::figures;
use crate::extract::matching::has_token;
use crate::extract::vocabulary::{LAZY_SRC_ATTRS, LAZY_SRCSET_ATTRS};

/// File extensions of images a link may point to.
const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"];

/// Widest image (declared pixels) read as part of a line of text; wider
/// ones are photos that stand as figures.
const MAX_INLINE_WIDTH: u32 = 400;

/// Most text (weighted characters) an excluded element may hold and still
/// be taken for a figure wrapper its class misnames.
const MAX_RESCUED_FIGURE_TEXT: u32 = 400;

/// The content images of the body and what stands for them.
#[derive(Debug, Default)]
pub(super) struct Images {
    /// Positions in page order: content `<img>` elements, and `<noscript>`
    /// elements whose fallback image stands alone.
    pub(super) positions: Vec<usize>,
    /// A `<noscript>` position's image.
    pub(super) noscript: HashMap<usize, Image>,
    /// A lazy `<img>`'s real image, from the `<noscript>` beside it.
    pub(super) fallback: HashMap<usize, Image>,
    /// Per node: excluded by the clean stage but shaped like a figure (one
    /// image, a little text, no links), so kept as one.
    pub(super) rescued: Vec<bool>,
}

impl Images {
    pub(super) fn find(dom: &Dom<'_>, content: &Content, base: Option<&Url>) -> Self {
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
    pub(super) fn within(&self, start: usize, end: usize) -> &[usize] {
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

impl Walker<'_, '_> {
    /// Whether node `i` is where a figure stands: a figure container, an
    /// image position not yet emitted, or a rescued figure wrapper.
    pub(super) fn stands_for_image(&self, i: usize) -> bool {
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
    pub(super) fn emit_image(&mut self, i: usize) {
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
    pub(super) fn emit_images_within(&mut self, start: usize, end: usize) {
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
        let Some(image) = self.image_at(img) else {
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

    /// Image position `img` as an image: its `<noscript>` or lazy-loading
    /// fallback when it has one.
    fn image_at(&self, img: usize) -> Option<Image> {
        match self.images.noscript.get(&img) {
            Some(image) => Some(image.clone()),
            None => match self.images.fallback.get(&img) {
                Some(real) => {
                    let mut real = real.clone();
                    if real.alt.is_none() {
                        real.alt = figures::image_of(self.dom, img, self.base).and_then(|i| i.alt);
                    }
                    Some(real)
                }
                None => figures::image_of(self.dom, img, self.base),
            },
        }
    }

    /// The image standing at node `i` (see [`Self::stands_for_image`]) as
    /// a run of the text of the block ending at `end`, when it stands
    /// inside a line of text: words before it on its line (`text_before`)
    /// or, where an image may open the line (`opens_ok`: a list item's or
    /// table cell's thumbnail), after it before the block, a line break or
    /// a block element ends. In a paragraph an image before its words is
    /// the figure above them. A `<figure>`, a block wrapper, an image
    /// declared wider than [`MAX_INLINE_WIDTH`], or one with a caption or
    /// credit of its own stays a figure (`None`). The image is listed in
    /// the article's figures all the same (without a caption), and counts
    /// as emitted.
    pub(super) fn inline_image(
        &mut self,
        i: usize,
        end: usize,
        text_before: bool,
        opens_ok: bool,
    ) -> Option<Image> {
        let dom = self.dom;
        let node_end = dom.nodes[i].end as usize;
        let img = match self.containers.get(&i) {
            Some(&img) => img,
            None => match *self.images.within(i, node_end) {
                [img] if img == i => img,
                _ => return None,
            },
        };
        // A block wrapper around the image stands on its own line.
        if dom.nodes[i].tag == Tag::Figure
            || dom.nodes[i].tag.is_block()
            || self.images.rescued[i]
            || self.emitted.contains(&img)
            || !(text_before || (opens_ok && self.text_follows(node_end, end)))
            // Inside a `<figure>` (of several images, or with a label
            // such as "Image" before it), an image is the figure's.
            || dom.ancestors(i).any(|a| dom.nodes[a].tag == Tag::Figure)
        {
            return None;
        }
        let image = self.image_at(img)?;
        // A photo declared wider than a line's picture is a figure.
        if image.width.is_some_and(|w| w > MAX_INLINE_WIDTH) {
            return None;
        }
        let figure = figures::from_container(dom, self.content, i, img, image);
        if figure.caption.is_some() || figure.credit.is_some() {
            return None;
        }
        for &p in self.images.within(i, node_end) {
            self.emitted.insert(p);
        }
        self.emitted.insert(img);
        let image = figure.image.clone();
        self.figures.push(figure);
        Some(image)
    }

    /// Whether words follow in `from..end` before a line break or a block
    /// element.
    fn text_follows(&self, from: usize, end: usize) -> bool {
        let dom = self.dom;
        let mut j = from;
        while j < end {
            let entry = dom.nodes[j];
            if let Some(t) = dom.text(j) {
                if !t.trim().is_empty() {
                    return true;
                }
            } else if entry.is_element {
                if entry.tag.is_never_text() || self.content.excluded[j] {
                    j = entry.end as usize;
                    continue;
                }
                if entry.tag == Tag::Br || entry.tag.is_block() {
                    return false;
                }
            }
            j += 1;
        }
        false
    }

    /// Emits the images of link cluster `start..end` that link to their
    /// own full-size file (or, in MediaWiki, to their file page): pictures
    /// of an infobox or gallery, not teaser thumbnails of other stories.
    pub(super) fn emit_linked_images(&mut self, start: usize, end: usize) {
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
}
