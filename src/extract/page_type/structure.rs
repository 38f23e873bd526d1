//! The one pass over the flat index that counts what the page's markup
//! says: class vocabulary, software markers, JSON-LD and microdata types,
//! short texts, element counts and shares of text, and the largest
//! repeated sibling groups.

use scraper::Node;

use super::evidence::{CUE_AC, CUES, GROUP_FEATURES, Group, is_price, schema_feature, software};
use super::features::{F, FEATURES, Features, ld_types, log_count};
use crate::extract::attr::local_name;
use crate::extract::dom::{Dom, NO_PARENT, Tag};

/// Texts longer than this (weighted characters) are no control or price.
const SHORT_TEXT: u32 = 40;
/// Unlinked characters from which a repeated item is a post.
const PROSE_ITEM_CHARS: u32 = 200;
/// Characters from which a paragraph is prose.
const LONG_PARAGRAPH_CHARS: u32 = 150;
/// Siblings from which a group counts as repeated.
const MIN_REPEAT: u32 = 3;
/// Distinct sibling kinds tracked per parent.
const MAX_KINDS: usize = 8;
/// JSON-LD read per script, bounding hostile input.
const MAX_SCRIPT_BYTES: usize = 1 << 20;

/// One kind of sibling under one parent: same tag, same class value.
#[derive(Debug, Clone, Copy)]
struct Kind<'a> {
    tag: Tag,
    class: &'a str,
    all: u32,
    linked: u32,
    card: u32,
    priced: u32,
    headed: u32,
    prose: u32,
    post: u32,
}

