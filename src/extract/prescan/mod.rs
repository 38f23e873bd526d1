//! One linear pass over the text before html5ever sees it: counts the start
//! tags, bounds element nesting, and leaves out bytes the extraction never
//! reads, so that html5ever does not spend time on them.
//!
//! Files: this one holds the pass (its state, what it counts and leaves
//! out); `lex.rs` the readers that find where each piece of markup ends as
//! html5ever's tokenizer would (tags and their attributes, comments, raw
//! text, script data, SVG content).
//!
//! - **Nesting.** html5ever's tree builder checks element scopes by walking
//!   the stack of open elements, so its cost grows faster than quadratically
//!   with depth (a 500 KB page of nested `<div>`s would take minutes). The
//!   scan keeps its own stack of open elements the way a browser would for
//!   ordinary tags (void elements and implicitly closed ones such as `<p>`
//!   and `<li>` are not counted; an end tag closes back to its match) and
//!   drops start and end tags below `max_depth`, keeping their text.
//! - **Script and style bodies.** The content of `<script>` (except JSON-LD,
//!   which metadata reads) and `<style>` is emptied; the tags stay. A script
//!   holding `<!--` is left alone: html5ever's escaped script states make its
//!   end ambiguous. Where each sizeable script body stood in the input is
//!   recorded ([`Prescanned::scripts`]): the structured-data fallback reads
//!   the state JSON of client-rendered pages from there, on the few pages
//!   that need it, instead of every page paying for its parse.
//! - **Comments** (`<!-- ... -->`) are left out where removing them cannot
//!   join the text around them into new markup (after `>`, at the start, or
//!   between whitespace and markup).
//! - **Inline SVG.** The content of `<svg>...</svg>` is emptied when it
//!   holds no markup that would make html5ever leave the SVG (`<p>`, `<div>`
//!   and the other breakout tags) or that it might read as raw text.
//!
//! - **Data attributes.** `data-*` attributes (script state, often whole
//!   JSON documents) are left out of start tags, except those a stage reads
//!   (lazy-loaded image sources: [`reads_data_attribute`]).
//! - **Crawler views in `<noscript>`.** Forum software serves a thread's
//!   posts to clients without scripts inside a `<noscript>` (Discourse's
//!   `<noscript data-path="/t/...">`, Flarum's `<noscript
//!   id="flarum-content">`), which html5ever (scripting on, as in browsers)
//!   reads as one text node. The tags of such a `<noscript>` are left out,
//!   so its content parses as the markup it is (other `<noscript>` elements
//!   stay text: the figures stage reads their images).
//!
//! Everything else is copied unchanged; the other raw-text elements
//! (`textarea`, `title`, ...) are skipped as text, not markup. A page with
//! nothing to change comes back without a copy; otherwise the output is
//! built in the same pass, one run of untouched bytes at a time. Every
//! delimiter is ASCII, so every cut falls on a character boundary.

// A byte scanner: every offset is bounded by its loop condition (`i < to`,
// with `to` at most the input's length). String slicing stays denied; the
// `prescan` fuzz target and the differential property test exercise it.
#![allow(
    clippy::indexing_slicing,
    reason = "byte offsets bounded by the scan's loop conditions"
)]

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::memchr;
use memchr::memmem::Finder;

use crate::extract::matching::reads_data_attribute;

use lex::{
    CDATA_CLOSE, COMMENT_OPEN, Kind, SvgContent, bogus_end, comment_end, is_json_ld, is_space,
    raw_text_end, read_tag, read_tag_attributes, script_data_end, svg_content,
    whitespace_then_markup,
};

mod lex;

/// How many of the innermost dropped elements an end tag is matched against.
const MATCH_WINDOW: usize = 64;

/// The attribute of Discourse's crawler view `<noscript>` (the topic's
/// path), which no other use of `<noscript>` carries.
const DISCOURSE_VIEW_ATTRIBUTE: &[u8] = b"data-path";
/// The id of Flarum's crawler view `<noscript>`.
const FLARUM_VIEW_ID: &[u8] = b"flarum-content";

