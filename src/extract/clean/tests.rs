//! Unit tests of the clean stage, on hand-written HTML.

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

/// The index of the element whose id is `id`.
fn node_with_id(dom: &Dom<'_>, id: &str) -> usize {
    dom.nodes
        .iter()
        .position(|e| {
            scraper::ElementRef::wrap(e.node).is_some_and(|el| el.value().id() == Some(id))
        })
        .unwrap()
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
fn a_redundant_teaser_link_without_a_picture_is_kept() {
    // A news river links each teaser's blurb where its title does and hides
    // that repeat from screen readers and the keyboard only; its thumbnail
    // link, and a link hidden by aria-hidden alone, stay out.
    let html = format!(
        "<body><div id=river>{PARA}<article>\
         <a href=/s aria-hidden=true tabindex=-1 id=thumb><img src=t.jpg></a>\
         <h2><a href=/s>Title</a></h2>\
         <p><a href=/s aria-hidden=true tabindex=-1 id=blurb>The blurb of the story.</a></p>\
         <p><a href=/s aria-hidden=true id=plain>Hidden.</a></p></article>{PARA}</div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let by_id = |id: &str| node_with_id(&dom, id);
    assert!(!content.excluded[by_id("blurb")]);
    assert!(content.excluded[by_id("thumb")]);
    assert!(content.excluded[by_id("plain")]);
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
    let by_id = |id: &str| node_with_id(&dom, id);
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
    let id_of = |id: &str| node_with_id(&dom, id);
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
fn a_section_whose_id_is_its_heading_anchor_is_kept() {
    // docutils and Sphinx name each section after its heading.
    let html = format!(
        "<body><div class=body><div class=section id=sharing-with-a-single-developer>\
         <h2>Sharing with a single developer<a class=headerlink href=#s>¶</a></h2>\
         <p>Unique words of the shared section here.</p></div>{PARA}{PARA}{PARA}</div></body>"
    );
    assert!(text_of(&html).contains("Unique words of the shared section"));
}

#[test]
fn a_short_boilerplate_id_repeated_by_its_heading_still_drops() {
    let html = format!(
        "<body><article>{PARA}{PARA}<div id=related-posts><h2>Related posts</h2>\
         <p>Unique words of the related region.</p></div></article></body>"
    );
    assert!(!text_of(&html).contains("Unique words of the related region"));
    let html = format!(
        "<body><article>{PARA}{PARA}<div id=sharing-tools-for-you><h2>Other tools</h2>\
         <p>Unique words of the sharing region.</p></div></article></body>"
    );
    assert!(!text_of(&html).contains("Unique words of the sharing region"));
}

/// A short story beside `region`, in one wrapper.
fn story_beside(region: &str) -> String {
    format!(
        "<body><div id=wrap><div><p>Unique story words here.</p>{PARA}{PARA}</div>\
         {region}</div></body>"
    )
}

#[test]
fn a_sidebar_outweighing_the_story_is_still_a_sidebar() {
    let feed = "<li><p>14:44 A live feed item about another story entirely, at length.</p></li>"
        .repeat(12);
    let html = story_beside(&format!("<aside id=sidebar><ul>{feed}</ul></aside>"));
    let text = text_of(&html);
    assert!(text.contains("Unique story words"), "{text}");
    assert!(!text.contains("live feed item"), "{text}");
    // An aside around the article is no sidebar.
    let html = format!(
        "<body><aside><article><p>Unique story words here.</p>{PARA}</article></aside></body>"
    );
    assert!(text_of(&html).contains("Unique story words"));
}

#[test]
fn a_footer_outweighing_the_page_is_still_a_footer() {
    // A shop's footer site map holds more text than the product story.
    let links: String = (0..40)
        .map(|n| format!("<li>Footer column entry number {n} with words</li>"))
        .collect();
    let html = story_beside(&format!(
        "<footer role=contentinfo><ul>{links}</ul></footer>"
    ));
    let text = text_of(&html);
    assert!(text.contains("Unique story words"), "{text}");
    assert!(!text.contains("Footer column entry"), "{text}");
    // A footer element around the story is a wrapper.
    let html = format!(
        "<body><footer><h1>Headline</h1><p>Unique story words here.</p>{PARA}</footer></body>"
    );
    assert!(text_of(&html).contains("Unique story words"));
}

#[test]
fn an_ai2html_chart_keeps_its_wide_artboard_only() {
    let html = format!(
        "<body><article>{PARA}<div class=ai2html>\
         <div class=g-artboard id=wide><img src=/chart-wide.png><p>Wide label</p></div>\
         <div class=g-artboard id=narrow data-max-width=599><img src=/chart-narrow.png><p>Narrow label</p></div>\
         </div>{PARA}</article></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let flagged = |id: &str| {
        (0..dom.nodes.len()).any(|i| content.excluded[i] && dom.attr(i, "id") == Some(id))
    };
    assert!(flagged("narrow"));
    assert!(!flagged("wide"));
}

#[test]
fn an_ai2html_charts_text_layers_are_its_labels_not_text() {
    let html = format!(
        "<body><article>{PARA}<div class=g-artboard><img src=/chart.png>\
         <div class='g-Layer_1 g-aiAbs g-aiPointText' id=label style='top:4%'><p>Public debt as a share</p></div>\
         <div class='g-Layer_1 g-aiAbs g-aiPointText' style='top:9%'><p>100</p></div>\
         </div><p class='g-aiAbsent'>Kept words of a class ending alike.</p>{PARA}</article></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let label = (0..dom.nodes.len()).find(|&i| dom.attr(i, "id") == Some("label"));
    assert!(label.is_some_and(|i| content.excluded[i]));
    let input = crate::extract::Input {
        html: html.as_bytes(),
        ..crate::extract::Input::default()
    };
    let article = crate::extract::extract(&input, &crate::extract::Options::default());
    let article = article.expect("extracts");
    assert_eq!(article.figures.len(), 1);
    assert_eq!(article.figures[0].caption, None);
    let text = article.text;
    assert!(
        !text.contains("Public debt") && !text.contains("100"),
        "{text}"
    );
    assert!(
        text.contains("Kept words") && text.contains("long paragraph"),
        "{text}"
    );
}

#[test]
fn the_hero_figure_just_before_the_story_text_joins_it() {
    let html = format!(
        "<body><div id=nav><a href=/a>Home</a></div><article><figure id=hero>\
         <img src=/hero.jpg><figcaption>Hero</figcaption></figure>\
         <div id=text>{PARA}{PARA}{PARA}</div><ul><li><a href=/x>Next story</a></li></ul>\
         </article></body>"
    );
    assert_eq!(roots_text(&html), ["hero", "text"]);
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

#[test]
fn sized_elementor_widgets_and_hubspot_modules_are_content() {
    // Elementor's sizing class (`elementor-widget__width-initial`) and
    // HubSpot's cells and modules name "widget" as a building block.
    let html = format!(
        "<body><div id=el class=\"elementor-element elementor-widget__width-initial \
         elementor-widget elementor-widget-text-editor\"><h2>Lessons</h2>{PARA}</div>\
         <div id=cell class=\"span12 widget-span widget-type-custom_widget\">\
         <div id=module class=\"hs_cos_wrapper hs_cos_wrapper_widget\"><h2>Pricing</h2>{PARA}\
         </div></div><div id=menu class=\"span12 widget-span widget-type-menu\">\
         <a href=/a>Home</a> <a href=/b>Blog</a></div><div id=side class=widget>{PARA}</div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content_with(&dom, &profile::SERVICE);
    let excluded = |id: &str| {
        let i = (0..dom.nodes.len())
            .find(|&i| dom.attr(i, "id") == Some(id))
            .unwrap();
        content.excluded[i]
    };
    assert!(!excluded("el") && !excluded("cell") && !excluded("module"));
    assert!(excluded("menu") && excluded("side"));
}

#[test]
fn a_listings_facets_are_boilerplate_but_a_facet_row_of_prose_is_not() {
    // A category page's filter bar, and a buying guide in a row its theme
    // names a facet row.
    let cards: String = (0..12)
        .map(|n| {
            format!(
                "<div class=card><h3><a href=/p/{n}>Sewing machine {n}</a></h3>\
                 <p>A quiet machine with sixty stitches and a drop-in bobbin, model {n}.</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><div id=filters class=facets><a href=?a=1>Brand</a> <a href=?b=1>Price</a></div>\
         <div id=grid>{cards}</div><div id=guide class=facet-row>{PARA}\
         <p>Beginners want a machine with few stitches, a free arm, and a needle \
         threader, which saves time, patience and eyesight alike.</p></div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content_with(&dom, &profile::COLLECTION);
    assert!(content.excluded[node_with_id(&dom, "filters")]);
    assert!(!content.excluded[node_with_id(&dom, "guide")]);
}

#[test]
fn brightspot_teasers_are_not_promotions() {
    // Brightspot names every teaser of a page list `PagePromo`; a real
    // promotion box beside them stays boilerplate.
    let teaser = |n: u32| {
        format!(
            "<div class=PageList-items-item><div class=PagePromo id=t{n}>\
             <h3 class=PagePromo-title><a href=/s/{n}>Story number {n}</a></h3>\
             <p class=PagePromo-description>What happened on day {n}, told in a \
             sentence long enough to be a teaser's blurb.</p></div></div>"
        )
    };
    let teasers: String = (0..6).map(teaser).collect();
    let html = format!(
        "<body><div class=PageList-items id=list>{teasers}</div>\
         <div class=promo id=promo><a href=/sub>Subscribe now</a></div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content_with(&dom, &profile::LISTING);
    assert!(!content.excluded[node_with_id(&dom, "t2")]);
    assert!(content.excluded[node_with_id(&dom, "promo")]);
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
fn a_short_reply_alike_to_the_posts_is_kept() {
    // Each post's body sits between its author card and a menu of
    // actions, so the thread is no prose container to climb to; the short
    // reply scores too little to merge as a region, yet is a post.
    let actions = "<ul class=actions><li><a href=#r>Reply</a><li><a href=#q>Quote</a>\
                   <li><a href=#s>Share this post with a friend</a><li><a href=#f>Report to a moderator</a>\
                   <li><a href=#u>View the profile of this member</a><li><a href=#m>Send a private message</a>\
                   <li><a href=#t>Find all the other posts of this member</a><li><a href=#l>Link to this post</a></ul>";
    let post = |n: usize, text: &str| {
        format!(
            "<div class=card><a href=/u{n}>user{n}</a></div>\
             <div class=postmsg id=m{n}>{text}</div>{actions}"
        )
    };
    let html = format!(
        "<body><div id=thread>{}{}{}</div></body>",
        post(1, PARA),
        post(2, PARA),
        post(3, "<p>Thanks, that fixed it for me.</p>")
    );
    assert_eq!(roots_with(&html, &profile::FORUM), ["m1", "m2", "m3"]);
    let single = Profile {
        alike_roots: false,
        ..profile::FORUM
    };
    // Without the join the two long posts are too little of the thread
    // and it gives way to the whole page, menus and cards included.
    assert_eq!(roots_with(&html, &single), ["?"]);
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

#[test]
fn a_grid_of_linked_cards_merges_on_a_listing_and_a_link_menu_does_not() {
    // Each card is one link around its title and blurb (a common card
    // markup): the grid is all links, yet its paragraphs make it items.
    let card = |n: usize| {
        format!("<div class=card><a href=/post/{n}><h3>Post {n}</h3>{PARA}{PARA}</a></div>")
    };
    let cards: String = (0..6).map(card).collect();
    let menu: String = (0..12)
        .map(|n| format!("<div class=m><a href=/c/{n}>Category number {n} of the shop</a></div>"))
        .collect();
    let html = format!(
        "<body><div id=intro-wrap><div id=intro>{PARA}{PARA}{PARA}{PARA}</div></div>\
         <div id=grid-wrap><div id=grid>{cards}</div></div>\
         <div id=menu-wrap><div id=menu>{menu}</div></div></body>"
    );
    let listing = roots_with(&html, &profile::LISTING);
    assert!(listing.iter().any(|r| r.starts_with("grid")), "{listing:?}");
    assert!(
        !listing.iter().any(|r| r.starts_with("menu")),
        "{listing:?}"
    );
    let service = roots_with(&html, &profile::SERVICE);
    assert!(
        !service.iter().any(|r| r.starts_with("grid")),
        "{service:?}"
    );
}

#[test]
fn a_heading_just_before_the_top_candidate_joins_it() {
    let html = format!(
        "<body><div id=wrap><div id=nav><a href=/a>Home</a></div><h2 id=first>How it \
         began</h2><div id=text>{PARA}{PARA}{PARA}</div></div></body>"
    );
    assert_eq!(roots_text(&html), ["first", "text"]);
}

#[test]
fn a_heading_before_a_sibling_that_does_not_join_stays_out() {
    let html = format!(
        "<body><div id=wrap><div id=text>{PARA}{PARA}{PARA}</div><h2 id=more>More \
         from us</h2><div id=links><a href=/x>Another story with a long title</a></div>\
         </div></body>"
    );
    assert_eq!(roots_with(&html, &profile::DOCUMENTATION), ["text"]);
}

#[test]
fn the_headline_and_lead_figure_above_the_text_container_join_it() {
    // The header sits two levels above the text, the figure one.
    let html = format!(
        "<body><div id=page><header id=head><h1>The headline</h1><p>By A. Writer</p>\
         </header><div id=story><figure id=lead><img src=/lead.jpg width=800 height=450>\
         </figure><div id=inner><div id=text>{PARA}{PARA}{PARA}</div></div></div></div></body>"
    );
    let covered = |profile: &Profile, id: &str| {
        let doc = Html::parse_document(&html);
        let dom = Dom::build(&doc);
        let content = find_content_with(&dom, profile);
        let node = (0..dom.nodes.len())
            .find(|&i| dom.attr(i, "id") == Some(id))
            .unwrap();
        content
            .roots
            .iter()
            .any(|&r| r == node || dom.contains(r, node))
    };
    for id in ["head", "lead", "text"] {
        assert!(covered(&profile::DOCUMENTATION, id), "{id}");
    }
    // Not for profiles that keep the content to its region.
    assert!(!covered(&profile::FORUM, "head"));
    assert!(!covered(&profile::ARTICLE, "head"));
}

#[test]
fn a_long_run_of_earlier_content_is_not_a_lead() {
    let long = "A paragraph of other text that is not a header at all. ".repeat(14);
    let html = format!(
        "<body><div id=page><div id=story><div id=other><h2>Elsewhere</h2><p>{long}</p>\
         </div><div id=text>{PARA}{PARA}{PARA}{PARA}{PARA}{PARA}{PARA}{PARA}</div></div>\
         </div></body>"
    );
    assert_eq!(roots_with(&html, &profile::DOCUMENTATION), ["text"]);
}

#[test]
fn a_widget_holding_prose_is_content_but_a_link_widget_is_not() {
    let html = format!(
        "<body><div id=page><div class=\"widget widget_text\" id=prose>{PARA}{PARA}{PARA}</div>\
         <div class=widget id=links><ul><li><a href=/a>Recent post with a long title</a></li>\
         <li><a href=/b>Another recent post with a long title</a></li></ul></div>\
         <div class=\"widget sidebar\" id=side>{PARA}{PARA}</div></div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let by_id = |id: &str| node_with_id(&dom, id);
    assert!(!content.excluded[by_id("prose")]);
    assert!(content.excluded[by_id("links")]);
    assert!(content.excluded[by_id("side")]);
}

#[test]
fn a_layout_container_holding_prose_is_content_but_its_menu_is_not() {
    // A FAQ's tab pane named after the tab menu, and a Drupal teaser
    // marked promoted, each holding paragraphs; beside them a real menu.
    let para = |n: u32| {
        format!(
            "<p>Paragraph {n} of different words, long enough and with commas, \
             so that it reads as prose and not as a copy of another, nor as \
             the few words of a menu or a pop-up's button.</p>"
        )
    };
    let html = format!(
        "<body><div id=page><div class=\"faq_tabs-menu\" id=faq>{}{}</div>\
         <div class=\"node node--promoted\" id=teaser>{}{}</div>\
         <div class=menu id=menu><ul><li><a href=/a>Pricing plans for teams</a></li>\
         <li><a href=/b>Contact our sales team</a></li></ul></div>{PARA}</div></body>",
        para(1),
        para(2),
        para(3),
        para(4)
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let by_id = |id: &str| node_with_id(&dom, id);
    assert!(!content.excluded[by_id("faq")]);
    assert!(!content.excluded[by_id("teaser")]);
    assert!(content.excluded[by_id("menu")]);
}

#[test]
fn a_page_of_many_small_parts_is_taken_whole_without_its_banner() {
    // A service page: a hero, three feature cards, a quote and an FAQ in
    // separate containers, none holding half the text.
    let part = |id: &str, words: &str| {
        format!("<div class=wrap><div id={id}><h2>{id}</h2><p>{words} {words}</p></div></div>")
    };
    let html = format!(
        "<body><header id=top><a href=/>Acme</a> Plans and pricing for teams</header>\
         {}{}{}{}<footer>Contact</footer></body>",
        part(
            "hero",
            "Ship your work faster with one tool for the whole team."
        ),
        part(
            "features",
            "Plan, track and release, with reports your managers read."
        ),
        part(
            "quote",
            "We moved our three offices to it in a single afternoon."
        ),
        part(
            "faq",
            "Yes, you can cancel at any time and keep your exported data."
        )
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content_with(&dom, &profile::SERVICE);
    let body = dom.nodes.iter().position(|e| e.tag == Tag::Body).unwrap();
    assert_eq!(content.roots, [body]);
    assert!(content.excluded[node_with_id(&dom, "top")]);
    // As an article, one part is taken and the banner stays untouched.
    let article = find_content_with(&dom, &profile::ARTICLE);
    assert_ne!(article.roots, [body]);
    assert!(!article.excluded[node_with_id(&dom, "top")]);
}

#[test]
fn a_service_page_s_hero_banner_is_its_pitch() {
    // A marketing page opens with its pitch in a hero banner; on an
    // article a banner is an ad.
    let html = format!(
        "<body><div id=page><section id=hero class=hero-banner><h1>Payroll in minutes</h1>\
         {PARA}</section><div id=features>{PARA}{PARA}{PARA}</div></div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let hero = node_with_id(&dom, "hero");
    assert!(!find_content_with(&dom, &profile::SERVICE).excluded[hero]);
    assert!(find_content_with(&dom, &profile::ARTICLE).excluded[hero]);
}

#[test]
fn a_service_page_whose_best_region_holds_two_thirds_is_taken_whole() {
    // The offer's paragraphs score; its figures and short claims, a third
    // of the page's text, are lines too short to score.
    let stats: String = (1..=14)
        .map(|n| format!("<div class=stat>{n}0 offices moved</div>"))
        .collect();
    let html = format!(
        "<body><div id=offer>{PARA}{PARA}{PARA}{PARA}</div>\
         <div id=stats>{stats}</div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let body = dom.nodes.iter().position(|e| e.tag == Tag::Body).unwrap();
    let regions = find_content_with(
        &dom,
        &Profile {
            whole_page_below: None,
            ..profile::SERVICE
        },
    );
    let held: u32 = regions.roots.iter().map(|&r| regions.stats[r].text).sum();
    let held = held as f32 / regions.stats[body].text as f32;
    assert!(
        (0.5..0.7).contains(&held),
        "the regions hold {held} of the page"
    );
    let service = find_content_with(&dom, &profile::SERVICE);
    assert_eq!(service.roots, [body]);
    assert_eq!(roots_with(&html, &profile::ARTICLE), ["offer"]);
}

#[test]
fn an_article_typed_as_a_service_page_keeps_its_text_container() {
    // The text container holds most of the page: it stays the content even
    // on a profile with the whole-page rule, so the list of other stories
    // stays out.
    let others: String = (0..4)
        .map(|n| format!("<li><a href=/s/{n}>Another story number {n}</a></li>"))
        .collect();
    let html = format!(
        "<body><div id=page><div id=story>{PARA}{PARA}{PARA}{PARA}{PARA}</div>\
         <div id=more><ul>{others}</ul></div></div></body>"
    );
    assert_eq!(roots_with(&html, &profile::ARTICLE), ["story"]);
    assert_eq!(roots_with(&html, &profile::SERVICE), ["story"]);
}

#[test]
fn numbered_builder_blocks_holding_prose_are_content() {
    // HubSpot numbers its module wrappers, and WordPress page builders
    // (Flatsome's `banner` blocks) their sections: the ids name a kind of
    // block, not a sidebar. A banner without prose is still an ad. HubSpot
    // repeats the module's number on the section inside it, whose class
    // names what it is (an accordion of questions).
    let html = format!(
        "<body><div id=page>\
         <div id=hs_cos_wrapper_widget_1753110382057 class=hs_cos_wrapper>{PARA}{PARA}</div>\
         <section id=widget_1753110382058 class=\"csol-section csol-accordion\">{PARA}</section>\
         <div id=banner-1866584638 class=\"banner has-hover\">{PARA}{PARA}{PARA}</div>\
         <div id=banner-77 class=banner><a href=/ad><img src=ad.png></a></div>\
         <div id=widget-sidebar class=widget>{PARA}{PARA}</div></div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let by_id = |id: &str| node_with_id(&dom, id);
    assert!(!content.excluded[by_id("hs_cos_wrapper_widget_1753110382057")]);
    assert!(!content.excluded[by_id("banner-1866584638")]);
    assert!(!content.excluded[by_id("widget_1753110382058")]);
    assert!(content.excluded[by_id("banner-77")]);
    assert!(content.excluded[by_id("widget-sidebar")]);
}

#[test]
fn a_fragment_of_a_page_builder_layout_gives_way_to_the_whole_page() {
    // Eight Elementor-like sections, each two columns deep: the best one
    // holds far less than a seventh of the page's text.
    let section = |n: usize| {
        format!(
            "<section class=elementor-section><div class=elementor-container>\
             <div class=elementor-column><div class=elementor-widget-wrap>\
             <h2>Part {n}</h2>{PARA}</div></div></div></section>"
        )
    };
    let sections: String = (0..8).map(section).collect();
    let html = format!("<body><div id=page>{sections}</div><footer>Contact</footer></body>");
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let body = dom.nodes.iter().position(|e| e.tag == Tag::Body).unwrap();
    assert_eq!(content.roots, [body]);
    // A story beside a short teaser is no fragment: the page is not taken.
    let html = format!(
        "<body><div id=page><div id=story>{PARA}{PARA}{PARA}</div>{}</div></body>",
        section(9)
    );
    assert_ne!(roots_text(&html), ["body"]);
}

/// Whether the whole page is the content of `html`, and the share of the
/// page's kept text its `#intro` holds.
fn whole_page_and_intro_share(html: &str) -> (bool, f32) {
    let doc = Html::parse_document(html);
    let dom = Dom::build(&doc);
    let body = dom.nodes.iter().position(|e| e.tag == Tag::Body).unwrap();
    let intro = node_with_id(&dom, "intro");
    let content = find_content(&dom);
    let held = content.stats[intro].text as f32 / content.stats[body].text as f32;
    assert!(
        content.roots == [body] || content.roots == [intro],
        "{:?}",
        content.roots
    );
    (content.roots == [body], held)
}

#[test]
fn roots_holding_a_minority_of_the_long_paragraphs_give_way_to_the_whole_page() {
    // A guide's introduction is one text component; its three sections,
    // each a component of its own nested deeper, hold more of its long
    // paragraphs. The roots hold more than a fragment's share of the text
    // but less than half of it and of its prose.
    let long = format!("<p>{0} {0} {0}</p>", &PARA[3..PARA.len() - 4]);
    let part = |n: usize, body: &str| {
        format!("<div class=part><div><div><h2>Part {n} of the guide</h2>{body}</div></div></div>")
    };
    let parts: String = (0..3).map(|n| part(n, &long)).collect();
    let html = format!(
        "<body><div id=page><div id=intro>{long}{long}</div>{parts}</div>\
         <footer>Contact</footer></body>"
    );
    let (whole, held) = whole_page_and_intro_share(&html);
    assert!((0.15..0.5).contains(&held), "the intro holds {held}");
    assert!(whole);
    // A short story beside a rail of teasers, whose blurbs are no long
    // paragraphs, keeps its roots though it holds as little of the page.
    let teaser = |n: usize| {
        format!(
            "<a href=/s/{n}><h3>Another story, {n}</h3></a><p>A blurb of two lines that sums up \
             the other story for the reader who wants to know what it says before reading it</p>"
        )
    };
    let teasers: String = (0..10).map(teaser).collect();
    let teasers = part(10, &teasers);
    let html = format!("<body><div id=intro>{long}{long}{long}</div>{teasers}</body>");
    let (whole, held) = whole_page_and_intro_share(&html);
    assert!((0.15..0.5).contains(&held), "the story holds {held}");
    assert!(!whole);
}

#[test]
fn tailwind_variant_utilities_name_no_boilerplate() {
    // GitBook and other Tailwind sites write `print:break-inside-avoid` on
    // every paragraph: the variant says when a style applies, it names no
    // print button. A plain `print` class still does.
    let html = format!(
        "<body><main><h1>Guide</h1><div id=body>{PARA}\
         <p id=tw class='mx-auto print:break-inside-avoid md:hidden'>{}</p>{PARA}</div>\
         <div id=plain class=print><a href=/print>Print this page</a></div></main></body>",
        &PARA[3..PARA.len() - 4]
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "tw")]);
    assert!(content.excluded[node_with_id(&dom, "plain")]);
}

#[test]
fn content_hidden_until_a_script_shows_it_is_kept() {
    // As many words in links as in prose: the page's own menus.
    const MENU: &str = "<a href=/a>Machine learning tutorials and courses</a> \
        <a href=/b>Deep learning, data science and python guides</a> \
        <a href=/c>Interview questions for software engineering</a>";
    // A Shopify lockdown app wraps the whole content in `display:none`, a
    // Next.js site the whole page in `visibility:hidden`; a hidden menu,
    // and a copy hidden by `visibility` beside the shown text, stay out.
    let html = format!(
        "<body><div id=menu style=\"display: none\"><a href=/a>Shop all</a></div>\
         <main><div id=locked style='display:none;'>{PARA}{PARA}{PARA}</div></main></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "locked")]);
    assert!(content.excluded[node_with_id(&dom, "menu")]);
    let html = format!(
        "<body><div id=v style=\"visibility: hidden;min-height:100vh\">\
         <div class=links>{MENU}{MENU}</div>{PARA}{PARA}</div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    assert!(!find_content(&dom).excluded[node_with_id(&dom, "v")]);
    let html = format!(
        "<body><div id=shown>{PARA}{PARA}</div>\
         <div id=v style=\"visibility: hidden\">{PARA}{PARA}</div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    assert!(find_content(&dom).excluded[node_with_id(&dom, "v")]);
}

#[test]
fn listing_items_keep_their_caption_and_meta_parts() {
    // Bootstrap's thumbnails hold each item's text in `div.caption`, and
    // preprint listings each entry's details in `div.meta`; charts list
    // their entries in a `metadata` list; a shop's grid is made of
    // widgets.
    let item = |n: usize| {
        format!(
            "<div class=col><div class=thumbnail id=t{n}><img src=/p{n}.jpg>\
             <div class=caption id=c{n}><h3><a href=/p/{n}>Projector model {n}</a></h3>\
             <p>Laser, 4K, built-in speakers, 3000 lumens, item number {n}.</p></div>\
             <div class=meta id=m{n}>Authors: Jane Roe, John Doe and others</div></div></div>"
        )
    };
    let items: String = (0..6).map(item).collect();
    // A chart whose entries are a `metadata-list`.
    let entries: String = (0..6)
        .map(|n| format!("<li><h3><a href=/t/{n}>Film number {n}</a></h3> 2026, 1h 54m, R</li>"))
        .collect();
    // A shop's sale cards, each a `widget` with its one-line blurb.
    let cards: String = (0..6)
        .map(|n| {
            format!(
                "<div class=SaleWidget id=w{n}><h3><a href=/g/{n}>Game {n}</a></h3>\
                 <div>An open-world adventure in a brutal land, number {n}.</div></div>"
            )
        })
        .collect();
    // A news platform's category page, its stories in `recirc` lists.
    let stories: String = (0..6)
        .map(|n| {
            format!(
                "<li><a href=/s/{n}><h3>Story number {n}</h3></a>\
                 <p>What the story says in a line or two, item {n}.</p></li>"
            )
        })
        .collect();
    let html = format!(
        "<body><div id=grid>{items}</div><ul class=metadata-list id=chart>{entries}</ul>\
         <div id=sale>{cards}</div><ul id=tax class=tax-sc__recirc-list>{stories}</ul></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let listing = find_content_with(&dom, &profile::LISTING);
    let article = find_content_with(&dom, &profile::ARTICLE);
    for id in ["c2", "m2", "chart", "w2", "tax"] {
        assert!(!listing.excluded[node_with_id(&dom, id)], "{id}");
        assert!(article.excluded[node_with_id(&dom, id)], "{id}");
    }
}

#[test]
fn a_form_wrapping_prose_is_content_but_a_contact_form_is_not() {
    // Reddit wraps each comment's body in a form whose edit box is hidden.
    let html = format!(
        "<body><div id=page><form id=wrap><div>{PARA}{PARA}{PARA}{PARA}{PARA}</div>\
         <div style=display:none><textarea>edit</textarea></div></form>\
         <form id=reply><div><p>Looking forward to it, thanks.</p></div>\
         <div style=display:none><textarea>edit</textarea></div><button>Save</button></form>\
         <form id=contact><p>Write to us.</p>{PARA}{PARA}<textarea name=m></textarea>\
         <input type=email name=e></form>\
         <form id=login><input name=u><input type=password name=p></form></div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "wrap")]);
    // A one-sentence reply is a comment's body all the same.
    assert!(!content.excluded[node_with_id(&dom, "reply")]);
    assert!(content.excluded[node_with_id(&dom, "contact")]);
    assert!(content.excluded[node_with_id(&dom, "login")]);
}

#[test]
fn a_thread_whose_roots_are_one_post_is_taken_whole() {
    // The opening post and each reply in its own kind of container, as
    // forum themes lay out the first post apart from the replies.
    let html = format!(
        "<body><div class=a><div class=op><h1>Question</h1>{PARA}</div></div>\
         <div class=b><div class=reply-one>{PARA}</div></div>\
         <div class=c><div class=reply-two>{PARA}</div></div>\
         <div class=d><div class=reply-three>{PARA}</div></div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let body = dom.nodes.iter().position(|e| e.tag == Tag::Body).unwrap();
    assert_eq!(find_content_with(&dom, &profile::FORUM).roots, [body]);
    assert_ne!(find_content_with(&dom, &profile::ARTICLE).roots, [body]);
}

#[test]
fn a_tablist_role_on_prose_is_a_mislabelled_container() {
    // The whole tab area marked `tablist` holds the panels' prose; a real
    // tab list (a few words per tab) and a dialog stay boilerplate.
    let html = format!(
        "<body><div id=page><div role=tablist id=area>{PARA}{PARA}{PARA}</div>\
         <div role=tablist id=tabs><button>One</button><button>Two</button></div>\
         <div role=dialog id=dialog>{PARA}{PARA}{PARA}</div>{PARA}{PARA}{PARA}{PARA}</div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "area")]);
    assert!(content.excluded[node_with_id(&dom, "tabs")]);
    assert!(content.excluded[node_with_id(&dom, "dialog")]);
}

#[test]
fn a_story_opened_in_a_modal_layer_is_kept() {
    // A news front page opens the story over itself in a `modal` layer;
    // the front page's teasers outweigh it.
    let teasers: String = (0..8)
        .map(|n| {
            format!(
                "<li><p>Teaser {n} about a different story, with a long blurb under it.</p></li>"
            )
        })
        .collect();
    let story =
        format!("<article><h1>Headline</h1><p>Unique story words here.</p>{PARA}{PARA}</article>");
    let html = format!(
        "<body><div id=front><ul>{teasers}</ul><ul>{teasers}</ul></div>\
         <div id=layer class=\"render-target-modal\">{story}</div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "layer")]);
    // A dialog with no story in it is still boilerplate.
    let html =
        format!("<body>{story}<div id=layer class=modal><h2>Subscribe</h2>{PARA}</div></body>");
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(content.excluded[node_with_id(&dom, "layer")]);
}

#[test]
fn a_dialog_longer_than_the_page_s_content_is_still_boilerplate() {
    // A shop's footer links open its refund and privacy policies, each a
    // dialog holding more text than the product it sells; a news site's
    // story opened in a dialog over its front page stays the content.
    let policy = PARA.repeat(12);
    let dialog = |id: &str, role: &str| {
        format!(
            "<a role=button aria-controls=modal-{id}>{id} policy</a>\
             <div id=modal-{id} aria-modal=true {role} class=\"takeover fixed\" v-cloak>\
             <div class=inner><h1>{id} policy</h1><div class=prose>{policy}</div></div></div>"
        )
    };
    // Alike dialogs in a row, each a heading and paragraphs, are no run
    // of the page's sections.
    let html = format!(
        "<body><div id=product><h1>Wool shoes</h1>{PARA}{PARA}</div><div class=legal>{}{}{}</div></body>",
        dialog("privacy", "role=dialog"),
        dialog("refund", "role=alertdialog"),
        dialog("terms", ""),
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    for id in ["modal-privacy", "modal-refund", "modal-terms"] {
        assert!(content.excluded[node_with_id(&dom, id)], "{id}");
    }
    assert_eq!(roots_text(&html), ["product"]);
    let html = format!(
        "<body><div id=front><p>Teaser</p></div>\
         <div id=layer role=dialog><article><h1>Headline</h1>{policy}</article></div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "layer")]);
}

#[test]
fn a_consent_layer_longer_than_the_page_s_story_is_still_boilerplate() {
    // A short post, and a consent platform's preference centre describing
    // each purpose at length: more of the page's text than the post.
    let purposes = PARA.repeat(6);
    let html = format!(
        "<body><div id=thread><div class=post>{PARA}</div></div>\
         <div id=onetrust-consent-sdk><div id=onetrust-pc-sdk>\
         <h2>Privacy Preference Center</h2>{purposes}</div></div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let layer = node_with_id(&dom, "onetrust-consent-sdk");
    assert!(content.excluded[layer]);
    // A theme that names its page wrapper after the consent state keeps
    // the story it wraps.
    let html = format!(
        "<body><div id=page class=cookie-consent-given><main>{PARA}{PARA}</main></div>\
         <div class=sidebar>{PARA}</div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "page")]);
}

#[test]
fn an_article_split_into_alike_components_is_taken_whole() {
    // A CMS writes each part of the story as its own component, nested
    // deeper than a paragraph's score reaches; one part scores best, the
    // others belong with it.
    let part = |n: usize| {
        let paras = PARA.repeat(if n == 0 { 10 } else { 1 });
        format!(
            "<section class=\"component component--paragraph\"><div class=component-inner>\
             <div class=component-content><div class=component-body><div class=component-text>\
             <h2>Myth {n}</h2>{paras}</div></div></div></div></section>"
        )
    };
    let parts: String = (0..5).map(part).collect();
    let html = format!(
        "<body><div id=story>{parts}</div>\
         <div id=rail class=rail><ul>{}</ul></div></body>",
        "<li><a href=/x>Another story with a headline long enough</a></li>".repeat(8)
    );
    assert_eq!(roots_text(&html), ["story"]);
    // A headline rail holding the story among its links stays out.
    let links = "<li><a href=/x>Another story with a headline long enough</a></li>".repeat(30);
    let html = format!(
        "<body><div id=rail><ul>{links}</ul><div class=item>{PARA}{PARA}{PARA}</div>\
         <div class=item><a href=/a>A linked teaser</a></div>\
         <div class=item><a href=/b>A second linked teaser</a></div></div></body>"
    );
    assert_ne!(roots_text(&html), ["rail"]);
}

#[test]
fn prose_list_items_score_on_product_pages_only() {
    // A product's features written as list items of prose, beside a short
    // description paragraph: the items score and the list joins it.
    let item = "<li>Hand-applied antique brass nail trim, a padded seat, and arms \
                that lift so the chair slides under any desk.</li>";
    let html = format!(
        "<body><div id=description>{PARA}</div>\
         <div id=features><ul>{}</ul></div></body>",
        item.repeat(10)
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let features = node_with_id(&dom, "features");
    let li = dom.nodes.iter().position(|e| e.tag == Tag::Li).unwrap();
    let product = find_content_with(&dom, &crate::extract::profile::PRODUCT);
    assert!(!product.scores[li].is_nan());
    assert!(
        product
            .roots
            .iter()
            .any(|&r| dom.contains(r, features) || dom.contains(features, r))
    );
    // On an article, menus and rails are lists of long items: they score
    // nothing.
    let article = find_content_with(&dom, &crate::extract::profile::ARTICLE);
    assert!(article.scores[li].is_nan());
}

/// A page's sections, each named by the jump menu that scrolls to it.
fn jump_sections(prose: &str) -> String {
    let section = |n: u32| {
        format!("<section class='page-jump-section' id=s{n}><h2>Part {n}</h2>{prose}</section>")
    };
    let menu: String = (0..40)
        .map(|n| format!("<li><a href=/p{n}>Product page number {n}</a></li>"))
        .collect();
    format!(
        "<body><nav id=menu><ul>{menu}</ul></nav><main id=main>{}{}{}{}</main></body>",
        section(1),
        section(2),
        section(3),
        section(4)
    )
}

#[test]
fn a_run_of_alike_sections_holding_the_body_is_kept_whatever_their_class() {
    let html = jump_sections(&PARA.repeat(8));
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    for id in ["s1", "s2", "s3", "s4"] {
        assert!(!content.excluded[node_with_id(&dom, id)], "{id} dropped");
    }
    assert!(text_of(&html).contains("Part 3"));
}

#[test]
fn short_alike_cards_with_a_boilerplate_class_still_drop() {
    // Teaser cards of one paragraph each are not the page's body.
    let html = format!(
        "<body><div id=story>{p}{p}{p}{p}</div><div id=more>{}</div></body>",
        (0..4)
            .map(|n| format!("<div class='related-card' id=c{n}><h3>Story {n}</h3>{PARA}</div>"))
            .collect::<String>(),
        p = PARA
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(content.excluded[node_with_id(&dom, "c1")]);
}

#[test]
fn an_article_body_beside_its_dateline_and_credit_is_not_a_run_of_items() {
    // Plain `<div>`s all: the dateline above the body, the editor's credit
    // and a mood poll below it. The body is one region, not the first of
    // three alike items, so the poll's pictures stay out.
    let body = PARA.repeat(8);
    let poll: String = (1..=8)
        .map(|n| format!("<li><a onclick=vote({n})><img src=/m{n}.gif><p>Mood {n}</p></a></li>"))
        .collect();
    let html = format!(
        "<body><div class=column><h1>Headline</h1>\
         <div id=info>2017-03-10 09:58 Source: a news agency</div>\
         <div id=body>{body}</div>\
         <div id=liability>[Editor: Someone]</div>\
         <div id=feelings><div>How do you feel?</div><ul>{poll}</ul></div></div></body>"
    );
    assert_eq!(roots_with(&html, &profile::ARTICLE), ["body"]);
    // On a forum, short replies beside a long opening post are posts all
    // the same: the thread is the content.
    let reply = "<div class=post><p>Thanks, that worked for me.</p></div>";
    let html = format!(
        "<body><div id=thread><div class=post>{body}</div>{reply}{reply}</div>\
         <div id=rail><a href=/x>Other threads</a></div></body>"
    );
    assert_eq!(roots_with(&html, &profile::FORUM), ["thread"]);
}

#[test]
fn a_layouts_second_copy_of_a_container_is_left_out() {
    let desc = "<p>A heavyweight tee in combed cotton, with neck ribbing, side seams \
        and double needle hems.</p><p>Machine wash cold, tumble dry low.</p>";
    let html = format!(
        "<body><div id=story>{PARA}{PARA}\
         <div id=wide class=hide-on-mobile>{desc}</div>\
         <div id=narrow class=hide-on-desktop>{desc}</div>\
         <p>A tip the author repeats on purpose, long enough to count as a block.</p>\
         <p>A tip the author repeats on purpose, long enough to count as a block.</p>\
         </div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "wide")]);
    assert!(content.excluded[node_with_id(&dom, "narrow")]);
    // Single paragraphs that repeat are the author's and stay: two of the
    // story's, two of the first copy and both tips.
    assert_eq!(content.stats[node_with_id(&dom, "story")].paragraphs, 6);
}

#[test]
fn copies_far_apart_in_the_tree_are_both_kept() {
    // The same parameter documented under two methods of an API.
    let param = "<div><h4>metadata</h4><p>Set of key-value pairs that you can attach \
        to an object, useful for storing additional information.</p></div>";
    let section = |id: &str| {
        format!(
            "<section><div><div><div><div><div id={id}>{param}</div></div></div></div></div>\
             {PARA}</section>"
        )
    };
    let html = format!(
        "<body><main id=story>{PARA}{}{}</main></body>",
        section("first"),
        section("second")
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "first")]);
    assert!(!content.excluded[node_with_id(&dom, "second")]);
}

#[test]
fn alike_cards_that_link_to_two_items_are_both_kept() {
    let card = |id: &str, href: &str| {
        format!(
            "<li id={id}><a href={href}><p>Brand new ceramic mug, wheel thrown, matte \
             white speckle finish, dishwasher and microwave safe, made by hand.</p></a></li>"
        )
    };
    let html = format!(
        "<body><div id=story>{PARA}{PARA}<ul>{}{}{}</ul></div></body>",
        card("one", "/item/1"),
        card("two", "/item/2"),
        card("clone", "/item/2")
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "one")]);
    assert!(!content.excluded[node_with_id(&dom, "two")]);
    // A carousel's clone links where its slide does.
    assert!(content.excluded[node_with_id(&dom, "clone")]);
}

#[test]
fn alike_steps_in_two_tab_panels_are_both_kept() {
    let step = |id: &str| {
        format!(
            "<div id={id}><p>Install the helper library and start the tunnel before \
             you run the example.</p><p>Run it with your credentials set.</p></div>"
        )
    };
    let html = format!(
        "<body><div id=story>{PARA}{PARA}<div role=tabpanel>{}</div>\
         <div role=tabpanel>{}</div></div></body>",
        step("node"),
        step("python")
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    assert!(!content.excluded[node_with_id(&dom, "python")]);
}

#[test]
fn a_root_inside_a_table_stands_for_the_whole_table() {
    // A service page's comparison grid: the region merge picks the
    // `<tbody>` for its rows' text; the root is the table, header row and
    // all, and a second part of the same table does not make a second root.
    let html = format!(
        "<body><div id=intro>{PARA}</div><table id=grid><thead id=head><tr><th>Plan</th>\
         <th>Basic</th><th>Pro</th></tr></thead><tbody id=rows><tr id=row><td>Revisions</td>\
         <td>Yes</td><td>Yes</td></tr></tbody></table><table id=other><tr><td>{PARA}</td>\
         </tr></table></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let [intro, grid, head, rows, row, other] =
        ["intro", "grid", "head", "rows", "row", "other"].map(|id| node_with_id(&dom, id));
    let cell = dom.children(row).next().unwrap();
    assert_eq!(
        roots::lift_table_parts(&dom, vec![intro, head, rows]),
        vec![intro, grid]
    );
    assert_eq!(roots::lift_table_parts(&dom, vec![row]), vec![grid]);
    // A cell is a layout table's column, a root in its own right; so is a
    // whole table.
    assert_eq!(
        roots::lift_table_parts(&dom, vec![cell, other]),
        vec![cell, other]
    );
}

#[test]
fn site_origin_panels_are_content_and_their_menus_are_not() {
    // SiteOrigin's Page Builder wraps each panel of a layout in `so-panel
    // widget widget_<kind>`: a building block, whose kind still names a
    // menu where it is one.
    let html = format!(
        "<body><div class=panel-layout><div class=panel-grid><div class=panel-grid-cell>\
         <div id=editor class=\"so-panel widget widget_sow-editor panel-first-child\">\
         <div class=\"panel-widget-style panel-widget-style-for-610-0-0-0\"><div class=\"so-widget-sow-editor so-widget-sow-editor-base\">\
         <div class=\"siteorigin-widget-tinymce textwidget\"><h2>Electrical pricing</h2>{PARA}\
         </div></div></div></div>\
         <div id=text class=\"so-panel widget widget_text panel-last-child\">{PARA}</div>\
         <div id=menu class=\"so-panel widget widget_nav_menu\"><a href=/a>Home</a> \
         <a href=/b>Blog</a></div></div></div></div><div id=side class=widget>{PARA}</div></body>"
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content_with(&dom, &profile::SERVICE);
    let excluded = |id: &str| content.excluded[node_with_id(&dom, id)];
    assert!(!excluded("editor") && !excluded("text"));
    // The wrappers inside the panel, classed by the builder alone.
    for prefix in ["panel-widget-style", "siteorigin-widget"] {
        let wrapper = (0..dom.nodes.len())
            .find(|&i| dom.attr(i, "class").is_some_and(|c| c.starts_with(prefix)))
            .unwrap();
        assert!(!content.excluded[wrapper], "{prefix}");
    }
    assert!(excluded("menu") && excluded("side"));
}

#[test]
fn a_video_players_settings_menu_is_not_content() {
    // A player's settings panel (quality, caption fonts) sits inside the
    // story beside its video: controls, not text.
    let html = format!(
        "<body><article>{PARA}<div class=yvp-player><div class=\"yvp-settings-container\">\
         <div class=yvp-settings-header>Video Quality</div><div class=yvp-settings-item>High (HD)\
         </div><div class=yvp-settings-item>Closed Caption Settings</div><div>Arial</div>\
         <div>Georgia</div><div>Times New Roman</div></div></div>{PARA}</article></body>"
    );
    let text = text_of(&html);
    assert!(text.contains("long paragraph of article text"), "{text}");
    assert!(
        !text.contains("Video Quality") && !text.contains("Georgia"),
        "{text}"
    );
}

#[test]
fn a_follow_up_section_is_content_and_a_follow_button_is_not() {
    // A testimonial slider named `follow-up`, its quotes in plain divs
    // (no paragraphs for the prose-widget test to count), beside a
    // "follow" bar of social links.
    let quote = "OnePage keeps our sales process simple, and all we have to do \
                 for our success is to follow it every single day of the week.";
    let html = format!(
        "<body><main>{PARA}<section class=\"help better__follow-up\"><h2>Customers love it</h2>\
         <div class=follow-up__item><div class=follow-up__name>Bruce Henry</div>\
         <div class=follow-up__text>{quote}</div></div>\
         <div class=follow-up__item><div class=follow-up__name>Karen Suhaka</div>\
         <div class=follow-up__text>{quote}</div></div></section>\
         <div class=author-follow><a href=/x>Follow on X</a></div>{PARA}</main></body>"
    );
    let text = text_of(&html);
    assert!(text.contains("Karen Suhaka"), "{text}");
    assert!(text.contains("every single day"), "{text}");
    assert!(!text.contains("Follow on X"), "{text}");
}

#[test]
fn text_a_css_framework_hides_is_not_content() {
    // A story's hidden topic list (Bootstrap's `hidden`) and a comment
    // widget's tooltips (Atomic CSS's `Dn`), beside a teaser Tailwind shows
    // from the `md` breakpoint up.
    let html = format!(
        "<body><article>{PARA}<ul id=topics class=hidden><li>Politics &amp; Government</li>\
         <li>American flag</li></ul><div id=tooltip-rating class=Dn><div>Rating failed. Try again.\
         </div></div><p class='hidden md:block'>A teaser shown on wider screens.</p>{PARA}\
         </article></body>"
    );
    let text = text_of(&html);
    assert!(text.contains("long paragraph of article text"), "{text}");
    assert!(text.contains("shown on wider screens"), "{text}");
    assert!(
        !text.contains("American flag") && !text.contains("Rating failed"),
        "{text}"
    );
}

#[test]
fn a_webflow_storys_rich_text_blocks_join_the_best_one() {
    // A Webflow CMS template: the introduction and each ranked item's text
    // are separate Rich Text blocks in their own sections, beside a call
    // to action; a second copy of the introduction (another template, one
    // of the two hidden by the site's CSS) and a block of links stay out.
    let rich = |id: &str, body: &str| format!("<div class='block w-richtext' id={id}>{body}</div>");
    let cta = "<div class=cta><a href=/start>Start your free trial today</a></div>";
    let intro = format!("{PARA}{PARA}{PARA}{PARA}");
    let links = "<ul><li><a href=/x>One linked story title</a></li>\
                 <li><a href=/y>Another linked story title</a></li></ul>";
    let html = format!(
        "<body><div id=nav><a href=/a>Home</a> <a href=/b>Blog</a></div>\
         <section><h1>The best picks</h1>{}{cta}</section>\
         <section><h2>1. First pick</h2>{}{cta}</section>\
         <section><h2>2. Second pick</h2>{}{cta}</section>\
         <section><h2>More</h2>{}{cta}</section>\
         <section><h2>Again</h2>{}{cta}</section></body>",
        rich("intro", &intro),
        rich("first", PARA),
        rich(
            "second",
            "<p>The second pick is a different paragraph, with its own words, \
             clauses, and enough of them to read as prose here.</p>"
        ),
        rich("links", links),
        rich("copy", &intro),
    );
    let roots = roots_text(&html);
    let has = |id: &str| roots.iter().any(|r| r == id);
    assert!(has("first") && has("second") && !has("links"), "{roots:?}");
    assert!(has("intro") != has("copy"), "one introduction: {roots:?}");
    // Without the Webflow class the best block stands alone.
    let plain = roots_text(&html.replace(" w-richtext", ""));
    assert!(
        !plain.iter().any(|r| r == "first" || r == "second"),
        "{plain:?}"
    );
}

#[test]
fn an_elementor_storys_text_widgets_join_the_best_one() {
    // Each section's Text Editor widget holds one part of the story,
    // beside the section's heading and image widgets.
    let widget = |id: &str, body: &str| {
        format!(
            "<div class='elementor-element elementor-widget elementor-widget-text-editor' id={id}>\
             <div class=elementor-widget-container>{body}</div></div>"
        )
    };
    let other = "<p>A second section of the story, in words of its own, with clauses \
                 and enough of them to read as prose to the scorer.</p>";
    let html = format!(
        "<body><section><div class=col><div class=elementor-widget-heading><h2>One</h2></div>{}\
         <div class=elementor-widget-image><img src=/one.jpg></div></div></section>\
         <section><div class=col><div class=elementor-widget-heading><h2>Two</h2></div>{}\
         <div class=elementor-widget-image><img src=/two.jpg></div></div></section></body>",
        widget("one", &format!("{PARA}{PARA}{PARA}")),
        widget("two", other),
    );
    let doc = Html::parse_document(&html);
    let dom = Dom::build(&doc);
    let content = find_content(&dom);
    let rooted = |id: &str| {
        let w = (0..dom.nodes.len()).find(|&i| dom.attr(i, "id") == Some(id));
        w.is_some_and(|w| {
            content
                .roots
                .iter()
                .any(|&r| r == w || dom.contains(w, r) || dom.contains(r, w))
        })
    };
    let names: Vec<_> = content
        .roots
        .iter()
        .map(|&r| (dom.attr(r, "class"), dom.attr(r, "id")))
        .collect();
    assert!(rooted("one") && rooted("two"), "{names:?}");
}
