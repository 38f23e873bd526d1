//! Clean HTML: only the tags and attributes the model has (`section`,
//! `h1`-`h6` with `id`, `p`, `a` with `href` and `title`, `em`, `strong`,
//! `code`, `br`, `sub`, `sup`, `img` with `src` and `alt`, lists,
//! `blockquote` with `cite` and `footer`, tables with `caption`, `thead`,
//! `colspan` and `rowspan`, `pre`, `figure`), every text and attribute
//! escaped, every element closed. Links and images whose URL is not a web
//! URL (`javascript:`, `data:` ...) keep their text only.

use std::fmt::Write as _;

use super::{cell_runs, is_safe_url, paragraph_runs};
use crate::article::{Block, Figure, Image, Inline, ListBlock, QuoteBlock, Section, TableBlock};

/// The body as clean HTML (`<article>` of nested `<section>`s).
pub fn html(sections: &[Section]) -> String {
    let mut out = String::from("<article>");
    // Explicit stack: Some(section) opens, None closes.
    let mut stack: Vec<Option<&Section>> = sections
        .iter()
        .rev()
        .flat_map(|s| [None, Some(s)])
        .collect();
    while let Some(item) = stack.pop() {
        let Some(s) = item else {
            out.push_str("</section>");
            continue;
        };
        out.push_str("<section>");
        if !s.heading.is_empty() {
            let level = s.level.clamp(1, 6);
            let _ = write!(out, "<h{level}");
            if let Some(id) = &s.anchor {
                out.push_str(" id=\"");
                escape(&mut out, id);
                out.push('"');
            }
            out.push('>');
            escape(&mut out, &s.heading);
            let _ = write!(out, "</h{level}>");
        }
        blocks(&mut out, &s.blocks);
        for child in s.children.iter().rev() {
            stack.push(None);
            stack.push(Some(child));
        }
    }
    out.push_str("</article>");
    out
}

/// Escapes text for element content and quoted attribute values.
fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(p) => {
                out.push_str("<p>");
                inlines(out, &paragraph_runs(p), false);
                out.push_str("</p>");
            }
            Block::List(l) => list(out, l),
            Block::Quote(q) => quote(out, q),
            Block::Table(t) => table(out, t),
            Block::Code(c) => {
                out.push_str("<pre><code");
                if let Some(lang) = &c.language {
                    out.push_str(" class=\"language-");
                    escape(out, lang);
                    out.push('"');
                }
                out.push('>');
                escape(out, &c.text);
                out.push_str("</code></pre>");
            }
            Block::Figure(f) => figure(out, f),
        }
    }
}

fn list(out: &mut String, l: &ListBlock) {
    let tag = match (l.definitions, l.ordered) {
        (true, _) => "dl",
        (false, true) => "ol",
        (false, false) => "ul",
    };
    let _ = write!(out, "<{tag}>");
    if l.entries.is_empty() {
        for item in &l.items {
            out.push_str("<li>");
            escape(out, item);
            out.push_str("</li>");
        }
    }
    for entry in &l.entries {
        let item = match (l.definitions, entry.is_term) {
            (true, true) => "dt",
            (true, false) => "dd",
            _ => "li",
        };
        let _ = write!(out, "<{item}>");
        // A lone paragraph is the item's text, as a browser shows a tight list.
        match entry.blocks.as_slice() {
            [Block::Paragraph(p)] => inlines(out, &paragraph_runs(p), false),
            more => blocks(out, more),
        }
        let _ = write!(out, "</{item}>");
    }
    let _ = write!(out, "</{tag}>");
}

fn quote(out: &mut String, q: &QuoteBlock) {
    out.push_str("<blockquote");
    if let Some(cite) = q.cite.as_deref().filter(|c| is_safe_url(c, false)) {
        out.push_str(" cite=\"");
        escape(out, cite);
        out.push('"');
    }
    out.push('>');
    if q.blocks.is_empty() && !q.text.is_empty() {
        out.push_str("<p>");
        escape(out, &q.text);
        out.push_str("</p>");
    }
    blocks(out, &q.blocks);
    if let Some(a) = &q.attribution {
        out.push_str("<footer>");
        escape(out, a);
        out.push_str("</footer>");
    }
    out.push_str("</blockquote>");
}

