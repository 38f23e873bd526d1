//! Figures: which images are content, where each figure's container ends,
//! and the image (src, srcset, size, alt), caption and credit of a figure.
//!
//! A figure's container is found by climbing from the image while the
//! ancestor still holds only this image and a little text (a caption, a
//! credit), so captions written as siblings of the image's wrapper are found
//! as well as `<figure>`/`<figcaption>`.

// Node ids index the flat DOM index and the vectors sized to it: the index
// numbers its nodes 0..len in document order and stores in-range parents
// and subtree ends, so every id read from it is in range. String slicing
// stays denied here.
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use crate::extract::attr::get_str;
use crate::extract::vocabulary::{DATA_TESTID, LAZY_SRC_ATTRS, LAZY_SRCSET_ATTRS};
use url::Url;

use crate::article::{Figure, Image, ImageCandidate};
use crate::extract::clean::Content;
use crate::extract::dom::{Dom, Tag};
use crate::extract::matching::{has_token, tokens};
use crate::extract::text::{normalize_whitespace, strip_prefix_ignore_case};
use crate::extract::vocabulary::{CAPTION_LABELS, CAPTION_TOKENS, CREDIT_LABELS, CREDIT_TOKENS};
use scraper::node::Element;

/// Most text (weighted characters) a figure container may hold besides its
/// image: a long caption plus a credit.
const MAX_FIGURE_TEXT: u32 = 400;
/// Most text (weighted characters) a `<p>` around or beside an image may
/// hold to be the figure's caption rather than prose the image stands in
/// or before.
const MAX_PARAGRAPH_CAPTION: u32 = 120;
/// Least text (weighted characters) a `<div>` of bare text beside an image
/// needs to be prose rather than its caption: a few sentences, where even
/// a long news caption is one or two.
const MIN_PROSE_DIV: u32 = 240;
/// Images declared this small (either side, pixels) are icons or trackers.
const MIN_IMAGE_SIDE: u32 = 50;
/// Tokens of class, id or URL that mark decoration rather than content.
const DECORATION_TOKENS: &[&str] = &[
    "logo",
    "icon",
    "icons",
    "avatar",
    "sprite",
    "emoji",
    "pixel",
    "tracking",
    "tracker",
    "spacer",
    "badge",
    "gravatar",
    "blank",
    "placeholder",
    "transparent",
    "loader",
    "loading",
    "spinner",
];

/// Whether image `i` is a content image (not an icon, tracker or placeholder).
pub fn is_content_image(dom: &Dom<'_>, i: usize) -> bool {
    dom.element(i).is_some_and(is_content_element)
}

/// Whether the `<img>` element `el` is a content image: it has a real
/// source, is not declared icon-sized, and neither its class, id, role nor
/// file name marks it as decoration.
fn is_content_element(el: &Element) -> bool {
    let Some(src) = best_src(el) else {
        return false;
    };
    let side = |name| get_str(el, name).and_then(parse_pixels);
    if side("width").is_some_and(|w| w < MIN_IMAGE_SIDE)
        || side("height").is_some_and(|h| h < MIN_IMAGE_SIDE)
    {
        return false;
    }
    let marked = |v: Option<&str>| v.is_some_and(|v| has_token(v, DECORATION_TOKENS));
    if marked(get_str(el, "class")) || marked(get_str(el, "id")) {
        return false;
    }
    // `role=presentation` marks decoration, but some publishers put it on
    // every image: an image declared large both ways is kept anyway.
    let declared_large = side("width").is_some() && side("height").is_some();
    if get_str(el, "role") == Some("presentation") && !declared_large {
        return false;
    }
    // The file name, not the whole URL: a CDN path may say "images/icons".
    !has_token(file_name(src), DECORATION_TOKENS) && !in_smiley_folder(src)
}

/// Folders forum and blog software keep their smileys in (phpBB's and
/// vBulletin's `images/smilies/`, WordPress's `wp-includes/images/smilies/`,
/// XenForo's and SMF's `smileys/`, `emoticons/`): what is in them is
/// decoration whatever its file is called (`wink.gif`).
const SMILEY_FOLDERS: &[&str] = &["smilies", "smileys", "emoticons"];

/// Whether an image URL's path runs through a [`SMILEY_FOLDERS`] folder.
fn in_smiley_folder(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let mut folders = path.split('/').rev().skip(1);
    folders.any(|f| SMILEY_FOLDERS.iter().any(|s| f.eq_ignore_ascii_case(s)))
}

/// The last path segment of a URL, query and fragment left out.
fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.rsplit('/').next().unwrap_or("")
}

