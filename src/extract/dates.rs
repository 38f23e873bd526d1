//! Date parsing and normalisation: page dates in many formats and languages
//! to RFC 3339 at the precision the page gives, relative dates ("3 hours
//! ago", "17 分钟前") resolved against a reference time (the snapshot's
//! capture time or the request's time), and the plausibility bounds (nothing
//! before 1990, nothing after the reference). No clock is read here: without
//! a reference, relative dates are not resolved and no future bound applies.
//!
//! The absolute parser is a small tokenizer rather than a list of format
//! strings: it finds a clock time (with its am/pm marker and zone), then a
//! date made of numbers and month names around it. That one mechanism reads
//! ISO 8601, RFC 2822, "June 18, 2024", "18. Juni 2024", "18.06.2024" and
//! "2024年6月18日 14时05分" alike.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};
use regex::Regex;

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
/// Relative dates are short phrases; longer text is prose that merely
/// contains a word like "today".
const MAX_RELATIVE_CHARS: usize = 64;
/// Characters a relative phrase may have around it ("Updated ", "发布于 ").
const MAX_RELATIVE_CONTEXT_CHARS: usize = 12;
/// The longest text a day word ("yesterday", "昨天") is read in, leaving room
/// for a clock time and a label.
const MAX_DAY_WORD_CHARS: usize = 30;
/// Absolute dates in running text beyond this length are not dates of the
/// page but sentences mentioning one.
const MAX_ABSOLUTE_CHARS: usize = 160;

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
        Some(c) if precision == Precision::Day => Some(PageDate {
            date,
            time: Some(c.time),
            offset: c.offset,
            precision: if c.has_seconds {
                Precision::Second
            } else {
                Precision::Minute
            },
        }),
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

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num { value: u64, digits: usize },
    Word(String),
    Sep(char),
    Space,
}

/// Whether `c` is written one character per word (Han, kana, Hangul): such
/// characters are tokens of their own, so `18日下午` splits into `日`, `下`,
/// `午`.
fn is_ideograph(c: char) -> bool {
    crate::extract::text::is_cjk(c) || matches!(c as u32, 0xAC00..=0xD7AF)
}

