//! The per-language word tables of dates, as data: month names, weekday
//! names, relative-date units, amounts, day words ("yesterday") and the
//! relative phrases' grammar. Each table lists its languages; the lookups
//! built from them are compiled once.
//!
//! Sources: the month and weekday names are the CLDR "wide" and
//! "abbreviated" forms (format and stand-alone, so genitives such as
//! `июня` and `czerwca` are there) of the languages listed, plus the
//! abbreviations news sites print without CLDR's period (`Sept`, `janv`);
//! the relative phrases are lede's own, grown on real pages.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// One language's month names: index 0 is January. Every form a page may
/// print (full, genitive, abbreviated, without diacritics), lower case.
type MonthNames = [&'static [&'static str]; 12];

/// Month names by language.
pub(super) const MONTHS: &[(&str, MonthNames)] = &[
    (
        "en",
        [
            &["january", "jan"],
            &["february", "feb"],
            &["march", "mar"],
            &["april", "apr"],
            &["may"],
            &["june", "jun"],
            &["july", "jul"],
            &["august", "aug"],
            &["september", "sep", "sept"],
            &["october", "oct"],
            &["november", "nov"],
            &["december", "dec"],
        ],
    ),
    (
        "de",
        [
            &["januar", "jänner", "jan"],
            &["februar", "feb"],
            &["märz", "mrz", "mär"],
            &["april", "apr"],
            &["mai"],
            &["juni", "jun"],
            &["juli", "jul"],
            &["august", "aug"],
            &["september", "sep", "sept"],
            &["oktober", "okt"],
            &["november", "nov"],
            &["dezember", "dez"],
        ],
    ),
    (
        "fr",
        [
            &["janvier", "janv"],
            &["février", "fevrier", "févr", "fevr"],
            &["mars"],
            &["avril", "avr"],
            &["mai"],
            &["juin"],
            &["juillet", "juil"],
            &["août", "aout"],
            &["septembre", "sept"],
            &["octobre", "oct"],
            &["novembre", "nov"],
            &["décembre", "decembre", "déc"],
        ],
    ),
    (
        "es",
        [
            &["enero", "ene"],
            &["febrero", "feb"],
            &["marzo", "mar"],
            &["abril", "abr"],
            &["mayo"],
            &["junio", "jun"],
            &["julio", "jul"],
            &["agosto", "ago"],
            &["septiembre", "setiembre", "sep", "sept"],
            &["octubre", "oct"],
            &["noviembre", "nov"],
            &["diciembre", "dic"],
        ],
    ),
    (
        "it",
        [
            &["gennaio", "gen"],
            &["febbraio", "feb"],
            &["marzo", "mar"],
            &["aprile", "apr"],
            &["maggio", "mag"],
            &["giugno", "giu"],
            &["luglio", "lug"],
            &["agosto", "ago"],
            &["settembre", "set"],
            &["ottobre", "ott"],
            &["novembre", "nov"],
            &["dicembre", "dic"],
        ],
    ),
    (
        "pt",
        [
            &["janeiro", "jan"],
            &["fevereiro", "fev"],
            &["março", "marco", "mar"],
            &["abril", "abr"],
            &["maio"],
            &["junho", "jun"],
            &["julho", "jul"],
            &["agosto", "ago"],
            &["setembro", "set"],
            &["outubro", "out"],
            &["novembro", "nov"],
            &["dezembro", "dez"],
        ],
    ),
    (
        "nl",
        [
            &["januari", "jan"],
            &["februari", "feb"],
            &["maart", "mrt"],
            &["april", "apr"],
            &["mei"],
            &["juni", "jun"],
            &["juli", "jul"],
            &["augustus", "aug"],
            &["september", "sep", "sept"],
            &["oktober", "okt"],
            &["november", "nov"],
            &["december", "dec"],
        ],
    ),
    (
        "sv, da, nb",
        [
            &["januari", "januar"],
            &["februari", "februar"],
            &["mars", "marts"],
            &["april"],
            &["maj"],
            &["juni"],
            &["juli"],
            &["augusti", "august"],
            &["september"],
            &["oktober"],
            &["november"],
            &["december", "desember"],
        ],
    ),
    (
        "ru",
        [
            &["января", "январь", "янв"],
            &["февраля", "февраль", "фев"],
            &["марта", "март"],
            &["апреля", "апрель", "апр"],
            &["мая", "май"],
            &["июня", "июнь", "июн"],
            &["июля", "июль", "июл"],
            &["августа", "август", "авг"],
            &["сентября", "сентябрь", "сен", "сент"],
            &["октября", "октябрь", "окт"],
            &["ноября", "ноябрь", "ноя"],
            &["декабря", "декабрь", "дек"],
        ],
    ),
    (
        "uk",
        [
            &["січня", "січень"],
            &["лютого", "лютий"],
            &["березня", "березень"],
            &["квітня", "квітень"],
            &["травня", "травень"],
            &["червня", "червень"],
            &["липня", "липень"],
            &["серпня", "серпень"],
            &["вересня", "вересень"],
            &["жовтня", "жовтень"],
            &["листопада", "листопад"],
            &["грудня", "грудень"],
        ],
    ),
    (
        "pl",
        [
            &["stycznia", "styczeń"],
            &["lutego", "luty"],
            &["marca", "marzec"],
            &["kwietnia", "kwiecień"],
            &["maja", "maj"],
            &["czerwca", "czerwiec"],
            &["lipca", "lipiec"],
            &["sierpnia", "sierpień"],
            &["września", "wrzesień"],
            &["października", "październik"],
            &["listopada", "listopad"],
            &["grudnia", "grudzień"],
        ],
    ),
    (
        "cs",
        [
            &["ledna", "leden"],
            &["února", "únor"],
            &["března", "březen"],
            &["dubna", "duben"],
            &["května", "květen"],
            &["června", "červen"],
            &["července", "červenec"],
            &["srpna", "srpen"],
            &["září"],
            &["října", "říjen"],
            &["listopadu", "listopad"],
            &["prosince", "prosinec"],
        ],
    ),
    (
        "tr",
        [
            &["ocak"],
            &["şubat", "subat"],
            &["mart"],
            &["nisan"],
            &["mayıs", "mayis"],
            &["haziran"],
            &["temmuz"],
            &["ağustos", "agustos"],
            &["eylül", "eylul"],
            &["ekim"],
            &["kasım", "kasim"],
            &["aralık", "aralik"],
        ],
    ),
    (
        "ro",
        [
            &["ianuarie"],
            &["februarie"],
            &["martie"],
            &["aprilie"],
            &["mai"],
            &["iunie"],
            &["iulie"],
            &["august"],
            &["septembrie"],
            &["octombrie"],
            &["noiembrie"],
            &["decembrie"],
        ],
    ),
    (
        "id",
        [
            &["januari"],
            &["februari"],
            &["maret"],
            &["april"],
            &["mei"],
            &["juni"],
            &["juli"],
            &["agustus"],
            &["september"],
            &["oktober"],
            &["november"],
            &["desember"],
        ],
    ),
    (
        "el",
        [
            &["ιανουαρίου"],
            &["φεβρουαρίου"],
            &["μαρτίου"],
            &["απριλίου"],
            &["μαΐου"],
            &["ιουνίου"],
            &["ιουλίου"],
            &["αυγούστου"],
            &["σεπτεμβρίου"],
            &["οκτωβρίου"],
            &["νοεμβρίου"],
            &["δεκεμβρίου"],
        ],
    ),
];

