//! A flat, pre-order index of the parsed tree, built by one iterative walk.
//!
//! Every later stage works on indices into [`Dom::nodes`]: a node's subtree is
//! the range `index..end`, so "is inside" is a comparison, subtree sums are one
//! reverse pass, and no stage ever recurses (100,000-deep nesting is fine).

// Node ids index the flat DOM index and the vectors sized to it: the index
// numbers its nodes 0..len in document order and stores in-range parents
// and subtree ends, so every id read from it is in range. String slicing
// stays denied here.
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use ego_tree::NodeRef;
use scraper::{Html, Node};

use crate::extract::attr::local_name;
use crate::extract::matching::{FragmentMarks, TokenBuf, TokenMarks, scan};
use crate::extract::text::is_cjk;
use crate::extract::vocabulary::BOILERPLATE_ROLES;

/// Sentinel parent of the root.
pub const NO_PARENT: u32 = u32::MAX;

/// The HTML elements the heuristics tell apart; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Tag {
    A,
    Abbr,
    Address,
    Article,
    Aside,
    B,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Cite,
    Code,
    Dd,
    Details,
    Dialog,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Footer,
    Form,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Kbd,
    Label,
    Li,
    Link,
    Main,
    Mark,
    Menu,
    Meta,
    Nav,
    Noscript,
    Object,
    Ol,
    Option,
    P,
    Picture,
    Pre,
    Q,
    Samp,
    Script,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    U,
    Ul,
    Video,
    Audio,
    Center,
    Font,
    Other,
}

impl Tag {
    /// The tag for a lower-case local name.
    pub fn from_name(name: &str) -> Tag {
        use Tag::*;
        match name {
            "a" => A,
            "abbr" => Abbr,
            "address" => Address,
            "article" => Article,
            "aside" => Aside,
            "b" => B,
            "blockquote" => Blockquote,
            "body" => Body,
            "br" => Br,
            "button" => Button,
            "canvas" => Canvas,
            "caption" => Caption,
            "cite" => Cite,
            "code" => Code,
            "dd" => Dd,
            "details" => Details,
            "dialog" => Dialog,
            "div" => Div,
            "dl" => Dl,
            "dt" => Dt,
            "em" => Em,
            "embed" => Embed,
            "fieldset" => Fieldset,
            "figcaption" => Figcaption,
            "figure" => Figure,
            "footer" => Footer,
            "form" => Form,
            "h1" => H1,
            "h2" => H2,
            "h3" => H3,
            "h4" => H4,
            "h5" => H5,
            "h6" => H6,
            "head" => Head,
            "header" => Header,
            "hr" => Hr,
            "html" => Html,
            "i" => I,
            "iframe" => Iframe,
            "img" => Img,
            "input" => Input,
            "kbd" => Kbd,
            "label" => Label,
            "li" => Li,
            "link" => Link,
            "main" => Main,
            "mark" => Mark,
            "menu" => Menu,
            "meta" => Meta,
            "nav" => Nav,
            "noscript" => Noscript,
            "object" => Object,
            "ol" => Ol,
            "option" => Option,
            "p" => P,
            "picture" => Picture,
            "pre" => Pre,
            "q" => Q,
            "samp" => Samp,
            "script" => Script,
            "section" => Section,
            "select" => Select,
            "small" => Small,
            "source" => Source,
            "span" => Span,
            "strong" => Strong,
            "style" => Style,
            "sub" => Sub,
            "summary" => Summary,
            "sup" => Sup,
            "svg" => Svg,
            "table" => Table,
            "tbody" => Tbody,
            "td" => Td,
            "template" => Template,
            "textarea" => Textarea,
            "tfoot" => Tfoot,
            "th" => Th,
            "thead" => Thead,
            "time" => Time,
            "title" => Title,
            "tr" => Tr,
            "u" => U,
            "ul" => Ul,
            "video" => Video,
            "audio" => Audio,
            "center" => Center,
            "font" => Font,
            _ => Other,
        }
    }

