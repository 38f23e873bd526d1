//! Per-type extraction profiles: what the clean stage keeps on each kind of
//! page, as data (one [`Profile`] table per [`PageType`]), so the stage has
//! no scattered per-type `if`s.
//!
//! The values were chosen by hand on the development pages of each type;
//! each field says what it changes.

use crate::article::PageType;
use crate::extract::page_type::PageTypeGuess;
use crate::extract::vocabulary::{
    FORUM_CHROME_TOKENS, LISTING_CHROME_TOKENS, LISTING_ITEM_TOKENS, POST_MARK_TOKENS,
    PRODUCT_RECOMMENDATION_TOKENS, SERVICE_PART_TOKENS,
};

/// The share of the page's kept text below which the roots of a page made
/// of many parts give way to the whole page (see
/// [`Profile::whole_page_below`]). Chosen by hand on the development pages.
const WHOLE_PAGE_SHARE: f32 = 0.5;

/// The share of a service page's kept text below which its roots give way
/// to the whole page (see [`Profile::whole_page_below`]). Higher than
/// [`WHOLE_PAGE_SHARE`]: a service page's testimonials, stats and closing
/// pitch are text in plain blocks that score nothing, yet they are a third
/// of what it says. Chosen on the development service pages, where 0.6 to
/// 0.9 all gained and 0.7 cost the fewest pages.
const SERVICE_WHOLE_PAGE_SHARE: f32 = 0.7;

/// The share of a forum page's kept text below which its roots are one
/// post or one part of the thread, not the thread (see
/// [`Profile::whole_page_below`]). Lower than [`WHOLE_PAGE_SHARE`]: a
/// thread's posts are most of its page, and at one half a thread whose
/// roots were right gave way to its page. Chosen on the development
/// forums.
const THREAD_SHARE: f32 = 0.3;

/// The page-type confidence below which [`for_guess`] keeps only the
/// fragment test of the whole-page rule: a page the classifier is unsure
/// of may be an article, whose comments and related stories the rule would
/// keep. Chosen by hand on the development pages.
const WHOLE_PAGE_MIN_CONFIDENCE: f32 = 0.6;

/// How main-content detection treats one kind of page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Profile {
    /// Class/id tokens that name content, not boilerplate, on this kind of
    /// page: a forum thread's comment markup and each post's author and
    /// date marks (a thread is its posts and replies); a listing item's
    /// `caption` and `meta` parts (its blurb and details); a service
    /// page's hero `banner`.
    pub content_tokens: &'static [&'static str],
    /// The top candidate climbs to the container of the repeated items it
    /// is one of (forum posts, product cards, listing entries): at least
    /// this many element siblings with its tag and class. `0`: never.
    pub repeated_items: usize,
    /// For that climb, the other alike items together hold at least this
    /// share of the top candidate's text: an article body beside a
    /// dateline and a credit line, all plain `<div>`s, is one region, not
    /// a run of items. `0.0`: any size (a forum's short replies are posts
    /// all the same). The articles' 0.15 was chosen by hand, not tuned.
    pub repeated_min_share: f32,
    /// Teaser listings (repeated items with a linked title and a blurb) are
    /// the content: their scores are not damped and they merge as siblings.
    pub listings_are_content: bool,
    /// How much of a candidate's score its link density takes away: 1.0 is
    /// Readability's `score * (1 - density)`; less keeps linked titles.
    pub link_density_weight: f32,
    /// Other high-scoring regions outside the top candidate (a service
    /// page's hero, features, FAQ and pricing; a product's description and
    /// specifications) join the content when they score at least this share
    /// of the best candidate. `None`: the content is one region.
    pub merge_regions: Option<f32>,
    /// A region merged by [`Profile::merge_regions`] is mostly prose, not a
    /// link menu (link density under one half), or, up to this link
    /// density, a run of cards holding paragraphs: card grids wrap each
    /// card's title and blurb in one link, so on listings the items are
    /// links. At most one half: no such exception.
    pub card_region_max_link_density: f32,
    /// Link-heavy lists and cards inside the content are its items (a
    /// category grid's product titles, a listing's entries) and stay in
    /// the body; otherwise the outline moves them to the related links.
    pub link_lists_are_content: bool,
    /// Class/id tokens that make a block or container boilerplate on this
    /// kind of page only, beside the common ones (a listing's filters and
    /// sort bar, a product's upsell carousels; see the vocabulary).
    pub extra_boilerplate: &'static [&'static str],
    /// The headline, subtitle and lead figure just before the content,
    /// outside it, join it when they sit at most this many levels above the
    /// first root (a story's header beside its text container). `0`: never.
    pub lead_levels: usize,
    /// When the chosen roots hold less than this share of the page's kept
    /// text, the content is the whole body minus its boilerplate and its
    /// page banner: on pages made of many parts (a service page's
    /// sections, a listing's entries, a reference page's blocks) one
    /// region is too little, and on an article typed as one of them by
    /// mistake its text container still holds most of the page, so it
    /// stays the content. Below one half, the whole page is also taken when
    /// the roots hold less than half of it and of its long paragraphs (one
    /// text component of several). `None`: never.
    pub whole_page_below: Option<f32>,
    /// A list item holding a paragraph's worth of text itself scores like a
    /// paragraph: a product's description and a service page's features
    /// are often written as list items of prose, not `<p>`s. Off where a
    /// page's menus and link rails are lists of long items.
    pub list_items_are_paragraphs: bool,
    /// Every element of the same tag and class value as a root joins the
    /// roots, however little it scores: a thread's short replies are posts
    /// as much as its long ones.
    pub alike_roots: bool,
}