fn table(out: &mut String, t: &TableBlock) {
    out.push_str("<table>");
    if let Some(c) = &t.caption {
        out.push_str("<caption>");
        escape(out, c);
        out.push_str("</caption>");
    }
    let head = usize::try_from(t.header_rows).unwrap_or(usize::MAX);
    for (n, row) in t.rows.iter().enumerate() {
        if n == 0 && head > 0 {
            out.push_str("<thead>");
        }
        if n == head.min(t.rows.len()) {
            out.push_str("<tbody>");
        }
        out.push_str("<tr>");
        for cell in row {
            let tag = if cell.header { "th" } else { "td" };
            let _ = write!(out, "<{tag}");
            if cell.colspan > 1 {
                let _ = write!(out, " colspan=\"{}\"", cell.colspan);
            }
            if cell.rowspan > 1 {
                let _ = write!(out, " rowspan=\"{}\"", cell.rowspan);
            }
            out.push('>');
            inlines(out, &cell_runs(cell), false);
            let _ = write!(out, "</{tag}>");
        }
        out.push_str("</tr>");
        if n + 1 == head.min(t.rows.len()) {
            out.push_str("</thead>");
        }
    }
    if head < t.rows.len() {
        out.push_str("</tbody>");
    }
    out.push_str("</table>");
}

fn figure(out: &mut String, f: &Figure) {
    out.push_str("<figure>");
    image(out, &f.image);
    if f.caption.is_some() || f.credit.is_some() {
        out.push_str("<figcaption>");
        if let Some(c) = &f.caption {
            escape(out, c);
        }
        if let Some(c) = &f.credit {
            out.push_str(" <small>");
            escape(out, c);
            out.push_str("</small>");
        }
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>");
}

fn image(out: &mut String, image: &Image) {
    if !is_safe_url(&image.src, true) {
        return;
    }
    out.push_str("<img src=\"");
    escape(out, &image.src);
    out.push('"');
    if let Some(alt) = &image.alt {
        out.push_str(" alt=\"");
        escape(out, alt);
        out.push('"');
    }
    out.push('>');
}

/// Inline runs; inside a link (`in_link`), links keep their text only, as
/// HTML does not nest them.
fn inlines(out: &mut String, runs: &[Inline], in_link: bool) {
    for run in runs {
        match run {
            Inline::Text(t) => escape(out, t),
            Inline::Link(l) => {
                if in_link || !is_safe_url(&l.url, false) {
                    inlines(out, &l.children, in_link);
                    continue;
                }
                out.push_str("<a href=\"");
                escape(out, &l.url);
                out.push('"');
                if let Some(title) = &l.title {
                    out.push_str(" title=\"");
                    escape(out, title);
                    out.push('"');
                }
                out.push('>');
                inlines(out, &l.children, true);
                out.push_str("</a>");
            }
            Inline::Emphasis(c) => wrap(out, "em", c, in_link),
            Inline::Strong(c) => wrap(out, "strong", c, in_link),
            Inline::Subscript(c) => wrap(out, "sub", c, in_link),
            Inline::Superscript(c) => wrap(out, "sup", c, in_link),
            Inline::Code(code) => {
                out.push_str("<code>");
                escape(out, code);
                out.push_str("</code>");
            }
            Inline::LineBreak => out.push_str("<br>"),
            Inline::Image(i) => image(out, i),
        }
    }
}

fn wrap(out: &mut String, tag: &str, children: &[Inline], in_link: bool) {
    let _ = write!(out, "<{tag}>");
    inlines(out, children, in_link);
    let _ = write!(out, "</{tag}>");
}
