//! Whitespace normalisation and text helpers shared by the stages.

/// Collapses every run of whitespace to one space and trims both ends.
pub fn normalize_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_normalized(&mut out, s);
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    out
}

/// Appends `s` to `out` with whitespace runs collapsed to one space, never
/// starting `out` with a space nor doubling one already at its end.
pub fn push_normalized(out: &mut String, s: &str) {
    // Each boundary between two pieces is one whitespace character; runs of
    // them give empty pieces, and the space is added once. Words are copied
    // whole, not character by character.
    let space = |out: &mut String| {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    };
    if s.is_ascii() {
        // ASCII whitespace as `char::is_whitespace` has it: \t \n \v \f \r and space.
        let mut pieces = s.split(|c: char| matches!(c, '\t'..='\r' | ' '));
        if let Some(first) = pieces.next() {
            out.push_str(first);
        }
        for piece in pieces {
            space(out);
            out.push_str(piece);
        }
        return;
    }
    let mut pieces = s.split(char::is_whitespace);
    if let Some(first) = pieces.next() {
        out.push_str(first);
    }
    for piece in pieces {
        space(out);
        out.push_str(piece);
    }
}

/// Whether `haystack` contains `needle` (lower-case ASCII), ignoring ASCII
/// case: `to_ascii_lowercase().contains(needle)` without the copy.
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    // Candidates start where the first byte matches in either case.
    let mut from = 0;
    while let Some(off) = h
        .get(from..)
        .and_then(|rest| memchr::memchr2(first, first.to_ascii_uppercase(), rest))
    {
        let start = from + off;
        match h.get(start..start + n.len()) {
            Some(window) if window.eq_ignore_ascii_case(n) => return true,
            Some(_) => from = start + 1,
            None => return false,
        }
    }
    false
}

/// Length in bytes, in `text`, of an opening that reads as `label` (written
/// in lower case) ignoring case, or `None` when `text` does not open so.
///
/// The comparison goes character by character: each character of `text`,
/// lower-cased (which may give several characters), must match the next
/// characters of `label`, and the label must end at a character of `text`.
/// The length counts `text`'s own bytes, so it always falls on one of its
/// character boundaries, however lower-casing changes byte lengths (the
/// KELVIN SIGN is three bytes, its `k` one; `İ` is two, its `i̇` three).
pub fn prefix_len_ignore_case(text: &str, label: &str) -> Option<usize> {
    let mut want = label.chars().peekable();
    for (at, c) in text.char_indices() {
        if want.peek().is_none() {
            return Some(at);
        }
        if c.is_ascii() {
            if want.next() != Some(c.to_ascii_lowercase()) {
                return None;
            }
            continue;
        }
        for lower in c.to_lowercase() {
            if want.next() != Some(lower) {
                return None;
            }
        }
    }
    want.peek().is_none().then_some(text.len())
}

/// What follows an opening of `text` that reads as `label` (lower case)
/// ignoring case, as [`prefix_len_ignore_case`] finds it.
pub fn strip_prefix_ignore_case<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    text.get(prefix_len_ignore_case(text, label)?..)
}

/// The text before and after the separator `sep` found at byte `at` of
/// `s` (as `find` or `match_indices` give it), both trimmed; `None` when
/// `at` is not where `sep` starts.
pub fn around<'s>(s: &'s str, at: usize, sep: &str) -> Option<(&'s str, &'s str)> {
    let (head, rest) = s.split_at_checked(at)?;
    let tail = rest.strip_prefix(sep)?;
    Some((head.trim(), tail.trim()))
}

/// Whether `c` belongs to a script written without spaces between words
/// (Han, Hiragana, Katakana, Thai, ...), where each character counts as a word.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F)
}

/// Counts words: runs of alphanumerics, with each CJK character one word.
pub fn word_count(s: &str) -> u32 {
    word_counts(s).words
}

/// What [`word_counts`] finds in a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCounts {
    /// Words, each CJK character one (as [`word_count`]).
    pub words: u32,
    /// CJK characters among them.
    pub cjk: u32,
}

/// Unicode's General Punctuation block: no letter or digit in it.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// Words and CJK characters in one pass (the word count and the reading
/// time both need them; the article text can be long). ASCII runs take a
/// byte loop.
pub fn word_counts(s: &str) -> WordCounts {
    let mut counts = WordCounts::default();
    let mut in_word = false;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                counts.words += u32::from(!in_word);
                in_word = true;
            } else {
                in_word = false;
            }
        } else if GENERAL_PUNCTUATION.contains(&c) {
            // Curly quotes, dashes, ellipses: the commonest non-ASCII
            // characters of Latin text, answered without the Unicode
            // tables (`is_alphanumeric` takes a slow path for them).
            in_word = false;
        } else if is_cjk(c) {
            counts.words = counts.words.saturating_add(1);
            counts.cjk = counts.cjk.saturating_add(1);
            in_word = false;
        } else if c.is_alphanumeric() {
            counts.words += u32::from(!in_word);
            in_word = true;
        } else {
            in_word = false;
        }
    }
    counts
}

