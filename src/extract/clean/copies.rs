//! Step 8 of the clean stage: containers the page prints twice. A theme
//! writes the same description once for wide screens and once for narrow
//! ones (`hide-on-mobile` beside `hide-on-desktop`), a carousel clones
//! its slides, a tab strip repeats the panel above it; CSS shows the
//! reader one copy. The content keeps the first and leaves out the
//! later ones.
//!
//! Only containers count, never a paragraph or a heading itself: a
//! paragraph that says the same as another (a refrain, a repeated tip) is
//! the author's, and stays. A copy links where the original does: two
//! cards of a listing that read alike but link to two items are two items.
//! Two tab panels are alternatives, never copies.

#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use rustc_hash::FxHashMap;

use super::Content;
use crate::extract::dom::{Dom, NO_PARENT, Tag, subtree_stats};

/// The least text (non-whitespace characters) a copy holds: short
/// repeated boxes ("Add to cart", a price) are left to the boilerplate
/// rules. Chosen by hand.
const MIN_COPY_TEXT: u32 = 80;
/// The fewest blocks (paragraphs and headings) a copy holds: a container
/// of text, not a box of links or prices.
const MIN_COPY_BLOCKS: u32 = 1;
/// The most earlier containers of the same fingerprint each one is
/// compared with, the nearest first: copies stand side by side, and a
/// page of thousands of alike containers costs linear time, not
/// quadratic.
const MAX_COMPARED: usize = 8;

/// Leaves out every container inside the roots whose kept text is that of
/// an earlier container outside it (see the module's documentation).
pub(super) fn exclude(dom: &Dom<'_>, content: &mut Content) {
    // Cheap fingerprints first (text length, link text, blocks); the text
    // itself is read only where two fingerprints meet.
    let mut by_print: FxHashMap<(u32, u32, u32, u32), Vec<usize>> = FxHashMap::default();
    for &root in &content.roots {
        let mut i = root;
        let end = dom.nodes[root].end as usize;
        while i < end {
            if content.excluded[i] {
                i = dom.nodes[i].end as usize;
                continue;
            }
            let s = &content.stats[i];
            if dom.nodes[i].is_element
                && s.text >= MIN_COPY_TEXT
                && s.paragraphs + s.headings >= MIN_COPY_BLOCKS
                && dom.nodes[i].tag != Tag::P
                && dom.nodes[i].tag.heading_level().is_none()
            {
                by_print
                    .entry((s.text, s.link_text, s.paragraphs, s.headings))
                    .or_default()
                    .push(i);
            }
            i += 1;
        }
    }
    let mut copies: Vec<usize> = Vec::new();
    for nodes in by_print.values().filter(|n| n.len() > 1) {
        // A wrapper and the one container it holds share a fingerprint:
        // the text is read only for pairs side by side, once per node.
        let mut texts: Vec<Option<String>> = vec![None; nodes.len()];
        for k in 1..nodes.len() {
            let later = nodes[k];
            for e in (k.saturating_sub(MAX_COMPARED)..k).rev() {
                let earlier = nodes[e];
                if later < dom.nodes[earlier].end as usize
                    || !near(dom, earlier, later)
                    || tab_panel(dom, earlier) != tab_panel(dom, later)
                {
                    continue;
                }
                let (before, from_later) = texts.split_at_mut(k);
                let a = before[e].get_or_insert_with(|| kept_text(dom, content, earlier));
                let b = from_later[0].get_or_insert_with(|| kept_text(dom, content, later));
                if a == b {
                    copies.push(later);
                    break;
                }
            }
        }
    }
    if copies.is_empty() {
        return;
    }
    for i in copies {
        content.excluded[i] = true;
    }
    content.stats = subtree_stats(&dom.nodes, |i| content.excluded[i]);
}

/// How many levels up from each of two copies their common ancestor may
/// stand: a wide and a narrow layout's copies, a carousel's clones, stand
/// side by side; the same parameter documented under two methods of an
/// API, or a tip repeated in two sections, stands further apart.
const MAX_COPY_DISTANCE: usize = 5;

/// Whether `a` and `b` have a common ancestor at most
/// [`MAX_COPY_DISTANCE`] levels above each.
fn near(dom: &Dom<'_>, a: usize, b: usize) -> bool {
    let ancestors = |mut i: usize| {
        let mut out = [usize::MAX; MAX_COPY_DISTANCE];
        for slot in &mut out {
            let parent = dom.nodes[i].parent;
            if parent == NO_PARENT {
                break;
            }
            i = parent as usize;
            *slot = i;
        }
        out
    };
    let above_a = ancestors(a);
    ancestors(b)
        .iter()
        .any(|p| *p != usize::MAX && above_a.contains(p))
}

/// The nearest `role=tabpanel` element holding node `i` (or `i`
/// itself). Tab panels are alternatives the reader picks between (one
/// per programming language, say): each is whole on its own, and steps
/// that read alike in two of them are not copies.
fn tab_panel(dom: &Dom<'_>, mut i: usize) -> Option<usize> {
    loop {
        if dom
            .attr(i, "role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("tabpanel"))
        {
            return Some(i);
        }
        let parent = dom.nodes[i].parent;
        if parent == NO_PARENT {
            return None;
        }
        i = parent as usize;
    }
}

/// The words of node `i`'s subtree outside excluded nodes, one space
/// between each, and the targets of its links.
pub(super) fn kept_text(dom: &Dom<'_>, content: &Content, i: usize) -> String {
    let mut out = String::new();
    let end = dom.nodes[i].end as usize;
    let mut j = i;
    while j < end {
        if content.excluded[j] {
            j = dom.nodes[j].end as usize;
            continue;
        }
        // A copy links where the original does; two cards of a listing
        // that read the same link to two items.
        if dom.nodes[j].tag == Tag::A
            && let Some(href) = dom.attr(j, "href")
        {
            out.push('\u{1}');
            out.push_str(href);
        }
        if let Some(t) = dom.text(j) {
            for w in t.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
            }
        }
        j += 1;
    }
    out
}
