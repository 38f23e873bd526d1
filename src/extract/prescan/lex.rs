//! The readers of the pre-scan: each finds where one piece of markup ends
//! as html5ever's tokenizer would (a tag and its attributes, a comment, raw
//! text, script data, a bogus comment, an inline SVG's content), without
//! building anything. [`super`] drives them in its one pass.

// A byte scanner: every offset is bounded by its loop condition (`i < to`,
// with `to` at most the input's length). String slicing stays denied; the
// `prescan` fuzz target and the differential property test exercise it.
#![allow(
    clippy::indexing_slicing,
    reason = "byte offsets bounded by the scan's loop conditions"
)]

use std::sync::LazyLock;

use memchr::memmem::Finder;
use memchr::{memchr, memchr2};

static END_TAG_OPEN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"</"));
/// `<!--`, which also tells the scan a script's end is ambiguous.
pub(super) static COMMENT_OPEN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"<!--"));
static DASHES: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"--"));
/// `]]>`, the end of a CDATA section.
pub(super) static CDATA_CLOSE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"]]>"));

/// What the scan needs to know about an element name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// No end tag.
    Void,
    /// Closed implicitly by a sibling of the same kind; never counted.
    Implied,
    Script,
    Style,
    /// Another element whose content is text up to its end tag.
    RawText,
    /// Everything after the start tag is text.
    Plaintext,
    Svg,
    Math,
    Other,
}

impl Kind {
    pub(super) fn of(name: &[u8]) -> Kind {
        let mut lower = [0u8; 9];
        let Some(lower) = lower.get_mut(..name.len()) else {
            return Kind::Other;
        };
        for (l, b) in lower.iter_mut().zip(name) {
            *l = b.to_ascii_lowercase();
        }
        match &*lower {
            b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
            | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"keygen" => Kind::Void,
            b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th"
            | b"thead" | b"tbody" | b"tfoot" | b"rb" | b"rt" | b"rp" | b"colgroup" | b"caption" => {
                Kind::Implied
            }
            b"script" => Kind::Script,
            b"style" => Kind::Style,
            b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed" | b"noframes"
            | b"noscript" => Kind::RawText,
            b"plaintext" => Kind::Plaintext,
            b"svg" => Kind::Svg,
            b"math" => Kind::Math,
            _ => Kind::Other,
        }
    }

    pub(super) fn is_raw_text(self) -> bool {
        matches!(self, Kind::Script | Kind::Style | Kind::RawText)
    }
}

/// Start tags that make html5ever leave SVG or MathML content (`font` only
/// with some attributes; always here, to be safe).
fn breaks_out_of_foreign(name: &[u8]) -> bool {
    let mut lower = [0u8; 10];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return false;
    };
    for (l, b) in lower.iter_mut().zip(name) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &*lower,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
            | b"font"
    )
}

/// HTML whitespace (CR included: the tokenizer sees it as a line feed).
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// A start or end tag, tokenized as html5ever does.
pub(super) struct Tag {
    /// One past the tag name.
    pub(super) name_end: usize,
    /// One past the closing `>` (the end of input if there is none).
    pub(super) end: usize,
    /// Ends with `/>` outside an attribute value.
    pub(super) self_closing: bool,
}

/// One attribute of a tag, as the tokenizer splits it: `b[start..name_end]`
/// is its name, `b[start..end]` the whole attribute, its value included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Attribute {
    pub(super) start: usize,
    pub(super) name_end: usize,
    pub(super) end: usize,
}

/// Reads the tag whose name starts at `name_start`: [`read_tag_attributes`]
/// without looking at the attributes.
pub(super) fn read_tag(b: &[u8], name_start: usize) -> Tag {
    read_tag_attributes(b, name_start, |_| {})
}

