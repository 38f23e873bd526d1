//! The choice of one date among a field's candidates, and its provenance.
//!
//! Candidates come in precedence order (declared data first, visible text,
//! then the URL). The choice ([`choose_dates`] for a page's published and
//! modified dates together, [`choose`] for one list):
//! 1. Precision ranks first: a candidate that names a day (or an instant)
//!    beats one that names only a month or a year (a URL's `/2024/06/`, a
//!    "joined 2019"), whatever their order; among equals, precedence.
//! 2. The date the article shows beats a declared one it contradicts when
//!    the page gives a reason to doubt the declaration: the declared
//!    publication date is the modification date (a CMS that writes its
//!    last save into both), or another declared source names the shown
//!    day. A shown date that is the declared modification date is that:
//!    the update, not the publication the page also declares. The
//!    declaration stands where the page shows its day too, or where the
//!    shown dates name three days or more (a list of teasers, episodes or
//!    replies, whose first is no date line). A declared UTC instant that
//!    the shown day can be in some zone (`2025-12-19T02:41Z` beside "Dec
//!    18, 2025") gives way to the shown day whatever else the page shows:
//!    that is the day as the page's readers see it.
//! 3. A bare day is made precise by a later candidate naming an instant on
//!    that same day (a `<time datetime="2024-06-18">` beside a visible
//!    "17 分钟前" read against the capture time).
//! 4. A clock time without a zone takes the offset of an agreeing
//!    candidate that gives one (the same day and wall time), and a UTC
//!    instant is written in the page's own offset when another candidate
//!    names the same instant in it.
//! 5. Another source naming the same day raises the confidence.
//!
//! Rule 2 applies to publication dates only. A "last updated" stands in
//! for a publication date only on a page that gives no other: the shown
//! update, never a declared `dateModified`. Every other parsed candidate is kept as an alternative, marked
//! `agrees` when it names the winner's day.

use chrono::{DateTime, Timelike, Utc};

use super::{PageDate, Precision, from_url_path, resolve_with_order};
use crate::article::{Alternative, FieldProvenance, Source};

/// Alternatives kept: enough for every structured source and a few visible
/// ones (the metadata stage keeps as many for its text fields).
const MAX_ALTERNATIVES: usize = 8;

/// Confidence added when another source names the same day.
const AGREEMENT_BONUS: f32 = 0.1;

/// Distinct shown days from which the shown dates are a list of dated
/// items rather than the article's date line.
const LIST_OF_DAYS: usize = 3;

/// A date with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct DateFact {
    /// RFC 3339 at the page's precision.
    pub value: String,
    /// The text as found.
    pub raw: String,
    /// How much of the date the page gives.
    pub precision: Precision,
    /// The zone as given (`Z`, `+02:00`), `None` when not given.
    pub offset: Option<String>,
    /// Where it was found.
    pub source: Source,
    /// How far the value can be trusted, between 0 and 1: the source's
    /// reliability ([`Source::date_confidence`]), raised when another source
    /// names the same day.
    pub confidence: f32,
}

impl DateFact {
    /// The fact of `date` found as `raw` at `source`.
    fn new(date: &PageDate, raw: &str, source: Source) -> Self {
        Self {
            value: date.to_rfc3339(),
            raw: raw.to_owned(),
            precision: date.precision(),
            offset: date.offset_text(),
            source,
            confidence: source.date_confidence(),
        }
    }
}

impl Source {
    /// How reliable a date from this source is, before agreement: declared
    /// structured data first, visible text and URL patterns last. Ranks
    /// rather than measured probabilities; their order is the precedence of
    /// the chain.
    pub fn date_confidence(self) -> f32 {
        match self {
            Source::JsonLd => 0.9,
            Source::OpenGraph => 0.85,
            Source::Microdata => 0.8,
            Source::DublinCore => 0.75,
            Source::Meta | Source::TimeElement => 0.7,
            Source::VisibleDate => 0.5,
            Source::UrlPattern => 0.3,
            _ => 0.4,
        }
    }
}

