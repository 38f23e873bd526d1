//! Lists, quotations and tables: blocks whose content is itself blocks or
//! inline runs. A list item holds blocks (paragraphs, nested lists, code),
//! a quotation its paragraphs and a separate attribution, a table cell its
//! inline runs and its spans. Every word of the element's text is kept in
//! its blocks: nothing inside is taken for boilerplate.

#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use super::inline::{Mark, Pending, Run};
use super::related::is_followable;
use super::{BlockInfo, Event, MAX_BYLINE_ITEM, SUBSTANTIAL_TEXT, Walker};
use crate::article::{Block, ListBlock, ListItem, Paragraph, QuoteBlock, TableBlock, TableCell};
use crate::extract::dom::{Dom, Tag, measure};
use crate::extract::figures;
use crate::extract::render::push_block_text;
use crate::extract::text::{normalize_whitespace, push_normalized};

/// Deepest nesting of lists and quotations kept; deeper ones are read as
/// paragraphs. Each level is three wire messages, and decoders refuse
/// messages nested past about 100.
const MAX_NESTING: usize = 8;

/// Longest attribution kept apart (weighted characters): a longer
/// `<footer>` is not a credit line.
const MAX_ATTRIBUTION: u32 = 200;

/// The HTML limits of `colspan` and `rowspan`.
const MAX_COLSPAN: u32 = 1000;
const MAX_ROWSPAN: u32 = 65534;

impl Walker<'_, '_> {
    /// Emits list `i`; false when it was a link cluster (its links went to
    /// the related links).
    pub(super) fn emit_list(&mut self, i: usize) -> bool {
        if self.is_link_cluster(i) {
            self.collect_links(i);
            let end = self.dom.nodes[i].end as usize;
            self.emit_linked_images(i, end);
            return false;
        }
        let Some(list) = self.list_block(i, 0) else {
            return true;
        };
        let weight: u32 = list.items.iter().map(|t| measure(t).0).sum();
        let short = list.items.iter().all(|t| measure(t).0 <= MAX_BYLINE_ITEM);
        self.events.push(Event::Block {
            block: Block::List(list),
            info: BlockInfo {
                weight: if short {
                    weight.min(SUBSTANTIAL_TEXT - 1)
                } else {
                    weight
                },
                ..BlockInfo::default()
            },
        });
        true
    }

    /// List `i` (`ul`, `ol`, `menu`, `dl`) with its items as blocks; `None`
    /// when no item has text.
    fn list_block(&mut self, i: usize, depth: usize) -> Option<ListBlock> {
        let dom = self.dom;
        let mut items = Vec::new();
        let mut entries = Vec::new();
        let mut text = String::new();
        for child in list_items(dom, i) {
            let tag = dom.nodes[child].tag;
            if self.content.excluded[child] {
                continue;
            }
            let end = dom.nodes[child].end as usize;
            let blocks = self.nested_blocks(child + 1, end, depth, None);
            text.clear();
            for block in &blocks {
                if !text.is_empty() {
                    text.push(' ');
                }
                push_block_text(&mut text, block);
            }
            let text = normalize_whitespace(&text);
            if !text.is_empty() {
                items.push(text);
                entries.push(ListItem {
                    blocks,
                    is_term: tag == Tag::Dt,
                });
            }
        }
        if items.is_empty() {
            return None;
        }
        Some(ListBlock {
            ordered: dom.nodes[i].tag == Tag::Ol,
            items,
            entries,
            definitions: dom.nodes[i].tag == Tag::Dl,
        })
    }

    pub(super) fn emit_quote(&mut self, i: usize) {
        let Some(quote) = self.quote_block(i, 0) else {
            return;
        };
        let weight =
            measure(&quote.text).0 + quote.attribution.as_deref().map_or(0, |a| measure(a).0);
        self.events.push(Event::Block {
            block: Block::Quote(quote),
            info: BlockInfo {
                weight,
                ..BlockInfo::default()
            },
        });
    }

    /// Quotation `i`: its blocks, and its attribution (a `<footer>` or
    /// `<cite>` child, as the HTML specification's examples write it) apart.
    fn quote_block(&mut self, i: usize, depth: usize) -> Option<QuoteBlock> {
        let dom = self.dom;
        // Read even when the clean stage took the `<footer>` for the page's.
        let footer = dom
            .children(i)
            .find(|&c| matches!(dom.nodes[c].tag, Tag::Footer | Tag::Cite));
        let attribution = footer
            .map(|f| {
                let mut text = String::new();
                for j in f..dom.nodes[f].end as usize {
                    if let Some(t) = dom.text(j) {
                        push_normalized(&mut text, t);
                    }
                }
                normalize_whitespace(&text)
            })
            .filter(|a| !a.is_empty() && measure(a).0 <= MAX_ATTRIBUTION);
        let end = dom.nodes[i].end as usize;
        let blocks = self.nested_blocks(i + 1, end, depth, footer);
        let mut text = String::new();
        for block in &blocks {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            push_block_text(&mut text, block);
        }
        if text.trim().is_empty() && attribution.is_none() {
            return None;
        }
        let cite = dom.attr(i, "cite").map(|c| figures::resolve(self.base, c));
        Some(QuoteBlock {
            text,
            cite,
            blocks,
            attribution,
        })
    }

