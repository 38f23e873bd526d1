//! CommonMark, with GFM tables, from the section tree. The output is safe
//! to feed a Markdown renderer that allows raw HTML:
//!
//! - every character of text that CommonMark could read as markup is
//!   backslash-escaped (`\ ` `` ` `` `* _ [ ] < > | ~`, `!` before a link,
//!   `&` before an entity name, and at a line start `# - + =` and the `.`
//!   or `)` of a number), so text never becomes markup or HTML;
//! - links and images are written only for web URLs ([`super::is_safe_url`]),
//!   destinations in `<...>` when they hold spaces or parentheses;
//! - emphasis is written only where CommonMark's flanking rules make it
//!   emphasis again, else its text stays plain;
//! - code spans and fences are longer than any backtick run inside;
//! - list items are indented by their marker's width, so lists nest, and
//!   two lists in a row change marker so they stay two;
//! - tables are GFM, with a header row (empty when the table has none),
//!   pipes escaped, column spans as empty cells.
//!
//! A hand-written writer rather than `pulldown-cmark-to-cmark`: that crate
//! escapes a fixed set of characters anywhere but not line-start markers
//! (`1. `, `- `, `+ `), entities nor `!` before a link, so its output for
//! arbitrary text does not always parse back to the same text (the tests
//! parse this writer's output back with `pulldown-cmark`).

use std::fmt::Write as _;

use super::{cell_runs, for_each_section, is_safe_url, paragraph_runs};
use crate::article::{
    Block, CodeBlock, Figure, Image, Inline, ListBlock, ListItem, Paragraph, QuoteBlock, Section,
    TableBlock,
};

/// Most empty cells added for column and row spans, per real cell: a few
/// cells with huge spans cannot blow a table up.
const MAX_SPAN_CELLS_PER_CELL: usize = 4;

/// The body as Markdown; with `title`, opened by it as a level-one heading.
pub fn markdown(sections: &[Section], title: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
        heading(&mut out, 1, title);
    }
    for_each_section(sections, |s| {
        if !s.heading.is_empty() {
            separate(&mut out);
            heading(&mut out, s.level.clamp(1, 6), &s.heading);
        }
        separate(&mut out);
        blocks(&mut out, &s.blocks);
        let len = out.trim_end_matches('\n').len();
        out.truncate(len);
    });
    out
}

fn separate(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

fn heading(out: &mut String, level: u8, text: &str) {
    for _ in 0..level {
        out.push('#');
    }
    out.push(' ');
    let mut escaped = String::new();
    escape_text(&mut escaped, text, false);
    // A `#` anywhere could close the heading.
    out.push_str(&escaped.replace('#', "\\#"));
}

/// The blocks of one container, separated by blank lines.
fn blocks(out: &mut String, blocks: &[Block]) {
    let mut last_list: Option<char> = None;
    for block in blocks {
        let mut s = String::new();
        let mut marker = None;
        match block {
            Block::Paragraph(p) => paragraph(&mut s, &paragraph_runs(p)),
            Block::List(l) => {
                let m = list_marker(l, last_list);
                list(&mut s, l, m);
                marker = Some(m);
            }
            Block::Quote(q) => quote(&mut s, q),
            Block::Table(t) => table(&mut s, t),
            Block::Code(c) => code(&mut s, c),
            Block::Figure(f) => figure(&mut s, f),
        }
        if s.is_empty() {
            continue;
        }
        last_list = marker;
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str("\n\n");
        }
        out.push_str(&s);
    }
}

/// The marker of a list: two lists in a row would merge into one unless
/// their markers differ.
fn list_marker(l: &ListBlock, last: Option<char>) -> char {
    match (l.ordered && !l.definitions, last) {
        (true, Some('.')) => ')',
        (true, _) => '.',
        (false, Some('-')) => '*',
        (false, _) => '-',
    }
}