    /// Heading level 1-6, if a heading.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1),
            Tag::H2 => Some(2),
            Tag::H3 => Some(3),
            Tag::H4 => Some(4),
            Tag::H5 => Some(5),
            Tag::H6 => Some(6),
            _ => None,
        }
    }

    /// Elements whose content is never article text.
    pub fn is_never_text(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script
                | Style
                | Template
                | Svg
                | Canvas
                | Iframe
                | Object
                | Embed
                | Button
                | Input
                | Select
                | Option
                | Textarea
                | Head
                | Title
                | Meta
                | Link
                | Noscript
                | Video
                | Audio
                | Dialog
        )
    }

    /// Block-level elements: they end a run of inline content.
    pub fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Details
                | Dialog
                | Div
                | Dl
                | Dt
                | Dd
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hr
                | Html
                | Li
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Table
                | Tbody
                | Thead
                | Tfoot
                | Tr
                | Td
                | Th
                | Caption
                | Ul
                | Center
                | Summary
                | Video
                | Audio
                | Iframe
                | Picture
                | Canvas
                | Noscript
        )
    }
}

/// Per-node sums over the subtree.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Text length, non-whitespace characters, CJK characters counted as
    /// [`CJK_WEIGHT`] (one Han character carries about a word).
    pub text: u32,
    /// The part of `text` inside links.
    pub link_text: u32,
    /// Commas and their CJK counterparts.
    pub commas: u32,
    /// `<img>` elements.
    pub images: u32,
    /// `<p>` elements.
    pub paragraphs: u32,
    /// Heading elements.
    pub headings: u32,
}

/// How much a CJK character weighs against a Latin letter in [`Stats::text`].
pub const CJK_WEIGHT: u32 = 3;

/// One node of the index.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The node in the parsed tree.
    pub node: NodeRef<'a, Node>,
    /// Parent index, [`NO_PARENT`] for the root.
    pub parent: u32,
    /// One past the last index of the subtree.
    pub end: u32,
    /// The element's tag (`Other` for non-elements).
    pub tag: Tag,
    /// Whether the node is an element.
    pub is_element: bool,
    /// For text nodes outside never-text elements: weighted length, as
    /// [`measure`] gives it (measured once here, summed by every pass).
    pub text_len: u32,
    /// For the same text nodes: commas.
    pub commas: u32,
    /// For elements: what their attributes say, read once here.
    pub marks: Marks,
}

/// What the stages ask of an element's attributes, read in one pass over
/// them when the index is built (each stage asking again would look every
/// attribute up by name, for every element, several times).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// Vocabularies the `class` tokens fall in.
    pub class: TokenMarks,
    /// Vocabularies the `id` tokens fall in.
    pub id: TokenMarks,
    /// Fragment groups the `class` value holds.
    pub class_fragments: FragmentMarks,
    /// Fragment groups the `id` value holds.
    pub id_fragments: FragmentMarks,
    /// The page-type stage's class groups the `class` and `id` values
    /// hold (bit `g` for its group `g`), found by the same scan as the
    /// fragment groups.
    pub page_groups: u32,
    /// Hidden from readers: `hidden`, `aria-hidden=true`, an inline
    /// `display:none` / `visibility:hidden`, or a CSS framework's hiding
    /// class (`hidden`, `d-none`, `is-hidden`, `Dn`); not for a collapsed
    /// disclosure panel (`role=tabpanel`, or a class/id in the disclosure
    /// vocabulary: an FAQ's answers, a tab set's panes) nor for a React streaming
    /// segment (`<div hidden id="S:0">`, which React 18's streaming render
    /// sends hidden and its inline script moves into place), nor for a
    /// panel an `aria-controls` on the page names (the WAI-ARIA accordion
    /// and disclosure patterns; set by [`Dom::build`]).
    pub hidden: bool,
    /// An ARIA role of a region that is never the body.
    pub boilerplate_role: bool,
    /// A modal dialog: `role=dialog`, `role=alertdialog` or
    /// `aria-modal=true`.
    pub dialog: bool,
    /// `role=main`.
    pub main_role: bool,
    /// `itemprop=articleBody`.
    pub article_body: bool,
    /// Has an `aria-controls` attribute: a button or link that opens or
    /// closes the panels it names (an accordion's, a disclosure's).
    pub controls: bool,
    /// Has an `aria-expanded` attribute: the toggle of the WAI-ARIA
    /// disclosure pattern, which opens the content that follows it.
    pub toggle: bool,
    /// A text layer of an ai2html graphic (`class="g-aiAbs"`): an axis
    /// label or a note placed over the chart's image, part of the
    /// picture rather than sentences of the article.
    pub chart_label: bool,
}

