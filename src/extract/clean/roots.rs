//! Steps 3 to 6 of the clean stage: the content roots. The top candidate,
//! climbed to the container of the repeated items it is one of, with the
//! siblings and other regions that belong to it, and the headline and lead
//! figure just above it.

// Node ids come from the flat DOM index, which keeps them in range (see
// the parent module).
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use super::Content;
use super::score::{Scored, is_listing};
use crate::extract::dom::{Dom, NO_PARENT, Tag};
use crate::extract::profile::Profile;

/// Sibling merge: a sibling joins when its score reaches this share of the
/// top candidate's (Readability's 0.2, floor 10).
const SIBLING_SHARE: f32 = 0.2;
const SIBLING_FLOOR: f32 = 10.0;
/// How many levels above the top candidate the repeated-items climb looks
/// (a post's text sits two or three levels inside its post container).
/// Chosen by hand.
const REPEATED_MAX_LEVELS: usize = 4;
/// A merged region must be mostly prose or items, not a link menu. Chosen
/// by hand (Readability's sibling rule uses 0.25 for single paragraphs).
const REGION_MAX_LINK_DENSITY: f32 = 0.5;
/// A link-dense region is a run of cards, not a menu, when it holds at
/// least this many paragraphs (a menu's links hold none). Chosen by hand.
const CARD_REGION_MIN_PARAGRAPHS: u32 = 3;

/// At most this many roots: a page is not a hundred separate regions.
/// Chosen by hand.
const MAX_REGIONS: usize = 24;

/// A sibling `<p>` this long (weighted characters) with link density under
/// [`SIBLING_PARAGRAPH_LINK_DENSITY`] joins the article (Readability's 80
/// and 0.25).
const SIBLING_PARAGRAPH_TEXT: u32 = 80;
const SIBLING_PARAGRAPH_LINK_DENSITY: f32 = 0.25;

/// A wrapper of headings (`<hgroup>`, a `<div>` around an `<h2>` and its
/// kicker) holds at most this much text (weighted characters): two lines
/// of a headline and its subtitle. Chosen by hand, not tuned.
const HEADING_BLOCK_MAX_TEXT: u32 = 300;

/// The header above an article (headline, subtitle, byline, date, lead
/// figure and its caption) holds at most this much text (weighted
/// characters) for [`extend_to_lead`]: a few lines. Chosen by hand, not
/// tuned; a longer run of earlier siblings is another part of the page.
const LEAD_MAX_TEXT: u32 = 600;
/// At most this share of that header's text is links (a byline's author
/// link and a section label; a menu is mostly links). Chosen by hand.
const LEAD_MAX_LINK_SHARE: f32 = 0.3;

/// A second candidate scoring this share of the best one, outside it, marks
/// a body split into chunks. This and the two below were chosen by hand on
/// the article development pages.
const SPLIT_BODY_SHARE: f32 = 0.6;
/// How many levels above the best candidate the chunks' common ancestor
/// may be.
const SPLIT_BODY_MAX_LEVELS: usize = 3;
/// The common ancestor must be mostly prose.
const SPLIT_BODY_MAX_LINK_DENSITY: f32 = 0.25;

/// Steps 3 to 6: the content roots, in page order: the top candidate
/// ([`choose_top`], then [`climb_repeated`]), its siblings
/// ([`merge_siblings`]), where the profile says so other regions
/// ([`merge_regions`]) and the elements alike to the roots
/// ([`join_alike_roots`]), and the header above them ([`extend_to_lead`]).
/// `None` when no node scored at all.
pub(super) fn choose(
    dom: &Dom<'_>,
    content: &Content,
    scored: &Scored,
    profile: &Profile,
) -> Option<Vec<usize>> {
    let top = choose_top(dom, content, scored)?;
    let top = climb_repeated(dom, content, top, profile);
    let roots = merge_siblings(dom, content, &scored.scores, top, profile);
    let roots = match profile.merge_regions {
        Some(share) => merge_regions(dom, content, scored, roots, share, profile),
        None => roots,
    };
    let roots = if profile.alike_roots {
        join_alike_roots(dom, content, roots, profile)
    } else {
        roots
    };
    let roots = join_rich_text_blocks(dom, content, roots, profile);
    let roots = lift_table_parts(dom, roots);
    let roots = extend_to_lead(dom, content, roots, profile.lead_levels);
    Some(join_lead_figure(dom, content, roots))
}

