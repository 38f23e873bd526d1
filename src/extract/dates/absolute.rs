//! Absolute dates: a small tokenizer rather than a list of format strings.
//! It finds a clock time (with its am/pm marker and zone), then a date made
//! of numbers and month names around it. That one mechanism reads ISO 8601,
//! RFC 2822, "June 18, 2024", "18. Juni 2024", "18.06.2024" and
//! "2024年6月18日 14时05分" alike; epoch seconds and milliseconds too.

use std::ops::Range;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime};

use super::tokens::{Tok, has_any, is_sep, is_word, num, skip_space, tokenize, word};
use super::words;
use super::zones::{Zone, zone};
use super::{MAX_YEAR, MIN_YEAR, PageDate, Precision};

/// Absolute dates in running text beyond this length are not dates of the
/// page but sentences mentioning one.
const MAX_ABSOLUTE_CHARS: usize = 160;

/// Parses an absolute date in any of the supported formats, without the
/// plausibility check. Ambiguous numeric dates are read day first unless
/// `month_first`.
pub fn parse_absolute(raw: &str, month_first: bool) -> Option<PageDate> {
    let raw = raw.trim();
    if raw.is_empty() || raw.chars().count() > MAX_ABSOLUTE_CHARS {
        return None;
    }
    if let Some(epoch) = parse_epoch(raw) {
        return Some(epoch);
    }
    let toks = tokenize(raw);
    let clock = find_clock(&toks, raw);
    let skip = clock.as_ref().map_or(0..0, |c| c.span.clone());
    let (date, precision) = find_date(&toks, &skip, raw, month_first)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        return None;
    }
    match clock {
        Some(c) if precision == Precision::Day => Some(c.on(date)),
        _ => Some(PageDate {
            date,
            time: None,
            offset: None,
            precision,
        }),
    }
}

/// Epoch seconds (10 digits) or milliseconds (13 digits).
fn parse_epoch(raw: &str) -> Option<PageDate> {
    if !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = raw.parse().ok()?;
    let at = match raw.len() {
        10 => DateTime::from_timestamp(n, 0)?,
        13 => DateTime::from_timestamp_millis(n)?,
        _ => return None,
    };
    Some(PageDate::instant(at))
}

/// A clock time found in a text, with its zone as given.
#[derive(Debug, Clone)]
pub(super) struct Clock {
    time: NaiveTime,
    zone: Option<Zone>,
    has_seconds: bool,
    span: Range<usize>,
}

impl Clock {
    /// The clock on `date`: the zone's offset worked out for that day.
    pub(super) fn on(&self, date: NaiveDate) -> PageDate {
        PageDate {
            date,
            time: Some(self.time),
            offset: self.zone.and_then(|z| z.offset_at(date, self.time)),
            precision: if self.has_seconds {
                Precision::Second
            } else {
                Precision::Minute
            },
        }
    }
}

/// Words after the hour of a CJK clock (`14时05分`).
const CJK_HOUR: &[&str] = &["时", "時", "点", "點", "시"];
/// Afternoon and evening markers of CJK clocks (`下午3时`).
const CJK_PM: &[&str] = &["下午", "晚上", "午後", "오후"];
/// Morning markers of CJK clocks.
const CJK_AM: &[&str] = &["上午", "午前", "오전"];

/// Finds the first clock time: `14:05`, `14:05:09.123`, `14h30`, `14时05分`,
/// with an am/pm marker and a zone after it.
pub(super) fn find_clock(toks: &[Tok], raw: &str) -> Option<Clock> {
    for i in 0..toks.len() {
        let Some((hour, hour_digits)) = num(toks, i) else {
            continue;
        };
        if hour_digits > 2 || hour > 24 {
            continue;
        }
        // The minute, after `:`, `h`, `时`/`時`/`点`/`點`/`시`.
        let cjk_hour = is_word(toks, i + 1, CJK_HOUR);
        let latin_sep = is_sep(toks, i + 1, &[':']) || is_word(toks, i + 1, &["h"]);
        if !cjk_hour && !latin_sep {
            continue;
        }
        let mut j = i + 2;
        if cjk_hour {
            j = skip_space(toks, j);
        }
        let Some((minute, minute_digits)) = num(toks, j) else {
            continue;
        };
        if minute > 59 || (latin_sep && minute_digits != 2) {
            continue;
        }
        j += 1;
        if cjk_hour && is_word(toks, j, &["分", "분"]) {
            j += 1;
        }
        let mut second = 0;
        let mut has_seconds = false;
        if is_sep(toks, j, &[':'])
            && let Some((s, 2)) = num(toks, j + 1)
            && s <= 60
        {
            second = s.min(59);
            has_seconds = true;
            j += 2;
            // A fraction of a second is dropped.
            if is_sep(toks, j, &['.', ',']) && num(toks, j + 1).is_some() {
                j += 2;
            }
        } else if cjk_hour
            && let Some((s, _)) = num(toks, j)
            && s <= 60
            && is_word(toks, j + 1, &["秒", "초"])
        {
            second = s.min(59);
            has_seconds = true;
            j += 2;
        }
        let mut hour = hour;
        let (pm, am, after) = meridiem(toks, j);
        j = after;
        if pm || has_any(raw, CJK_PM) {
            if hour < 12 {
                hour += 12;
            }
        } else if (am || has_any(raw, CJK_AM)) && hour == 12 {
            hour = 0;
        }
        if hour == 24 {
            hour = 0;
        }
        let hour = u32::try_from(hour).ok()?;
        let minute = u32::try_from(minute).ok()?;
        let second = u32::try_from(second).ok()?;
        let time = NaiveTime::from_hms_opt(hour, minute, second)?;
        let (zone, end) = zone(toks, j, raw);
        return Some(Clock {
            time,
            zone,
            has_seconds,
            span: i..end,
        });
    }
    None
}

