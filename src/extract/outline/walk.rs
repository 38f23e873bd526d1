//! The walk over the content roots: blocks in page order, and the inline
//! content between block boundaries gathered into paragraphs.

#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use super::inline::Mark;
use super::related::is_followable;
use super::{BlockInfo, Event, Walker};
use crate::article::{Block, Paragraph};
use crate::extract::dom::{Tag, measure};
use crate::extract::figures;
use crate::extract::text::{normalize_whitespace, push_normalized};

impl Walker<'_, '_> {
    pub(super) fn walk(&mut self, root: usize) {
        let dom = self.dom;
        let end = dom.nodes[root].end as usize;
        let mut boundaries: Vec<usize> = Vec::new();
        let mut i = root;
        while i < end {
            // Markup closes before the block around it ends, so it does not
            // go on into the next block.
            self.inline.close_until(i);
            while boundaries.last().is_some_and(|&b| b <= i) {
                boundaries.pop();
                self.flush();
            }
            let entry = dom.nodes[i];
            let next = entry.end as usize;
            if let Some(t) = dom.text(i) {
                self.inline.push_text(t);
                i += 1;
                continue;
            }
            if !entry.is_element {
                i += 1;
                continue;
            }
            if self.stands_for_image(i) {
                let before = self.inline.has_text_on_line();
                let block_end = boundaries.last().copied().unwrap_or(end);
                if let Some(image) = self.inline_image(i, block_end, before, false) {
                    // Inside a line of loose text (a `<div>`'s): part of it.
                    self.inline.push_image(image);
                } else {
                    self.flush();
                    self.emit_image(i);
                }
                i = next;
                continue;
            }
            if self.content.excluded[i] {
                if self.images.rescued[i] {
                    // A caption-named wrapper of several images: the images.
                    self.flush();
                    self.emit_images_within(i, next);
                } else {
                    self.collect_related_from_excluded(i);
                }
                i = next;
                continue;
            }
            match entry.tag {
                tag if tag.heading_level().is_some() => {
                    self.flush();
                    self.emit_heading(i, tag.heading_level().unwrap_or(2));
                    self.emit_images_within(i, next);
                    i = next;
                }
                Tag::P => {
                    self.flush();
                    self.gather(i + 1, next);
                    self.flush();
                    i = next;
                }
                Tag::Ul | Tag::Ol | Tag::Dl | Tag::Menu => {
                    self.flush();
                    if self.emit_list(i) {
                        self.emit_images_within(i, next);
                    }
                    i = next;
                }
                Tag::Blockquote => {
                    self.flush();
                    self.emit_quote(i);
                    self.emit_images_within(i, next);
                    i = next;
                }
                Tag::Pre => {
                    self.flush();
                    self.emit_code(i);
                    i = next;
                }
                Tag::Table if self.is_code_table(i) => {
                    self.flush();
                    self.emit_code_table(i);
                    i = next;
                }
                Tag::Table if !self.is_layout_table(i) => {
                    self.flush();
                    self.emit_table(i);
                    self.emit_images_within(i, next);
                    i = next;
                }
                Tag::Br => {
                    self.br();
                    i = next;
                }
                tag if Mark::of(tag).is_some() => {
                    if let Some(mark) = Mark::of(tag) {
                        self.inline.open_mark(mark, next);
                    }
                    i += 1;
                }
                Tag::Hr => {
                    self.flush();
                    i = next;
                }
                Tag::A if self.content.stats[i].images == 0 => {
                    self.gather(i, next);
                    i = next;
                }
                Tag::Time => {
                    let datetime = dom.attr(i, "datetime").map(str::to_owned);
                    let mut text = String::new();
                    self.text_of(i, &mut text);
                    let text = normalize_whitespace(&text);
                    self.inline.time = Some((datetime, text));
                    i += 1;
                }
                tag if tag.is_block() => {
                    self.flush();
                    if self.is_link_cluster(i) {
                        self.collect_links(i);
                        self.emit_linked_images(i, next);
                        i = next;
                    } else {
                        boundaries.push(next);
                        i += 1;
                    }
                }
                _ => i += 1,
            }
        }
        self.inline.close_until(end);
        self.flush();
    }

