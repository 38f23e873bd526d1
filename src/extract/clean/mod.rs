//! Main-content detection: marks boilerplate and picks the content roots.
//!
//! Nothing here changes the tree. Boilerplate is a per-node flag (its subtree
//! is left out); the content is a list of subtrees. The scoring is
//! Readability's (paragraph scores flowing to ancestors, damped by link
//! density, class/id weights, sibling merging) over the flat [`Dom`] index,
//! with semantic elements and ARIA roles as extra evidence.
//!
//! Files, one per step of [`find_content_with`]:
//!
//! - `mod.rs`: [`Content`] and the steps in order.
//! - `boilerplate.rs`: step 1, the per-node boilerplate flags (tags, roles,
//!   class/id tokens on blocks and containers, never inside running text).
//! - `score.rs`: step 2, paragraph scores flowing to their ancestors,
//!   damped in teaser listings and by link density.
//! - `roots.rs`: steps 3 to 6, the top candidate, the container of repeated
//!   items, the siblings and the other regions that join it, and the
//!   headline and lead figure just above it.
//! - `copies.rs`: step 8, the later copies of a container the page prints
//!   twice (a wide and a narrow layout's, a carousel's clones).
//! - `tests.rs`: unit tests on hand-written HTML.

// Node ids index the flat DOM index and the vectors sized to it: the index
// numbers its nodes 0..len in document order and stores in-range parents
// and subtree ends, so every id read from it is in range. String slicing
// stays denied here.
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

mod boilerplate;
mod copies;
mod roots;
mod score;

use crate::extract::dom::{Dom, Stats, Tag, subtree_stats};
use crate::extract::profile::{self, Profile};

pub(crate) use boilerplate::is_boilerplate_tag;
pub use score::dead_flags;

/// The main content: roots to walk and nodes to leave out.
#[derive(Debug, Clone)]
pub struct Content {
    /// Subtrees that make up the body, in page order, none inside another.
    pub roots: Vec<usize>,
    /// Per node: the node is boilerplate (its subtree is left out).
    pub excluded: Vec<bool>,
    /// Subtree statistics with excluded subtrees left out.
    pub stats: Vec<Stats>,
    /// Candidate scores (NaN for nodes that are no candidate), kept for
    /// diagnostics and for the evaluation tool's explanations.
    pub scores: Vec<f32>,
    /// The profile the content was found with, for the later stages that
    /// treat kinds of page differently (the outline's related links).
    pub profile: Profile,
}

impl Content {
    /// Link density of node `i`: link text over text.
    pub fn link_density(&self, i: usize) -> f32 {
        let s = &self.stats[i];
        if s.text == 0 {
            0.0
        } else {
            s.link_text as f32 / s.text as f32
        }
    }
}

/// Finds the main content of an article-like page ([`profile::ARTICLE`]).
pub fn find_content(dom: &Dom<'_>) -> Content {
    find_content_with(dom, &profile::ARTICLE)
}

/// Finds the main content of the document as `profile` says, in named
/// steps: flag the boilerplate (`boilerplate::flag`), score the candidates
/// (`score::score`), choose the roots and merge the regions that join them
/// (`roots::choose`), and where the profile says so take the whole page
/// when those roots hold too little of it (`whole_page`), then leave out
/// the later copies of containers printed twice (`copies::exclude`). With
/// no scored candidate the body is the content.
pub fn find_content_with(dom: &Dom<'_>, profile: &Profile) -> Content {
    let body = dom
        .nodes
        .iter()
        .position(|e| e.tag == Tag::Body)
        .unwrap_or(0);
    let mut content = boilerplate::flag(dom, body, profile);
    let scored = score::score(dom, &content, profile);
    content.roots = roots::choose(dom, &content, &scored, profile).unwrap_or_else(|| vec![body]);
    content.scores = scored.scores;
    if let Some(share) = profile.whole_page_below {
        whole_page(dom, &mut content, body, share);
    }
    copies::exclude(dom, &mut content);
    content
}

/// A paragraph of at least this many weighted characters, under half of
/// them links, is prose in [`whole_page`]'s second test: a story's
/// paragraph, not a teaser's blurb or a card's one-line pitch (those run
/// to two or three lines). Chosen on the development pages: 250 to 300
/// gained the same pages; at 200 a news site's sidebar of guide blurbs
/// counted as prose and its story gave way to the page.
const LONG_PARAGRAPH_TEXT: u32 = 250;

/// The share of the page's kept text, and of its long paragraphs
/// ([`LONG_PARAGRAPH_TEXT`]), under which [`whole_page`]'s second test
/// takes the whole page. A half: the roots then hold neither most of the
/// page nor most of its prose.
const PROSE_SHARE: f32 = 0.5;

/// Step 7, on profiles that say so: the content is the whole body minus
/// its boilerplate and its page banner (see [`Profile::whole_page_below`])
/// when the roots hold less than `share` of the page's kept text, or less
/// than half of it and less than half of its long paragraphs' text: the
/// roots are then one part of the prose (one text component of a CMS
/// page, one section of a guide), not the prose, while a short story
/// beside a rail of teasers keeps its roots (the teasers' blurbs are not
/// long paragraphs).
fn whole_page(dom: &Dom<'_>, content: &mut Content, body: usize, share: f32) {
    let page = content.stats[body].text as f32;
    let held: u32 = content.roots.iter().map(|&r| content.stats[r].text).sum();
    if page == 0.0 || held as f32 >= page * share.max(PROSE_SHARE) {
        return;
    }
    if held as f32 >= page * share {
        let prose = long_paragraph_text(dom, content, body);
        let held_prose: u32 = content
            .roots
            .iter()
            .map(|&r| long_paragraph_text(dom, content, r))
            .sum();
        if prose == 0 || held_prose as f32 >= prose as f32 * PROSE_SHARE {
            return;
        }
    }
    let banners = boilerplate::page_banners(dom, body);
    if !banners.is_empty() {
        for &i in &banners {
            content.excluded[i] = true;
        }
        content.stats = subtree_stats(&dom.nodes, |i| content.excluded[i]);
    }
    content.roots = vec![body];
}

/// The text of the long paragraphs ([`LONG_PARAGRAPH_TEXT`], under half
/// of it links) in the subtree of node `root`, leaving out boilerplate.
fn long_paragraph_text(dom: &Dom<'_>, content: &Content, root: usize) -> u32 {
    let end = dom.nodes[root].end as usize;
    let mut text = 0;
    let mut i = root;
    while i < end {
        let entry = &dom.nodes[i];
        let paragraph = entry.is_element && entry.tag == Tag::P;
        if paragraph && !content.excluded[i] {
            let s = &content.stats[i];
            if s.text >= LONG_PARAGRAPH_TEXT && 2 * s.link_text < s.text {
                text += s.text;
            }
        }
        // Past a boilerplate subtree or a paragraph (no paragraph nests).
        i = if paragraph || content.excluded[i] {
            (entry.end as usize).max(i + 1)
        } else {
            i + 1
        };
    }
    text
}

#[cfg(test)]
mod tests;
