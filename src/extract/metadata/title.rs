//! Title cleaning: the site-name suffix or prefix taken off (" | Site",
//! " - Site", "Site: ..."), and the result checked against the `h1`.

use crate::article::Source;
use crate::extract::text::normalize_whitespace;

/// Separators between a headline and a site or section name, strongest
/// first. A separator in this list splits only when the part it cuts off
/// is recognised (site name, domain, `h1`) or, for the first group, is
/// short enough to be a name.
const STRONG_SEPARATORS: &[&str] = &[" | ", "｜", " ｜ ", " :: ", " » ", " · ", " • ", " / "];
/// Dashes: headlines use them too, so they split on weaker evidence only.
const DASH_SEPARATORS: &[&str] = &[" - ", " – ", " — ", "_", "-", "–"];
/// Separators after a leading site name ("Site: Headline").
const PREFIX_SEPARATORS: &[&str] = &[
    ": ", " | ", "｜", " - ", " – ", " — ", " :: ", " » ", " · ", "：",
];
/// Separators of [`PREFIX_SEPARATORS`] that only ever follow a leading
/// site name: the headline may stand after them.
const PREFIX_ONLY: &[&str] = &[": ", "："];
/// Separator positions tried per round, from the end of the title.
const MAX_CUTS_TRIED: usize = 6;
/// The most words a cut-off part may have to pass for a site name without
/// being recognised.
const MAX_SITE_WORDS: usize = 4;
/// The most words a board's name in a forum's breadcrumb title has.
const MAX_SECTION_WORDS: usize = 3;
/// The most characters a recognised site part may have (longer parts that
/// merely mention the site are headline text).
const MAX_SITE_CHARS: usize = 40;

/// What is known about the site, to recognise its name in a title.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SiteHints<'a> {
    /// The declared site name.
    pub(super) site_name: Option<&'a str>,
    /// The page's host name.
    pub(super) host: Option<&'a str>,
    /// The page's main heading.
    pub(super) h1: Option<&'a str>,
}

/// A cleaned title and the site name cut off it, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Cleaned {
    /// The headline.
    pub(super) title: String,
    /// The part recognised as the site name.
    pub(super) site: Option<String>,
}

/// Lower-cased letters and digits only: the form titles are compared in.
pub(super) fn key(s: &str) -> String {
    key_chars(s).collect()
}

/// The characters of [`key`], for comparing without building the string.
fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Whether `a` and `b` have the same [`key`], built neither.
pub(super) fn same_key(a: &str, b: &str) -> bool {
    key_chars(a).eq(key_chars(b))
}

/// The distinctive labels of a host: `www.bbc.co.uk` gives `bbc`.
fn host_labels(host: &str) -> Vec<String> {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    labels
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            // The public suffix (`com`, `co.uk`) and `www` say nothing.
            *i + 1 < n
                && !matches!(
                    **l,
                    "www"
                        | "m"
                        | "amp"
                        | "co"
                        | "com"
                        | "org"
                        | "net"
                        | "gov"
                        | "ac"
                        | "edu"
                        | "news"
                )
        })
        .map(|(_, l)| key(l))
        .filter(|l| l.chars().count() >= 3)
        .collect()
}

/// The hints in the form parts are compared in, worked out once per title
/// rather than once per part and separator.
struct Keys {
    /// The site name's key, if not empty.
    site: Option<String>,
    /// The host's distinctive labels.
    host_labels: Vec<String>,
    /// The h1's key, if not empty.
    h1: Option<String>,
}

impl Keys {
    fn of(hints: &SiteHints<'_>) -> Keys {
        Keys {
            site: hints.site_name.map(key).filter(|s| !s.is_empty()),
            host_labels: hints.host.map(host_labels).unwrap_or_default(),
            h1: hints.h1.map(key).filter(|h| !h.is_empty()),
        }
    }
}

