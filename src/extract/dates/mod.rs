//! Dates, parsed and chosen: page dates in many formats and languages to
//! RFC 3339 at the precision the page gives, relative dates ("3 hours
//! ago", "17 分钟前") resolved against a reference time (the snapshot's
//! capture time or the request's time), the plausibility bounds (nothing
//! before 1990, nothing after the reference), and the choice of one date
//! among a field's candidates. No clock is read here: without a reference,
//! relative dates are not resolved and no future bound applies. Every date
//! an article carries goes through this module.
//!
//! Files:
//! - `mod.rs`: [`PageDate`] and [`Precision`], [`resolve`] (absolute, then
//!   relative, then plausible).
//! - `tokens.rs`: the tokenizer the parsers share.
//! - `absolute.rs`: [`parse_absolute`]: ISO 8601, RFC 2822, month names,
//!   numeric orders, CJK dates, epochs; the clock time.
//! - `zones.rs`: offsets, well-formed or not, and zone abbreviations
//!   (ambiguous ones documented there), North American regions by the day.
//! - `relative.rs`: [`parse_relative`] against the reference time.
//! - `url.rs`: [`from_url_path`].
//! - `words/`: the per-language tables, as data (`calendar.rs`: months
//!   and weekdays; `relative.rs`: relative units, amounts, day words,
//!   relative phrases), and the lookups built from them (`mod.rs`).
//! - `choose.rs`: [`choose_dates`] and [`choose`]: one date among a
//!   field's candidates, by precision, precedence and what the article
//!   shows, made precise by agreeing candidates, with the losers kept as
//!   provenance ([`DateFact`], [`Choice`]).

mod absolute;
mod choose;
mod relative;
mod tokens;
mod url;
mod words;
mod zones;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};

pub use absolute::parse_absolute;
pub use choose::{Choice, DateFact, Dates, choose, choose_dates, header_date, is_month_first};
pub use relative::parse_relative;
pub use url::from_url_path;

/// How much of a date the page gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A year only (`2024`).
    Year,
    /// A year and month (`2024-06`).
    Month,
    /// A calendar day (`2024-06-18`).
    Day,
    /// A clock time to the minute.
    Minute,
    /// A clock time to the second.
    Second,
}

/// A date as the page gives it, normalised but not made more precise than
/// the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageDate {
    date: NaiveDate,
    time: Option<NaiveTime>,
    offset: Option<FixedOffset>,
    precision: Precision,
}

/// Earliest plausible publication year: the web did not exist before.
const MIN_YEAR: i32 = 1990;
/// Latest year the parser accepts at all (future dates are rejected later
/// against the capture time; this only bounds the arithmetic).
const MAX_YEAR: i32 = 2100;

impl PageDate {
    /// The calendar day as written on the page.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The precision the page gives.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The zone offset as given, `Z` for UTC, `None` when the page gives a
    /// clock time without a zone or no clock time at all.
    pub fn offset_text(&self) -> Option<String> {
        self.offset.map(format_offset)
    }

    /// Whether a clock time is known.
    pub fn has_time(&self) -> bool {
        self.time.is_some()
    }

    /// The instant in UTC, when both a clock time and a zone are known.
    pub fn utc_instant(&self) -> Option<DateTime<Utc>> {
        let offset = self.offset?;
        let naive = self.date.and_time(self.time?);
        naive
            .and_local_timezone(offset)
            .single()
            .map(|dt| dt.with_timezone(&Utc))
    }

    /// The value in RFC 3339 at the page's precision: `2024`, `2024-06`,
    /// `2024-06-18`, `2024-06-18T14:05:00+02:00`. A clock time without a zone
    /// is written without an offset (ISO 8601 local time): the page did not
    /// say which zone, and guessing UTC would shift the day.
    pub fn to_rfc3339(&self) -> String {
        match (self.precision, self.time) {
            (Precision::Year, _) => format!("{:04}", self.date.year()),
            (Precision::Month, _) => format!("{:04}-{:02}", self.date.year(), self.date.month()),
            (Precision::Day, _) | (_, None) => self.date.format("%Y-%m-%d").to_string(),
            (_, Some(time)) => {
                let mut out = format!(
                    "{}T{:02}:{:02}:{:02}",
                    self.date.format("%Y-%m-%d"),
                    time.hour(),
                    time.minute(),
                    if self.precision == Precision::Second {
                        time.second()
                    } else {
                        0
                    }
                );
                if let Some(offset) = self.offset {
                    out.push_str(&format_offset(offset));
                }
                out
            }
        }
    }

    /// A date-only value at day precision.
    fn day(date: NaiveDate) -> Self {
        Self {
            date,
            time: None,
            offset: None,
            precision: Precision::Day,
        }
    }