/// The image a `<noscript>` fallback holds (lazy loaders put the real
/// `<img>` there). html5ever parses `<noscript>` content as text when
/// scripting is on, as browsers do, so the text is parsed here as a
/// fragment; the first content image wins.
pub fn noscript_image(dom: &Dom<'_>, noscript: usize, base: Option<&Url>) -> Option<Image> {
    let end = dom.nodes.get(noscript)?.end as usize;
    let mut text = String::new();
    for i in noscript + 1..end {
        if let Some(t) = dom.text(i) {
            text.push_str(t);
        }
    }
    if !text.to_ascii_lowercase().contains("<img") {
        return None;
    }
    let fragment = scraper::Html::parse_fragment(&text);
    fragment
        .tree
        .values()
        .filter_map(|n| n.as_element())
        .filter(|el| el.name() == "img")
        .find(|el| is_content_element(el))
        .and_then(|el| image_from_element(el, None, base))
}

/// A key two copies of one image share: the file name, lower-cased
/// (the lazy `<img>` and its `<noscript>` fallback may differ in size
/// parameters of the query or path).
pub fn image_identity(src: &str) -> String {
    file_name(src).to_lowercase()
}

/// The figure container of content image `img`: the highest ancestor (inside
/// `limit`'s subtree) that still holds only this image and little text.
/// `images` lists every content image of the page in order (`<img>`
/// elements and `<noscript>` fallbacks standing for one), so a container
/// never takes in a second one.
pub fn container_of(
    dom: &Dom<'_>,
    content: &Content,
    img: usize,
    limit: usize,
    images: &[usize],
) -> usize {
    let alone = |ancestor: usize| {
        let first = images.partition_point(|&p| p < ancestor);
        let last = images.partition_point(|&p| p < dom.nodes[ancestor].end as usize);
        last.saturating_sub(first) <= 1
    };
    // A `<figure>` holding no other content image is the container, however
    // deep the image sits in wrappers (and placeholder copies) inside it,
    // unless it is a page builder's box for a picture and its prose: no
    // caption named in it, and a block of prose beside the image.
    let prose_figure = |figure: usize| {
        content.stats[figure].text > MIN_PROSE_DIV
            && holds_prose_beside(dom, content, figure, img)
            && !names_caption_within(dom, figure, img)
    };
    if let Some(figure) = dom
        .ancestors(img)
        .take_while(|&a| dom.contains(limit, a) && a != limit)
        .find(|&a| dom.nodes[a].tag == Tag::Figure)
        && alone(figure)
        && !prose_figure(figure)
    {
        return figure;
    }
    let mut best = img;
    for ancestor in dom.ancestors(img) {
        if !dom.contains(limit, ancestor) || ancestor == limit {
            break;
        }
        let entry = &dom.nodes[ancestor];
        if entry.tag == Tag::Figure {
            if prose_figure(ancestor) {
                break;
            }
            return ancestor;
        }
        let stats = &content.stats[ancestor];
        let fits = stats.images <= 1
            && alone(ancestor)
            && stats.headings == 0
            && stats.text <= MAX_FIGURE_TEXT
            && stats.paragraphs <= 2
            && !matches!(
                entry.tag,
                Tag::Ul
                    | Tag::Ol
                    | Tag::Li
                    | Tag::Table
                    | Tag::Tr
                    | Tag::Td
                    | Tag::Body
                    | Tag::Article
                    | Tag::Main
                    | Tag::Section
            )
            // A link around the image alone (to its full size) is part of
            // the figure; a link with text is not.
            && !(entry.tag == Tag::A && stats.text > 0)
            // A paragraph of prose or with words of its own beside the
            // image is the author's text, which the image stands before or
            // in; it is a figure only when it holds a short caption or
            // credit (named, or opening with a label).
            && !(entry.tag == Tag::P
                && (stats.text > MAX_PARAGRAPH_CAPTION
                    || paragraph_has_own_words(dom, content, ancestor)))
            // A `<div>` whose own words lead up to the image (a forum
            // post's text, then the picture it posts) is the author's
            // text: captions stand under their picture or are named.
            && !(entry.tag == Tag::Div && words_lead_to(dom, ancestor, img))
            // A paragraph of prose beside the image's own is body text
            // that follows the picture, not its caption.
            && !(stats.text > MAX_PARAGRAPH_CAPTION && holds_prose_beside(dom, content, ancestor, img))
            // The text of a card in a run of them beside its picture (a
            // testimonial, a feature's blurb) is the page's text: a caption
            // that long is marked as one. So is a list of points.
            && !(stats.text > MAX_PARAGRAPH_CAPTION
                && stats.link_text * 2 < stats.text
                && is_one_of_cards(dom, content, ancestor)
                && !names_caption_within(dom, ancestor, img))
            && !holds_list_beside(dom, content, ancestor, img);
        if !fits {
            break;
        }
        best = ancestor;
    }
    best
}