/// Whether `part` names the site: it is the declared site name (or one
/// holds the other), or it contains a host label, or a host label contains
/// it.
fn is_site(part: &str, keys: &Keys) -> bool {
    // Long parts (the headline itself) are no site names: counted before
    // any key is made of them.
    if part.chars().count() > MAX_SITE_CHARS {
        // A long organisation name still names the site when the host is
        // its initials.
        return part.chars().count() <= 2 * MAX_SITE_CHARS && is_host_acronym(part, keys);
    }
    let p = key(part);
    if p.is_empty() {
        return false;
    }
    if let Some(site) = &keys.site
        && (*site == p || (site.chars().count() >= 3 && (p.contains(site) || site.contains(&p))))
    {
        return true;
    }
    keys.host_labels
        .iter()
        .any(|l| p.contains(l.as_str()) || (p.chars().count() >= 3 && l.contains(&p)))
        || is_host_acronym(part, keys)
}

/// Whether a host label is the initials of `part`'s words ("Occupational
/// Safety and Health Administration" on osha.gov), joining words left out
/// or counted.
fn is_host_acronym(part: &str, keys: &Keys) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    if !(3..=8).contains(&words.len()) {
        return false;
    }
    let initials = |skip_small: bool| -> String {
        words
            .iter()
            .filter(|w| {
                !skip_small
                    || !matches!(
                        w.to_lowercase().as_str(),
                        "and" | "of" | "the" | "for" | "&"
                    )
            })
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (all, content) = (initials(false), initials(true));
    keys.host_labels
        .iter()
        .any(|l| l.chars().count() >= 3 && (*l == all || *l == content))
}

/// Whether `part` is exactly the site name or a host label.
fn is_exact_site(part: &str, keys: &Keys) -> bool {
    let p = key(part);
    !p.is_empty() && (keys.site.as_ref() == Some(&p) || keys.host_labels.contains(&p))
}

/// Whether `part` is nothing but the site's name or its domain, as a logo
/// heading prints it ("virtualbox.org", "Example Times"). A heading that
/// merely holds the name ("Lemmy Development Update", "Ridge Wallet" on
/// a site named "The Ridge") is a headline.
fn is_logo_text(part: &str, keys: &Keys) -> bool {
    /// The longest top-level domain a logo's domain may end with, in key
    /// characters (`org`, `info`).
    const MAX_TLD: usize = 4;
    let p = key(part);
    !p.is_empty()
        && (keys.site.as_ref() == Some(&p)
            || keys.host_labels.iter().any(|l| {
                p.strip_prefix(l.as_str())
                    .is_some_and(|rest| rest.chars().count() <= MAX_TLD)
            }))
}