/// Whether the `<noscript>` start tag whose name starts at `name_start`
/// holds a forum's crawler view (see the module docs): Discourse's
/// attribute, or Flarum's id (ASCII case-insensitive).
fn is_crawler_view(b: &[u8], name_start: usize) -> bool {
    let mut found = false;
    read_tag_attributes(b, name_start, |attr| {
        let name = &b[attr.start..attr.name_end];
        found |= name.eq_ignore_ascii_case(DISCOURSE_VIEW_ATTRIBUTE)
            || (name.eq_ignore_ascii_case(b"id")
                && b[attr.name_end..attr.end]
                    .windows(FLARUM_VIEW_ID.len())
                    .any(|w| w.eq_ignore_ascii_case(FLARUM_VIEW_ID)));
    });
    found
}

static DATA_PREFIX: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"data-"));

/// The pre-scanned text and what the scan counted.
#[derive(Debug)]
pub struct Prescanned<'a> {
    /// The text to parse: the input itself when nothing was left out.
    pub html: Cow<'a, str>,
    /// Start tags in the input, outside comments and raw text.
    pub start_tags: usize,
    /// Byte ranges of the input holding the bodies of HTML `<script>`
    /// elements (JSON-LD excepted) of at least [`MIN_RECORDED_SCRIPT_BYTES`],
    /// in input order: the embedded state of client-rendered pages.
    pub scripts: Vec<Range<usize>>,
}

/// Script bodies shorter than this are not recorded in
/// [`Prescanned::scripts`]: embedded page state carrying content is
/// kilobytes long, while short scripts (analytics snippets, config flags)
/// are many and carry none.
pub const MIN_RECORDED_SCRIPT_BYTES: usize = 256;

/// Scans `html` once: counts its start tags, drops tags nested deeper than
/// `max_depth`, and empties script, style, comment and SVG content.
pub fn prescan(html: &str, max_depth: usize) -> Prescanned<'_> {
    let mut scan = Scan {
        bytes: html.as_bytes(),
        out: Output {
            html,
            buf: None,
            copied_to: 0,
        },
        stack: Vec::new(),
        dropped: Vec::new(),
        start_tags: 0,
        scripts: Vec::new(),
        foreign: [0; 2],
        svg_blocked_until: 0,
        text_from: 0,
        run: Run::Empty,
        unsure: false,
        max_depth,
        in_crawler_view: false,
    };
    scan.run();
    Prescanned {
        start_tags: scan.start_tags,
        scripts: scan.scripts,
        html: scan.out.finish(),
    }
}

/// The output, built lazily: nothing is copied until the first cut.
struct Output<'a> {
    html: &'a str,
    buf: Option<String>,
    /// Input before this index is accounted for (copied or cut).
    copied_to: usize,
}

impl<'a> Output<'a> {
    /// Leaves `html[from..to]` out; `from` is at or after every earlier cut.
    #[allow(
        clippy::string_slice,
        reason = "cut points are offsets of ASCII bytes the scan found ('<', '>'), which UTF-8 never puts inside a character"
    )]
    fn cut(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let html = self.html;
        let buf = self
            .buf
            .get_or_insert_with(|| String::with_capacity(html.len()));
        buf.push_str(&html[self.copied_to..from]);
        self.copied_to = to;
    }

    #[allow(
        clippy::string_slice,
        reason = "the last cut point is the offset of an ASCII byte the scan found, a character boundary"
    )]
    fn finish(self) -> Cow<'a, str> {
        match self.buf {
            None => Cow::Borrowed(self.html),
            Some(mut buf) => {
                buf.push_str(&self.html[self.copied_to..]);
                Cow::Owned(buf)
            }
        }
    }
}

/// What a run of text holds so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Empty,
    Space,
    Text,
}

/// The state of the one pass.
struct Scan<'a> {
    bytes: &'a [u8],
    out: Output<'a>,
    /// Open counted elements within the limit.
    stack: Vec<&'a [u8]>,
    /// Elements opened below the limit: they continue the stack virtually,
    /// so their end tags are dropped too.
    dropped: Vec<&'a [u8]>,
    start_tags: usize,
    /// Script bodies recorded for [`Prescanned::scripts`].
    scripts: Vec<Range<usize>>,
    /// Open `<svg>` and `<math>` elements (at least), whose script and
    /// style are not HTML raw text: left as they are.
    foreign: [usize; 2],
    /// An SVG whose content was unsafe to empty was read up to here: SVGs
    /// starting before are not read again, so the scan stays linear.
    svg_blocked_until: usize,
    /// Input read into `run` up to here: one past the last tag, comment or
    /// declaration.
    text_from: usize,
    /// What the run of text since the last tag holds, up to `text_from`.
    run: Run,
    /// The scan may read the text differently from html5ever from here on
    /// (SVG or MathML content it skipped as raw text or CDATA held `<`):
    /// nothing more is left out but the tags below the depth limit.
    unsure: bool,
    max_depth: usize,
    /// A crawler view's `<noscript>` start tag was left out: its end tag
    /// goes too (see the module docs).
    in_crawler_view: bool,
}