/// The date chosen for a field, with what lost.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The winner.
    pub best: DateFact,
    /// Its provenance: source, raw text, confidence and the alternatives.
    pub provenance: FieldProvenance,
    /// The other candidates' distinct values, at most eight.
    pub alternatives: Vec<DateFact>,
}

/// Whether a declared language reads ambiguous numeric dates month first
/// (`06/07/2024` is June 7 in US English).
pub fn is_month_first(declared_language: Option<&str>) -> bool {
    declared_language.is_some_and(|l| {
        l.to_ascii_lowercase()
            .replace('_', "-")
            .starts_with("en-us")
    })
}

/// Chooses one date among `candidates` (raw text and source, in precedence
/// order), each parsed against the reference time `reference` (dates of
/// [`Source::UrlPattern`] read as URLs). `None` when none parses.
pub fn choose(
    candidates: &[(String, Source)],
    reference: Option<DateTime<Utc>>,
    month_first: bool,
) -> Option<Choice> {
    let parsed = parse_all(candidates, reference, month_first);
    let best = pick(&parsed, None, false)?;
    Some(choice(best, &parsed))
}

/// A page's publication and modification dates, each with what lost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dates {
    /// The publication date.
    pub published: Option<Choice>,
    /// The modification date (never taken from a publication source).
    pub modified: Option<Choice>,
}

/// Chooses the publication date among `published` and the modification
/// date among `modified` (raw text and source, each in precedence order):
/// [`choose`] for each, and the modification date as a witness against a
/// declared publication date that is only the last save (see the module
/// doc).
pub fn choose_dates(
    published: &[(String, Source)],
    modified: &[(String, Source)],
    reference: Option<DateTime<Utc>>,
    month_first: bool,
) -> Dates {
    let modified_parsed = parse_all(modified, reference, month_first);
    let modified_best = pick(&modified_parsed, None, false);
    let modified_date = modified_best.as_ref().and_then(|best| {
        modified_parsed
            .iter()
            .find(|(f, _)| f.source == best.source && f.raw == best.raw)
            .map(|(_, d)| *d)
    });
    let published_parsed = parse_all(published, reference, month_first);
    let published_choice = pick(&published_parsed, modified_date.as_ref(), true)
        .map(|best| choice(best, &published_parsed))
        .or_else(|| shown_update(&modified_parsed));
    let modified_choice = modified_best.map(|best| choice(best, &modified_parsed));
    Dates {
        published: published_choice,
        modified: modified_choice,
    }
}

/// The publication date of a page that declares none and shows none but
/// prints its update ("Last updated: November 13, 2025", a `<time>` so
/// labelled): the only date its reader sees, and one the publication
/// cannot follow. A declared `dateModified` alone is a CMS's last save and
/// never stands in.
fn shown_update(modified: &[(DateFact, PageDate)]) -> Option<Choice> {
    let shown: Vec<(DateFact, PageDate)> = modified
        .iter()
        .filter(|(f, _)| matches!(f.source, Source::VisibleDate | Source::TimeElement))
        .cloned()
        .collect();
    let best = pick(&shown, None, false)?;
    Some(choice(best, &shown))
}

/// The candidates that parse and are plausible, in order.
fn parse_all(
    candidates: &[(String, Source)],
    reference: Option<DateTime<Utc>>,
    month_first: bool,
) -> Vec<(DateFact, PageDate)> {
    candidates
        .iter()
        .filter_map(|(raw, source)| {
            let date = if *source == Source::UrlPattern {
                from_url_path(raw).filter(|d| d.is_plausible(reference))
            } else {
                resolve_with_order(raw, reference, month_first)
            }?;
            Some((DateFact::new(&date, raw, *source), date))
        })
        .collect()
}

