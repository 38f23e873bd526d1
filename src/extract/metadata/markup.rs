//! The metadata signals of the markup, gathered in one iterative walk:
//! `<meta>` tags, `<title>`, `h1`, `<link>`s, `<html lang>`, microdata
//! (`itemprop`), `rel=author` links, byline elements and `<time>` elements
//! with where they stand.

use crate::extract::attr::get_str;
use scraper::{ElementRef, Html};

use crate::extract::attr::{self, local_name};
use crate::extract::dom::{Dom, NO_PARENT, Tag};
use crate::extract::text::normalize_whitespace;

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
    /// See [`Placement::class_aside`]; folded into `in_aside` at the end of
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
    /// `<time>` elements, then short elements whose class names a date.
    pub(super) dates: Vec<DateNode>,
    /// Microdata values.
    pub(super) microdata: Microdata,
    /// Texts of elements by the headline that open with a byline label
    /// ("By Jane Doe"), nearest first.
    pub(super) labelled_bylines: Vec<String>,
    /// Short text nodes with a digit around the first `h1`: those after it
    /// (nearest first), then those before it (nearest first).
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

    /// Every non-empty `content` of `key`, in document order.
    pub(super) fn meta_all(&self, key: &str) -> impl Iterator<Item = &str> {
        self.metas
            .iter()
            .filter(move |(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// The element's text, whitespace-normalised, with a space where a block
/// or a line break separates two texts (`<p>Jane Doe</p><p>Editor</p>` is
/// "Jane Doe Editor", not "Jane DoeEditor"); script and style text left out.
fn text_of(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        match node.value() {
            scraper::Node::Text(t) => {
                let in_code = node
                    .parent()
                    .and_then(ElementRef::wrap)
                    .is_some_and(|p| matches!(p.value().name(), "script" | "style" | "template"));
                if !in_code {
                    crate::extract::text::push_normalized(&mut out, t);
                }
            }
            scraper::Node::Element(e)
                if matches!(
                    e.name(),
                    "br" | "p"
                        | "div"
                        | "li"
                        | "ul"
                        | "ol"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "section"
                        | "header"
                        | "footer"
                        | "td"
                        | "th"
                        | "tr"
                        | "dd"
                        | "dt"
                        | "figcaption"
                        | "blockquote"
                ) =>
            {
                crate::extract::text::push_normalized(&mut out, " ");
            }
            _ => {}
        }
    }
    out.trim_end().to_owned()
}

fn attr(el: ElementRef<'_>, name: &str) -> Option<String> {
    get_str(el.value(), name)
        .map(normalize_whitespace)
        .filter(|v| !v.is_empty())
}

/// Where an element stands: (inside the main area, inside an aside).
fn placement(el: ElementRef<'_>) -> Placement {
    let mut in_main = false;
    let mut in_aside = false;
    let mut class_aside = None;
    // A footer inside the article (`<footer class="entry-meta">`) holds the
    // article's own date; only a footer outside any article is boilerplate.
    let mut in_footer = false;
    for node in el.ancestors() {
        let Some(a) = ElementRef::wrap(node) else {
            continue;
        };
        let v = a.value();
        let role = get_str(v, "role").unwrap_or("");
        match v.name() {
            "article" | "main" => in_main = true,
            "aside" | "nav" => in_aside = true,
            "footer" => in_footer = true,
            _ => {}
        }
        match role {
            "main" | "article" => in_main = true,
            "complementary" | "navigation" => in_aside = true,
            "contentinfo" => in_footer = true,
            _ => {}
        }
        let class = get_str(v, "class").unwrap_or("").to_ascii_lowercase();
        let id = get_str(v, "id").unwrap_or("").to_ascii_lowercase();
        let named = |words: &[&str]| words.iter().any(|w| class.contains(w) || id.contains(w));
        // Not "widget": page builders wrap every block in one.
        if class_aside.is_none() && named(&["sidebar", "related", "comment", "recommend", "teaser"])
        {
            class_aside = Some(node.id());
        }
        if named(&["footer"]) {
            in_footer = true;
        }
    }
    Placement {
        in_main,
        in_aside: in_aside || (in_footer && !in_main),
        class_aside,
    }
}

/// Where an element stands.
#[derive(Debug, Clone, Copy)]
struct Placement {
    /// Inside `article`, `main` or `role=main`.
    in_main: bool,
    /// Inside an `aside`, `nav` or a footer outside the article.
    in_aside: bool,
    /// The nearest ancestor whose class or id names a sidebar, comments or
    /// related stories. Class names mislead ("story-sidebar-mode" on the
    /// page wrapper), so it counts only when it does not also hold the
    /// headline.
    class_aside: Option<ego_tree::NodeId>,
}

/// Words that label a date as an update, in the supported languages.
pub(super) const MODIFIED_WORDS: &[&str] = &[
    "updat",
    "modif",
    "edited",
    "revised",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "mise à jour",
    "actualiz",
    "atualiz",
    "aggiornat",
    "bijgewerkt",
    "обновл",
    "更新",
    "修改",
    "업데이트",
    "수정",
];
/// Words that label a date as the publication date.
pub(super) const PUBLISHED_WORDS: &[&str] = &[
    "publi",
    "posted",
    "pubdate",
    "veröffentlicht",
    "erschienen",
    "发布",
    "發布",
    "發佈",
    "公開",
    "опубликован",
    "créé",
    "creado",
    "date-created",
    "datecreated",
];

/// The label of a date element: its own attributes and text, its parent's
/// class and id, and the text just before it.
fn date_role(el: ElementRef<'_>, text: &str) -> DateRole {
    let attrs = |e: ElementRef<'_>| {
        let mut label = String::new();
        for a in ["class", "id", "itemprop", "name"] {
            if let Some(v) = get_str(e.value(), a) {
                label.push_str(v);
                label.push(' ');
            }
        }
        label
    };
    let role_of = |label: &str| {
        let label = label.to_lowercase();
        if MODIFIED_WORDS.iter().any(|w| label.contains(w)) {
            Some(DateRole::Modified)
        } else if PUBLISHED_WORDS.iter().any(|w| label.contains(w)) {
            Some(DateRole::Published)
        } else {
            None
        }
    };
    // Nearest label first: the element itself, the text just before it
    // ("Updated: <time>"), then its parent's class.
    let mut own = attrs(el);
    if get_str(el.value(), "pubdate").is_some() {
        own.push_str("pubdate ");
    }
    own.push_str(text);
    let prev_text = || {
        let prev = el.prev_sibling()?;
        let t = match prev.value() {
            scraper::Node::Text(t) => t.to_string(),
            _ => ElementRef::wrap(prev).map(text_of).unwrap_or_default(),
        };
        (t.chars().count() <= MAX_DATE_TEXT_CHARS).then_some(t)
    };
    role_of(&own)
        .or_else(|| role_of(&prev_text()?))
        .or_else(|| role_of(&attrs(el.parent().and_then(ElementRef::wrap)?)))
        .unwrap_or(DateRole::Unlabelled)
}

/// Whether `text` is labelled as an update ("Updated July 9, 2025").
pub(super) fn says_modified(text: &str) -> bool {
    let lower = text.to_lowercase();
    MODIFIED_WORDS.iter().any(|w| lower.contains(w))
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
/// index (tags already told apart, parents one lookup away).
pub(super) fn collect(doc: &Html, dom: &Dom<'_>) -> Markup {
    let mut m = Markup::default();
    let mut first_h1: Option<String> = None;
    let mut first_h1_id: Option<ego_tree::NodeId> = None;
    let mut main_h1_id: Option<ego_tree::NodeId> = None;
    let mut main_h1: Option<String> = None;
    let mut visible_dates: Vec<DateNode> = Vec::new();
    let root = doc.root_element();
    if let Some(lang) = attr(root, "lang").or_else(|| attr(root, "xml:lang")) {
        m.html_lang = Some(lang);
    }
    let mut seen_h1 = false;
    let mut texts_after = 0usize;
    // Text nodes since the latest `h1`: labelled bylines are looked for
    // after each headline.
    let mut texts_since_h1 = usize::MAX;
    let mut before_h1: std::collections::VecDeque<String> = std::collections::VecDeque::new();
    let mut after_h1: Vec<String> = Vec::new();
    let mut before_labelled: Vec<String> = Vec::new();
    let mut budget = Budget(MAX_SUBTREE_READS);
    for entry in &dom.nodes {
        let node = entry.node;
        if let scraper::Node::Text(t) = node.value() {
            // Past the window of every headline seen (a page may have a
            // logo `h1` before the article's own).
            if seen_h1
                && texts_after >= NEAR_H1_TEXTS_AFTER
                && texts_since_h1 >= NEAR_H1_TEXTS_AFTER
            {
                continue;
            }
            let in_code = entry.parent != NO_PARENT
                && matches!(
                    dom.nodes.get(entry.parent as usize).map(|p| p.tag),
                    Some(Tag::Script | Tag::Style | Tag::Noscript | Tag::Template)
                );
            // Code and blank text (most text nodes of a page's head) are
            // passed over before any copy is made.
            if in_code || t.chars().all(char::is_whitespace) {
                continue;
            }
            let text = normalize_whitespace(t);
            let short = text.chars().count() <= MAX_DATE_TEXT_CHARS;
            if short
                && m.labelled_bylines.len() < MAX_KEPT
                && super::authors::has_label(&text)
                && let Some(parent) = node.parent().and_then(ElementRef::wrap)
                && budget.take()
            {
                // The parent holds the whole line when a comment or a link
                // splits it ("By <!-- --><a>Jane Doe</a>"); a label alone in
                // its element has the name in the next one
                // (`<p>Written by</p><p>Jane Doe</p>`), both in the
                // grandparent.
                let mut line = text_of(parent);
                if super::authors::names(&line).is_empty()
                    && let Some(grand) = parent.parent().and_then(ElementRef::wrap)
                    && budget.take()
                {
                    let wider = text_of(grand);
                    if wider.chars().count() <= MAX_BYLINE_CHARS {
                        line = wider;
                    }
                }
                if line.chars().count() <= MAX_BYLINE_CHARS {
                    if seen_h1 {
                        m.labelled_bylines.push(line);
                    } else {
                        if before_labelled.len() == NEAR_H1_TEXTS_BEFORE {
                            before_labelled.remove(0);
                        }
                        before_labelled.push(line);
                    }
                }
            }
            let keep = text.chars().count() <= MAX_DATE_LINE_CHARS
                && text.chars().any(|c| c.is_ascii_digit());
            texts_since_h1 = texts_since_h1.saturating_add(1);
            if seen_h1 {
                texts_after += 1;
                if keep && texts_after <= NEAR_H1_TEXTS_AFTER {
                    after_h1.push(text);
                }
            } else if keep {
                if before_h1.len() == NEAR_H1_TEXTS_BEFORE {
                    before_h1.pop_front();
                }
                before_h1.push_back(text);
            }
            continue;
        }
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let v = el.value();
        let tag = entry.tag;
        if tag == Tag::H1 {
            seen_h1 = true;
            texts_since_h1 = 0;
        }
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
            Tag::Title if m.title.is_none() && budget.take() => {
                let in_svg = el
                    .ancestors()
                    .any(|a| ElementRef::wrap(a).is_some_and(|e| e.value().name() == "svg"));
                if !in_svg {
                    m.title = Some(text_of(el)).filter(|t| !t.is_empty());
                }
            }
            Tag::H1 if budget.take() => {
                // Without the anchor glyph documentation generators append.
                let text = text_of(el)
                    .trim_end_matches(['¶', '#', '§', '🔗'])
                    .trim_end()
                    .to_owned();
                if !text.is_empty() && text.chars().count() <= MAX_H1_CHARS {
                    if first_h1.is_none() {
                        first_h1 = Some(text.clone());
                        first_h1_id = Some(el.id());
                    }
                    if main_h1.is_none() && placement(el).in_main {
                        main_h1 = Some(text);
                        main_h1_id = Some(el.id());
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
            Tag::Time if m.dates.len() < MAX_KEPT && budget.take() => {
                let text = text_of(el);
                let attr_value = attr(el, "datetime").or_else(|| attr(el, "content"));
                if attr_value.is_some()
                    || (!text.is_empty() && text.chars().count() <= MAX_DATE_TEXT_CHARS)
                {
                    let place = placement(el);
                    let role = date_role(el, &text);
                    m.dates.push(DateNode {
                        attr: attr_value,
                        text,
                        in_main: place.in_main,
                        in_aside: place.in_aside,
                        class_aside: place.class_aside,
                        role,
                    });
                }
            }
            _ => {}
        }
        if attr::get(v, &local_name!("rel")).is_some_and(|r| {
            r.split_whitespace()
                .any(|t| t.eq_ignore_ascii_case("author"))
        }) && budget.take()
        {
            let text = text_of(el);
            if !text.is_empty() {
                m.author_links.push((text, attr(el, "href")));
            }
        }
        if let Some(prop) = attr::get(v, &local_name!("itemprop")) {
            microdata(&mut m.microdata, el, prop, &mut budget);
        }
        if !matches!(tag, Tag::Meta | Tag::Time | Tag::Script | Tag::Style) {
            let marks = entry.marks;
            if m.bylines.len() < MAX_KEPT
                && (marks.class_fragments.names_byline() || marks.id_fragments.names_byline())
                && budget.take()
            {
                let text = text_of(el);
                if !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS {
                    m.bylines.push(text);
                }
            }
            if m.dek.is_none()
                && seen_h1
                && texts_since_h1 <= DEK_WINDOW_TEXTS
                && marks
                    .class_fragments
                    .has(crate::extract::matching::Fragments::Dek)
                && budget.take()
            {
                let text = text_of(el);
                if DEK_CHARS.contains(&text.chars().count()) && !super::authors::has_label(&text) {
                    m.dek = Some(text);
                }
            }
            if visible_dates.len() < MAX_KEPT && marks.class_fragments.names_date() && budget.take()
            {
                let text = text_of(el);
                // Dates hold digits, or are short words ("yesterday").
                let datelike = text.chars().any(|c| c.is_ascii_digit())
                    || text.chars().count() <= MAX_WORD_DATE_CHARS;
                if datelike && text.chars().count() <= MAX_DATE_TEXT_CHARS {
                    let place = placement(el);
                    let role = date_role(el, &text);
                    visible_dates.push(DateNode {
                        attr: attr(el, "content"),
                        text,
                        in_main: place.in_main,
                        in_aside: place.in_aside,
                        class_aside: place.class_aside,
                        role,
                    });
                }
            }
        }
    }
    m.h1 = main_h1.or(first_h1);
    // A class-named aside that holds the headline is the page's wrapper.
    let headline_ancestors: Vec<ego_tree::NodeId> = main_h1_id
        .or(first_h1_id)
        .and_then(|id| doc.tree.get(id))
        .map(|h| h.ancestors().map(|a| a.id()).collect())
        .unwrap_or_default();
    for d in m.dates.iter_mut().chain(visible_dates.iter_mut()) {
        if let Some(id) = d.class_aside.take() {
            d.in_aside |= !headline_ancestors.contains(&id);
        }
    }
    // Without a headline there is nothing to be near.
    if seen_h1 {
        m.near_h1 = after_h1;
        m.near_h1.extend(before_h1.into_iter().rev());
    }
    // Bylines above the headline come after those below it, nearest first.
    m.labelled_bylines
        .extend(before_labelled.into_iter().rev().take(NEAR_H1_TEXTS_BEFORE));
    m.dates.extend(visible_dates);
    m
}

/// Records one `itemprop` element.
fn microdata(md: &mut Microdata, el: ElementRef<'_>, prop: &str, budget: &mut Budget) {
    let v = el.value();
    let value = || {
        attr(el, "content")
            .or_else(|| attr(el, "datetime"))
            .or_else(|| Some(text_of(el)).filter(|t| !t.is_empty()))
    };
    for p in prop.split_whitespace() {
        if !matches!(
            p,
            "headline" | "datePublished" | "dateModified" | "image" | "author" | "creator"
        ) || !budget.take()
        {
            continue;
        }
        match p {
            "headline" if md.headline.is_none() && v.name() != "meta" => md.headline = value(),
            "datePublished" if md.published.is_none() && v.name() != "meta" => {
                md.published = value()
            }
            "dateModified" if md.modified.is_none() && v.name() != "meta" => md.modified = value(),
            "image" if md.image.is_none() => {
                md.image = attr(el, "src")
                    .or_else(|| attr(el, "content"))
                    .or_else(|| attr(el, "href"));
                if md.image.is_none() {
                    // `<div itemprop=image itemscope><meta itemprop=url>`.
                    md.image = el
                        .descendants()
                        .filter_map(ElementRef::wrap)
                        .find(|d| get_str(d.value(), "itemprop") == Some("url"))
                        .and_then(|d| attr(d, "content").or_else(|| attr(d, "href")));
                }
            }
            "author" | "creator" if md.authors.len() < super::authors::MAX_AUTHORS => {
                let parent = el.parent();
                let home = (
                    parent.map(|p| p.id()),
                    parent.and_then(|p| p.parent()).map(|g| g.id()),
                );
                match md.author_home {
                    None => md.author_home = Some(home),
                    Some((p, g)) if p == home.0 || g == home.1 => {}
                    Some(_) => continue,
                }
                // `<span itemprop=author itemscope><span itemprop=name>`.
                let name = el
                    .descendants()
                    .filter_map(ElementRef::wrap)
                    .find(|d| get_str(d.value(), "itemprop") == Some("name"))
                    .and_then(|d| attr(d, "content").or_else(|| Some(text_of(d))))
                    .or_else(value);
                if let Some(name) = name.filter(|n| n.chars().count() <= MAX_BYLINE_CHARS) {
                    md.authors.push(name);
                }
            }
            _ => {}
        }
    }
}
