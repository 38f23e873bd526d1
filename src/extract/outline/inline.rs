//! Inline runs: the text of a block as the walk gathers it, with the markup
//! over its parts (links, emphasis, code, breaks) kept as spans of that
//! text, and turned into [`Inline`] runs once when the block ends.
//!
//! Spans are byte ranges of the block's one text buffer, so gathering costs
//! a push per element and no string per run; the runs' text is the block's
//! text by construction (a line break reads as the space the text has).

use crate::article::{Image, Inline, InlineLink, Link};
use crate::extract::dom::{Tag, measure};
use crate::extract::text::push_normalized;

/// Deepest nesting of inline markup kept; deeper markup keeps its text
/// only. Wire decoders refuse messages nested past about 100 levels, and
/// each level of markup is two.
const MAX_INLINE_DEPTH: usize = 16;

/// Inline markup around runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Emphasis,
    Strong,
    Code,
    Subscript,
    Superscript,
}

impl Mark {
    /// The markup an element stands for.
    pub(super) fn of(tag: Tag) -> Option<Mark> {
        match tag {
            Tag::Em | Tag::I => Some(Mark::Emphasis),
            Tag::Strong | Tag::B => Some(Mark::Strong),
            Tag::Code | Tag::Kbd | Tag::Samp => Some(Mark::Code),
            Tag::Sub => Some(Mark::Subscript),
            Tag::Sup => Some(Mark::Superscript),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
enum SpanKind {
    Mark(Mark),
    Link {
        url: String,
        title: Option<String>,
    },
    Break,
    /// An image inside the text, at a point of it.
    Image(Box<Image>),
}

/// Markup over `start..end` of the text (`end` is `usize::MAX` while open).
#[derive(Debug)]
struct Span {
    start: usize,
    end: usize,
    kind: SpanKind,
}

/// A finished block of inline content.
#[derive(Debug)]
pub(super) struct Run {
    /// The text, whitespace normalised.
    pub(super) text: String,
    /// The text as runs.
    pub(super) inlines: Vec<Inline>,
    /// The links, in page order.
    pub(super) links: Vec<Link>,
    /// Weighted characters of link text.
    pub(super) link_weight: u32,
    /// A `<time>` seen in the block: its `datetime` and its text.
    pub(super) time: Option<(Option<String>, String)>,
}

/// Inline content gathered between block boundaries.
#[derive(Debug, Default)]
pub(super) struct Pending {
    /// The text so far, whitespace collapsed (it may end with a space).
    text: String,
    spans: Vec<Span>,
    /// Open spans: the node their element ends at and their index.
    open: Vec<(usize, usize)>,
    links: Vec<Link>,
    link_weight: u32,
    /// A `<time>` seen in the block.
    pub(super) time: Option<(Option<String>, String)>,
    /// The last element was a `<br>` with no text since.
    pending_br: bool,
}

impl Pending {
    /// Appends a text node.
    pub(super) fn push_text(&mut self, t: &str) {
        if self.pending_br && !t.trim().is_empty() {
            self.pending_br = false;
        }
        push_normalized(&mut self.text, t);
    }

    /// A word boundary (a block element inside inline content).
    pub(super) fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    /// A `<br>`: a line break; true when it is the second in a row, which
    /// ends the block.
    pub(super) fn line_break(&mut self) -> bool {
        if self.pending_br {
            self.pending_br = false;
            return true;
        }
        self.pending_br = true;
        self.spans.push(Span {
            start: self.text.len(),
            end: self.text.len(),
            kind: SpanKind::Break,
        });
        self.space();
        false
    }

    /// Whether the block has text on the line so far (a `<br>` just before
    /// starts a new line).
    pub(super) fn has_text_on_line(&self) -> bool {
        !self.pending_br && !self.text.trim().is_empty()
    }

    /// An image at the current point of the text.
    pub(super) fn push_image(&mut self, image: Image) {
        self.spans.push(Span {
            start: self.text.len(),
            end: self.text.len(),
            kind: SpanKind::Image(Box::new(image)),
        });
    }

    /// Opens markup for the element ending at node `end`.
    pub(super) fn open_mark(&mut self, mark: Mark, end: usize) {
        self.open(SpanKind::Mark(mark), end);
    }

    /// Opens a link for the element ending at node `end`.
    pub(super) fn open_link(&mut self, url: String, title: Option<String>, end: usize) {
        self.open(SpanKind::Link { url, title }, end);
    }

    fn open(&mut self, kind: SpanKind, end: usize) {
        if self.open.len() >= MAX_INLINE_DEPTH {
            return;
        }
        self.open.push((end, self.spans.len()));
        self.spans.push(Span {
            start: self.text.len(),
            end: usize::MAX,
            kind,
        });
    }

    /// Closes the markup of elements that end at or before node `i`.
    pub(super) fn close_until(&mut self, i: usize) {
        while let Some(&(end, index)) = self.open.last() {
            if end > i {
                break;
            }
            self.open.pop();
            self.close(index);
        }
    }

    fn close(&mut self, index: usize) {
        let end = self.text.len();
        let Some(span) = self.spans.get_mut(index) else {
            return;
        };
        span.end = end;
        if let SpanKind::Link { url, .. } = &span.kind {
            let text = self.text.get(span.start..end).unwrap_or_default().trim();
            if !text.is_empty() {
                self.link_weight += measure(text).0;
                self.links.push(Link {
                    text: text.to_owned(),
                    url: url.clone(),
                });
            }
        }
    }

    /// Ends the block: its text, runs and links, or `None` when it holds
    /// no text. Markup still open goes on in the next block.
    pub(super) fn finish(&mut self) -> Option<Run> {
        let open: Vec<usize> = self.open.iter().map(|&(_, index)| index).collect();
        for &index in open.iter().rev() {
            self.close(index);
        }
        let reopened: Vec<(usize, SpanKind)> = self
            .open
            .iter()
            .filter_map(|&(end, index)| self.spans.get(index).map(|s| (end, s.kind.clone())))
            .collect();
        let mut done = std::mem::take(self);
        for (end, kind) in reopened {
            self.open(kind, end);
        }
        let len = done.text.trim_end().len();
        done.text.truncate(len);
        if done.text.is_empty() {
            return None;
        }
        // An image after the last word stands at the end of the text.
        for span in &mut done.spans {
            span.start = span.start.min(len);
            span.end = span.end.min(len);
        }
        let inlines = runs(&done.text, &done.spans);
        Some(Run {
            text: done.text,
            inlines,
            links: done.links,
            link_weight: done.link_weight,
            time: done.time,
        })
    }
}

/// The runs of `text` under `spans` (in opening order, properly nested).
fn runs(text: &str, spans: &[Span]) -> Vec<Inline> {
    let mut out = Vec::new();
    if spans.is_empty() {
        out.push(Inline::Text(text.to_owned()));
        return out;
    }
    let mut next = 0;
    runs_within(text, spans, &mut next, 0, text.len(), &mut out);
    trim_trailing_break(&mut out);
    out
}

/// The range of `span` inside `from..to` without the spaces at its edges.
fn trimmed(text: &str, span: &Span, to: usize) -> (usize, usize) {
    let end = span.end.min(to).min(text.len());
    let start = span.start.min(end);
    let inner = text.get(start..end).unwrap_or_default();
    let lead = inner.len() - inner.trim_start_matches(' ').len();
    let trail = inner.len() - inner.trim_end_matches(' ').len();
    if lead == inner.len() {
        return (end, end);
    }
    (start + lead, end - trail)
}

fn runs_within(
    text: &str,
    spans: &[Span],
    next: &mut usize,
    from: usize,
    to: usize,
    out: &mut Vec<Inline>,
) {
    let mut cursor = from;
    while let Some(span) = spans.get(*next) {
        // An image at the very end of the range is still inside it.
        let image = matches!(span.kind, SpanKind::Image(_));
        if span.start > to || (span.start == to && !image && to < text.len()) {
            break;
        }
        if span.start == to && !image {
            // Empty markup at the end of the text (an image's link): the
            // images inside it come next.
            *next += 1;
            continue;
        }
        *next += 1;
        if let SpanKind::Image(img) = &span.kind {
            push_text(
                out,
                text.get(cursor..span.start.max(cursor)).unwrap_or_default(),
            );
            cursor = cursor.max(span.start);
            out.push(Inline::Image((**img).clone()));
            // Between two words the image keeps a space on either side
            // (the text has the one space before it).
            let spaced = cursor > 0 && text.as_bytes().get(cursor - 1) == Some(&b' ');
            if spaced && cursor < to && text.as_bytes().get(cursor) != Some(&b' ') {
                out.push(Inline::Text(" ".to_owned()));
            }
            continue;
        }
        if let SpanKind::Break = span.kind {
            push_text(
                out,
                text.get(cursor..span.start.max(cursor)).unwrap_or_default(),
            );
            cursor = cursor.max(span.start);
            push_break(out);
            continue;
        }
        let (start, end) = trimmed(text, span, to);
        if start >= end {
            // Nothing inside (or only spaces): its inner markup is empty
            // too, but an image inside (a linked image) stays.
            while let Some(inner) = spans.get(*next).filter(|s| s.start < span.end.min(to)) {
                *next += 1;
                if let SpanKind::Image(img) = &inner.kind {
                    let at = inner.start.min(to).max(cursor);
                    push_text(out, text.get(cursor..at).unwrap_or_default());
                    cursor = at;
                    out.push(Inline::Image((**img).clone()));
                }
            }
            continue;
        }
        push_text(out, text.get(cursor..start.max(cursor)).unwrap_or_default());
        let piece = text.get(start..end).unwrap_or_default();
        let inline = match &span.kind {
            SpanKind::Mark(Mark::Code) => {
                while spans.get(*next).is_some_and(|s| s.start < end) {
                    *next += 1;
                }
                Inline::Code(piece.to_owned())
            }
            SpanKind::Mark(mark) => {
                let mut children = Vec::new();
                runs_within(text, spans, next, start, end, &mut children);
                trim_trailing_break(&mut children);
                match mark {
                    Mark::Emphasis => Inline::Emphasis(children),
                    Mark::Strong => Inline::Strong(children),
                    Mark::Subscript => Inline::Subscript(children),
                    _ => Inline::Superscript(children),
                }
            }
            SpanKind::Link { url, title } => {
                let mut children = Vec::new();
                runs_within(text, spans, next, start, end, &mut children);
                trim_trailing_break(&mut children);
                Inline::Link(InlineLink {
                    url: url.clone(),
                    title: title.clone(),
                    children,
                })
            }
            SpanKind::Break | SpanKind::Image(_) => Inline::LineBreak,
        };
        push_inline(out, inline);
        cursor = cursor.max(end);
    }
    push_text(out, text.get(cursor..to.max(cursor)).unwrap_or_default());
}

/// Appends text, merged with text before it; after a break, without the
/// break's space.
fn push_text(out: &mut Vec<Inline>, piece: &str) {
    let piece = match out.last() {
        None | Some(Inline::LineBreak) => piece.trim_start_matches(' '),
        _ => piece,
    };
    if piece.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(piece);
    } else {
        out.push(Inline::Text(piece.to_owned()));
    }
}

/// Appends a break, never first nor twice, the space before it dropped.
fn push_break(out: &mut Vec<Inline>) {
    if let Some(Inline::Text(last)) = out.last_mut() {
        let len = last.trim_end_matches(' ').len();
        last.truncate(len);
        if last.is_empty() {
            out.pop();
        }
    }
    if !matches!(out.last(), None | Some(Inline::LineBreak)) {
        out.push(Inline::LineBreak);
    }
}

fn trim_trailing_break(out: &mut Vec<Inline>) {
    if matches!(out.last(), Some(Inline::LineBreak)) {
        out.pop();
    }
}

/// Appends markup, merged into the same markup just before it (`<b>a</b><b>b</b>`
/// is one strong run: two would be ambiguous in Markdown).
fn push_inline(out: &mut Vec<Inline>, inline: Inline) {
    match (out.last_mut(), inline) {
        (Some(Inline::Emphasis(last)), Inline::Emphasis(more))
        | (Some(Inline::Strong(last)), Inline::Strong(more))
        | (Some(Inline::Subscript(last)), Inline::Subscript(more))
        | (Some(Inline::Superscript(last)), Inline::Superscript(more)) => last.extend(more),
        // Two code spans side by side would read as one unclosed span.
        (Some(Inline::Code(last)), Inline::Code(more)) => last.push_str(&more),
        (_, inline) => out.push(inline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn spans_become_nested_runs_without_edge_spaces() {
        let mut p = Pending::default();
        p.push_text("Say ");
        p.open_mark(Mark::Strong, 10);
        p.push_text(" very ");
        p.open_mark(Mark::Emphasis, 5);
        p.push_text("loud");
        p.close_until(5);
        p.close_until(10);
        p.push_text(" things");
        assert!(!p.line_break());
        p.push_text(" here ");
        let run = p.finish().unwrap();
        assert_eq!(run.text, "Say very loud things here");
        assert_eq!(
            run.inlines,
            [
                text("Say "),
                Inline::Strong(vec![text("very "), Inline::Emphasis(vec![text("loud")])]),
                text(" things"),
                Inline::LineBreak,
                text("here"),
            ]
        );
    }

    #[test]
    fn links_give_their_text_and_open_markup_goes_on_after_a_flush() {
        let mut p = Pending::default();
        p.open_link("https://a.test/".into(), None, 9);
        p.push_text("one two");
        let first = p.finish().unwrap();
        assert_eq!(first.links[0].text, "one two");
        p.push_text("three");
        p.close_until(9);
        let second = p.finish().unwrap();
        assert_eq!(second.links[0].text, "three");
        assert!(matches!(&second.inlines[0], Inline::Link(l) if l.children == [text("three")]));
        assert!(p.finish().is_none());
    }

    #[test]
    fn code_keeps_its_text_and_drops_inner_markup_and_depth_is_bounded() {
        let mut p = Pending::default();
        p.open_mark(Mark::Code, 4);
        p.open_mark(Mark::Strong, 3);
        p.push_text("x*y");
        p.close_until(4);
        for n in 0..40 {
            p.open_mark(Mark::Emphasis, 100 - n);
        }
        p.push_text(" deep");
        let run = p.finish().unwrap();
        assert_eq!(run.inlines[0], Inline::Code("x*y".into()));
        let mut depth = 0;
        assert_eq!(run.inlines[1], text(" "));
        let mut inline = &run.inlines[2];
        while let Inline::Emphasis(children) = inline {
            depth += 1;
            inline = &children[0];
        }
        assert_eq!(depth, MAX_INLINE_DEPTH);
    }

    fn image(src: &str) -> Image {
        Image {
            src: src.to_owned(),
            ..Image::default()
        }
    }

    #[test]
    fn images_stand_at_their_point_even_in_an_empty_link_or_after_the_last_word() {
        let mut p = Pending::default();
        p.push_text("Before ");
        p.push_image(image("a"));
        p.push_text("after ");
        p.open_link("https://a.test/".into(), None, 9);
        p.push_image(image("b"));
        p.close_until(9);
        p.push_text(" end ");
        p.push_image(image("c"));
        let run = p.finish().unwrap();
        assert_eq!(run.text, "Before after end");
        assert!(run.links.is_empty());
        assert_eq!(
            run.inlines,
            [
                text("Before "),
                Inline::Image(image("a")),
                text(" after "),
                Inline::Image(image("b")),
                text(" end"),
                Inline::Image(image("c")),
            ]
        );
    }
}