/// Weekday names by language, full and abbreviated, lower case. A date
/// line opens with one ("mar., 18 jun. 2024"); where a weekday is also a
/// month's abbreviation (`mar` is Tuesday in Spanish, French and Italian,
/// and March), another month name in the same text wins.
pub(super) const WEEKDAYS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "mon",
            "tue",
            "tues",
            "wed",
            "thu",
            "thur",
            "thurs",
            "fri",
            "sat",
            "sun",
        ],
    ),
    (
        "de",
        &[
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonnabend",
            "sonntag",
        ],
    ),
    (
        "fr",
        &[
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lun", "mar",
            "mer", "jeu", "ven", "sam", "dim",
        ],
    ),
    (
        "es",
        &[
            "lunes",
            "martes",
            "miércoles",
            "miercoles",
            "jueves",
            "viernes",
            "sábado",
            "sabado",
            "domingo",
            "lun",
            "mar",
            "mié",
            "mie",
            "jue",
            "vie",
            "sáb",
            "dom",
        ],
    ),
    (
        "it",
        &[
            "lunedì",
            "martedì",
            "mercoledì",
            "giovedì",
            "venerdì",
            "sabato",
            "domenica",
            "lun",
            "mar",
            "mer",
            "gio",
            "ven",
            "sab",
        ],
    ),
    (
        "pt",
        &[
            "segunda", "terça", "terca", "quarta", "quinta", "sexta", "sábado", "domingo", "feira",
        ],
    ),
    (
        "nl",
        &[
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ],
    ),
    (
        "ru",
        &[
            "понедельник",
            "вторник",
            "среда",
            "четверг",
            "пятница",
            "суббота",
            "воскресенье",
        ],
    ),
    (
        "pl",
        &[
            "poniedziałek",
            "wtorek",
            "środa",
            "czwartek",
            "piątek",
            "sobota",
            "niedziela",
        ],
    ),
    (
        "tr",
        &[
            "pazartesi",
            "salı",
            "çarşamba",
            "perşembe",
            "cuma",
            "cumartesi",
            "pazar",
        ],
    ),
];

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

