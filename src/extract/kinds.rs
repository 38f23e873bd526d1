//! What the clean and outline stages do differently on each kind of page,
//! beside the generic scoring: the boilerplate a page type's profile adds
//! (a listing's filters and sort bars, a product's recommendation
//! carousels), and whether the content's link lists are its items. The
//! profiles themselves are data in [`super::profile`]; the word lists in
//! [`super::vocabulary`].

use crate::extract::clean::Content;
use crate::extract::dom::Dom;
use crate::extract::matching::{TokenBuf, each_token};
use crate::extract::profile::Profile;

/// Whether block or container `i` is boilerplate on this kind of page only:
/// its class or id holds one of the profile's own boilerplate tokens.
/// Inline elements never are (boilerplate is decided per block). Costs
/// nothing on profiles without such tokens (articles).
pub fn is_profile_boilerplate(
    dom: &Dom<'_>,
    buf: &mut TokenBuf,
    profile: &Profile,
    i: usize,
) -> bool {
    let words = profile.extra_boilerplate;
    if words.is_empty() {
        return false;
    }
    let Some(entry) = dom.nodes.get(i) else {
        return false;
    };
    if !entry.is_element || !entry.tag.is_block() {
        return false;
    }
    [dom.attr(i, "class"), dom.attr(i, "id")]
        .into_iter()
        .flatten()
        .any(|value| each_token(value, buf, |t| words.contains(&t)))
}

/// Link text share of the content above which its link lists are the
/// page's items (a grid of linked titles with blurbs), not related links
/// beside an article. Chosen by hand: listing and collection pages of the
/// development sets sit above it; an article mistaken for a listing (its
/// prose with a related-stories list under it) sits below.
const ITEMS_MIN_LINK_SHARE: f32 = 0.2;

