//! Relative dates ("3 hours ago", "vor 2 Stunden", "17 分钟前", "昨天
//! 14:05", "yesterday"), resolved against a reference time the caller
//! passes: the snapshot's capture time or the request's time, never a
//! clock. The words are the tables of [`super::words`].

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, Utc};
use regex::Regex;

use super::absolute::find_clock;
use super::tokens::tokenize;
use super::words::{self, Unit};
use super::{PageDate, Precision};

/// Relative dates are short phrases; longer text is prose that merely
/// contains a word like "today".
const MAX_RELATIVE_CHARS: usize = 64;
/// Characters a relative phrase may have around it ("Updated ", "发布于 ").
const MAX_RELATIVE_CONTEXT_CHARS: usize = 12;
/// The longest text a day word ("yesterday", "昨天") is read in, leaving room
/// for a clock time and a label.
const MAX_DAY_WORD_CHARS: usize = 30;
/// Amounts beyond this are not relative dates of a page (no page is 10,000
/// units old in any unit that matters).
const MAX_AMOUNT: i64 = 10_000;

/// [`words::RELATIVE_PATTERNS`], compiled once.
static RELATIVE_AMOUNT: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    words::RELATIVE_PATTERNS
        .iter()
        .map(|(_, p)| Regex::new(p).expect("relative-date patterns are valid"))
        .collect()
});
/// [`words::DAY_BEFORE_YESTERDAY_WORDS`] as one pattern.
static DAY_BEFORE_YESTERDAY: LazyLock<Regex> =
    LazyLock::new(|| words::words_pattern(words::DAY_BEFORE_YESTERDAY_WORDS));
/// [`words::YESTERDAY_WORDS`] as one pattern.
static YESTERDAY: LazyLock<Regex> = LazyLock::new(|| words::words_pattern(words::YESTERDAY_WORDS));
/// [`words::TODAY_WORDS`] as one pattern.
static TODAY: LazyLock<Regex> = LazyLock::new(|| words::words_pattern(words::TODAY_WORDS));
/// [`words::JUST_NOW_WORDS`] as one pattern.
static JUST_NOW: LazyLock<Regex> = LazyLock::new(|| words::words_pattern(words::JUST_NOW_WORDS));

/// Resolves a relative date against the reference time `captured`. Minutes
/// and hours give an instant at second precision; days and weeks a day;
/// months and years a month or a year.
pub fn parse_relative(raw: &str, captured: DateTime<Utc>) -> Option<PageDate> {
    let raw = raw.trim();
    if raw.is_empty() || raw.chars().count() > MAX_RELATIVE_CHARS {
        return None;
    }
    let total = raw.chars().count();
    // The phrase must be most of the text: "24年前" inside a sentence is
    // history, not the page's date ("Updated 3 hours ago" still passes).
    let is_most =
        |m: &regex::Match<'_>| total - m.as_str().chars().count() <= MAX_RELATIVE_CONTEXT_CHARS;
    for re in RELATIVE_AMOUNT.iter() {
        let Some(caps) = re.captures(raw) else {
            continue;
        };
        if !caps.get(0).is_some_and(|m| is_most(&m)) {
            return None;
        }
        let unit_word = caps.get(2).map_or("", |m| m.as_str());
        let amount_word = caps.get(1).map_or("", |m| m.as_str());
        if amount_word == "半" {
            // "半小时前": half an hour.
            return (words::unit(unit_word) == Some(Unit::Hour))
                .then(|| PageDate::instant(captured - Duration::minutes(30)));
        }
        let n = words::amount(amount_word)?;
        if !(0..=MAX_AMOUNT).contains(&n) {
            return None;
        }
        return back(captured, n, words::unit(unit_word)?);
    }
    if JUST_NOW.find(raw).is_some_and(|m| is_most(&m)) {
        return Some(PageDate::instant(captured));
    }
    // A day word leaves room for a clock time ("昨天 14:05").
    let is_day = |re: &Regex| {
        re.find(raw)
            .is_some_and(|m| is_most(&m) || total <= MAX_DAY_WORD_CHARS)
    };
    let days_back = if is_day(&DAY_BEFORE_YESTERDAY) {
        2
    } else if is_day(&YESTERDAY) {
        1
    } else if is_day(&TODAY) {
        0
    } else {
        return None;
    };
    let date = (captured - Duration::days(days_back)).date_naive();
    // "昨天 14:05", "yesterday at 2:05 pm": the clock is local, zone unknown
    // unless given.
    let toks = tokenize(raw);
    Some(match find_clock(&toks, raw) {
        Some(c) => c.on(date),
        None => PageDate::day(date),
    })
}