fn tokenize(raw: &str) -> Vec<Tok> {
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
            toks.push(Tok::Word(c.to_string()));
        } else if c.is_alphabetic() {
            let mut word: String = c.to_lowercase().collect();
            while let Some(&d) = chars
                .peek()
                .filter(|d| d.is_alphabetic() && !is_ideograph(**d))
            {
                word.extend(d.to_lowercase());
                chars.next();
            }
            toks.push(Tok::Word(word));
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

#[derive(Debug, Clone)]
struct Clock {
    time: NaiveTime,
    offset: Option<FixedOffset>,
    has_seconds: bool,
    span: std::ops::Range<usize>,
}

fn num(toks: &[Tok], i: usize) -> Option<(u64, usize)> {
    match toks.get(i) {
        Some(Tok::Num { value, digits }) => Some((*value, *digits)),
        _ => None,
    }
}

fn is_sep(toks: &[Tok], i: usize, seps: &[char]) -> bool {
    matches!(toks.get(i), Some(Tok::Sep(c)) if seps.contains(c))
}

fn is_word(toks: &[Tok], i: usize, words: &[&str]) -> bool {
    matches!(toks.get(i), Some(Tok::Word(w)) if words.contains(&w.as_str()))
}

/// Finds the first clock time: `14:05`, `14:05:09.123`, `14h30`, `14时05分`,
/// with an am/pm marker and a zone after it.
fn find_clock(toks: &[Tok], raw: &str) -> Option<Clock> {
    for i in 0..toks.len() {
        let Some((hour, hour_digits)) = num(toks, i) else {
            continue;
        };
        if hour_digits > 2 || hour > 24 {
            continue;
        }
        // The minute, after `:`, `h`, `时`/`時`/`点`/`點`/`시`.
        let cjk_hour = is_word(toks, i + 1, &["时", "時", "点", "點", "시"]);
        let latin_sep = is_sep(toks, i + 1, &[':']) || is_word(toks, i + 1, &["h"]);
        if !cjk_hour && !latin_sep {
            continue;
        }
        let mut j = i + 2;
        if cjk_hour && toks.get(j) == Some(&Tok::Space) {
            j += 1;
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
        if pm || has_any(raw, &["下午", "晚上", "午後", "오후"]) {
            if hour < 12 {
                hour += 12;
            }
        } else if (am || has_any(raw, &["上午", "午前", "오전"])) && hour == 12 {
            hour = 0;
        }
        if hour == 24 {
            hour = 0;
        }
        let hour = u32::try_from(hour).ok()?;
        let minute = u32::try_from(minute).ok()?;
        let second = u32::try_from(second).ok()?;
        let time = NaiveTime::from_hms_opt(hour, minute, second)?;
        let (offset, end) = zone(toks, j, raw);
        return Some(Clock {
            time,
            offset,
            has_seconds,
            span: i..end,
        });
    }
    None
}

fn has_any(raw: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| raw.contains(n))
}

/// Reads `am`, `pm`, `a.m.`, `p.m.` at `i` (after an optional space).
/// Returns (pm, am, index after).
fn meridiem(toks: &[Tok], i: usize) -> (bool, bool, usize) {
    let k = if toks.get(i) == Some(&Tok::Space) {
        i + 1
    } else {
        i
    };
    match toks.get(k) {
        Some(Tok::Word(w)) if w == "pm" => (true, false, k + 1),
        Some(Tok::Word(w)) if w == "am" => (false, true, k + 1),
        Some(Tok::Word(w))
            if (w == "p" || w == "a")
                && is_sep(toks, k + 1, &['.'])
                && is_word(toks, k + 2, &["m"]) =>
        {
            let mut end = k + 3;
            if is_sep(toks, end, &['.']) {
                end += 1;
            }
            (w == "p", w == "a", end)
        }
        _ => (false, false, i),
    }
}

/// Reads a zone at `i`: `Z`, `+02:00`, `+0200`, `UTC`, `GMT+2`, or a common
/// abbreviation. Returns the offset and the index after it.
fn zone(toks: &[Tok], i: usize, raw: &str) -> (Option<FixedOffset>, usize) {
    // A signed offset must touch the clock (`14:05+02:00`) or follow one
    // space (`14:05 +0200`); `14:05 - 18.06.2024` is no zone.
    let k = if toks.get(i) == Some(&Tok::Space) {
        i + 1
    } else {
        i
    };
    if let Some((offset, end)) = signed_offset(toks, k) {
        return (Some(offset), end);
    }
    if let Some(Tok::Word(w)) = toks.get(k) {
        let hours: Option<i32> = match w.as_str() {
            "z" | "utc" | "gmt" | "ut" | "wet" => Some(0),
            "bst" | "cet" | "west" => Some(1),
            "cest" | "eet" | "sast" => Some(2),
            "eest" | "msk" => Some(3),
            "hkt" | "sgt" | "awst" => Some(8),
            "jst" | "kst" => Some(9),
            "aest" => Some(10),
            "aedt" => Some(11),
            "edt" => Some(-4),
            "est" | "cdt" => Some(-5),
            "cst" | "mdt" => Some(-6),
            "mst" | "pdt" => Some(-7),
            "pst" => Some(-8),
            _ => None,
        };
        if let Some(h) = hours {
            // `UTC+2`, `GMT-05:00`.
            if matches!(w.as_str(), "utc" | "gmt")
                && let Some((offset, end)) = signed_offset(toks, k + 1)
            {
                return (Some(offset), end);
            }
            return (FixedOffset::east_opt(h * 3600), k + 1);
        }
    }
    if has_any(raw, &["北京时间", "北京時間"]) {
        return (FixedOffset::east_opt(8 * 3600), i);
    }
    (None, i)
}

fn signed_offset(toks: &[Tok], k: usize) -> Option<(FixedOffset, usize)> {
    let sign = match toks.get(k) {
        Some(Tok::Sep('+')) => 1,
        Some(Tok::Sep('-' | '−')) => -1,
        _ => return None,
    };
    let (n, digits) = num(toks, k + 1)?;
    let (hours, minutes, end) = match digits {
        4 => (n / 100, n % 100, k + 2),
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

/// The month a word names, in English, German, French, Spanish, Italian,
/// Portuguese, Dutch, Russian, Ukrainian, Polish, Czech, Turkish, Swedish,
/// Danish, Norwegian, Romanian, Indonesian and Greek (full names, genitive
/// forms and the usual abbreviations).
fn month_from_word(w: &str) -> Option<u32> {
    let m = match w {
        "january"
        | "jan"
        | "januar"
        | "jänner"
        | "janvier"
        | "janv"
        | "enero"
        | "ene"
        | "gennaio"
        | "gen"
        | "janeiro"
        | "januari"
        | "января"
        | "январь"
        | "янв"
        | "січня"
        | "stycznia"
        | "styczeń"
        | "ledna"
        | "leden"
        | "ocak"
        | "ianuarie"
        | "ιανουαρίου" => 1,
        "february"
        | "feb"
        | "februar"
        | "février"
        | "fevrier"
        | "févr"
        | "fevr"
        | "febrero"
        | "febbraio"
        | "fevereiro"
        | "fev"
        | "februari"
        | "февраля"
        | "февраль"
        | "фев"
        | "лютого"
        | "lutego"
        | "luty"
        | "února"
        | "únor"
        | "şubat"
        | "subat"
        | "februarie"
        | "φεβρουαρίου" => 2,
        "march" | "mar" | "märz" | "mrz" | "mär" | "mars" | "marzo" | "março" | "marco"
        | "maart" | "mrt" | "марта" | "март" | "березня" | "marca" | "marzec" | "března"
        | "březen" | "mart" | "martie" | "maret" | "μαρτίου" => 3,
        "april" | "apr" | "avril" | "avr" | "abril" | "abr" | "aprile" | "апреля" | "апрель"
        | "апр" | "квітня" | "kwietnia" | "kwiecień" | "dubna" | "duben" | "nisan" | "aprilie"
        | "απριλίου" => 4,
        "may" | "mai" | "mayo" | "maggio" | "mag" | "maio" | "mei" | "мая" | "май" | "травня"
        | "maja" | "maj" | "května" | "květen" | "mayıs" | "mayis" | "μαΐου" => 5,
        "june" | "jun" | "juni" | "juin" | "junio" | "giugno" | "giu" | "junho" | "июня"
        | "июнь" | "июн" | "червня" | "czerwca" | "czerwiec" | "června" | "červen" | "haziran"
        | "iunie" | "ιουνίου" => 6,
        "july" | "jul" | "juli" | "juillet" | "juil" | "julio" | "luglio" | "lug" | "julho"
        | "июля" | "июль" | "июл" | "липня" | "lipca" | "lipiec" | "července" | "červenec"
        | "temmuz" | "iulie" | "ιουλίου" => 7,
        "august" | "aug" | "août" | "aout" | "agosto" | "ago" | "augustus" | "augusti"
        | "августа" | "август" | "авг" | "серпня" | "sierpnia" | "sierpień" | "srpna" | "srpen"
        | "ağustos" | "agustos" | "agustus" | "αυγούστου" => 8,
        "september"
        | "sep"
        | "sept"
        | "septembre"
        | "septiembre"
        | "setiembre"
        | "settembre"
        | "set"
        | "setembro"
        | "сентября"
        | "сентябрь"
        | "сен"
        | "сент"
        | "вересня"
        | "września"
        | "wrzesień"
        | "září"
        | "eylül"
        | "eylul"
        | "septembrie"
        | "σεπτεμβρίου" => 9,
        "october" | "oct" | "oktober" | "okt" | "octobre" | "octubre" | "ottobre" | "ott"
        | "outubro" | "out" | "октября" | "октябрь" | "окт" | "жовтня" | "października"
        | "październik" | "října" | "říjen" | "ekim" | "octombrie" | "οκτωβρίου" => {
            10
        }
        "november" | "nov" | "novembre" | "noviembre" | "novembro" | "ноября" | "ноябрь"
        | "ноя" | "листопада" | "listopada" | "listopad" | "listopadu" | "kasım" | "kasim"
        | "noiembrie" | "νοεμβρίου" => 11,
        "december"
        | "dec"
        | "dezember"
        | "dez"
        | "décembre"
        | "decembre"
        | "déc"
        | "diciembre"
        | "dic"
        | "dicembre"
        | "dezembro"
        | "desember"
        | "декабря"
        | "декабрь"
        | "дек"
        | "грудня"
        | "grudnia"
        | "grudzień"
        | "prosince"
        | "prosinec"
        | "aralık"
        | "aralik"
        | "decembrie"
        | "δεκεμβρίου" => 12,
        _ => return None,
    };
    Some(m)
}

/// Whether `word` (lower-cased) names a month in a supported language.
pub fn is_month_name(word: &str) -> bool {
    month_from_word(word).is_some()
}

fn ymd(y: u64, m: u64, d: u64) -> Option<NaiveDate> {
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
    skip: &std::ops::Range<usize>,
    raw: &str,
    month_first: bool,
) -> Option<(NaiveDate, Precision)> {
    let outside = |i: &usize| !skip.contains(i);
    // 1. A month name with a four-digit year and the day next to the name.
    // When several words read as months (Spanish `mar.` is also Tuesday),
    // the one with a day beside it wins.
    let months: Vec<(usize, u32)> = (0..toks.len())
        .filter(outside)
        .filter_map(|i| match toks.get(i)? {
            Tok::Word(w) => month_from_word(w).map(|m| (i, m)),
            _ => None,
        })
        .collect();
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
    let skip_space = |k: usize| {
        if toks.get(k) == Some(&Tok::Space) {
            k + 1
        } else {
            k
        }
    };
    let k = skip_space(i + 2);
    let (month, _) = num(toks, k)?;
    if !is_word(toks, k + 1, &["月", "월"]) {
        return None;
    }
    let k = skip_space(k + 2);
    match num(toks, k) {
        Some((day, _)) if is_word(toks, k + 1, &["日", "号", "號", "일"]) => {
            ymd(a, month, day).map(|d| (d, Precision::Day))
        }
        _ => ymd(a, month, 1).map(|d| (d, Precision::Month)),
    }
}

/// A relative phrase's amount and unit, in one of the supported languages.
static RELATIVE_AMOUNT: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // English: "3 hours ago", "an hour ago".
        r"(?i)\b(\d+|an?|one)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b",
        // German: "vor 2 Stunden", "vor einer Stunde".
        r"(?i)\bvor\s+(\d+|einer|einem|ein)\s+(sekunden?|minuten?|stunden?|tagen?|tag|wochen?|monaten?|monat|jahren?|jahr)\b",
        // Spanish: "hace 3 horas".
        r"(?i)\bhace\s+(\d+|una?)\s+(segundos?|minutos?|horas?|d[ií]as?|semanas?|meses|mes|años?)\b",
        // French: "il y a 3 heures".
        r"(?i)\bil\s+y\s+a\s+(\d+|une?)\s+(secondes?|minutes?|heures?|jours?|semaines?|mois|années?|ans?)\b",
        // Portuguese: "há 3 horas", "3 horas atrás".
        r"(?i)(?:^|\s)h[áa]\s+(\d+|uma?)\s+(segundos?|minutos?|horas?|dias?|semanas?|meses|m[eê]s|anos?)\b",
        r"(?i)\b(\d+|uma?)\s+(segundos?|minutos?|horas?|dias?|semanas?|meses|m[eê]s|anos?)\s+atr[áa]s",
        // Italian: "3 ore fa".
        r"(?i)\b(\d+|una?)\s+(secondi|secondo|minuti|minuto|ore|ora|giorni|giorno|settimane|settimana|mesi|mese|anni|anno)\s+fa\b",
        // Dutch: "3 uur geleden".
        r"(?i)\b(\d+|een)\s+(seconden|seconde|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaren|jaar)\s+geleden\b",
        // Russian and Ukrainian: "3 часа назад", "час назад".
        r"(?i)(\d+|одну|один|одна)?\s*(секунд[уы]?|минут[уы]?|час[аов]*|день|дня|дней|недел[юиь]|месяц[аев]*|года?|лет|годин[иу]?|хвилин[иу]?|днів)\s+(?:назад|тому)",
        // Polish: "3 godziny temu".
        r"(?i)\b(\d+)\s+(sekund[y]?|minut[y]?|godzin[ya]?|dni|dzień|tygodni[e]?|miesiące|miesięcy|lat[a]?)\s+temu\b",
        // Turkish: "3 saat önce".
        r"(?i)\b(\d+)\s+(saniye|dakika|saat|gün|hafta|ay|yıl)\s+önce\b",
        // Chinese and Japanese: "17 分钟前", "3小时前", "3時間前", "半小时前".
        r"(\d+|[一二两兩三四五六七八九十半])\s*(秒钟|秒鐘|秒|分钟|分鐘|分|个小时|個小時|小时|小時|時間|天|日|周|週間|週|星期|个月|個月|か月|ヶ月|カ月|ヵ月|年)\s*(?:以前|之前|前)",
        // Korean: "3시간 전".
        r"(\d+)\s*(초|분|시간|일|주|개월|달|년)\s*전",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("relative-date patterns are valid"))
    .collect()
});

