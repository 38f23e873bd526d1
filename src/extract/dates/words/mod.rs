//! The per-language word tables of dates and the lookups built from them
//! (compiled once). The tables are data, one file per concern:
//!
//! - `calendar.rs`: month and weekday names by language (CLDR forms).
//! - `relative.rs`: relative-date unit stems, amount words, the phrase
//!   pattern of each language and the day words ("yesterday").
//! - `mod.rs` (this file): the lookups ([`month`], [`is_weekday`],
//!   [`unit`], [`amount`]), the [`Unit`] type and [`words_pattern`].
//!
//! Each table lists its languages and says where it came from.

mod calendar;
mod relative;

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use calendar::{MONTHS, WEEKDAYS};
use relative::{AMOUNTS, UNIT_STEMS, UNIT_WORDS};
pub(super) use relative::{
    DAY_BEFORE_YESTERDAY_WORDS, JUST_NOW_WORDS, RELATIVE_PATTERNS, TODAY_WORDS, YESTERDAY_WORDS,
};

/// Every month form to its number (1 to 12), built once from [`MONTHS`].
static MONTH_LOOKUP: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (_, months) in MONTHS {
        for (number, forms) in (1..).zip(months.iter()) {
            for form in forms.iter() {
                map.insert(*form, number);
            }
        }
    }
    map
});

/// The month (1 to 12) a lower-case word names in one of the languages of
/// [`MONTHS`].
pub(super) fn month(word: &str) -> Option<u32> {
    MONTH_LOOKUP.get(word).copied()
}

/// Whether a lower-case word is a weekday name in one of the languages of
/// [`WEEKDAYS`].
pub(super) fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|(_, days)| days.contains(&word))
}

/// The units of relative dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// The unit a unit word names, by its stem ([`UNIT_STEMS`]).
pub(super) fn unit(word: &str) -> Option<Unit> {
    let w = word.to_lowercase();
    UNIT_STEMS
        .iter()
        .find(|(_, stems)| stems.iter().any(|s| w.starts_with(s)))
        .or_else(|| {
            UNIT_WORDS
                .iter()
                .find(|(_, words)| words.contains(&w.as_str()))
        })
        .map(|(u, _)| *u)
}

/// The number an amount word or numeral stands for.
pub(super) fn amount(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse::<i64>() {
        return Some(n);
    }
    let w = word.to_lowercase();
    AMOUNTS
        .iter()
        .find(|(_, words)| words.contains(&w.as_str()))
        .map(|(n, _)| *n)
}

/// One case-insensitive pattern for a list of words: whole words for
/// alphabetic scripts, bare substrings for Han, kana and Hangul (which
/// have no word boundaries).
pub(super) fn words_pattern(words: &[&str]) -> Regex {
    let (cjk, spaced): (Vec<&str>, Vec<&str>) = words
        .iter()
        .partition(|w| w.chars().any(crate::extract::text::is_cjk) || w.contains(is_hangul));
    let escape = |ws: &[&str]| {
        ws.iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    let mut pattern = format!(r"(?i)\b(?:{})\b", escape(&spaced));
    if !cjk.is_empty() {
        pattern.push('|');
        pattern.push_str(&escape(&cjk));
    }
    Regex::new(&pattern).expect("escaped word lists are valid patterns")
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_month_word_names_two_months() {
        let mut seen: HashMap<&str, u32> = HashMap::new();
        for (lang, months) in MONTHS {
            for (number, forms) in (1..).zip(months.iter()) {
                for form in forms.iter() {
                    let before = seen.insert(form, number);
                    assert!(
                        before.is_none_or(|b| b == number),
                        "{form} ({lang}) names months {before:?} and {number}"
                    );
                    assert_eq!(*form, form.to_lowercase(), "{form} is lower case");
                }
            }
        }
    }

    #[test]
    fn months_weekdays_units_and_amounts() {
        assert_eq!(month("juin"), Some(6));
        assert_eq!(month("czerwca"), Some(6));
        assert_eq!(month("ιουνίου"), Some(6));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("tuesday"), None);
        assert!(is_weekday("mar"));
        assert!(is_weekday("dienstag"));
        assert!(!is_weekday("juni"));
        assert_eq!(unit("Stunden"), Some(Unit::Hour));
        assert_eq!(unit("minutos"), Some(Unit::Minute));
        assert_eq!(unit("meses"), Some(Unit::Month));
        assert_eq!(unit("ay"), Some(Unit::Month));
        assert_eq!(unit("个月"), Some(Unit::Month));
        assert_eq!(unit("nothing"), None);
        assert_eq!(amount("einer"), Some(1));
        assert_eq!(amount("两"), Some(2));
        assert_eq!(amount("17"), Some(17));
        assert_eq!(amount("many"), None);
    }

    #[test]
    fn word_patterns_bound_latin_words_only() {
        let re = words_pattern(YESTERDAY_WORDS);
        assert!(re.is_match("Yesterday"));
        assert!(re.is_match("昨天 14:05"));
        assert!(!re.is_match("hierarchy"));
        assert!(re.is_match("publié hier"));
    }
}
