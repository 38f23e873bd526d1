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
    while let Some(off) = memchr::memchr2(first, first.to_ascii_uppercase(), &h[from..]) {
        let start = from + off;
        match h.get(start..start + n.len()) {
            Some(window) if window.eq_ignore_ascii_case(n) => return true,
            Some(_) => from = start + 1,
            None => return false,
        }
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;

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