fn list(out: &mut String, l: &ListBlock, marker: char) {
    let synthetic: Vec<ListItem>;
    let entries = if l.entries.is_empty() {
        synthetic = l
            .items
            .iter()
            .map(|t| ListItem {
                blocks: vec![Block::Paragraph(Paragraph {
                    text: t.clone(),
                    ..Paragraph::default()
                })],
                is_term: false,
            })
            .collect();
        &synthetic
    } else {
        &l.entries
    };
    let loose = entries.iter().any(|e| e.blocks.len() > 1);
    let ordered = l.ordered && !l.definitions;
    for (n, entry) in entries.iter().enumerate() {
        let mark = if ordered {
            format!("{}{marker}", n + 1)
        } else {
            marker.to_string()
        };
        let mut body = String::new();
        if l.definitions && entry.is_term {
            // A term reads as strong text: Markdown has no definition lists.
            if let [Block::Paragraph(p)] = entry.blocks.as_slice() {
                paragraph(&mut body, &[Inline::Strong(paragraph_runs(p).into_owned())]);
            } else {
                blocks(&mut body, &entry.blocks);
            }
        } else {
            blocks(&mut body, &entry.blocks);
        }
        if n > 0 {
            out.push_str(if loose { "\n\n" } else { "\n" });
        }
        let indent = " ".repeat(mark.len() + 1);
        out.push_str(&mark);
        if body.is_empty() {
            continue;
        }
        out.push(' ');
        prefix_lines(out, &body, "", &indent);
    }
}

/// Appends `body` with every line after the first prefixed by `rest`
/// (blank lines by `rest` trimmed), the first by `first`.
fn prefix_lines(out: &mut String, body: &str, first: &str, rest: &str) {
    for (n, line) in body.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let prefix = if n == 0 { first } else { rest };
        if line.is_empty() {
            out.push_str(prefix.trim_end());
        } else {
            out.push_str(prefix);
            out.push_str(line);
        }
    }
}

fn quote(out: &mut String, q: &QuoteBlock) {
    let mut body = String::new();
    if q.blocks.is_empty() && !q.text.is_empty() {
        paragraph(&mut body, &[Inline::Text(q.text.clone())]);
    }
    blocks(&mut body, &q.blocks);
    if let Some(a) = &q.attribution {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        paragraph(&mut body, &[Inline::Text(a.clone())]);
    }
    if body.is_empty() {
        return;
    }
    prefix_lines(out, &body, "> ", "> ");
}

fn code(out: &mut String, c: &CodeBlock) {
    let fence = "`".repeat(longest_run(&c.text, '`').max(2) + 1);
    out.push_str(&fence);
    if let Some(lang) = c.language.as_deref().filter(|l| {
        l.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '#' | '.'))
    }) {
        out.push_str(lang);
    }
    out.push('\n');
    out.push_str(&c.text);
    out.push('\n');
    out.push_str(&fence);
}

