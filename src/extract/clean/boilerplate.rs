//! Step 1 of the clean stage: which nodes are boilerplate. Tags, roles and
//! class/id tokens decide, per block or container, never for an inline
//! element inside running text.

// Node ids come from the flat DOM index, which keeps them in range (see
// the parent module).
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use super::Content;
use crate::extract::dom::{Dom, NO_PARENT, Tag, style_hides, style_hiding, subtree_stats};
use crate::extract::kinds;
use crate::extract::matching::{TokenBuf, TokenMarks, each_token};
use crate::extract::profile::Profile;
use crate::extract::vocabulary::{BOILERPLATE_TOKENS, CAPTION_BODY_TOKENS, DATA_MAX_WIDTH};

/// A boilerplate-looking container holding more than this share of the
/// page's text is a wrapper (`<body class="has-sidebar">`), not boilerplate.
/// Chosen by hand on the article development pages (no published source).
const WRAPPER_TEXT_SHARE: f32 = 0.4;
/// A boilerplate-looking element whose class also names content
/// (`main-content has-sidebar`) is kept when it holds more than this share
/// of the page's text; a small `article-share` bar is still boilerplate.
/// Chosen by hand on the article development pages.
const NAMED_CONTENT_TEXT_SHARE: f32 = 0.1;
/// The fewest alike sections that make a run of the page's body
/// ([`is_content_run`]).
const RUN_MIN_ITEMS: usize = 3;
/// The least text one section of such a run holds (smaller ones are cards,
/// not the body's parts). The thresholds of runs were chosen by hand on
/// the wcxb development pages.
const RUN_MIN_ITEM_TEXT: u32 = 300;
/// The text a run holds that makes it the body however long the page's
/// menus and footers are.
const RUN_MIN_TEXT: u32 = 3000;
/// The most of a run's text that may be links.
const RUN_MAX_LINK_SHARE: f32 = 0.3;
/// The most siblings looked at for a run.
const RUN_MAX_SIBLINGS: usize = 64;