/// The winner with its provenance and the distinct values that lost.
fn choice(best: DateFact, parsed: &[(DateFact, PageDate)]) -> Choice {
    let alternatives = parsed
        .iter()
        .map(|(d, _)| d)
        .filter(|d| d.value != best.value)
        .fold(Vec::new(), |mut acc: Vec<DateFact>, d| {
            if acc.len() < MAX_ALTERNATIVES && !acc.iter().any(|a| a.value == d.value) {
                acc.push(d.clone());
            }
            acc
        });
    Choice {
        provenance: provenance(&best, parsed),
        alternatives,
        best,
    }
}

/// The header date the outline found (a `<time>` by the headline), as a
/// date fact, when it parses against `reference`: the fallback of pages
/// whose metadata gives no date, chosen like every other date.
pub fn header_date(
    raws: &[&str],
    reference: Option<DateTime<Utc>>,
    month_first: bool,
) -> Option<Choice> {
    let candidates: Vec<(String, Source)> = raws
        .iter()
        .map(|raw| ((*raw).to_owned(), Source::TimeElement))
        .collect();
    choose(&candidates, reference, month_first)
}

/// The winner: the first candidate of the best precision class (an
/// instant or a day, else a month, else a year), or the date the article
/// shows where the page doubts its declared one (`modified` is the
/// page's modification date, a witness); made precise by an agreeing
/// instant, given the offset of an agreeing candidate, and more trusted
/// when another source names its day.
fn pick(
    candidates: &[(DateFact, PageDate)],
    modified: Option<&PageDate>,
    prefer_shown: bool,
) -> Option<DateFact> {
    let class = |p: Precision| p.min(Precision::Day);
    let top = candidates.iter().map(|(f, _)| class(f.precision)).max()?;
    let first = candidates.iter().find(|(f, _)| class(f.precision) == top)?;
    let (leader, leader_date) = prefer_shown
        .then(|| shown_instead(candidates, &first.0, &first.1, modified))
        .flatten()
        .unwrap_or((&first.0, &first.1));
    let day = leader_date.date();
    let same_day = |d: &PageDate| d.date() == day || d.falls_on(day);
    let mut best = leader.clone();
    let mut best_date = *leader_date;
    if leader.precision == Precision::Day
        && let Some((precise, date)) = candidates
            .iter()
            .find(|(f, d)| f.precision > Precision::Day && same_day(d))
    {
        best = DateFact {
            confidence: precise.confidence.max(leader.confidence),
            ..precise.clone()
        };
        best_date = *date;
    }
    if let Some(zoned) = in_page_offset(candidates, &best_date) {
        best.value = zoned.to_rfc3339();
        best.offset = zoned.offset_text();
    }
    let agreed = candidates
        .iter()
        .any(|(f, d)| f.source != best.source && f.raw != best.raw && same_day(d));
    if agreed {
        best.confidence = rounded((best.confidence + AGREEMENT_BONUS).min(1.0));
    }
    Some(best)
}

/// Sources of dates the page declares for machines rather than shows.
fn is_declared(source: Source) -> bool {
    matches!(
        source,
        Source::JsonLd
            | Source::OpenGraph
            | Source::Microdata
            | Source::DublinCore
            | Source::Meta
            | Source::Twitter
    )
}

/// Sources of dates the article shows (a `<time>`, a visible date line).
fn is_shown(source: Source) -> bool {
    matches!(source, Source::TimeElement | Source::VisibleDate)
}

/// Whether two dates name the same day, as written or in UTC.
fn agree(a: &PageDate, b: &PageDate) -> bool {
    a.date() == b.date() || a.falls_on(b.date()) || b.falls_on(a.date())
}

