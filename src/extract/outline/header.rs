//! The article header and boilerplate blocks: before the first substantial
//! block, short byline lists, byline paragraphs and dates leave the body
//! (as bylines and the header time); boilerplate headings take their
//! section with them, and short blocks opening with a boilerplate phrase go.

use super::{Body, Event, MAX_BYLINE_ITEM, SUBSTANTIAL_TEXT};
use crate::article::{Author, Block};
use crate::extract::dom::measure;
use crate::extract::vocabulary::{BOILERPLATE_PHRASES, BYLINE_LABELS};

/// Most weighted characters of a block that may be dropped for opening with
/// a boilerplate phrase ("Read more: ...", "Follow us on ...") unless it is
/// mostly links.
pub(crate) const MAX_BOILERPLATE_BLOCK: u32 = 150;

/// Whether `text` opens with one of the boilerplate phrases.
pub(crate) fn opens_with_boilerplate(text: &str) -> bool {
    // Only the opening can match: lower-case a prefix a little longer than
    // the longest phrase (the character after it is checked too).
    static LONGEST: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
        BOILERPLATE_PHRASES
            .iter()
            .map(|p| p.chars().count())
            .max()
            .unwrap_or(0)
    });
    let longest = *LONGEST;
    let lower: String = text
        .trim_start()
        .chars()
        .take(longest + 1)
        .flat_map(char::to_lowercase)
        .collect();
    BOILERPLATE_PHRASES.iter().any(|phrase| {
        lower
            .strip_prefix(phrase)
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
    })
}

/// Whether `text` is a boilerplate phrase and nothing more ("Related
/// stories", "Comments:"), not a heading that merely opens with one
/// ("Related work in the field", "Share classes and fees").
fn is_whole_boilerplate_phrase(text: &str) -> bool {
    let lower: String = text
        .trim()
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    BOILERPLATE_PHRASES.iter().any(|phrase| lower == *phrase)
}

/// Whether the section that opens at `events[start]` (a heading of
/// `level`) holds prose: a paragraph of at least [`SUBSTANTIAL_TEXT`]
/// weighted characters that is not mostly links, before the next heading
/// of the same or a higher level. A "Related products" list or a
/// "Share this" bar holds none.
fn section_holds_prose(events: &[Event], start: usize, level: u8) -> bool {
    events
        .iter()
        .skip(start + 1)
        .take_while(|e| !matches!(e, Event::Heading { level: l, .. } if *l <= level))
        .any(|e| {
            matches!(e, Event::Block { block: Block::Paragraph(_), info }
                if info.weight >= SUBSTANTIAL_TEXT && info.link_weight * 2 < info.weight)
        })
}

/// Drops boilerplate headings below the page's `<h1>` with everything
/// under them ("Related stories", "Comments") and short blocks that open
/// with a boilerplate phrase. A heading that only opens with a phrase
/// ("Related work", "Share capital") keeps a section that holds prose. On
/// pages whose items are links (`items`: listings, collections), a
/// paragraph that is only a link is an item, not a teaser.
pub(super) fn drop_boilerplate(events: Vec<Event>, items: bool) -> Vec<Event> {
    let mut kept = Vec::with_capacity(events.len());
    let mut skipping_below: Option<u8> = None;
    let mut keep_section: Vec<bool> = vec![false; events.len()];
    for (index, event) in events.iter().enumerate() {
        if let Event::Heading { level, text, .. } = event
            && opens_with_boilerplate(text)
            && !is_whole_boilerplate_phrase(text)
            && section_holds_prose(&events, index, *level)
        {
            keep_section[index] = true;
        }
    }
    for (event, keep) in events.into_iter().zip(keep_section) {
        match &event {
            Event::Heading { level, text, .. } => {
                if skipping_below.is_some_and(|l| *level > l) {
                    continue;
                }
                skipping_below = None;
                // A page's `<h1>` names the page (a "Trending" chart, a
                // "Recommended" reading list), not a part of it to drop.
                if !keep
                    && *level > 1
                    && measure(text).0 <= MAX_BOILERPLATE_BLOCK / 2
                    && opens_with_boilerplate(text)
                {
                    skipping_below = Some(*level);
                    continue;
                }
                kept.push(event);
            }
            Event::Block { block, info } => {
                if skipping_below.is_some() {
                    continue;
                }
                let text = match block {
                    Block::Paragraph(p) => Some(p.text.as_str()),
                    Block::List(l) => l.items.first().map(String::as_str),
                    Block::Quote(q) => Some(q.text.as_str()),
                    _ => None,
                };
                let linky = info.link_weight * 2 >= info.weight && info.weight > 0;
                let short = info.weight <= MAX_BOILERPLATE_BLOCK;
                // A long link opening with a phrase ("Read more: ...") is a
                // teaser, except where links are the items: there it is an
                // item's title and blurb ("Sign up for ... and start the
                // year with a new skill").
                if (short || (linky && !items)) && text.is_some_and(opens_with_boilerplate) {
                    continue;
                }
                // A short paragraph that is nothing but a link is a teaser
                // for another story ("SEE ALSO"-style inline promos).
                if !items && matches!(block, Block::Paragraph(_)) && info.all_link && short {
                    continue;
                }
                kept.push(event);
            }
        }
    }
    kept
}