/// The one pass over the index.
pub(super) fn structure(dom: &Dom<'_>, out: &mut Features) {
    let n = dom.nodes.len();
    let body = dom
        .nodes
        .iter()
        .position(|e| e.tag == Tag::Body)
        .unwrap_or(0);
    let Some(body_stats) = dom.stats.get(body).copied() else {
        return;
    };
    let mut class_of: Vec<&str> = vec![""; n];
    let mut groups_of: Vec<u32> = vec![0; n];
    let mut prices: Vec<u32> = vec![0; n];
    let mut group_counts = [0u32; GROUP_FEATURES.len()];
    let mut cue_counts = [0u32; FEATURES];
    let mut tags = TagCounts::default();
    let (mut pre_end, mut li_end) = (0usize, 0usize);
    let (mut code_text, mut prose_text, mut heading_text, mut list_text) = (0u32, 0u32, 0u32, 0u32);
    let cues = CUE_AC.as_ref();
    for i in 0..n {
        let Some(entry) = dom.nodes.get(i) else { break };
        match entry.node.value() {
            Node::Element(el) => {
                // The index scanned the class and id values for these.
                let groups = entry.marks.page_groups;
                for (name, value) in &el.attrs {
                    let value: &str = value;
                    match name.local {
                        local_name!("class") => {
                            if let Some(slot) = class_of.get_mut(i) {
                                *slot = value;
                            }
                            if matches!(entry.tag, Tag::Html | Tag::Body) {
                                software(value, out);
                            }
                        }
                        local_name!("itemtype") => {
                            for t in value.split_whitespace() {
                                if let Some(f) = schema_feature(t) {
                                    out.set(f, 1.0);
                                }
                            }
                        }
                        local_name!("itemprop") if value.eq_ignore_ascii_case("price") => {
                            if let Some(p) = prices.get_mut(i) {
                                *p += 1;
                            }
                        }
                        local_name!("src") | local_name!("href")
                            if matches!(entry.tag, Tag::Script | Tag::Link) =>
                        {
                            software(value, out);
                        }
                        local_name!("content") if entry.tag == Tag::Meta => {
                            let generator = el.attrs.iter().any(|(k, v)| {
                                k.local == local_name!("name")
                                    && v.eq_ignore_ascii_case("generator")
                            });
                            if generator {
                                software(value, out);
                            }
                        }
                        local_name!("type") if entry.tag == Tag::Script => {
                            if crate::extract::text::contains_ignore_ascii_case(value, "ld+json") {
                                let text = dom
                                    .children(i)
                                    .filter_map(|c| dom.text(c))
                                    .next()
                                    .unwrap_or("");
                                if text.len() <= MAX_SCRIPT_BYTES {
                                    ld_types(text, out);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                if let Some(slot) = groups_of.get_mut(i) {
                    *slot = groups;
                }
                if entry.tag != Tag::Nav && entry.marks.boilerplate_role {
                    tags.navs += 1;
                }
                for (g, count) in group_counts.iter_mut().enumerate() {
                    *count += (groups >> g) & 1;
                }
                let stats = dom.stats.get(i).copied().unwrap_or_default();
                match entry.tag {
                    Tag::Pre if i >= pre_end => {
                        tags.pre += 1;
                        code_text += stats.text;
                        pre_end = entry.end as usize;
                    }
                    Tag::Code if i >= pre_end => {
                        tags.code += 1;
                        code_text += stats.text;
                        pre_end = entry.end as usize;
                    }
                    Tag::P
                        if stats.text >= LONG_PARAGRAPH_CHARS
                            && stats.link_text * 3 < stats.text =>
                    {
                        tags.long_paragraphs += 1;
                        prose_text += stats.text;
                    }
                    Tag::Li => {
                        tags.list_items += 1;
                        // Outermost items only: nested lists sum once.
                        if i >= li_end {
                            list_text += stats.text;
                            li_end = entry.end as usize;
                        }
                        if stats.text > 0 && stats.link_text * 2 > stats.text {
                            tags.linked_items += 1;
                        }
                    }
                    Tag::H1 => {
                        tags.h1 += 1;
                        heading_text += stats.text;
                    }
                    Tag::H2 | Tag::H3 => {
                        tags.h2_h3 += 1;
                        heading_text += stats.text;
                    }
                    Tag::H4 | Tag::H5 | Tag::H6 => {
                        tags.h4_h6 += 1;
                        heading_text += stats.text;
                    }
                    Tag::Nav => tags.navs += 1,
                    Tag::Table => tags.tables += 1,
                    Tag::Dl => tags.definition_lists += 1,
                    Tag::Article => tags.articles += 1,
                    Tag::Section => tags.sections += 1,
                    Tag::Time => tags.times += 1,
                    Tag::Input | Tag::Select | Tag::Textarea => {
                        tags.forms += 1;
                        if entry.tag == Tag::Textarea {
                            tags.textareas += 1;
                        }
                    }
                    Tag::Button => tags.buttons += 1,
                    _ => {}
                }
            }
            Node::Text(t) if entry.text_len > 0 && entry.text_len <= SHORT_TEXT => {
                let text: &str = &t.text;
                if is_price(text) {
                    if let Some(p) = prices.get_mut(i) {
                        *p += 1;
                    }
                    if let Some(count) = cue_counts.get_mut(F::txt_price as usize) {
                        *count += 1;
                    }
                }
                if let Some(ac) = cues {
                    // Each cue counts once per text.
                    let mut seen = 0u64;
                    for m in ac.find_overlapping_iter(text) {
                        let k = m.pattern().as_usize();
                        if seen & (1 << (k % 64)) != 0 {
                            continue;
                        }
                        seen |= 1 << (k % 64);
                        if let Some(c) = CUES
                            .get(k)
                            .and_then(|&(_, f)| cue_counts.get_mut(f as usize))
                        {
                            *c += 1;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // Prices summed over subtrees (children come after their parent).
    for i in (1..n).rev() {
        let parent = dom.nodes.get(i).map_or(NO_PARENT, |e| e.parent);
        let here = prices.get(i).copied().unwrap_or(0);
        if here > 0
            && parent != NO_PARENT
            && let Some(p) = prices.get_mut(parent as usize)
        {
            *p += here;
        }
    }
    let repeats = repeated_siblings(dom, &class_of, &groups_of, &prices);

    for (g, &count) in group_counts.iter().enumerate() {
        if let Some(&f) = GROUP_FEATURES.get(g) {
            out.set(f, log_count(count));
        }
    }
    for (k, &count) in cue_counts.iter().enumerate() {
        if count > 0
            && let Some(slot) = out.0.get_mut(k)
        {
            *slot = log_count(count);
        }
    }
    let carts = cue_counts.get(F::txt_cart as usize).copied().unwrap_or(0);
    out.flag(F::one_cart, (1..=3).contains(&carts));
    let priced = cue_counts.get(F::txt_price as usize).copied().unwrap_or(0);
    out.flag(F::many_prices, priced >= 8);
    let text = body_stats.text.max(1) as f32;
    out.set(F::text_total, log_count(body_stats.text));
    out.set(F::link_share, body_stats.link_text as f32 / text);
    out.set(F::long_paragraphs, log_count(tags.long_paragraphs));
    out.set(F::prose_share, (prose_text as f32 / text).min(1.0));
    out.set(F::paragraphs, log_count(body_stats.paragraphs));
    out.set(F::h1, log_count(tags.h1));
    out.set(F::h2_h3, log_count(tags.h2_h3));
    out.set(F::h4_h6, log_count(tags.h4_h6));
    out.set(F::heading_share, (heading_text as f32 / text).min(1.0));
    out.set(F::list_share, (list_text as f32 / text).min(1.0));
    out.set(F::navs, log_count(tags.navs));
    let headings = (tags.h2_h3 + tags.h4_h6) as f32;
    out.set(
        F::heading_per_prose,
        (headings * 1000.0 / (prose_text as f32 + 500.0)).min(20.0),
    );
    out.set(F::pre, log_count(tags.pre));
    out.set(F::code, log_count(tags.code));
    out.set(F::code_share, (code_text as f32 / text).min(1.0));
    out.set(F::list_items, log_count(tags.list_items));
    out.set(
        F::linked_items,
        tags.linked_items as f32 / tags.list_items.max(1) as f32,
    );
    out.set(F::tables, log_count(tags.tables));
    out.set(F::definition_lists, log_count(tags.definition_lists));
    out.set(F::articles, log_count(tags.articles));
    out.set(F::sections, log_count(tags.sections));
    out.set(F::times, log_count(tags.times));
    out.set(F::images, log_count(body_stats.images));
    out.set(F::forms, log_count(tags.forms));
    out.set(F::buttons, log_count(tags.buttons));
    out.set(F::textareas, log_count(tags.textareas));
    out.set(F::rep_linked, log_count(repeats.linked));
    out.set(F::rep_card, log_count(repeats.card));
    out.set(F::rep_priced, log_count(repeats.priced));
    out.set(F::rep_headed, log_count(repeats.headed));
    out.set(F::rep_prose, log_count(repeats.prose));
    out.set(F::rep_post, log_count(repeats.post));
}

/// Element counts of the pass.
#[derive(Debug, Default)]
struct TagCounts {
    pre: u32,
    code: u32,
    long_paragraphs: u32,
    list_items: u32,
    linked_items: u32,
    h1: u32,
    h2_h3: u32,
    h4_h6: u32,
    tables: u32,
    definition_lists: u32,
    articles: u32,
    sections: u32,
    times: u32,
    forms: u32,
    textareas: u32,
    buttons: u32,
    navs: u32,
}

/// The largest repeated sibling groups of the page, per kind of item.
#[derive(Debug, Default)]
struct Repeats {
    linked: u32,
    card: u32,
    priced: u32,
    headed: u32,
    prose: u32,
    post: u32,
}

/// Groups every element's element children by tag and class value and
/// keeps the largest groups (each node is visited once, as a child).
fn repeated_siblings(
    dom: &Dom<'_>,
    class_of: &[&str],
    groups_of: &[u32],
    prices: &[u32],
) -> Repeats {
    let post_bits =
        (1 << Group::Post as u8) | (1 << Group::Comment as u8) | (1 << Group::ForumSw as u8);
    let mut out = Repeats::default();
    let mut kinds: Vec<Kind<'_>> = Vec::with_capacity(MAX_KINDS);
    for (i, entry) in dom.nodes.iter().enumerate() {
        if !entry.is_element || entry.tag.is_never_text() || entry.end as usize <= i + 3 {
            continue;
        }
        kinds.clear();
        for c in dom.children(i) {
            let Some(child) = dom.nodes.get(c) else {
                continue;
            };
            if !child.is_element || child.tag.is_never_text() {
                continue;
            }
            let class = class_of.get(c).copied().unwrap_or("");
            let stats = dom.stats.get(c).copied().unwrap_or_default();
            let at = match kinds
                .iter()
                .position(|k| k.tag == child.tag && k.class == class)
            {
                Some(at) => at,
                None if kinds.len() < MAX_KINDS => {
                    kinds.push(Kind {
                        tag: child.tag,
                        class,
                        all: 0,
                        linked: 0,
                        card: 0,
                        priced: 0,
                        headed: 0,
                        prose: 0,
                        post: 0,
                    });
                    kinds.len() - 1
                }
                None => continue,
            };
            let Some(kind) = kinds.get_mut(at) else {
                continue;
            };
            let linked = stats.link_text > 0 && stats.text >= 10;
            kind.all += 1;
            kind.linked += u32::from(linked);
            kind.card += u32::from(linked && stats.images > 0);
            kind.priced += u32::from(prices.get(c).copied().unwrap_or(0) > 0);
            kind.headed += u32::from(linked && stats.headings > 0);
            kind.prose += u32::from(stats.text.saturating_sub(stats.link_text) >= PROSE_ITEM_CHARS);
            kind.post += u32::from(
                groups_of.get(c).copied().unwrap_or(0) & post_bits != 0 && stats.text >= 50,
            );
        }
        for k in &kinds {
            if k.all < MIN_REPEAT {
                continue;
            }
            let keep = |best: &mut u32, v: u32| {
                if v >= MIN_REPEAT && v > *best {
                    *best = v;
                }
            };
            keep(&mut out.linked, k.linked);
            keep(&mut out.card, k.card);
            keep(&mut out.priced, k.priced);
            keep(&mut out.headed, k.headed);
            keep(&mut out.prose, k.prose);
            keep(&mut out.post, k.post);
        }
    }
    out
}
