//! The words of relative dates by language, as data: unit stems and
//! words, amount words, one phrase pattern per language and the day words
//! ("yesterday", "just now"). Read through [`super::unit`],
//! [`super::amount`] and the parser in `dates/relative.rs`.
//!
//! Source: lede's own, grown on real pages.

use super::Unit;

/// The stems of each unit's words in English, German, Spanish, French,
/// Italian, Portuguese, Dutch, Russian, Ukrainian, Polish, Turkish, Chinese,
/// Japanese and Korean. Checked in this order, first stem that starts the
/// word wins: "minut" is a minute before "min" could be anything else, and
/// "mes" (month) is reached only after the seconds' and minutes' stems.
pub(in crate::extract::dates) const UNIT_STEMS: &[(Unit, &[&str])] = &[
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
pub(in crate::extract::dates) const UNIT_WORDS: &[(Unit, &[&str])] = &[(Unit::Month, &["ay"])];

/// Amount words and the numbers they stand for: the indefinite articles
/// and "one" of the languages of [`RELATIVE_PATTERNS`], and the Chinese
/// numerals to ten.
pub(in crate::extract::dates) const AMOUNTS: &[(i64, &[&str])] = &[
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

/// A relative phrase's amount (group 1) and unit (group 2), one pattern
/// per language; the unit words are read by [`super::unit`].
pub(in crate::extract::dates) const RELATIVE_PATTERNS: &[(&str, &str)] = &[
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
pub(in crate::extract::dates) const DAY_BEFORE_YESTERDAY_WORDS: &[&str] = &[
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
pub(in crate::extract::dates) const YESTERDAY_WORDS: &[&str] = &[
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
pub(in crate::extract::dates) const TODAY_WORDS: &[&str] = &[
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
pub(in crate::extract::dates) const JUST_NOW_WORDS: &[&str] = &[
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