impl<'a> Scan<'a> {
    fn in_foreign(&self) -> bool {
        self.foreign != [0, 0]
    }

    /// Leaves out bytes no stage reads, unless the scan is unsure.
    fn leave_out(&mut self, from: usize, to: usize) {
        if !self.unsure {
            self.out.cut(from, to);
        }
    }

    /// Leaves out the `data-*` attributes no stage reads (see
    /// [`reads_data_attribute`]) from the start tag whose name starts at
    /// `name_start` and whose attributes are `b[from..to]` (after the name,
    /// before the closing `>`). A data attribute's name and value go, the
    /// whitespace before it stays.
    fn leave_out_data_attributes(&mut self, name_start: usize, from: usize, to: usize) {
        let b = self.bytes;
        // Most tags have none. Names are lower case nearly always; a tag
        // whose only data attributes are spelt in capitals keeps them,
        // which costs html5ever a little time and changes nothing else.
        if DATA_PREFIX.find(&b[from..to]).is_none() {
            return;
        }
        read_tag_attributes(b, name_start, |attr| {
            let name = &b[attr.start..attr.name_end];
            if name.len() > 5
                && name[..5].eq_ignore_ascii_case(b"data-")
                && !reads_data_attribute(name)
            {
                self.leave_out(attr.start, attr.end);
            }
        });
    }

    /// In SVG or MathML, text skipped as raw text or CDATA might be markup
    /// to html5ever (or the reverse): safe only without `<`.
    fn check_foreign_skip(&mut self, skipped: &[u8]) {
        if self.in_foreign() && memchr(b'<', skipped).is_some() {
            self.unsure = true;
        }
    }

    /// Folds the text since `text_from` into the run and returns it: the
    /// run of text a comment at `lt` stands in.
    fn run_before(&mut self, lt: usize) -> Run {
        let since = &self.bytes[self.text_from.min(lt)..lt];
        if !since.is_empty() && self.run != Run::Text {
            self.run = if since.iter().all(|&c| is_space(c)) {
                Run::Space
            } else {
                Run::Text
            };
        }
        self.run
    }

    /// A tag ending at `end` ends the run of text.
    fn end_run(&mut self, end: usize) {
        self.run = Run::Empty;
        self.text_from = end;
    }

    fn run(&mut self) {
        let b = self.bytes;
        let n = b.len();
        let mut pos = 0;
        while let Some(off) = memchr(b'<', &b[pos..]) {
            let lt = pos + off;
            let Some(&first) = b.get(lt + 1) else { break };
            // Tags end a run of text; comments and declarations, kept or
            // left out, are passed over by it (see `run_before`).
            pos = match first {
                b'!' => self.markup_declaration(lt),
                b'?' => {
                    self.run_before(lt);
                    let end = bogus_end(b, lt + 2);
                    self.text_from = end;
                    end
                }
                b'/' => match b.get(lt + 2) {
                    None => break,
                    Some(b'>') => lt + 3,
                    Some(c) if c.is_ascii_alphabetic() => {
                        let end = self.end_tag(lt);
                        self.end_run(end);
                        end
                    }
                    Some(_) => {
                        self.run_before(lt);
                        let end = bogus_end(b, lt + 2);
                        self.text_from = end;
                        end
                    }
                },
                c if c.is_ascii_alphabetic() => {
                    let end = self.start_tag(lt);
                    self.end_run(end);
                    end
                }
                _ => lt + 1,
            };
            if pos >= n {
                break;
            }
        }
    }

