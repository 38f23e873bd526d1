//! Zones after a clock time: numeric offsets, well-formed (`Z`, `+02:00`,
//! `+0200`, `UTC+2`, `GMT-05:00`) or not (`-500`, `UTC -5`, `GMT+0530`),
//! and zone abbreviations ([`ABBREVIATIONS`]), including the North American
//! ones that name a region rather than an offset (`ET`, `PT`), whose
//! offset depends on the day (daylight saving time).
//!
//! Abbreviations that are also common words (`ET` is French "and", `IST`
//! German "is") are read only when written in capitals.

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::tokens::{Tok, has_any, is_sep, num, skip_space};

/// A zone as the page gives it: a fixed offset, or a North American region
/// whose offset is known once the day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Zone {
    /// A fixed offset east of UTC.
    Fixed(FixedOffset),
    /// A US/Canadian region by its standard offset in hours (`ET` is -5):
    /// one hour more during daylight saving time.
    NorthAmerica(i32),
}

impl Zone {
    /// The offset in force at the local `date` and `time`.
    pub(super) fn offset_at(self, date: NaiveDate, time: NaiveTime) -> Option<FixedOffset> {
        match self {
            Zone::Fixed(offset) => Some(offset),
            Zone::NorthAmerica(standard) => {
                let dst = is_us_daylight_time(date.and_time(time));
                FixedOffset::east_opt((standard + i32::from(dst)) * 3600)
            }
        }
    }
}

/// What an abbreviation stands for.
#[derive(Debug, Clone, Copy)]
enum Meaning {
    /// A fixed offset, in minutes east of UTC.
    Minutes(i32),
    /// A North American region, by its standard offset in hours.
    Region(i32),
}

/// Zone abbreviations (lower case), what they mean, and whether they are
/// read only in capitals (the word is also a common word in a supported
/// language). Ambiguous abbreviations take the reading news pages use most,
/// noted beside each:
/// - `CST` is US Central (-6); China Standard Time (+8) pages write
///   `北京时间` or `+08:00`, which are read first.
/// - `IST` is India (+05:30); Irish (+01:00) and Israel (+02:00) Standard
///   Time share it. Only in capitals (German `ist`).
/// - `BST` is British Summer Time (+01:00), not Bangladesh (+06:00).
/// - `GST` is Gulf Standard Time (+04:00), not South Georgia (-02:00).
/// - `AST`, Atlantic (-4) or Arabia (+3), is left out as a coin toss.
const ABBREVIATIONS: &[(&str, Meaning, bool)] = &[
    ("z", Meaning::Minutes(0), false),
    ("utc", Meaning::Minutes(0), false),
    ("gmt", Meaning::Minutes(0), false),
    ("ut", Meaning::Minutes(0), false),
    ("wet", Meaning::Minutes(0), true),
    ("bst", Meaning::Minutes(60), false),
    ("cet", Meaning::Minutes(60), false),
    ("mez", Meaning::Minutes(60), false),
    ("west", Meaning::Minutes(60), true),
    ("wat", Meaning::Minutes(60), true),
    ("cest", Meaning::Minutes(120), false),
    ("mesz", Meaning::Minutes(120), false),
    ("eet", Meaning::Minutes(120), false),
    ("sast", Meaning::Minutes(120), false),
    ("cat", Meaning::Minutes(120), true),
    ("eest", Meaning::Minutes(180), false),
    ("msk", Meaning::Minutes(180), false),
    ("eat", Meaning::Minutes(180), true),
    ("gst", Meaning::Minutes(240), false),
    ("pkt", Meaning::Minutes(300), false),
    ("ist", Meaning::Minutes(330), true),
    ("npt", Meaning::Minutes(345), false),
    ("ict", Meaning::Minutes(420), false),
    ("wib", Meaning::Minutes(420), false),
    ("hkt", Meaning::Minutes(480), false),
    ("sgt", Meaning::Minutes(480), false),
    ("awst", Meaning::Minutes(480), false),
    ("pht", Meaning::Minutes(480), false),
    ("myt", Meaning::Minutes(480), false),
    ("wita", Meaning::Minutes(480), false),
    ("jst", Meaning::Minutes(540), false),
    ("kst", Meaning::Minutes(540), false),
    ("wit", Meaning::Minutes(540), true),
    ("acst", Meaning::Minutes(570), false),
    ("aest", Meaning::Minutes(600), false),
    ("acdt", Meaning::Minutes(630), false),
    ("aedt", Meaning::Minutes(660), false),
    ("nzst", Meaning::Minutes(720), false),
    ("nzdt", Meaning::Minutes(780), false),
    ("brt", Meaning::Minutes(-180), false),
    ("art", Meaning::Minutes(-180), true),
    ("ndt", Meaning::Minutes(-150), false),
    ("nst", Meaning::Minutes(-210), false),
    ("adt", Meaning::Minutes(-180), false),
    ("edt", Meaning::Minutes(-240), false),
    ("est", Meaning::Minutes(-300), false),
    ("cdt", Meaning::Minutes(-300), false),
    ("cst", Meaning::Minutes(-360), false),
    ("mdt", Meaning::Minutes(-360), false),
    ("mst", Meaning::Minutes(-420), false),
    ("pdt", Meaning::Minutes(-420), false),
    ("pst", Meaning::Minutes(-480), false),
    ("akdt", Meaning::Minutes(-480), false),
    ("akst", Meaning::Minutes(-540), false),
    ("hst", Meaning::Minutes(-600), false),
    ("et", Meaning::Region(-5), true),
    ("ct", Meaning::Region(-6), true),
    ("mt", Meaning::Region(-7), true),
    ("pt", Meaning::Region(-8), true),
];