/// `n` units before `captured`, at the precision the unit gives.
fn back(captured: DateTime<Utc>, n: i64, unit: Unit) -> Option<PageDate> {
    let before = |d: Duration| captured.checked_sub_signed(d);
    match unit {
        Unit::Second => before(Duration::seconds(n)).map(PageDate::instant),
        Unit::Minute => before(Duration::minutes(n)).map(PageDate::instant),
        Unit::Hour => before(Duration::hours(n)).map(PageDate::instant),
        Unit::Day => before(Duration::days(n)).map(|at| PageDate::day(at.date_naive())),
        Unit::Week => before(Duration::weeks(n)).map(|at| PageDate::day(at.date_naive())),
        Unit::Month => before(Duration::days(30 * n)).map(|at| PageDate {
            precision: Precision::Month,
            ..PageDate::day(at.date_naive().with_day(1).unwrap_or(at.date_naive()))
        }),
        Unit::Year => before(Duration::days(365 * n)).map(|at| PageDate {
            precision: Precision::Year,
            ..PageDate::day(at.date_naive().with_ordinal(1).unwrap_or(at.date_naive()))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::from_epoch_ms;
    use super::*;

    /// 2024-06-18T06:43:02Z, the seed's capture time.
    fn capture() -> DateTime<Utc> {
        from_epoch_ms(1_718_692_982_000).expect("valid epoch")
    }

    fn rel(raw: &str) -> Option<String> {
        parse_relative(raw, capture()).map(|d| d.to_rfc3339())
    }

    #[test]
    fn relative_dates_in_many_languages() {
        // Capture: 2024-06-18T06:43:02Z.
        assert_eq!(rel("17 分钟前").as_deref(), Some("2024-06-18T06:26:02Z"));
        assert_eq!(rel("3小时前").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(rel("昨天").as_deref(), Some("2024-06-17"));
        assert_eq!(rel("3 hours ago").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(rel("an hour ago").as_deref(), Some("2024-06-18T05:43:02Z"));
        assert_eq!(rel("Yesterday").as_deref(), Some("2024-06-17"));
        assert_eq!(
            rel("vor 2 Stunden").as_deref(),
            Some("2024-06-18T04:43:02Z")
        );
        assert_eq!(
            rel("vor einer Stunde").as_deref(),
            Some("2024-06-18T05:43:02Z")
        );
        assert_eq!(rel("hace 3 horas").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(
            rel("il y a 3 heures").as_deref(),
            Some("2024-06-18T03:43:02Z")
        );
        assert_eq!(rel("3 ore fa").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(
            rel("3 uur geleden").as_deref(),
            Some("2024-06-18T03:43:02Z")
        );
        assert_eq!(rel("há 2 dias").as_deref(), Some("2024-06-16"));
        assert_eq!(rel("3 saat önce").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(rel("2 ay önce").as_deref(), Some("2024-04"));
        assert_eq!(
            rel("3 godziny temu").as_deref(),
            Some("2024-06-18T03:43:02Z")
        );
        assert_eq!(rel("3時間前").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(rel("3시간 전").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(rel("3 часа назад").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(
            rel("5 минут назад").as_deref(),
            Some("2024-06-18T06:38:02Z")
        );
        assert_eq!(rel("2 days ago").as_deref(), Some("2024-06-16"));
        assert_eq!(rel("vorgestern").as_deref(), Some("2024-06-16"));
        assert_eq!(rel("anteayer").as_deref(), Some("2024-06-16"));
        assert_eq!(rel("hier").as_deref(), Some("2024-06-17"));
        assert_eq!(rel("aujourd’hui").as_deref(), Some("2024-06-18"));
        assert_eq!(rel("昨天 14:05").as_deref(), Some("2024-06-17T14:05:00"));
        assert_eq!(rel("半小时前").as_deref(), Some("2024-06-18T06:13:02Z"));
        assert_eq!(rel("gerade eben").as_deref(), Some("2024-06-18T06:43:02Z"));
        assert_eq!(rel("3 hours"), None);
        assert_eq!(rel("此次访问和24年前有何不同？这是一个问题"), None);
        assert_eq!(
            rel("Updated 3 hours ago").as_deref(),
            Some("2024-06-18T03:43:02Z")
        );
        assert_eq!(
            rel("a long sentence that mentions today in passing and goes on and on"),
            None
        );
    }

    #[test]
    fn a_day_word_with_a_zone_keeps_it() {
        assert_eq!(
            rel("yesterday at 2:05 pm EDT").as_deref(),
            Some("2024-06-17T14:05:00-04:00")
        );
    }
}
