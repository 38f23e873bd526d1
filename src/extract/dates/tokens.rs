//! The tokenizer the absolute parser and the zone reader share: numbers,
//! words (lower-cased, with whether they were written in capitals),
//! separators and collapsed spaces. Han, kana and Hangul characters are
//! words of their own.

/// One token of a date text.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// A run of ASCII digits: its value (saturating) and its length.
    Num { value: u64, digits: usize },
    /// A run of letters, lower-cased; `caps` when every letter was a capital
    /// as written (`ET`, `PST`: zone words that are also common words are
    /// read only in capitals).
    Word { text: String, caps: bool },
    /// Any other character but whitespace.
    Sep(char),
    /// One or more whitespace characters.
    Space,
}

/// Whether `c` is written one character per word (Han, kana, Hangul): such
/// characters are tokens of their own, so `18日下午` splits into `日`, `下`,
/// `午`.
fn is_ideograph(c: char) -> bool {
    crate::extract::text::is_cjk(c) || matches!(c as u32, 0xAC00..=0xD7AF)
}

/// Splits `raw` into tokens.
pub(super) fn tokenize(raw: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut value = u64::from(c as u8 - b'0');
            let mut digits = 1;
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u64::from(d as u8 - b'0'));
                digits += 1;
                chars.next();
            }
            toks.push(Tok::Num { value, digits });
        } else if is_ideograph(c) {
            toks.push(Tok::Word {
                text: c.to_string(),
                caps: false,
            });
        } else if c.is_alphabetic() {
            let mut caps = c.is_uppercase();
            let mut text: String = c.to_lowercase().collect();
            while let Some(&d) = chars
                .peek()
                .filter(|d| d.is_alphabetic() && !is_ideograph(**d))
            {
                caps &= d.is_uppercase();
                text.extend(d.to_lowercase());
                chars.next();
            }
            toks.push(Tok::Word { text, caps });
        } else if c.is_whitespace() {
            if toks.last() != Some(&Tok::Space) {
                toks.push(Tok::Space);
            }
        } else {
            toks.push(Tok::Sep(c));
        }
    }
    toks
}

/// The number at `i`: its value and digit count.
pub(super) fn num(toks: &[Tok], i: usize) -> Option<(u64, usize)> {
    match toks.get(i) {
        Some(Tok::Num { value, digits }) => Some((*value, *digits)),
        _ => None,
    }
}

/// The (lower-cased) word at `i`.
pub(super) fn word(toks: &[Tok], i: usize) -> Option<&str> {
    match toks.get(i) {
        Some(Tok::Word { text, .. }) => Some(text.as_str()),
        _ => None,
    }
}

/// Whether the token at `i` is one of the separators `seps`.
pub(super) fn is_sep(toks: &[Tok], i: usize, seps: &[char]) -> bool {
    matches!(toks.get(i), Some(Tok::Sep(c)) if seps.contains(c))
}

/// Whether the token at `i` is one of the (lower-case) `words`.
pub(super) fn is_word(toks: &[Tok], i: usize, words: &[&str]) -> bool {
    word(toks, i).is_some_and(|w| words.contains(&w))
}

/// `i`, or the index after it when the token at `i` is a space.
pub(super) fn skip_space(toks: &[Tok], i: usize) -> usize {
    if toks.get(i) == Some(&Tok::Space) {
        i + 1
    } else {
        i
    }
}

/// Whether `raw` contains any of `needles`.
pub(super) fn has_any(raw: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| raw.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_ideographs() {
        let toks = tokenize("18日下午 ET 3:05");
        assert_eq!(num(&toks, 0), Some((18, 2)));
        assert_eq!(word(&toks, 1), Some("日"));
        assert_eq!(word(&toks, 2), Some("下"));
        assert_eq!(toks.get(4), Some(&Tok::Space));
        assert_eq!(
            toks.get(5),
            Some(&Tok::Word {
                text: "et".into(),
                caps: true
            })
        );
        assert!(is_sep(&toks, 8, &[':']));
        assert_eq!(num(&toks, 9), Some((5, 2)));
    }

    #[test]
    fn capitals_are_remembered_and_spaces_collapse() {
        let toks = tokenize("Juni  et Et");
        assert_eq!(
            toks,
            vec![
                Tok::Word {
                    text: "juni".into(),
                    caps: false
                },
                Tok::Space,
                Tok::Word {
                    text: "et".into(),
                    caps: false
                },
                Tok::Space,
                Tok::Word {
                    text: "et".into(),
                    caps: false
                },
            ]
        );
    }
}