    /// `<!`: a comment (left out where safe), a CDATA section in foreign
    /// content, or a doctype or bogus comment (kept). Returns where to go on.
    fn markup_declaration(&mut self, lt: usize) -> usize {
        let b = self.bytes;
        let body = &b[lt + 2..];
        if body.starts_with(b"--") {
            // Unterminated, the comment runs to the end of input.
            let end = comment_end(b, lt + 4).unwrap_or(b.len());
            // Joining the text around it must not make markup or a
            // character reference; nor join whitespace to text after it
            // (in a table, html5ever moves a run of text holding more than
            // whitespace out of the table, whitespace alone stays).
            // The text run before it (since the last tag; comments and
            // declarations do not end it) must be empty, or whitespace
            // with only whitespace after.
            let run = self.run_before(lt);
            let safe =
                run == Run::Empty || (run == Run::Space && whitespace_then_markup(&b[end..]));
            // React's streaming boundary comments stay: they say where a
            // late part's fallback ends (`crate::extract::streaming`).
            let boundary = end - lt <= 10
                && b.get(lt + 4..end.saturating_sub(3))
                    .is_some_and(crate::extract::streaming::is_boundary_comment);
            if safe && !boundary {
                self.leave_out(lt, end);
            }
            self.text_from = end;
            end
        } else if self.in_foreign() && body.starts_with(b"[CDATA[") {
            let end = CDATA_CLOSE
                .find(&b[lt + 9..])
                .map_or(b.len(), |e| lt + 9 + e + 3);
            self.check_foreign_skip(&b[lt + 9..end]);
            // CDATA is text.
            end
        } else {
            // A doctype or bogus comment, kept; the run goes on past it.
            self.run_before(lt);
            let end = bogus_end(b, lt + 2);
            self.text_from = end;
            end
        }
    }

    fn start_tag(&mut self, lt: usize) -> usize {
        let b = self.bytes;
        let tag = read_tag(b, lt + 1);
        let name = &b[lt + 1..tag.name_end];
        self.start_tags += 1;
        let kind = Kind::of(name);
        let mut dropped = false;
        if !matches!(kind, Kind::Void | Kind::Implied) {
            if self.stack.len() >= self.max_depth {
                dropped = true;
                self.dropped.push(name);
                self.out.cut(lt, tag.end);
            } else if !kind.is_raw_text() {
                // Raw-text elements close at their own end tag, read
                // below: they never stay open.
                self.stack.push(name);
            }
        }
        if !dropped
            && kind == Kind::RawText
            && !self.in_crawler_view
            && !self.in_foreign()
            && name.eq_ignore_ascii_case(b"noscript")
            && is_crawler_view(b, lt + 1)
        {
            self.out.cut(lt, tag.end);
            self.in_crawler_view = true;
            return tag.end;
        }
        if !dropped && !self.in_foreign() && b.get(tag.end.wrapping_sub(1)) == Some(&b'>') {
            self.leave_out_data_attributes(lt + 1, tag.name_end, tag.end - 1);
        }
        match kind {
            Kind::Plaintext if !self.in_foreign() => b.len(),
            Kind::Svg | Kind::Math if !tag.self_closing => {
                self.foreign[usize::from(kind == Kind::Math)] += 1;
                if kind == Kind::Svg && lt >= self.svg_blocked_until && !self.unsure {
                    match svg_content(b, tag.end) {
                        SvgContent::Closed { at, start_tags } => {
                            self.start_tags += start_tags;
                            self.leave_out(tag.end, at);
                            return at;
                        }
                        SvgContent::Kept { scanned_to } => self.svg_blocked_until = scanned_to,
                    }
                }
                tag.end
            }
            _ if kind.is_raw_text() => {
                let end = if kind == Kind::Script && !self.in_foreign() {
                    script_data_end(b, tag.end)
                } else {
                    raw_text_end(b, tag.end, name)
                };
                let content = &b[tag.end..end];
                self.check_foreign_skip(content);
                let html_script = kind == Kind::Script && !self.in_foreign();
                let json_ld = html_script && is_json_ld(&b[lt..tag.end]);
                if html_script && !json_ld && content.len() >= MIN_RECORDED_SCRIPT_BYTES {
                    self.scripts.push(tag.end..end);
                }
                let empty = !self.in_foreign()
                    && match kind {
                        Kind::Style => true,
                        Kind::Script => !json_ld && COMMENT_OPEN.find(content).is_none(),
                        _ => false,
                    };
                if empty {
                    self.leave_out(tag.end, end);
                }
                if dropped || end == b.len() {
                    // A dropped element's end tag is dropped on its own.
                    end
                } else {
                    read_tag(b, end + 2).end
                }
            }
            _ => tag.end,
        }
    }

