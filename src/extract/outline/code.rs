//! Code blocks: the text of a `<pre>` with its line structure, whatever the
//! highlighter made of the lines (newlines, `<br>`, one element per line,
//! a table of line numbers beside the code), without line numbers and
//! copy-button text, and the language its classes name.

#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use super::{BlockInfo, Event, Walker};
use crate::article::{Block, CodeBlock};
use crate::extract::dom::{Tag, measure};
use crate::extract::vocabulary::DATA_LANG_ATTRS;

/// Class values of line-number gutters, compared whole: Pygments
/// `linenos`/`linenodiv`, Rouge `rouge-gutter`/`lineno`, Hexo and
/// highlight.js `gutter`/`hljs-ln-numbers`, Prism `line-numbers-rows`,
/// react-syntax-highlighter `linenumber`, and the common `line-number(s)`
/// on gutter elements.
const LINE_NUMBER_CLASSES: &[&str] = &[
    "linenos",
    "linenodiv",
    "lineno",
    "rouge-gutter",
    "gutter",
    "hljs-ln-numbers",
    "line-numbers-rows",
    "linenumber",
    "react-syntax-highlighter-line-number",
    "line-number",
    "code-line-number",
];

/// Class values of inline elements that hold one line of code each, made
/// blocks by the highlighter's CSS: Shiki's `line` (VitePress, Astro,
/// Nuxt Content, Tailwind's docs), Docusaurus's `token-line`, Expressive
/// Code's `ec-line`, Prism's `code-line`.
const LINE_CLASSES: &[&str] = &["line", "token-line", "ec-line", "code-line"];

/// Class values of copy buttons that are not `<button>`s.
const COPY_CLASSES: &[&str] = &[
    "copy",
    "copy-button",
    "copy-code-button",
    "code-copy-button",
    "copy-to-clipboard",
    "clipboard",
    "btn-copy",
    "copybtn",
];

/// Language names that say there is none.
const NO_LANGUAGE: &[&str] = &[
    "none",
    "text",
    "plaintext",
    "plain",
    "nohighlight",
    "default",
    "txt",
];

/// Whether a class value holds one of `classes` as a whole class.
fn has_class(value: &str, classes: &[&str]) -> bool {
    value
        .split_ascii_whitespace()
        .any(|c| classes.iter().any(|k| c.eq_ignore_ascii_case(k)))
}

impl Walker<'_, '_> {
    pub(super) fn emit_code(&mut self, i: usize) {
        let Some(code) = self.code_block(i) else {
            return;
        };
        let weight = measure(&code.text).0;
        self.events.push(Event::Block {
            block: Block::Code(code),
            info: BlockInfo {
                weight,
                ..BlockInfo::default()
            },
        });
    }

    /// Whether element `i` is a line-number gutter or a copy button.
    fn is_code_chrome(&self, i: usize) -> bool {
        self.dom
            .attr(i, "class")
            .is_some_and(|c| has_class(c, LINE_NUMBER_CLASSES) || has_class(c, COPY_CLASSES))
    }

    /// A table that lays out code beside its line numbers (Pygments
    /// `linenos=table`, Rouge, Hexo): it holds a `<pre>`.
    pub(super) fn is_code_table(&self, i: usize) -> bool {
        let end = self.dom.nodes[i].end as usize;
        (i + 1..end).any(|j| self.dom.nodes[j].tag == Tag::Pre)
    }

    /// Emits the code of a code table, its gutters left out.
    pub(super) fn emit_code_table(&mut self, i: usize) {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let mut j = i + 1;
        while j < end {
            let entry = dom.nodes[j];
            if entry.is_element && (self.is_code_chrome(j) || self.content.excluded[j]) {
                j = entry.end as usize;
                continue;
            }
            if entry.tag == Tag::Pre {
                self.emit_code(j);
                j = entry.end as usize;
                continue;
            }
            j += 1;
        }
    }

