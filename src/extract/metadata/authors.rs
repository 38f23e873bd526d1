//! Author names: bylines cleaned of their labels ("By ", "Von ", "文/",
//! "記者"), split where they name several people, and checked to be names
//! (no URLs, no e-mail addresses, no sentences).

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Author;
use crate::extract::text::normalize_whitespace;
use crate::extract::vocabulary::{BYLINE_LABELS, LabelGrammar};

/// The most authors kept: longer lists are contributor credits or noise.
pub(super) const MAX_AUTHORS: usize = 10;
/// The longest plausible name, in characters.
const MAX_NAME_CHARS: usize = 60;
/// The most words in a name (not counting credentials after a comma).
const MAX_NAME_WORDS: usize = 6;

/// A byline label in front of the names ([`label_pattern`]).
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&label_pattern()).expect("escaped labels are a valid pattern"));

/// The metadata grammar of [`BYLINE_LABELS`] as one regular expression,
/// anchored at the start, its labels in the table's order (the first that
/// fits is the one stripped: "Text by" before "Text"): a word label then a
/// separator or the end, a credit character then a separator, a reporter
/// word then an optional separator.
fn label_pattern() -> String {
    let labels = |grammars: &[LabelGrammar]| {
        BYLINE_LABELS
            .iter()
            .filter(|l| grammars.contains(&l.metadata))
            .map(|l| {
                let escaped = regex::escape(l.label).replace(' ', r"\s+");
                match l.metadata {
                    LabelGrammar::WordCaseSensitive => format!("(?-i:{escaped})"),
                    _ => escaped,
                }
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    format!(
        r"(?i)^(?:{})(?:\s*[:：]?\s+|\s*[:：]?\s*$)|^(?:{})\s*[/／|｜:：]\s*|^(?:{})\s*[/／|｜:：]?\s*",
        labels(&[LabelGrammar::Word, LabelGrammar::WordCaseSensitive]),
        labels(&[LabelGrammar::Credit]),
        labels(&[LabelGrammar::Reporter]),
    )
}

/// Where one name ends and the next begins.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:and|und|y|e|et|en|og|och|и|та|ve|with|avec|mit|con|com)\s+|\s*[,;&、，；/和与]\s*|\s+[|·•]\s+")
        .expect("valid pattern")
});

/// Where the text after the names begins: a date, a time, or a site after
/// a bar. Everything from the first match on is cut ([`cut_trailer`]).
static TRAILER_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:\||–|—|⋅|∙|\bon\s+(?:\d|behalf\s+of\b|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\s\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s|$)|\bupdated\b|\bpublished\b|\d{1,4}[./:-]\d|\[email\s*(?:&#160;|\s)*protected\]|\b(?:posts|joined|beiträge|registriert|messages)\s*:|(?:edited|reviewed|fact[- ]checked|illustrated)\s+by\b|\s+in\s+\S|\s*(?:發表於|發表在|发表于|发表在))")
        .expect("valid pattern")
});

/// A co-author in parentheses: "A (avec B)", "A (with B".
static WITH_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\((?:avec|with|mit|con|com|и)\s+([^()]*)\)?").expect("valid pattern")
});

/// Any other parenthesis: an affiliation or a place ("(Reuters)",
/// "(Berlin)").
static PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([^()]*\)?").expect("valid pattern"));

/// Credentials written after a name and a comma ("Jane Doe, MD, PhD"):
/// they belong to the name before them.
static CREDENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Z]{2,6}|[A-Z]\.(?:[A-Z]\.)+|Ph\.?\s?D\.?|Jr\.?|Sr\.?|[A-Z]+-[A-Z]+(?:\s+\d+)?)$",
    )
    .expect("valid pattern")
});

/// Whether a label announces an author ("Written by", "Autor"): it starts
/// with a pair label of [`BYLINE_LABELS`].
pub(super) fn is_author_label(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    BYLINE_LABELS
        .iter()
        .any(|w| w.pair && l.starts_with(w.label))
}

/// Whether `text` is a picture's credit ("Photo by Ricardo Gomez Angel",
/// "Photos by ..."): the photographer, not the author.
fn is_photo_credit(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    [
        "photo by ",
        "photos by ",
        "photograph by ",
        "image by ",
        "illustration by ",
    ]
    .iter()
    .any(|l| lower.starts_with(l))
}