/// Whether paragraph `p` around an image holds words of its own: text not
/// inside an element named for a caption or credit, and not opening with a
/// caption or credit label ("Photo: ..."). Such a line is body text (a
/// sentence before the picture, a line under it the page gives no caption
/// markup), kept in the paragraph rather than hidden in the figure.
fn paragraph_has_own_words(dom: &Dom<'_>, content: &Content, p: usize) -> bool {
    if content.stats[p].text == 0 {
        return false;
    }
    let end = dom.nodes[p].end as usize;
    if (p..end).any(|i| dom.nodes[i].is_element && names_caption_or_credit(dom, i)) {
        return false;
    }
    let text = subtree_text(dom, content, p);
    !(starts_with_credit_label(&text) || label_prefix_len(&text, CAPTION_LABELS).is_some())
}

/// Least weighted characters of bare text before an image that are the
/// author's words leading up to it, not a label: a sentence.
const MIN_LEADING_WORDS: u32 = 40;

/// Whether element `div` holds, as text of its own before the child that
/// holds image `img`, [`MIN_LEADING_WORDS`] or more that do not open with
/// a caption or credit label ("Photo: ...").
fn words_lead_to(dom: &Dom<'_>, div: usize, img: usize) -> bool {
    let mut weight = 0;
    let mut opening = None;
    for child in dom.children(div) {
        if dom.contains(child, img) {
            break;
        }
        if let Some(text) = dom.text(child) {
            // Text nodes are measured when the index is built.
            weight += dom.nodes[child].text_len;
            if opening.is_none() && !text.trim().is_empty() {
                opening = Some(text.trim_start());
            }
        }
    }
    weight >= MIN_LEADING_WORDS
        && !opening.is_some_and(|t| {
            starts_with_credit_label(t) || label_prefix_len(t, CAPTION_LABELS).is_some()
        })
}

/// Whether `container` holds a block of prose longer than a paragraph
/// caption that neither holds image `img` nor is named a caption: prose
/// beside the picture (a CMS's image-then-text block), which a figure's
/// caption is not. The block is a `<p>`, or a `<div>` of running text with
/// no paragraphs or headings inside (page builders' rich-text boxes, such
/// as Oxygen's `oxy-rich-text`, hold bare text).
fn holds_prose_beside(dom: &Dom<'_>, content: &Content, container: usize, img: usize) -> bool {
    let end = dom.nodes[container].end as usize;
    (container + 1..end).any(|j| {
        let e = &dom.nodes[j];
        let stats = &content.stats[j];
        e.is_element
            && match e.tag {
                Tag::P => stats.text > MAX_PARAGRAPH_CAPTION,
                Tag::Div => {
                    stats.paragraphs == 0 && stats.headings == 0 && stats.text > MIN_PROSE_DIV
                }
                _ => false,
            }
            && !dom.contains(j, img)
            && !dom
                .attr(j, "class")
                .is_some_and(|c| has_token(c, CAPTION_TOKENS))
    })
}

/// Whether `container` holds a `<figcaption>` or an element whose class,
/// id, `data-testid` or `itemprop` names a caption or a credit, outside
/// image `img`'s own element.
fn names_caption_within(dom: &Dom<'_>, container: usize, img: usize) -> bool {
    let end = dom.nodes[container].end as usize;
    (container + 1..end).any(|j| {
        let e = &dom.nodes[j];
        e.is_element && j != img && (e.tag == Tag::Figcaption || names_caption_or_credit(dom, j))
    })
}

/// Whether element `i`'s class, id, `data-testid` or `itemprop` names a
/// caption or a credit.
fn names_caption_or_credit(dom: &Dom<'_>, i: usize) -> bool {
    ["class", "id", DATA_TESTID, "itemprop"]
        .iter()
        .filter_map(|a| dom.attr(i, a))
        .any(|v| has_token(v, CAPTION_TOKENS) || has_token(v, CREDIT_TOKENS))
}

/// The most levels climbed from a card to the wrapper that repeats with
/// its siblings (a grid's column around each card).
const MAX_CARD_WRAPPERS: usize = 3;

/// Whether `container` is one of a run of cards: it, or a wrapper that holds
/// nothing else, has a sibling of the same tag that holds a picture too (a
/// grid of features, testimonials or products, each a picture and its
/// text; themes alternate the cards' classes, `item-left`/`item-right`).
fn is_one_of_cards(dom: &Dom<'_>, content: &Content, container: usize) -> bool {
    let mut node = container;
    for _ in 0..=MAX_CARD_WRAPPERS {
        let parent = dom.nodes[node].parent as usize;
        if parent >= dom.nodes.len() {
            return false;
        }
        let tag = dom.nodes[node].tag;
        let mut elements = 0;
        let mut alike = false;
        for c in dom.children(parent) {
            let Some(e) = dom.nodes.get(c) else {
                continue;
            };
            if !e.is_element || e.tag.is_never_text() {
                continue;
            }
            elements += 1;
            alike |= c != node && e.tag == tag && content.stats[c].images > 0;
        }
        if alike {
            return true;
        }
        if elements > 1 {
            return false;
        }
        node = parent;
    }
    false
}

