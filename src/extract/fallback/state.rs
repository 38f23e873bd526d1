//! Prose in the embedded state of client-rendered pages: the JSON a
//! framework ships in a script for the browser to build the page from
//! (Next.js `<script id="__NEXT_DATA__" type="application/json">` and its
//! `self.__next_f.push(...)` payloads, Nuxt `window.__NUXT__`, Apollo
//! `window.__APOLLO_STATE__`, Redux `window.__INITIAL_STATE__` /
//! `__PRELOADED_STATE__`, any `type="application/json"` block).
//!
//! Each framework nests its content differently, so no schema is read: the
//! double-quoted string literals of the script are decoded (JSON escapes,
//! which JavaScript shares), object keys passed over, and the strings that
//! read as prose ([`is_prose`]) kept in script order, each once; HTML
//! strings (a CMS body) are stripped to their paragraphs. A string that
//! itself holds JSON (`JSON.parse("...")`, React server payloads) is read
//! once more inside.

use std::collections::HashSet;
use std::ops::Range;

use super::prose::{has_markup, is_prose, paragraphs};

/// String literals shorter than this (bytes, escaped) are never prose
/// enough to read: keys, identifiers, short labels.
const MIN_STRING_BYTES: usize = 40;
/// A decoded string this long holding `":` is JSON inside a string, read
/// again (once).
const NESTED_JSON_BYTES: usize = 1000;
/// Script bytes read per page: state beyond this is data, not an article.
const MAX_SCRIPT_BYTES: usize = 16 * 1024 * 1024;
/// Paragraphs kept per page.
const MAX_PARAGRAPHS: usize = 2_000;
/// How far into a script its start may say it is state (`window.__NUXT__`,
/// `self.__next_f`): bytes.
const STATE_MARK_WINDOW: usize = 256;

/// The prose paragraphs of the state scripts among `scripts` (byte ranges
/// of `html`), in script order, each once.
pub(super) fn prose(html: &str, scripts: &[Range<usize>]) -> Vec<String> {
    let mut found = Found::default();
    let mut budget = MAX_SCRIPT_BYTES;
    for range in scripts {
        let Some(script) = html.get(range.clone()) else {
            continue;
        };
        if script.len() > budget {
            break;
        }
        budget -= script.len();
        if looks_like_state(script) {
            scan(script, true, &mut found);
        }
    }
    found.paragraphs
}

/// Paragraphs found so far, and their texts for dropping repeats.
#[derive(Default)]
struct Found {
    paragraphs: Vec<String>,
    seen: HashSet<String>,
}

impl Found {
    fn is_full(&self) -> bool {
        self.paragraphs.len() >= MAX_PARAGRAPHS
    }

    /// Keeps the paragraphs of `text` when, together, they read as prose.
    fn offer(&mut self, text: &str) {
        let mut parts = Vec::new();
        paragraphs(text, &mut parts);
        if !is_prose(&parts.join(" ")) {
            return;
        }
        for part in parts {
            if self.is_full() {
                return;
            }
            if self.seen.insert(part.clone()) {
                self.paragraphs.push(part);
            }
        }
    }
}

/// A JSON document, or a script whose start names framework state (the
/// `__` of `window.__NUXT__`, `__APOLLO_STATE__`, `self.__next_f`).
fn looks_like_state(script: &str) -> bool {
    let start = script.trim_start();
    if start.starts_with(['{', '[']) {
        return true;
    }
    let window = start
        .as_bytes()
        .get(..STATE_MARK_WINDOW.min(start.len()))
        .unwrap_or_default();
    memchr::memmem::find(window, b"__").is_some()
}

/// Offers every string literal of `text` that is no object key; when
/// `nested` allows, strings holding JSON are scanned in turn.
fn scan(text: &str, nested: bool, found: &mut Found) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'"', bytes.get(pos..).unwrap_or_default()) {
        if found.is_full() {
            return;
        }
        let start = pos + off + 1;
        let Some(end) = string_end(bytes, start) else {
            return;
        };
        pos = end + 1;
        if end - start < MIN_STRING_BYTES || is_key(bytes, pos) {
            continue;
        }
        let Some(raw) = text.get(start..end) else {
            continue;
        };
        let decoded = unescape(raw);
        if nested && decoded.len() >= NESTED_JSON_BYTES && decoded.contains("\":") {
            scan(&decoded, false, found);
        } else if is_injected_markup(&decoded) {
            // Ad and tag-manager snippets (`<!-- BEGIN TAG -->`, scripts)
            // are markup to insert, not content.
        } else if has_markup(&decoded) || decoded.contains(' ') {
            found.offer(&decoded);
        }
    }
}