fn is_h1(part: &str, keys: &Keys) -> bool {
    // Lower-casing at most grows a text by half (`İ`, 2 bytes, gives 3):
    // a part under half the h1 key's length cannot match.
    keys.h1
        .as_ref()
        .is_some_and(|h| part.len() * 2 >= h.len() && key_chars(part).eq(h.chars()))
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Cleans `raw`; `generic` allows cutting an unrecognised short suffix
/// after a strong separator (not for JSON-LD headlines, which are clean by
/// intent). The steps ([`clean_with`]), in order: the part that is the
/// `h1`; suffixes that name the site, then a forum board's name; a prefix
/// that names the site; else a short suffix.
#[cfg(test)]
pub(super) fn clean(raw: &str, hints: &SiteHints<'_>, generic: bool) -> Cleaned {
    clean_with(
        raw,
        &Keys::of(hints),
        Cut {
            generic,
            prefix: true,
        },
    )
}

/// Cleans a page's own heading: only a site suffix comes off ("Story |
/// Site" printed as the `h1` by some themes). A heading that opens with a
/// name ("Redfin's 2026 Predictions: ...", "CSRankings: ...") is the
/// headline as the page prints it, not a site prefix.
pub(super) fn clean_heading(raw: &str, hints: &SiteHints<'_>) -> Cleaned {
    clean_with(
        raw,
        &Keys::of(hints),
        Cut {
            generic: false,
            prefix: false,
        },
    )
}

/// Which cuts [`clean_with`] may make besides a recognised site suffix.
#[derive(Debug, Clone, Copy)]
struct Cut {
    /// An unrecognised short suffix after a strong separator.
    generic: bool,
    /// A leading part that names the site.
    prefix: bool,
}

/// [`clean`] over several titles, each with where it came from, the
/// hints' keys worked out once. A JSON-LD headline is clean by intent (no
/// unrecognised suffix comes off); a page heading loses no prefix (see
/// [`clean_heading`]).
pub(super) fn clean_all<'r>(
    titles: impl IntoIterator<Item = (&'r str, Source)>,
    hints: &SiteHints<'_>,
) -> Vec<Cleaned> {
    let keys = Keys::of(hints);
    titles
        .into_iter()
        .map(|(raw, source)| {
            let cut = Cut {
                generic: source != Source::JsonLd,
                prefix: source != Source::Heading,
            };
            clean_with(raw, &keys, cut)
        })
        .collect()
}

/// Characters that only steer rendering: a soft hyphen (`&shy;`, hyphenation
/// hints in headings), zero-width spaces and word joiners, a byte-order
/// mark. They are no part of the title's text. (Zero-width joiners stay:
/// emoji and Indic scripts need them.)
const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

fn clean_with(raw: &str, keys: &Keys, cut: Cut) -> Cleaned {
    let mut title = normalize_whitespace(raw);
    if title.contains(INVISIBLE) {
        title.retain(|c| !INVISIBLE.contains(&c));
    }
    if let Some(cleaned) = split_at_h1(&title, keys) {
        return cleaned;
    }
    let mut cleaned = Cleaned { title, site: None };
    if cut_site_suffixes(&mut cleaned, keys) {
        cut_board(&mut cleaned.title);
    }
    if cut.prefix {
        cut_site_prefix(&mut cleaned, keys);
    }
    if cut.generic && cleaned.site.is_none() {
        cut_short_suffix(&mut cleaned);
    }
    cleaned
}

/// Step 1: one part is exactly the h1: that is the headline.
fn split_at_h1(title: &str, keys: &Keys) -> Option<Cleaned> {
    for sep in STRONG_SEPARATORS
        .iter()
        .chain(DASH_SEPARATORS)
        .chain(PREFIX_SEPARATORS)
    {
        // Not when that part is the site's name or a trailing part after a
        // longer headline: a logo `h1` ("Story - virtualbox.org" under
        // `<h1>virtualbox.org</h1>`) is no headline.
        let parts: Vec<&str> = if title.contains(sep) {
            title.split(sep).collect()
        } else {
            Vec::new()
        };
        let is_logo = |i: usize, p: &str| {
            is_logo_text(p, keys)
                || (i > 0
                    && i + 1 == parts.len()
                    && !PREFIX_ONLY.contains(sep)
                    && parts.iter().take(i).any(|h| word_count(h) > word_count(p)))
        };
        if let Some(logo) = parts
            .iter()
            .enumerate()
            .find(|(i, p)| is_h1(p, keys) && is_logo(*i, p))
            .map(|(_, p)| *p)
        {
            let head: Vec<&str> = parts.iter().copied().filter(|p| *p != logo).collect();
            return Some(Cleaned {
                title: head.join(sep).trim().to_owned(),
                site: Some(logo.trim().to_owned()),
            });
        }
        if title.contains(sep)
            && let Some(part) = title.split(sep).find(|p| is_h1(p, keys))
        {
            let rest: Vec<&str> = title.split(sep).filter(|p| !is_h1(p, keys)).collect();
            let removed = match rest.as_slice() {
                [only] => Some(only.trim().to_owned()),
                _ => None,
            };
            return Some(Cleaned {
                title: part.trim().to_owned(),
                site: removed.filter(|r| is_site(r, keys)),
            });
        }
    }
    None
}

/// Step 2: suffixes that name the site, repeatedly ("Story - Section -
/// Site"), trying the separators from the last one back. A dash without
/// spaces ("Fold-and-Cut", "on-premise UI Bakery") cuts only before the
/// exact site name. Whether the first cut was at a strong separator.
fn cut_site_suffixes(cleaned: &mut Cleaned, keys: &Keys) -> bool {
    let mut cut_strong = false;
    for _ in 0..3 {
        let title = &cleaned.title;
        let mut cuts: Vec<(usize, &str)> = STRONG_SEPARATORS
            .iter()
            .chain(DASH_SEPARATORS)
            .flat_map(|sep| title.match_indices(sep).map(|(i, _)| (i, *sep)))
            .collect();
        cuts.sort_by_key(|(i, sep)| std::cmp::Reverse((*i, sep.len())));
        // The site name sits in the last few parts; a title of a thousand
        // dashes must not cost a thousand comparisons each round.
        let found = cuts.into_iter().take(MAX_CUTS_TRIED).find_map(|(i, sep)| {
            let (head, tail) = crate::extract::text::around(title, i, sep)?;
            let tight = matches!(sep, "-" | "–" | "_");
            let named = if tight {
                is_exact_site(tail, keys)
            } else {
                is_site(tail, keys)
            };
            (!head.is_empty() && named).then(|| (head.to_owned(), tail.to_owned(), sep))
        });
        let Some((head, tail, sep)) = found else {
            break;
        };
        if cleaned.site.is_none() {
            cut_strong = STRONG_SEPARATORS.contains(&sep);
        }
        cleaned.site.get_or_insert(tail);
        cleaned.title = head;
    }
    cut_strong
}

/// A forum's breadcrumb ("Topic / Board / Site", FluxBB and phpBB titles):
/// once the site is cut at a strong separator, a short part left after
/// another strong separator is the board's name.
fn cut_board(title: &mut String) {
    for sep in STRONG_SEPARATORS {
        if let Some(i) = title.rfind(sep)
            && let Some((head, tail)) = crate::extract::text::around(title, i, sep)
            && word_count(tail) <= MAX_SECTION_WORDS
            && word_count(head) > word_count(tail)
        {
            *title = head.to_owned();
            break;
        }
    }
}

/// Step 3: a prefix that names the site ("Site: Headline").
fn cut_site_prefix(cleaned: &mut Cleaned, keys: &Keys) {
    let title = &cleaned.title;
    if let Some((i, sep)) = PREFIX_SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|i| (i, *sep)))
        .min_by_key(|(i, _)| *i)
        && let Some((head, tail)) = crate::extract::text::around(title, i, sep)
        && !tail.is_empty()
        && is_site(head, keys)
    {
        let (head, tail) = (head.to_owned(), tail.to_owned());
        cleaned.site.get_or_insert(head);
        cleaned.title = tail;
    }
}