/// Whether `container` holds a list with text that does not hold image
/// `img`: a card's list of points beside its picture, body text rather
/// than a caption.
fn holds_list_beside(dom: &Dom<'_>, content: &Content, container: usize, img: usize) -> bool {
    let end = dom.nodes[container].end as usize;
    (container + 1..end).any(|j| {
        let e = &dom.nodes[j];
        e.is_element
            && matches!(e.tag, Tag::Ul | Tag::Ol | Tag::Dl)
            && content.stats[j].text > 0
            && !dom.contains(j, img)
    })
}

/// Builds the figure of `container`, which holds content image `img`
/// (an `<img>` or a `<noscript>` fallback) whose `image` is given.
pub fn from_container(
    dom: &Dom<'_>,
    content: &Content,
    container: usize,
    img: usize,
    image: Image,
) -> Figure {
    let end = dom.nodes[container].end as usize;
    let img_ancestors: Vec<usize> = dom.ancestors(img).collect();

    // The credit: an element named for it, or text that opens with a label.
    let mut credit_node = None;
    let mut caption_node = None;
    let mut i = container + 1;
    while i < end {
        if dom.nodes[i].is_element && dom.nodes[i].tag.is_never_text() {
            i = dom.nodes[i].end as usize;
            continue;
        }
        if !dom.nodes[i].is_element || img_ancestors.contains(&i) || i == img {
            i += 1;
            continue;
        }
        let named = |vocab: &[&str]| {
            ["class", "id", DATA_TESTID, "itemprop"]
                .iter()
                .filter_map(|a| dom.attr(i, a))
                .any(|v| has_token(v, vocab))
        };
        if credit_node.is_none()
            && (named(CREDIT_TOKENS) || starts_with_credit_label(&subtree_text(dom, content, i)))
        {
            credit_node = Some(i);
            i = dom.nodes[i].end as usize;
            continue;
        }
        if caption_node.is_none() && (dom.nodes[i].tag == Tag::Figcaption || named(CAPTION_TOKENS))
        {
            caption_node = Some(i);
        }
        i += 1;
    }

    let credit_raw = credit_node.map(|c| subtree_text(dom, content, c));
    let credit = credit_raw
        .as_deref()
        .map(strip_credit_label)
        .filter(|c| !c.is_empty());

    // A `<figcaption>` written just after its figure (outside it) still
    // belongs to it.
    let caption_node = caption_node.or_else(|| {
        let parent = dom.nodes[container].parent;
        let mut j = end;
        loop {
            let next = dom.nodes.get(j).filter(|n| n.parent == parent)?;
            if next.is_element {
                return (next.tag == Tag::Figcaption).then_some(j);
            }
            if dom.text(j).is_some_and(|t| !t.trim().is_empty()) {
                return None;
            }
            j = (next.end as usize).max(j + 1);
        }
    });
    let caption_source = match caption_node {
        Some(c) => subtree_text(dom, content, c),
        None => subtree_text(dom, content, container),
    };
    let mut caption = caption_source;
    if let Some(raw) = &credit_raw {
        caption = normalize_whitespace(&caption.replace(raw.as_str(), " "));
    }
    let caption = strip_caption_label(&caption);
    let caption = (!caption.is_empty() && Some(&caption) != credit.as_ref()).then_some(caption);

    Figure {
        image,
        caption,
        credit,
    }
}

/// The image of element `img` (an `<img>`, maybe inside a `<picture>`).
pub fn image_of(dom: &Dom<'_>, img: usize, base: Option<&Url>) -> Option<Image> {
    let el = dom.element(img)?;
    // <picture><source srcset> when the <img> has none.
    let parent = dom.nodes[img].parent as usize;
    let picture_srcset = if dom.nodes.get(parent).is_some_and(|p| p.tag == Tag::Picture) {
        dom.children(parent)
            .filter(|&c| dom.nodes[c].tag == Tag::Source)
            .find_map(|c| {
                LAZY_SRCSET_ATTRS
                    .iter()
                    .find_map(|a| dom.attr(c, a))
                    .or_else(|| dom.attr(c, "srcset"))
            })
    } else {
        None
    };
    image_from_element(el, picture_srcset, base)
}