impl Marks {
    /// Reads the marks of `el`; `buf` is reused across elements.
    pub fn of<'a>(
        el: &'a scraper::node::Element,
        buf: &mut TokenBuf,
        classes: &mut ClassCache<'a>,
    ) -> Marks {
        let mut marks = Marks::default();
        // A disclosure panel or a React segment: shown once the page runs.
        let mut shown_later = false;
        // `aria-hidden=true` on the main landmark hides the page from
        // assistive technology while a dialog is open (the app re-exposes
        // it on close); it never hides anything from sight.
        let mut aria_hidden = false;
        for (name, value) in &el.attrs {
            if name.ns != html5ever::ns!() {
                continue;
            }
            let value: &'a str = value;
            match name.local {
                local_name!("class") => {
                    // Class values repeat across a page (every item of a
                    // list, every link of a menu): each is read once.
                    let (tokens, fragments, groups, hides, label) =
                        *classes.entry(value).or_insert_with(|| {
                            let names = semantic_classes(value);
                            let (fragments, groups) = scan(&names);
                            let (hides, label) = class_flags(value);
                            (TokenMarks::of(&names, buf), fragments, groups, hides, label)
                        });
                    marks.class = tokens;
                    marks.hidden |= hides;
                    marks.chart_label = label;
                    marks.class_fragments = fragments;
                    marks.page_groups |= groups;
                }
                local_name!("id") => {
                    if !is_generated_anchor(value) {
                        marks.id = TokenMarks::of(value, buf);
                    }
                    let (fragments, groups) = scan(value);
                    marks.id_fragments = fragments;
                    marks.page_groups |= groups;
                    shown_later |= is_react_segment_id(value);
                }
                local_name!("hidden") => marks.hidden = true,
                local_name!("aria-hidden") => aria_hidden = value.trim() == "true",
                local_name!("style") => marks.hidden |= style_hides(value),
                local_name!("role") => {
                    let role = value.trim();
                    marks.boilerplate_role = BOILERPLATE_ROLES
                        .iter()
                        .any(|r| r.eq_ignore_ascii_case(role));
                    marks.main_role = value.eq_ignore_ascii_case("main");
                    marks.dialog |= role.eq_ignore_ascii_case("dialog")
                        || role.eq_ignore_ascii_case("alertdialog");
                    shown_later |= role.eq_ignore_ascii_case("tabpanel");
                }
                local_name!("itemprop") => {
                    marks.article_body = value.eq_ignore_ascii_case("articleBody");
                }
                local_name!("aria-controls") => marks.controls = true,
                local_name!("aria-expanded") => marks.toggle = true,
                local_name!("aria-modal") => {
                    marks.dialog |= value.trim().eq_ignore_ascii_case("true");
                }
                _ => {}
            }
        }
        marks.hidden |= aria_hidden && !marks.main_role && el.name.local != local_name!("main");
        if marks.hidden
            && (shown_later
                || marks.class.has(TokenMarks::DISCLOSURE)
                || marks.id.has(TokenMarks::DISCLOSURE))
        {
            marks.hidden = false;
        }
        marks
    }
}

/// Nodes in the subtree of a disclosure toggle's container that are still
/// read when looking for the toggle: a heading or a list item holding a
/// button and its icon is a few nodes; a larger block is not the toggle
/// of what follows it (a menu bar's dropdowns are not a panel's toggle).
const TOGGLE_HOLDER_NODES: usize = 24;

/// A hidden element is a collapsed panel (an accordion's answer, a
/// disclosure's details) when an `aria-controls` on the page names its id,
/// or when the element just before it is or holds an `aria-expanded`
/// toggle (the WAI-ARIA disclosure pattern: the button opens the content
/// that follows, `aria-controls` being optional). Its text is the page's.
/// One pass over the elements, made only on pages that have such a button.
/// `controls` and `toggles` say whether any element has `aria-controls`
/// and `aria-expanded` (gathered while the index is built).
fn show_controlled_panels<'a>(nodes: &mut [Entry<'a>], controls: bool, toggles: bool) {
    fn element<'a>(e: &Entry<'a>) -> Option<&'a scraper::node::Element> {
        match e.node.value() {
            Node::Element(el) => Some(el),
            _ => None,
        }
    }
    if !controls && !toggles {
        return;
    }
    let controlled: rustc_hash::FxHashSet<&'a str> = if controls {
        nodes
            .iter()
            .filter(|e| e.marks.controls)
            .filter_map(|e| element(e).and_then(|el| el.attr("aria-controls")))
            .flat_map(str::split_ascii_whitespace)
            .collect()
    } else {
        rustc_hash::FxHashSet::default()
    };
    for index in 0..nodes.len() {
        if !nodes[index].marks.hidden {
            continue;
        }
        let named = controls
            && element(&nodes[index])
                .and_then(|el| el.id())
                .is_some_and(|id| controlled.contains(id));
        if named || (toggles && follows_toggle(nodes, index)) {
            nodes[index].marks.hidden = false;
        }
    }
}