impl Content {
    /// Whether the link-heavy lists and cards inside the content are its
    /// items and stay in the body (the outline otherwise moves them to the
    /// related links): the profile says so and links make up at least
    /// `ITEMS_MIN_LINK_SHARE` of the content's text.
    pub fn link_lists_are_items(&self) -> bool {
        if !self.profile.link_lists_are_content {
            return false;
        }
        let (text, links) = self
            .roots
            .iter()
            .filter_map(|&r| self.stats.get(r))
            .fold((0u64, 0u64), |(t, l), s| {
                (t + u64::from(s.text), l + u64::from(s.link_text))
            });
        text > 0 && links as f32 >= text as f32 * ITEMS_MIN_LINK_SHARE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::profile;
    use scraper::Html;

    fn flagged(html: &str, profile: &Profile) -> Vec<String> {
        let doc = Html::parse_document(html);
        let dom = Dom::build(&doc);
        let mut buf = TokenBuf::default();
        (0..dom.nodes.len())
            .filter(|&i| is_profile_boilerplate(&dom, &mut buf, profile, i))
            .map(|i| dom.attr(i, "id").unwrap_or("?").to_owned())
            .collect()
    }

    const GRID: &str = "<body><div class=\"collection-filters\" id=filters>Colour</div>\
        <form class=woocommerce-ordering id=sort><select></select></form>\
        <ul class=products id=grid><li class=product>A mug</li></ul>\
        <p id=para>Sort the <span class=sort-key id=inline>beans</span> by roast.</p></body>";

    #[test]
    fn a_forum_drops_its_signatures_not_its_posts() {
        let html = "<body><div class=post id=post><div class=content id=text>A reply</div>\
            <div class=message-signature id=sig>My rig: a fast one</div></div></body>";
        assert_eq!(flagged(html, &profile::FORUM), ["sig"]);
        assert!(flagged(html, &profile::ARTICLE).is_empty());
    }

    #[test]
    fn a_listing_drops_its_filters_and_sort_bar_not_its_items() {
        assert_eq!(flagged(GRID, &profile::COLLECTION), ["filters", "sort"]);
        assert_eq!(flagged(GRID, &profile::LISTING), ["filters", "sort"]);
    }

    #[test]
    fn an_article_keeps_the_same_markup() {
        assert!(flagged(GRID, &profile::ARTICLE).is_empty());
    }

    #[test]
    fn a_product_drops_its_upsells_and_cross_sells() {
        let html = "<body><div class=product id=main><p>A sturdy mug.</p></div>\
            <section class=\"up-sells upsells products\" id=up>More</section>\
            <div class=cross-sells id=cross>Also</div></body>";
        assert_eq!(flagged(html, &profile::PRODUCT), ["up", "cross"]);
    }

    /// The body text and the related links of `html` found with `profile`.
    fn body_with(html: &str, profile: &Profile) -> (String, usize) {
        let doc = Html::parse_document(html);
        let dom = Dom::build(&doc);
        let content = crate::extract::clean::find_content_with(&dom, profile);
        let body = crate::extract::outline::build(&dom, &content, None, None);
        (body.language_text(), body.related_links.len())
    }

    /// A category grid: linked product titles with a price and a blurb.
    fn grid() -> String {
        let card = |n: usize| {
            format!(
                "<li class=\"product-card grid__item\"><a href=/products/mug-{n}>Stoneware \
                 mug number {n} in speckled glaze</a> <span class=price>$2{n}.00</span></li>"
            )
        };
        let cards: String = (0..8).map(card).collect();
        format!(
            "<body><nav><a href=/>Home</a> <a href=/shop>Shop</a></nav><main id=main>\
             <h1>Mugs</h1><div class=facets id=filters><ul><li><a href=?c=red>Red mugs \
             in our collection</a></li><li><a href=?c=blue>Blue mugs in our collection</a></li>\
             </ul></div><ul class=product-grid id=grid>{cards}</ul></main></body>"
        )
    }

    #[test]
    fn a_category_grid_keeps_its_link_lists_as_items_and_drops_its_facets() {
        let html = grid();
        let doc = Html::parse_document(&html);
        let dom = Dom::build(&doc);
        let id = |want: &str| (0..dom.nodes.len()).find(|&i| dom.attr(i, "id") == Some(want));
        let content = crate::extract::clean::find_content_with(&dom, &profile::COLLECTION);
        assert!(content.link_lists_are_items());
        assert!(id("filters").is_some_and(|f| content.excluded[f]));
        assert!(id("grid").is_some_and(|g| !content.excluded[g]));
        // As an article, the same grid is a cluster of related links.
        let content = crate::extract::clean::find_content_with(&dom, &profile::ARTICLE);
        assert!(!content.link_lists_are_items());
        assert!(id("filters").is_some_and(|f| !content.excluded[f]));
    }

    #[test]
    fn an_article_taken_for_a_listing_still_moves_its_related_links() {
        let para = "<p>A long paragraph of the story itself, with commas, clauses, and \
            enough words to count as prose that a reader came to the page for.</p>";
        let html = format!(
            "<body><article>{para}{para}{para}{para}{para}<ul><li><a href=/a>Another story \
             with a long title</a></li><li><a href=/b>A second story with a long title</a>\
             </li></ul></article></body>"
        );
        let (text, related) = body_with(&html, &profile::LISTING);
        assert!(text.contains("story itself"), "{text}");
        assert!(!text.contains("Another story"), "{text}");
        assert_eq!(related, 2);
    }

    #[test]
    fn a_discourse_topic_served_in_noscript_keeps_every_post() {
        let post = |n: usize, who: &str| {
            format!(
                "<div id=post_{n} class=\"topic-body crawler-post\"><div class=crawler-post-meta>\
                 <span class=creator itemprop=author><a href=/u/{who}><span itemprop=name>{who}\
                 </span></a></span></div><div class=post itemprop=text><p>Reply {n} from {who}: \
                 I tried this on my own board, with the same settings, and it worked after a \
                 restart of the service.</p></div></div>"
            )
        };
        let html = format!(
            "<html><head><meta name=generator content=\"Discourse 3.2\"></head><body>\
             <section id=main></section><noscript data-path=\"/t/a-topic/42\"><header>\
             <a href=/>The forum</a></header><div id=main-outlet class=wrap role=main>\
             <div itemscope itemtype=\"http://schema.org/DiscussionForumPosting\">{}{}{}</div>\
             </div></noscript></body></html>",
            post(1, "ann"),
            post(2, "bob"),
            post(3, "cyd")
        );
        let input = crate::extract::Input {
            html: html.as_bytes(),
            url: Some("https://forum.example/t/a-topic/42"),
            ..crate::extract::Input::default()
        };
        let article = crate::extract::extract(&input, &crate::extract::Options::default())
            .expect("the page extracts");
        for n in 1..=3 {
            assert!(
                article.text.contains(&format!("Reply {n} from")),
                "{}",
                article.text
            );
        }
    }
}