/// The first date the article shows, to the day, when it should replace
/// the declared `leader` it contradicts (rule 2 of the module doc).
fn shown_instead<'a>(
    candidates: &'a [(DateFact, PageDate)],
    leader: &DateFact,
    leader_date: &PageDate,
    modified: Option<&PageDate>,
) -> Option<(&'a DateFact, &'a PageDate)> {
    if !is_declared(leader.source) || leader.precision < Precision::Day {
        return None;
    }
    let all_shown = || {
        candidates
            .iter()
            .filter(|(f, _)| is_shown(f.source) && f.precision >= Precision::Day)
    };
    let (shown, shown_date) = all_shown().next()?;
    if agree(shown_date, leader_date) {
        return None;
    }
    let zone_shift = shown_date.offset.is_none() && utc_day_shift(leader_date, shown_date);
    if zone_shift {
        return Some((shown, shown_date));
    }
    // The page shows the declared day too (further down, or in the header
    // after a teaser's date): the declaration stands.
    if all_shown().any(|(_, d)| agree(d, leader_date)) {
        return None;
    }
    // Many different days shown are a list of dated items (teasers,
    // episodes, replies): its first is no more the article's than the rest.
    let mut days: Vec<chrono::NaiveDate> = all_shown().map(|(_, d)| d.date).collect();
    days.sort_unstable();
    days.dedup();
    if days.len() >= LIST_OF_DAYS {
        return None;
    }
    let stale = modified.is_some_and(|m| agree(m, leader_date));
    let seconded = candidates
        .iter()
        .any(|(f, d)| is_declared(f.source) && f.source != leader.source && agree(d, shown_date));
    (stale || seconded).then_some((shown, shown_date))
}

/// Whether `utc` is an instant given in UTC whose local day, in some zone
/// between -12:00 and +14:00, is the day of `local` (one day either side
/// of its UTC day).
fn utc_day_shift(utc: &PageDate, local: &PageDate) -> bool {
    let (Some(offset), Some(time)) = (utc.offset, utc.time) else {
        return false;
    };
    if offset.local_minus_utc() != 0 {
        return false;
    }
    let hours = time.hour();
    let before = utc.date.pred_opt() == Some(local.date) && hours < 12;
    let after = utc.date.succ_opt() == Some(local.date) && hours >= 10;
    before || after
}

/// `best` in the offset another candidate gives it: a local time without
/// a zone takes the offset of a candidate with the same day and wall time;
/// a UTC instant is written in the offset of a candidate naming the same
/// instant in another zone. `None` when nothing changes.
fn in_page_offset(candidates: &[(DateFact, PageDate)], best: &PageDate) -> Option<PageDate> {
    if !best.has_time() {
        return None;
    }
    match best.offset {
        None => candidates
            .iter()
            .find_map(|(_, d)| d.offset.filter(|_| same_wall_time(d, best)))
            .map(|offset| PageDate {
                offset: Some(offset),
                ..*best
            }),
        Some(utc) if utc.local_minus_utc() == 0 => {
            let instant = best.utc_instant()?;
            let same_minute = |d: &PageDate| {
                d.utc_instant()
                    .is_some_and(|at| (at - instant).num_seconds().abs() < 60)
            };
            let (_, local) = candidates.iter().find(|(_, d)| {
                d.offset.is_some_and(|o| o.local_minus_utc() != 0) && same_minute(d)
            })?;
            let offset = local.offset?;
            let at = instant.with_timezone(&offset);
            Some(PageDate {
                date: at.date_naive(),
                time: Some(at.time()),
                offset: Some(offset),
                precision: best.precision,
            })
        }
        Some(_) => None,
    }
}

/// Whether two dates name the same day and the same clock time to the
/// minute, as written.
fn same_wall_time(a: &PageDate, b: &PageDate) -> bool {
    let minute = |d: &PageDate| d.time.map(|t| t.format("%H:%M").to_string());
    a.date == b.date && a.time.is_some() && minute(a) == minute(b)
}