/// Step 4: nothing recognised: a short part after a strong separator is a
/// site or section name when the headline before it is longer.
fn cut_short_suffix(cleaned: &mut Cleaned) {
    for sep in STRONG_SEPARATORS {
        if let Some(i) = cleaned.title.rfind(sep)
            && let Some((head, tail)) = crate::extract::text::around(&cleaned.title, i, sep)
        {
            if !head.is_empty()
                && word_count(tail) <= MAX_SITE_WORDS
                && tail.chars().count() <= MAX_SITE_CHARS
                && head.chars().count() > tail.chars().count()
            {
                let (head, tail) = (head.to_owned(), tail.to_owned());
                cleaned.site = Some(tail);
                cleaned.title = head;
            }
            break;
        }
    }
}

/// The least word overlap (Jaccard, over lower-cased words with each CJK
/// character a word) at which the `h1` counts as the same headline as the
/// metadata title. Set on the WCXB development pages: metadata titles are
/// often an SEO variant of the visible headline ("Top 11 SEO Strategies for
/// 2025" for "11 SEO Strategies for 2025 to Boost Rankings"), and the
/// visible one is what readers take as the title; 0.2 gave the best title
/// accuracy there (0.1 to 0.3 are within 1%), a logo `h1` shares no words.
const MIN_H1_OVERLAP: f32 = 0.2;

fn words(s: &str) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let mut word = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if crate::extract::text::is_cjk(c) {
            if !word.is_empty() {
                out.insert(std::mem::take(&mut word));
            }
            out.insert(c.to_string());
        } else if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            out.insert(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.insert(word);
    }
    out
}

/// Whether the `h1` is the cleaned title's close match, so that the page's
/// own heading (its exact wording) is the better headline: equal once
/// compared by letters and digits, one holding the other with at least 60%
/// of its length, or enough words in common ([`MIN_H1_OVERLAP`]).
pub(super) fn h1_matches(title: &str, h1: &str) -> bool {
    let (t, h) = (key(title), key(h1));
    if t.is_empty() || h.is_empty() {
        return false;
    }
    if t == h {
        return true;
    }
    let (short, long) = if t.len() < h.len() {
        (&t, &h)
    } else {
        (&h, &t)
    };
    if long.contains(short.as_str()) && short.chars().count() * 10 >= long.chars().count() * 6 {
        return true;
    }
    let (tw, hw) = (words(title), words(h1));
    let union = tw.union(&hw).count();
    #[allow(clippy::cast_precision_loss)] // word counts are small
    let overlap = tw.intersection(&hw).count() as f32 / union.max(1) as f32;
    overlap >= MIN_H1_OVERLAP
}