/// The stems of each unit's words in English, German, Spanish, French,
/// Italian, Portuguese, Dutch, Russian, Ukrainian, Polish, Turkish, Chinese,
/// Japanese and Korean. Checked in this order, first stem that starts the
/// word wins: "minut" is a minute before "min" could be anything else, and
/// "mes" (month) is reached only after the seconds' and minutes' stems.
pub(super) const UNIT_STEMS: &[(Unit, &[&str])] = &[
    (
        Unit::Second,
        &["sec", "sek", "seg", "秒", "초", "секунд", "saniye"],
    ),
    (
        Unit::Minute,
        &["min", "分", "분", "минут", "хвилин", "dakika"],
    ),
    (
        Unit::Hour,
        &[
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
        ],
    ),
    (
        Unit::Day,
        &[
            "day", "tag", "día", "dia", "jour", "giorn", "dag", "день", "дня", "дней", "днів",
            "dni", "dzień", "gün", "天", "日", "일",
        ],
    ),
    (
        Unit::Week,
        &[
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
        ],
    ),
    (
        Unit::Month,
        &[
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
        ],
    ),
    (
        Unit::Year,
        &[
            "year", "jahr", "año", "ann", "an", "ano", "jaar", "jaren", "год", "лет", "lat", "yıl",
            "年", "년",
        ],
    ),
];

/// Unit words that are whole words rather than stems (Turkish `ay`, month,
/// would otherwise be read as the start of any word).
pub(super) const UNIT_WORDS: &[(Unit, &[&str])] = &[(Unit::Month, &["ay"])];

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

/// Amount words and the numbers they stand for: the indefinite articles
/// and "one" of the languages of [`RELATIVE_PATTERNS`], and the Chinese
/// numerals to ten.
pub(super) const AMOUNTS: &[(i64, &[&str])] = &[
    (
        1,
        &[
            "", "a", "an", "one", "ein", "einer", "einem", "un", "una", "une", "uma", "um", "een",
            "один", "одну", "одна", "一",
        ],
    ),
    (2, &["二", "两", "兩"]),
    (3, &["三"]),
    (4, &["四"]),
    (5, &["五"]),
    (6, &["六"]),
    (7, &["七"]),
    (8, &["八"]),
    (9, &["九"]),
    (10, &["十"]),
];

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