/// Whether the element sibling just before `index` (whitespace between
/// them skipped) is a toggle or a small block holding one.
fn follows_toggle(nodes: &[Entry<'_>], index: usize) -> bool {
    let mut at = index;
    let before = loop {
        let Some(k) = prev_sibling_of(nodes, at) else {
            return false;
        };
        if nodes[k].is_element {
            break k;
        }
        if nodes[k].text_len > 0 {
            return false;
        }
        at = k;
    };
    let end = (nodes[before].end as usize).min(nodes.len());
    end - before <= TOGGLE_HOLDER_NODES
        && nodes
            .get(before..end)
            .is_some_and(|held| held.iter().any(|e| e.marks.toggle))
}

/// The sibling just before `index` in `nodes`, as [`Dom::prev_sibling`].
fn prev_sibling_of(nodes: &[Entry<'_>], index: usize) -> Option<usize> {
    let parent = nodes.get(index)?.parent;
    let mut k = index.checked_sub(1)?;
    loop {
        if k as u32 == parent {
            return None;
        }
        let up = nodes.get(k)?.parent;
        if up == parent {
            return Some(k);
        }
        if up == NO_PARENT {
            return None;
        }
        k = up as usize;
    }
}

/// An id a tool derived from the content, whose words are the content's,
/// not a name of the element: a dotted name (Sphinx's and Javadoc's anchors
/// for documented objects, `django.contrib.auth.LoginRequiredMiddleware`;
/// hand-written ids almost never hold a `.`, which CSS selectors must
/// escape), or the anchor MediaWiki's Cite extension makes from a
/// reference's name (`cite_note-The_Economist_print_edition-331`).
fn is_generated_anchor(id: &str) -> bool {
    id.contains('.') || id.starts_with("cite_note-") || id.starts_with("cite_ref-")
}

/// The id React 18's streaming server render gives a finished Suspense
/// segment it sends hidden at the end of the body: `S:` and a hex number.
fn is_react_segment_id(id: &str) -> bool {
    id.strip_prefix("S:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// What each distinct class value of a page gives, for [`Marks::of`].
pub type ClassCache<'a> =
    rustc_hash::FxHashMap<&'a str, (TokenMarks, FragmentMarks, u32, bool, bool)>;

/// Whether a class name is an ai2html text layer's: ai2html (the New
/// York Times' Adobe Illustrator exporter, used by many newsrooms) writes
/// each text frame of a chart as an absolutely placed
/// `<div class="g-Layer_1 g-aiAbs g-aiPointText">` over the chart's image,
/// `g-` being its default namespace (any namespace ending in `-` is read).
fn is_chart_label_class(class: &str) -> bool {
    // Read as one six-byte word: this runs on every class name of a page.
    let bytes = class.as_bytes();
    bytes
        .len()
        .checked_sub(6)
        .and_then(|start| bytes.get(start..))
        .and_then(|tail| <[u8; 6]>::try_from(tail).ok())
        .is_some_and(|tail| tail == *b"-aiAbs")
}

/// Class names that CSS frameworks define as `display: none`: Bootstrap 3,
/// Tailwind CSS and HTML5 Boilerplate's `hidden`, Bootstrap 4 and 5's
/// `d-none`, Bulma's `is-hidden`, Atomic CSS's `Dn` (Yahoo's Atomizer).
const HIDING_CLASSES: &[&str] = &["hidden", "d-none", "is-hidden", "Dn"];

/// What a `class` value's class names say of its element, read in one
/// pass over them: whether it hides it (one of [`HIDING_CLASSES`], and no
/// class that shows it again at some screen size: Tailwind's `hidden
/// md:block`, Bootstrap's `d-none d-lg-flex`), and whether it is an
/// ai2html text layer. Class names are case-sensitive in CSS, so they are
/// compared as written.
fn class_flags(value: &str) -> (bool, bool) {
    let (mut hides, mut shown, mut label) = (false, false, false);
    for class in value.split_ascii_whitespace() {
        if HIDING_CLASSES.contains(&class) {
            hides = true;
        } else if class.contains(':') || (class.starts_with("d-") && class.len() > 2) {
            shown = true;
        } else {
            label |= is_chart_label_class(class);
        }
    }
    (hides && !shown, label)
}

/// A `class` value without the variants of Tailwind CSS and its kin
/// (UnoCSS, Windi), which write `variant:utility` (`print:break-inside-avoid`,
/// `md:hidden`, `[.dark_&]:block`): each such class is read as its utility
/// alone, as it would be written without a variant. The variant says when
/// a style applies, not what the element is, so `print:` must not read as
/// a print button; a `:` in a class name is otherwise almost never written,
/// since CSS must escape it.
fn semantic_classes(value: &str) -> std::borrow::Cow<'_, str> {
    if !value.contains(':') {
        return std::borrow::Cow::Borrowed(value);
    }
    let utilities: Vec<&str> = value
        .split_ascii_whitespace()
        .map(|c| c.rsplit(':').next().unwrap_or(c))
        .collect();
    std::borrow::Cow::Owned(utilities.join(" "))
}

/// Whether an inline style hides the element (`display: none`,
/// `visibility:hidden`, any case and spacing).
pub(crate) fn style_hides(style: &str) -> bool {
    let hiding = style_hiding(style);
    hiding.display_none || hiding.visibility_hidden
}

/// The hiding declarations of an inline style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StyleHiding {
    /// `display: none`, any case and spacing.
    pub display_none: bool,
    /// `visibility: hidden`, any case and spacing.
    pub visibility_hidden: bool,
}

/// Reads the hiding declarations of an inline style; most styles mention
/// neither word and are not copied.
pub fn style_hiding(style: &str) -> StyleHiding {
    let mentions = |word: &[u8]| {
        style
            .as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if !mentions(b"none") && !mentions(b"hidden") {
        return StyleHiding::default();
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    StyleHiding {
        display_none: compact.contains("display:none"),
        visibility_hidden: compact.contains("visibility:hidden"),
    }
}

/// The flat index with subtree statistics.
#[derive(Debug)]
pub struct Dom<'a> {
    /// Nodes in pre-order.
    pub nodes: Vec<Entry<'a>>,
    /// Raw subtree statistics (nothing excluded), parallel to `nodes`.
    pub stats: Vec<Stats>,
}

impl<'a> Dom<'a> {
    /// Indexes `doc` with one iterative walk and one reverse pass.
    pub fn build(doc: &'a Html) -> Dom<'a> {
        let mut nodes: Vec<Entry<'a>> = Vec::with_capacity(doc.tree.values().len());
        let mut stack: Vec<u32> = Vec::with_capacity(64);
        let mut buf = TokenBuf::default();
        let mut classes = ClassCache::default();
        let (mut controls, mut toggles) = (false, false);
        // A pre-order walk written out rather than ego-tree's `traverse()`:
        // its iterator's state machine is left out of line or not as the
        // compiler partitions the crate, which moved the whole pipeline's
        // instruction count by 0.5 per byte between unrelated changes.
        let root = doc.tree.root();
        let mut node = root;
        'walk: loop {
            let index = nodes.len() as u32;
            let (tag, is_element, marks) = match node.value() {
                Node::Element(el) => (
                    Tag::from_name(el.name()),
                    true,
                    Marks::of(el, &mut buf, &mut classes),
                ),
                _ => (Tag::Other, false, Marks::default()),
            };
            controls |= marks.controls;
            toggles |= marks.toggle;
            let parent = stack.last().copied().unwrap_or(NO_PARENT);
            // Text inside scripts and styles never counts: skip
            // measuring it (it is often most of a page's bytes).
            let (text_len, commas) = match node.value() {
                Node::Text(t)
                    if parent == NO_PARENT || !nodes[parent as usize].tag.is_never_text() =>
                {
                    measure(&t.text)
                }
                _ => (0, 0),
            };
            nodes.push(Entry {
                node,
                parent,
                end: index + 1,
                tag,
                is_element,
                text_len,
                commas,
                marks,
            });
            stack.push(index);
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            // Close the node, and each ancestor whose last child it closes.
            loop {
                if let Some(index) = stack.pop() {
                    let end = nodes.len() as u32;
                    nodes[index as usize].end = end;
                }
                if node == root {
                    break 'walk;
                }
                if let Some(next) = node.next_sibling() {
                    node = next;
                    break;
                }
                match node.parent() {
                    Some(up) => node = up,
                    None => break 'walk,
                }
            }
        }
        show_controlled_panels(&mut nodes, controls, toggles);
        let stats = subtree_stats(&nodes, |_| false);
        Dom { nodes, stats }
    }

    /// The element's attribute `name`, if an element.
    pub fn attr(&self, index: usize, name: &str) -> Option<&'a str> {
        match self.nodes[index].node.value() {
            Node::Element(el) => crate::extract::attr::get_str(el, name),
            _ => None,
        }
    }

    /// The element, if the node is one.
    pub fn element(&self, index: usize) -> Option<&'a scraper::node::Element> {
        match self.nodes[index].node.value() {
            Node::Element(el) => Some(el),
            _ => None,
        }
    }

    /// Text of the node, if a text node.
    pub fn text(&self, index: usize) -> Option<&'a str> {
        match self.nodes[index].node.value() {
            Node::Text(t) => Some(&t.text),
            _ => None,
        }
    }

    /// Children indices of `index`, in order.
    pub fn children(&self, index: usize) -> Children<'_, 'a> {
        Children {
            dom: self,
            next: index + 1,
            end: self.nodes[index].end as usize,
        }
    }

    /// Ancestors of `index`, nearest first.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let mut current = self.nodes[index].parent;
        std::iter::from_fn(move || {
            if current == NO_PARENT {
                return None;
            }
            let here = current as usize;
            current = self.nodes[here].parent;
            Some(here)
        })
    }

    /// The sibling just before `index`, if any. Climbs from the node before
    /// it in document order, so it costs the nesting depth, not the number
    /// of siblings before it.
    pub fn prev_sibling(&self, index: usize) -> Option<usize> {
        prev_sibling_of(&self.nodes, index)
    }

    /// Whether `inner` lies in the subtree of `outer` (or is it).
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        outer <= inner && inner < self.nodes[outer].end as usize
    }
}

