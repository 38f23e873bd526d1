//! Text found in structured data, shaped into paragraphs: markup stripped
//! (a block tag ends a paragraph), character references decoded, long runs
//! cut at sentence ends; and the test that tells prose from identifiers,
//! URLs, class lists and code.

use crate::extract::metadata::decode_entities;
use crate::extract::text::{normalize_whitespace, word_counts};

/// A paragraph longer than this (bytes) with no line break is cut at the
/// next sentence end past it: JSON-LD `articleBody` often flattens a whole
/// article into one line. Chosen by hand: about six sentences of news prose.
const LONG_PARAGRAPH_BYTES: usize = 1000;
/// Prose has at least this many words (CJK characters excepted, see
/// [`MIN_PROSE_CJK`]): shorter strings in page state are labels, titles and
/// identifiers. Chosen by hand: a one-line teaser has about ten.
const MIN_PROSE_WORDS: u32 = 8;
/// Prose in Chinese, Japanese or Korean has at least this many characters.
const MIN_PROSE_CJK: u32 = 20;
/// Share of a prose string's non-space characters that are letters (or
/// digits); URLs, hashes and serialised data fall below. Chosen by hand.
const MIN_LETTER_SHARE: f32 = 0.7;
/// Share of the words of a prose string that may look like identifiers
/// (holding `-`, `_`, `/`, `=` or digits): a list of CSS utility classes
/// (`flex items-center px-4`) is all such words. Chosen by hand.
const MAX_IDENTIFIER_SHARE: f32 = 0.3;

/// Elements whose tags end a paragraph when markup is stripped.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose content is no text.
const SKIPPED_TAGS: &[&str] = &["script", "style", "template"];

/// Appends the paragraphs of `raw` (plain text or an HTML fragment) to `out`.
pub(super) fn paragraphs(raw: &str, out: &mut Vec<String>) {
    let plain = if has_markup(raw) {
        strip_markup(raw)
    } else {
        raw.to_owned()
    };
    let plain = decode_entities(&plain);
    for line in plain.lines() {
        let line = normalize_whitespace(line);
        if !line.is_empty() {
            cut_long(&line, out);
        }
    }
}

/// Whether `text` holds something that reads as a tag (`<p>`, `</div>`).
pub(super) fn has_markup(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        text.get(at + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
    })
}

/// The text of an HTML fragment, with a line break where a block tag stood.
fn strip_markup(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut skipping: Option<&str> = None;
    while let Some(lt) = rest.find('<') {
        let (before, tag_on) = rest.split_at(lt);
        if skipping.is_none() {
            out.push_str(before);
        }
        let Some(gt) = tag_on.find('>') else {
            if skipping.is_none() {
                out.push_str(tag_on);
            }
            rest = "";
            break;
        };
        let tag = tag_on.get(1..gt).unwrap_or_default();
        rest = tag_on.get(gt + 1..).unwrap_or_default();
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() && !tag.starts_with('!') {
            // `a < b`: not a tag.
            if skipping.is_none() {
                out.push('<');
                out.push_str(tag);
                out.push('>');
            }
            continue;
        }
        if let Some(open) = skipping {
            if closing && name == open {
                skipping = None;
            }
            continue;
        }
        if let Some(&skipped) = SKIPPED_TAGS.iter().find(|t| **t == name) {
            if !closing && !tag.ends_with('/') {
                skipping = Some(skipped);
            }
        } else if BLOCK_TAGS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    if skipping.is_none() {
        out.push_str(rest);
    }
    out
}

/// Pushes `line`, cut at the first sentence end past every
/// [`LONG_PARAGRAPH_BYTES`].
fn cut_long(line: &str, out: &mut Vec<String>) {
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let ends_sentence = match c {
            '.' | '!' | '?' => chars.peek().is_some_and(|(_, next)| *next == ' '),
            '。' | '！' | '？' => true,
            _ => false,
        };
        if ends_sentence && at - start >= LONG_PARAGRAPH_BYTES {
            let end = at + c.len_utf8();
            if let Some(piece) = line.get(start..end) {
                out.push(piece.trim().to_owned());
            }
            start = end;
        }
    }
    if let Some(piece) = line.get(start..).map(str::trim)
        && !piece.is_empty()
    {
        out.push(piece.to_owned());
    }
}

/// Whether `text` reads as prose: enough words, mostly letters, sentence
/// punctuation, and few words that look like identifiers.
pub(super) fn is_prose(text: &str) -> bool {
    let counts = word_counts(text);
    let latin_words = counts.words.saturating_sub(counts.cjk);
    if latin_words < MIN_PROSE_WORDS && counts.cjk < MIN_PROSE_CJK {
        return false;
    }
    let mut letters = 0usize;
    let mut visible = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        if c.is_alphanumeric() {
            letters += 1;
        }
    }
    if (letters as f32) < visible as f32 * MIN_LETTER_SHARE {
        return false;
    }
    let has_punctuation = text.contains(['.', ',', '!', '?', '。', '，', '、', '；', ';', ':']);
    if !has_punctuation {
        return false;
    }
    if counts.cjk >= MIN_PROSE_CJK {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let identifiers = words
        .iter()
        .filter(|w| {
            w.contains(['-', '_', '/', '=', '{', '}'])
                || w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic)
        })
        .count();
    (identifiers as f32) <= words.len() as f32 * MAX_IDENTIFIER_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(raw: &str) -> Vec<String> {
        let mut out = Vec::new();
        paragraphs(raw, &mut out);
        out
    }

    #[test]
    fn markup_is_stripped_and_blocks_end_paragraphs() {
        assert_eq!(
            paras("<p>One <b>bold</b> word.</p><p>Two &amp; three</p><script>x()</script>tail"),
            ["One bold word.", "Two & three", "tail"]
        );
        assert_eq!(paras("a < b and c > d"), ["a < b and c > d"]);
        assert_eq!(
            paras("Line one\n\nLine two\r\nthree"),
            ["Line one", "Line two", "three"]
        );
        assert_eq!(paras("unclosed <p tag"), ["unclosed <p tag"]);
    }

    #[test]
    fn long_lines_are_cut_at_sentence_ends() {
        let sentence = "This sentence is about fifty bytes long, give or take. ";
        let line = sentence.repeat(60);
        let out = paras(&line);
        assert!(out.len() >= 3, "{}", out.len());
        assert!(out.iter().all(|p| p.ends_with('.')));
        assert_eq!(out.join(" "), line.trim());
    }

    #[test]
    fn prose_is_told_from_labels_urls_classes_and_code() {
        assert!(is_prose(
            "The council voted on Tuesday to close the old bridge, citing safety."
        ));
        assert!(is_prose(
            "市议会周二投票决定关闭旧桥，理由是安全问题，居民对此表示担忧和不满。"
        ));
        assert!(!is_prose("Read more"));
        assert!(!is_prose(
            "flex items-center justify-between px-4 py-2 text-sm font-medium, x"
        ));
        assert!(!is_prose(
            "https://example.com/a/b/c?x=1&y=2 https://example.com/d/e/f"
        ));
        assert!(!is_prose(
            "function(a,b){return a+b;} var x = {a: 1, b: 2}; x.y = z;"
        ));
        assert!(!is_prose(
            "A title without any punctuation that goes on for words"
        ));
    }
}