/// Whether a string is markup meant for injection: it holds a comment or a
/// script.
fn is_injected_markup(text: &str) -> bool {
    text.contains("<!--")
        || text.match_indices('<').any(|(at, _)| {
            text.get(at + 1..at + 7)
                .is_some_and(|t| t.eq_ignore_ascii_case("script"))
        })
}

/// The index of the `"` closing the string literal whose text starts at
/// `from`, past backslash escapes.
fn string_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
}

/// Whether the string ending just before `after` is an object key (a `:`
/// follows it).
fn is_key(bytes: &[u8], after: usize) -> bool {
    bytes
        .get(after..)
        .unwrap_or_default()
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        == Some(&b':')
}

/// Decodes the JSON (and JavaScript) escapes of a string literal's text;
/// a malformed escape stands for itself.
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t' | 'r' | 'b' | 'f') => out.push(' '),
            Some('u') => {
                let unit = hex4(&mut chars);
                let c = match unit {
                    Some(high @ 0xD800..=0xDBFF) => {
                        let low = chars
                            .clone()
                            .next()
                            .filter(|c| *c == '\\')
                            .and_then(|_| {
                                let mut ahead = chars.clone();
                                ahead.next();
                                (ahead.next() == Some('u')).then_some(ahead)
                            })
                            .and_then(|mut ahead| {
                                let low = hex4(&mut ahead)?;
                                (0xDC00..=0xDFFF).contains(&low).then_some((low, ahead))
                            });
                        match low {
                            Some((low, ahead)) => {
                                chars = ahead;
                                char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                            }
                            None => None,
                        }
                    }
                    Some(unit) => char::from_u32(unit),
                    None => None,
                };
                out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Four hex digits from `chars`, as a number.
fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut value = 0;
    for _ in 0..4 {
        value = value * 16 + chars.next()?.to_digit(16)?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose_of(script: &str) -> Vec<String> {
        let whole = std::iter::once(0..script.len()).collect::<Vec<_>>();
        prose(script, &whole)
    }

    #[test]
    fn next_data_keeps_prose_values_not_keys_or_identifiers() {
        let script = r#"{"props":{"pageProps":{"post":{"slug":"a-long-slug-that-is-not-prose-at-all-really",
            "title":"Short title",
            "body":"<p>The council voted on Tuesday to close the old bridge, citing safety.</p><p>Repairs would cost more than a new one.</p>",
            "className":"flex items-center justify-between px-4 py-2 text-sm font-medium",
            "The council voted on Tuesday to close the old bridge, as a key?": 1,
            "summary":"The council voted on Tuesday to close the old bridge, citing safety."}}}}"#;
        assert_eq!(
            prose_of(script),
            [
                "The council voted on Tuesday to close the old bridge, citing safety.",
                "Repairs would cost more than a new one."
            ]
        );
    }

    #[test]
    fn escapes_and_state_in_javascript() {
        let script = "window.__INITIAL_STATE__ = {\"a\":\"Caf\\u00e9 owners say the \\\"new\\\" rules, \
            which start in May, will hurt them \\ud83d\\ude00.\"};";
        assert_eq!(
            prose_of(script),
            ["Café owners say the \"new\" rules, which start in May, will hurt them 😀."]
        );
        // Ordinary code is no state.
        let code = "function f(){ return \"The council voted on Tuesday to close the old bridge, citing safety.\"; }";
        assert!(prose_of(code).is_empty());
    }

    #[test]
    fn json_inside_a_string_is_read_once_more() {
        let inner = format!(
            "{{\"text\":\"{}\",\"pad\":\"{}\"}}",
            "Residents packed the hall for hours, and most of them spoke against the plan.",
            "x".repeat(1000)
        );
        let escaped = serde_json::to_string(&inner).unwrap();
        let script = format!("self.__next_f.push([1,{escaped}])");
        assert_eq!(
            prose_of(&script),
            ["Residents packed the hall for hours, and most of them spoke against the plan."]
        );
    }

    #[test]
    fn hostile_literals_end_safely() {
        for script in [
            "{\"abc",
            "{\"x\":\"\\",
            "{\"\\u12",
            "[\"\\ud800\\u",
            "{\"é\\",
        ] {
            let _ = prose_of(script);
        }
        assert_eq!(unescape("\\ud800x\\q\\"), "\u{fffd}xq\\");
        // Ranges beyond the text or reversed read nothing.
        #[allow(clippy::reversed_empty_ranges, reason = "a reversed range on purpose")]
        let ranges = vec![0..100, 3..2];
        assert!(prose("short", &ranges).is_empty());
    }
}