/// Iterator over the children of a node.
#[derive(Debug)]
pub struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let here = self.next;
        self.next = self.dom.nodes[here].end as usize;
        Some(here)
    }
}

/// Subtree sums, leaving out nodes for which `skip` holds (and their subtrees).
pub fn subtree_stats(nodes: &[Entry<'_>], skip: impl Fn(usize) -> bool) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); nodes.len()];
    // Whether a node lies inside a link; computed top-down in pre-order.
    let mut in_link = vec![false; nodes.len()];
    for i in 0..nodes.len() {
        let parent = nodes[i].parent;
        let parent_in_link = parent != NO_PARENT && in_link[parent as usize];
        in_link[i] = parent_in_link || nodes[i].tag == Tag::A;
    }
    for i in (0..nodes.len()).rev() {
        let entry = &nodes[i];
        if skip(i) || (entry.is_element && entry.tag.is_never_text()) {
            continue;
        }
        let mut own = stats[i];
        match entry.node.value() {
            Node::Text(_) => {
                own.text += entry.text_len;
                own.commas += entry.commas;
                if in_link[i] {
                    own.link_text += entry.text_len;
                }
            }
            Node::Element(_) => match entry.tag {
                Tag::Img => own.images += 1,
                Tag::P => own.paragraphs += 1,
                t if t.heading_level().is_some() => own.headings += 1,
                _ => {}
            },
            _ => {}
        }
        stats[i] = own;
        if entry.parent != NO_PARENT {
            let p = &mut stats[entry.parent as usize];
            p.text += own.text;
            p.link_text += own.link_text;
            p.commas += own.commas;
            p.images += own.images;
            p.paragraphs += own.paragraphs;
            p.headings += own.headings;
        }
    }
    stats
}

/// Weighted length and comma count of a text.
pub fn measure(text: &str) -> (u32, u32) {
    let mut len = 0u32;
    let mut commas = 0u32;
    if text.is_ascii() {
        for &b in text.as_bytes() {
            if !b.is_ascii_whitespace() && b != 0x0b {
                len += 1;
                commas += u32::from(b == b',');
            }
        }
        return (len, commas);
    }
    for c in text.chars() {
        if c.is_ascii() {
            // Mixed texts are mostly ASCII still (spaces, digits, punctuation).
            if !c.is_ascii_whitespace() && c != '\x0b' {
                len += 1;
                commas += u32::from(c == ',');
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        len += if is_cjk(c) { CJK_WEIGHT } else { 1 };
        if matches!(c, '，' | '、' | '،') {
            commas += 1;
        }
    }
    (len, commas)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_subtrees_and_sums_text() {
        let doc = Html::parse_document("<div><p>ab <a>cd</a></p><p>中文</p></div>");
        let dom = Dom::build(&doc);
        let div = dom.nodes.iter().position(|e| e.tag == Tag::Div).unwrap();
        assert_eq!(dom.stats[div].text, 4 + 2 * CJK_WEIGHT);
        assert_eq!(dom.stats[div].link_text, 2);
        assert_eq!(dom.stats[div].paragraphs, 2);
        assert_eq!(dom.children(div).count(), 2);
        let a = dom.nodes.iter().position(|e| e.tag == Tag::A).unwrap();
        assert!(dom.contains(div, a));
        assert!(dom.ancestors(a).any(|i| i == div));
    }

    #[test]
    fn ascii_fast_path_measures_as_the_general_path() {
        let reference = |text: &str| {
            let len = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            (len, text.matches(',').count() as u32)
        };
        for text in [
            "",
            " a, b\t\n\x0b\x0cc,, ",
            "plain words",
            "\r\n",
            "é, ü\u{a0}x",
        ] {
            assert_eq!(measure(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn script_text_is_not_measured() {
        let doc = Html::parse_document("<p>ab</p><script>var x = 'long script text';</script>");
        let dom = Dom::build(&doc);
        let script = dom.nodes.iter().position(|e| e.tag == Tag::Script).unwrap();
        assert_eq!(dom.nodes[script + 1].text_len, 0);
        assert_eq!(dom.stats[0].text, 2);
    }

    #[test]
    fn marks_read_the_attributes_once() {
        let doc = Html::parse_document(
            "<div id=mainContent class='share-bar' role=' Navigation ' itemprop=articlebody>x</div>\
             <p hidden>a</p><p aria-hidden=true>b</p><p aria-hidden=false>c</p>\
             <p style='DISPLAY : None'>d</p><p style='color: none'>e</p><p role=main>f</p>",
        );
        let dom = Dom::build(&doc);
        let marks: Vec<Marks> = dom
            .nodes
            .iter()
            .filter(|e| matches!(e.tag, Tag::Div | Tag::P))
            .map(|e| e.marks)
            .collect();
        let div = marks[0];
        assert!(div.class.has(TokenMarks::BOILERPLATE) && !div.class.has(TokenMarks::CONTENT));
        assert!(div.id.has(TokenMarks::CONTENT));
        assert!(div.boilerplate_role && !div.main_role && div.article_body && !div.hidden);
        let hidden: Vec<bool> = marks[1..].iter().map(|m| m.hidden).collect();
        assert_eq!(hidden, [true, true, false, true, false, false]);
        assert!(marks[6].main_role);
    }

    #[test]
    fn framework_hiding_classes_hide_unless_a_breakpoint_shows_them() {
        let doc = Html::parse_document(
            "<p class=hidden>a</p><p class='tooltip Dn'>b</p><p class='btn d-none'>c</p>\
             <p class=is-hidden>d</p><p class='hidden md:block'>e</p>\
             <p class='d-none d-lg-flex'>f</p><p class=Hidden>g</p><p class=overflow-hidden>h</p>\
             <p class=hidden-xs>i</p><p class=dn>j</p>",
        );
        let dom = Dom::build(&doc);
        assert_eq!(
            hidden_of(&dom, Tag::P),
            [
                true, true, true, true, false, false, false, false, false, false
            ]
        );
    }

    /// Whether each `tag` element of `dom` is hidden, in page order.
    fn hidden_of(dom: &Dom<'_>, tag: Tag) -> Vec<bool> {
        dom.nodes
            .iter()
            .filter(|e| e.tag == tag)
            .map(|e| e.marks.hidden)
            .collect()
    }

    #[test]
    fn collapsed_panels_react_segments_and_aria_hidden_main_are_not_hidden() {
        let doc = Html::parse_document(
            "<div hidden id=S:1f>a</div><div hidden id=S:x>b</div>\
             <div class='faq__answer' style='display:none'>c</div>\
             <div role=tabpanel hidden>d</div><div class=tab-pane aria-hidden=true>e</div>\
             <div class=mini-cart hidden>f</div>\
             <div role=main aria-hidden=true>g</div><main aria-hidden=true><div>h</div></main>\
             <main hidden><div>i</div></main>",
        );
        let dom = Dom::build(&doc);
        assert_eq!(
            hidden_of(&dom, Tag::Div),
            [false, true, false, false, false, true, false, false, false]
        );
        assert_eq!(hidden_of(&dom, Tag::Main), [false, true]);
    }

    #[test]
    fn panels_an_aria_controls_names_are_not_hidden() {
        // An accordion: each button names its collapsed answer panel.
        let doc = Html::parse_document(
            "<button aria-controls='a1' aria-expanded=false>Q1</button>\
             <div id=a1 hidden>Answer one</div>\
             <button aria-controls='a2 a3'>Q2</button><div id=a3 style='display:none'>Three</div>\
             <div id=a4 hidden>Not controlled</div>",
        );
        let dom = Dom::build(&doc);
        let hidden = hidden_of(&dom, Tag::Div);
        assert_eq!(hidden, [false, false, true]);
    }

    #[test]
    fn ids_generated_from_the_content_name_nothing() {
        // Sphinx's anchor for a documented class, a MediaWiki reference's
        // anchor, and a hand-written id.
        let doc = Html::parse_document(
            "<dl><dt id=django.contrib.auth.middleware.LoginRequiredMiddleware>x</dt></dl>\
             <ol><li id=cite_note-The_Economist_print_edition-331>y</li></ol>\
             <div id=login-box>z</div>",
        );
        let dom = Dom::build(&doc);
        let boilerplate: Vec<bool> = dom
            .nodes
            .iter()
            .filter(|e| matches!(e.tag, Tag::Dt | Tag::Li | Tag::Div))
            .map(|e| e.marks.id.has(TokenMarks::BOILERPLATE))
            .collect();
        assert_eq!(boilerplate, [false, false, true]);
    }

    #[test]
    fn panels_after_an_aria_expanded_toggle_are_not_hidden() {
        // A disclosure without aria-controls: the heading before each
        // answer holds the button that opens it.
        let doc = Html::parse_document(
            "<section><div><h3><button aria-expanded=false><span>+</span>Q1</button></h3>\
             <div hidden>Answer one</div></div>\
             <button aria-expanded=false>Q2</button> <div style='display:none'>Two</div>\
             <p>Text</p><div hidden>Not a panel</div>\
             <div><button aria-expanded=false>Q3</button></div><div hidden>Three</div></section>",
        );
        let dom = Dom::build(&doc);
        let hidden = hidden_of(&dom, Tag::Div);
        assert_eq!(hidden, [false, false, false, true, false, false]);
    }

    #[test]
    fn prev_sibling_skips_the_subtree_before_and_stops_at_the_first_child() {
        let doc = Html::parse_document("<body><h2>A<b>b</b></h2><ul><li>x</li></ul></body>");
        let dom = Dom::build(&doc);
        let find = |tag: Tag| dom.nodes.iter().position(|e| e.tag == tag).unwrap();
        let (h2, ul, li, body) = (find(Tag::H2), find(Tag::Ul), find(Tag::Li), find(Tag::Body));
        assert_eq!(dom.prev_sibling(ul), Some(h2));
        assert_eq!(dom.prev_sibling(h2), None);
        assert_eq!(dom.prev_sibling(li), None);
        assert_eq!(dom.prev_sibling(0), None);
        assert!(dom.prev_sibling(body).is_some());
    }

    #[test]
    fn survives_deep_nesting() {
        // Deeper than any thread stack would allow a recursive walk; the
        // parse stage bounds depth before html5ever, so this stays moderate
        // to keep html5ever itself quick.
        let depth = 3_000;
        let html = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let doc = Html::parse_document(&html);
        let dom = Dom::build(&doc);
        assert!(dom.nodes.len() > depth);
        assert_eq!(dom.stats[0].text, 1);
    }
}