/// A root that is part of a table (a `<tbody>`, `<thead>`, `<tfoot>` or
/// `<tr>`, chosen for its rows' text) stands for its whole `<table>`: the
/// rows are cells of a grid whose header row and row labels give them their
/// meaning, and only a whole table is rendered as one. Roots the lifted
/// table takes in drop out; the roots stay in page order.
pub(super) fn lift_table_parts(dom: &Dom<'_>, roots: Vec<usize>) -> Vec<usize> {
    let is_part = |r: usize| {
        matches!(
            dom.nodes[r].tag,
            Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr
        )
    };
    if !roots.iter().any(|&r| is_part(r)) {
        return roots;
    }
    let lifted: Vec<usize> = roots
        .iter()
        .map(|&r| {
            if is_part(r) {
                dom.ancestors(r)
                    .find(|&a| dom.nodes[a].tag == Tag::Table)
                    .unwrap_or(r)
            } else {
                r
            }
        })
        .collect();
    let mut out: Vec<usize> = Vec::with_capacity(lifted.len());
    for &r in &lifted {
        let covered = lifted.iter().any(|&o| o != r && dom.contains(o, r)) || out.contains(&r);
        if !covered {
            out.push(r);
        }
    }
    out.sort_unstable();
    out
}

/// A `<figure>` that is the element just before the first root, in the
/// same parent (a story's hero image above its text container), joins the
/// roots on every kind of page; its caption is the figure's, not body text.
fn join_lead_figure(dom: &Dom<'_>, content: &Content, mut roots: Vec<usize>) -> Vec<usize> {
    let Some(&first) = roots.first() else {
        return roots;
    };
    let parent = dom.nodes[first].parent;
    if parent == NO_PARENT {
        return roots;
    }
    let before = dom
        .children(parent as usize)
        .take_while(|&c| c != first)
        .filter(|&c| dom.nodes[c].is_element && !content.excluded[c])
        .last();
    if let Some(figure) = before.filter(|&c| {
        dom.nodes[c].tag == Tag::Figure && content.stats[c].images > 0 && !roots.contains(&c)
    }) {
        roots.insert(0, figure);
    }
    roots
}

/// Step 6: the headline and lead figure that sit just before the first
/// root, outside it (an `<h1>` and a hero image in a header above the
/// story's text container), join the roots. Climbs at most `levels`
/// levels above the first root; at each level the element siblings before
/// the path join when they hold a heading or an image, little text and few
/// links; a level whose earlier siblings hold more text than a header
/// ends the climb (that is another part of the page). The roots come back
/// in page order.
fn extend_to_lead(
    dom: &Dom<'_>,
    content: &Content,
    mut roots: Vec<usize>,
    levels: usize,
) -> Vec<usize> {
    let Some(&first) = roots.first() else {
        return roots;
    };
    let mut node = first;
    let mut lead = Vec::new();
    for _ in 0..levels {
        let parent = dom.nodes[node].parent;
        if parent == NO_PARENT || matches!(dom.nodes[parent as usize].tag, Tag::Body | Tag::Html) {
            break;
        }
        let before: Vec<usize> = dom
            .children(parent as usize)
            .take_while(|&c| c != node)
            .filter(|&c| dom.nodes[c].is_element && !content.excluded[c])
            .collect();
        let (text, link_text) = before.iter().fold((0, 0), |(t, l), &c| {
            (t + content.stats[c].text, l + content.stats[c].link_text)
        });
        if text > LEAD_MAX_TEXT {
            break;
        }
        let holds_lead = before
            .iter()
            .any(|&c| content.stats[c].headings > 0 || content.stats[c].images > 0);
        if holds_lead && link_text as f32 <= text as f32 * LEAD_MAX_LINK_SHARE {
            lead.extend(before);
        }
        node = parent as usize;
    }
    if !lead.is_empty() {
        roots.extend(lead);
        roots.sort_unstable();
    }
    roots
}