/// Zone names in running text (no token boundary to find them by).
const CHINA_TIME: &[&str] = &["北京时间", "北京時間"];

/// Reads a zone at `i`, just after a clock time and its am/pm marker.
/// Returns the zone and the index after it (`i` when there is none).
pub(super) fn zone(toks: &[Tok], i: usize, raw: &str) -> (Option<Zone>, usize) {
    // A signed offset must touch the clock (`14:05+02:00`) or follow one
    // space (`14:05 +0200`); `14:05 - 18.06.2024` is no zone. German
    // `14:05 Uhr MEZ` and `(GMT+2)` have a word or a bracket first.
    let mut k = skip_space(toks, i);
    if super::tokens::is_word(toks, k, &["uhr"]) {
        k = skip_space(toks, k + 1);
    }
    if is_sep(toks, k, &['(', '[']) {
        k += 1;
    }
    if let Some((offset, end)) = signed_offset(toks, k) {
        return (Some(Zone::Fixed(offset)), close(toks, end));
    }
    if let Some(Tok::Word { text, caps }) = toks.get(k)
        && let Some((_, meaning, needs_caps)) = ABBREVIATIONS
            .iter()
            .find(|(name, ..)| *name == text.as_str())
        && (*caps || !needs_caps)
    {
        // `UTC+2`, `GMT-05:00`, `UTC -5`.
        if matches!(text.as_str(), "utc" | "gmt")
            && let Some((offset, end)) = signed_offset(toks, skip_space(toks, k + 1))
        {
            return (Some(Zone::Fixed(offset)), close(toks, end));
        }
        let zone = match *meaning {
            Meaning::Minutes(m) => FixedOffset::east_opt(m * 60).map(Zone::Fixed),
            Meaning::Region(h) => Some(Zone::NorthAmerica(h)),
        };
        return (zone, close(toks, k + 1));
    }
    if has_any(raw, CHINA_TIME) {
        return (FixedOffset::east_opt(8 * 3600).map(Zone::Fixed), i);
    }
    (None, i)
}

/// The index after a closing bracket at `i`, else `i`.
fn close(toks: &[Tok], i: usize) -> usize {
    if is_sep(toks, i, &[')', ']']) {
        i + 1
    } else {
        i
    }
}

/// `+02:00`, `+0200`, `+2`, `-5:30`, and the malformed `-500` (three
/// digits: hours and minutes), at `k`. Offsets beyond ±14:00 are none.
pub(super) fn signed_offset(toks: &[Tok], k: usize) -> Option<(FixedOffset, usize)> {
    let sign = match toks.get(k) {
        Some(Tok::Sep('+')) => 1,
        Some(Tok::Sep('-' | '−')) => -1,
        _ => return None,
    };
    let (n, digits) = num(toks, k + 1)?;
    let (hours, minutes, end) = match digits {
        3 | 4 => (n / 100, n % 100, k + 2),
        1 | 2 => match (is_sep(toks, k + 2, &[':']), num(toks, k + 3)) {
            (true, Some((m, 2))) => (n, m, k + 4),
            _ => (n, 0, k + 2),
        },
        _ => return None,
    };
    if hours > 14 || minutes > 59 {
        return None;
    }
    let secs = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    Some((FixedOffset::east_opt(sign * secs)?, end))
}