/// Step 1: per-node boilerplate flags (never-text, hidden, navigation-like
/// tags and roles, boilerplate class/id tokens on blocks and containers),
/// and the subtree statistics with the flagged subtrees left out.
pub(super) fn flag(dom: &Dom<'_>, body: usize, profile: &Profile) -> Content {
    let ignored = profile.content_tokens;
    let page_text = dom.stats[body].text.max(1) as f32;
    let mut excluded = vec![false; dom.nodes.len()];
    let mut holds_text = Vec::new();
    let mut buf = TokenBuf::default();
    for (i, flag) in excluded.iter_mut().enumerate() {
        let entry = &dom.nodes[i];
        if !entry.is_element {
            continue;
        }
        if entry.tag.is_never_text()
            || (is_hidden(dom, i)
                && !is_revealed_by_script(dom, i, page_text)
                && !is_redundant_link(dom, i))
            || is_narrow_artboard(dom, i)
            || entry.marks.chart_label
        {
            *flag = true;
            continue;
        }
        // A dialog is no part of the page's body, even as one of a run of
        // alike policy dialogs.
        if is_dialog_layer(dom, i) {
            *flag = true;
            continue;
        }
        let share = dom.stats[i].text as f32 / page_text;
        if (share <= WRAPPER_TEXT_SHARE || is_side_region(dom, i) || is_consent_layer(dom, i))
            && (looks_like_boilerplate(dom, &mut holds_text, ignored, i)
                // A profile's extra names (a listing's facets, a product's
                // upsells) mark filter bars and carousels, never prose.
                || (kinds::is_profile_boilerplate(dom, &mut buf, profile, i)
                    && !holds_prose(dom, i)))
            && !(share > NAMED_CONTENT_TEXT_SHARE && names_content(dom, i))
            && !(share > NAMED_CONTENT_TEXT_SHARE && wraps_story(dom, i))
            && !is_content_run(dom, i, page_text)
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

/// The page's banners: `<header>` and `role=banner` elements outside any
/// article, main region or section (the site's masthead and menu, which
/// tags and tokens need not mark when the whole page is the content).
pub(super) fn page_banners(dom: &Dom<'_>, body: usize) -> Vec<usize> {
    let mut banners = Vec::new();
    let end = dom.nodes[body].end as usize;
    let mut i = body + 1;
    while i < end {
        let e = &dom.nodes[i];
        if !e.is_element {
            i += 1;
            continue;
        }
        if matches!(e.tag, Tag::Article | Tag::Main | Tag::Section) || e.marks.main_role {
            i = e.end as usize;
            continue;
        }
        let banner = e.tag == Tag::Header
            || dom
                .attr(i, "role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("banner"));
        if banner {
            banners.push(i);
            i = e.end as usize;
        } else {
            i += 1;
        }
    }
    banners
}

/// A sidebar or page footer however much text it holds: an `<aside>`,
/// `<footer>`, `role=complementary` or `role=contentinfo` region (a live
/// feed beside the story, or a shop's site map of a footer, can outweigh
/// it) that holds no article, main region, `itemprop=articleBody` or
/// `<h1>`. A `<form>` around the whole page stays a wrapper, and so does
/// a footer element that wraps the page's story.
fn is_side_region(dom: &Dom<'_>, i: usize) -> bool {
    let entry = &dom.nodes[i];
    let side = matches!(entry.tag, Tag::Aside | Tag::Footer)
        || (entry.marks.boilerplate_role
            && dom.attr(i, "role").is_some_and(|r| {
                let r = r.trim();
                r.eq_ignore_ascii_case("complementary") || r.eq_ignore_ascii_case("contentinfo")
            }));
    side && !holds_story_region(dom, i)
}

/// A modal dialog however much text it holds: a `role=dialog` or
/// `alertdialog` element, or one marked `aria-modal=true` (a shop's
/// refund and privacy policies, each a dialog its footer link opens, can
/// outweigh the product it sells), that holds no article, main region or
/// `itemprop=articleBody` (a news site opening its story in a dialog over
/// the front page). An `<h1>` alone is no story here: a policy dialog
/// opens with one.
fn is_dialog_layer(dom: &Dom<'_>, i: usize) -> bool {
    dom.nodes[i].marks.dialog && !holds_story_mark(dom, i, false)
}

/// Whether element `i` holds an article, a main region,
/// `itemprop=articleBody` or an `<h1>`: the marks of the page's story.
fn holds_story_region(dom: &Dom<'_>, i: usize) -> bool {
    holds_story_mark(dom, i, true)
}

/// Whether element `i` holds an article, a main region or
/// `itemprop=articleBody`, or with `h1` an `<h1>`.
fn holds_story_mark(dom: &Dom<'_>, i: usize, h1: bool) -> bool {
    (i..dom.nodes[i].end as usize).any(|j| {
        let e = &dom.nodes[j];
        e.is_element
            && (matches!(e.tag, Tag::Article | Tag::Main)
                || (h1 && e.tag == Tag::H1)
                || e.marks.main_role
                || e.marks.article_body)
    })
}

/// A cookie or consent layer however much text it holds (a class or id
/// token in [`CONSENT_TOKENS`](crate::extract::vocabulary::CONSENT_TOKENS)):
/// a consent platform's preference centre describes every purpose and
/// vendor at length, more text than a short thread or product page has.
/// One that holds the page's story is a wrapper a theme named after the
/// consent state.
fn is_consent_layer(dom: &Dom<'_>, i: usize) -> bool {
    let marks = dom.nodes[i].marks;
    (marks.class.has(TokenMarks::CONSENT) || marks.id.has(TokenMarks::CONSENT))
        && !holds_story_region(dom, i)
}

/// Whether element `i` holds the page's story: an `<h1>` and an article
/// (`<article>`, `role=article`, `itemprop=articleBody`). News sites open a
/// story over the front page in a layer named `modal` or `overlay`; the
/// layer, not the page under it, is what the reader reads. A cookie or
/// newsletter dialog holds neither.
fn wraps_story(dom: &Dom<'_>, i: usize) -> bool {
    let (mut h1, mut article) = (false, false);
    for e in dom
        .nodes
        .get(i..dom.nodes[i].end as usize)
        .unwrap_or_default()
    {
        if e.is_element {
            h1 |= e.tag == Tag::H1;
            article |= e.tag == Tag::Article || e.marks.article_body;
        }
        if h1 && article {
            return true;
        }
    }
    false
}

/// Whether element `i` is one of a run of alike sections that together
/// hold the page's body: at least [`RUN_MIN_ITEMS`] siblings of its tag and
/// class, each a section (a heading and paragraphs of at least
/// [`RUN_MIN_ITEM_TEXT`]), holding more than [`WRAPPER_TEXT_SHARE`] of the
/// page's text or [`RUN_MIN_TEXT`] between them, under
/// [`RUN_MAX_LINK_SHARE`] of it links. A class token then names the kind of
/// block, not a sidebar or a menu: sections a jump menu scrolls to
/// (`cws-jump-section`). Looks at most [`RUN_MAX_SIBLINGS`] siblings.
fn is_content_run(dom: &Dom<'_>, i: usize, page_text: f32) -> bool {
    let entry = &dom.nodes[i];
    let is_section = |j: usize| {
        let s = &dom.stats[j];
        s.headings > 0 && s.paragraphs > 0 && s.text >= RUN_MIN_ITEM_TEXT
    };
    if entry.parent == NO_PARENT || !is_section(i) {
        return false;
    }
    let Some(class) = dom.attr(i, "class") else {
        return false;
    };
    let (mut items, mut text, mut links) = (0usize, 0u64, 0u64);
    for c in dom.children(entry.parent as usize).take(RUN_MAX_SIBLINGS) {
        let e = &dom.nodes[c];
        if e.is_element
            && e.tag == entry.tag
            && dom.attr(c, "class") == Some(class)
            && is_section(c)
        {
            items += 1;
            text += u64::from(dom.stats[c].text);
            links += u64::from(dom.stats[c].link_text);
        }
    }
    #[allow(clippy::cast_precision_loss)] // a ratio: f32's precision is plenty
    let run_share = text as f32 / page_text;
    items >= RUN_MIN_ITEMS
        && (run_share > WRAPPER_TEXT_SHARE || text >= u64::from(RUN_MIN_TEXT))
        && (links as f32) < text as f32 * RUN_MAX_LINK_SHARE
}

/// An ai2html artboard for narrow screens (`<div class="g-artboard"
/// data-max-width="599">`): the same chart as the wide artboard beside it,
/// its image and labels a second time.
fn is_narrow_artboard(dom: &Dom<'_>, i: usize) -> bool {
    dom.attr(i, DATA_MAX_WIDTH).is_some()
        && dom
            .attr(i, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|t| t == "g-artboard"))
}

/// A hidden element holding more than this share of the page's text is
/// the page itself, which a script shows once it has run. Chosen by hand,
/// not tuned: a hidden menu or dialog is a small part of a page.
const REVEALED_TEXT_SHARE: f32 = 0.5;
/// ...and at most this share of that text is links (a hidden mega-menu is
/// mostly links). Chosen by hand.
const REVEALED_MAX_LINK_SHARE: f32 = 0.5;

/// A hidden element holding more than this share of the page's text is
/// the whole page hidden until its script has run, whatever share of it
/// is links (its menus are part of it). Higher than
/// [`REVEALED_TEXT_SHARE`]: a copy of the article hidden for layout beside
/// the shown one holds half the text at most. Chosen by hand.
const REVEALED_PAGE_TEXT_SHARE: f32 = 0.8;

/// Whether hidden element `i` is the page's content hidden until a script
/// shows it: Shopify lockdown apps and A/B-testing anti-flicker snippets
/// wrap the whole content in an inline `display:none`, and client-rendered
/// apps (Next.js sites against a flash of unstyled content) the whole page
/// in `visibility:hidden`; readers see it once the page has loaded. It
/// holds most of the page's text and little of it is links, or nearly all
/// of the page's text (only the whole page for `visibility`), and it is
/// hidden by that style alone (`hidden` and `aria-hidden` keep their
/// meaning).
fn is_revealed_by_script(dom: &Dom<'_>, i: usize, page_text: f32) -> bool {
    let s = &dom.stats[i];
    let text = s.text as f32;
    let whole_page = text > page_text * REVEALED_PAGE_TEXT_SHARE;
    let content = text > page_text * REVEALED_TEXT_SHARE
        && (s.link_text as f32) <= text * REVEALED_MAX_LINK_SHARE;
    (whole_page || content)
        && dom.attr(i, "hidden").is_none()
        && dom.attr(i, "aria-hidden").is_none()
        && dom.attr(i, "style").is_some_and(|style| {
            let hiding = style_hiding(style);
            if hiding.visibility_hidden {
                whole_page
            } else {
                hiding.display_none
            }
        })
}

/// Whether hidden element `i` is a link that repeats one beside it, hidden
/// from assistive technology and the keyboard alone (`aria-hidden=true`
/// and `tabindex=-1`, no `hidden` attribute or hiding style): a teaser's
/// blurb linking where its title does, which sighted readers see. One
/// holding a picture is the teaser's thumbnail and stays out.
fn is_redundant_link(dom: &Dom<'_>, i: usize) -> bool {
    let end = dom.nodes[i].end as usize;
    dom.nodes[i].tag == Tag::A
        && dom
            .attr(i, "aria-hidden")
            .is_some_and(|v| v.trim() == "true")
        && dom.attr(i, "tabindex").is_some_and(|v| v.trim() == "-1")
        && dom.attr(i, "hidden").is_none()
        && !dom.attr(i, "style").is_some_and(style_hides)
        && !(i..end).any(|j| matches!(dom.nodes[j].tag, Tag::Img | Tag::Picture))
}

/// Hidden from readers: `hidden`, `aria-hidden=true`, inline `display:none`.
fn is_hidden(dom: &Dom<'_>, i: usize) -> bool {
    dom.nodes[i].marks.hidden
}

/// Elements that are boilerplate by their tag alone: navigation, asides,
/// footers, forms, menus, fieldsets and stray figure captions (the
/// diagnostic run in `explain` names the same rule).
pub(crate) fn is_boilerplate_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Nav
            | Tag::Aside
            | Tag::Footer
            | Tag::Form
            | Tag::Menu
            | Tag::Fieldset
            | Tag::Figcaption
    )
}