/// Reads the tag whose name starts at `name_start`, the one attribute
/// reader of the scan: the name runs to whitespace, `/` or `>`; a quote
/// opens an attribute value only right after `=` (and whitespace)
/// following an attribute name, so a quoted value may hold `>`.
///
/// Calls `attribute` with each attribute in order, split as the tokenizer
/// splits them (an attribute name's first character may be anything, even
/// `=`; it then runs to whitespace, `/`, `=` or `>`). Of a tag without its
/// `>` (the end of input comes first), only some attributes are reported.
pub(super) fn read_tag_attributes(
    b: &[u8],
    name_start: usize,
    mut attribute: impl FnMut(Attribute),
) -> Tag {
    let n = b.len();
    let name_end = b[name_start..]
        .iter()
        .position(|&c| is_space(c) || c == b'/' || c == b'>')
        .map_or(n, |p| name_start + p);
    let unterminated = Tag {
        name_end,
        end: n,
        self_closing: false,
    };
    // Where the tokenizer was last "before an attribute name": the names
    // from here to the next value or `>` are split by `names`.
    let mut segment = name_end;
    let mut i = name_end;
    loop {
        let Some(off) = memchr2(b'>', b'=', &b[i..]) else {
            return unterminated;
        };
        let at = i + off;
        if b[at] == b'>' {
            names(b, segment, at, None, &mut attribute);
            return Tag {
                name_end,
                end: at + 1,
                self_closing: at > name_end && b[at - 1] == b'/',
            };
        }
        // `=`: a value follows only if an attribute name precedes it;
        // otherwise it starts a name (`<a =x>`, `<a/=x>`).
        let mut k = at;
        while k > segment && is_space(b[k - 1]) {
            k -= 1;
        }
        if k == segment || b[k - 1] == b'/' {
            i = at + 1;
            continue;
        }
        let mut v = at + 1;
        while v < n && is_space(b[v]) {
            v += 1;
        }
        match b.get(v) {
            None => return unterminated,
            Some(&quote @ (b'"' | b'\'')) => match memchr(quote, &b[v + 1..]) {
                Some(e) => {
                    i = v + 1 + e + 1;
                    names(b, segment, k, Some(i), &mut attribute);
                    segment = i;
                }
                None => return unterminated,
            },
            Some(b'>') => {
                // A missing value: the attribute runs to the `>`.
                names(b, segment, k, Some(v), &mut attribute);
                return Tag {
                    name_end,
                    end: v + 1,
                    self_closing: false,
                };
            }
            Some(_) => {
                // Unquoted: to whitespace or `>` (`/`, `=` and quotes
                // included).
                let u = b[v..]
                    .iter()
                    .position(|&c| is_space(c) || c == b'>')
                    .map_or(n, |p| v + p);
                if u == n {
                    return unterminated;
                }
                names(b, segment, k, Some(u), &mut attribute);
                if b[u] == b'>' {
                    return Tag {
                        name_end,
                        end: u + 1,
                        self_closing: false,
                    };
                }
                i = u;
                segment = u;
            }
        }
    }
}

/// Reports the attribute names in `b[from..to]`, split at whitespace and
/// `/` (a run with no value or `>` in it); the last one's value ends at
/// `value_end` when there is one.
fn names(
    b: &[u8],
    from: usize,
    to: usize,
    value_end: Option<usize>,
    attribute: &mut impl FnMut(Attribute),
) {
    let mut last: Option<(usize, usize)> = None;
    let mut i = from;
    while i < to {
        if is_space(b[i]) || b[i] == b'/' {
            i += 1;
            continue;
        }
        let start = i;
        while i < to && !is_space(b[i]) && b[i] != b'/' {
            i += 1;
        }
        if let Some((start, name_end)) = last.replace((start, i)) {
            attribute(Attribute {
                start,
                name_end,
                end: name_end,
            });
        }
    }
    if let Some((start, name_end)) = last {
        attribute(Attribute {
            start,
            name_end,
            end: value_end.unwrap_or(name_end),
        });
    }
}

