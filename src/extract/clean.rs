//! Main-content detection: marks boilerplate and picks the content roots.
//!
//! Nothing here changes the tree. Boilerplate is a per-node flag (its subtree
//! is left out); the content is a list of sibling subtrees. The scoring is
//! Readability's (paragraph scores flowing to ancestors, damped by link
//! density, class/id weights, sibling merging) over the flat [`Dom`] index,
//! with semantic elements and ARIA roles as extra evidence.

// Node ids index the flat DOM index and the vectors sized to it: the index
// numbers its nodes 0..len in document order and stores in-range parents
// and subtree ends, so every id read from it is in range. String slicing
// stays denied here.
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use crate::extract::dom::{Dom, NO_PARENT, Stats, Tag, subtree_stats};
use crate::extract::kinds;
use crate::extract::matching::{TokenBuf, TokenMarks, each_token};
use crate::extract::profile::{self, Profile};
use crate::extract::vocabulary::BOILERPLATE_TOKENS;

/// Paragraph-like elements shorter than this (weighted characters) add
/// nothing to their ancestors' scores (Readability's 25).
const MIN_PARAGRAPH_TEXT: u32 = 25;
/// A boilerplate-looking container holding more than this share of the
/// page's text is a wrapper (`<body class="has-sidebar">`), not boilerplate.
/// Chosen by hand on the article development pages (no published source).
const WRAPPER_TEXT_SHARE: f32 = 0.4;
/// A boilerplate-looking element whose class also names content
/// (`main-content has-sidebar`) is kept when it holds more than this share
/// of the page's text; a small `article-share` bar is still boilerplate.
/// Chosen by hand on the article development pages.
const NAMED_CONTENT_TEXT_SHARE: f32 = 0.1;
/// Class/id weights on candidate scores (Readability's 25).
const CLASS_WEIGHT: f32 = 25.0;
/// Bonus for `<article>`, `<main>` and `role=main` (semantic markup is rarer
/// than class names but more reliable). Chosen by hand: a little under
/// [`CLASS_WEIGHT`], so a content class and the element together outweigh a
/// boilerplate class.
const SEMANTIC_BONUS: f32 = 20.0;
/// Sibling merge: a sibling joins when its score reaches this share of the
/// top candidate's (Readability's 0.2, floor 10).
const SIBLING_SHARE: f32 = 0.2;
const SIBLING_FLOOR: f32 = 10.0;