/// Whether `text` opens with a byline label ("By ", "Von ", "文/"), or is
/// one alone, its name in the next node ("By <!-- -->Jane").
pub(super) fn has_label(text: &str) -> bool {
    LABEL.is_match(text.trim_start())
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

/// A "... by" label glued to the capital that starts the name
/// ("Written byAAA Travel Editor", "byClemson News"): markup that put the
/// label and the name in two elements with no space between. The name
/// starts at the capital.
static GLUED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:written|posted|reported|authored)\s+)?by(\p{Lu})").expect("valid pattern")
});

/// "ByTravis Haney" (a label glued to the name by markup that dropped the
/// space) without its "By": a capital B-y followed by a capitalised word,
/// or a lower-case "by" or a longer label ([`GLUED_BY`]) glued to a
/// capital ("byClemson News", "Written byAAA").
fn strip_glued_by(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix("By") {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => rest,
            _ => text,
        };
    }
    match GLUED_BY.captures(text).and_then(|c| c.get(1)) {
        Some(name) => text.get(name.start()..).unwrap_or(text),
        None => text,
    }
}

/// `text` up to where its trailer begins (see [`TRAILER_START`]).
///
/// The same as replacing `TRAILER_START.*$` with nothing on text whose
/// whitespace is collapsed (no line breaks, which `.` would not cross), but
/// searched forwards: the regex crate runs a pattern anchored at the end
/// backwards from the end, building lazy-DFA states for every page's
/// whole byline text, which cost more than the rest of the author chain.
fn cut_trailer(text: &str) -> &str {
    match TRAILER_START.find(text) {
        Some(m) if !text.get(m.start()..).unwrap_or_default().contains('\n') => {
            text.get(..m.start()).unwrap_or(text)
        }
        _ => text,
    }
}

/// Words that make a text interface or template wording rather than a
/// name: column headers of forums ("Topic Author", "Author Post time
/// Subject"), buttons ("Follow Author"), template keys.
fn is_interface_text(s: &str) -> bool {
    let lower = s.to_lowercase();
    if lower.contains("{{") || lower.contains("}}") || lower.contains("${") {
        return true;
    }
    // `page.head.author`: a template's key printed for want of a value.
    let dotted = lower.split('.').count() >= 4
        && !lower.contains(' ')
        && lower
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_');
    dotted
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "author"
                    | "authors"
                    | "autor"
                    | "auteur"
                    | "follow"
                    | "subscribe"
                    | "topic"
                    | "subject"
                    | "replies"
                    | "posted"
                    | "insights"
            ) || w.starts_with("author")
        })
}

/// Whether `s` holds a character no name has: symbols and arrows ("→",
/// "★"), brackets other than parentheses, quotes of a slogan.
fn has_symbol(s: &str) -> bool {
    s.chars().any(|c| {
        !(c.is_alphanumeric()
            || c.is_whitespace()
            || matches!(
                c,
                '.' | '\'' | '’' | '-' | '‐' | ',' | '(' | ')' | '&' | '_' | '·' | '•'
            ))
    })
}

/// Whether `s` is an address rather than a name.
fn is_address(s: &str) -> bool {
    let lower = s.to_lowercase();
    lower.contains("://")
        || lower.starts_with("www.")
        || lower.starts_with('/')
        || lower.split_whitespace().any(is_email)
}

/// Whether one word is an e-mail address: something, `@`, a domain with a
/// dot ("@08:00PM ... dept." is a time, not an address).
fn is_email(word: &str) -> bool {
    word.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && domain.trim_end_matches('.').contains('.')
    })
}

/// Whether `s` is a member handle with digits ("Ejp55230", "user3080392",
/// "LingoLover94"), as forum software (XenForo, phpBB, Discourse, Stack
/// Exchange) prints a poster: one word of letters, digits and `_`/`-`
/// opening with a letter, at least three letters, its letters no calendar
/// word ("May2024"). Other digits mark a date or a count, not a name.
fn is_handle(s: &str) -> bool {
    let letters: String = s.chars().filter(|c| c.is_alphabetic()).collect();
    s.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        && s.chars().next().is_some_and(char::is_alphabetic)
        && letters.chars().count() >= 3
        && !is_calendar_word(&letters)
}