/// One past the end of the comment whose `<!--` ends at `from`, as the
/// tokenizer ends it (`-->`, `--!>`, or the abrupt `<!-->` and `<!--->`).
pub(super) fn comment_end(b: &[u8], from: usize) -> Option<usize> {
    let rest = &b[from..];
    if rest.first() == Some(&b'>') {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut i = from;
    loop {
        let at = i + DASHES.find(&b[i..])?;
        match b.get(at + 2) {
            Some(b'>') => return Some(at + 3),
            Some(b'!') if b.get(at + 3) == Some(&b'>') => return Some(at + 4),
            None => return None,
            Some(_) => i = at + 1,
        }
    }
}

/// Index of the `<` of the end tag closing raw text named `name` that
/// starts at `from` (`</name` followed by whitespace, `/`, `>` or the end,
/// ASCII case-insensitive), or the end of input.
pub(super) fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let n = b.len();
    let mut i = from;
    while let Some(off) = END_TAG_OPEN.find(&b[i..]) {
        let at = i + off;
        let after = at + 2 + name.len();
        if after <= n
            && b[at + 2..after].eq_ignore_ascii_case(name)
            && b.get(after)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return at;
        }
        i = at + 2;
    }
    n
}

/// Index of the `<` of the `</script` that ends script data starting at
/// `from`, following the tokenizer's escape states: after `<!--` the text is
/// "escaped" until `-->`, and inside it `<script` opens a "double escaped"
/// run in which `</script` does not end the element (it returns to the
/// escaped state). Without `<!--` before the first `</script`, that one ends
/// it.
pub(super) fn script_data_end(b: &[u8], from: usize) -> usize {
    let first = raw_text_end(b, from, b"script");
    if COMMENT_OPEN.find(&b[from..first]).is_none() {
        return first;
    }
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    // `name` followed by whitespace, `/` or `>` at `at` (not the end of
    // input: the tokenizer waits for the delimiter, and then the text runs
    // to the end anyway).
    let names_script = |at: usize| {
        let after = at + 6;
        after < b.len()
            && b[at..after].eq_ignore_ascii_case(b"script")
            && matches!(
                b[after],
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
            )
    };
    let n = b.len();
    let mut state = State::Data;
    let mut dashes = 0;
    let mut i = from;
    while i < n {
        let c = b[i];
        match state {
            State::Data => {
                let Some(off) = memchr(b'<', &b[i..]) else {
                    return n;
                };
                i += off;
                if b[i..].starts_with(b"<!--") {
                    state = State::Escaped;
                    dashes = 2;
                    i += 4;
                    continue;
                }
                if b.get(i + 1) == Some(&b'/') && names_script(i + 2) {
                    return i;
                }
                i += 1;
                continue;
            }
            _ if c == b'-' => dashes += 1,
            _ if c == b'>' && dashes >= 2 => {
                state = State::Data;
                dashes = 0;
            }
            _ if c == b'<' => {
                dashes = 0;
                let closing = b.get(i + 1) == Some(&b'/');
                let name_at = i + 1 + usize::from(closing);
                if names_script(name_at) {
                    match (&state, closing) {
                        (State::Escaped, true) => return i,
                        (State::Escaped, false) => state = State::DoubleEscaped,
                        (State::DoubleEscaped, true) => state = State::Escaped,
                        _ => {}
                    }
                    i = name_at + 6;
                    continue;
                }
            }
            _ => dashes = 0,
        }
        i += 1;
    }
    n
}

/// Whether `rest` opens with whitespace only up to a tag or the end of
/// input: the text run it starts holds nothing but whitespace (comments and
/// declarations do not end a run of text for html5ever's table handling).
pub(super) fn whitespace_then_markup(rest: &[u8]) -> bool {
    let j = rest
        .iter()
        .position(|&c| !is_space(c))
        .unwrap_or(rest.len());
    match &rest[j..] {
        [] => true,
        [b'<', c, ..] if c.is_ascii_alphabetic() => true,
        [b'<', b'/', c, ..] => c.is_ascii_alphabetic(),
        _ => false,
    }
}

