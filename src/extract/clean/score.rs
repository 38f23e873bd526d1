//! Step 2 of the clean stage: candidate scores. Paragraph scores flow to
//! their ancestors (Readability's scheme), damped inside teaser listings and
//! by link density.

// Node ids come from the flat DOM index, which keeps them in range (see
// the parent module).
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use super::Content;
use crate::extract::dom::{Dom, NO_PARENT, Tag};
use crate::extract::matching::TokenMarks;
use crate::extract::profile::Profile;

/// Paragraph-like elements shorter than this (weighted characters) add
/// nothing to their ancestors' scores (Readability's 25).
const MIN_PARAGRAPH_TEXT: u32 = 25;
/// Class/id weights on candidate scores (Readability's 25).
const CLASS_WEIGHT: f32 = 25.0;
/// Bonus for `<article>`, `<main>` and `role=main` (semantic markup is rarer
/// than class names but more reliable). Chosen by hand: a little under
/// [`CLASS_WEIGHT`], so a content class and the element together outweigh a
/// boilerplate class.
const SEMANTIC_BONUS: f32 = 20.0;
/// How many ancestors a paragraph's score reaches (Readability's 5 levels).
const SCORED_ANCESTORS: usize = 5;

/// Teaser items (a linked headline, maybe an image and a short excerpt)
/// make up most of a listing's text. This and the three below were chosen by
/// hand on the article development pages (related-story blocks).
const LISTING_TEASERS: usize = 3;
const LISTING_TEXT_SHARE: f32 = 0.5;
/// A teaser's text stays under this (weighted characters).
const MAX_TEASER_TEXT: u32 = 1000;
/// How much a listing's candidate score keeps.
const LISTING_DAMPING: f32 = 0.2;

/// What [`score`] gives: per node, the candidate score (NaN for nodes that
/// are no candidate) and whether the node sits in a teaser listing.
pub(super) struct Scored {
    pub(super) scores: Vec<f32>,
    pub(super) in_listing: Vec<bool>,
}

/// Step 2: scores flow from paragraphs to their ancestors (Readability's
/// scheme), damped inside teaser listings and by link density.
pub(super) fn score(dom: &Dom<'_>, content: &Content, profile: &Profile) -> Scored {
    let n = dom.nodes.len();
    let dead = dead_flags(dom, &content.excluded);
    let mut scores: Vec<f32> = vec![f32::NAN; n];
    for (i, &is_dead) in dead.iter().enumerate() {
        if is_dead || !is_scored_paragraph(dom, content, profile, i) {
            continue;
        }
        // A `<p>` scores its ancestors; a `<div>` holding text directly is
        // its own paragraph's parent (Readability wraps such text in a `<p>`).
        let holds_text_itself = !matches!(dom.nodes[i].tag, Tag::P | Tag::Pre | Tag::Td);
        let (len, commas) = if holds_text_itself {
            direct_measure(dom, content, i)
        } else {
            (content.stats[i].text, content.stats[i].commas)
        };
        let score = 1.0 + commas as f32 + (len as f32 / 100.0).min(3.0);
        let targets = holds_text_itself
            .then_some(i)
            .into_iter()
            .chain(dom.ancestors(i));
        for (level, ancestor) in targets.take(SCORED_ANCESTORS).enumerate() {
            if dom.nodes[ancestor].tag == Tag::Html {
                break;
            }
            if scores[ancestor].is_nan() {
                scores[ancestor] = initial_score(dom, ancestor);
            }
            // Readability's dividers: parent 1, grandparent 2, then 3 per level.
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            scores[ancestor] += score / divider;
        }
    }
    // Candidates inside a teaser listing are teasers, not the article.
    let mut in_listing = vec![false; n];
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        let inherited = parent != NO_PARENT && in_listing[parent as usize];
        in_listing[i] = inherited || (!scores[i].is_nan() && is_listing(dom, content, i));
    }
    for (i, score) in scores.iter_mut().enumerate() {
        if !score.is_nan() {
            if in_listing[i] && !profile.listings_are_content {
                *score *= LISTING_DAMPING;
            }
            *score *= 1.0 - profile.link_density_weight * content.link_density(i);
        }
    }
    Scored { scores, in_listing }
}