/// Whether `s` is a form's or a menu's wording rather than a name: the
/// "Username" and "Password" labels of a login form, "Log in", "Sign in",
/// "Register", in the languages of [`BYLINE_LABELS`]. A login box by the
/// headline otherwise gives its label as the byline.
fn is_form_text(s: &str) -> bool {
    let lower = s.to_lowercase();
    let squeezed: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    matches!(
        squeezed.as_str(),
        "username"
            | "userid"
            | "login"
            | "logout"
            | "signin"
            | "signout"
            | "signup"
            | "register"
            | "password"
            | "email"
            | "benutzername"
            | "benutzer"
            | "anmelden"
            | "abmelden"
            | "passwort"
            | "registrieren"
            | "nomdutilisateur"
            | "identifiant"
            | "connexion"
            | "motdepasse"
            | "sinscrire"
            | "nombredeusuario"
            | "usuario"
            | "contraseña"
            | "iniciarsesión"
            | "iniciarsesion"
            | "registrarse"
            | "nomeutente"
            | "accedi"
            | "gebruikersnaam"
            | "inloggen"
            | "логин"
            | "войти"
            | "пароль"
            | "用户名"
            | "登录"
            | "登入"
            | "密码"
    )
}

/// Whether `s` can be a person's or a desk's name.
fn is_name(s: &str) -> bool {
    let chars = s.chars().count();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=MAX_NAME_CHARS).contains(&chars)
        && (letters * 2 >= chars || is_handle(s))
        && !is_address(s)
        && s.split_whitespace().count() <= MAX_NAME_WORDS
        && (!s.chars().any(|c| c.is_ascii_digit()) || is_handle(s))
        && !is_calendar_word(s)
        && !is_interface_text(s)
        && !is_form_text(s)
        && !has_symbol(s)
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
///
/// The byline grammar: a label ("By", "Von", "Par", "文/"), then names
/// joined by commas, semicolons, "&", "and"/"und"/"et"/"y"/"e"/"и"/"和";
/// each name may carry credentials ("MD, PhD"), a role ("Senior
/// Reporter"), an affiliation in parentheses or an agency ("/ Reuters"),
/// which are not names when a person is named besides; "Surname, Given"
/// pairs between semicolons are turned round; a trailer (a date, "in
/// <topic>", "Edited by ...", "Posts: 12") ends the names.
pub(super) fn names(raw: &str) -> Vec<String> {
    people(raw).into_iter().map(|(name, _)| name).collect()
}