fn longest_run(s: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for x in s.chars() {
        if x == c {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

fn figure(out: &mut String, f: &Figure) {
    let mut runs = Vec::new();
    if is_safe_url(&f.image.src, true) {
        runs.push(Inline::Image(f.image.clone()));
    }
    let caption = [f.caption.as_deref(), f.credit.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !caption.trim().is_empty() {
        if !runs.is_empty() {
            runs.push(Inline::LineBreak);
        }
        runs.push(Inline::Emphasis(vec![Inline::Text(caption)]));
    }
    paragraph(out, &runs);
}

fn table(out: &mut String, t: &TableBlock) {
    if let Some(c) = &t.caption {
        paragraph(out, &[Inline::Text(c.clone())]);
        out.push_str("\n\n");
    }
    let real: usize = t.rows.iter().map(Vec::len).sum();
    let mut budget = real.saturating_mul(MAX_SPAN_CELLS_PER_CELL);
    // Rows still covered by a cell above, per column.
    let mut covered: Vec<u32> = Vec::new();
    let mut grid: Vec<Vec<String>> = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let mut line = Vec::with_capacity(row.len());
        let mut col = 0;
        for cell in row {
            fill_covered(&mut line, &mut col, &mut covered, &mut budget);
            let mut s = String::new();
            inlines(&mut s, &cell_runs(cell), Ctx::TABLE, None);
            line.push(s);
            let span = usize::try_from(cell.colspan.max(1)).unwrap_or(1);
            for k in 0..span {
                if k > 0 {
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                    line.push(String::new());
                }
                if covered.len() <= col + k {
                    covered.resize(col + k + 1, 0);
                }
                if let Some(c) = covered.get_mut(col + k) {
                    *c = cell.rowspan.saturating_sub(1);
                }
            }
            col = line.len();
        }
        fill_covered(&mut line, &mut col, &mut covered, &mut budget);
        for c in covered.iter_mut().skip(col) {
            *c = c.saturating_sub(1);
        }
        grid.push(line);
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut rows = grid.iter();
    let header = if t.header_rows > 0 { rows.next() } else { None };
    let empty = Vec::new();
    table_row(out, header.unwrap_or(&empty), width);
    out.push('\n');
    out.push('|');
    for _ in 0..width {
        out.push_str(" --- |");
    }
    for row in rows {
        out.push('\n');
        table_row(out, row, row.len());
    }
}

/// Empty cells for the columns a cell above still covers, from `col` on.
fn fill_covered(line: &mut Vec<String>, col: &mut usize, covered: &mut [u32], budget: &mut usize) {
    while *budget > 0 {
        let Some(c) = covered.get_mut(*col).filter(|c| **c > 0) else {
            break;
        };
        *c -= 1;
        *budget -= 1;
        line.push(String::new());
        *col += 1;
    }
}

fn table_row(out: &mut String, cells: &[String], width: usize) {
    out.push('|');
    for n in 0..width {
        out.push(' ');
        if let Some(c) = cells.get(n) {
            out.push_str(c);
        }
        out.push_str(" |");
    }
}

/// Where inline runs stand.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    /// Inside a link's text: links inside keep their text only.
    in_link: bool,
    /// Inside a table cell: no line breaks, and pipes escaped in code too.
    in_table: bool,
}

impl Ctx {
    const BLOCK: Ctx = Ctx {
        in_link: false,
        in_table: false,
    };
    const TABLE: Ctx = Ctx {
        in_link: false,
        in_table: true,
    };
}

/// A paragraph: its runs, each line's opening escaped.
fn paragraph(out: &mut String, runs: &[Inline]) {
    let mut s = String::new();
    inlines(&mut s, runs, Ctx::BLOCK, None);
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        escape_line_start(out, line);
    }
}

/// Escapes what would open a block at a line start: a heading, a list
/// item, a thematic break or setext underline.
fn escape_line_start(out: &mut String, line: &str) {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after_digits = line.get(digits..).unwrap_or_default();
    if digits > 0 && digits <= 9 && after_digits.starts_with(['.', ')']) {
        out.push_str(line.get(..digits).unwrap_or_default());
        out.push('\\');
        out.push_str(after_digits);
    } else if line.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
        out.push_str(line);
    } else {
        out.push_str(line);
    }
}

/// Whether `c` counts as punctuation for CommonMark's flanking rules
/// (Unicode punctuation and symbols; approximated as neither alphanumeric
/// nor whitespace).
fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// The character a run starts with once written (a stand-in of the same
/// class for flanking: `*` for markup, `[` for links).
fn first_char(run: &Inline) -> Option<char> {
    match run {
        Inline::Text(t) => t.chars().next(),
        Inline::Link(_) => Some('['),
        Inline::Image(_) => Some('!'),
        Inline::Code(_) => Some('`'),
        Inline::LineBreak => Some('\\'),
        Inline::Emphasis(_) | Inline::Strong(_) => Some('*'),
        Inline::Subscript(c) | Inline::Superscript(c) => c.first().and_then(first_char),
    }
}

/// Appends inline runs; `after` is the character that follows them.
fn inlines(out: &mut String, runs: &[Inline], ctx: Ctx, after: Option<char>) {
    let mut pending_code = String::new();
    for (n, run) in runs.iter().enumerate() {
        let next = match runs.get(n + 1) {
            Some(r) => first_char(r),
            None => after,
        };
        match run {
            Inline::Text(t) => {
                escape_text(out, t, matches!(next, Some('[' | '!')));
            }
            Inline::Link(l) => {
                if ctx.in_link || !is_safe_url(&l.url, false) {
                    inlines(out, &l.children, ctx, next);
                    continue;
                }
                let mut text = String::new();
                let inner = Ctx {
                    in_link: true,
                    ..ctx
                };
                inlines(&mut text, &l.children, inner, Some(']'));
                if text.is_empty() {
                    continue;
                }
                out.push('[');
                out.push_str(&text);
                out.push_str("](");
                destination(out, &l.url);
                if let Some(title) = &l.title {
                    link_title(out, title);
                }
                out.push(')');
            }
            Inline::Emphasis(c) => delimited(out, "*", c, ctx, next),
            Inline::Strong(c) => delimited(out, "**", c, ctx, next),
            // CommonMark has no sub- or superscript: their text stays.
            Inline::Subscript(c) | Inline::Superscript(c) => inlines(out, c, ctx, next),
            // Code spans side by side would read as one unclosed span.
            Inline::Code(code) if matches!(runs.get(n + 1), Some(Inline::Code(_))) => {
                pending_code.push_str(code);
            }
            Inline::Code(code) => {
                pending_code.push_str(code);
                code_span(out, &pending_code, ctx.in_table);
                pending_code.clear();
            }
            Inline::LineBreak => out.push_str(if ctx.in_table { " " } else { "\\\n" }),
            Inline::Image(i) => image(out, i),
        }
    }
}

/// Emphasis or strong: delimiters only where CommonMark reads them as
/// such (left-flanking opener, right-flanking closer, no `*` beside them).
fn delimited(out: &mut String, delim: &str, children: &[Inline], ctx: Ctx, next: Option<char>) {
    let mut inner = String::new();
    inlines(&mut inner, children, ctx, Some('*'));
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().last()) else {
        return;
    };
    let prev = out.chars().next_back();
    let outside = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punct(c));
    let opens = !first.is_whitespace()
        && first != '*'
        && prev != Some('*')
        && (!is_punct(first) || outside(prev));
    let closes = !last.is_whitespace()
        && last != '*'
        && next != Some('*')
        && (!is_punct(last) || outside(next));
    if opens && closes {
        out.push_str(delim);
        out.push_str(&inner);
        out.push_str(delim);
    } else {
        out.push_str(&inner);
    }
}