/// Text whose case mapping changes byte lengths, for the tests of every
/// stage that matches labels.
#[cfg(test)]
pub(crate) mod tricky {
    /// Variants of `label` (lower case) that break byte-offset arithmetic
    /// done on a lower-cased copy: upper-cased, its letters swapped for
    /// look-alikes that lower-case to them (`k` for KELVIN SIGN), and each
    /// followed by length-changing characters (the crash page's "kaynaK" +
    /// two `İ` among them) and the punctuation labels take.
    pub(crate) fn variants(label: &str) -> Vec<String> {
        let lookalike = |c: char| match c {
            'k' => '\u{212a}',
            '\u{e5}' => '\u{212b}',
            '\u{3c9}' => '\u{2126}',
            '\u{df}' => '\u{1e9e}',
            'i' => '\u{130}',
            's' => '\u{17f}',
            '\u{3c3}' => '\u{3c2}',
            c => c,
        };
        let upper = label.to_uppercase();
        let swapped: String = label.chars().map(lookalike).collect();
        let last_swapped: String = {
            let mut chars: Vec<char> = label.chars().collect();
            if let Some(last) = chars.last_mut() {
                *last = lookalike(*last);
            }
            chars.into_iter().collect()
        };
        let mut out = Vec::new();
        for head in [label.to_owned(), upper, swapped, last_swapped] {
            for tail in [
                "",
                "\u{130}\u{130}",
                "\u{130}",
                ": \u{130}\u{212a}",
                " \u{212a}\u{130}\u{130} x",
                ", \u{149}\u{3c2}",
                "\u{212a}\u{212b}\u{2126}",
            ] {
                out.push(format!("{head}{tail}"));
                out.push(format!("\u{130}{head}{tail}"));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric() && !is_cjk(c), "{c:?}");
        }
        // As ever, an apostrophe splits a word: "Don", "t", "he", "said".
        assert_eq!(word_counts("“Don’t” — he said…").words, 4);
    }

    #[test]
    fn collapses_and_trims() {
        assert_eq!(normalize_whitespace("  a \n\t b  "), "a b");
        assert_eq!(normalize_whitespace(""), "");
    }

    #[test]
    fn normalizing_twice_changes_nothing() {
        let once = normalize_whitespace(" x  y\u{a0}z ");
        assert_eq!(normalize_whitespace(&once), once);
    }

    #[test]
    fn pieces_normalise_as_characters_do() {
        let reference = |out: &str, s: &str| {
            let mut out = out.to_owned();
            for c in s.chars() {
                if c.is_whitespace() {
                    if !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                } else {
                    out.push(c);
                }
            }
            out
        };
        for prefix in ["", "a", "a "] {
            for s in [
                "",
                " ",
                "x",
                " x ",
                "a\t\n\x0b\x0c\rb  c",
                "é  ü\u{a0}z ",
                "\u{3000}中文 ",
            ] {
                let mut out = prefix.to_owned();
                push_normalized(&mut out, s);
                assert_eq!(out, reference(prefix, s), "{prefix:?} + {s:?}");
            }
        }
    }

    #[test]
    fn finds_needles_in_any_case() {
        assert!(contains_ignore_ascii_case("post-ByLine", "byline"));
        assert!(!contains_ignore_ascii_case("by-line", "byline"));
        assert!(contains_ignore_ascii_case("x", ""));
        assert!(!contains_ignore_ascii_case("", "a"));
    }

    #[test]
    fn prefixes_match_by_character_whatever_lower_casing_does_to_lengths() {
        assert_eq!(prefix_len_ignore_case("Photo: AP", "photo"), Some(5));
        assert_eq!(prefix_len_ignore_case("PHOTO", "photo"), Some(5));
        assert_eq!(prefix_len_ignore_case("Phot", "photo"), None);
        assert_eq!(prefix_len_ignore_case("x", ""), Some(0));
        // KELVIN SIGN (3 bytes) lower-cases to `k` (1 byte).
        let kelvin = "kayna\u{212a}\u{130}\u{130}";
        assert_eq!(prefix_len_ignore_case(kelvin, "kaynak"), Some(8));
        assert_eq!(
            strip_prefix_ignore_case(kelvin, "kaynak"),
            Some("\u{130}\u{130}")
        );
        // `İ` lower-cases to `i` and a combining dot: both must be in the label.
        assert_eq!(prefix_len_ignore_case("\u{130}x", "i"), None);
        assert_eq!(prefix_len_ignore_case("\u{130}x", "i\u{307}x"), Some(3));
        // ANGSTROM SIGN and OHM SIGN shrink, final sigma stays itself.
        assert_eq!(prefix_len_ignore_case("\u{212b}b", "\u{e5}b"), Some(4));
        assert_eq!(prefix_len_ignore_case("\u{2126}", "\u{3c9}"), Some(3));
        assert_eq!(prefix_len_ignore_case("\u{3c2}", "\u{3c3}"), None);
        assert_eq!(
            prefix_len_ignore_case("Fuente", "fuente de la imagen"),
            None
        );
    }

    #[test]
    fn prefix_lengths_are_char_boundaries_of_the_text() {
        let tricky = [
            "\u{130}", "\u{212a}", "\u{212b}", "\u{2126}", "\u{1e9e}", "\u{17f}", "\u{3c2}", "a",
            "K", " ",
        ];
        let labels = [
            "k", "i", "i\u{307}", "ka", "kk", "\u{e5}", "\u{3c9}", "ss", "s", "a k", "",
        ];
        // Every string of up to three pieces, against every label.
        for a in tricky {
            for b in tricky {
                for c in tricky {
                    let text = [a, b, c].concat();
                    for label in labels {
                        if let Some(n) = prefix_len_ignore_case(&text, label) {
                            assert!(text.is_char_boundary(n), "{text:?} {label:?} {n}");
                            let lowered: String =
                                text[..n].chars().flat_map(char::to_lowercase).collect();
                            assert_eq!(lowered, label, "{text:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn counts_cjk_per_character() {
        assert_eq!(
            word_counts("普京 meets Kim, 2024年"),
            WordCounts { words: 6, cjk: 3 }
        );
        assert_eq!(word_count("Größe über-all"), 3);
        assert_eq!(word_count("普京 meets Kim"), 4);
        assert_eq!(word_count("it's 2024"), 3);
    }
}