/// [`names`], each with the role the byline gives right after it ("Jane
/// Doe, Senior Reporter" gives Jane Doe the role "Senior Reporter").
pub(super) fn people(raw: &str) -> Vec<(String, Option<String>)> {
    let text = normalize_whitespace(raw);
    if is_address(&text) {
        return Vec::new();
    }
    let text = strip_glued_by(&text);
    if is_photo_credit(text) {
        return Vec::new();
    }
    let text = LABEL.replace(text, "");
    let uncut = text.trim();
    let text = cut_trailer(&text);
    // Capitals alone, the whole byline, are a name ("JGD", a forum
    // member's), not a credential; after a name they are its credential.
    let lone_capitals = text.trim() == uncut && CREDENTIAL.is_match(uncut);
    if is_prose(text) {
        return Vec::new();
    }
    // "A (avec B)": a co-author in parentheses; other parentheses hold an
    // affiliation ("Jane Doe (Reuters)").
    let text = WITH_PAREN.replace_all(text, " and $1");
    let text = PAREN.replace_all(&text, "");
    let text = reverse_surname_first(&text);
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    // Whether the part before was a name: a role right after it is its role.
    let mut after_name = false;
    for part in split_names(&text) {
        let whole = part.trim();
        if CREDENTIAL.is_match(whole) && !is_agency(whole) && !lone_capitals {
            if let Some((last, _)) = out.last_mut() {
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
        // A handle is a name ("@janedoe" is janedoe).
        let part = part.trim().trim_start_matches('@');
        if part.is_empty() {
            continue;
        }
        if !is_name(part)
            || out
                .iter()
                .any(|(n, _)| n.to_lowercase() == part.to_lowercase())
        {
            after_name = false;
            continue;
        }
        let (part, own_role) = split_trailing_role(part);
        if let Some(role) = own_role {
            out.push((part.to_owned(), Some(role.to_owned())));
            after_name = false;
            if out.len() >= MAX_AUTHORS {
                break;
            }
            continue;
        }
        if is_role(part) {
            match out.last_mut() {
                Some((_, role @ None)) if after_name => *role = Some(part.to_owned()),
                _ => others.push(part.to_owned()),
            }
            after_name = false;
        } else if is_agency(part) {
            others.push(part.to_owned());
            after_name = false;
        } else {
            out.push((part.to_owned(), None));
            after_name = true;
        }
        if out.len() >= MAX_AUTHORS {
            break;
        }
    }
    // A role or an agency alone is what the page says of its author
    // ("Staff Writer", "Reuters"): kept only when no person is named.
    if out.is_empty() {
        out = others.into_iter().map(|o| (o, None)).collect();
        out.truncate(MAX_AUTHORS);
    }
    out
}

/// Whether `text` is a sentence rather than a list of names: three or more
/// words in lower case that are neither joining words nor name particles
/// ("van", "de").
fn is_prose(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| {
            !matches!(
                *w,
                "and"
                    | "und"
                    | "et"
                    | "y"
                    | "e"
                    | "en"
                    | "og"
                    | "och"
                    | "и"
                    | "with"
                    | "avec"
                    | "mit"
                    | "con"
                    | "com"
                    | "de"
                    | "da"
                    | "di"
                    | "do"
                    | "dos"
                    | "du"
                    | "del"
                    | "della"
                    | "la"
                    | "le"
                    | "van"
                    | "von"
                    | "der"
                    | "den"
                    | "ten"
                    | "ter"
                    | "zu"
                    | "bin"
                    | "al"
                    | "el"
            )
        })
        .count()
        >= 3
}

/// Splits a byline at the separators between names; a side of one letter
/// ("Mac & i") is part of the name, not a name of its own.
fn split_names(text: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut last = 0;
    let mut pending_sep = "";
    for m in SEPARATOR.find_iter(text) {
        let piece = text.get(last..m.start()).unwrap_or("");
        push_part(&mut parts, piece, pending_sep);
        pending_sep = m.as_str();
        last = m.end();
    }
    push_part(&mut parts, text.get(last..).unwrap_or(""), pending_sep);
    parts
}

fn push_part(parts: &mut Vec<String>, piece: &str, sep: &str) {
    let short = piece.trim().chars().count() == 1;
    match parts.last_mut() {
        Some(prev) if short || prev.trim().chars().count() == 1 => {
            prev.push_str(sep);
            prev.push_str(piece);
        }
        _ => parts.push(piece.to_owned()),
    }
}

/// "Kooman, F.; Jong, Michiel de" names two people, surname first: when
/// semicolons separate the names and each holds one comma, each is turned
/// round to "F. Kooman", "Michiel de Jong".
fn reverse_surname_first(text: &str) -> String {
    if !text.contains(';') {
        return text.to_owned();
    }
    let people: Vec<&str> = text
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let reversible = people.iter().all(|p| {
        let mut halves = p.split(',');
        match (halves.next(), halves.next(), halves.next()) {
            (Some(sur), Some(given), None) => {
                let (sur, given) = (sur.trim(), given.trim());
                !sur.is_empty()
                    && !given.is_empty()
                    && sur.split_whitespace().count() <= 3
                    && given.split_whitespace().count() <= 3
                    && !CREDENTIAL.is_match(given)
            }
            _ => false,
        }
    });
    if !reversible {
        return text.to_owned();
    }
    people
        .iter()
        .filter_map(|p| p.split_once(','))
        .map(|(sur, given)| format!("{} {}", given.trim(), sur.trim()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Words that qualify a job title written after a name without a comma
/// ("Ben Silverman Games Editor", "Jane Doe Senior Staff Writer"): ranks
/// and the desks of a newsroom.
const ROLE_QUALIFIERS: &[&str] = &[
    "senior",
    "staff",
    "contributing",
    "managing",
    "executive",
    "associate",
    "chief",
    "deputy",
    "assistant",
    "special",
    "guest",
    "freelance",
    "digital",
    "news",
    "games",
    "gaming",
    "tech",
    "technology",
    "science",
    "health",
    "sports",
    "politics",
    "political",
    "business",
    "features",
    "travel",
    "food",
    "opinion",
    "entertainment",
    "culture",
];

/// A name followed by its job title with no comma between ("Ben Silverman
/// Games Editor"): the last word is a role word ([`is_role`]), up to two
/// words before it qualify it ([`ROLE_QUALIFIERS`]), and at least two
/// words are left for the name. The name and the role; the part unchanged
/// and no role otherwise.
fn split_trailing_role(part: &str) -> (&str, Option<&str>) {
    let words: Vec<(usize, &str)> = part
        .split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - part.as_ptr() as usize;
            (start, w)
        })
        .collect();
    let Some(&(last_start, last)) = words.last() else {
        return (part, None);
    };
    // "Our Foreign Staff" is a desk, not a person with a title.
    if words.len() < 3 || !is_role(last) || last.eq_ignore_ascii_case("staff") {
        return (part, None);
    }
    let mut role_start = last_start;
    let mut kept = words.len() - 1;
    while kept > 2 && words.len() - kept <= 2 {
        let Some(&(start, w)) = words.get(kept - 1) else {
            break;
        };
        if !ROLE_QUALIFIERS.contains(&w.to_lowercase().as_str()) {
            break;
        }
        role_start = start;
        kept -= 1;
    }
    // Every word left must be capitalised: "Jane Doe" is a name, "the
    // news editor" is not.
    let name = part.get(..role_start).unwrap_or(part).trim_end();
    let capitalised = name
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    match part.get(role_start..) {
        Some(role)
            if capitalised
                && !name.is_empty()
                && !is_role(name)
                && !matches!(
                    name.split_whitespace()
                        .next()
                        .map(str::to_lowercase)
                        .as_deref(),
                    Some("the" | "our")
                ) =>
        {
            (name, Some(role))
        }
        _ => (part, None),
    }
}

/// Whether `part` is a job title rather than a name ("Senior Reporter",
/// "Redakteurin").
fn is_role(part: &str) -> bool {
    let lower = part.to_lowercase();
    lower.split_whitespace().any(|w| {
        matches!(
            w,
            "reporter"
                | "correspondent"
                | "editor"
                | "writer"
                | "contributor"
                | "columnist"
                | "journalist"
                | "staff"
                | "founder"
                | "editor-in-chief"
                | "redakteur"
                | "redakteurin"
                | "korrespondent"
                | "korrespondentin"
                | "rédacteur"
                | "rédactrice"
                | "journaliste"
                | "envoyé"
                | "envoyée"
                | "corresponsal"
                | "redactor"
                | "redactora"
                | "periodista"
                | "giornalista"
                | "redattore"
                | "inviato"
                | "jornalista"
                | "redacteur"
                | "verslaggever"
                | "корреспондент"
                | "журналист"
        )
    })
}

/// Whether `part` is a news agency credited next to the author.
fn is_agency(part: &str) -> bool {
    matches!(
        part.to_lowercase().as_str(),
        "reuters"
            | "ap"
            | "afp"
            | "dpa"
            | "epd"
            | "kna"
            | "apa"
            | "sda"
            | "efe"
            | "ansa"
            | "anp"
            | "belga"
            | "tt"
            | "ntb"
            | "pa"
            | "xinhua"
            | "kyodo"
            | "yonhap"
            | "tass"
            | "ria novosti"
            | "bloomberg"
            | "associated press"
            | "the associated press"
            | "agence france-presse"
            | "europa press"
    )
}

/// Appends `name` (already cleaned) unless an author of that name is there.
pub(super) fn push_unique(
    list: &mut Vec<Author>,
    name: String,
    url: Option<String>,
    role: Option<String>,
) {
    if list.len() < MAX_AUTHORS
        && !list
            .iter()
            .any(|a| a.name.to_lowercase() == name.to_lowercase())
    {
        list.push(Author { name, url, role });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byline label pattern as it was written by hand before
    /// [`BYLINE_LABELS`] became its source: the pattern built from the
    /// table must strip the same labels from the same texts.
    const FORMER_LABEL_PATTERN: &str = r"(?ix)^(?:
            (?:written|posted|reported|authored|words|text|story|article|photos?|edited|compiled|started)\s+by
          | by | von | por | par | от | (?-i:di|door|av|af|od)
          | autor(?:in|a)? | authors? | contributors? | auteure? | autore | redaktion | redaktor | texto? | texte
          | автор | текст | yazar | escrito\s+por | publicado\s+por | verfasst\s+von
        )(?:\s*[:：]?\s+|\s*[:：]?\s*$)
        | ^(?:文|图|圖)\s*[/／|｜:：]\s*
        | ^(?:撰文|作者|记者|記者|编辑|編輯|责编|責編|기자)\s*[/／|｜:：]?\s*";

    #[test]
    fn the_label_pattern_built_from_the_table_strips_what_the_former_one_did() {
        let former = Regex::new(FORMER_LABEL_PATTERN).expect("valid pattern");
        let tails = [
            " Jane Doe",
            ": Jane Doe",
            " : Jane",
            "：李明",
            "/李明",
            " | 李明",
            "",
            "  ",
            "s Jane",
            "Jane",
            " by Jane",
            "\tJane",
        ];
        let capitalised = |s: &str| {
            let mut chars = s.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        };
        // Each label as written, capitalised, in upper case and with
        // look-alike letters (`ſ`, `İ`), before each tail, alone and after
        // another label.
        let texts: Vec<String> = BYLINE_LABELS
            .iter()
            .flat_map(|l| {
                let mut heads = crate::extract::text::tricky::variants(l.label);
                heads.push(capitalised(l.label));
                heads
            })
            .flat_map(|head| tails.map(|tail| format!("{head}{tail}")))
            .flat_map(|text| [format!("Text by {text}"), text])
            .chain(["Di Maria", "di Maria", "OD Jane", "photos  by Ann"].map(String::from))
            .collect();
        for text in &texts {
            assert_eq!(
                LABEL.replace(text, ""),
                former.replace(text, ""),
                "{text:?}"
            );
            assert_eq!(LABEL.is_match(text), former.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn a_handle_with_digits_is_a_name_and_a_date_or_count_is_not() {
        for handle in ["Ejp55230", "user3080392", "LingoLover94", "josh_wilmot90"] {
            assert_eq!(names(handle), vec![handle.to_owned()], "{handle}");
        }
        assert_eq!(names("By Alphabyte1"), vec!["Alphabyte1".to_owned()]);
        for not_name in ["May2024", "12 Posts", "2024", "Jan 5", "A1", "Posts: 3,760"] {
            assert!(names(not_name).is_empty(), "{not_name}");
        }
    }

    #[test]
    fn a_lone_label_is_a_label() {
        // The former list of lone labels, now matched by the grammar's
        // label-then-end.
        for lone in [
            "by",
            "by:",
            "von",
            "por",
            "par",
            "written by",
            "posted by",
            "article by",
        ] {
            assert!(has_label(lone), "{lone}");
            assert!(has_label(&format!(" {} ", lone.to_uppercase())), "{lone}");
        }
        assert!(!has_label("bystander"));
    }

    #[test]
    fn pair_labels_are_the_former_author_labels() {
        let pairs: Vec<&str> = BYLINE_LABELS
            .iter()
            .filter(|l| l.pair)
            .map(|l| l.label)
            .collect();
        assert_eq!(
            pairs,
            [
                "written by",
                "by",
                "autor",
                "author",
                "auteur",
                "escrito por",
                "verfasst von"
            ]
        );
        assert!(is_author_label("Written by"));
        assert!(is_author_label("Authors"));
        assert!(!is_author_label("Reading time"));
    }

    #[test]
    fn byline_labels_are_lower_case_and_outline_prefixes_start_with_their_label() {
        for l in BYLINE_LABELS {
            assert_eq!(l.label, l.label.to_lowercase(), "{}", l.label);
            for p in l.outline_prefixes {
                assert!(p.starts_with(l.label), "{p}");
            }
        }
    }

    #[test]
    fn trailer_cut_where_it_begins() {
        assert_eq!(cut_trailer("Jane Doe | Reuters"), "Jane Doe");
        assert_eq!(cut_trailer("Jane Doe on 3 March 2024"), "Jane Doe");
        assert_eq!(cut_trailer("Jane Doe Updated 12:30"), "Jane Doe");
        assert_eq!(cut_trailer("Jane Doe in Politics"), "Jane Doe");
        assert_eq!(
            cut_trailer("Jane Doe and John Roe"),
            "Jane Doe and John Roe"
        );
        assert_eq!(cut_trailer(""), "");
    }

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
        // Slashdot-style "Posted by X on Monday ..." and a date after the
        // name.
        assert_eq!(
            names("Posted by BeauHD on Monday December 22, 2025 @08:00PM"),
            ["BeauHD"]
        );
        assert_eq!(names("Luke Kim December 18, 2025"), ["Luke Kim"]);
        assert_eq!(
            names("Dec. 19, 2025 · Niko Matsakis on behalf of the Rust team"),
            ["Niko Matsakis"]
        );
        assert_eq!(names("Article by Matias Heikkilä"), ["Matias Heikkilä"]);
        assert!(
            names("This article was written with the help of many people in our newsroom")
                .is_empty()
        );
    }

    #[test]
    fn byline_grammar_in_several_languages() {
        // A label glued to the name.
        assert_eq!(names("ByTravis Haney"), ["Travis Haney"]);
        assert_eq!(names("Authored by: Dr Jane Roe"), ["Dr Jane Roe"]);
        // Conjunctions of several languages.
        assert_eq!(
            names("Jean Dupont et Marie Curie"),
            ["Jean Dupont", "Marie Curie"]
        );
        assert_eq!(
            names("Иван Петров и Анна Смирнова"),
            ["Иван Петров", "Анна Смирнова"]
        );
        assert_eq!(names("张三和李四"), ["张三", "李四"]);
        assert_eq!(
            names("Mario Rossi e Anna Bianchi"),
            ["Mario Rossi", "Anna Bianchi"]
        );
        // A one-letter side of "&" belongs to the name.
        assert_eq!(names("Mac & i"), ["Mac & i"]);
        // A co-author in parentheses, an affiliation dropped.
        assert_eq!(
            names("Par Jean Dupont (avec Marie Curie"),
            ["Jean Dupont", "Marie Curie"]
        );
        assert_eq!(names("Von Max Muster (Berlin)"), ["Max Muster"]);
        // Surname first between semicolons.
        assert_eq!(
            names("Kooman, F.; Jong, Michiel de"),
            ["F. Kooman", "Michiel de Jong"]
        );
        // Editors, topics and forum counters are not authors.
        assert_eq!(names("Jane Doe Edited by John Roe"), ["Jane Doe"]);
        assert_eq!(names("John Crenshaw in seo"), ["John Crenshaw"]);
        assert_eq!(
            names("b.scherer Posts: 2 Joined: Sun Dec 17"),
            ["b.scherer"]
        );
        assert_eq!(
            names("Chris Roe ⋅ Founder, Editor-in-Chief ⋅"),
            ["Chris Roe"]
        );
        // Roles and agencies go when a person is named, stay when alone.
        assert_eq!(names("Jane Doe, Senior Reporter"), ["Jane Doe"]);
        assert_eq!(names("Por Ana Ruiz / EFE"), ["Ana Ruiz"]);
        assert_eq!(names("Reuters"), ["Reuters"]);
        assert_eq!(names("Von Anna Schmidt, Redakteurin"), ["Anna Schmidt"]);
        // Handles are names.
        assert_eq!(names("@janedoe"), ["janedoe"]);
    }

    #[test]
    fn roles_stay_with_their_person() {
        assert_eq!(
            people("By Jane Doe, Senior Reporter"),
            [("Jane Doe".to_owned(), Some("Senior Reporter".to_owned()))]
        );
        assert_eq!(
            people("Von Anna Schmidt, Redakteurin und Max Muster"),
            [
                ("Anna Schmidt".to_owned(), Some("Redakteurin".to_owned())),
                ("Max Muster".to_owned(), None)
            ]
        );
        assert_eq!(
            people("Por Ana Ruiz, corresponsal"),
            [("Ana Ruiz".to_owned(), Some("corresponsal".to_owned()))]
        );
        // A role alone is what the page says of its author.
        assert_eq!(people("Staff Writer"), [("Staff Writer".to_owned(), None)]);
    }

    #[test]
    fn a_time_with_an_at_sign_is_no_address_and_a_day_before_its_month_ends_the_names() {
        // Slashdot's byline: "@08:00PM" and "dept." made it read as an
        // e-mail address.
        assert_eq!(
            names("Posted by BeauHD on Friday December 19, 2025 @08:00PM from the jobs dept."),
            ["BeauHD"]
        );
        assert!(names("jane.doe@example.com").is_empty());
        // A date written day first ("4 August 2010", "4. August 2010").
        assert_eq!(names("Andrew Gerrand 4 August 2010"), ["Andrew Gerrand"]);
        assert_eq!(names("Von Anna Schmidt 4. August 2010"), ["Anna Schmidt"]);
    }

    #[test]
    fn a_photo_credit_names_no_author() {
        assert!(names("Photo by Ricardo Gomez Angel").is_empty());
        assert!(names("Photos by Jane Doe").is_empty());
        assert_eq!(names("By Jane Doe"), ["Jane Doe"]);
    }

    #[test]
    fn capitals_alone_are_a_name_and_after_a_name_its_credentials() {
        assert_eq!(names("JGD"), ["JGD"]);
        assert_eq!(names("By JWU"), ["JWU"]);
        assert_eq!(names("Jane Doe, MD, PhD"), ["Jane Doe, MD, PhD"]);
        // Capitals left over once a trailer is cut are not a byline.
        assert!(names("HTML in → Structured data out").is_empty());
    }

    #[test]
    fn interface_text_is_no_name() {
        assert!(names("Follow Author").is_empty());
        assert!(names("Topic Author").is_empty());
        assert!(names("AuthorPost timeSubject").is_empty());
        assert!(names("page.head.extra.author").is_empty());
        assert!(names("{{ author.name }}").is_empty());
        assert!(names("HTML in → Structured data out").is_empty());
        assert_eq!(names("sara.r.peter"), ["sara.r.peter"]);
    }

    #[test]
    fn login_form_wording_is_no_name() {
        // A login box by the headline: its field labels are no byline.
        for label in [
            "Username",
            "User name",
            "Log in",
            "Sign In",
            "Password",
            "Benutzername",
            "Anmelden",
            "Nom d'utilisateur",
            "Connexion",
            "Nombre de usuario",
            "Iniciar sesión",
            "用户名",
            "Войти",
        ] {
            assert!(names(label).is_empty(), "{label}");
        }
        assert_eq!(names("By Username"), Vec::<String>::new());
        // A name that holds such a word is still a name.
        assert_eq!(names("Logan Inman"), ["Logan Inman"]);
    }

    #[test]
    fn a_label_glued_to_the_name_comes_off() {
        assert_eq!(names("byClemson News"), ["Clemson News"]);
        assert_eq!(names("Written byAAA Travel Desk"), ["AAA Travel Desk"]);
        assert_eq!(names("Posted byJane Doe"), ["Jane Doe"]);
        // A name that starts with the letters of the label keeps them.
        assert_eq!(names("Byron Smith"), ["Byron Smith"]);
        assert_eq!(names("bystander"), ["bystander"]);
    }

    #[test]
    fn a_title_after_the_name_without_a_comma_is_its_role() {
        assert_eq!(
            people("Ben Silverman Games Editor"),
            [("Ben Silverman".to_owned(), Some("Games Editor".to_owned()))]
        );
        assert_eq!(
            people("By Jane Doe Senior Staff Writer"),
            [(
                "Jane Doe".to_owned(),
                Some("Senior Staff Writer".to_owned())
            )]
        );
        assert_eq!(
            people("Anna Schmidt Redakteurin"),
            [("Anna Schmidt".to_owned(), Some("Redakteurin".to_owned()))]
        );
        // A desk stays whole; two words are no name and title.
        assert_eq!(names("Our Foreign Staff"), ["Our Foreign Staff"]);
        assert_eq!(names("Maria Editor"), ["Maria Editor"]);
    }

    #[test]
    fn chinese_posted_in_ends_the_name() {
        assert_eq!(
            names("史蒂文的家_藍天 發表在 痞客邦 PIXNET 留言"),
            ["史蒂文的家_藍天"]
        );
        assert_eq!(names("王小明 发表于 2024-06-18"), ["王小明"]);
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