    /// The blocks of `start..end`, the content of a list item or a
    /// quotation: paragraphs of inline runs, nested lists and quotations,
    /// code. `skip` is a node left out (a quotation's attribution).
    fn nested_blocks(
        &mut self,
        start: usize,
        end: usize,
        depth: usize,
        skip: Option<usize>,
    ) -> Vec<Block> {
        let dom = self.dom;
        let mut out = Vec::new();
        let mut pending = Pending::default();
        let mut boundaries: Vec<usize> = Vec::new();
        let mut i = start;
        while i < end {
            pending.close_until(i);
            while boundaries.last().is_some_and(|&b| b <= i) {
                boundaries.pop();
                push_paragraph(&mut out, &mut pending);
            }
            let entry = dom.nodes[i];
            if let Some(t) = dom.text(i) {
                pending.push_text(t);
                i += 1;
                continue;
            }
            let next = entry.end as usize;
            if !entry.is_element {
                i += 1;
                continue;
            }
            if !self.content.excluded[i] && skip != Some(i) && self.stands_for_image(i) {
                let before = pending.has_text_on_line();
                if let Some(image) = self.inline_image(i, end, before, true) {
                    // An image inside a line of an item's text is part of
                    // it; others are figures after the list.
                    pending.push_image(image);
                    i = next;
                    continue;
                }
            }
            if entry.tag.is_never_text() || self.content.excluded[i] || skip == Some(i) {
                i = next;
                continue;
            }
            let nested = depth + 1 < MAX_NESTING;
            match entry.tag {
                Tag::Ul | Tag::Ol | Tag::Dl | Tag::Menu if nested => {
                    push_paragraph(&mut out, &mut pending);
                    if let Some(list) = self.list_block(i, depth + 1) {
                        out.push(Block::List(list));
                        i = next;
                        continue;
                    }
                    // A list holding no items but text (`<ul><i>...</i></ul>`,
                    // an old way to indent): its text is a paragraph.
                    boundaries.push(next);
                }
                Tag::Blockquote if nested => {
                    push_paragraph(&mut out, &mut pending);
                    out.extend(self.quote_block(i, depth + 1).map(Block::Quote));
                    i = next;
                    continue;
                }
                Tag::Pre => {
                    push_paragraph(&mut out, &mut pending);
                    out.extend(self.code_block(i).map(Block::Code));
                    i = next;
                    continue;
                }
                Tag::Br => {
                    if pending.line_break() {
                        push_paragraph(&mut out, &mut pending);
                    }
                }
                Tag::A => self.open_link(&mut pending, i),
                tag if tag.is_block() => {
                    push_paragraph(&mut out, &mut pending);
                    boundaries.push(next);
                }
                tag => {
                    if let Some(mark) = Mark::of(tag) {
                        pending.open_mark(mark, next);
                    }
                }
            }
            i += 1;
        }
        pending.close_until(end);
        push_paragraph(&mut out, &mut pending);
        out
    }

    /// The inline runs of `start..end`, block elements read as spaces (a
    /// table cell's content).
    fn inline_runs(&mut self, start: usize, end: usize) -> Option<Run> {
        let dom = self.dom;
        let mut pending = Pending::default();
        let mut i = start;
        while i < end {
            pending.close_until(i);
            let entry = dom.nodes[i];
            if let Some(t) = dom.text(i) {
                pending.push_text(t);
                i += 1;
                continue;
            }
            if !entry.is_element {
                i += 1;
                continue;
            }
            if !self.content.excluded[i] && self.stands_for_image(i) {
                let before = pending.has_text_on_line();
                if let Some(image) = self.inline_image(i, end, before, true) {
                    pending.push_image(image);
                    i = entry.end as usize;
                    continue;
                }
            }
            if entry.tag.is_never_text() || self.content.excluded[i] {
                i = entry.end as usize;
                continue;
            }
            match entry.tag {
                Tag::Br => {
                    // Two in a row are one break: a cell is one block.
                    let _ = pending.line_break();
                }
                Tag::A => self.open_link(&mut pending, i),
                tag if tag.is_block() => pending.space(),
                tag => {
                    if let Some(mark) = Mark::of(tag) {
                        pending.open_mark(mark, entry.end as usize);
                    }
                }
            }
            i += 1;
        }
        pending.close_until(end);
        pending.finish()
    }

