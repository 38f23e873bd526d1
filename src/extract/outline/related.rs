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

    /// Whether list `i` is the content of the heading just before it (a
    /// guide's "Key references", a roundup's "Best movers"): a `<ul>` or
    /// `<ol>` whose previous element sibling is a heading that does not
    /// open with a boilerplate phrase ("Related stories" and the like stay
    /// clusters, and their sections are dropped as such).
    fn is_headed_list(&self, i: usize) -> bool {
        let dom = self.dom;
        if !matches!(dom.nodes[i].tag, Tag::Ul | Tag::Ol) {
            return false;
        }
        // Walked back from the list, past whitespace and excluded siblings
        // (an ad slot), a few at most: a page of ten thousand link lists
        // must not scan its siblings once for each.
        let Some(before) = std::iter::successors(dom.prev_sibling(i), |&c| dom.prev_sibling(c))
            .take(HEADED_LIST_LOOKBACK)
            .find(|&c| dom.nodes[c].is_element && !self.content.excluded[c])
        else {
            return false;
        };
        if dom.nodes[before].tag.heading_level().is_none() {
            return false;
        }
        let mut heading = String::new();
        self.text_of(before, &mut heading);
        let heading = normalize_whitespace(&heading);
        !heading.is_empty() && !super::header::opens_with_boilerplate(&heading)
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