    fn end_tag(&mut self, lt: usize) -> usize {
        let b = self.bytes;
        let tag = read_tag(b, lt + 2);
        let name = &b[lt + 2..tag.name_end];
        if self.in_crawler_view && name.eq_ignore_ascii_case(b"noscript") {
            self.out.cut(lt, tag.end);
            self.in_crawler_view = false;
            return tag.end;
        }
        let kind = Kind::of(name);
        if matches!(kind, Kind::Svg | Kind::Math) {
            let open = &mut self.foreign[usize::from(kind == Kind::Math)];
            *open = open.saturating_sub(1);
        }
        if matches!(kind, Kind::Void | Kind::Implied) {
            return tag.end;
        }
        // Only the innermost few dropped elements are searched, so stray
        // end tags cannot make the scan quadratic.
        let recent = self.dropped.len().saturating_sub(MATCH_WINDOW);
        if let Some(at) = self.dropped[recent..]
            .iter()
            .rposition(|open| open.eq_ignore_ascii_case(name))
        {
            self.dropped.truncate(recent + at);
            self.out.cut(lt, tag.end);
        } else if let Some(at) = self
            .stack
            .iter()
            .rposition(|open| open.eq_ignore_ascii_case(name))
        {
            self.stack.truncate(at);
            self.dropped.clear();
        }
        tag.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use scraper::{Html, Node};

    fn scanned(html: &str) -> Cow<'_, str> {
        prescan(html, 512).html
    }

