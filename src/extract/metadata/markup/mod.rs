//! The metadata signals of the markup, gathered in one iterative walk:
//! `<meta>` tags, `<title>`, `h1`, `<link>`s, `<html lang>`, microdata
//! (`itemprop`), `rel=author` links, byline elements and `<time>` elements
//! with where they stand.
//!
//! Files:
//! - `mod.rs`: what the walk gathers ([`Markup`]) and the walk itself
//!   ([`collect`]): text nodes, then elements, then the final order.
//! - `element.rs`: what one element gives: its text, where it stands, a
//!   date element's label, a microdata value.

mod element;

use std::collections::VecDeque;

use scraper::{ElementRef, Html};

use crate::extract::attr::{self, get_str, local_name};
use crate::extract::dom::{Dom, Entry, Marks, NO_PARENT, Tag};
use crate::extract::text::normalize_whitespace;
pub(super) use element::says_modified;
use element::{attr, date_node, microdata, placement, text_of};

/// Byline texts longer than this are author boxes with a biography.
const MAX_BYLINE_CHARS: usize = 120;
/// Visible date texts longer than this are prose.
const MAX_DATE_TEXT_CHARS: usize = 80;
/// Date lines by the headline are short ("by Amanda · Dec 20, 2025 at 3:00
/// am"); longer text nodes are sentences that may mention a date.
const MAX_DATE_LINE_CHARS: usize = 50;
/// Dates without digits ("yesterday", "昨天") are at most this long.
const MAX_WORD_DATE_CHARS: usize = 20;
/// Text nodes kept after the headline (and before it) as places a visible
/// date may stand: bylines and date lines sit right by the `h1`.
const NEAR_H1_TEXTS_AFTER: usize = 30;
/// See [`NEAR_H1_TEXTS_AFTER`].
const NEAR_H1_TEXTS_BEFORE: usize = 8;
/// Headings longer than this are not headlines.
const MAX_H1_CHARS: usize = 300;
/// A standfirst stands within this many text nodes after the headline
/// (a kicker, a byline and a date line may come first).
const DEK_WINDOW_TEXTS: usize = 12;
/// A standfirst is a sentence or two: shorter texts are labels, longer
/// ones the body.
const DEK_CHARS: std::ops::RangeInclusive<usize> = 30..=400;
/// Texts far past the headline that open with an author-only label
/// looked at: an article closes with one author box, and the first ones
/// are the page's own.
const MAX_LATE_BYLINE_READS: usize = 4;

/// Whether `text` opens with a byline label that only an author takes, of
/// more than one word ("Written by", "Escrito por", "Verfasst von"): the
/// pair labels of [`crate::extract::vocabulary::BYLINE_LABELS`] ("By"
/// alone and "Author" head teasers and table columns too). Compared
/// without a copy, as every text node of the page's end is.
fn opens_with_author_label(text: &str) -> bool {
    let t = text.trim_start();
    AUTHOR_ONLY_LABELS.iter().any(|label| {
        t.get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
            && t.get(label.len()..).is_some_and(|rest| {
                rest.chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == ':')
            })
    })
}

/// The labels [`opens_with_author_label`] looks for.
static AUTHOR_ONLY_LABELS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| {
        crate::extract::vocabulary::BYLINE_LABELS
            .iter()
            .filter(|l| l.pair && l.label.contains(' '))
            .map(|l| l.label)
            .collect()
    });

/// A poster's name is a user name or a person's name: longer texts are a
/// whole profile card.
const MAX_POSTER_CHARS: usize = 60;
/// Poster-name elements looked at before giving up: empty ones (a login
/// form's `username` field) and ones in asides come first on some pages.
const MAX_POSTER_READS: usize = 8;
/// At most this many bylines, times and visible dates are kept: the first
/// ones of a page are its own, later ones belong to teasers and comments.
const MAX_KEPT: usize = 12;

/// What a `<time>` or date element says of itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateRole {
    /// Labelled as the publication date.
    Published,
    /// Labelled as an update.
    Modified,
    /// No label.
    Unlabelled,
}

/// A `<time>` element, or a short element whose class names a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DateNode {
    /// The `datetime` (or `content`) attribute.
    pub(super) attr: Option<String>,
    /// The visible text.
    pub(super) text: String,
    /// Inside `article`, `main` or `role=main`.
    pub(super) in_main: bool,
    /// Inside an aside, navigation, footer, comments or a related list.
    pub(super) in_aside: bool,
    /// Its label.
    pub(super) role: DateRole,
    /// See [`element::Placement::class_aside`]; folded into `in_aside` at the end of
    /// the walk.
    class_aside: Option<ego_tree::NodeId>,
}