/// Whether US daylight saving time is in force at a local time: from 2007,
/// the second Sunday of March to the first Sunday of November; before, the
/// first Sunday of April to the last Sunday of October; both at 02:00
/// local (Energy Policy Act of 2005).
fn is_us_daylight_time(local: NaiveDateTime) -> bool {
    let year = local.year();
    let (start, end) = if year >= 2007 {
        (nth_sunday(year, 3, 2), nth_sunday(year, 11, 1))
    } else {
        (nth_sunday(year, 4, 1), last_sunday(year, 10))
    };
    let at_two = |d: Option<NaiveDate>| d.and_then(|d| d.and_hms_opt(2, 0, 0));
    match (at_two(start), at_two(end)) {
        (Some(start), Some(end)) => local >= start && local < end,
        _ => false,
    }
}

/// The `n`th Sunday of a month.
fn nth_sunday(year: i32, month: u32, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n)
}

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let last = next - Duration::days(1);
    let back = i64::from(last.weekday().num_days_from_sunday());
    Some(last - Duration::days(back))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn offset_of(text: &str) -> Option<String> {
        let toks = tokenize(text);
        let date = NaiveDate::from_ymd_opt(2024, 6, 18).expect("date");
        let noon = NaiveTime::from_hms_opt(12, 0, 0).expect("time");
        zone(&toks, 0, text)
            .0
            .and_then(|z| z.offset_at(date, noon))
            .map(super::super::format_offset)
    }

    #[test]
    fn offsets_well_formed_and_not() {
        assert_eq!(offset_of("+02:00").as_deref(), Some("+02:00"));
        assert_eq!(offset_of(" +0530").as_deref(), Some("+05:30"));
        assert_eq!(offset_of(" -500").as_deref(), Some("-05:00"));
        assert_eq!(offset_of(" GMT+2").as_deref(), Some("+02:00"));
        assert_eq!(offset_of(" UTC-05:00").as_deref(), Some("-05:00"));
        assert_eq!(offset_of(" UTC -5").as_deref(), Some("-05:00"));
        assert_eq!(offset_of(" (GMT+5:30)").as_deref(), Some("+05:30"));
        assert_eq!(offset_of(" +1500"), None);
        assert_eq!(offset_of(" - 18.06.2024"), None);
    }

    #[test]
    fn abbreviations_and_their_capitals() {
        assert_eq!(offset_of(" PDT").as_deref(), Some("-07:00"));
        assert_eq!(offset_of(" cest").as_deref(), Some("+02:00"));
        assert_eq!(offset_of(" Uhr MEZ").as_deref(), Some("+01:00"));
        assert_eq!(offset_of(" JST").as_deref(), Some("+09:00"));
        assert_eq!(offset_of(" AEST").as_deref(), Some("+10:00"));
        assert_eq!(offset_of(" IST").as_deref(), Some("+05:30"));
        assert_eq!(offset_of(" UTC").as_deref(), Some("Z"));
        // French "et", German "ist": words, not zones.
        assert_eq!(offset_of(" et mis à jour"), None);
        assert_eq!(offset_of(" ist"), None);
    }

    #[test]
    fn north_american_regions_follow_daylight_time() {
        let toks = tokenize("PT");
        let (Some(pt), _) = zone(&toks, 0, "PT") else {
            panic!("PT is a zone");
        };
        let noon = NaiveTime::from_hms_opt(12, 0, 0).expect("time");
        let on = |y, m, d| {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("date");
            pt.offset_at(date, noon).map(super::super::format_offset)
        };
        assert_eq!(on(2024, 6, 18).as_deref(), Some("-07:00"));
        assert_eq!(on(2024, 1, 18).as_deref(), Some("-08:00"));
        // 2024: daylight time from 10 March to 3 November.
        assert_eq!(on(2024, 3, 9).as_deref(), Some("-08:00"));
        assert_eq!(on(2024, 3, 10).as_deref(), Some("-07:00"));
        assert_eq!(on(2024, 11, 3).as_deref(), Some("-08:00"));
        // 2006: the old rule, 2 April to 29 October.
        assert_eq!(on(2006, 3, 20).as_deref(), Some("-08:00"));
        assert_eq!(on(2006, 10, 28).as_deref(), Some("-07:00"));
        assert_eq!(on(2006, 10, 29).as_deref(), Some("-08:00"));
    }
}