/// Step 3: the best candidate, climbed while its parent is as good (or it is
/// the only child), widened to the common ancestor of a body split into
/// chunks. `None` when no node scored at all.
fn choose_top(dom: &Dom<'_>, content: &Content, scored: &Scored) -> Option<usize> {
    let scores = &scored.scores;
    let n = scores.len();
    let mut top = (0..n)
        .filter(|&i| !scores[i].is_nan())
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    let best_score = scores[top];
    loop {
        let parent = dom.nodes[top].parent;
        if parent == NO_PARENT || matches!(dom.nodes[parent as usize].tag, Tag::Html) {
            break;
        }
        let parent = parent as usize;
        let parent_score = scores[parent];
        let only_child = dom
            .children(parent)
            .filter(|&c| dom.nodes[c].is_element && !content.excluded[c])
            .count()
            == 1;
        if only_child || (!parent_score.is_nan() && parent_score >= scores[top]) {
            top = parent;
        } else {
            break;
        }
    }

    // A body split into chunks (ads or widgets between them) gives a second
    // candidate nearly as good as the first, in a nearby container: take
    // their common ancestor when it is close and not link-heavy.
    let rival = (0..n)
        .filter(|&i| {
            !scores[i].is_nan()
                && i != top
                && !dom.contains(top, i)
                && !dom.contains(i, top)
                && !scored.in_listing[i]
                && scores[i] >= best_score * SPLIT_BODY_SHARE
        })
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    if let Some(rival) = rival
        && let Some((levels, common)) = dom
            .ancestors(top)
            .enumerate()
            .find(|&(_, a)| dom.contains(a, rival))
        && levels < SPLIT_BODY_MAX_LEVELS
        && !matches!(dom.nodes[common].tag, Tag::Body | Tag::Html)
        && content.link_density(common) < SPLIT_BODY_MAX_LINK_DENSITY
    {
        top = common;
    }
    Some(top)
}

/// Step 4: the top candidate with the siblings that belong to the article
/// too (Readability's sibling merge), in page order.
fn merge_siblings(
    dom: &Dom<'_>,
    content: &Content,
    scores: &[f32],
    top: usize,
    profile: &Profile,
) -> Vec<usize> {
    let parent = dom.nodes[top].parent;
    if parent == NO_PARENT {
        return vec![top];
    }
    // Per element sibling, in page order: whether it joins.
    let mut decided: Vec<(usize, bool)> = Vec::new();
    let threshold = (scores[top] * SIBLING_SHARE).max(SIBLING_FLOOR);
    for sibling in dom.children(parent as usize) {
        if sibling == top {
            decided.push((sibling, true));
            continue;
        }
        if !dom.nodes[sibling].is_element || content.excluded[sibling] {
            continue;
        }
        if !profile.listings_are_content && is_listing(dom, content, sibling) {
            decided.push((sibling, false));
            continue;
        }
        let score = scores[sibling];
        let joins = (!score.is_nan() && score >= threshold) || {
            let s = &content.stats[sibling];
            let density = content.link_density(sibling);
            dom.nodes[sibling].tag == Tag::P
                && ((s.text > SIBLING_PARAGRAPH_TEXT && density < SIBLING_PARAGRAPH_LINK_DENSITY)
                    || (s.text > 0 && density == 0.0))
        };
        decided.push((sibling, joins));
    }
    // A heading opens the part after it: it joins when the element right
    // after it joins (the body's first heading is often the top candidate's
    // sibling, and scores nothing itself). Backwards, so a run of headings
    // (a title over a subtitle) joins together.
    let mut next_joins = false;
    for (sibling, joins) in decided.iter_mut().rev() {
        if !*joins && next_joins && is_heading_block(dom, content, *sibling) {
            *joins = true;
        }
        next_joins = *joins;
    }
    decided
        .into_iter()
        .filter_map(|(sibling, joins)| joins.then_some(sibling))
        .collect()
}

/// A heading, or a short wrapper of headings (`<hgroup>`, `<header>` or a
/// `<div>` holding only a heading and little else).
fn is_heading_block(dom: &Dom<'_>, content: &Content, i: usize) -> bool {
    let s = &content.stats[i];
    dom.nodes[i].tag.heading_level().is_some()
        || (s.headings > 0
            && s.paragraphs == 0
            && s.text <= HEADING_BLOCK_MAX_TEXT
            && content.link_density(i) < SIBLING_PARAGRAPH_LINK_DENSITY)
}