fn code_span(out: &mut String, code: &str, in_table: bool) {
    if code.is_empty() {
        return;
    }
    let code = if in_table {
        code.replace('|', "\\|")
    } else {
        code.to_owned()
    };
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = code.starts_with('`')
        || code.ends_with('`')
        || (code.starts_with(' ') && code.ends_with(' ') && !code.trim().is_empty());
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&code);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

fn image(out: &mut String, image: &Image) {
    if !is_safe_url(&image.src, true) {
        return;
    }
    out.push_str("![");
    if let Some(alt) = &image.alt {
        let mut escaped = String::new();
        escape_text(&mut escaped, alt, true);
        out.push_str(&escaped.replace('\n', " "));
    }
    out.push_str("](");
    destination(out, &image.src);
    out.push(')');
}

/// A link destination: in `<...>` when it holds spaces or parentheses,
/// `<`, `>` and controls percent-encoded, `\` and entity-like `&` escaped.
fn destination(out: &mut String, url: &str) {
    let angle = url.is_empty() || url.contains([' ', '(', ')']);
    if angle {
        out.push('<');
    }
    let mut chars = url.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            ' ' if !angle => out.push_str("%20"),
            '&' if chars
                .peek()
                .is_some_and(|&n| n.is_ascii_alphanumeric() || n == '#') =>
            {
                out.push_str("\\&");
            }
            c if c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            c => out.push(c),
        }
    }
    if angle {
        out.push('>');
    }
}