/// A microdata (`itemprop`) value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Microdata {
    /// `itemprop=headline`.
    pub(super) headline: Option<String>,
    /// `itemprop=author` names.
    pub(super) authors: Vec<String>,
    /// `itemprop=datePublished`.
    pub(super) published: Option<String>,
    /// `itemprop=dateModified`.
    pub(super) modified: Option<String>,
    /// `itemprop=image`.
    pub(super) image: Option<String>,
    /// Parent and grandparent of the first `itemprop=author` element: later
    /// authors count only beside it (co-authors), not in the comments or
    /// forum replies further down.
    author_home: Option<(Option<ego_tree::NodeId>, Option<ego_tree::NodeId>)>,
}

/// Everything metadata reads from the markup besides JSON-LD.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Markup {
    /// `<meta>` tags as (lower-cased `property`/`name`/`itemprop`/
    /// `http-equiv`, `content`), in document order.
    pub(super) metas: Vec<(String, String)>,
    /// The first `<title>` outside SVG.
    pub(super) title: Option<String>,
    /// The first `h1` inside the main area, else the first `h1`.
    pub(super) h1: Option<String>,
    /// `<link rel=canonical>`.
    pub(super) canonical: Option<String>,
    /// `<link rel=image_src>`.
    pub(super) image_src: Option<String>,
    /// `<html lang>` (or `xml:lang`).
    pub(super) html_lang: Option<String>,
    /// `rel=author` links as (text, href).
    pub(super) author_links: Vec<(String, Option<String>)>,
    /// Texts of elements whose class or id names a byline or author.
    pub(super) bylines: Vec<String>,
    /// The first name forum or page-builder software marks as a post's or
    /// an article's author ([`crate::extract::vocabulary::POSTER_NAME_FRAGMENTS`]),
    /// outside asides and comment sections.
    pub(super) poster: Option<String>,
    /// `<time>` elements, then short elements whose class names a date.
    pub(super) dates: Vec<DateNode>,
    /// Microdata values.
    pub(super) microdata: Microdata,
    /// Texts of elements by the headline that open with a byline label
    /// ("By Jane Doe"), nearest first.
    pub(super) labelled_bylines: Vec<String>,
    /// Short text nodes with a digit around the first `h1`: those after it
    /// (nearest first), then those before it (nearest first). On a page
    /// without an `h1`, those after its first `h2`.
    pub(super) near_h1: Vec<String>,
    /// The standfirst printed just under the headline: an element whose
    /// class names a dek ([`crate::extract::vocabulary::DEK_FRAGMENTS`]),
    /// or a microdata `description` in the page body.
    pub(super) dek: Option<String>,
}