/// Two days back, checked before "yesterday" (`anteayer` contains `ayer`).
static DAY_BEFORE_YESTERDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:vorgestern|anteayer|avant-hier|l'altro ieri|anteontem|eergisteren|позавчера|przedwczoraj)\b|前天|一昨日|おととい|그저께|그제")
        .expect("valid pattern")
});
/// One day back.
static YESTERDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:yesterday|gestern|ayer|hier|ieri|ontem|gisteren|вчера|учора|wczoraj|dün|igår|i går)\b|昨天|昨日|어제",
    )
    .expect("valid pattern")
});
/// The capture day.
static TODAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:today|heute|hoy|aujourd['’]hui|oggi|hoje|vandaag|сегодня|сьогодні|dzisiaj|dziś|bugün|idag|i dag)\b|今天|今日|오늘")
        .expect("valid pattern")
});
/// The capture instant.
static JUST_NOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:just now|gerade eben|soeben|ahora mismo|à l['’]instant|adesso|agora mesmo|zojuist|только что|щойно|przed chwilą)\b|刚刚|剛剛|たった今|방금")
        .expect("valid pattern")
});

/// The number an amount word or numeral stands for.
fn amount(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse::<i64>() {
        return Some(n);
    }
    let n = match word.to_lowercase().as_str() {
        "" | "a" | "an" | "one" | "ein" | "einer" | "einem" | "un" | "una" | "une" | "uma"
        | "um" | "een" | "один" | "одну" | "одна" | "一" => 1,
        "二" | "两" | "兩" => 2,
        "三" => 3,
        "四" => 4,
        "五" => 5,
        "六" => 6,
        "七" => 7,
        "八" => 8,
        "九" => 9,
        "十" => 10,
        _ => return None,
    };
    Some(n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// The unit a unit word names, by its stem, in every supported language.
fn unit(word: &str) -> Option<Unit> {
    let w = word.to_lowercase();
    let starts = |stems: &[&str]| stems.iter().any(|s| w.starts_with(s));
    // Order matters: "minut" before "min", "mes" (month) before "m".
    if starts(&["sec", "sek", "seg", "秒", "초", "секунд", "saniye"]) {
        Some(Unit::Second)
    } else if starts(&["min", "分", "분", "минут", "хвилин", "dakika"]) {
        Some(Unit::Minute)
    } else if starts(&[
        "hour",
        "hr",
        "stund",
        "hora",
        "heure",
        "ora",
        "ore",
        "uur",
        "час",
        "годин",
        "godzin",
        "saat",
        "小",
        "个小",
        "個小",
        "時間",
        "시간",
    ]) {
        Some(Unit::Hour)
    } else if starts(&[
        "day", "tag", "día", "dia", "jour", "giorn", "dag", "день", "дня", "дней", "днів", "dni",
        "dzień", "gün", "天", "日", "일",
    ]) {
        Some(Unit::Day)
    } else if starts(&[
        "week",
        "woch",
        "seman",
        "semain",
        "settiman",
        "недел",
        "tydzie",
        "tygod",
        "hafta",
        "周",
        "週",
        "星期",
        "주",
    ]) {
        Some(Unit::Week)
    } else if starts(&[
        "month",
        "monat",
        "mes",
        "mois",
        "mês",
        "maand",
        "месяц",
        "miesi",
        "个月",
        "個月",
        "か月",
        "ヶ月",
        "カ月",
        "ヵ月",
        "개월",
        "달",
    ]) || w == "ay"
    {
        Some(Unit::Month)
    } else if starts(&[
        "year", "jahr", "año", "ann", "an", "ano", "jaar", "jaren", "год", "лет", "lat", "yıl",
        "年", "년",
    ]) {
        Some(Unit::Year)
    } else {
        None
    }
}

/// Resolves a relative date ("3 hours ago", "vor 2 Stunden", "17 分钟前",
/// "昨天 14:05", "yesterday") against the capture time. Minutes and hours
/// give an instant at second precision; days and weeks a day; months and
/// years a month or a year.
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
        let n = if amount_word == "半" {
            // "半小时前": half an hour.
            return (unit(unit_word) == Some(Unit::Hour))
                .then(|| PageDate::instant(captured - Duration::minutes(30)));
        } else {
            amount(amount_word)?
        };
        if !(0..=10_000).contains(&n) {
            return None;
        }
        let back = |d: Duration| captured.checked_sub_signed(d);
        return match unit(unit_word)? {
            Unit::Second => back(Duration::seconds(n)).map(PageDate::instant),
            Unit::Minute => back(Duration::minutes(n)).map(PageDate::instant),
            Unit::Hour => back(Duration::hours(n)).map(PageDate::instant),
            Unit::Day => back(Duration::days(n)).map(|at| PageDate::day(at.date_naive())),
            Unit::Week => back(Duration::weeks(n)).map(|at| PageDate::day(at.date_naive())),
            Unit::Month => back(Duration::days(30 * n)).map(|at| PageDate {
                precision: Precision::Month,
                ..PageDate::day(at.date_naive().with_day(1).unwrap_or(at.date_naive()))
            }),
            Unit::Year => back(Duration::days(365 * n)).map(|at| PageDate {
                precision: Precision::Year,
                ..PageDate::day(at.date_naive().with_ordinal(1).unwrap_or(at.date_naive()))
            }),
        };
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
        Some(c) => PageDate {
            date,
            time: Some(c.time),
            offset: c.offset,
            precision: if c.has_seconds {
                Precision::Second
            } else {
                Precision::Minute
            },
        },
        None => PageDate::day(date),
    })
}

