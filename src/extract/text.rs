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
    for c in s.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
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
    let mut count = 0u32;
    let mut in_word = false;
    for c in s.chars() {
        if is_cjk(c) {
            count = count.saturating_add(1);
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                count = count.saturating_add(1);
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    count
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
    fn counts_cjk_per_character() {
        assert_eq!(word_count("普京 meets Kim"), 4);
        assert_eq!(word_count("it's 2024"), 3);
    }
}