/// Navigation, asides, footers, forms, boilerplate roles and class names.
fn looks_like_boilerplate(
    dom: &Dom<'_>,
    holds_text: &mut Vec<bool>,
    ignored: &[&str],
    i: usize,
) -> bool {
    let entry = &dom.nodes[i];
    if is_boilerplate_tag(entry.tag) {
        // Captions belong to figures (the figures stage reads them past
        // this flag); outside a recognised figure they are not body text.
        // A form with no field to fill in that holds a paragraph wraps
        // content (Reddit's comment bodies, one short reply each;
        // vBulletin's and ASP.NET's page-wide forms), not a login or a
        // search box.
        return !(entry.tag == Tag::Form
            && holds_a_paragraph(dom, i)
            && !has_visible_fields(dom, i));
    }
    if !entry.is_element {
        return false;
    }
    if entry.marks.boilerplate_role {
        // A widget role on a block of prose is a mislabelled container
        // (a tab set's whole panel area marked `tablist`), not the tabs.
        return !(holds_prose(dom, i) && has_widget_role(dom, i));
    }
    if matches!(entry.tag, Tag::Body | Tag::Html | Tag::Main | Tag::Article) {
        return false;
    }
    // A heading's id is an anchor made of its own words
    // (`id="promotion-and-relegation"`): only its class names boilerplate.
    // So is the id of a section named after its heading (docutils and
    // Sphinx `<div class="section" id="sharing-with-a-single-developer">`),
    // and a page builder's numbered block id (`widget_1753110382057`,
    // `banner-1866584638`), which names the kind of block: its class says
    // whether that block is boilerplate.
    let id = if entry.tag.heading_level().is_some()
        || (entry.marks.id.has(TokenMarks::BOILERPLATE)
            && (id_names_own_heading(dom, i)
                || is_builder_module_id(dom, i)
                || is_numbered_block_id(dom, i)))
    {
        TokenMarks::default()
    } else {
        entry.marks.id
    };
    let class = if entry.marks.class.has(TokenMarks::BOILERPLATE) {
        builder_widget_class(dom, i).unwrap_or(entry.marks.class)
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
        named = [dom.attr(i, "class"), dom.attr(i, "id")]
            .into_iter()
            .flatten()
            .any(|v| names_boilerplate_besides(v, ignored));
    }
    if named
        && !id.has(TokenMarks::BOILERPLATE)
        && !class.has(TokenMarks::CAPTION_BODY)
        && is_prose_widget(dom, i)
    {
        return false;
    }
    named && tokens_may_drop(dom, holds_text, i)
}