/// A date in a URL path: `/2024/06/18/`, `/2024-06-18/`, `/20240618/`, or
/// `/2024/06/` at month precision. Weak evidence: callers rank it last.
pub fn from_url_path(url: &str) -> Option<PageDate> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])(?:[/_-]?(0[1-9]|[12]\d|3[01]))?(?:/|[_-]|\.html?|$)")
            .expect("valid pattern")
    });
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path = url.get(path_start..)?;
    let path = path.get(path.find('/')?..)?;
    let caps = URL_DATE.captures(path)?;
    let y: u64 = caps.get(1)?.as_str().parse().ok()?;
    let m: u64 = caps.get(2)?.as_str().parse().ok()?;
    match caps.get(3) {
        Some(d) => ymd(y, m, d.as_str().parse().ok()?).map(PageDate::day),
        None => ymd(y, m, 1).map(|date| PageDate {
            precision: Precision::Month,
            ..PageDate::day(date)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abs(raw: &str) -> Option<String> {
        parse_absolute(raw, false).map(|d| d.to_rfc3339())
    }

    /// 2024-06-18T06:43:02Z, the seed's capture time.
    fn capture() -> DateTime<Utc> {
        from_epoch_ms(1_718_692_982_000).expect("valid epoch")
    }

    fn rel(raw: &str) -> Option<String> {
        parse_relative(raw, capture()).map(|d| d.to_rfc3339())
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
    fn month_names_in_many_languages() {
        for raw in [
            "June 18, 2024",
            "Jun 18th 2024",
            "18 June 2024",
            "Tuesday, 18. Juni 2024",
            "18 juin 2024",
            "18 de junio de 2024",
            "18 giugno 2024",
            "18 de junho de 2024",
            "18 juni 2024",
            "18 июня 2024 г.",
            "18 czerwca 2024",
            "18 Haziran 2024",
        ] {
            assert_eq!(abs(raw).as_deref(), Some("2024-06-18"), "{raw}");
        }
        assert_eq!(abs("März 2024").as_deref(), Some("2024-03"));
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
    fn relative_dates_in_seven_languages() {
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
        assert_eq!(rel("3時間前").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(rel("3 часа назад").as_deref(), Some("2024-06-18T03:43:02Z"));
        assert_eq!(
            rel("5 минут назад").as_deref(),
            Some("2024-06-18T06:38:02Z")
        );
        assert_eq!(rel("2 days ago").as_deref(), Some("2024-06-16"));
        assert_eq!(rel("vorgestern").as_deref(), Some("2024-06-16"));
        assert_eq!(rel("昨天 14:05").as_deref(), Some("2024-06-17T14:05:00"));
        assert_eq!(rel("半小时前").as_deref(), Some("2024-06-18T06:13:02Z"));
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
    fn url_paths() {
        let day = |u: &str| from_url_path(u).map(|d| d.to_rfc3339());
        assert_eq!(
            day("https://x.test/2024/06/18/story").as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(
            day("https://x.test/news/2024-06-18-story").as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(
            day("https://x.test/2024/06/story").as_deref(),
            Some("2024-06")
        );
        assert_eq!(day("https://x.test/story-12345"), None);
        assert_eq!(day("https://2024.test/"), None);
    }

    #[test]
    fn same_day_check_uses_utc() {
        let instant = parse_relative("17 分钟前", capture()).expect("resolves");
        assert!(instant.falls_on(NaiveDate::from_ymd_opt(2024, 6, 18).expect("date")));
        let local = parse_absolute("2024-06-18T23:30:00-05:00", false).expect("parses");
        assert!(!local.falls_on(NaiveDate::from_ymd_opt(2024, 6, 18).expect("date")));
    }
}
