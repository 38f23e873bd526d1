//! A linear pre-scan that bounds element nesting before html5ever sees the
//! document: html5ever's tree builder checks element scopes by walking the
//! stack of open elements, so its cost grows faster than quadratically with
//! depth (a 500 KB page of nested `<div>`s would take minutes).
//!
//! The scan keeps its own stack of open elements the way a browser would for
//! ordinary tags (void elements and implicitly closed ones such as `<p>` and
//! `<li>` are not counted; an end tag closes back to its match) and drops
//! start and end tags below `max_depth`, keeping their text. Pages within the
//! limit are returned untouched, without a copy.

use std::borrow::Cow;

/// How many of the innermost dropped elements an end tag is matched against.
const MATCH_WINDOW: usize = 64;

/// Elements without end tags.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// Elements a sibling of the same kind closes implicitly; never counted.
const IMPLIED: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "colgroup", "caption",
];
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Returns `html` with tags nested deeper than `max_depth` removed.
pub fn bound_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    if scan(html, max_depth, None) {
        let mut out = String::with_capacity(html.len());
        scan(html, max_depth, Some(&mut out));
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    }
}

/// Walks the tags. Without `out`, answers whether any tag exceeds the limit;
/// with it, copies `html` leaving those tags out.
fn scan(html: &str, max_depth: usize, mut out: Option<&mut String>) -> bool {
    let bytes = html.as_bytes();
    let mut stack: Vec<&str> = Vec::new();
    // Elements opened below the limit: they continue the stack virtually, so
    // their end tags are dropped too.
    let mut dropped: Vec<&str> = Vec::new();
    let mut exceeded = false;
    let mut copied_to = 0;
    let mut pos = 0;
    while let Some(off) = memchr(b'<', &bytes[pos..]) {
        let start = pos + off;
        let rest = &bytes[start + 1..];
        let Some(&first) = rest.first() else { break };
        if first == b'!' || first == b'?' {
            // Comment, doctype, CDATA or processing instruction.
            let end = if rest.starts_with(b"!--") {
                find(&bytes[start + 4..], b"-->").map(|e| start + 4 + e + 3)
            } else {
                memchr(b'>', rest).map(|e| start + 1 + e + 1)
            };
            pos = end.unwrap_or(bytes.len());
            continue;
        }
        let closing = first == b'/';
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            pos = start + 1;
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let tag_end = tag_end(bytes, name_start + name_len);
        let lower = name.to_ascii_lowercase();
        let counted = !VOID.contains(&lower.as_str()) && !IMPLIED.contains(&lower.as_str());
        let mut drop_tag = false;
        if closing {
            if counted {
                // Only the innermost few dropped elements are searched, so
                // stray end tags cannot make the scan quadratic.
                let recent = dropped.len().saturating_sub(MATCH_WINDOW);
                if let Some(at) = dropped[recent..]
                    .iter()
                    .rposition(|open| open.eq_ignore_ascii_case(name))
                {
                    dropped.truncate(recent + at);
                    drop_tag = true;
                } else if let Some(at) = stack
                    .iter()
                    .rposition(|open| open.eq_ignore_ascii_case(name))
                {
                    stack.truncate(at);
                    dropped.clear();
                }
            }
        } else if counted {
            if stack.len() >= max_depth {
                drop_tag = true;
                exceeded = true;
                dropped.push(name);
            } else {
                stack.push(name);
            }
        }
        if drop_tag && let Some(out) = out.as_deref_mut() {
            out.push_str(&html[copied_to..start]);
            copied_to = tag_end;
        }
        pos = tag_end;
        if !closing && RAW_TEXT.contains(&lower.as_str()) {
            // Skip to the matching end tag; its content is not markup.
            let mut search = pos;
            loop {
                match find(&bytes[search..], b"</") {
                    Some(e) => {
                        let at = search + e + 2;
                        let candidate = &bytes[at..(at + lower.len()).min(bytes.len())];
                        if candidate.eq_ignore_ascii_case(lower.as_bytes()) {
                            pos = search + e;
                            break;
                        }
                        search = at;
                    }
                    None => {
                        pos = bytes.len();
                        break;
                    }
                }
            }
            if counted && !drop_tag {
                // The raw-text element closes at its end tag.
                stack.pop();
                if let Some(close_end) = find(&bytes[pos..], b">") {
                    pos += close_end + 1;
                }
            }
        }
        if out.is_none() && exceeded {
            return true;
        }
    }
    if let Some(out) = out {
        out.push_str(&html[copied_to..]);
    }
    exceeded
}

/// Index one past the `>` ending a tag whose name ends at `from`, skipping
/// quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return from + i + 1,
            None => {}
        }
    }
    bytes.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let html = "<html><body><div><p>a<p>b<ul><li>x<li>y</ul><img src=a><br></div>\
                    <script>if (a < b) { x = '<div>'; }</script></body></html>";
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
        assert!(matches!(bound_nesting(html, 2), Cow::Borrowed(_)));
    }
}
