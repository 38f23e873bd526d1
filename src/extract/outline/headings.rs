//! Heading text without the page's anchors: permalink marks (`¶`, `#`,
//! `[edit]`), edit links and section numbers written as separate elements.

#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use super::Walker;
use crate::extract::dom::Tag;
use crate::extract::text::{normalize_whitespace, push_normalized};

/// Class values of heading permalinks, edit links and section numbers,
/// compared whole: Sphinx and MkDocs `headerlink`, MediaWiki
/// `mw-editsection` and `mw-headline-number`, Docusaurus `hash-link`,
/// VuePress `header-anchor`, anchor.js `anchorjs-link`, GitHub `anchor`.
const HEADING_MARK_CLASSES: &[&str] = &[
    "headerlink",
    "mw-editsection",
    "mw-headline-number",
    "hash-link",
    "header-anchor",
    "anchorjs-link",
    "anchor",
    "permalink",
    "heading-anchor",
];

/// Link texts that are heading marks, not words.
const PERMALINK_TEXTS: &[&str] = &["¶", "#", "§", "🔗", "[edit]", "[ edit ]", "[Bearbeiten]"];

/// Whether a class value holds one of `classes` as a whole
/// whitespace-separated class.
fn has_token_exact(value: &str, classes: &[&str]) -> bool {
    value
        .split_ascii_whitespace()
        .any(|c| classes.iter().any(|k| c.eq_ignore_ascii_case(k)))
}

/// Whether a link's text is only a permalink mark.
fn is_permalink_text(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || PERMALINK_TEXTS.contains(&t) || t.eq_ignore_ascii_case("edit")
}

impl Walker<'_, '_> {
    /// The text of heading `i` without its permalink and edit links
    /// (`¶`, `#`, `[edit]`; Sphinx `headerlink`, MediaWiki
    /// `mw-editsection`, Docusaurus `hash-link`, MkDocs and VuePress
    /// `headerlink`/`header-anchor`) and section numbers written as
    /// separate elements (MediaWiki `mw-headline-number`).
    pub(super) fn heading_text(&self, i: usize) -> String {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let mut out = String::new();
        let mut j = i;
        while j < end {
            let entry = dom.nodes[j];
            if entry.is_element && j != i {
                let named = dom
                    .attr(j, "class")
                    .is_some_and(|c| has_token_exact(c, HEADING_MARK_CLASSES));
                let mark_link = entry.tag == Tag::A && {
                    let mut t = String::new();
                    self.text_of(j, &mut t);
                    is_permalink_text(&t)
                };
                if named || mark_link || entry.tag.is_never_text() || self.content.excluded[j] {
                    j = entry.end as usize;
                    continue;
                }
            }
            if let Some(t) = dom.text(j) {
                push_normalized(&mut out, t);
            } else if entry.is_element && j != i && (entry.tag == Tag::Br || entry.tag.is_block()) {
                out.push(' ');
            }
            j += 1;
        }
        let text = normalize_whitespace(&out);
        // A mark written as text at the end ("Setup ¶", "Setup [edit]").
        let mut text = text.as_str();
        loop {
            let trimmed = PERMALINK_TEXTS
                .iter()
                .find_map(|m| text.strip_suffix(m))
                .map(str::trim_end);
            match trimmed {
                Some(t) if !t.is_empty() => text = t,
                _ => break,
            }
        }
        text.to_owned()
    }
}