/// The main content: roots to walk and nodes to leave out.
#[derive(Debug, Clone)]
pub struct Content {
    /// Sibling subtrees that make up the body, in page order.
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
/// steps: `flag_boilerplate`, `score`, `choose_top` (with
/// `climb_repeated`), `merge_siblings` and `merge_regions`.
pub fn find_content_with(dom: &Dom<'_>, profile: &Profile) -> Content {
    let body = dom
        .nodes
        .iter()
        .position(|e| e.tag == Tag::Body)
        .unwrap_or(0);
    let mut content = flag_boilerplate(dom, body, profile);
    let scored = score(dom, &content, profile);
    content.roots = match choose_top(dom, &content, &scored) {
        None => vec![body],
        Some(top) => {
            let top = climb_repeated(dom, &content, top, profile.repeated_items);
            let roots = merge_siblings(dom, &content, &scored.scores, top, profile);
            match profile.merge_regions {
                Some(share) => merge_regions(dom, &content, &scored, roots, share, profile),
                None => roots,
            }
        }
    };
    content.scores = scored.scores;
    content
}

/// Step 1: per-node boilerplate flags (never-text, hidden, navigation-like
/// tags and roles, boilerplate class/id tokens on blocks and containers),
/// and the subtree statistics with the flagged subtrees left out.
fn flag_boilerplate(dom: &Dom<'_>, body: usize, profile: &Profile) -> Content {
    let ignored: &[&str] = if profile.comments_are_content {
        POST_MARK_TOKENS
    } else {
        &[]
    };
    let page_text = dom.stats[body].text.max(1) as f32;
    let mut excluded = vec![false; dom.nodes.len()];
    let mut holds_text = Vec::new();
    let mut buf = TokenBuf::default();
    for (i, flag) in excluded.iter_mut().enumerate() {
        let entry = &dom.nodes[i];
        if !entry.is_element {
            continue;
        }
        if entry.tag.is_never_text() || is_hidden(dom, i) {
            *flag = true;
            continue;
        }
        let share = dom.stats[i].text as f32 / page_text;
        if share <= WRAPPER_TEXT_SHARE
            && (looks_like_boilerplate(dom, &mut holds_text, ignored, i)
                || kinds::is_profile_boilerplate(dom, &mut buf, profile, i))
            && !(share > NAMED_CONTENT_TEXT_SHARE && names_content(dom, i))
        {
            *flag = true;
        }
    }
    let stats = subtree_stats(&dom.nodes, |i| excluded[i]);
    Content {
        roots: Vec::new(),
        excluded,
        stats,
        scores: Vec::new(),
        profile: *profile,
    }
}

/// What [`score`] gives: per node, the candidate score (NaN for nodes that
/// are no candidate) and whether the node sits in a teaser listing.
struct Scored {
    scores: Vec<f32>,
    in_listing: Vec<bool>,
}

/// Step 2: scores flow from paragraphs to their ancestors (Readability's
/// scheme), damped inside teaser listings and by link density.
fn score(dom: &Dom<'_>, content: &Content, profile: &Profile) -> Scored {
    let n = dom.nodes.len();
    let dead = dead_flags(dom, &content.excluded);
    let mut scores: Vec<f32> = vec![f32::NAN; n];
    for (i, &is_dead) in dead.iter().enumerate() {
        if is_dead || !is_scored_paragraph(dom, content, i) {
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
    let mut roots = Vec::new();
    let threshold = (scores[top] * SIBLING_SHARE).max(SIBLING_FLOOR);
    for sibling in dom.children(parent as usize) {
        if sibling == top {
            roots.push(sibling);
            continue;
        }
        if !dom.nodes[sibling].is_element
            || content.excluded[sibling]
            || (!profile.listings_are_content && is_listing(dom, content, sibling))
        {
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
        if joins {
            roots.push(sibling);
        }
    }
    roots
}

/// Step 3b: when the top candidate is one of a run of repeated items (forum
/// posts, product cards, listing entries), the container of the run. Looks
/// at most [`REPEATED_MAX_LEVELS`] levels up; each level scans one parent's
/// children.
fn climb_repeated(dom: &Dom<'_>, content: &Content, top: usize, min_items: usize) -> usize {
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
        let alike = dom
            .children(parent as usize)
            .filter(|&c| {
                dom.nodes[c].is_element
                    && !content.excluded[c]
                    && dom.nodes[c].tag == tag
                    && dom.attr(c, "class") == class
                    && content.stats[c].text > 0
            })
            .count();
        if alike >= min_items {
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
                && content.link_density(i) < REGION_MAX_LINK_DENSITY
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

/// Tokens that name a post's parts: on pages whose comments are the
/// content (forums), they no longer make a container boilerplate. Besides
/// the comment names, the author, date and meta marks every post of
/// phpBB, vBulletin, XenForo, Invision and Discourse carries.
const POST_MARK_TOKENS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "author",
    "byline",
    "timestamp",
    "dateline",
    "meta",
    "metadata",
    "bio",
];
/// How many levels above the top candidate the repeated-items climb looks
/// (a post's text sits two or three levels inside its post container).
/// Chosen by hand.
const REPEATED_MAX_LEVELS: usize = 4;
/// A merged region must be mostly prose or items, not a link menu. Chosen
/// by hand (Readability's sibling rule uses 0.25 for single paragraphs).
const REGION_MAX_LINK_DENSITY: f32 = 0.5;
/// At most this many roots: a page is not a hundred separate regions.
/// Chosen by hand.
const MAX_REGIONS: usize = 24;

/// How many ancestors a paragraph's score reaches (Readability's 5 levels).
const SCORED_ANCESTORS: usize = 5;
/// A sibling `<p>` this long (weighted characters) with link density under
/// [`SIBLING_PARAGRAPH_LINK_DENSITY`] joins the article (Readability's 80
/// and 0.25).
const SIBLING_PARAGRAPH_TEXT: u32 = 80;
const SIBLING_PARAGRAPH_LINK_DENSITY: f32 = 0.25;

/// A second candidate scoring this share of the best one, outside it, marks
/// a body split into chunks. This and the two below were chosen by hand on
/// the article development pages.
const SPLIT_BODY_SHARE: f32 = 0.6;
/// How many levels above the best candidate the chunks' common ancestor
/// may be.
const SPLIT_BODY_MAX_LEVELS: usize = 3;
/// The common ancestor must be mostly prose.
const SPLIT_BODY_MAX_LINK_DENSITY: f32 = 0.25;

/// Teaser items (a linked headline, maybe an image and a short excerpt)
/// make up most of a listing's text. This and the three below were chosen by
/// hand on the article development pages (related-story blocks).
const LISTING_TEASERS: usize = 3;
const LISTING_TEXT_SHARE: f32 = 0.5;
/// A teaser's text stays under this (weighted characters).
const MAX_TEASER_TEXT: u32 = 1000;
/// How much a listing's candidate score keeps.
const LISTING_DAMPING: f32 = 0.2;

/// A list of story teasers (related posts, "more stories"): at least
/// [`LISTING_TEASERS`] children that each hold a linked title of their own
/// and a short text, together most of the container's text.
fn is_listing(dom: &Dom<'_>, content: &Content, i: usize) -> bool {
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

/// Hidden from readers: `hidden`, `aria-hidden=true`, inline `display:none`.
fn is_hidden(dom: &Dom<'_>, i: usize) -> bool {
    dom.nodes[i].marks.hidden
}

/// Navigation, asides, footers, forms, boilerplate roles and class names.
fn looks_like_boilerplate(
    dom: &Dom<'_>,
    holds_text: &mut Vec<bool>,
    ignored: &[&str],
    i: usize,
) -> bool {
    let entry = &dom.nodes[i];
    if matches!(
        entry.tag,
        Tag::Nav
            | Tag::Aside
            | Tag::Footer
            | Tag::Form
            | Tag::Menu
            | Tag::Fieldset
            | Tag::Figcaption
    ) {
        // Captions belong to figures (the figures stage reads them past
        // this flag); outside a recognised figure they are not body text.
        return true;
    }
    if !entry.is_element {
        return false;
    }
    if entry.marks.boilerplate_role {
        return true;
    }
    if matches!(entry.tag, Tag::Body | Tag::Html | Tag::Main | Tag::Article) {
        return false;
    }
    // A heading's id is an anchor made of its own words
    // (`id="promotion-and-relegation"`): only its class names boilerplate.
    let id = if entry.tag.heading_level().is_some() {
        TokenMarks::default()
    } else {
        entry.marks.id
    };
    let class = if entry.marks.class.has(TokenMarks::BOILERPLATE) {
        elementor_widget_class(dom, i).unwrap_or(entry.marks.class)
    } else {
        entry.marks.class
    };
    let mut named = false;
    for value in [class, id] {
        // An embedded post (`social-media-embed`, `twitter-tweet`) is quoted
        // content of the article, not a share bar.
        if value.has(TokenMarks::EMBED) {
            return false;
        }
        named |= value.has(TokenMarks::BOILERPLATE) || value.has(TokenMarks::CAPTION_BODY);
    }
    if named && !ignored.is_empty() {
        named = class.has(TokenMarks::CAPTION_BODY)
            || [dom.attr(i, "class"), dom.attr(i, "id")]
                .into_iter()
                .flatten()
                .any(|v| names_boilerplate_besides(v, ignored));
    }
    named && tokens_may_drop(dom, holds_text, i)
}

/// Whether `value` holds a boilerplate token that is not in `ignored`.
fn names_boilerplate_besides(value: &str, ignored: &[&str]) -> bool {
    each_token(value, &mut TokenBuf::default(), |t| {
        BOILERPLATE_TOKENS.contains(&t) && !ignored.contains(&t)
    })
}

/// Elementor (the WordPress page builder) wraps every piece of a page, its
/// text editor blocks and headings included, in `elementor-widget
/// elementor-widget-<kind>` elements: its `widget` is a building block, not
/// a sidebar widget. For such an element, the marks of its class without
/// those two names (so `elementor-widget-nav-menu` still names a menu);
/// `None` for any other element.
fn elementor_widget_class(dom: &Dom<'_>, i: usize) -> Option<TokenMarks> {
    let class = dom.attr(i, "class")?;
    if !class.contains("elementor-widget") {
        return None;
    }
    let rest: String = class
        .split_ascii_whitespace()
        .map(|c| {
            if c == "elementor-widget" || c == "elementor-widget-container" {
                ""
            } else {
                c.strip_prefix("elementor-widget-").unwrap_or(c)
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some(TokenMarks::of(&rest, &mut TokenBuf::default()))
}

/// Whether class/id tokens may drop element `i`: boilerplate is decided
/// per block, so tokens drop containers and blocks but never an inline
/// element inside running text (`<a class="meta-loc">Sudan</a>` in a
/// sentence). An inline element that stands alone among blocks (a
/// `<span class="share">` of icons between paragraphs) is still a container.
fn tokens_may_drop(dom: &Dom<'_>, holds_text: &mut Vec<bool>, i: usize) -> bool {
    if dom.nodes[i].tag.is_block() {
        return true;
    }
    if holds_text.is_empty() {
        *holds_text = direct_text_holders(dom);
    }
    !in_running_text(dom, holds_text, i)
}

/// Per node: it has a non-blank text child. One pass over the text nodes,
/// made only on pages where an inline element carries a boilerplate token.
fn direct_text_holders(dom: &Dom<'_>) -> Vec<bool> {
    let mut holds = vec![false; dom.nodes.len()];
    for (i, entry) in dom.nodes.iter().enumerate() {
        if entry.parent != NO_PARENT
            && dom.text(i).is_some_and(|t| !t.trim().is_empty())
            && let Some(flag) = holds.get_mut(entry.parent as usize)
        {
            *flag = true;
        }
    }
    holds
}

/// Whether inline element `i` sits in running text: its parent holds text
/// of its own, or its nearest block ancestor is a text block (paragraph,
/// heading, list item, table cell, term, caption).
fn in_running_text(dom: &Dom<'_>, holds_text: &[bool], i: usize) -> bool {
    let parent = dom.nodes[i].parent;
    if parent == NO_PARENT {
        return false;
    }
    if holds_text.get(parent as usize).copied().unwrap_or(false) {
        return true;
    }
    dom.ancestors(i)
        .map(|a| dom.nodes[a].tag)
        .find(|t| t.is_block())
        .is_some_and(|t| {
            t.heading_level().is_some()
                || matches!(
                    t,
                    Tag::P
                        | Tag::Li
                        | Tag::Td
                        | Tag::Th
                        | Tag::Dt
                        | Tag::Dd
                        | Tag::Caption
                        | Tag::Summary
                        | Tag::Blockquote
                )
        })
}

/// Whether the element's class or id names article content.
fn names_content(dom: &Dom<'_>, i: usize) -> bool {
    let marks = dom.nodes[i].marks;
    marks.class.has(TokenMarks::CONTENT) || marks.id.has(TokenMarks::CONTENT)
}

/// Paragraph-like elements whose text scores their ancestors: `p`, `pre`,
/// `td`, and `div`-likes holding text directly.
fn is_scored_paragraph(dom: &Dom<'_>, content: &Content, i: usize) -> bool {
    let entry = &dom.nodes[i];
    let qualifies = match entry.tag {
        Tag::P | Tag::Pre | Tag::Td => true,
        Tag::Div | Tag::Section | Tag::Article | Tag::Main | Tag::Font | Tag::Center => {
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

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn roots_text(html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        let dom = Dom::build(&doc);
        let content = find_content(&dom);
        content
            .roots
            .iter()
            .map(|&r| {
                let el = scraper::ElementRef::wrap(dom.nodes[r].node).unwrap();
                crate::extract::attr::get_str(el.value(), "id")
                    .unwrap_or(el.value().name())
                    .to_owned()
            })
            .collect()
    }

    const PARA: &str = "<p>This is a long paragraph of article text, with commas, \
        clauses, and enough words to count as real prose for the scorer.</p>";

    #[test]
    fn picks_the_paragraph_container_over_navigation() {
        let html = format!(
            "<body><div id=nav><a href=/a>Home</a> <a href=/b>World</a></div>\
             <div id=story>{PARA}{PARA}{PARA}</div>\
             <div id=links><ul><li><a href=/x>One story with a long title here</a></li></ul></div></body>"
        );
        assert_eq!(roots_text(&html), ["story"]);
    }

    #[test]
    fn marks_hidden_and_boilerplate_regions() {
        let html = format!(
            "<body><div id=story>{PARA}<section aria-hidden=true id=ad><p>Advert</p></section>\
             <div class=share-bar id=share><p>Share this</p></div>{PARA}{PARA}</div></body>"
        );
        let doc = Html::parse_document(&html);
        let dom = Dom::build(&doc);
        let content = find_content(&dom);
        let by_id = |id: &str| {
            dom.nodes
                .iter()
                .position(|e| {
                    scraper::ElementRef::wrap(e.node).is_some_and(|el| el.value().id() == Some(id))
                })
                .unwrap()
        };
        assert!(content.excluded[by_id("ad")]);
        assert!(content.excluded[by_id("share")]);
        assert!(!content.excluded[by_id("story")]);
    }

    #[test]
    fn embedded_posts_are_not_share_bars() {
        let html = format!(
            "<body><div id=story>{PARA}<div class=social-media-embed id=tweet><blockquote \
             class=twitter-tweet><p>A quoted post.</p></blockquote></div>\
             <div class=social-share id=share><a href=/s>Share</a></div>{PARA}</div></body>"
        );
        let doc = Html::parse_document(&html);
        let dom = Dom::build(&doc);
        let content = find_content(&dom);
        let id_of = |id: &str| {
            dom.nodes
                .iter()
                .position(|e| {
                    scraper::ElementRef::wrap(e.node).is_some_and(|el| el.value().id() == Some(id))
                })
                .unwrap()
        };
        assert!(!content.excluded[id_of("tweet")]);
        assert!(content.excluded[id_of("share")]);
    }

    #[test]
    fn a_wrapper_with_a_boilerplate_class_is_kept() {
        let html = format!("<body><div id=page class=has-sidebar>{PARA}{PARA}</div></body>");
        let doc = Html::parse_document(&html);
        let dom = Dom::build(&doc);
        let content = find_content(&dom);
        let page = dom.nodes.iter().position(|e| e.tag == Tag::Div).unwrap();
        assert!(!content.excluded[page]);
    }

    #[test]
    fn a_body_split_into_chunks_is_taken_whole() {
        let chunk = format!("{PARA}{PARA}{PARA}{PARA}");
        let html = format!(
            "<body><div id=page><div id=chunks><div class=grid><div id=one>{chunk}</div></div>\
             <div class=grid><div id=two>{chunk}<p>More text, to make this chunk a little \
             longer than the first.</p></div></div></div><div id=links><a href=/a>Home</a></div></div></body>"
        );
        assert_eq!(roots_text(&html), ["chunks"]);
    }

    #[test]
    fn merges_paragraph_siblings() {
        let html = format!(
            "<body><div id=wrap><div id=a>{PARA}{PARA}{PARA}</div><p id=tail>A closing line of \
             text that sits beside the main block and belongs to the story too, at length.</p></div></body>"
        );
        assert_eq!(roots_text(&html), ["a", "tail"]);
    }
    fn text_of(html: &str) -> String {
        let input = crate::extract::Input {
            html: html.as_bytes(),
            ..crate::extract::Input::default()
        };
        crate::extract::extract(&input, &crate::extract::Options::default())
            .map(|a| a.text)
            .unwrap_or_default()
    }

    #[test]
    fn a_link_with_a_boilerplate_class_keeps_its_words_in_a_sentence() {
        let html = format!(
            "<body><article>{PARA}<p>The council voted to reverse its position on \
             <a class=meta-loc href=/sudan>Sudan</a> and lift the sanctions it had set.</p>{PARA}\
             </article></body>"
        );
        assert!(
            text_of(&html).contains("reverse its position on Sudan and lift"),
            "{}",
            text_of(&html)
        );
    }

    #[test]
    fn sponsor_and_share_spans_inside_a_paragraph_keep_their_words() {
        let html = format!(
            "<body><article>{PARA}<p>The fund, <span class=sponsor-name>backed by Acme</span>, \
             said it would <span class=share-count>share the results</span> next year.</p>\
             {PARA}</article></body>"
        );
        let text = text_of(&html);
        assert!(text.contains("backed by Acme"), "{text}");
        assert!(text.contains("share the results next year"), "{text}");
    }

    #[test]
    fn a_heading_with_a_promotion_id_is_kept() {
        let html = format!(
            "<body><article><h2 id=promotion-and-relegation>Promotion and relegation</h2>\
             {PARA}{PARA}</article></body>"
        );
        assert!(text_of(&html).contains("Promotion and relegation"));
    }

    #[test]
    fn a_paragraph_opening_with_click_here_is_kept() {
        let html = format!(
            "<body><article>{PARA}<p>Click here to read the court's ruling in full.</p>\
             {PARA}</article></body>"
        );
        assert!(text_of(&html).contains("Click here to read the court's ruling"));
    }

    #[test]
    fn a_share_bar_of_inline_elements_between_blocks_is_still_dropped() {
        let html = format!(
            "<body><article>{PARA}<div><span class=share><a href=/f>Facebook</a> \
             <a href=/t>Twitter</a></span></div>{PARA}</article></body>"
        );
        let text = text_of(&html);
        assert!(!text.contains("Facebook"), "{text}");
    }

    #[test]
    fn elementor_text_widgets_are_content_and_its_menus_are_not() {
        let widget = |kind: &str, inner: &str| {
            format!(
                "<div class=\"elementor-element elementor-widget elementor-widget-{kind}\">\
                 <div class=elementor-widget-container>{inner}</div></div>"
            )
        };
        let html = format!(
            "<body><div class=elementor>{}{}{}{}</div></body>",
            widget("nav-menu", "<a href=/a>Home</a> <a href=/b>Pricing</a>"),
            widget("heading", "<h2>What we build for our clients</h2>"),
            widget("text-editor", PARA),
            widget("text-editor", PARA),
        );
        let text = text_of(&html);
        assert!(text.contains("What we build for our clients"), "{text}");
        assert!(text.contains("long paragraph of article text"), "{text}");
        assert!(!text.contains("Pricing"), "{text}");
    }

    fn roots_with(html: &str, profile: &Profile) -> Vec<String> {
        let doc = Html::parse_document(html);
        let dom = Dom::build(&doc);
        let content = find_content_with(&dom, profile);
        content
            .roots
            .iter()
            .map(|&r| dom.attr(r, "id").unwrap_or("?").to_owned())
            .collect()
    }

    #[test]
    fn forum_posts_in_comment_markup_are_the_content() {
        // phpBB-like thread: every post is a `div.post` holding a
        // `div.comment-body` and an author line.
        let post = |n: usize| {
            format!(
                "<div class=post id=p{n}><div class=author>user{n}</div>\
                 <div class=comment>{PARA}</div></div>"
            )
        };
        let html = format!(
            "<body><nav><a href=/>Forum index</a></nav><div id=thread>{}{}{}</div></body>",
            post(1),
            post(2),
            post(3)
        );
        assert_eq!(roots_with(&html, &profile::FORUM), ["thread"]);
        // As an article, the comment bodies are boilerplate and the posts
        // hold nothing.
        assert_ne!(roots_with(&html, &profile::ARTICLE), ["thread"]);
    }

    #[test]
    fn service_sections_are_merged_not_one_taken() {
        let section = |id: &str| format!("<section id={id}><h2>{id}</h2>{PARA}{PARA}</section>");
        let html = format!(
            "<body><div id=hero-wrap><div id=hero>{PARA}{PARA}{PARA}</div></div>\
             <div id=mid><div class=x>{}</div></div><div id=end><div class=y>{}</div></div>\
             <footer>Contact</footer></body>",
            section("features"),
            section("pricing")
        );
        let merged = roots_with(&html, &profile::SERVICE);
        assert!(merged.len() >= 3, "{merged:?}");
        assert_eq!(roots_with(&html, &profile::ARTICLE).len(), 1);
    }

    #[test]
    fn a_listing_is_kept_as_the_content_of_a_listing_page() {
        let item = |n: usize| {
            format!(
                "<li class=card><h3><a href=/c/{n}>Course number {n} in data science</a></h3>\
                 <p>A short blurb about course {n}, what it covers and who it is for.</p></li>"
            )
        };
        let items: String = (0..6).map(item).collect();
        let html = format!(
            "<body><div id=results><ul id=list>{items}</ul></div><div id=foot>Contact us \
             at the office</div></body>"
        );
        let roots = roots_with(&html, &profile::LISTING);
        assert!(
            roots.iter().any(|r| r == "list" || r == "results"),
            "{roots:?}"
        );
    }
}