/// A block of text that is not mostly links: a line of the article, where
/// a link line is a kicker, a breadcrumb or a pager.
fn is_prose_line(info: &super::BlockInfo) -> bool {
    info.weight > 0 && info.link_weight * 2 < info.weight
}

/// Most items of a list in the header taken for its bylines (a story's
/// authors); a longer list, or one with a long item, is body text (a
/// product's features above its description). Chosen by hand.
const MAX_BYLINE_LIST_ITEMS: usize = 4;

/// Takes the article header (bylines, dates, kickers) out of the events.
/// The header ends at the first substantial block, or at the first heading
/// after a line of prose under the first heading. A kicker or a category
/// link may stand before the headline, headings in a row are a kicker and
/// a headline, and the heading that is the title never ends the header;
/// any other heading after the headline's own lines opens a section, whose
/// short list is its content (an "Apps" section's one link), not bylines.
/// On pages whose items are links (`items`), a link or a short list before
/// the first paragraph is the first item, not a kicker or a byline.
pub(super) fn take_header(
    events: Vec<Event>,
    body: &mut Body,
    items: bool,
    title: &super::TitleKeys,
) -> Vec<Event> {
    let first_substantial = events
        .iter()
        .position(|e| match e {
            Event::Heading { .. } => false,
            Event::Block { block, info } => {
                !matches!(block, Block::Figure(_)) && info.weight >= SUBSTANTIAL_TEXT
            }
        })
        .unwrap_or(events.len());
    let is_headline = |text: &str| {
        let key = super::comparable(text);
        title.is_whole(&key) || title.is_part(&key)
    };
    let first_section = events
        .iter()
        .enumerate()
        .skip_while(|(_, e)| !matches!(e, Event::Heading { .. }))
        .skip_while(|(_, e)| matches!(e, Event::Heading { .. }))
        .skip_while(|(_, e)| !matches!(e, Event::Block { info, .. } if is_prose_line(info)))
        .find(|(_, e)| matches!(e, Event::Heading { text, .. } if !is_headline(text)))
        .map_or(events.len(), |(index, _)| index);
    let first_substantial = first_substantial.min(first_section);
    let mut kept = Vec::with_capacity(events.len());
    for (index, event) in events.into_iter().enumerate() {
        let in_header = index < first_substantial;
        let Event::Block { block, info } = &event else {
            kept.push(event);
            continue;
        };
        // A block that is only a date, anywhere: metadata, not body.
        if let Some((datetime, text)) = &info.time
            && info.weight <= MAX_BYLINE_ITEM * 2
        {
            if body.header_time.is_none() && in_header {
                body.header_time = datetime.clone().or_else(|| Some(text.clone()));
                body.header_time_text = Some(text.clone());
            }
            continue;
        }
        if !in_header {
            kept.push(event);
            continue;
        }
        match block {
            Block::List(_) | Block::Paragraph(_) if items && info.link_weight > 0 => {
                kept.push(event)
            }
            Block::List(list)
                if list.items.len() <= MAX_BYLINE_LIST_ITEMS
                    && list
                        .items
                        .iter()
                        .all(|t| !t.contains("://") && measure(t).0 <= MAX_BYLINE_ITEM) =>
            {
                body.bylines.extend(list.items.iter().map(|name| Author {
                    name: strip_byline_prefix(name),
                    url: None,
                    role: None,
                }));
            }
            Block::Paragraph(p) if info.all_link && info.weight < SUBSTANTIAL_TEXT => {}
            Block::Paragraph(p) if byline_prefix_len(&p.text).is_some() => {
                body.bylines.push(Author {
                    name: strip_byline_prefix(&p.text),
                    url: p.links.first().map(|l| l.url.clone()),
                    role: None,
                });
            }
            _ => kept.push(event),
        }
    }
    kept
}

pub(super) fn byline_prefix_len(text: &str) -> Option<usize> {
    // Long blocks are no bylines: measured before any lower-cased copy.
    if measure(text).0 > MAX_BYLINE_ITEM * 2 {
        return None;
    }
    // Character by character: the length is one of `text`'s boundaries.
    BYLINE_LABELS
        .iter()
        .flat_map(|l| l.outline_prefixes)
        .find_map(|p| crate::extract::text::prefix_len_ignore_case(text, p))
}

pub(super) fn strip_byline_prefix(text: &str) -> String {
    let rest = byline_prefix_len(text).and_then(|n| text.get(n..));
    rest.unwrap_or(text).trim().to_owned()
}