/// Step 3b: when the top candidate is one of a run of repeated items (forum
/// posts, product cards, listing entries, an article's body split into
/// alike text components), the container of the run, when that container
/// is prose or cards as the profile's regions must be (a link-dense rail
/// of headlines that holds the story stays out). Looks at most
/// [`REPEATED_MAX_LEVELS`] levels up; each level scans one parent's
/// children.
fn climb_repeated(dom: &Dom<'_>, content: &Content, top: usize, profile: &Profile) -> usize {
    let min_items = profile.repeated_items;
    if min_items == 0 {
        return top;
    }
    let mut result = top;
    for item in std::iter::once(top)
        .chain(dom.ancestors(top))
        .take(REPEATED_MAX_LEVELS)
    {
        let parent = dom.nodes[item].parent;
        if parent == NO_PARENT || matches!(dom.nodes[parent as usize].tag, Tag::Body | Tag::Html) {
            break;
        }
        let tag = dom.nodes[item].tag;
        let class = dom.attr(item, "class");
        let (alike, others_text) = dom
            .children(parent as usize)
            .filter(|&c| {
                dom.nodes[c].is_element
                    && !content.excluded[c]
                    && dom.nodes[c].tag == tag
                    && dom.attr(c, "class") == class
                    && content.stats[c].text > 0
            })
            .fold((0, 0u32), |(n, t), c| {
                let t = if c == item {
                    t
                } else {
                    t.saturating_add(content.stats[c].text)
                };
                (n + 1, t)
            });
        if alike >= min_items
            && others_text as f32 >= content.stats[item].text as f32 * profile.repeated_min_share
            && is_prose_or_cards(content, parent as usize, profile)
        {
            result = parent as usize;
        }
    }
    result
}

/// Step 5: other high-scoring regions outside the roots join them (a
/// service page's sections, a product's description and specifications),
/// best first, none overlapping another, at most [`MAX_REGIONS`]; the roots
/// come back in page order.
fn merge_regions(
    dom: &Dom<'_>,
    content: &Content,
    scored: &Scored,
    mut roots: Vec<usize>,
    share: f32,
    profile: &Profile,
) -> Vec<usize> {
    let scores = &scored.scores;
    let Some(best) = roots
        .iter()
        .map(|&r| scores[r])
        .filter(|s| !s.is_nan())
        .reduce(f32::max)
    else {
        return roots;
    };
    let threshold = (best * share).max(SIBLING_FLOOR);
    let mut candidates: Vec<usize> = (0..scores.len())
        .filter(|&i| {
            !scores[i].is_nan()
                && scores[i] >= threshold
                && (profile.listings_are_content || !scored.in_listing[i])
                && !matches!(dom.nodes[i].tag, Tag::Body | Tag::Html)
                && is_prose_or_cards(content, i, profile)
        })
        .collect();
    candidates.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    for candidate in candidates {
        if roots.len() >= MAX_REGIONS {
            break;
        }
        let overlaps = roots
            .iter()
            .any(|&r| dom.contains(r, candidate) || dom.contains(candidate, r));
        if !overlaps {
            roots.push(candidate);
        }
    }
    roots.sort_unstable();
    roots
}

/// At most this many roots of one kind: a thread's posts.
const MAX_ALIKE_ROOTS: usize = 400;

/// Every element of the same tag and class value as a root (a thread's
/// other post bodies, however short) joins the roots, none overlapping
/// another.
fn join_alike_roots(
    dom: &Dom<'_>,
    content: &Content,
    roots: Vec<usize>,
    profile: &Profile,
) -> Vec<usize> {
    let kinds: Vec<(Tag, &str)> = roots
        .iter()
        .filter_map(|&r| Some((dom.nodes[r].tag, dom.attr(r, "class")?)))
        .filter(|(_, c)| !c.trim().is_empty())
        .collect();
    if kinds.is_empty() {
        return roots;
    }
    join_where(dom, content, roots, profile, |i, _| {
        dom.attr(i, "class")
            .is_some_and(|c| kinds.iter().any(|&(t, k)| t == dom.nodes[i].tag && k == c))
    })
}

/// Every element `joins` accepts (given the roots so far) that holds text,
/// is prose or cards, and neither holds nor sits in a root joins the roots,
/// in page order, at most [`MAX_ALIKE_ROOTS`] of them.
fn join_where(
    dom: &Dom<'_>,
    content: &Content,
    mut roots: Vec<usize>,
    profile: &Profile,
    joins: impl Fn(usize, &[usize]) -> bool,
) -> Vec<usize> {
    let mut added = Vec::new();
    let mut i = 0;
    while i < dom.nodes.len() && roots.len() + added.len() < MAX_ALIKE_ROOTS {
        let e = &dom.nodes[i];
        if !e.is_element || content.excluded[i] {
            i = if e.is_element { e.end as usize } else { i + 1 };
            continue;
        }
        if roots.contains(&i) {
            i = e.end as usize;
            continue;
        }
        if content.stats[i].text > 0
            && is_prose_or_cards(content, i, profile)
            && !roots
                .iter()
                .any(|&r| dom.contains(i, r) || dom.contains(r, i))
            && joins(i, &added)
        {
            added.push(i);
            i = e.end as usize;
            continue;
        }
        i += 1;
    }
    roots.extend(added);
    roots.sort_unstable();
    roots
}