/// Reads `am`, `pm`, `a.m.`, `p.m.` at `i` (after an optional space).
/// Returns (pm, am, index after).
fn meridiem(toks: &[Tok], i: usize) -> (bool, bool, usize) {
    let k = skip_space(toks, i);
    match word(toks, k) {
        Some("pm") => (true, false, k + 1),
        Some("am") => (false, true, k + 1),
        Some(w @ ("p" | "a")) if is_sep(toks, k + 1, &['.']) && is_word(toks, k + 2, &["m"]) => {
            let mut end = k + 3;
            if is_sep(toks, end, &['.']) {
                end += 1;
            }
            (w == "p", w == "a", end)
        }
        _ => (false, false, i),
    }
}

/// A calendar day from parts that may be out of range.
pub(super) fn ymd(y: u64, m: u64, d: u64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    )
}

/// A two-digit year: `24` is 2024, `98` is 1998.
fn full_year(y: u64, digits: usize) -> u64 {
    match digits {
        2 if y < 70 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    }
}

/// Finds the date among the tokens outside `skip` (the clock).
fn find_date(
    toks: &[Tok],
    skip: &Range<usize>,
    raw: &str,
    month_first: bool,
) -> Option<(NaiveDate, Precision)> {
    let outside = |i: &usize| !skip.contains(i);
    // 1. A month name with a four-digit year and the day next to the name.
    // When several words read as months, one that is not also a weekday
    // (Spanish `mar.` is Tuesday) and has a day beside it wins.
    let mut months: Vec<(usize, u32)> = (0..toks.len())
        .filter(outside)
        .filter_map(|i| word(toks, i).and_then(words::month).map(|m| (i, m)))
        .collect();
    if months.len() > 1 {
        months.sort_by_key(|&(i, _)| word(toks, i).is_some_and(words::is_weekday));
    }
    if !months.is_empty() {
        let year = (0..toks.len())
            .filter(outside)
            .find_map(|i| match num(toks, i) {
                Some((y, 4)) if (1900..=2100).contains(&y) => Some(y),
                _ => None,
            });
        if let Some(year) = year {
            // The day is the nearest one- or two-digit number to the month
            // name, within four tokens (`18 June`, `June 18th`, `18. Juni`,
            // `18 de junio`).
            let day_near = |at: usize| {
                (0..toks.len())
                    .filter(|i| outside(i) && i.abs_diff(at) <= 4)
                    .filter_map(|i| match num(toks, i) {
                        Some((d, 1 | 2)) if (1..=31).contains(&d) => Some((i.abs_diff(at), d)),
                        _ => None,
                    })
                    .min_by_key(|(dist, _)| *dist)
                    .map(|(_, d)| d)
            };
            let with_day = months
                .iter()
                .find_map(|&(at, m)| day_near(at).map(|d| (m, d)));
            return match with_day {
                Some((m, d)) => ymd(year, u64::from(m), d).map(|date| (date, Precision::Day)),
                None => months
                    .first()
                    .and_then(|&(_, m)| ymd(year, u64::from(m), 1))
                    .map(|date| (date, Precision::Month)),
            };
        }
    }
    // 2. Numbers: `2024年6月18日`, `2024-06-18`, `18.06.2024`, `06/18/2024`.
    for i in (0..toks.len()).filter(outside) {
        let Some((a, a_digits)) = num(toks, i) else {
            continue;
        };
        if let Some(found) = cjk_date(toks, i, a, a_digits) {
            return Some(found);
        }
        let Some(Tok::Sep(sep)) = toks.get(i + 1) else {
            continue;
        };
        if !matches!(sep, '-' | '/' | '.') || !outside(&(i + 2)) {
            continue;
        }
        let Some((b, _)) = num(toks, i + 2) else {
            continue;
        };
        let third = if is_sep(toks, i + 3, &[*sep]) && outside(&(i + 4)) {
            num(toks, i + 4)
        } else {
            None
        };
        match (a_digits, third) {
            (4, Some((c, 1 | 2))) => return ymd(a, b, c).map(|d| (d, Precision::Day)),
            (4, None) if (1..=12).contains(&b) => {
                return ymd(a, b, 1).map(|d| (d, Precision::Month));
            }
            (1 | 2, Some((c, c_digits @ (2 | 4)))) => {
                if c_digits == 2 && *sep == '-' {
                    continue;
                }
                let year = full_year(c, c_digits);
                let (day, month) = if a > 12 {
                    (a, b)
                } else if b > 12 || (month_first && *sep == '/') {
                    (b, a)
                } else {
                    (a, b)
                };
                return ymd(year, month, day).map(|d| (d, Precision::Day));
            }
            (1 | 2, None) if (1..=12).contains(&a) && matches!(num(toks, i + 2), Some((_, 4))) => {
                return ymd(b, a, 1).map(|d| (d, Precision::Month));
            }
            _ => {}
        }
    }
    // 3. A bare `20240618` or `2024`, only when that is the whole value.
    let trimmed = raw.trim();
    if trimmed.len() == 8 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let n: u64 = trimmed.parse().ok()?;
        return ymd(n / 10_000, (n / 100) % 100, n % 100).map(|d| (d, Precision::Day));
    }
    if trimmed.len() == 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let y: u64 = trimmed.parse().ok()?;
        return ymd(y, 1, 1).map(|d| (d, Precision::Year));
    }
    None
}