/// Roots holding less than this share of the page's kept text are a
/// fragment, not the content, on every kind of page: one column of a page
/// builder's section (Elementor, WPBakery, Divi), one card of a grid.
/// Chosen on the development pages, the highest share that cost no news
/// page anything (at 0.2 two news stories gave way to their whole page).
const FRAGMENT_SHARE: f32 = 0.15;

/// Articles and pages of unknown type: Readability's single region, or
/// the whole page when that region is a fragment of it. A region that is
/// one of three or more alike siblings (a CMS's text components, an
/// accordion's items, each a part of the story) gives way to their
/// container.
pub const ARTICLE: Profile = Profile {
    content_tokens: &[],
    repeated_items: 3,
    repeated_min_share: 0.15,
    listings_are_content: false,
    link_density_weight: 1.0,
    merge_regions: None,
    card_region_max_link_density: 0.5,
    link_lists_are_content: false,
    extra_boilerplate: &[],
    lead_levels: 0,
    whole_page_below: Some(FRAGMENT_SHARE),
    list_items_are_paragraphs: false,
    alike_roots: false,
};

/// Forum threads: every post and reply, in their common container.
pub const FORUM: Profile = Profile {
    content_tokens: POST_MARK_TOKENS,
    repeated_items: 2,
    repeated_min_share: 0.0,
    listings_are_content: false,
    link_density_weight: 1.0,
    merge_regions: Some(0.3),
    card_region_max_link_density: 0.5,
    link_lists_are_content: false,
    extra_boilerplate: FORUM_CHROME_TOKENS,
    lead_levels: 0,
    whole_page_below: Some(THREAD_SHARE),
    list_items_are_paragraphs: false,
    alike_roots: true,
};

/// Product pages: description, specifications and reviews summary, which
/// shops lay out as separate blocks.
pub const PRODUCT: Profile = Profile {
    content_tokens: &[],
    repeated_items: 0,
    repeated_min_share: 0.0,
    listings_are_content: false,
    link_density_weight: 1.0,
    merge_regions: Some(0.3),
    card_region_max_link_density: 0.5,
    link_lists_are_content: false,
    extra_boilerplate: PRODUCT_RECOMMENDATION_TOKENS,
    lead_levels: 0,
    whole_page_below: None,
    list_items_are_paragraphs: true,
    alike_roots: false,
};