impl Markup {
    /// The first non-empty `content` among `keys`, in the order of `keys`.
    pub(super) fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.as_str())
        })
    }

    /// The first non-empty `content` of a key that ends with one of
    /// `suffixes` after a `-`, `_`, `:` or `.` (a site's own prefix on a
    /// common name: `w-published-date`, `article:publish-date`).
    pub(super) fn meta_suffixed(&self, suffixes: &[&str]) -> Option<&str> {
        self.metas
            .iter()
            .find(|(key, v)| {
                !v.is_empty()
                    && suffixes.iter().any(|s| {
                        key.strip_suffix(s)
                            .and_then(|head| head.chars().last())
                            .is_some_and(|c| matches!(c, '-' | '_' | ':' | '.'))
                    })
            })
            .map(|(_, v)| v.as_str())
    }

    /// Every non-empty `content` of `key`, in document order.
    pub(super) fn meta_all(&self, key: &str) -> impl Iterator<Item = &str> {
        self.metas
            .iter()
            .filter(move |(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// Subtree and ancestor reads (element text, placement, labels) allowed in
/// one walk: each costs up to the size of the document, so a hostile page
/// with thousands of byline-classed or deeply nested elements must not make
/// the walk quadratic. Real pages need a few dozen.
const MAX_SUBTREE_READS: usize = 256;

/// What is left of [`MAX_SUBTREE_READS`].
struct Budget(usize);

impl Budget {
    /// Takes one read; false when none is left.
    fn take(&mut self) -> bool {
        let ok = self.0 > 0;
        self.0 = self.0.saturating_sub(1);
        ok
    }
}

/// Gathers the markup signals in one walk in document order, over the flat
/// index (tags already told apart, parents one lookup away): the document
/// language, then each text node (labelled bylines, texts near the
/// headline) and each element (head tags, headlines, `<time>`, author
/// links, microdata, class-named bylines, deks and dates), then the
/// signals put in their final order ([`Walk::finish`]).
pub(super) fn collect(doc: &Html, dom: &Dom<'_>) -> Markup {
    let mut walk = Walk::new();
    let root = doc.root_element();
    if let Some(lang) = attr(root, "lang").or_else(|| attr(root, "xml:lang")) {
        walk.m.html_lang = Some(lang);
    }
    for entry in &dom.nodes {
        if let scraper::Node::Text(t) = entry.node.value() {
            walk.text(dom, entry, t);
        } else if let Some(el) = ElementRef::wrap(entry.node) {
            walk.element(el, entry);
        }
    }
    walk.finish(doc)
}

/// Where [`collect`] stands in the document, and what it has gathered.
struct Walk {
    /// The signals gathered so far.
    m: Markup,
    /// The first headline: its text and node.
    first_h1: Option<(String, ego_tree::NodeId)>,
    /// The first headline inside the main area.
    main_h1: Option<(String, ego_tree::NodeId)>,
    /// Short elements whose class names a date, kept after the `<time>`s.
    visible_dates: Vec<DateNode>,
    /// Whether an `h1` has been passed.
    seen_h1: bool,
    /// Text nodes since the first `h1`.
    texts_after: usize,
    /// Text nodes since the latest `h1`: labelled bylines are looked for
    /// after each headline.
    texts_since_h1: usize,
    /// Short texts with a digit before the first `h1`, the nearest last.
    before_h1: VecDeque<String>,
    /// Short texts with a digit after the first `h1`, the nearest first.
    after_h1: Vec<String>,
    /// Whether an `h2` has been passed; read only while no `h1` has.
    seen_h2: bool,
    /// Text nodes since the first `h2`, counted while no `h1` is seen.
    texts_after_h2: usize,
    /// Short texts with a digit after the first `h2`, the nearest first:
    /// the date line of a page without an `h1` (a forum thread's title or
    /// a page builder's headline set in `h2`).
    after_h2: Vec<String>,
    /// Labelled bylines before the first `h1`, the nearest last.
    before_labelled: Vec<String>,
    /// Late byline texts read so far (see [`MAX_LATE_BYLINE_READS`]).
    late_bylines_read: usize,
    /// Lines far past the headline that open with an author-only label,
    /// with the class-named aside each stands in.
    late_bylines: Vec<(String, Option<ego_tree::NodeId>)>,
    /// Class-named bylines with the comments section they stand in, kept
    /// once the headline is known.
    class_bylines: Vec<(String, Option<ego_tree::NodeId>)>,
    /// Poster-name elements read so far (see [`MAX_POSTER_READS`]).
    posters_read: usize,
    /// Poster names outside asides and menus, with the class-named aside
    /// each stands in.
    posters: Vec<(String, Option<ego_tree::NodeId>)>,
    /// What is left of [`MAX_SUBTREE_READS`].
    budget: Budget,
}

impl Walk {
    fn new() -> Self {
        Self {
            m: Markup::default(),
            first_h1: None,
            main_h1: None,
            visible_dates: Vec::new(),
            seen_h1: false,
            texts_after: 0,
            texts_since_h1: usize::MAX,
            before_h1: VecDeque::new(),
            after_h1: Vec::new(),
            seen_h2: false,
            texts_after_h2: 0,
            after_h2: Vec::new(),
            before_labelled: Vec::new(),
            late_bylines_read: 0,
            late_bylines: Vec::new(),
            class_bylines: Vec::new(),
            posters_read: 0,
            posters: Vec::new(),
            budget: Budget(MAX_SUBTREE_READS),
        }
    }

    /// One text node: a labelled byline, and a place a visible date may
    /// stand near the headline.
    fn text(&mut self, dom: &Dom<'_>, entry: &Entry<'_>, t: &str) {
        // Past the window of every headline seen (a page may have a
        // logo `h1` before the article's own).
        if self.seen_h1
            && self.texts_after >= NEAR_H1_TEXTS_AFTER
            && self.texts_since_h1 >= NEAR_H1_TEXTS_AFTER
        {
            if self.late_bylines_read < MAX_LATE_BYLINE_READS && opens_with_author_label(t) {
                self.late_byline(entry.node);
            }
            return;
        }
        let in_code = entry.parent != NO_PARENT
            && matches!(
                dom.nodes.get(entry.parent as usize).map(|p| p.tag),
                Some(Tag::Script | Tag::Style | Tag::Noscript | Tag::Template)
            );
        // Code and blank text (most text nodes of a page's head) are
        // passed over before any copy is made.
        if in_code || t.chars().all(char::is_whitespace) {
            return;
        }
        let text = normalize_whitespace(t);
        if text.chars().count() <= MAX_DATE_TEXT_CHARS {
            self.labelled_byline(entry.node, &text);
        }
        self.near_headline(text);
    }

    /// A text that opens with a byline label: the line it stands in, kept
    /// after the headline or among the last ones before it.
    fn labelled_byline(&mut self, node: ego_tree::NodeRef<'_, scraper::Node>, text: &str) {
        if !(self.m.labelled_bylines.len() < MAX_KEPT && super::authors::has_label(text)) {
            return;
        }
        let Some(line) = self.byline_line(node) else {
            return;
        };
        if self.seen_h1 {
            self.m.labelled_bylines.push(line);
        } else {
            if self.before_labelled.len() == NEAR_H1_TEXTS_BEFORE {
                self.before_labelled.remove(0);
            }
            self.before_labelled.push(line);
        }
    }

    /// A text far past the headline that opens with a label only an
    /// author takes ("Written by"): the author box closing an article.
    /// Kept with the class-named aside it stands in (related stories'
    /// cards and comments say "Written by" too), judged in
    /// [`Walk::finish`].
    fn late_byline(&mut self, node: ego_tree::NodeRef<'_, scraper::Node>) {
        self.late_bylines_read += 1;
        let Some(line) = self.byline_line(node) else {
            return;
        };
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
            return;
        };
        if !self.budget.take() {
            return;
        }
        let place = placement(parent);
        if !place.in_aside {
            self.late_bylines.push((line, place.class_aside));
        }
    }

    /// The line a byline label's text node stands in: its parent's text,
    /// widened to the grandparent or the element after a heading when the
    /// name is there; none in a menu or past [`MAX_BYLINE_CHARS`].
    fn byline_line(&mut self, node: ego_tree::NodeRef<'_, scraper::Node>) -> Option<String> {
        let parent = node.parent().and_then(ElementRef::wrap)?;
        if !self.budget.take() || element::in_menu(parent) {
            return None;
        }
        // The parent holds the whole line when a comment or a link
        // splits it ("By <!-- --><a>Jane Doe</a>"); a label alone in
        // its element has the name in the next one
        // (`<p>Written by</p><p>Jane Doe</p>`), both in the
        // grandparent.
        let mut line = text_of(parent);
        if super::authors::names(&line).is_empty()
            && let Some(grand) = parent.parent().and_then(ElementRef::wrap)
            && self.budget.take()
        {
            let wider = text_of(grand);
            if wider.chars().count() <= MAX_BYLINE_CHARS {
                line = wider;
            }
        }
        // A label alone in a heading with the name in the element after it
        // (`<h2>Article by</h2><div>Jane Doe</div>`) when the wrapper holds
        // more than the byline. Only a heading: a table's column header
        // (phpBB's "Author | Post time") labels the column, and a sort
        // menu's `<option>Author</option>` the choice after it.
        if super::authors::names(&line).is_empty()
            && Tag::from_name(parent.value().name())
                .heading_level()
                .is_some()
            && let Some(next) = parent.next_siblings().find_map(ElementRef::wrap)
            && self.budget.take()
        {
            let joined = format!("{} {}", text_of(parent), text_of(next));
            if joined.chars().count() <= MAX_BYLINE_CHARS
                && !super::authors::names(&joined).is_empty()
            {
                line = joined;
            }
        }
        (line.chars().count() <= MAX_BYLINE_CHARS).then_some(line)
    }

    /// A short text with a digit, kept by the headline (after it, or among
    /// the last ones before it); every text counts toward the windows.
    fn near_headline(&mut self, text: String) {
        let keep =
            text.chars().count() <= MAX_DATE_LINE_CHARS && text.chars().any(|c| c.is_ascii_digit());
        self.texts_since_h1 = self.texts_since_h1.saturating_add(1);
        if self.seen_h1 {
            self.texts_after += 1;
            if keep && self.texts_after <= NEAR_H1_TEXTS_AFTER {
                self.after_h1.push(text);
            }
        } else {
            if self.seen_h2 {
                self.texts_after_h2 += 1;
                if keep && self.texts_after_h2 <= NEAR_H1_TEXTS_AFTER {
                    self.after_h2.push(text.clone());
                }
            }
            if keep {
                if self.before_h1.len() == NEAR_H1_TEXTS_BEFORE {
                    self.before_h1.pop_front();
                }
                self.before_h1.push_back(text);
            }
        }
    }

    /// One element: its tag's signal, an author link, microdata, and what
    /// its class names.
    fn element(&mut self, el: ElementRef<'_>, entry: &Entry<'_>) {
        let v = el.value();
        let tag = entry.tag;
        if tag == Tag::H1 {
            self.seen_h1 = true;
            self.texts_since_h1 = 0;
        }
        self.seen_h2 |= tag == Tag::H2;
        self.tag_signal(el, tag);
        if attr::get(v, &local_name!("rel")).is_some_and(|r| {
            r.split_whitespace()
                .any(|t| t.eq_ignore_ascii_case("author"))
        }) && self.budget.take()
        {
            let text = text_of(el);
            if !text.is_empty() {
                self.m.author_links.push((text, attr(el, "href")));
            }
        }
        if let Some(prop) = attr::get(v, &local_name!("itemprop")) {
            microdata(&mut self.m.microdata, el, prop, &mut self.budget);
        }
        if !matches!(tag, Tag::Meta | Tag::Time | Tag::Script | Tag::Style) {
            self.class_signals(el, entry.marks);
        }
    }

    /// What the tag itself gives: `<meta>`, `<title>`, `h1`, `<link>`,
    /// `<time>`.
    fn tag_signal(&mut self, el: ElementRef<'_>, tag: Tag) {
        let v = el.value();
        let m = &mut self.m;
        match tag {
            Tag::Meta => {
                let content = get_str(v, "content")
                    .map(normalize_whitespace)
                    .unwrap_or_default();
                for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(k) = get_str(v, key_attr) {
                        m.metas
                            .push((k.trim().to_ascii_lowercase(), content.clone()));
                    }
                }
            }
            Tag::Title if m.title.is_none() && self.budget.take() => {
                let in_svg = el
                    .ancestors()
                    .any(|a| ElementRef::wrap(a).is_some_and(|e| e.value().name() == "svg"));
                if !in_svg {
                    m.title = Some(text_of(el)).filter(|t| !t.is_empty());
                }
            }
            Tag::H1 if self.budget.take() => {
                // Without the anchor glyph documentation generators append.
                let text = text_of(el)
                    .trim_end_matches(['¶', '#', '§', '🔗'])
                    .trim_end()
                    .to_owned();
                if !text.is_empty() && text.chars().count() <= MAX_H1_CHARS {
                    if self.first_h1.is_none() {
                        self.first_h1 = Some((text.clone(), el.id()));
                    }
                    if self.main_h1.is_none() && placement(el).in_main {
                        self.main_h1 = Some((text, el.id()));
                    }
                }
            }
            Tag::Link => {
                let rel = get_str(v, "rel").unwrap_or("").to_ascii_lowercase();
                let rels: Vec<&str> = rel.split_whitespace().collect();
                if rels.contains(&"canonical") && m.canonical.is_none() {
                    m.canonical = attr(el, "href");
                }
                if rels.contains(&"image_src") && m.image_src.is_none() {
                    m.image_src = attr(el, "href");
                }
            }
            Tag::Time if m.dates.len() < MAX_KEPT && self.budget.take() => {
                let text = text_of(el);
                let attr_value = attr(el, "datetime").or_else(|| attr(el, "content"));
                if attr_value.is_some()
                    || (!text.is_empty() && text.chars().count() <= MAX_DATE_TEXT_CHARS)
                {
                    m.dates.push(date_node(el, text, attr_value));
                }
            }
            _ => {}
        }
    }

    /// A poster-name element: its text when it is a name standing outside
    /// asides and menus, with the class-named aside (a comment section:
    /// a blog's commenters are marked up as forum posters are) it stands
    /// in, judged once the headline is known. Elementor's author box names
    /// the page's author wherever the theme puts it (a sidebar too).
    fn poster(&mut self, el: ElementRef<'_>) {
        self.posters_read += 1;
        if !self.budget.take() {
            return;
        }
        let text = text_of(el);
        let count = text.chars().count();
        if count == 0 || count > MAX_POSTER_CHARS || !self.budget.take() {
            return;
        }
        let place = placement(el);
        let author_box = get_str(el.value(), "class").is_some_and(|c| c.contains("author-box"));
        if !author_box && (place.in_aside || element::in_menu(el)) {
            return;
        }
        let aside = place.class_aside.filter(|_| !author_box);
        self.posters.push((text, aside));
    }

    /// What the element's class or id names: a byline, a standfirst just
    /// under the headline, a visible date.
    fn class_signals(&mut self, el: ElementRef<'_>, marks: Marks) {
        if self.class_bylines.len() < 2 * MAX_KEPT
            && (marks.class_fragments.names_byline() || marks.id_fragments.names_byline())
            && self.budget.take()
        {
            let text = text_of(el);
            if !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS {
                self.class_bylines
                    .push((text, element::comments_ancestor(el)));
            }
        }
        if self.posters_read < MAX_POSTER_READS
            && marks
                .class_fragments
                .has(crate::extract::matching::Fragments::PosterName)
        {
            self.poster(el);
        }
        if self.m.dek.is_none()
            && self.seen_h1
            && self.texts_since_h1 <= DEK_WINDOW_TEXTS
            && marks
                .class_fragments
                .has(crate::extract::matching::Fragments::Dek)
            && self.budget.take()
        {
            let text = text_of(el);
            if DEK_CHARS.contains(&text.chars().count()) && !super::authors::has_label(&text) {
                self.m.dek = Some(text);
            }
        }
        if self.visible_dates.len() < MAX_KEPT
            && marks.class_fragments.names_date()
            && self.budget.take()
        {
            let text = text_of(el);
            // Dates hold digits, or are short words ("yesterday").
            let datelike = text.chars().any(|c| c.is_ascii_digit())
                || text.chars().count() <= MAX_WORD_DATE_CHARS;
            if datelike && text.chars().count() <= MAX_DATE_TEXT_CHARS {
                let content = attr(el, "content");
                self.visible_dates.push(date_node(el, text, content));
            }
        }
    }

    /// The signals in their final order: the headline chosen, class-named
    /// asides that hold it cleared, the texts near it and the labelled
    /// bylines nearest first, the visible dates after the `<time>`s.
    fn finish(self, doc: &Html) -> Markup {
        let mut m = self.m;
        let headline = self.main_h1.or(self.first_h1);
        // A class-named aside that holds the headline is the page's wrapper.
        let headline_ancestors: Vec<ego_tree::NodeId> = headline
            .as_ref()
            .and_then(|(_, id)| doc.tree.get(*id))
            .map(|h| h.ancestors().map(|a| a.id()).collect())
            .unwrap_or_default();
        m.h1 = headline.map(|(text, _)| text);
        // The first poster outside a class-named aside, unless that aside
        // holds the headline too.
        m.poster = self
            .posters
            .into_iter()
            .find(|(_, aside)| aside.is_none_or(|id| headline_ancestors.contains(&id)))
            .map(|(name, _)| name);
        let mut visible_dates = self.visible_dates;
        for d in m.dates.iter_mut().chain(visible_dates.iter_mut()) {
            if let Some(id) = d.class_aside.take() {
                d.in_aside |= !headline_ancestors.contains(&id);
            }
        }
        // The texts by the `h1`; on a page without one, those after its
        // first `h2` (a forum thread's title, a page builder's headline).
        if self.seen_h1 {
            m.near_h1 = self.after_h1;
            m.near_h1.extend(self.before_h1.into_iter().rev());
        } else {
            m.near_h1 = self.after_h2;
        }
        // Bylines above the headline come after those below it, nearest first.
        m.labelled_bylines.extend(
            self.before_labelled
                .into_iter()
                .rev()
                .take(NEAR_H1_TEXTS_BEFORE),
        );
        // Author boxes closing the article come last, those outside a
        // class-named aside (or in one that holds the headline).
        m.labelled_bylines.extend(
            self.late_bylines
                .into_iter()
                .filter(|(_, aside)| aside.is_none_or(|id| headline_ancestors.contains(&id)))
                .map(|(line, _)| line),
        );
        m.dates.extend(visible_dates);
        // A commenter's byline is not the article's (a comments section
        // that holds the headline is the page's wrapper).
        m.bylines = self
            .class_bylines
            .into_iter()
            .filter(|(_, aside)| aside.is_none_or(|id| headline_ancestors.contains(&id)))
            .map(|(line, _)| line)
            .take(MAX_KEPT)
            .collect();
        m
    }
}