/// One past the `>` ending a bogus comment, doctype or processing
/// instruction whose body starts at `from`.
pub(super) fn bogus_end(b: &[u8], from: usize) -> usize {
    memchr(b'>', &b[from..]).map_or(b.len(), |e| from + e + 1)
}

/// Whether a script start tag declares JSON-LD (`ld+json` anywhere in it,
/// a superset of the `type` attribute metadata selects on).
pub(super) fn is_json_ld(tag: &[u8]) -> bool {
    tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

/// How an inline SVG's content ends.
pub(super) enum SvgContent {
    /// At the `<` of its matching `</svg>`, holding this many start tags.
    Closed { at: usize, start_tags: usize },
    /// Unsafe to empty: the scan stopped at this index.
    Kept { scanned_to: usize },
}

/// Reads the content of an `<svg>` from `from` (just after its start tag)
/// to its matching `</svg>`, in SVG's rules: no raw text, CDATA sections,
/// an end tag closes back to its match. Content html5ever would not keep
/// inside the SVG (breakout tags such as `<p>`, end tags matching nothing
/// inside), raw-text elements holding `<` (HTML integration points would
/// read them as raw text), and unterminated constructs make it
/// [`SvgContent::Kept`].
pub(super) fn svg_content(b: &[u8], from: usize) -> SvgContent {
    let n = b.len();
    let kept = SvgContent::Kept { scanned_to: n };
    // Elements open inside, the SVG itself first.
    let mut open: Vec<&[u8]> = vec![b"svg"];
    let mut start_tags = 0;
    let mut pos = from;
    while let Some(off) = memchr(b'<', &b[pos..]) {
        let lt = pos + off;
        let Some(&first) = b.get(lt + 1) else {
            return kept;
        };
        match first {
            b'!' => {
                let body = &b[lt + 2..];
                let end = if body.starts_with(b"--") {
                    comment_end(b, lt + 4)
                } else if body.starts_with(b"[CDATA[") {
                    CDATA_CLOSE.find(&b[lt + 9..]).map(|e| lt + 9 + e + 3)
                } else {
                    memchr(b'>', body).map(|e| lt + 2 + e + 1)
                };
                let Some(end) = end else { return kept };
                pos = end;
            }
            b'?' => pos = bogus_end(b, lt + 2),
            b'/' => {
                let Some(&c) = b.get(lt + 2) else {
                    return kept;
                };
                if c == b'>' {
                    pos = lt + 3;
                } else if !c.is_ascii_alphabetic() {
                    pos = bogus_end(b, lt + 2);
                } else {
                    // An end tag closes back to its match; one matching
                    // nothing inside would reach the HTML around the SVG.
                    let tag = read_tag(b, lt + 2);
                    let name = &b[lt + 2..tag.name_end];
                    let Some(at) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) else {
                        return SvgContent::Kept { scanned_to: lt };
                    };
                    open.truncate(at);
                    if open.is_empty() {
                        return SvgContent::Closed { at: lt, start_tags };
                    }
                    pos = tag.end;
                }
            }
            c if c.is_ascii_alphabetic() => {
                let tag = read_tag(b, lt + 1);
                let name = &b[lt + 1..tag.name_end];
                start_tags += 1;
                if breaks_out_of_foreign(name) {
                    return SvgContent::Kept { scanned_to: lt };
                }
                if !tag.self_closing {
                    open.push(name);
                }
                pos = tag.end;
                let kind = Kind::of(name);
                if kind.is_raw_text() || kind == Kind::Plaintext {
                    // Text in SVG, raw text at an integration point: the
                    // same only when it holds no markup.
                    let end = raw_text_end(b, pos, name);
                    if end == n || memchr(b'<', &b[pos..end]).is_some() {
                        return SvgContent::Kept { scanned_to: lt };
                    }
                    pos = end;
                }
            }
            _ => pos = lt + 1,
        }
    }
    kept
}