/// The classes site builders give the block an editor's formatted text is
/// written into: Webflow's Rich Text element, Squarespace's text block,
/// Elementor's Text Editor widget, WPBakery's Text Block. Divi's text
/// module (`et_pb_text`) was measured too and left out: on both of the
/// development pages that use it the joined modules took less of the page
/// than the whole page the best one had given way to.
const RICH_TEXT_CLASSES: &[&str] = &[
    "w-richtext",
    "sqs-block-html",
    "elementor-widget-text-editor",
    "wpb_text_column",
];

/// Whether element `i`'s class names one of a site builder's rich-text
/// blocks ([`RICH_TEXT_CLASSES`]).
fn is_rich_text_block(dom: &Dom<'_>, i: usize) -> bool {
    dom.attr(i, "class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|n| RICH_TEXT_CLASSES.contains(&n))
    })
}

/// Whether root `r` is a rich-text block or sits in one, at most two
/// levels down (Elementor's widget container, WPBakery's wrapper).
fn in_rich_text_block(dom: &Dom<'_>, r: usize) -> bool {
    std::iter::once(r)
        .chain(dom.ancestors(r))
        .take(3)
        .any(|a| is_rich_text_block(dom, a))
}

/// When a root is or sits in a site builder's text block
/// ([`RICH_TEXT_CLASSES`]), the page's other such blocks that hold text
/// join the roots: a builder's template lays one story out as several of
/// them (an introduction, then each ranked item's text in its own
/// section; in Webflow's CMS each bound to a field of the item), and the
/// best one alone is a part of the story. Blocks inside a root, around
/// one, made of links, or holding the same text as a root (a second
/// template of the page, one of them hidden by the site's CSS) do not join.
#[inline(never)]
fn join_rich_text_blocks(
    dom: &Dom<'_>,
    content: &Content,
    roots: Vec<usize>,
    profile: &Profile,
) -> Vec<usize> {
    if !roots.iter().any(|&r| in_rich_text_block(dom, r)) {
        return roots;
    }
    let first = roots.clone();
    join_where(dom, content, roots, profile, |i, added| {
        // A copy prints the same text: the lengths first, then the words.
        let copies = |r: &usize| {
            let (a, b) = (&content.stats[*r], &content.stats[i]);
            a.text == b.text
                && a.link_text == b.link_text
                && a.paragraphs == b.paragraphs
                && super::copies::kept_text(dom, content, *r)
                    == super::copies::kept_text(dom, content, i)
        };
        is_rich_text_block(dom, i) && !first.iter().chain(added).any(copies)
    })
}

/// Whether region `i` may merge: mostly prose, or on profiles that allow
/// it, linked cards holding paragraphs (a grid of `<a><h3/><p/></a>`).
fn is_prose_or_cards(content: &Content, i: usize, profile: &Profile) -> bool {
    let density = content.link_density(i);
    density < REGION_MAX_LINK_DENSITY
        || (density < profile.card_region_max_link_density
            && content.stats[i].paragraphs >= CARD_REGION_MIN_PARAGRAPHS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn a_root_in_a_builders_text_block_is_read_up_to_two_levels_down() {
        let doc = Html::parse_document(
            "<div class='elementor-widget elementor-widget-text-editor' id=widget>\
             <div class=elementor-widget-container id=inner><div id=deeper>\
             <p id=p>Words</p></div></div></div><div class=other id=outside><p>More</p></div>",
        );
        let dom = Dom::build(&doc);
        let at = |id: &str| {
            (0..dom.nodes.len())
                .find(|&i| dom.attr(i, "id") == Some(id))
                .expect("the fixture has the id")
        };
        let found: Vec<bool> = ["widget", "inner", "deeper", "p", "outside"]
            .iter()
            .map(|id| in_rich_text_block(&dom, at(id)))
            .collect();
        assert_eq!(found, [true, true, true, false, false]);
    }
}
