//! Author names: bylines cleaned of their labels ("By ", "Von ", "文/",
//! "記者"), split where they name several people, and checked to be names
//! (no URLs, no e-mail addresses, no sentences).

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Author;
use crate::extract::text::normalize_whitespace;
use crate::extract::vocabulary::{AUTHOR_LABELS, BYLINE_LABEL_PATTERN, LONE_BYLINE_LABELS};

/// The most authors kept: longer lists are contributor credits or noise.
pub(super) const MAX_AUTHORS: usize = 10;
/// The longest plausible name, in characters.
const MAX_NAME_CHARS: usize = 60;
/// The most words in a name (not counting credentials after a comma).
const MAX_NAME_WORDS: usize = 6;

/// A byline label in front of the names.
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(BYLINE_LABEL_PATTERN).expect("valid pattern"));

/// Where one name ends and the next begins.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:and|und|y|e|et|en|og|och|и|та|ve)\s+|\s*[,;&、，；/]\s*|\s+[|·•]\s+")
        .expect("valid pattern")
});

/// Text after the names: a date, a time, or a site after a bar.
static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:\||–|—|\bon\s+\d|\bupdated\b|\bpublished\b|\d{1,4}[./:-]\d|\[email\s*(?:&#160;|\s)*protected\]).*$")
        .expect("valid pattern")
});

/// Credentials written after a name and a comma ("Jane Doe, MD, PhD"):
/// they belong to the name before them.
static CREDENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Z]{2,6}|[A-Z]\.(?:[A-Z]\.)+|Ph\.?\s?D\.?|Jr\.?|Sr\.?|[A-Z]+-[A-Z]+(?:\s+\d+)?)$",
    )
    .expect("valid pattern")
});

/// Whether a label announces an author ("Written by", "Autor").
pub(super) fn is_author_label(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    AUTHOR_LABELS.iter().any(|w| l == *w || l.starts_with(w))
}

/// Whether `text` opens with a byline label ("By ", "Von ", "文/").
pub(super) fn has_label(text: &str) -> bool {
    LABEL.is_match(text.trim_start()) || {
        // A lone label whose name follows in the next node ("By <!-- -->X").
        let t = text.trim().to_lowercase();
        LONE_BYLINE_LABELS.contains(&t.as_str())
    }
}

/// Whether every word of `s` is a word of the calendar (a weekday, a
/// month, "today"): bylines carry dates next to names.
fn is_calendar_word(s: &str) -> bool {
    s.split_whitespace().all(|w| {
        let l = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        matches!(
            l.as_str(),
            "mon"
                | "tue"
                | "tues"
                | "wed"
                | "thu"
                | "thur"
                | "thurs"
                | "fri"
                | "sat"
                | "sun"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
                | "updated"
                | "published"
                | "am"
                | "pm"
        ) || crate::extract::dates::is_month_name(&l)
    })
}

/// Whether `s` is an address rather than a name.
fn is_address(s: &str) -> bool {
    let lower = s.to_lowercase();
    lower.contains("://")
        || lower.starts_with("www.")
        || lower.starts_with('/')
        || (lower.contains('@') && lower.contains('.'))
        || lower.starts_with('@')
}

/// Whether `s` can be a person's or a desk's name.
fn is_name(s: &str) -> bool {
    let chars = s.chars().count();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=MAX_NAME_CHARS).contains(&chars)
        && letters * 2 >= chars
        && !is_address(s)
        && s.split_whitespace().count() <= MAX_NAME_WORDS
        && !s.chars().any(|c| c.is_ascii_digit())
        && !is_calendar_word(s)
        && !matches!(
            s.to_lowercase().as_str(),
            "by" | "and"
                | "author"
                | "authors"
                | "admin"
                | "unknown"
                | "null"
                | "none"
                | "staff"
                | "the author"
                | "guest"
                | "anonymous"
                | "editor"
                | "editorial"
        )
}

