//! Plain text: headings and blocks separated by blank lines, each list item
//! (nested ones too) and table row on its own line. Written into one
//! buffer: this runs on every page.

use super::for_each_section;
use crate::article::{Block, ListBlock, Section};

/// The plain body text: headings and blocks separated by blank lines.
pub fn text(sections: &[Section]) -> String {
    write(sections, true)
}

/// The text language detection should see: no code, no figures.
pub fn language_text(sections: &[Section]) -> String {
    write(sections, false)
}

fn write(sections: &[Section], with_code: bool) -> String {
    let mut out = String::new();
    for_each_section(sections, |s| {
        if !s.heading.is_empty() {
            separate(&mut out);
            out.push_str(&s.heading);
        }
        for block in &s.blocks {
            match block {
                Block::Figure(_) => continue,
                Block::Code(_) if !with_code => continue,
                _ => {}
            }
            separate(&mut out);
            push_block_text(&mut out, block);
        }
    });
    out
}

/// A blank line between parts.
fn separate(out: &mut String) {
    if !out.is_empty() {
        out.push_str("\n\n");
    }
}

/// Appends the plain text of one block (nothing for a figure).
pub(crate) fn push_block_text(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(p) => out.push_str(&p.text),
        Block::List(l) => push_list(out, l),
        Block::Quote(q) => {
            out.push_str(&q.text);
            if let Some(a) = &q.attribution {
                if !q.text.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(a);
            }
        }
        Block::Table(t) => {
            if let Some(c) = &t.caption {
                out.push_str(c);
                out.push('\n');
            }
            for (n, row) in t.rows.iter().enumerate() {
                if n > 0 {
                    out.push('\n');
                }
                for (k, cell) in row.iter().enumerate() {
                    if k > 0 {
                        out.push('\t');
                    }
                    out.push_str(&cell.text);
                }
            }
        }
        Block::Code(c) => out.push_str(&c.text),
        Block::Figure(_) => {}
    }
}

/// A list's items one per line; an item's blocks joined by spaces, its
/// nested lists' items on lines of their own.
fn push_list(out: &mut String, list: &ListBlock) {
    if list.entries.is_empty() {
        for (n, item) in list.items.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            out.push_str(item);
        }
        return;
    }
    for (n, entry) in list.entries.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut after_list = false;
        for (k, block) in entry.blocks.iter().enumerate() {
            if k > 0 {
                let nested = matches!(block, Block::List(_));
                out.push(if nested || after_list { '\n' } else { ' ' });
            }
            push_block_text(out, block);
            after_list = matches!(block, Block::List(_));
        }
    }
}