    /// A UTC instant at second precision.
    fn instant(at: DateTime<Utc>) -> Self {
        Self {
            date: at.date_naive(),
            time: Some(at.time().with_nanosecond(0).unwrap_or(at.time())),
            offset: Some(utc_offset()),
            precision: Precision::Second,
        }
    }

    /// Whether the instant (or the day) this value names falls on `day` in
    /// UTC, or on `day` as written when the zone is unknown.
    pub fn falls_on(&self, day: NaiveDate) -> bool {
        match self.utc_instant() {
            Some(at) => at.date_naive() == day,
            None => self.date == day,
        }
    }

    /// Whether the value lies between 1990 and one day after `reference`
    /// (the capture or request time); without a reference only the years
    /// the parser accepts bound it (no clock is read).
    pub fn is_plausible(&self, reference: Option<DateTime<Utc>>) -> bool {
        if !(MIN_YEAR..=MAX_YEAR).contains(&self.date.year()) {
            return false;
        }
        let Some(reference) = reference else {
            return true;
        };
        let latest = reference + Duration::days(1);
        match self.utc_instant() {
            Some(at) => at <= latest,
            // Without a zone, compare the earliest moment the value can name.
            None => self.date <= latest.date_naive(),
        }
    }
}

/// The UTC offset, built without a fallible constructor.
fn utc_offset() -> FixedOffset {
    FixedOffset::east_opt(0).expect("zero is a valid offset")
}

/// `Z`, or `+HH:MM` / `-HH:MM`.
fn format_offset(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    if secs == 0 {
        return "Z".to_owned();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 3600, (abs % 3600) / 60)
}

/// The capture time of a snapshot, from epoch milliseconds.
pub fn from_epoch_ms(ms: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms)
}

/// Parses `raw` as an absolute date, then (when the reference time
/// `captured` is known) as a relative one, and keeps it only when plausible
/// against `captured`. Day/month order of ambiguous numeric dates is day
/// first.
pub fn resolve(raw: &str, captured: Option<DateTime<Utc>>) -> Option<PageDate> {
    resolve_with_order(raw, captured, false)
}

/// [`resolve`] with the order of ambiguous numeric dates (`06/07/2024`)
/// chosen by the caller: `month_first` for US English pages.
pub fn resolve_with_order(
    raw: &str,
    captured: Option<DateTime<Utc>>,
    month_first: bool,
) -> Option<PageDate> {
    let parsed =
        parse_absolute(raw, month_first).or_else(|| captured.and_then(|c| parse_relative(raw, c)));
    parsed.filter(|d| d.is_plausible(captured))
}

/// Whether `word` (lower-cased) names a month in a supported language.
pub fn is_month_name(word: &str) -> bool {
    words::month(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-06-18T06:43:02Z, the seed's capture time.
    fn capture() -> DateTime<Utc> {
        from_epoch_ms(1_718_692_982_000).expect("valid epoch")
    }

    #[test]
    fn no_clock_without_a_reference() {
        // Far-future dates are bounded by the reference only; without one
        // the same bytes give the same answer on any day.
        let future = parse_absolute("2090-01-02", false).expect("parses");
        assert!(future.is_plausible(None));
        assert!(!future.is_plausible(Some(capture())));
        assert_eq!(
            resolve("2090-01-02", None)
                .map(|d| d.to_rfc3339())
                .as_deref(),
            Some("2090-01-02")
        );
        // Relative dates need a reference: none is guessed.
        assert_eq!(resolve("3 hours ago", None), None);
        assert_eq!(
            resolve("3 hours ago", Some(capture()))
                .map(|d| d.to_rfc3339())
                .as_deref(),
            Some("2024-06-18T03:43:02Z")
        );
        assert_eq!(resolve("1989-12-31", None), None);
    }

    #[test]
    fn plausibility_bounds() {
        let c = Some(capture());
        assert!(resolve("1989-12-31", c).is_none());
        assert!(resolve("1990-01-01", c).is_some());
        assert!(resolve("2024-06-19", c).is_some());
        assert!(resolve("2024-06-20", c).is_none());
        assert!(resolve("2024-06-19T07:00:00Z", c).is_none());
    }

    #[test]
    fn same_day_check_uses_utc() {
        let instant = parse_relative("17 分钟前", capture()).expect("resolves");
        assert!(instant.falls_on(NaiveDate::from_ymd_opt(2024, 6, 18).expect("date")));
        let local = parse_absolute("2024-06-18T23:30:00-05:00", false).expect("parses");
        assert!(!local.falls_on(NaiveDate::from_ymd_opt(2024, 6, 18).expect("date")));
    }

    #[test]
    fn month_names_are_known_in_many_languages() {
        for word in [
            "june", "juni", "juin", "junio", "июня", "czerwca", "haziran",
        ] {
            assert!(is_month_name(word), "{word}");
        }
        assert!(!is_month_name("tuesday"));
    }
}