/// How much a source's title counts when sources vote on a headline's
/// wording: sources that usually copy another (`twitter:title` copies
/// `og:title`) count half.
fn wording_weight(source: Source) -> u32 {
    match source {
        Source::Twitter | Source::DublinCore | Source::Microdata => 1,
        _ => 2,
    }
}

/// Among the cleaned candidates `(title, source, raw)` that give the same
/// headline as `chosen` (equal by [`key`]: they differ in punctuation or
/// case only), the wording with more weight than `chosen`'s, with the first
/// source that uses it and its raw text. `None` when `chosen`'s wording is
/// as common as any.
pub(super) fn majority_wording(
    chosen: &str,
    chosen_source: Source,
    candidates: &[(String, Source, String)],
) -> Option<(String, Source, String)> {
    let chosen_key = key(chosen);
    let mut tally: Vec<(&str, u32, Source, &str)> = Vec::new();
    let mut seen: Vec<Source> = Vec::new();
    for (value, source, raw) in candidates {
        if seen.contains(source) || key(value) != chosen_key {
            continue;
        }
        seen.push(*source);
        match tally.iter_mut().find(|(v, ..)| *v == value.as_str()) {
            Some(entry) => entry.1 += wording_weight(*source),
            None => tally.push((value, wording_weight(*source), *source, raw)),
        }
    }
    if !seen.contains(&chosen_source) {
        match tally.iter_mut().find(|(v, ..)| *v == chosen) {
            Some(entry) => entry.1 += wording_weight(chosen_source),
            None => tally.push((chosen, wording_weight(chosen_source), chosen_source, chosen)),
        }
    }
    let chosen_weight = tally
        .iter()
        .find(|(v, ..)| *v == chosen)
        .map_or(0, |(_, w, ..)| *w);
    // The first wording of the highest weight (candidates come best source
    // first), only when it beats the chosen one.
    let best = tally
        .iter()
        .fold(None::<&(&str, u32, Source, &str)>, |best, t| match best {
            Some(b) if b.1 >= t.1 => Some(b),
            _ => Some(t),
        })?;
    (best.1 > chosen_weight).then(|| (best.0.to_owned(), best.2, best.3.to_owned()))
}

/// The least wording weight (two full sources) with which the page's other
/// sources outvote a structured-data headline none of them shares.
const OUTVOTING_WEIGHT: u32 = 4;

/// The index in `cleaned` of the headline that outvotes the first one, a
/// structured-data headline (JSON-LD or microdata `headline`) that no other
/// source gives: the headline on which at least two of the page's own
/// sources (`og:title`, the `<title>`, the `h1`) agree. Sites fill the
/// structured headline from an SEO field that often differs from what the
/// page prints; when the page's visible and social titles agree with each
/// other, they are the headline. `None` when the first headline stands.
pub(super) fn outvoted_structured_headline(
    sources: &[Source],
    cleaned: &[Cleaned],
) -> Option<usize> {
    let (first_source, first) = sources.first().zip(cleaned.first())?;
    if !matches!(first_source, Source::JsonLd | Source::Microdata) {
        return None;
    }
    let first_key = key(&first.title);
    let others = || {
        sources
            .iter()
            .zip(cleaned)
            .enumerate()
            .skip(1)
            .filter(|(_, (_, c))| !c.title.is_empty())
    };
    if others().any(|(_, (_, c))| key(&c.title) == first_key) {
        return None;
    }
    let mut tally: Vec<(String, u32, usize)> = Vec::new();
    let mut seen: Vec<Source> = Vec::new();
    for (i, (source, c)) in others() {
        if seen.contains(source) {
            continue;
        }
        seen.push(*source);
        let k = key(&c.title);
        match tally.iter_mut().find(|(t, ..)| *t == k) {
            Some(entry) => entry.1 += wording_weight(*source),
            None => tally.push((k, wording_weight(*source), i)),
        }
    }
    tally
        .into_iter()
        .filter(|(_, w, _)| *w >= OUTVOTING_WEIGHT)
        .max_by_key(|(_, w, i)| (*w, std::cmp::Reverse(*i)))
        .map(|(.., i)| i)
}