/// The image of the `<img>` element `el`; `picture_srcset` is the srcset
/// of its `<picture>`'s first `<source>`, used when `el` has none.
fn image_from_element(
    el: &Element,
    picture_srcset: Option<&str>,
    base: Option<&Url>,
) -> Option<Image> {
    let src = best_src(el)?;
    let srcset_attr = LAZY_SRCSET_ATTRS
        .iter()
        .find_map(|a| get_str(el, a))
        .or_else(|| get_str(el, "srcset"))
        .or_else(|| get_str(el, "srcSet"))
        .or(picture_srcset);
    let srcset: Vec<ImageCandidate> = srcset_attr
        .map(|s| {
            parse_srcset(s)
                .into_iter()
                .map(|c| ImageCandidate {
                    url: resolve(base, &c.url),
                    ..c
                })
                .collect()
        })
        .unwrap_or_default();
    let alt = get_str(el, "alt")
        .map(normalize_whitespace)
        .filter(|a| !a.is_empty());
    Some(Image {
        src: resolve(base, src),
        srcset,
        width: get_str(el, "width").and_then(parse_pixels),
        height: get_str(el, "height").and_then(parse_pixels),
        alt,
        sizes: get_str(el, "sizes").map(str::to_owned),
    })
}

/// The image's real source: `src` unless it is a placeholder, else a lazy
/// attribute, else the first srcset candidate.
fn best_src(el: &Element) -> Option<&str> {
    let usable = |s: &str| {
        let s = s.trim();
        !s.is_empty() && !s.starts_with("data:") && !s.starts_with("about:")
    };
    let lazy = LAZY_SRC_ATTRS
        .iter()
        .find_map(|a| get_str(el, a))
        .filter(|s| usable(s));
    let src = get_str(el, "src").filter(|s| usable(s));
    let src_is_placeholder = src.is_some_and(|s| {
        tokens(file_name(s)).any(|t| {
            matches!(
                t.as_str(),
                "blank"
                    | "placeholder"
                    | "spacer"
                    | "lazy"
                    | "transparent"
                    | "pixel"
                    | "grey"
                    | "gray"
            )
        })
    });
    match (src, lazy) {
        (Some(_), Some(lazy)) if src_is_placeholder => Some(lazy.trim()),
        (Some(src), _) => Some(src.trim()),
        (None, Some(lazy)) => Some(lazy.trim()),
        (None, None) => get_str(el, "srcset")
            .or_else(|| LAZY_SRCSET_ATTRS.iter().find_map(|a| get_str(el, a)))
            .and_then(|s| s.split_whitespace().next())
            .map(|s| s.trim_end_matches(','))
            .filter(|s| usable(s)),
    }
}

/// Parses a `srcset` value as the HTML standard does (URLs may hold commas).
pub fn parse_srcset(value: &str) -> Vec<ImageCandidate> {
    let mut out = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let url_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (mut url, after_url) = rest.split_at_checked(url_end).unwrap_or((rest, ""));
        rest = after_url;
        let mut descriptor = "";
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            // Descriptors run to the next comma outside parentheses.
            let mut depth = 0i32;
            let mut end = rest.len();
            for (pos, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    ',' if depth <= 0 => {
                        end = pos;
                        break;
                    }
                    _ => {}
                }
            }
            let (described, after) = rest.split_at_checked(end).unwrap_or((rest, ""));
            descriptor = described.trim();
            rest = after;
        }
        if url.is_empty() {
            continue;
        }
        let mut candidate = ImageCandidate {
            url: url.to_owned(),
            ..ImageCandidate::default()
        };
        for d in descriptor.split_whitespace() {
            if let Some(w) = d.strip_suffix('w') {
                candidate.width = w.parse().ok();
            } else if let Some(x) = d.strip_suffix('x') {
                candidate.density = x.parse().ok().filter(|v: &f32| v.is_finite() && *v > 0.0);
            }
        }
        out.push(candidate);
    }
    out
}

/// Pixel value of a `width`/`height` attribute (`976`, `976px`); not `%`.
fn parse_pixels(value: &str) -> Option<u32> {
    let v = value.trim();
    let v = v.strip_suffix("px").unwrap_or(v).trim();
    v.parse::<u32>().ok().or_else(|| {
        v.parse::<f32>()
            .ok()
            .filter(|f| f.is_finite() && *f >= 0.0 && *f < u32::MAX as f32)
            .map(|f| f as u32)
    })
}

/// Resolves `href` against `base`; left as is without a base.
pub fn resolve(base: Option<&Url>, href: &str) -> String {
    let href = href.trim();
    match base {
        Some(base) => base
            .join(href)
            .map_or_else(|_| href.to_owned(), String::from),
        None => Url::parse(href).map_or_else(|_| href.to_owned(), String::from),
    }
}