/// `2024年6月18日`, `2024年6月`, `2024년 6월 18일`, starting at `i`.
fn cjk_date(toks: &[Tok], i: usize, a: u64, a_digits: usize) -> Option<(NaiveDate, Precision)> {
    if a_digits != 4 || !is_word(toks, i + 1, &["年", "년"]) {
        return None;
    }
    let k = skip_space(toks, i + 2);
    let (month, _) = num(toks, k)?;
    if !is_word(toks, k + 1, &["月", "월"]) {
        return None;
    }
    let k = skip_space(toks, k + 2);
    match num(toks, k) {
        Some((day, _)) if is_word(toks, k + 1, &["日", "号", "號", "일"]) => {
            ymd(a, month, day).map(|d| (d, Precision::Day))
        }
        _ => ymd(a, month, 1).map(|d| (d, Precision::Month)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abs(raw: &str) -> Option<String> {
        parse_absolute(raw, false).map(|d| d.to_rfc3339())
    }

    #[test]
    fn iso_dates_keep_their_precision_and_offset() {
        assert_eq!(abs("2024-06-18").as_deref(), Some("2024-06-18"));
        assert_eq!(
            abs("2024-06-18T06:26:02Z").as_deref(),
            Some("2024-06-18T06:26:02Z")
        );
        assert_eq!(
            abs("2024-06-18T08:26:02.123+02:00").as_deref(),
            Some("2024-06-18T08:26:02+02:00")
        );
        assert_eq!(
            abs("2024-06-18T08:26+0530").as_deref(),
            Some("2024-06-18T08:26:00+05:30")
        );
        assert_eq!(
            abs("2024-06-18 14:05:00").as_deref(),
            Some("2024-06-18T14:05:00")
        );
        assert_eq!(abs("2024-06").as_deref(), Some("2024-06"));
        assert_eq!(abs("2024").as_deref(), Some("2024"));
        assert_eq!(abs("20240618").as_deref(), Some("2024-06-18"));
    }

    #[test]
    fn rfc_2822_and_zone_names() {
        assert_eq!(
            abs("Tue, 18 Jun 2024 06:26:02 +0000").as_deref(),
            Some("2024-06-18T06:26:02Z")
        );
        assert_eq!(
            abs("Tue, 18 Jun 2024 06:26:02 GMT").as_deref(),
            Some("2024-06-18T06:26:02Z")
        );
        assert_eq!(
            abs("June 18, 2024 2:05 p.m. EDT").as_deref(),
            Some("2024-06-18T14:05:00-04:00")
        );
        assert_eq!(
            abs("18 June 2024 12:30 am UTC+2").as_deref(),
            Some("2024-06-18T00:30:00+02:00")
        );
    }

    #[test]
    fn zone_abbreviations_and_malformed_offsets_in_several_languages() {
        // A region's offset follows the day: PT is -07:00 in June, -08:00
        // in January.
        assert_eq!(
            abs("June 18, 2024 9:30 a.m. PT").as_deref(),
            Some("2024-06-18T09:30:00-07:00")
        );
        assert_eq!(
            abs("Jan. 18, 2024 9:30 am ET").as_deref(),
            Some("2024-01-18T09:30:00-05:00")
        );
        assert_eq!(
            abs("18. Juni 2024, 14:05 Uhr MESZ").as_deref(),
            Some("2024-06-18T14:05:00+02:00")
        );
        assert_eq!(
            abs("18 juin 2024 à 14h05 CEST").as_deref(),
            Some("2024-06-18T14:05:00+02:00")
        );
        assert_eq!(
            abs("18 de junio de 2024 14:05 (GMT+2)").as_deref(),
            Some("2024-06-18T14:05:00+02:00")
        );
        assert_eq!(
            abs("Jun 18, 2024 10:15 IST").as_deref(),
            Some("2024-06-18T10:15:00+05:30")
        );
        assert_eq!(
            abs("2024-06-18 14:05 -500").as_deref(),
            Some("2024-06-18T14:05:00-05:00")
        );
        assert_eq!(
            abs("2024/06/18 14:05 UTC-05:00").as_deref(),
            Some("2024-06-18T14:05:00-05:00")
        );
        assert_eq!(
            abs("2024年6月18日 14:05 JST").as_deref(),
            Some("2024-06-18T14:05:00+09:00")
        );
        // French "et" after a clock is a word, not Eastern Time.
        assert_eq!(
            abs("18 juin 2024 à 14h05 et mis à jour").as_deref(),
            Some("2024-06-18T14:05:00")
        );
    }

    #[test]
    fn month_names_in_many_languages() {
        for raw in [
            "June 18, 2024",
            "Jun 18th 2024",
            "18 June 2024",
            "Tuesday, 18. Juni 2024",
            "18 juin 2024",
            "18 de junio de 2024",
            "mar., 18 jun. 2024",
            "18 giugno 2024",
            "18 de junho de 2024",
            "18 juni 2024",
            "18 июня 2024 г.",
            "18 czerwca 2024",
            "18 Haziran 2024",
            "18 червня 2024",
        ] {
            assert_eq!(abs(raw).as_deref(), Some("2024-06-18"), "{raw}");
        }
        assert_eq!(abs("März 2024").as_deref(), Some("2024-03"));
        assert_eq!(abs("18 mar 2024").as_deref(), Some("2024-03-18"));
        assert_eq!(abs("1er décembre 2023").as_deref(), Some("2023-12-01"));
    }

    #[test]
    fn numeric_orders() {
        assert_eq!(abs("18.06.2024").as_deref(), Some("2024-06-18"));
        assert_eq!(abs("18.06.24").as_deref(), Some("2024-06-18"));
        assert_eq!(abs("06/18/2024").as_deref(), Some("2024-06-18"));
        assert_eq!(abs("07/06/2024").as_deref(), Some("2024-06-07"));
        assert_eq!(
            parse_absolute("07/06/2024", true)
                .map(|d| d.to_rfc3339())
                .as_deref(),
            Some("2024-07-06")
        );
        assert_eq!(
            abs("2024/06/18 14:05").as_deref(),
            Some("2024-06-18T14:05:00")
        );
        assert_eq!(
            abs("14:05 - 18.06.2024").as_deref(),
            Some("2024-06-18T14:05:00")
        );
    }

    #[test]
    fn cjk_dates() {
        assert_eq!(abs("2024年6月18日").as_deref(), Some("2024-06-18"));
        assert_eq!(
            abs("2024年06月18日 14:05").as_deref(),
            Some("2024-06-18T14:05:00")
        );
        assert_eq!(
            abs("2024年6月18日 下午3时05分 北京时间").as_deref(),
            Some("2024-06-18T15:05:00+08:00")
        );
        assert_eq!(abs("2024년 6월 18일").as_deref(), Some("2024-06-18"));
        assert_eq!(abs("2024年6月").as_deref(), Some("2024-06"));
    }

    #[test]
    fn epochs() {
        assert_eq!(abs("1718692982").as_deref(), Some("2024-06-18T06:43:02Z"));
        assert_eq!(
            abs("1718692982000").as_deref(),
            Some("2024-06-18T06:43:02Z")
        );
    }

    #[test]
    fn rejects_non_dates() {
        for raw in [
            "",
            "hello",
            "3 hours ago",
            "12345",
            "31.02.2024",
            "99/99/2024",
            "14:05",
        ] {
            assert_eq!(abs(raw), None, "{raw}");
        }
    }
}
