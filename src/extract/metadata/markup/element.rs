//! What one element gives the markup walk: its text, an attribute,
//! where it stands (main area, aside), a date element's label (published,
//! updated) and a microdata value.

use scraper::ElementRef;

use super::{Budget, DateNode, DateRole, MAX_BYLINE_CHARS, MAX_DATE_TEXT_CHARS, Microdata};
use crate::extract::attr::get_str;
use crate::extract::text::normalize_whitespace;
use crate::extract::vocabulary::{MODIFIED_WORDS, PUBLISHED_WORDS};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

/// One automaton per label list: a label is tested against every word of
/// its list in one pass over the lower-cased text, not one search a word.
fn automaton(words: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("the label lists are a valid, small automaton")
}

/// [`MODIFIED_WORDS`] as an automaton.
static MODIFIED: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(MODIFIED_WORDS));

/// [`PUBLISHED_WORDS`] as an automaton.
static PUBLISHED: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(PUBLISHED_WORDS));

/// The element's text, whitespace-normalised, with a space where a block
/// or a line break separates two texts (`<p>Jane Doe</p><p>Editor</p>` is
/// "Jane Doe Editor", not "Jane DoeEditor"); script and style text left out.
pub(super) fn text_of(el: ElementRef<'_>) -> String {
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

/// A non-empty attribute value, whitespace-normalised.
pub(super) fn attr(el: ElementRef<'_>, name: &str) -> Option<String> {
    get_str(el.value(), name)
        .map(normalize_whitespace)
        .filter(|v| !v.is_empty())
}

/// Where an element stands: (inside the main area, inside an aside).
pub(super) fn placement(el: ElementRef<'_>) -> Placement {
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

/// Whether `el` stands in a navigation menu: a `nav`, an ARIA
/// `navigation`/`menu`/`menubar`, or an element whose class or id token
/// names a menu or a dropdown (`menu-item`, WordPress `sub-menu`,
/// Elementor `elementor-nav-menu`, Webflow `w-dropdown`, mega-menus). Its
/// "By Event Type" and "By Industry" are facet headings, not bylines. A
/// token that only mentions a menu (`under-menu`, a layout below it) is no
/// menu.
pub(super) fn in_menu(el: ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let v = a.value();
        let named = |name: &str| {
            get_str(v, name).is_some_and(|c| {
                c.split_whitespace().any(|t| {
                    let t = t.to_ascii_lowercase();
                    t.starts_with("menu")
                        || t.contains("dropdown")
                        || ["sub-menu", "submenu", "nav-menu", "mega-menu", "megamenu"]
                            .iter()
                            .any(|w| t.contains(w))
                })
            })
        };
        v.name() == "nav"
            || matches!(
                get_str(v, "role"),
                Some("navigation" | "menu" | "menubar" | "menuitem")
            )
            || named("class")
            || named("id")
    })
}

/// The nearest ancestor whose class or id names comments (`comments-list`,
/// WordPress `comment-body`, Disqus `#comments`), where a `byline` class
/// is a commenter's.
pub(super) fn comments_ancestor(el: ElementRef<'_>) -> Option<ego_tree::NodeId> {
    el.ancestors().filter_map(ElementRef::wrap).find_map(|a| {
        let named = |name: &str| {
            get_str(a.value(), name).is_some_and(|c| c.to_ascii_lowercase().contains("comment"))
        };
        (named("class") || named("id")).then(|| a.id())
    })
}

/// Where an element stands.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placement {
    /// Inside `article`, `main` or `role=main`.
    pub(super) in_main: bool,
    /// Inside an `aside`, `nav` or a footer outside the article.
    pub(super) in_aside: bool,
    /// The nearest ancestor whose class or id names a sidebar, comments or
    /// related stories. Class names mislead ("story-sidebar-mode" on the
    /// page wrapper), so it counts only when it does not also hold the
    /// headline.
    pub(super) class_aside: Option<ego_tree::NodeId>,
}

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
        if MODIFIED.is_match(&label) {
            Some(DateRole::Modified)
        } else if PUBLISHED.is_match(&label) {
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
    // The nearest non-blank sibling before the element, or before its
    // parent when the element opens it: a label in its own element
    // (`<h4>Published</h4><div>July 8, 2025</div>`,
    // `<h3>Published</h3><p><time>`).
    let prev_text = || {
        let before = |node: ego_tree::NodeRef<'_, scraper::Node>| {
            node.prev_siblings().find_map(|prev| {
                let t = match prev.value() {
                    scraper::Node::Text(t) => t.to_string(),
                    scraper::Node::Element(_) => ElementRef::wrap(prev).map(text_of)?,
                    _ => return None,
                };
                (!t.trim().is_empty()).then_some(t)
            })
        };
        let t = before(*el).or_else(|| before(el.parent()?))?;
        (t.chars().count() <= MAX_DATE_TEXT_CHARS).then_some(t)
    };
    role_of(&own)
        .or_else(|| role_of(&prev_text()?))
        .or_else(|| role_of(&attrs(el.parent().and_then(ElementRef::wrap)?)))
        .unwrap_or(DateRole::Unlabelled)
}

/// Whether `text` is labelled as an update ("Updated July 9, 2025").
pub(in crate::extract::metadata) fn says_modified(text: &str) -> bool {
    MODIFIED.is_match(&text.to_lowercase())
}

/// A date element with where it stands and its label.
pub(super) fn date_node(el: ElementRef<'_>, text: String, attr: Option<String>) -> DateNode {
    let place = placement(el);
    let role = date_role(el, &text);
    DateNode {
        attr,
        text,
        in_main: place.in_main,
        in_aside: place.in_aside,
        class_aside: place.class_aside,
        role,
    }
}

/// Records one `itemprop` element.
pub(super) fn microdata(md: &mut Microdata, el: ElementRef<'_>, prop: &str, budget: &mut Budget) {
    let v = el.value();
    let value = || {
        attr(el, "content")
            .or_else(|| attr(el, "datetime"))
            .or_else(|| Some(text_of(el)).filter(|t| !t.is_empty()))
    };
    for p in prop.split_whitespace() {
        if !matches!(
            p,
            "headline"
                | "datePublished"
                | "dateCreated"
                | "dateModified"
                | "image"
                | "author"
                | "creator"
        ) || !budget.take()
        {
            continue;
        }
        match p {
            "headline" if md.headline.is_none() && v.name() != "meta" => md.headline = value(),
            // A question's date is its `dateCreated` (schema.org's `Question`
            // on Q&A software): the first of the two in the page is the
            // page's, later ones are answers' and comments'.
            "datePublished" | "dateCreated" if md.published.is_none() && v.name() != "meta" => {
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
            "author" | "creator"
                if md.authors.len() < crate::extract::metadata::authors::MAX_AUTHORS =>
            {
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