fn link_title(out: &mut String, title: &str) {
    out.push_str(" \"");
    let mut chars = title.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|&n| n.is_ascii_alphanumeric() || n == '#') =>
            {
                out.push_str("\\&");
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Escapes text so it reads back as the same text. `before_link` says a
/// link or image follows (or the end of the runs), so a final `!` must not
/// turn it into an image.
fn escape_text(out: &mut String, text: &str, before_link: bool) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|&n| n.is_ascii_alphanumeric() || n == '#') =>
            {
                out.push_str("\\&");
            }
            '!' if chars.peek().is_none() && before_link => out.push_str("\\!"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{InlineLink, TableCell};

    fn t(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    fn para(runs: Vec<Inline>) -> Block {
        Block::Paragraph(Paragraph {
            inlines: runs,
            ..Paragraph::default()
        })
    }

    fn md(blocks: Vec<Block>) -> String {
        markdown(
            &[Section {
                blocks,
                ..Section::default()
            }],
            None,
        )
    }

    /// The HTML a CommonMark (GFM tables) renderer makes of `markdown`.
    fn html_of(markdown: &str) -> String {
        let mut options = pulldown_cmark::Options::empty();
        options.insert(pulldown_cmark::Options::ENABLE_TABLES);
        let mut out = String::new();
        pulldown_cmark::html::push_html(
            &mut out,
            pulldown_cmark::Parser::new_ext(markdown, options),
        );
        out
    }

    fn link(url: &str, text: &str) -> Inline {
        Inline::Link(InlineLink {
            url: url.to_owned(),
            title: None,
            children: vec![t(text)],
        })
    }

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        for text in [
            "<img src=x onerror=alert(1)>",
            "*stars* and _under_ and `tick` and [a](b) and ![i](j)",
            "1. not a list",
            "2024) neither",
            "- nor this",
            "+ nor this",
            "# not a heading",
            "=== not an underline",
            "> not a quote",
            "AT&T &amp; &#42; entities",
            "a | b | c",
            "~~not struck~~",
            "back\\slash at the end\\",
            "wow!",
        ] {
            let out = md(vec![para(vec![t(text), Inline::LineBreak, t(text)])]);
            let expected = format!(
                "<p>{}<br />\n{}</p>\n",
                html_escape(text),
                html_escape(text)
            );
            assert_eq!(html_of(&out), expected, "{text:?} wrote {out:?}");
        }
    }

    fn html_escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    #[test]
    fn every_inline_kind() {
        let out = md(vec![para(vec![
            t("A "),
            Inline::Emphasis(vec![t("soft")]),
            t(", "),
            Inline::Strong(vec![
                t("bold "),
                Inline::Emphasis(vec![t("both")]),
                t(" end"),
            ]),
            t(" "),
            Inline::Code("x `y` z".into()),
            t(" H"),
            Inline::Subscript(vec![t("2")]),
            t("O "),
            link("https://a.test/w", "link"),
            t(" "),
            Inline::Image(Image {
                src: "https://a.test/i.png".into(),
                alt: Some("alt [text]".into()),
                ..Image::default()
            }),
        ])]);
        assert_eq!(
            html_of(&out),
            "<p>A <em>soft</em>, <strong>bold <em>both</em> end</strong> <code>x `y` z</code> \
             H2O <a href=\"https://a.test/w\">link</a> \
             <img src=\"https://a.test/i.png\" alt=\"alt [text]\" /></p>\n",
            "{out}"
        );
    }

    #[test]
    fn emphasis_is_dropped_where_it_would_not_read_back() {
        // `a*"b"*c`: the opener is not left-flanking.
        let out = md(vec![para(vec![
            t("a"),
            Inline::Emphasis(vec![t("\"b\"")]),
            t("c"),
        ])]);
        assert_eq!(html_of(&out), "<p>a\"b\"c</p>\n");
    }

    #[test]
    fn inline_images_are_safe_and_escaped_in_their_paragraph() {
        let img = |src: &str, alt: &str| {
            Inline::Image(Image {
                src: src.into(),
                alt: Some(alt.into()),
                ..Image::default()
            })
        };
        let out = md(vec![para(vec![
            t("A "),
            img("javascript:alert(1)", "x"),
            t(" b "),
            img("https://a.test/f (1).png", "*E* = [mc]"),
            t(" c"),
        ])]);
        assert!(!out.contains("javascript"), "{out}");
        assert_eq!(
            html_of(&out),
            "<p>A  b <img src=\"https://a.test/f%20(1).png\" alt=\"*E* = [mc]\" /> c</p>\n",
            "{out}"
        );
    }

    #[test]
    fn links_are_safe_and_never_nested() {
        let out = md(vec![para(vec![
            link("javascript:alert(1)", "click"),
            t(" "),
            Inline::Link(InlineLink {
                url: "https://a.test/outer".into(),
                title: Some("A \"title\"".into()),
                children: vec![t("x "), link("https://a.test/inner", "y")],
            }),
            t(" "),
            link("https://en.test/wiki/Foo_(bar) baz", "parens"),
            t(" "),
            link("https://a.test/q?a=1&amp;b=2", "amp"),
        ])]);
        assert!(!out.contains("javascript"), "{out}");
        assert_eq!(
            html_of(&out),
            "<p>click <a href=\"https://a.test/outer\" title=\"A &quot;title&quot;\">x y</a> \
             <a href=\"https://en.test/wiki/Foo_(bar)%20baz\">parens</a> \
             <a href=\"https://a.test/q?a=1&amp;amp;b=2\">amp</a></p>\n",
            "{out}"
        );
    }

    fn item(blocks: Vec<Block>) -> ListItem {
        ListItem {
            blocks,
            is_term: false,
        }
    }

    fn list(ordered: bool, entries: Vec<ListItem>) -> Block {
        Block::List(ListBlock {
            ordered,
            items: vec![String::new(); entries.len()],
            entries,
            definitions: false,
        })
    }

    #[test]
    fn lists_nest_and_two_in_a_row_stay_two() {
        let nested = list(true, vec![item(vec![para(vec![t("deep")])])]);
        let out = md(vec![
            list(
                false,
                vec![
                    item(vec![para(vec![t("one")]), nested]),
                    item(vec![para(vec![t("two")])]),
                ],
            ),
            list(false, vec![item(vec![para(vec![t("other")])])]),
        ]);
        assert_eq!(
            html_of(&out),
            "<ul>\n<li>\n<p>one</p>\n<ol>\n<li>deep</li>\n</ol>\n</li>\n<li>\n<p>two</p>\n</li>\n</ul>\n\
             <ul>\n<li>other</li>\n</ul>\n",
            "{out}"
        );
    }

    #[test]
    fn code_fences_outgrow_the_backticks_inside() {
        let out = md(vec![Block::Code(CodeBlock {
            text: "let s = \"```\";\n\n````more".into(),
            language: Some("rust".into()),
        })]);
        assert!(out.starts_with("`````rust\n"), "{out}");
        assert_eq!(
            html_of(&out),
            "<pre><code class=\"language-rust\">let s = \"```\";\n\n````more\n</code></pre>\n"
        );
    }

    #[test]
    fn tables_escape_pipes_and_spans_keep_columns() {
        let cell = |s: &str, header: bool| TableCell {
            text: s.to_owned(),
            header,
            inlines: if s == "code" {
                vec![Inline::Code("a|b".into())]
            } else {
                vec![t(s)]
            },
            ..TableCell::default()
        };
        let mut wide = cell("wide", false);
        wide.colspan = 2;
        let out = md(vec![Block::Table(TableBlock {
            rows: vec![
                vec![cell("k|ey", true), cell("v", true), cell("w", true)],
                vec![wide, cell("code", false)],
            ],
            caption: Some("Caption".into()),
            header_rows: 1,
        })]);
        assert_eq!(
            html_of(&out),
            "<p>Caption</p>\n<table><thead><tr><th>k|ey</th><th>v</th><th>w</th></tr></thead><tbody>\n\
             <tr><td>wide</td><td></td><td><code>a|b</code></td></tr>\n</tbody></table>\n",
            "{out}"
        );
    }

    #[test]
    fn quotes_keep_paragraphs_and_a_separate_attribution() {
        let out = md(vec![Block::Quote(QuoteBlock {
            blocks: vec![para(vec![t("One.")]), para(vec![t("- Two.")])],
            attribution: Some("Someone".into()),
            ..QuoteBlock::default()
        })]);
        assert_eq!(
            html_of(&out),
            "<blockquote>\n<p>One.</p>\n<p>- Two.</p>\n<p>Someone</p>\n</blockquote>\n",
            "{out}"
        );
    }

    #[test]
    fn the_title_opens_the_document_when_asked() {
        let sections = [Section {
            heading: "Part #1".into(),
            level: 2,
            blocks: vec![para(vec![t("Body.")])],
            ..Section::default()
        }];
        assert_eq!(
            markdown(&sections, Some("The *Title*")),
            "# The \\*Title\\*\n\n## Part \\#1\n\nBody."
        );
    }
}