    fn bound_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
        prescan(html, max_depth).html
    }

    /// Every attribute of every element, as (element, name, value).
    fn attributes(html: &str) -> Vec<(String, String, String)> {
        let doc = Html::parse_document(html);
        doc.tree
            .values()
            .filter_map(Node::as_element)
            .flat_map(|el| {
                el.attrs
                    .iter()
                    .map(|(q, v)| (el.name().to_owned(), q.local.to_string(), v.to_string()))
            })
            .collect()
    }

    #[test]
    fn sizeable_script_bodies_are_recorded_but_not_parsed() {
        let state = format!("{{\"text\":\"{}\"}}", "words ".repeat(60));
        let code = "x();".repeat(100);
        let html = format!(
            "<p>a</p><script id=__NEXT_DATA__ type=application/json>{state}</script>\
             <script>tiny()</script><script type=application/ld+json>{state}</script>\
             <svg><script>{code}</script></svg><script>{code}</script>"
        );
        let scanned = prescan(&html, 512);
        let bodies: Vec<&str> = scanned.scripts.iter().map(|r| &html[r.clone()]).collect();
        // JSON-LD stays in the document instead; short scripts and SVG
        // scripts are not recorded.
        assert_eq!(bodies, [state.as_str(), code.as_str()]);
        assert_eq!(
            scanned.html.matches(state.as_str()).count(),
            1,
            "only the JSON-LD copy"
        );
        assert!(!scanned.html.contains("x();"));
    }

    #[test]
    fn data_attributes_no_stage_reads_are_left_out() {
        let html = "<div class=a data-props='{\"x\": \"<b> 1\"}' id=b>t</div>\
            <img src=/a.gif DATA-SRC=/real.jpg data-lazy-srcset=\"/r.jpg 2x\" data-x=1/>\
            <p data-flag data-y = \"q\"title=t>u</p><a href=x data-z=\"a/b\"/>v</a>\
            <svg data-keep=1><g data-keep=2></g></svg><span data-=1 data>w</span>";
        let before = attributes(html);
        let out = scanned(html);
        let after = attributes(&out);
        let expected: Vec<_> = before
            .iter()
            .filter(|(_, name, _)| {
                !name.starts_with("data-")
                    || reads_data_attribute(name.as_bytes())
                    || name == "data-"
            })
            .filter(|(el, name, _)| el == "svg" || el == "g" || !name.starts_with("data-k"))
            .cloned()
            .collect();
        // SVG content is emptied, not its start tag's attributes.
        let expected: Vec<_> = expected.into_iter().filter(|(el, ..)| el != "g").collect();
        assert_eq!(after, expected, "{out}");
        assert!(out.contains("DATA-SRC=/real.jpg") && out.contains("data-lazy-srcset"));
        assert!(!out.contains("data-props") && !out.contains("data-flag"));
        // Text is untouched.
        assert!(out.contains(">t</div>") && out.contains(">u</p>"));
    }

    #[test]
    fn a_discourse_crawler_view_in_noscript_parses_as_markup() {
        let html = "<body><div id=app></div><noscript data-path=\"/t/topic/1\">\
            <div class=topic-body><p>The first post of the topic.</p>\
            <noscript><img src=/lazy.png></noscript></div></noscript>\
            <p>After</p><noscript><img src=/pixel.gif></noscript>\
            <noscript id=flarum-content><ul><li>A Flarum post</li></ul></noscript></body>";
        let out = scanned(html);
        let doc = Html::parse_document(&out);
        let names: Vec<&str> = doc
            .tree
            .values()
            .filter_map(Node::as_element)
            .map(|el| el.name())
            .collect();
        // The crawler view's markup is elements; the noscript elements
        // without the attribute (inside and after it) stay as they are.
        assert_eq!(
            names,
            [
                "html", "head", "body", "div", "div", "p", "noscript", "p", "noscript", "ul", "li"
            ],
            "{out}"
        );
        assert!(
            out.contains("<noscript><img src=/lazy.png></noscript>"),
            "{out}"
        );
        assert!(
            out.contains("<noscript><img src=/pixel.gif></noscript>"),
            "{out}"
        );
        assert!(!out.contains("data-path"), "{out}");
    }

    /// Every `.rs` file under `dir` but the pre-scan's own.
    fn stage_sources(dir: &std::path::Path, out: &mut Vec<String>) {
        let entries = std::fs::read_dir(dir).expect("a readable source folder");
        for entry in entries {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                if !path.ends_with("prescan") {
                    stage_sources(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).expect("a readable source file"));
            }
        }
    }

    /// The data attributes the stages read, found in their sources (every
    /// file under `src/extract`), are all kept: a new one cannot be left
    /// out by the pre-scan unnoticed.
    #[test]
    fn every_data_attribute_a_stage_names_is_kept() {
        let mut sources = Vec::new();
        let extract = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract");
        stage_sources(&extract, &mut sources);
        assert!(sources.len() > 20, "only {} sources", sources.len());
        let mut found = 0;
        for source in &sources {
            for (at, _) in source.match_indices("\"data-") {
                let name: String = source[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if name == "data-" {
                    // A prefix test (`starts_with("data-")`), not a name.
                    continue;
                }
                assert!(
                    reads_data_attribute(name.as_bytes()),
                    "{name} is read but left out"
                );
                found += 1;
            }
        }
        assert!(found >= 10, "the lazy-image attributes are found ({found})");
    }

    #[test]
    fn escaped_script_data_ends_where_the_tokenizer_ends_it() {
        let end = |html: &str| script_data_end(html.as_bytes(), 0);
        // Double escaped: the first `</script>` returns to the escaped run.
        let html = "<!--<script></script><style></script>-->x";
        assert_eq!(end(html), "<!--<script></script><style>".len());
        // Escaped only: `</script>` ends it.
        assert_eq!(end("<!-- a </script>"), "<!-- a ".len());
        // `-->` leaves the escape; `<!-->` at once.
        assert_eq!(
            end("<!-- <script> --> </script>"),
            "<!-- <script> --> ".len()
        );
        assert_eq!(end("<!--><script></script>"), "<!--><script>".len());
        assert_eq!(end("<!--<scripts></script>"), "<!--<scripts>".len());
        assert_eq!(end("<!--<script>"), "<!--<script>".len());
        // The JSON-LD script keeps its content and what follows is intact.
        let page = "<script type=application/ld+json><!--<script></script><style></script>-->\
                    </script><p>after</p>";
        assert_eq!(scanned(page), page);
    }

    #[test]
    fn ordinary_pages_are_untouched() {
        let html = "<!DOCTYPE html><html><body><div><p>a<p>b<ul><li>x<li>y</ul><img src=a><br></div>\
                    <textarea><!-- not a comment --></textarea><script type=\"application/LD+JSON\">\
                    {\"a\": \"<b>\"}</script></body></html>";
        assert!(matches!(bound_nesting(html, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let html = format!(
            "{}deep text{}",
            "<div class='a>b'>".repeat(50),
            "</div>".repeat(50)
        );
        let bounded = bound_nesting(&html, 10);
        assert_eq!(bounded.matches("<div").count(), 10);
        assert_eq!(bounded.matches("</div>").count(), 10);
        assert!(bounded.contains("deep text"));
    }

    #[test]
    fn raw_text_and_comments_are_not_markup() {
        let html = "<div><!-- <div><div><div> --><style>div{}</style><div>x</div></div>";
        assert_eq!(
            bound_nesting(html, 2),
            "<div><style></style><div>x</div></div>"
        );
        let html = "<div><textarea><div><div><div></textarea><div>x</div></div>";
        assert!(matches!(bound_nesting(html, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn void_implied_and_raw_elements_do_not_count() {
        let html = "<div><p><li><br><img><title>t</title><div>x</div></div>";
        assert!(matches!(bound_nesting(html, 2), Cow::Borrowed(_)));
        // A stray end tag closes back to its match.
        let html = "<div><span><b></span><div>x</div></div>";
        assert!(matches!(bound_nesting(html, 3), Cow::Borrowed(_)));
        let html = "<div><span><b></div><div>x</div>";
        assert_eq!(bound_nesting(html, 2), "<div><span></div><div>x</div>");
    }

    #[test]
    fn counts_start_tags_outside_comments_and_raw_text() {
        let html = "<p>a</p><!-- <p> --><script>'<p>'</script><title><p></title><br/>\
                    <svg><path/><g></g></svg><a href='<p>'>x</a>";
        // p, script, title, br, svg, path, g, a.
        assert_eq!(prescan(html, 512).start_tags, 8);
        assert_eq!(prescan("a < b <1 <", 512).start_tags, 0);
    }

    #[test]
    fn script_and_style_bodies_are_emptied() {
        assert_eq!(
            scanned("<head><script src=a.js>var a = '<div>';</script><STYLE media=x>p>a{}</STYLE>"),
            "<head><script src=a.js></script><STYLE media=x></STYLE>"
        );
        // The end tag as the tokenizer finds it.
        assert_eq!(
            scanned("<script>a</scriptx>b</SCRIPT >c"),
            "<script></SCRIPT >c"
        );
        assert_eq!(scanned("<script>a</script/>c"), "<script></script/>c");
        // Unterminated: the script runs to the end.
        assert_eq!(scanned("<p>x<script>var a = 1;"), "<p>x<script>");
    }

    #[test]
    fn json_ld_and_escaped_scripts_are_kept() {
        for html in [
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>",
            "<script TYPE='application/LD+JSON'>{}</script>",
            "<script>document.write('<!--');</script>",
            "<script><!-- var a; --></script>",
            "<script></script>",
        ] {
            assert!(matches!(scanned(html), Cow::Borrowed(_)), "{html}");
        }
    }

    #[test]
    fn scripts_inside_raw_text_and_comments_are_not_scripts() {
        for html in [
            "<textarea><script>x</script></textarea>",
            "<title><style>x</style></title>",
            "<noscript><script>x</script></noscript>",
            "<xmp><svg><g/></svg></xmp>",
            "x<!-- <script>x</script> -->",
            "<a title='<script>x</script>'>y</a>",
        ] {
            assert!(matches!(scanned(html), Cow::Borrowed(_)), "{html}");
        }
    }

    #[test]
    fn comments_are_dropped_where_safe() {
        assert_eq!(
            scanned("<!-- a --><p>x</p>\n<!-- b -- c --!> <p>y</p><!---->"),
            "<p>x</p>\n <p>y</p>"
        );
        assert_eq!(scanned("<p><!--><!--->z"), "<p>z");
        // Unterminated: the comment runs to the end.
        assert_eq!(scanned("<p>x</p> <!-- <p>y</p>"), "<p>x</p> ");
        // Joining the text around them could make markup or references.
        for html in [
            "a<<!-- -->b",
            "&amp<!-- -->;",
            "</<!-- -->b>",
            "x<!-- -->y",
            "<table> <!-- -->x",
        ] {
            assert!(matches!(scanned(html), Cow::Borrowed(_)), "{html}");
        }
    }

    #[test]
    fn svg_content_is_emptied() {
        assert_eq!(
            scanned(
                "<p>a<svg viewBox='0 0 1 1'><svg><title>t</title></svg><path d='M0>1'/></svg>b"
            ),
            "<p>a<svg viewBox='0 0 1 1'></svg>b"
        );
        assert_eq!(
            scanned("<SVG><style>.a{fill:red}</style><![CDATA[</svg>]]><!-- </svg> --></svg >x"),
            "<SVG></svg >x"
        );
        // Self-closing: nothing to empty.
        assert!(matches!(scanned("<svg/><p>x</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn svg_content_html5ever_would_move_out_is_kept() {
        for html in [
            "<svg><p>x</p></svg>",
            "<svg><g><div>x</div></g></svg>",
            "<svg><foreignObject><span>x</span></foreignObject></svg>",
            "<svg></p></svg>",
            "<svg><style>a<b</style></svg>",
            "<svg><g>unterminated",
            "<div><svg></div>x</svg>",
            "<svg></g></svg>",
        ] {
            assert!(matches!(scanned(html), Cow::Borrowed(_)), "{html}");
        }
        // An SVG after a kept one is emptied again.
        assert_eq!(
            scanned("<svg><b>x</b></svg><svg><g/></svg>"),
            "<svg><b>x</b></svg><svg></svg>"
        );
    }

    #[test]
    fn an_unterminated_tag_keeps_its_data_attributes() {
        // html5ever drops a tag the input ends inside; leaving out its
        // attributes would close it into a new element.
        let html = "<p>x</p><a data-x=\">";
        assert_eq!(scanned(html), html);
        assert_eq!(scanned("<p data-x=1 data-y>x</p>"), "<p  >x</p>");
    }

    #[test]
    fn quoted_attribute_values_may_hold_angle_brackets() {
        let html = "<div title=\"a > b\" alt='<script>'><script>1</script></div>";
        assert_eq!(
            scanned(html),
            "<div title=\"a > b\" alt='<script>'><script></script></div>"
        );
        // A quote not after `=` opens nothing: the tag ends at the first `>`.
        assert_eq!(scanned("<a b'c><!-- x -->d</a>"), "<a b'c>d</a>");
        assert_eq!(scanned("<a b=c'd><!-- x -->e"), "<a b=c'd>e");
        assert_eq!(scanned("<a =\"x><!-- y -->\">"), "<a =\"x>\">");
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for html in [
            "",
            "<",
            "</",
            "<!",
            "<!-",
            "<!--",
            "<!---",
            "<?",
            "<a",
            "<a b",
            "<a b=",
            "<a b='",
            "<a b=c",
            "</a",
            "</a b='",
            "<script",
            "<script>",
            "<script>x</",
            "<script>x</script",
            "<svg>",
            "<svg><",
            "<svg></",
            "<svg><!",
            "<svg><![CDATA[",
            "<svg><style>",
            "<é>x</é>",
            "<aé b=é>é</aé>",
            "<ñ",
            "</ñ>",
            "<style>é",
        ] {
            let out = prescan(html, 2);
            assert!(out.html.len() <= html.len(), "{html}");
        }
    }

    /// The text html5ever finds outside script, style, SVG and comments.
    fn visible_text(html: &str) -> String {
        let doc = Html::parse_document(html);
        let mut text = String::new();
        for node in doc.tree.root().descendants() {
            if let Node::Text(t) = node.value() {
                let hidden = node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "script" | "style" | "svg"))
                });
                if !hidden {
                    text.push_str(t);
                }
            }
        }
        text
    }

    const PIECES: &[&str] = &[
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<br>",
        "<table>",
        "<td>",
        "<li>",
        "<script>",
        "</script>",
        "<script type=application/ld+json>",
        "</SCRIPT >",
        "<style>",
        "</style>",
        "<svg>",
        "</svg>",
        "<svg/>",
        "<g>",
        "<path d='M>'/>",
        "<math>",
        "</math>",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "<!--",
        "-->",
        "--!>",
        "<!-- c -->",
        "<![CDATA[",
        "]]>",
        "<a href=\"x>y\">",
        "</a>",
        "text",
        "é",
        " ",
        "\n",
        "<",
        ">",
        "</",
        "'",
        "\"",
        "=",
        "&amp",
        ";",
        "x",
        "<!DOCTYPE html>",
        "<?x>",
    ];

    proptest! {
        #[test]
        fn ascii_soup_never_panics_nor_grows(soup in "[<>/!a-z\"'= -]{0,80}") {
            for depth in [1, 3, 512] {
                let out = prescan(&soup, depth);
                prop_assert!(out.html.len() <= soup.len());
            }
        }

        #[test]
        fn soup_of_pieces_never_panics_nor_grows(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)
        ) {
            let html = pieces.concat();
            for depth in [1, 3] {
                let out = prescan(&html, depth);
                prop_assert!(out.html.len() <= html.len());
            }
        }

        #[test]
        fn visible_text_is_unchanged(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)
        ) {
            let html = pieces.concat();
            let out = scanned(&html);
            prop_assert_eq!(visible_text(&out), visible_text(&html), "{} -> {}", html, out);
        }
    }
}