/// The class tokens that name a kind of block rather than boilerplate
/// outright: on their own they mark a sidebar widget, an ad banner or a
/// promotion box, but page builders (and WordPress block themes) wrap
/// prose in `widget` containers, and marketing themes (Flatsome's
/// `banner` sections, Adobe Experience Manager's `cmp-promo-container`)
/// put a service page's text in banners and promos.
const WIDGET_TOKENS: &[&str] = &["widget", "widgets", "banner", "promo"];

/// Further class tokens that, on a container holding prose, name its part
/// in the page's layout, not boilerplate: a FAQ's tab panes
/// (`faq_tabs-menu`), a modal's `overlay`
/// text, a CMS's promoted teaser (Drupal's `node--promoted`, a theme's
/// `promos` strip), a section of a `nav` card grid. On their own they mark
/// menus and pop-ups, which hold links and a few words, not paragraphs.
/// Unlike [`WIDGET_TOKENS`] they never make a numbered id a block's.
const PROSE_LAYOUT_TOKENS: &[&str] = &["menu", "nav", "overlay", "promoted", "promos"];

/// Whether element `i`'s id is one of [`WIDGET_TOKENS`] and a number
/// (`banner-1866584638`, `widget-12`, HubSpot's `widget_1753110382057`):
/// page builders number their blocks so, and the id then names the kind
/// of block, not a sidebar widget or an ad banner.
fn is_numbered_block_id(dom: &Dom<'_>, i: usize) -> bool {
    dom.attr(i, "id").is_some_and(|id| {
        WIDGET_TOKENS.iter().any(|t| {
            id.strip_prefix(t)
                .and_then(|rest| rest.strip_prefix(['-', '_']))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
    })
}

/// Fewest `<p>` elements of a widget container taken for prose rather than
/// a sidebar widget (a sidebar's text widget holds one blurb). Chosen by
/// hand on the wcxb development pages.
const PROSE_WIDGET_PARAGRAPHS: u32 = 2;

/// Most link density of a widget container taken for prose: sidebar
/// widgets (recent posts, categories, archives, tag clouds) are link lists.
/// One third, as Readability's sibling-merge test for a paragraph (its
/// `linkDensity < 0.25` with some slack for inline links).
const PROSE_WIDGET_LINK_DENSITY: f32 = 0.33;

/// Fewest weighted characters of a widget container taken for prose (about
/// two sentences). Chosen by hand on the wcxb development pages.
const PROSE_WIDGET_TEXT: u32 = 200;

/// Whether form `i` has a field a reader fills in (a text box, a check
/// box, a menu) outside a hidden part: a contact or consent form, not a
/// form that only wraps content (Reddit's comment bodies keep their edit
/// box hidden).
fn has_visible_fields(dom: &Dom<'_>, i: usize) -> bool {
    let end = dom.nodes[i].end as usize;
    let mut j = i + 1;
    while j < end {
        let e = &dom.nodes[j];
        if e.is_element && e.marks.hidden {
            j = e.end as usize;
            continue;
        }
        let field = match e.tag {
            Tag::Textarea | Tag::Select => true,
            Tag::Input => !dom.attr(j, "type").is_some_and(|t| {
                t.eq_ignore_ascii_case("hidden") || t.eq_ignore_ascii_case("submit")
            }),
            _ => false,
        };
        if field {
            return true;
        }
        j += 1;
    }
    false
}

/// ARIA roles of a control group (tabs, a menu, a toolbar), which hold a
/// few words each, never paragraphs.
const WIDGET_ROLES: &[&str] = &["tablist", "menu", "menubar", "toolbar"];

/// Whether element `i` has one of [`WIDGET_ROLES`].
fn has_widget_role(dom: &Dom<'_>, i: usize) -> bool {
    dom.attr(i, "role").is_some_and(|r| {
        WIDGET_ROLES
            .iter()
            .any(|w| w.eq_ignore_ascii_case(r.trim()))
    })
}

/// The least text (weighted characters) of the one paragraph that makes a
/// form without fields a wrapper of content ([`holds_a_paragraph`]): a
/// short reply's sentence, more than a button's or a label's words.
/// Chosen by hand.
const FORM_PARAGRAPH_TEXT: u32 = 25;

/// Whether element `i` holds at least one paragraph of
/// [`FORM_PARAGRAPH_TEXT`], little of it links.
fn holds_a_paragraph(dom: &Dom<'_>, i: usize) -> bool {
    holds_paragraphs(dom, i, 1, FORM_PARAGRAPH_TEXT)
}

/// Whether element `i` holds prose, not a sidebar's or a form's few
/// words: paragraphs and some text, little of it links.
fn holds_prose(dom: &Dom<'_>, i: usize) -> bool {
    holds_paragraphs(dom, i, PROSE_WIDGET_PARAGRAPHS, PROSE_WIDGET_TEXT)
}

/// Whether element `i` holds at least `paragraphs` paragraphs and `text`
/// weighted characters, under [`PROSE_WIDGET_LINK_DENSITY`] of it links.
fn holds_paragraphs(dom: &Dom<'_>, i: usize, paragraphs: u32, text: u32) -> bool {
    let stats = &dom.stats[i];
    stats.paragraphs >= paragraphs
        && stats.text >= text
        && (stats.link_text as f32) < PROSE_WIDGET_LINK_DENSITY * stats.text as f32
}

/// Whether element `i` is a `widget` container that holds prose: its class
/// names no boilerplate besides [`WIDGET_TOKENS`] and
/// [`PROSE_LAYOUT_TOKENS`], and it holds
/// paragraphs with little link text. Sidebar widgets (link lists, a
/// one-blurb text widget) stay boilerplate; so does a widget inside a
/// sidebar, flagged through its ancestor.
fn is_prose_widget(dom: &Dom<'_>, i: usize) -> bool {
    // The subtree figures first: they rule out almost every boilerplate
    // element before its class is read again token by token.
    if !holds_prose(dom, i) {
        return false;
    }
    let Some(class) = dom.attr(i, "class") else {
        return false;
    };
    let mut buf = TokenBuf::default();
    let mut widget = false;
    let other = each_token(class, &mut buf, |t| {
        if WIDGET_TOKENS.contains(&t) || PROSE_LAYOUT_TOKENS.contains(&t) {
            widget = true;
            false
        } else {
            BOILERPLATE_TOKENS.contains(&t)
        }
    });
    widget && !other
}

/// Fewest words of an id taken for its section heading's anchor: a one- or
/// two-word id (`comments`, `related-posts`) names the region's purpose
/// even when a heading repeats it.
const MIN_ANCHOR_ID_WORDS: usize = 3;

/// Whether element `i`'s id is an anchor made of the words of the heading
/// that opens it: its first element child is a heading, and the id's
/// letters and digits are the heading's, in order (`sharing-with-a-single-
/// developer` over "Sharing with a single developer¶").
fn id_names_own_heading(dom: &Dom<'_>, i: usize) -> bool {
    let Some(id) = dom.attr(i, "id") else {
        return false;
    };
    let words = id
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    if words < MIN_ANCHOR_ID_WORDS {
        return false;
    }
    let Some(heading) = dom
        .children(i)
        .find(|&c| dom.nodes[c].is_element)
        .filter(|&c| dom.nodes[c].tag.heading_level().is_some())
    else {
        return false;
    };
    let mut id_chars = id
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let heading_chars = (heading..dom.nodes[heading].end as usize)
        .filter_map(|j| dom.text(j))
        .flat_map(str::chars)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    // The heading may go on past the id (a permalink mark, a number).
    for c in heading_chars {
        match id_chars.next() {
            Some(expected) if expected == c => {}
            Some(_) => return false,
            None => return true,
        }
    }
    id_chars.next().is_none()
}

/// Whether `value` holds a boilerplate or caption token that is not in
/// `ignored`.
fn names_boilerplate_besides(value: &str, ignored: &[&str]) -> bool {
    each_token(value, &mut TokenBuf::default(), |t| {
        (BOILERPLATE_TOKENS.contains(&t) || CAPTION_BODY_TOKENS.contains(&t))
            && !ignored.contains(&t)
    })
}

/// Page builders wrap every piece of a page, its text blocks and headings
/// included, in "widget" elements: there `widget` is a building block, not
/// a sidebar widget. Elementor (the WordPress page builder) writes
/// `elementor-widget elementor-widget-<kind>` (and sizing classes such as
/// `elementor-widget__width-initial`); HubSpot's CMS writes `widget-span
/// widget-type-<kind>` cells and `hs_cos_wrapper_widget` modules; the
/// Brightspot CMS makes every teaser of a page list a `PagePromo`;
/// SiteOrigin's Page Builder (WordPress) writes `so-panel widget
/// widget_<kind>` around each panel of a layout, `panel-widget-style`
/// around its content and, from its widgets bundle, `so-widget-<kind>` and
/// `siteorigin-widget-<kind>` inside. For such
/// an element, the marks of its class without those names (so
/// `elementor-widget-nav-menu` still names a menu); `None` for any other
/// element.
fn builder_widget_class(dom: &Dom<'_>, i: usize) -> Option<TokenMarks> {
    let class = dom.attr(i, "class")?;
    // One pass over the class names, comparing prefixes (a substring
    // search per builder costs more on every widget-classed element).
    let mut builder = false;
    let mut site_origin = false;
    for c in class.split_ascii_whitespace() {
        site_origin |= c == "so-panel";
        builder |= c == "so-panel"
            || c == "widget-span"
            || BUILDER_CLASS_PREFIXES.iter().any(|p| c.starts_with(p));
    }
    if !builder {
        return None;
    }
    let rest: String = class
        .split_ascii_whitespace()
        .map(|c| {
            if let Some(kind) = c.strip_prefix("elementor-widget") {
                kind
            } else if (site_origin && (c == "so-panel" || c == "widget"))
                || c.starts_with("panel-widget-style")
                || c.starts_with("so-widget")
                || c.starts_with("siteorigin-widget")
            {
                ""
            } else if let Some(kind) = c.strip_prefix("widget_").filter(|_| site_origin) {
                kind
            } else if c == "widget-span"
                || c.starts_with("widget-type-")
                || c.starts_with("hs_cos_wrapper")
                || c.starts_with("PagePromo")
            {
                ""
            } else {
                c
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some(TokenMarks::of(&rest, &mut TokenBuf::default()))
}

/// The prefixes of the page builders' class names that
/// [`builder_widget_class`] reads (besides `so-panel` and `widget-span`,
/// which are whole names).
const BUILDER_CLASS_PREFIXES: &[&str] = &[
    "elementor-widget",
    "hs_cos_wrapper",
    "PagePromo",
    "panel-widget-style",
    "so-widget",
    "siteorigin-widget",
];

/// HubSpot's CMS numbers each module's wrapper `hs_cos_wrapper_widget_<n>`
/// or `hs_cos_wrapper_module_<n>`: the id names a building block, not a
/// sidebar widget, and its class (read as usual) still names what the
/// module is.
fn is_builder_module_id(dom: &Dom<'_>, i: usize) -> bool {
    dom.attr(i, "id").is_some_and(|id| {
        id.strip_prefix("hs_cos_wrapper_").is_some_and(|rest| {
            let rest = rest
                .strip_prefix("widget_")
                .or_else(|| rest.strip_prefix("module_"))
                .unwrap_or("");
            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'_')
        })
    })
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