/// A relative phrase's amount (group 1) and unit (group 2), one pattern
/// per language; the unit words are read by [`unit`].
pub(super) const RELATIVE_PATTERNS: &[(&str, &str)] = &[
    // "3 hours ago", "an hour ago".
    (
        "en",
        r"(?i)\b(\d+|an?|one)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b",
    ),
    // "vor 2 Stunden", "vor einer Stunde".
    (
        "de",
        r"(?i)\bvor\s+(\d+|einer|einem|ein)\s+(sekunden?|minuten?|stunden?|tagen?|tag|wochen?|monaten?|monat|jahren?|jahr)\b",
    ),
    // "hace 3 horas".
    (
        "es",
        r"(?i)\bhace\s+(\d+|una?)\s+(segundos?|minutos?|horas?|d[ií]as?|semanas?|meses|mes|años?)\b",
    ),
    // "il y a 3 heures".
    (
        "fr",
        r"(?i)\bil\s+y\s+a\s+(\d+|une?)\s+(secondes?|minutes?|heures?|jours?|semaines?|mois|années?|ans?)\b",
    ),
    // "há 3 horas", "3 horas atrás".
    (
        "pt",
        r"(?i)(?:^|\s)h[áa]\s+(\d+|uma?)\s+(segundos?|minutos?|horas?|dias?|semanas?|meses|m[eê]s|anos?)\b",
    ),
    (
        "pt",
        r"(?i)\b(\d+|uma?)\s+(segundos?|minutos?|horas?|dias?|semanas?|meses|m[eê]s|anos?)\s+atr[áa]s",
    ),
    // "3 ore fa".
    (
        "it",
        r"(?i)\b(\d+|una?)\s+(secondi|secondo|minuti|minuto|ore|ora|giorni|giorno|settimane|settimana|mesi|mese|anni|anno)\s+fa\b",
    ),
    // "3 uur geleden".
    (
        "nl",
        r"(?i)\b(\d+|een)\s+(seconden|seconde|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaren|jaar)\s+geleden\b",
    ),
    // "3 часа назад", "час назад", "3 години тому".
    (
        "ru, uk",
        r"(?i)(\d+|одну|один|одна)?\s*(секунд[уы]?|минут[уы]?|час[аов]*|день|дня|дней|недел[юиь]|месяц[аев]*|года?|лет|годин[иу]?|хвилин[иу]?|днів)\s+(?:назад|тому)",
    ),
    // "3 godziny temu".
    (
        "pl",
        r"(?i)\b(\d+)\s+(sekund[y]?|minut[y]?|godzin[ya]?|dni|dzień|tygodni[e]?|miesiące|miesięcy|lat[a]?)\s+temu\b",
    ),
    // "3 saat önce".
    (
        "tr",
        r"(?i)\b(\d+)\s+(saniye|dakika|saat|gün|hafta|ay|yıl)\s+önce\b",
    ),
    // "17 分钟前", "3小时前", "3時間前", "半小时前".
    (
        "zh, ja",
        r"(\d+|[一二两兩三四五六七八九十半])\s*(秒钟|秒鐘|秒|分钟|分鐘|分|个小时|個小時|小时|小時|時間|天|日|周|週間|週|星期|个月|個月|か月|ヶ月|カ月|ヵ月|年)\s*(?:以前|之前|前)",
    ),
    // "3시간 전".
    ("ko", r"(\d+)\s*(초|분|시간|일|주|개월|달|년)\s*전"),
];

/// Two days back, checked before [`YESTERDAY_WORDS`] (`anteayer` contains
/// `ayer`).
pub(super) const DAY_BEFORE_YESTERDAY_WORDS: &[&str] = &[
    "vorgestern",
    "anteayer",
    "avant-hier",
    "l'altro ieri",
    "anteontem",
    "eergisteren",
    "позавчера",
    "przedwczoraj",
    "前天",
    "一昨日",
    "おととい",
    "그저께",
    "그제",
];

/// One day back.
pub(super) const YESTERDAY_WORDS: &[&str] = &[
    "yesterday",
    "gestern",
    "ayer",
    "hier",
    "ieri",
    "ontem",
    "gisteren",
    "вчера",
    "учора",
    "wczoraj",
    "dün",
    "igår",
    "i går",
    "昨天",
    "昨日",
    "어제",
];

/// The reference day.
pub(super) const TODAY_WORDS: &[&str] = &[
    "today",
    "heute",
    "hoy",
    "aujourd'hui",
    "aujourd’hui",
    "oggi",
    "hoje",
    "vandaag",
    "сегодня",
    "сьогодні",
    "dzisiaj",
    "dziś",
    "bugün",
    "idag",
    "i dag",
    "今天",
    "今日",
    "오늘",
];

/// The reference instant.
pub(super) const JUST_NOW_WORDS: &[&str] = &[
    "just now",
    "gerade eben",
    "soeben",
    "ahora mismo",
    "à l'instant",
    "à l’instant",
    "adesso",
    "agora mesmo",
    "zojuist",
    "только что",
    "щойно",
    "przed chwilą",
    "刚刚",
    "剛剛",
    "たった今",
    "방금",
];

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
