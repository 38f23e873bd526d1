//! Related links: link clusters beside the body (lists and containers that
//! are mostly links), and excluded regions named as related stories, give
//! their story-like links to `related_links` instead of the body.

#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use super::Walker;
use crate::article::Link;
use crate::extract::attr::get_str;
use crate::extract::dom::{Tag, measure};
use crate::extract::figures;
use crate::extract::text::normalize_whitespace;

/// How many siblings before a list `is_headed_list` looks back
/// through for its heading (whitespace and excluded blocks between).
/// Chosen by hand.
const HEADED_LIST_LOOKBACK: usize = 16;
/// How many wrappers up `is_headed_list` looks for what stands before a
/// list that opens its parent. Chosen by hand.
const HEADED_LIST_WRAPPERS: usize = 3;
/// A wrapper around a heading holds at most this much text (weighted
/// characters): the heading and a line under it. Chosen by hand.
const HEADED_LIST_WRAPPER_TEXT: u32 = 300;

/// Link density above which a list or container is a link cluster.
pub(crate) const LINK_CLUSTER_DENSITY: f32 = 0.5;
/// Related-story links need titles at least this long (weighted characters).
const MIN_RELATED_TITLE: u32 = 12;

impl Walker<'_, '_> {
    /// A list or container that is mostly links: navigation or related
    /// stories; never where such lists are the page's items (listings).
    pub(super) fn is_link_cluster(&self, i: usize) -> bool {
        let stats = &self.content.stats[i];
        !self.link_lists_are_items
            && stats.text > 0
            && stats.paragraphs == 0
            && self.content.link_density(i) > LINK_CLUSTER_DENSITY
            && !self.is_headed_list(i)
    }

    /// Whether list `i` (or a wrapper of one list) is the content of what
    /// stands just before it: a
    /// heading (a guide's "Key references", a roundup's "Best movers"),
    /// alone or in a short wrapper, or a paragraph that introduces it with
    /// a colon ("Here are some of the courses:"). Looks before the list,
    /// then, while nothing stands before it in its parent, before that
    /// parent ([`HEADED_LIST_WRAPPERS`] levels at most: a list is often
    /// the first thing in the wrapper beside its heading's). A heading or
    /// introduction that opens with a boilerplate phrase ("Related
    /// stories", "See also:") leaves the list a cluster, and its section is
    /// dropped as such.
    fn is_headed_list(&self, i: usize) -> bool {
        let dom = self.dom;
        if !self.is_list_or_wraps_one(i, HEADED_LIST_WRAPPERS) {
            return false;
        }
        let mut node = i;
        for _ in 0..=HEADED_LIST_WRAPPERS {
            if let Some(before) = self.element_before(node) {
                return self.introduces_list(before);
            }
            let parent = dom.nodes[node].parent;
            if parent == crate::extract::dom::NO_PARENT {
                return false;
            }
            node = parent as usize;
        }
        false
    }

    /// Whether `i` is a `<ul>` or `<ol>`, or a wrapper whose one element
    /// child is, at most `levels` wrappers deep.
    fn is_list_or_wraps_one(&self, i: usize, levels: usize) -> bool {
        let dom = self.dom;
        if matches!(dom.nodes[i].tag, Tag::Ul | Tag::Ol) {
            return true;
        }
        let mut children = dom
            .children(i)
            .filter(|&c| dom.nodes[c].is_element && !self.content.excluded[c]);
        match (children.next(), children.next()) {
            (Some(only), None)
                if levels > 0 && matches!(dom.nodes[i].tag, Tag::Div | Tag::Section) =>
            {
                self.is_list_or_wraps_one(only, levels - 1)
            }
            _ => false,
        }
    }

    /// The element sibling just before `i`, walked back past whitespace
    /// and excluded siblings (an ad slot), a few at most: a page of ten
    /// thousand link lists must not scan its siblings once for each.
    fn element_before(&self, i: usize) -> Option<usize> {
        let dom = self.dom;
        std::iter::successors(dom.prev_sibling(i), |&c| dom.prev_sibling(c))
            .take(HEADED_LIST_LOOKBACK)
            .find(|&c| dom.nodes[c].is_element && !self.content.excluded[c])
    }

    /// Whether element `before` introduces the list after it: a heading
    /// (or a short wrapper holding one and no paragraph), or a paragraph
    /// ending with a colon, whose text does not open with a boilerplate
    /// phrase.
    fn introduces_list(&self, before: usize) -> bool {
        let dom = self.dom;
        let stats = &self.content.stats[before];
        let tag = dom.nodes[before].tag;
        let heading = tag.heading_level().is_some()
            || (stats.headings > 0
                && stats.paragraphs == 0
                && stats.text <= HEADED_LIST_WRAPPER_TEXT
                && !matches!(tag, Tag::Ul | Tag::Ol));
        if !heading && tag != Tag::P {
            return false;
        }
        let mut text = String::new();
        self.text_of(before, &mut text);
        let text = normalize_whitespace(&text);
        let colon = text.ends_with(':') || text.ends_with('\u{ff1a}');
        !text.is_empty() && (heading || colon) && !super::header::opens_with_boilerplate(&text)
    }

    /// Keeps the story-like links of a link cluster as related links.
    pub(super) fn collect_links(&mut self, i: usize) {
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
    pub(super) fn collect_related_from_excluded(&mut self, i: usize) {
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
pub(super) fn is_followable(href: &str) -> bool {
    let h = href.trim();
    !(h.is_empty()
        || h.starts_with('#')
        || h.to_ascii_lowercase().starts_with("javascript:")
        || h.to_ascii_lowercase().starts_with("mailto:"))
}