    /// Appends the inline content of `start..end` (text, links, markup,
    /// breaks).
    fn gather(&mut self, start: usize, end: usize) {
        let dom = self.dom;
        let mut i = start;
        while i < end {
            self.inline.close_until(i);
            let entry = dom.nodes[i];
            if let Some(t) = dom.text(i) {
                self.inline.push_text(t);
                i += 1;
                continue;
            }
            if entry.is_element && self.stands_for_image(i) {
                let before = self.inline.has_text_on_line();
                if let Some(image) = self.inline_image(i, end, before, false) {
                    // An image inside a line of text is part of it.
                    self.inline.push_image(image);
                    i = entry.end as usize;
                    continue;
                }
                // An image on its own ends the text before it.
                self.flush();
                self.emit_image(i);
                i = entry.end as usize;
                continue;
            }
            if entry.is_element && (entry.tag.is_never_text() || self.content.excluded[i]) {
                i = entry.end as usize;
                continue;
            }
            match entry.tag {
                Tag::Br => self.br(),
                Tag::A => {
                    if let Some(href) = dom.attr(i, "href").filter(|h| is_followable(h)) {
                        let url = figures::resolve(self.base, href);
                        let title = dom.attr(i, "title").map(normalize_whitespace);
                        self.inline.open_link(url, title, entry.end as usize);
                    }
                }
                Tag::Time => {
                    let datetime = dom.attr(i, "datetime").map(str::to_owned);
                    let mut text = String::new();
                    self.text_of(i, &mut text);
                    self.inline.time = Some((datetime, normalize_whitespace(&text)));
                }
                tag if tag.is_block() && entry.is_element => self.inline.space(),
                tag => {
                    if let Some(mark) = Mark::of(tag).filter(|_| entry.is_element) {
                        self.inline.open_mark(mark, entry.end as usize);
                    }
                }
            }
            i += 1;
        }
        self.inline.close_until(end);
    }

    /// Appends the text of subtree `i` (never-text and excluded parts left out).
    pub(super) fn text_of(&self, i: usize, out: &mut String) {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let mut j = i;
        while j < end {
            let entry = dom.nodes[j];
            if entry.is_element && (entry.tag.is_never_text() || self.content.excluded[j]) {
                j = entry.end as usize;
                continue;
            }
            if let Some(t) = dom.text(j) {
                push_normalized(out, t);
            } else if entry.is_element && j != i && (entry.tag == Tag::Br || entry.tag.is_block()) {
                out.push(' ');
            }
            j += 1;
        }
    }

    /// One `<br>` is a line break; two in a row end the paragraph.
    fn br(&mut self) {
        if self.inline.line_break() {
            self.flush();
        }
    }

    /// Ends the current run of inline content as a paragraph.
    pub(super) fn flush(&mut self) {
        let Some(run) = self.inline.finish() else {
            return;
        };
        let weight = measure(&run.text).0;
        let info = BlockInfo {
            weight,
            all_link: run.link_weight >= weight,
            link_weight: run.link_weight,
            time: run.time,
        };
        self.events.push(Event::Block {
            block: Block::Paragraph(Paragraph {
                text: run.text,
                links: run.links,
                inlines: run.inlines,
            }),
            info,
        });
    }

    fn emit_heading(&mut self, i: usize, level: u8) {
        let text = self.heading_text(i);
        if text.is_empty() {
            return;
        }
        let anchor = self.dom.attr(i, "id").map(str::to_owned).or_else(|| {
            (i + 1..self.dom.nodes[i].end as usize)
                .find_map(|j| self.dom.attr(j, "id").or_else(|| self.dom.attr(j, "name")))
                .map(str::to_owned)
        });
        let header = self.dom.ancestors(i).find(|&a| {
            self.dom.nodes[a].tag == Tag::Header
                || self.dom.element(a).is_some_and(|e| e.name() == "hgroup")
        });
        self.events.push(Event::Heading {
            level,
            text,
            anchor,
            header,
        });
    }
}
