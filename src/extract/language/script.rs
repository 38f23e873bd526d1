//! The bounded sample the detector reads, the census of its letters by
//! script, and the script gate that drops Latin runs from a text written
//! mostly in another script.

use std::borrow::Cow;

/// Characters taken from the start of the text. whatlang's cost on Latin
/// text is a fixed part (scoring ~37 language profiles) plus a part that
/// grows with the text (measured here at about as much again per 1,000
/// characters); 1,200 + 400 keep a page near whatlang's fixed cost, while
/// its accuracy on clean prose is already ~99% at 100-200 characters (the
/// language corpus reads 1.000 on whole and raw pages at this size as at
/// 1,500 + 500, for 0.5% less extraction time on the aeb pages).
const HEAD_CHARS: usize = 1_200;
/// Characters taken from the middle of the text, so a long page whose start
/// is a boilerplate-ish lede still shows its body language.
const MIDDLE_CHARS: usize = 400;

/// Weight of one Han character against one Latin letter: a Han character
/// carries a word or half of one, an English word is about five letters.
/// Three keeps a Chinese paragraph ahead of the code lines and English
/// navigation that pages mix in, without letting a few quoted names tip an
/// English article.
const HAN_WEIGHT: u32 = 3;
/// Weight of a kana or Hangul character: a syllable, about two letters.
const SYLLABLE_WEIGHT: u32 = 2;
/// Share of the weighted letters that a non-Latin script needs for the
/// gate to drop the Latin runs before detection (0.3: a page whose
/// weighted letters are 30% Chinese or Russian is a Chinese or Russian page
/// with code or English navigation in it; an English article quoting names
/// stays far below).
pub(super) const GATE_SHARE: f64 = 0.3;
/// The share needed when the page declares a language written in a
/// non-Latin script: the declaration makes a code-heavy Chinese tutorial
/// more likely than an English article that quotes Chinese.
pub(super) const GATE_SHARE_DECLARED: f64 = 0.2;

/// Weighted letters (as in [`Census::weight`]) a line needs to count as
/// prose: about eight English words, or 14 Han characters. Shorter lines
/// are list items, product names, prices, table cells and navigation,
/// where whatlang's trigrams go astray (a product grid reads as French).
const PROSE_LINE_WEIGHT: u32 = 40;
/// Weighted letters of prose lines a sample needs for the detector to read
/// only them; with less, the whole sample is read.
const MIN_PROSE_WEIGHT: u32 = 150;

/// The prose lines of `sample` when they are enough to detect on, else the
/// whole sample.
pub(super) fn prose(sample: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut weight = 0;
    let mut dropped = false;
    for line in sample.lines() {
        let line_weight = Census::of(line).weight();
        if line_weight >= PROSE_LINE_WEIGHT {
            out.push_str(line);
            out.push('\n');
            weight += line_weight;
        } else if line_weight > 0 {
            dropped = true;
        }
    }
    if dropped && weight >= MIN_PROSE_WEIGHT {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(sample)
    }
}

/// Takes a bounded sample of `text`: all of it when short, else the first
/// [`HEAD_CHARS`] characters and [`MIDDLE_CHARS`] from the middle.
pub(super) fn sample(text: &str) -> Cow<'_, str> {
    let Some((head_end, _)) = text.char_indices().nth(HEAD_CHARS) else {
        return Cow::Borrowed(text);
    };
    let Some((head, tail)) = text.split_at_checked(head_end) else {
        return Cow::Borrowed(text);
    };
    if tail.chars().nth(MIDDLE_CHARS).is_none() {
        return Cow::Borrowed(text);
    }
    let mut middle_start = (text.len() / 2).max(head_end);
    while !text.is_char_boundary(middle_start) {
        middle_start += 1;
    }
    let middle = text.get(middle_start..).unwrap_or_default();
    let middle_end = middle
        .char_indices()
        .nth(MIDDLE_CHARS)
        .map_or(middle.len(), |(i, _)| i);
    let mut out = String::with_capacity(head_end + middle_end + 2);
    out.push_str(head);
    out.push_str("\n\n");
    out.push_str(middle.get(..middle_end).unwrap_or(middle));
    Cow::Owned(out)
}

/// Letters of a sample counted by script.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Census {
    /// Latin letters.
    pub(super) latin: u32,
    /// Han characters (CJK ideographs, `々`, `〇`).
    pub(super) han: u32,
    /// Hiragana and katakana (not the `・` middle dot Chinese uses too).
    pub(super) kana: u32,
    /// Hangul syllables and jamo.
    pub(super) hangul: u32,
    /// Letters of every other script (Cyrillic, Greek, Arabic, ...).
    pub(super) other: u32,
}

impl Census {
    /// Counts the letters of `text`.
    pub(super) fn of(text: &str) -> Self {
        let mut census = Self::default();
        for c in text.chars() {
            match classify(c) {
                Class::Latin => census.latin += 1,
                Class::Han => census.han += 1,
                Class::Kana => census.kana += 1,
                Class::Hangul => census.hangul += 1,
                Class::Other => census.other += 1,
                Class::NotLetter => {}
            }
        }
        census
    }

    /// Han and kana, weighted.
    pub(super) fn cjk_weight(&self) -> u32 {
        self.han * HAN_WEIGHT + self.kana * SYLLABLE_WEIGHT
    }

    /// Every non-Latin letter, weighted.
    pub(super) fn non_latin_weight(&self) -> u32 {
        self.cjk_weight() + self.hangul * SYLLABLE_WEIGHT + self.other
    }

    /// Every letter, weighted.
    pub(super) fn weight(&self) -> u32 {
        self.latin + self.non_latin_weight()
    }