/// Category grids: the repeated items with their titles and blurbs.
pub const COLLECTION: Profile = Profile {
    content_tokens: LISTING_ITEM_TOKENS,
    repeated_items: 3,
    repeated_min_share: 0.0,
    listings_are_content: true,
    link_density_weight: 0.5,
    merge_regions: Some(0.3),
    card_region_max_link_density: 0.9,
    link_lists_are_content: true,
    extra_boilerplate: LISTING_CHROME_TOKENS,
    lead_levels: 0,
    whole_page_below: Some(WHOLE_PAGE_SHARE),
    list_items_are_paragraphs: false,
    alike_roots: false,
};

/// Listings (articles, courses, jobs, results): as collections, but a
/// listing's entries are linked teasers whose blurbs sit inside the link
/// more often than a shop's grid does, so link density takes away less of
/// their score (0.2 against 0.5: chosen on the development listings, where
/// it lifted listings and cost collections).
pub const LISTING: Profile = Profile {
    link_density_weight: 0.2,
    ..COLLECTION
};

/// Documentation: as articles, but a reference page's separate sections
/// (each with its code) merge when they score half the best one; sidebars,
/// breadcrumbs and tables of contents stay boilerplate by their markup.
pub const DOCUMENTATION: Profile = Profile {
    merge_regions: Some(0.5),
    lead_levels: 2,
    whole_page_below: Some(WHOLE_PAGE_SHARE),
    ..ARTICLE
};

/// Service and marketing pages: the scored sections merged, not one node.
pub const SERVICE: Profile = Profile {
    content_tokens: SERVICE_PART_TOKENS,
    repeated_items: 0,
    repeated_min_share: 0.0,
    listings_are_content: true,
    link_density_weight: 1.0,
    merge_regions: Some(0.15),
    card_region_max_link_density: 0.5,
    link_lists_are_content: false,
    extra_boilerplate: &[],
    lead_levels: 2,
    whole_page_below: Some(SERVICE_WHOLE_PAGE_SHARE),
    list_items_are_paragraphs: true,
    alike_roots: false,
};

/// The profile for a page type.
pub fn for_type(page_type: PageType) -> &'static Profile {
    match page_type {
        PageType::Article | PageType::Other => &ARTICLE,
        PageType::Forum => &FORUM,
        PageType::Product => &PRODUCT,
        PageType::Collection => &COLLECTION,
        PageType::Listing => &LISTING,
        PageType::Documentation => &DOCUMENTATION,
        PageType::Service => &SERVICE,
    }
}

/// The profile for the page-type stage's answer: its type's profile, with
/// the whole-page rule ([`Profile::whole_page_below`]) down to the fragment
/// test when the stage is unsure of the type.
pub fn for_guess(guess: &PageTypeGuess) -> Profile {
    let mut profile = *for_type(guess.page_type);
    if guess.confidence < WHOLE_PAGE_MIN_CONFIDENCE {
        profile.whole_page_below = profile.whole_page_below.map(|s| s.min(FRAGMENT_SHARE));
    }
    profile
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(page_type: PageType, confidence: f32) -> PageTypeGuess {
        PageTypeGuess {
            page_type,
            confidence,
            ..PageTypeGuess::default()
        }
    }

    #[test]
    fn an_unsure_type_keeps_only_the_fragment_test() {
        let sure = for_guess(&guess(PageType::Service, 0.9));
        assert_eq!(sure.whole_page_below, Some(SERVICE_WHOLE_PAGE_SHARE));
        let unsure = for_guess(&guess(PageType::Service, 0.4));
        assert_eq!(unsure.whole_page_below, Some(FRAGMENT_SHARE));
        let forum = for_guess(&guess(PageType::Forum, 0.4));
        assert_eq!(forum.whole_page_below, Some(FRAGMENT_SHARE));
        let product = for_guess(&guess(PageType::Product, 0.9));
        assert_eq!(product.whole_page_below, None);
        // Everything else is the type's profile.
        assert_eq!(unsure.merge_regions, SERVICE.merge_regions);
        assert_eq!(for_guess(&guess(PageType::Article, 0.99)), ARTICLE);
    }
}