/// The text of a subtree, whitespace normalised. Class-based boilerplate
/// flags are ignored here: inside a figure, "meta" or "credit" wrappers are
/// exactly what is wanted; only never-text elements are left out.
fn subtree_text(dom: &Dom<'_>, content: &Content, root: usize) -> String {
    let end = dom.nodes[root].end as usize;
    let mut out = String::new();
    let mut i = root;
    while i < end {
        let entry = &dom.nodes[i];
        // A chart's labels are part of its picture, not a caption of it.
        if entry.is_element && (entry.tag.is_never_text() || entry.marks.chart_label) {
            i = entry.end as usize;
            continue;
        }
        if let Some(t) = dom.text(i) {
            crate::extract::text::push_normalized(&mut out, t);
        } else if entry.tag == Tag::Br || (entry.is_element && entry.tag.is_block() && i != root) {
            out.push(' ');
        }
        i += 1;
    }
    let _ = content;
    normalize_whitespace(&out)
}

/// Whether `text` opens with a credit label ("Image source, Getty").
fn starts_with_credit_label(text: &str) -> bool {
    label_prefix_len(text, CREDIT_LABELS).is_some()
}

/// Length in bytes of a label (and its punctuation) opening `text`, if any:
/// the label must be followed by punctuation, a space or the end. Labels
/// are matched character by character
/// ([`crate::extract::text::prefix_len_ignore_case`]), so the
/// length is one of `text`'s own character boundaries.
fn label_prefix_len(text: &str, labels: &[&str]) -> Option<usize> {
    labels
        .iter()
        .filter_map(|label| {
            let after = strip_prefix_ignore_case(text, label)?;
            let trimmed = after
                .trim_start_matches([':', '：', ',', '，', '、', '-', '–', '|', ' ', '\u{a0}']);
            let separated =
                trimmed.len() < after.len() || label.starts_with('©') || label.starts_with("(c)");
            separated.then_some(text.len() - trimmed.len())
        })
        .max()
}

/// `text` without its first `n` bytes, trimmed (all of it when `n` is not
/// a character boundary, which [`label_prefix_len`] never gives).
fn after_label(text: &str, n: usize) -> String {
    text.get(n..).unwrap_or(text).trim().to_owned()
}

/// Removes a leading credit label: "图像来源，Getty Images" gives "Getty Images".
pub fn strip_credit_label(text: &str) -> String {
    let text = normalize_whitespace(text);
    match label_prefix_len(&text, CREDIT_LABELS) {
        Some(n) => after_label(&text, n),
        None => text,
    }
}