/// The names in one byline or author field, in order, at most
/// [`MAX_AUTHORS`].
pub(super) fn names(raw: &str) -> Vec<String> {
    let text = normalize_whitespace(raw);
    if is_address(&text) {
        return Vec::new();
    }
    let text = LABEL.replace(&text, "");
    let text = TRAILER.replace(&text, "");
    let mut out: Vec<String> = Vec::new();
    for part in SEPARATOR.split(&text) {
        let whole = part.trim();
        if CREDENTIAL.is_match(whole) {
            if let Some(last) = out.last_mut() {
                last.push_str(", ");
                last.push_str(whole);
            }
            continue;
        }
        let part = part
            .trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '.' | ':' | '-' | '(' | ')' | '"' | '\'')
            })
            .trim();
        let part = LABEL.replace(part, "");
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if is_name(part) && !out.iter().any(|n| n.to_lowercase() == part.to_lowercase()) {
            out.push(part.to_owned());
        }
        if out.len() >= MAX_AUTHORS {
            break;
        }
    }
    out
}

/// Appends `name` (already cleaned) unless an author of that name is there.
pub(super) fn push_unique(list: &mut Vec<Author>, name: String, url: Option<String>) {
    if list.len() < MAX_AUTHORS
        && !list
            .iter()
            .any(|a| a.name.to_lowercase() == name.to_lowercase())
    {
        list.push(Author { name, url });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_labels_in_many_languages() {
        assert_eq!(names("By Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("by: Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("Von Max Muster"), ["Max Muster"]);
        assert_eq!(names("Por María López"), ["María López"]);
        assert_eq!(names("Par Jean Dupont"), ["Jean Dupont"]);
        assert_eq!(names("文/张三"), ["张三"]);
        assert_eq!(names("記者 王小明"), ["王小明"]);
        assert_eq!(names("Written by Jane Doe"), ["Jane Doe"]);
    }

    #[test]
    fn splits_several_people() {
        assert_eq!(names("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            names("Anna Schmidt und Peter Braun"),
            ["Anna Schmidt", "Peter Braun"]
        );
        assert_eq!(names("Ana Ruiz y Luis Gómez"), ["Ana Ruiz", "Luis Gómez"]);
        assert_eq!(
            names("A. One, B. Two & C. Three"),
            ["A. One", "B. Two", "C. Three"]
        );
        assert_eq!(names("张三、李四"), ["张三", "李四"]);
        assert_eq!(names("Jane Doe and jane doe"), ["Jane Doe"]);
    }

    #[test]
    fn keeps_credentials_with_their_name() {
        assert_eq!(names("Dylan Bailey, MS, RD"), ["Dylan Bailey, MS, RD"]);
        assert_eq!(names("Jane Doe, Ph.D."), ["Jane Doe, Ph.D."]);
    }

    #[test]
    fn drops_addresses_dates_and_sentences() {
        assert!(names("https://www.facebook.com/janedoe").is_empty());
        assert!(names("jane@example.com").is_empty());
        assert!(names("August 28").is_empty());
        assert_eq!(names("Olive Ryan, Sat, 20 Dec"), ["Olive Ryan"]);
        assert!(names("The Author").is_empty());
        assert!(names("Written by").is_empty());
        assert_eq!(names("Jo Bloggs [email protected]"), ["Jo Bloggs"]);
        assert_eq!(names("By Jane Doe | Example Times"), ["Jane Doe"]);
        assert_eq!(names("By Jane Doe on 18 June 2024"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe 2024-06-18 14:05"), ["Jane Doe"]);
        assert!(
            names("This article was written with the help of many people in our newsroom")
                .is_empty()
        );
    }

    #[test]
    fn caps_the_list() {
        let many = (0u8..30)
            .map(|i| {
                format!(
                    "Person {}{}",
                    char::from(b'A' + i / 26),
                    char::from(b'a' + i % 26)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        assert_eq!(names(&many).len(), MAX_AUTHORS);
    }
}