/// A list of story teasers (related posts, "more stories"): at least
/// [`LISTING_TEASERS`] children that each hold a linked title of their own
/// and a short text, together most of the container's text.
pub(super) fn is_listing(dom: &Dom<'_>, content: &Content, i: usize) -> bool {
    let mut teasers = 0;
    let mut teaser_text = 0u32;
    for child in dom.children(i) {
        if !dom.nodes[child].is_element || content.excluded[child] {
            continue;
        }
        let s = &content.stats[child];
        let has_title_link = s.link_text >= 15
            && (s.headings > 0
                || s.images > 0
                || matches!(dom.nodes[child].tag, Tag::Article | Tag::Li));
        if has_title_link && s.text < MAX_TEASER_TEXT && s.paragraphs <= 2 {
            teasers += 1;
            teaser_text += s.text;
        }
    }
    teasers >= LISTING_TEASERS
        && teaser_text as f32 >= content.stats[i].text as f32 * LISTING_TEXT_SHARE
}

/// Per node: excluded itself or inside an excluded subtree.
pub fn dead_flags(dom: &Dom<'_>, excluded: &[bool]) -> Vec<bool> {
    let mut dead = vec![false; excluded.len()];
    for i in 0..excluded.len() {
        let parent = dom.nodes[i].parent;
        dead[i] = excluded[i] || (parent != NO_PARENT && dead[parent as usize]);
    }
    dead
}

/// Paragraph-like elements whose text scores their ancestors: `p`, `pre`,
/// `td`, and `div`-likes holding text directly.
fn is_scored_paragraph(dom: &Dom<'_>, content: &Content, profile: &Profile, i: usize) -> bool {
    let entry = &dom.nodes[i];
    let qualifies = match entry.tag {
        Tag::P | Tag::Pre | Tag::Td => true,
        Tag::Div | Tag::Section | Tag::Article | Tag::Main | Tag::Font | Tag::Center => {
            direct_measure(dom, content, i).0 >= MIN_PARAGRAPH_TEXT
        }
        Tag::Li if profile.list_items_are_paragraphs => {
            direct_measure(dom, content, i).0 >= MIN_PARAGRAPH_TEXT
        }
        _ => false,
    };
    qualifies && content.stats[i].text >= MIN_PARAGRAPH_TEXT
}

/// Weighted length and commas of the text directly under `i` (its text
/// nodes and inline children such as links and emphasis).
fn direct_measure(dom: &Dom<'_>, content: &Content, i: usize) -> (u32, u32) {
    let mut total = (0, 0);
    for c in dom.children(i) {
        let entry = &dom.nodes[c];
        let (len, commas) = match dom.text(c) {
            Some(_) => (entry.text_len, entry.commas),
            None if entry.is_element
                && !entry.tag.is_block()
                && !entry.tag.is_never_text()
                && !content.excluded[c] =>
            {
                (content.stats[c].text, content.stats[c].commas)
            }
            None => continue,
        };
        total.0 += len;
        total.1 += commas;
    }
    total
}

/// A candidate's score before paragraphs flow in: tag, class/id, semantics.
fn initial_score(dom: &Dom<'_>, i: usize) -> f32 {
    let entry = &dom.nodes[i];
    let mut score = match entry.tag {
        Tag::Div | Tag::Article | Tag::Section | Tag::Main => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Th => -5.0,
        _ => 0.0,
    };
    if entry.is_element {
        let marks = entry.marks;
        for value in [marks.class, marks.id] {
            if value.has(TokenMarks::BOILERPLATE) {
                score -= CLASS_WEIGHT;
            }
            if value.has(TokenMarks::CONTENT) {
                score += CLASS_WEIGHT;
            }
        }
        if matches!(entry.tag, Tag::Article | Tag::Main) || marks.main_role || marks.article_body {
            score += SEMANTIC_BONUS;
        }
    }
    score
}