/// Removes a leading caption label ("Image caption, ...").
fn strip_caption_label(text: &str) -> String {
    match label_prefix_len(text, CAPTION_LABELS) {
        Some(n) => after_label(text, n),
        None => text.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smileys_are_decoration_by_their_folder() {
        assert!(in_smiley_folder(
            "https://forum.example/images/smilies/wink.gif"
        ));
        assert!(in_smiley_folder(
            "/wp-includes/images/smilies/icon_smile.gif?v=2"
        ));
        assert!(in_smiley_folder("styles/default/Smileys/grin.png"));
        assert!(!in_smiley_folder("https://cdn.example/photos/wink.jpg"));
        // The file itself may be called anything, folders only count.
        assert!(!in_smiley_folder("https://cdn.example/img/smilies.jpg"));
    }
    use crate::extract::clean::find_content;
    use scraper::Html;

    fn figure(html: &str, base: Option<&str>) -> Option<Figure> {
        let doc = Html::parse_document(html);
        let dom = Dom::build(&doc);
        let content = find_content(&dom);
        let img = dom.nodes.iter().position(|e| e.tag == Tag::Img)?;
        let body = dom.nodes.iter().position(|e| e.tag == Tag::Body)?;
        let base = base.map(|b| Url::parse(b).unwrap());
        let container = container_of(&dom, &content, img, body, &[img]);
        let image = image_of(&dom, img, base.as_ref())?;
        Some(from_container(&dom, &content, container, img, image))
    }

    #[test]
    fn parses_srcset_widths_densities_and_commas_in_urls() {
        let c = parse_srcset("a.jpg 240w, https://x.test/w_1,h_2/b.jpg 2x,c.jpg");
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].width, Some(240));
        assert_eq!(c[1].url, "https://x.test/w_1,h_2/b.jpg");
        assert_eq!(c[1].density, Some(2.0));
        assert_eq!(c[2].url, "c.jpg");
    }

    #[test]
    fn figure_with_figcaption_and_credit() {
        let f = figure(
            "<body><figure><img src=/a.jpg width=800 height=600 alt='A &amp; B'>\
             <figcaption>Crowds gather. <span class=credit>Photo: Jane Roe/AP</span></figcaption>\
             </figure></body>",
            Some("https://news.test/story"),
        )
        .unwrap();
        assert_eq!(f.image.src, "https://news.test/a.jpg");
        assert_eq!(f.image.alt.as_deref(), Some("A & B"));
        assert_eq!((f.image.width, f.image.height), (Some(800), Some(600)));
        assert_eq!(f.caption.as_deref(), Some("Crowds gather."));
        assert_eq!(f.credit.as_deref(), Some("Jane Roe/AP"));
    }

    #[test]
    fn prose_after_the_image_in_its_block_is_no_caption() {
        // A CMS block of a picture and the paragraph about it: the
        // paragraph is body text, a short line a caption.
        let prose = "Phoenix is a web framework written in Elixir that follows the \
                     model view controller pattern, with routing, templating, testing \
                     and database tools out of the box.";
        let html = format!(
            "<body><div class=blog-paragraph><p><img src=https://i.test/p.png alt=Phoenix></p>\
             <p>{prose}</p></div></body>"
        );
        assert_eq!(figure(&html, None).unwrap().caption, None);
        let html = "<body><div class=photo><p><img src=https://i.test/p.png></p>\
                    <p>The framework's logo.</p></div></body>";
        assert_eq!(
            figure(html, None).unwrap().caption.as_deref(),
            Some("The framework's logo.")
        );
    }

    #[test]
    fn the_text_of_cards_in_a_run_is_no_caption() {
        // A grid of testimonials, each a portrait and a quote: the quotes
        // are the page's text. The same card alone keeps its text as the
        // picture's caption, as before.
        let quote = "One of the best things about my therapist is that she lets me \
                     be me and we really work together on what matters to me, week after \
                     week, in a way I had never found before.";
        let card = |n: u32| {
            format!(
                "<div class=card-{n}><img src=/p{n}.jpg width=300 height=300><div>{quote}</div></div>"
            )
        };
        let grid = format!(
            "<body><div class=grid>{}{}{}</div></body>",
            card(1),
            card(2),
            card(3)
        );
        assert_eq!(figure(&grid, None).unwrap().caption, None);
        let alone = format!("<body><div class=story>{}</div></body>", card(1));
        assert_eq!(
            figure(&alone, None).unwrap().caption.as_deref(),
            Some(quote)
        );
        // Named captions stay captions in a run of figures.
        let named = format!(
            "<body><div>{0}{0}</div></body>",
            format!(
                "<div><img src=/p.jpg width=300 height=300><div class=caption>{quote}</div></div>"
            )
        );
        assert_eq!(
            figure(&named, None).unwrap().caption.as_deref(),
            Some(quote)
        );
    }

    #[test]
    fn a_list_beside_a_picture_is_no_caption() {
        let html = "<body><div class=benefit><img src=/b.jpg width=300 height=200>\
                    <p>Strategic clarity</p><ul><li>Discover use cases</li>\
                    <li>Prioritize initiatives</li></ul></div></body>";
        assert_eq!(figure(html, None).unwrap().caption, None);
    }

    #[test]
    fn sibling_caption_and_labelled_credit() {
        let f = figure(
            "<body><div><div><img src=https://i.test/p.jpg><p><span>图像来源，</span>\
             <span>Getty Images</span></p></div><span data-testid=caption-paragraph>普京和金正日</span></div></body>",
            None,
        )
        .unwrap();
        assert_eq!(f.credit.as_deref(), Some("Getty Images"));
        assert_eq!(f.caption.as_deref(), Some("普京和金正日"));
    }

    #[test]
    fn lazy_sources_beat_placeholders() {
        let f = figure(
            "<body><figure><img src=data:image/gif;base64,R0lGOD data-src=/real.jpg \
             data-srcset='/r-320.jpg 320w, /r-640.jpg 640w'></figure></body>",
            Some("https://x.test/"),
        )
        .unwrap();
        assert_eq!(f.image.src, "https://x.test/real.jpg");
        assert_eq!(f.image.srcset.len(), 2);
        assert_eq!(f.image.srcset[1].url, "https://x.test/r-640.jpg");
    }

    #[test]
    fn picture_sources_give_the_srcset() {
        let f = figure(
            "<body><figure><picture><source srcset='a.webp 1x, a2.webp 2x' type=image/webp>\
             <img src=a.jpg></picture></figure></body>",
            Some("https://x.test/d/"),
        )
        .unwrap();
        assert_eq!(f.image.srcset.len(), 2);
        assert_eq!(f.image.srcset[1].density, Some(2.0));
        assert_eq!(f.image.srcset[1].url, "https://x.test/d/a2.webp");
    }

    #[test]
    fn icons_and_trackers_are_not_content() {
        for html in [
            "<body><img src=/pixel.gif width=1 height=1></body>",
            "<body><img src=/img/site-logo.png></body>",
            "<body><img class=avatar src=/u/1.jpg></body>",
            "<body><img src=data:image/png;base64,xyz></body>",
        ] {
            let doc = Html::parse_document(html);
            let dom = Dom::build(&doc);
            let img = dom.nodes.iter().position(|e| e.tag == Tag::Img).unwrap();
            assert!(!is_content_image(&dom, img), "{html}");
        }
    }

    /// The page of the crash: a credit "kaynaK" with the KELVIN SIGN, then
    /// two `İ`. Lower-casing keeps its byte length, not its offsets.
    const KELVIN_CREDIT_PAGE: &str = "<html><body><article><h1>Haber</h1>\
        <figure><img src=https://i.test/a.jpg width=800 height=600>\
        <figcaption>Bir resim. <span>kayna\u{212a}\u{130}\u{130}</span></figcaption></figure>\
        <p>Bir paragraf, yeterince uzun bir metin.</p></article></body></html>";

    #[test]
    fn the_kelvin_credit_page_extracts() {
        assert!(
            KELVIN_CREDIT_PAGE.len() <= 250,
            "{}",
            KELVIN_CREDIT_PAGE.len()
        );
        let input = crate::extract::Input {
            html: KELVIN_CREDIT_PAGE.as_bytes(),
            ..crate::extract::Input::default()
        };
        let article = crate::extract::extract(&input, &crate::extract::Options::default());
        assert!(article.is_ok(), "{article:?}");
        // The credit label is recognised through the KELVIN SIGN.
        assert_eq!(strip_credit_label("kayna\u{212a}: AA"), "AA");
        assert_eq!(strip_credit_label("KAYNAK \u{130}HA"), "\u{130}HA");
    }

    #[test]
    fn every_credit_and_caption_label_survives_length_changing_case() {
        for label in CREDIT_LABELS.iter().chain(CAPTION_LABELS) {
            assert_eq!(
                *label,
                label.to_lowercase(),
                "labels are written in lower case"
            );
            for text in crate::extract::text::tricky::variants(label) {
                if let Some(n) = label_prefix_len(&text, CREDIT_LABELS) {
                    assert!(text.is_char_boundary(n), "{text:?}");
                }
                if let Some(n) = label_prefix_len(&text, CAPTION_LABELS) {
                    assert!(text.is_char_boundary(n), "{text:?}");
                }
                let _ = strip_credit_label(&text);
                let _ = strip_caption_label(&text);
                let html = format!(
                    "<body><figure><img src=/a.jpg><figcaption>{text} <span class=credit>{text}</span>\
                     </figcaption></figure><div><img src=/b.jpg><p>{text}</p></div></body>"
                );
                let _ = figure(&html, Some("https://x.test/"));
            }
        }
    }

    #[test]
    fn credit_labels_in_several_languages() {
        assert_eq!(strip_credit_label("Image source, Reuters"), "Reuters");
        assert_eq!(strip_credit_label("Foto: dpa"), "dpa");
        assert_eq!(strip_credit_label("© AFP"), "AFP");
        assert_eq!(strip_credit_label("Getty Images"), "Getty Images");
        assert_eq!(
            strip_credit_label("Photographers gather"),
            "Photographers gather"
        );
    }

    #[test]
    fn presentation_role_is_decoration_unless_declared_large() {
        for (html, content) in [
            ("<body><img role=presentation src=/a.jpg></body>", false),
            (
                "<body><img role=presentation src=/a.jpg width=900 height=400></body>",
                true,
            ),
        ] {
            let doc = Html::parse_document(html);
            let dom = Dom::build(&doc);
            let img = dom.nodes.iter().position(|e| e.tag == Tag::Img).unwrap();
            assert_eq!(is_content_image(&dom, img), content, "{html}");
        }
    }

    #[test]
    fn noscript_text_is_parsed_for_its_image() {
        let doc = Html::parse_document(
            "<body><noscript><img src=/icon.png width=10><img src=/real.jpg alt=Real></noscript></body>",
        );
        let dom = Dom::build(&doc);
        let ns = dom
            .nodes
            .iter()
            .position(|e| e.tag == Tag::Noscript)
            .unwrap();
        let base = Url::parse("https://x.test/").unwrap();
        let image = noscript_image(&dom, ns, Some(&base)).unwrap();
        assert_eq!(image.src, "https://x.test/real.jpg");
        assert_eq!(image.alt.as_deref(), Some("Real"));
    }
}