/// Whether `a` and `b` are the same text but for the style of their quote
/// marks and apostrophes (`’` for `'`, `“` for `"`).
pub(super) fn same_but_quotes(a: &str, b: &str) -> bool {
    let plain = |c: char| match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => '"',
        c => c,
    };
    a.chars().map(plain).eq(b.chars().map(plain))
}

/// Whether `text` is only the site's name (the declared name or a host
/// label), as a logo heading is.
pub(super) fn names_site(text: &str, hints: &SiteHints<'_>) -> bool {
    is_exact_site(text, &Keys::of(hints))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_key_compares_as_keys_do() {
        for (a, b) in [
            ("Ab c", "abc"),
            ("Straße", "STRASSE"),
            ("x-y", "xy"),
            ("", " "),
            ("a", "b"),
        ] {
            assert_eq!(same_key(a, b), key(a) == key(b), "{a} / {b}");
        }
    }

    fn hints<'a>(
        site: Option<&'a str>,
        host: Option<&'a str>,
        h1: Option<&'a str>,
    ) -> SiteHints<'a> {
        SiteHints {
            site_name: site,
            host,
            h1,
        }
    }

    #[test]
    fn a_soft_hyphen_or_zero_width_space_is_no_part_of_a_title() {
        let h = hints(None, None, None);
        assert_eq!(
            clean_heading("Home Repair Assis\u{ad}tance Pro\u{200b}gram", &h).title,
            "Home Repair Assistance Program"
        );
        // A zero-width joiner stays: it is part of the emoji.
        let family = "Family \u{1f468}\u{200d}\u{1f469} Guide";
        assert_eq!(clean_heading(family, &h).title, family);
    }

    #[test]
    fn cuts_a_site_suffix_named_by_site_name_or_domain() {
        let h = hints(Some("Example Times"), None, None);
        let c = clean("Rates rise again | Example Times", &h, true);
        assert_eq!(c.title, "Rates rise again");
        assert_eq!(c.site.as_deref(), Some("Example Times"));
        let h = hints(None, Some("www.dailyplanet.co.uk"), None);
        assert_eq!(
            clean("Rates rise - Markets - Daily Planet", &h, true).title,
            "Rates rise - Markets"
        );
        assert_eq!(
            clean("Rates rise – The Daily Planet", &h, false).title,
            "Rates rise"
        );
    }

    #[test]
    fn cuts_a_site_prefix() {
        let h = hints(Some("Planet"), None, None);
        assert_eq!(
            clean("Planet: Rates rise again", &h, true).title,
            "Rates rise again"
        );
        // A colon inside the headline stays.
        assert_eq!(
            clean("Rates: why they rise", &h, true).title,
            "Rates: why they rise"
        );
    }

    #[test]
    fn the_h1_picks_the_headline_part() {
        let h = hints(None, None, Some("Rates rise again"));
        let c = clean("Rates rise again - Some Paper Online", &h, true);
        assert_eq!(c.title, "Rates rise again");
        let h = hints(None, None, Some("Rates rise again"));
        assert_eq!(
            clean("Some Paper: Rates rise again", &h, true).title,
            "Rates rise again"
        );
    }

    #[test]
    fn keeps_dashes_that_belong_to_the_headline() {
        let h = hints(None, Some("example.com"), None);
        assert_eq!(
            clean("Spider-Man review - a web of fun", &h, true).title,
            "Spider-Man review - a web of fun"
        );
        assert_eq!(
            clean("Python - A Guide", &h, true).title,
            "Python - A Guide"
        );
        // A short unrecognised part after a pipe is cut only when allowed.
        assert_eq!(
            clean("Rates rise again | Foo", &h, true).title,
            "Rates rise again"
        );
        assert_eq!(
            clean("Rates rise again | Foo", &h, false).title,
            "Rates rise again | Foo"
        );
    }

    #[test]
    fn unspaced_dashes_cut_only_before_the_exact_site_name() {
        let h = hints(Some("UI Bakery"), Some("uibakery.io"), None);
        assert_eq!(
            clean("Full control with on-premise UI Bakery", &h, true).title,
            "Full control with on-premise UI Bakery"
        );
        assert_eq!(
            clean("The Fold-and-Cut Problem", &h, true).title,
            "The Fold-and-Cut Problem"
        );
        assert_eq!(clean("Pricing-UI Bakery", &h, true).title, "Pricing");
        // An unmatched last part does not hide a site part before it.
        assert_eq!(clean("Story - UI Bakery - Page 2", &h, true).title, "Story");
    }

    #[test]
    fn cjk_titles() {
        let h = hints(Some("新浪新闻"), None, None);
        assert_eq!(
            clean("普京会晤金正恩_新浪新闻", &h, true).title,
            "普京会晤金正恩"
        );
        let h = hints(None, Some("www.bbc.com"), None);
        assert_eq!(
            clean("普京会晤金正恩 - BBC News 中文", &h, true).title,
            "普京会晤金正恩"
        );
    }

    #[test]
    fn h1_close_match() {
        assert!(h1_matches("Rates rise again", "Rates Rise Again!"));
        assert!(h1_matches(
            "Rates rise again, and again",
            "Rates rise again and again"
        ));
        assert!(!h1_matches("Rates rise again", "Example Times"));
        assert!(!h1_matches(
            "Rates rise again because the bank says so",
            "Rates"
        ));
    }

    #[test]
    fn a_logo_h1_is_no_headline() {
        // The h1 is the site's name (a host label) or the trailing part
        // after a longer headline.
        let h = hints(None, Some("forums.virtualbox.org"), Some("virtualbox.org"));
        let c = clean(
            "Discuss the VirtualBox 7.1.0 release here - virtualbox.org",
            &h,
            true,
        );
        assert_eq!(c.title, "Discuss the VirtualBox 7.1.0 release here");
        assert_eq!(c.site.as_deref(), Some("virtualbox.org"));
        let h = hints(Some("Jan Roe"), None, Some("Jan Roe"));
        assert_eq!(
            clean("A brief intro to git • Jan Roe", &h, true).title,
            "A brief intro to git"
        );
        let h = hints(None, None, Some("Planet Blog"));
        assert_eq!(
            clean("Notes on a long road trip home | Planet Blog", &h, true).title,
            "Notes on a long road trip home"
        );
        // A heading that holds the site's name but says more is the
        // headline, not a logo.
        let h = hints(
            None,
            Some("join-lemmy.org"),
            Some("Lemmy Development Update"),
        );
        assert_eq!(
            clean("Lemmy Development Update - Lemmy", &h, true).title,
            "Lemmy Development Update"
        );
        let h = hints(Some("The Ridge"), None, Some("Ridge Wallet"));
        assert_eq!(
            clean("Ridge Wallet - Royal Black", &h, true).title,
            "Ridge Wallet"
        );
        // A headline after a leading site name stays the headline.
        let h = hints(None, None, Some("Rates rise again"));
        assert_eq!(
            clean("Some Paper Online: Rates rise again", &h, true).title,
            "Rates rise again"
        );
    }

    #[test]
    fn forum_breadcrumbs_and_acronym_sites() {
        // FluxBB / phpBB: "Topic / Board / Site".
        let h = hints(None, Some("bbs.archlinux.org"), None);
        assert_eq!(
            clean(
                "What happened with the ISO in 2024 / Arch Discussion / Arch Linux Forums",
                &h,
                true
            )
            .title,
            "What happened with the ISO in 2024"
        );
        // Dashes keep their section: headlines use them.
        let h = hints(None, Some("www.dailyplanet.co.uk"), None);
        assert_eq!(
            clean("Rates rise - Markets - Daily Planet", &h, true).title,
            "Rates rise - Markets"
        );
        // The host is the site name's initials.
        let h = hints(None, Some("www.osha.gov"), None);
        assert_eq!(
            clean(
                "Electrical - Overview | Occupational Safety and Health Administration",
                &h,
                true
            )
            .title,
            "Electrical - Overview"
        );
        let h = hints(None, Some("www.bfs.de"), None);
        assert_eq!(
            clean("Radon im Keller | Bundesamt für Strahlenschutz", &h, false).title,
            "Radon im Keller"
        );
    }
}