    /// The code of `<pre>` element `i`, or `None` when it holds no text.
    pub(super) fn code_block(&self, i: usize) -> Option<CodeBlock> {
        if self.is_code_chrome(i) {
            return None;
        }
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let mut text = String::new();
        // Ends of the block elements open around the text: each line of
        // a highlighter that writes lines as elements ends with one.
        let mut blocks: Vec<usize> = Vec::new();
        let mut new_line = false;
        let mut j = i + 1;
        while j < end {
            while blocks.last().is_some_and(|&b| b <= j) {
                blocks.pop();
                new_line = true;
            }
            let entry = dom.nodes[j];
            if let Some(t) = dom.text(j) {
                if new_line && !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                new_line = false;
                text.push_str(t);
                j += 1;
                continue;
            }
            if entry.is_element {
                if entry.tag.is_never_text() || self.is_code_chrome(j) {
                    j = entry.end as usize;
                    continue;
                }
                if entry.tag == Tag::Br {
                    text.push('\n');
                    new_line = false;
                } else if entry.tag.is_block()
                    || dom
                        .attr(j, "class")
                        .is_some_and(|c| has_class(c, LINE_CLASSES))
                {
                    new_line = true;
                    blocks.push(entry.end as usize);
                }
            }
            j += 1;
        }
        let text = text.trim_matches('\n').trim_end().to_owned();
        if text.trim().is_empty() {
            return None;
        }
        Some(CodeBlock {
            text,
            language: self.code_language(i),
        })
    }

    /// The language the classes of `<pre>` `i`, its `<code>` or the
    /// highlighter's wrappers a few levels above name: `language-rust`, `lang-rust`
    /// (Prism, highlight.js, CommonMark renderers), `highlight-rust` (Sphinx,
    /// GitHub's `highlight-source-rust`), `brush: rust` (SyntaxHighlighter),
    /// or a `data-lang` attribute.
    fn code_language(&self, i: usize) -> Option<String> {
        let dom = self.dom;
        let end = dom.nodes[i].end as usize;
        let inner = (i..end).filter(|&j| matches!(dom.nodes[j].tag, Tag::Pre | Tag::Code));
        // Sphinx's `highlight-*` wrapper stands six levels above the `<pre>`
        // of a Pygments line-number table (`td`, `tr`, `tbody`, `table`).
        let around = dom.ancestors(i).take(6);
        inner.chain(around).find_map(|j| {
            let named = dom.attr(j, "class").and_then(class_language);
            named.or_else(|| {
                DATA_LANG_ATTRS
                    .iter()
                    .find_map(|a| dom.attr(j, a))
                    .and_then(|l| known_language(l.trim()))
            })
        })
    }
}

/// The language a class value names.
fn class_language(class: &str) -> Option<String> {
    let mut tokens = class.split_ascii_whitespace();
    while let Some(token) = tokens.next() {
        let named = if let Some(rest) = token.strip_prefix("brush:") {
            if rest.is_empty() {
                tokens.next().unwrap_or_default()
            } else {
                rest
            }
        } else if let Some(rest) = token
            .strip_prefix("language-")
            .or_else(|| token.strip_prefix("lang-"))
        {
            rest
        } else if let Some(rest) = token.strip_prefix("highlight-") {
            rest.strip_prefix("source-").unwrap_or(rest)
        } else {
            continue;
        };
        if let Some(language) = known_language(named.trim_end_matches(';')) {
            return Some(language);
        }
    }
    None
}

/// A language name worth reporting: not empty, not one that means none,
/// and only the characters language names use.
fn known_language(name: &str) -> Option<String> {
    let plausible = !name.is_empty()
        && name.len() <= 32
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '#' | '.'))
        && !NO_LANGUAGE.iter().any(|n| name.eq_ignore_ascii_case(n));
    plausible.then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_every_highlighter_convention() {
        assert_eq!(class_language("language-rust").as_deref(), Some("rust"));
        assert_eq!(class_language("x lang-py").as_deref(), Some("py"));
        assert_eq!(
            class_language("highlight highlight-source-js").as_deref(),
            Some("js")
        );
        assert_eq!(
            class_language("brush: php; gutter: false").as_deref(),
            Some("php")
        );
        assert_eq!(class_language("brush:ruby;").as_deref(), Some("ruby"));
        assert_eq!(class_language("highlight-default notranslate"), None);
        assert_eq!(class_language("language-<script>"), None);
    }
}