    /// Whether a non-Latin script holds at least `share` of the weighted
    /// letters, so that the Latin runs (code, commands, English
    /// navigation) should be dropped.
    pub(super) fn is_gated(&self, share: f64) -> bool {
        let total = self.weight();
        self.latin > 0
            && total > 0
            && f64::from(self.non_latin_weight()) >= share * f64::from(total)
    }

    /// Whether the text, after the gate at `share`, is Chinese or Japanese:
    /// Han and kana outweigh the other scripts and the Latin letters do not
    /// hold the text.
    pub(super) fn is_cjk(&self, share: f64) -> bool {
        let cjk = self.cjk_weight();
        cjk > 0
            && cjk >= self.hangul * SYLLABLE_WEIGHT
            && cjk >= self.other
            && (self.latin == 0 || self.is_gated(share))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Latin,
    Han,
    Kana,
    Hangul,
    Other,
    NotLetter,
}

fn classify(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Class::Latin
        } else {
            Class::NotLetter
        };
    }
    if is_han(c) {
        return Class::Han;
    }
    if is_kana(c) {
        return Class::Kana;
    }
    if matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}') {
        return Class::Hangul;
    }
    if !c.is_alphabetic() {
        return Class::NotLetter;
    }
    if is_latin_letter(c) {
        Class::Latin
    } else {
        Class::Other
    }
}

/// Whether `c` is a CJK ideograph (the unified blocks, extensions,
/// compatibility ideographs) or the iteration and zero marks.
pub(super) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Hiragana, katakana and their extensions, without the katakana middle
/// dot `・`, which Chinese text uses between the parts of foreign names.
fn is_kana(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{309F}'
        | '\u{30A0}'..='\u{30FA}'
        | '\u{30FC}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{FF66}'..='\u{FF9D}')
}

/// Latin letters beyond ASCII: Latin-1, the extended blocks, and fullwidth
/// forms.
fn is_latin_letter(c: char) -> bool {
    matches!(c,
        'a'..='z'
        | 'A'..='Z'
        | '\u{00C0}'..='\u{024F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{FF21}'..='\u{FF3A}'
        | '\u{FF41}'..='\u{FF5A}')
}

/// `text` with every run of Latin letters (and the digits and marks inside
/// such runs) replaced by one space.
pub(super) fn drop_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_latin_run = false;
    for c in text.chars() {
        if is_latin_letter(c) || (in_latin_run && (c.is_ascii_alphanumeric() || c == '_')) {
            if !in_latin_run {
                out.push(' ');
                in_latin_run = true;
            }
        } else {
            in_latin_run = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_sampled_whole() {
        let text = "Hello world. ".repeat(10);
        assert!(matches!(sample(&text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn long_text_is_sampled_from_start_and_middle() {
        let text = format!(
            "{}{}{}",
            "a".repeat(5_000),
            "中".repeat(5_000),
            "b".repeat(5_000)
        );
        let s = sample(&text);
        let chars = s.chars().count();
        assert_eq!(chars, HEAD_CHARS + MIDDLE_CHARS + 2);
        assert!(s.starts_with('a'));
        // The middle of the text is the Han run.
        assert!(s.ends_with('中'));
    }

    #[test]
    fn prose_lines_are_kept_when_there_are_enough() {
        let paragraph = "The council voted on Tuesday to expand the bus network into the suburbs.";
        let text = format!("Home\nNews\n{paragraph}\n\nSale $19.99\n{paragraph}\n{paragraph}");
        assert_eq!(
            prose(&text),
            format!("{paragraph}\n{paragraph}\n{paragraph}\n")
        );
        // Too little prose: the whole text.
        let text = format!("Home\nNews\n{paragraph}");
        assert!(matches!(prose(&text), Cow::Borrowed(_)));
        // Nothing to drop: the text as it is.
        let text = format!("{paragraph}\n{paragraph}\n{paragraph}");
        assert!(matches!(prose(&text), Cow::Borrowed(_)));
    }

    #[test]
    fn counts_scripts() {
        let census = Census::of("Hello 世界 です 한국 Привет 12!");
        assert_eq!(
            census,
            Census {
                latin: 5,
                han: 2,
                kana: 2,
                hangul: 2,
                other: 6,
            }
        );
    }

    #[test]
    fn middle_dot_is_not_kana() {
        assert_eq!(Census::of("唐纳德・特朗普").kana, 0);
    }

    #[test]
    fn gate_weighs_han_above_latin() {
        // 30 Han characters against 150 Latin letters: 90 of 240 weighted.
        let text = format!("{} {}", "中文".repeat(15), "abcde ".repeat(30));
        let census = Census::of(&text);
        assert!(census.is_gated(GATE_SHARE));
        assert!(census.is_cjk(GATE_SHARE));
        // A few names in an English paragraph do not trip it.
        let english = format!("{} 北京", "The quick brown fox jumps. ".repeat(10));
        let census = Census::of(&english);
        assert!(!census.is_gated(GATE_SHARE));
        assert!(!census.is_cjk(GATE_SHARE));
        // 25% Chinese trips it only under a declaration.
        let text = format!("{} {}", "中文".repeat(10), "abcde ".repeat(36));
        let census = Census::of(&text);
        assert!(!census.is_gated(GATE_SHARE));
        assert!(census.is_gated(GATE_SHARE_DECLARED));
    }

    #[test]
    fn drops_latin_runs() {
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(
            words(&drop_latin("运行 npm install v2 命令。")),
            ["运行", "命令。"]
        );
        assert_eq!(
            words(&drop_latin("Привет hello_world2 мир")),
            ["Привет", "мир"]
        );
        // Digits outside Latin runs stay: they are not letters either way.
        assert_eq!(drop_latin("第3章"), "第3章");
    }
}