    /// Opens the link of `<a>` element `i` when it leads somewhere.
    fn open_link(&self, pending: &mut Pending, i: usize) {
        let dom = self.dom;
        if let Some(href) = dom.attr(i, "href").filter(|h| is_followable(h)) {
            let url = figures::resolve(self.base, href);
            let title = dom.attr(i, "title").map(normalize_whitespace);
            pending.open_link(url, title, dom.nodes[i].end as usize);
        }
    }

    /// Tables that lay out the page rather than hold data.
    pub(super) fn is_layout_table(&self, i: usize) -> bool {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let nested = (i + 1..end).any(|j| dom.nodes[j].tag == Tag::Table);
        let stats = &self.content.stats[i];
        nested
            || stats.paragraphs >= 2
            || stats.headings > 0
            || self.containers.keys().any(|&c| c > i && c < end)
    }

    pub(super) fn emit_table(&mut self, i: usize) {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let mut rows = Vec::new();
        let mut caption = None;
        let mut header_rows = 0;
        let mut in_header = true;
        let mut j = i + 1;
        while j < end {
            match dom.nodes[j].tag {
                Tag::Tr => {
                    let mut cells = Vec::new();
                    for cell in dom.children(j) {
                        let tag = dom.nodes[cell].tag;
                        if matches!(tag, Tag::Td | Tag::Th) {
                            cells.push(self.table_cell(cell, tag == Tag::Th));
                        }
                    }
                    if cells.iter().any(|c| !c.text.is_empty()) {
                        let parent = dom.nodes[j].parent as usize;
                        let head = dom.nodes.get(parent).is_some_and(|p| p.tag == Tag::Thead)
                            || cells.iter().all(|c| c.header);
                        in_header &= head;
                        if in_header {
                            header_rows += 1;
                        }
                        rows.push(cells);
                    }
                    j = dom.nodes[j].end as usize;
                }
                Tag::Caption => {
                    let mut text = String::new();
                    self.text_of(j, &mut text);
                    caption = Some(normalize_whitespace(&text)).filter(|c| !c.is_empty());
                    j = dom.nodes[j].end as usize;
                }
                _ => j += 1,
            }
        }
        if rows.is_empty() {
            return;
        }
        let weight = self.content.stats[i].text;
        self.events.push(Event::Block {
            block: Block::Table(TableBlock {
                rows,
                caption,
                header_rows,
            }),
            info: BlockInfo {
                weight,
                ..BlockInfo::default()
            },
        });
    }

    /// Cell `i` with its runs and spans.
    fn table_cell(&mut self, i: usize, header: bool) -> TableCell {
        let dom = self.dom;
        let span = |name: &str, max: u32| {
            dom.attr(i, name)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .map_or(1, |n| n.clamp(1, max))
        };
        let (text, inlines) = self
            .inline_runs(i + 1, dom.nodes[i].end as usize)
            .map(|run| (run.text, run.inlines))
            .unwrap_or_default();
        TableCell {
            text,
            header,
            inlines,
            colspan: span("colspan", MAX_COLSPAN),
            rowspan: span("rowspan", MAX_ROWSPAN),
        }
    }
}

/// Ends the pending inline content as a paragraph of `out`.
fn push_paragraph(out: &mut Vec<Block>, pending: &mut Pending) {
    if let Some(run) = pending.finish() {
        out.push(Block::Paragraph(Paragraph {
            text: run.text,
            links: run.links,
            inlines: run.inlines,
        }));
    }
}

/// How many levels of `<div>` wrappers and stray lists [`list_items`]
/// looks through.
const LIST_WRAPPER_LEVELS: usize = 3;

/// The items of list `i`: its `li`, `dt` and `dd` children, and those of
/// the `<div>` wrappers and stray lists between, at most
/// [`LIST_WRAPPER_LEVELS`] deep (the HTML standard lets a `<div>` group a
/// term and its definitions in a `<dl>`; component libraries wrap list
/// items in `<div>`s inside a `<ul>`, and rich-text editors nest a `<ul>`
/// straight in a `<ul>`; browsers render all of them as items).
fn list_items(dom: &Dom<'_>, i: usize) -> Vec<usize> {
    let mut items = Vec::new();
    push_list_items(dom, i, LIST_WRAPPER_LEVELS, &mut items);
    items
}

fn push_list_items(dom: &Dom<'_>, i: usize, levels: usize, items: &mut Vec<usize>) {
    for child in dom.children(i) {
        match dom.nodes[child].tag {
            Tag::Li | Tag::Dt | Tag::Dd => items.push(child),
            Tag::Div | Tag::Ul | Tag::Ol if levels > 0 => {
                push_list_items(dom, child, levels - 1, items);
            }
            _ => {}
        }
    }
}