/// Provenance of a date: every other parsed candidate is an alternative,
/// agreeing when it names the winner's day.
fn provenance(best: &DateFact, candidates: &[(DateFact, PageDate)]) -> FieldProvenance {
    let best_day = candidates
        .iter()
        .find(|(f, _)| f.source == best.source && f.raw == best.raw)
        .map(|(_, d)| *d);
    let mut alternatives: Vec<Alternative> = Vec::new();
    for (fact, date) in candidates {
        if fact.source == best.source && fact.raw == best.raw {
            continue;
        }
        if alternatives.len() >= MAX_ALTERNATIVES {
            break;
        }
        if alternatives
            .iter()
            .any(|a| a.source == fact.source && a.value == fact.value)
        {
            continue;
        }
        let agrees = best_day.is_some_and(|b| {
            date.date() == b.date() || date.falls_on(b.date()) || b.falls_on(date.date())
        });
        alternatives.push(Alternative {
            value: fact.value.clone(),
            raw: fact.raw.clone(),
            source: fact.source,
            confidence: fact.confidence,
            agrees,
        });
    }
    FieldProvenance {
        source: best.source,
        raw: best.raw.clone(),
        confidence: best.confidence,
        alternatives,
    }
}

/// A confidence to two decimals (sums of f32 ranks print as 0.90000004).
fn rounded(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::super::from_epoch_ms;
    use super::*;

    fn candidates(list: &[(&str, Source)]) -> Vec<(String, Source)> {
        list.iter().map(|(r, s)| ((*r).to_owned(), *s)).collect()
    }

    fn chosen(list: &[(&str, Source)]) -> Option<String> {
        choose(&candidates(list), None, false).map(|c| c.best.value)
    }

    #[test]
    fn precedence_decides_among_equals_and_losers_are_kept() {
        let choice = choose(
            &candidates(&[
                ("2024-06-18T08:26:02+02:00", Source::JsonLd),
                ("2024-06-17T10:00:00+02:00", Source::OpenGraph),
                ("not a date", Source::Meta),
                ("2024-06-18T06:26:02Z", Source::TimeElement),
            ]),
            None,
            false,
        )
        .expect("a date");
        assert_eq!(choice.best.value, "2024-06-18T08:26:02+02:00");
        assert_eq!(choice.best.source, Source::JsonLd);
        // Agreement by the `<time>` raises the confidence.
        assert_eq!(choice.best.confidence, 1.0);
        assert_eq!(choice.alternatives.len(), 2);
        assert_eq!(choice.alternatives[0].source, Source::OpenGraph);
        let alts = &choice.provenance.alternatives;
        assert_eq!(alts.len(), 2);
        assert!(!alts[0].agrees);
        assert!(alts[1].agrees);
    }

    #[test]
    fn a_month_or_a_year_loses_to_a_full_date() {
        // "Joined March 2019" in a sidebar, a URL's month, a full visible date.
        assert_eq!(
            chosen(&[
                ("Joined March 2019", Source::VisibleDate),
                ("https://x.test/2024/06/story", Source::UrlPattern),
                ("18. Juni 2024", Source::VisibleDate),
            ])
            .as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(
            chosen(&[
                ("2024", Source::JsonLd),
                ("https://x.test/2024/06/story", Source::UrlPattern),
            ])
            .as_deref(),
            Some("2024-06")
        );
    }

    #[test]
    fn a_bare_day_takes_the_time_of_an_agreeing_candidate() {
        assert_eq!(
            chosen(&[
                ("2024-06-18", Source::JsonLd),
                ("2024-06-17T09:00:00Z", Source::OpenGraph),
                ("18 juin 2024 à 14h05 CEST", Source::VisibleDate),
            ])
            .as_deref(),
            Some("2024-06-18T14:05:00+02:00")
        );
        // No agreeing instant: the day stays a day.
        assert_eq!(
            chosen(&[
                ("2024-06-18", Source::JsonLd),
                ("2024-06-17T09:00:00Z", Source::OpenGraph),
            ])
            .as_deref(),
            Some("2024-06-18")
        );
    }

    #[test]
    fn a_local_time_takes_the_offset_of_an_agreeing_candidate() {
        assert_eq!(
            chosen(&[
                ("2024-06-18T14:05:00", Source::JsonLd),
                ("Tue, 18 Jun 2024 14:05:00 -0500", Source::Meta),
            ])
            .as_deref(),
            Some("2024-06-18T14:05:00-05:00")
        );
        let choice = choose(
            &candidates(&[
                ("2024-06-18", Source::JsonLd),
                ("18.06.2024, 14:05 Uhr", Source::VisibleDate),
                ("2024-06-18T14:05:00+02:00", Source::TimeElement),
            ]),
            None,
            false,
        )
        .expect("a date");
        assert_eq!(choice.best.value, "2024-06-18T14:05:00+02:00");
        assert_eq!(choice.best.offset.as_deref(), Some("+02:00"));
        // A different wall time is another statement: no offset carried.
        assert_eq!(
            chosen(&[
                ("2024-06-18T14:05:00", Source::JsonLd),
                ("2024-06-18T09:00:00+02:00", Source::Meta),
            ])
            .as_deref(),
            Some("2024-06-18T14:05:00")
        );
    }

    #[test]
    fn relative_candidates_need_the_reference_time() {
        let now = from_epoch_ms(1_718_692_982_000);
        let list = candidates(&[
            ("2024-06-18", Source::TimeElement),
            ("17 分钟前", Source::VisibleDate),
        ]);
        assert_eq!(
            choose(&list, now, false).map(|c| c.best.value).as_deref(),
            Some("2024-06-18T06:26:02Z")
        );
        assert_eq!(
            choose(&list, None, false).map(|c| c.best.value).as_deref(),
            Some("2024-06-18")
        );
    }

    #[test]
    fn header_dates_are_parsed_or_dropped() {
        let now = from_epoch_ms(1_718_692_982_000);
        let fact = header_date(&["3 hours ago"], now, false)
            .expect("resolves against now")
            .best;
        assert_eq!(fact.value, "2024-06-18T03:43:02Z");
        assert_eq!(fact.raw, "3 hours ago");
        assert_eq!(fact.source, Source::TimeElement);
        assert_eq!(header_date(&["3 hours ago"], None, false), None);
        assert_eq!(header_date(&["not a date at all"], now, false), None);
        let day = header_date(&["18. Juni 2024"], None, false).expect("absolute");
        assert_eq!(day.best.value, "2024-06-18");
        assert_eq!(day.best.precision, Precision::Day);
        assert_eq!(
            header_date(&["06/07/2024"], None, true).map(|c| c.best.value),
            Some("2024-06-07".to_owned())
        );
    }

    fn published(published: &[(&str, Source)], modified: &[(&str, Source)]) -> Option<String> {
        choose_dates(&candidates(published), &candidates(modified), None, false)
            .published
            .map(|c| c.best.value)
    }

    #[test]
    fn a_shown_update_is_the_date_of_a_page_that_gives_no_other() {
        assert_eq!(
            published(&[], &[("November 13, 2025", Source::VisibleDate)]).as_deref(),
            Some("2025-11-13")
        );
        // A declared modification alone is the last save: no publication.
        assert_eq!(published(&[], &[("2025-11-13", Source::JsonLd)]), None);
        // A publication date, declared or shown, wins over the update.
        assert_eq!(
            published(
                &[("2024-02-01", Source::JsonLd)],
                &[("November 13, 2025", Source::VisibleDate)]
            )
            .as_deref(),
            Some("2024-02-01")
        );
    }

    #[test]
    fn the_shown_date_beats_a_declared_one_that_is_only_the_last_save() {
        // JSON-LD's datePublished is its dateModified: the CMS wrote its
        // last save into both; the article shows its own day.
        assert_eq!(
            published(
                &[
                    ("2025-06-24", Source::JsonLd),
                    ("25. August 2024", Source::VisibleDate),
                ],
                &[("2025-06-24T10:00:00Z", Source::JsonLd)],
            )
            .as_deref(),
            Some("2024-08-25")
        );
        // The article shows its update ("Last updated: 19 agosto 2025"):
        // the declared publication stands.
        assert_eq!(
            published(
                &[
                    ("2025-01-29T20:47:55+00:00", Source::JsonLd),
                    ("19 agosto 2025", Source::VisibleDate),
                ],
                &[("2025-08-19T13:25:59Z", Source::JsonLd)],
            )
            .as_deref(),
            Some("2025-01-29T20:47:55Z")
        );
        // Another declared source seconds the shown day.
        assert_eq!(
            published(
                &[
                    ("2022-10-24T12:40:59+00:00", Source::JsonLd),
                    ("2022-10-08", Source::Microdata),
                    ("8 octobre 2022", Source::VisibleDate),
                ],
                &[],
            )
            .as_deref(),
            Some("2022-10-08")
        );
        // Without a reason to doubt it, the declared date stands.
        assert_eq!(
            published(
                &[
                    ("2024-06-18T08:00:00+02:00", Source::JsonLd),
                    ("3. März 2023", Source::VisibleDate),
                ],
                &[("2024-06-20", Source::JsonLd)],
            )
            .as_deref(),
            Some("2024-06-18T08:00:00+02:00")
        );
    }

    #[test]
    fn a_declared_date_the_page_also_shows_or_a_list_of_dates_does_not_overturn() {
        // The CMS wrote its last save into both dates and a teaser's date
        // comes first, but the article's own line shows the declared day.
        assert_eq!(
            published(
                &[
                    ("2025-09-12T00:00:00Z", Source::JsonLd),
                    ("May 8, 2024 | 12 min read", Source::VisibleDate),
                    ("September 12, 2025", Source::VisibleDate),
                ],
                &[("2025-09-12T00:00:00Z", Source::JsonLd)],
            )
            .as_deref(),
            Some("2025-09-12T00:00:00Z")
        );
        // Weekly episodes, each with its day: a list, not the date line,
        // even with a reason to doubt the declaration.
        assert_eq!(
            published(
                &[
                    ("2023-11-21T19:57:53+00:00", Source::JsonLd),
                    ("Nov 18, 2025", Source::VisibleDate),
                    ("Nov 11, 2025", Source::VisibleDate),
                    ("Nov 4, 2025", Source::VisibleDate),
                ],
                &[("2023-11-21T20:01:31Z", Source::JsonLd)],
            )
            .as_deref(),
            Some("2023-11-21T19:57:53Z")
        );
        // Two shown days are no list: the doubted declaration gives way.
        assert_eq!(
            published(
                &[
                    ("2023-11-21T19:57:53+00:00", Source::JsonLd),
                    ("Nov 18, 2025", Source::VisibleDate),
                    ("Nov 11, 2025", Source::VisibleDate),
                ],
                &[("2023-11-21T20:01:31Z", Source::JsonLd)],
            )
            .as_deref(),
            Some("2025-11-18")
        );
    }

    #[test]
    fn a_utc_instant_gives_way_to_the_day_readers_see() {
        // 02:41 UTC on the 19th is the evening of the 18th in the Americas.
        assert_eq!(
            published(
                &[
                    ("2025-12-19T02:41:41+00:00", Source::OpenGraph),
                    ("Dec 18, 2025", Source::VisibleDate),
                ],
                &[],
            )
            .as_deref(),
            Some("2025-12-18")
        );
        // 15:00 UTC is on the 19th in every zone but the far east's 20th.
        assert_eq!(
            published(
                &[
                    ("2025-12-19T15:00:00Z", Source::OpenGraph),
                    ("Dec 18, 2025", Source::VisibleDate),
                ],
                &[],
            )
            .as_deref(),
            Some("2025-12-19T15:00:00Z")
        );
    }

    #[test]
    fn a_utc_instant_is_written_in_the_pages_own_offset() {
        assert_eq!(
            chosen(&[
                ("2025-12-19T03:05:00+00:00", Source::OpenGraph),
                ("2025-12-18T19:05:00-08:00", Source::TimeElement),
            ])
            .as_deref(),
            Some("2025-12-18T19:05:00-08:00")
        );
    }

    #[test]
    fn us_english_reads_numbers_month_first() {
        assert!(is_month_first(Some("en-US")));
        assert!(is_month_first(Some("en_us")));
        assert!(!is_month_first(Some("en-GB")));
        assert!(!is_month_first(None));
    }
}
