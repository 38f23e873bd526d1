//! Language tags: BCP-47 normalisation of declared tags, the table that maps
//! ISO 639-1, ISO 639-3 and default scripts, whatlang's languages and
//! scripts to those codes, and the groups of languages that detectors
//! confuse on short text.

use whatlang::{Lang, Script};

/// Longest declared tag we look at; real tags are under 20 characters and
/// BCP-47 itself suggests 35 as a buffer size.
const MAX_TAG_LEN: usize = 35;

/// One language: ISO 639-1 (or the shortest BCP-47 code), ISO 639-3, and
/// the ISO 15924 script it is written in by default.
struct LanguageRow {
    code: &'static str,
    iso639_3: &'static str,
    script: &'static str,
}

const fn row(code: &'static str, iso639_3: &'static str, script: &'static str) -> LanguageRow {
    LanguageRow {
        code,
        iso639_3,
        script,
    }
}

/// Every language whatlang detects, plus the common ones pages declare that
/// whatlang does not know (Malay, Bosnian, Nynorsk, Galician, Basque,
/// Icelandic, ...). The ISO 639-3 column is whatlang's code where whatlang
/// has the language, so `Lang::code()` finds its row.
const LANGUAGES: &[LanguageRow] = &[
    row("af", "afr", "Latn"),
    row("ak", "aka", "Latn"),
    row("am", "amh", "Ethi"),
    row("ar", "ara", "Arab"),
    row("az", "aze", "Latn"),
    row("be", "bel", "Cyrl"),
    row("bg", "bul", "Cyrl"),
    row("bn", "ben", "Beng"),
    row("bo", "bod", "Tibt"),
    row("br", "bre", "Latn"),
    row("bs", "bos", "Latn"),
    row("ca", "cat", "Latn"),
    row("ceb", "ceb", "Latn"),
    row("cs", "ces", "Latn"),
    row("cy", "cym", "Latn"),
    row("da", "dan", "Latn"),
    row("de", "deu", "Latn"),
    row("dv", "div", "Thaa"),
    row("el", "ell", "Grek"),
    row("en", "eng", "Latn"),
    row("eo", "epo", "Latn"),
    row("es", "spa", "Latn"),
    row("et", "est", "Latn"),
    row("eu", "eus", "Latn"),
    row("fa", "pes", "Arab"),
    row("fi", "fin", "Latn"),
    row("fil", "fil", "Latn"),
    row("fo", "fao", "Latn"),
    row("fr", "fra", "Latn"),
    row("fy", "fry", "Latn"),
    row("ga", "gle", "Latn"),
    row("gd", "gla", "Latn"),
    row("gl", "glg", "Latn"),
    row("gu", "guj", "Gujr"),
    row("ha", "hau", "Latn"),
    row("he", "heb", "Hebr"),
    row("hi", "hin", "Deva"),
    row("hr", "hrv", "Latn"),
    row("ht", "hat", "Latn"),
    row("hu", "hun", "Latn"),
    row("hy", "hye", "Armn"),
    row("id", "ind", "Latn"),
    row("ig", "ibo", "Latn"),
    row("is", "isl", "Latn"),
    row("it", "ita", "Latn"),
    row("ja", "jpn", "Jpan"),
    row("jv", "jav", "Latn"),
    row("ka", "kat", "Geor"),
    row("kk", "kaz", "Cyrl"),
    row("km", "khm", "Khmr"),
    row("kn", "kan", "Knda"),
    row("ko", "kor", "Kore"),
    row("ku", "kur", "Latn"),
    row("ky", "kir", "Cyrl"),
    row("la", "lat", "Latn"),
    row("lb", "ltz", "Latn"),
    row("lo", "lao", "Laoo"),
    row("lt", "lit", "Latn"),
    row("lv", "lav", "Latn"),
    row("mg", "mlg", "Latn"),
    row("mi", "mri", "Latn"),
    row("mk", "mkd", "Cyrl"),
    row("ml", "mal", "Mlym"),
    row("mn", "mon", "Cyrl"),
    row("mr", "mar", "Deva"),
    row("ms", "msa", "Latn"),
    row("mt", "mlt", "Latn"),
    row("my", "mya", "Mymr"),
    row("nb", "nob", "Latn"),
    row("ne", "nep", "Deva"),
    row("nl", "nld", "Latn"),
    row("nn", "nno", "Latn"),
    row("oc", "oci", "Latn"),
    row("or", "ori", "Orya"),
    row("pa", "pan", "Guru"),
    row("pl", "pol", "Latn"),
    row("ps", "pus", "Arab"),
    row("pt", "por", "Latn"),
    row("ro", "ron", "Latn"),
    row("ru", "rus", "Cyrl"),
    row("rw", "kin", "Latn"),
    row("sd", "snd", "Arab"),
    row("si", "sin", "Sinh"),
    row("sk", "slk", "Latn"),
    row("sl", "slv", "Latn"),
    row("sn", "sna", "Latn"),
    row("so", "som", "Latn"),
    row("sq", "sqi", "Latn"),
    row("sr", "srp", "Cyrl"),
    row("sv", "swe", "Latn"),
    row("sw", "swa", "Latn"),
    row("ta", "tam", "Taml"),
    row("te", "tel", "Telu"),
    row("tg", "tgk", "Cyrl"),
    row("th", "tha", "Thai"),
    row("tk", "tuk", "Latn"),
    row("tl", "tgl", "Latn"),
    row("tr", "tur", "Latn"),
    row("tt", "tat", "Cyrl"),
    row("ug", "uig", "Arab"),
    row("uk", "ukr", "Cyrl"),
    row("ur", "urd", "Arab"),
    row("uz", "uzb", "Latn"),
    row("vi", "vie", "Latn"),
    row("xh", "xho", "Latn"),
    row("yi", "yid", "Hebr"),
    row("yo", "yor", "Latn"),
    row("yue", "yue", "Hant"),
    row("zh", "zho", "Hani"),
    row("zu", "zul", "Latn"),
];

/// Deprecated, bibliographic and individual-language codes that pages
/// declare, with the code BCP-47 prefers. `no` becomes `nb`: nearly all
/// Norwegian on the web is Bokmål, and the detector only knows Bokmål.
const ALIASES: &[(&str, &str)] = &[
    ("iw", "he"),
    ("in", "id"),
    ("ji", "yi"),
    ("jw", "jv"),
    ("mo", "ro"),
    ("no", "nb"),
    ("nor", "nb"),
    ("cmn", "zh"),
    ("chi", "zh"),
    ("fas", "fa"),
    ("per", "fa"),
    ("ger", "de"),
    ("fre", "fr"),
    ("dut", "nl"),
    ("cze", "cs"),
    ("gre", "el"),
    ("rum", "ro"),
    ("slo", "sk"),
    ("alb", "sq"),
    ("arm", "hy"),
    ("baq", "eu"),
    ("bur", "my"),
    ("geo", "ka"),
    ("ice", "is"),
    ("mac", "mk"),
    ("may", "ms"),
    ("zsm", "ms"),
    ("wel", "cy"),
    ("tib", "bo"),
    ("mao", "mi"),
];

/// Codes that name no language: undetermined, multiple, no linguistic
/// content, uncoded.
const NOT_A_LANGUAGE: &[&str] = &["und", "mul", "zxx", "mis"];

/// Languages that may also be written in a script other than their default
/// one, so a text in that script does not contradict them.
const OTHER_SCRIPTS: &[(&str, &str)] = &[
    ("sr", "Latn"),
    ("bs", "Cyrl"),
    ("uz", "Cyrl"),
    ("az", "Cyrl"),
    ("kk", "Latn"),
    ("tk", "Cyrl"),
    ("ku", "Arab"),
    ("pa", "Arab"),
    ("mn", "Mong"),
    ("tt", "Latn"),
    ("ug", "Cyrl"),
    ("sd", "Deva"),
    ("ms", "Arab"),
    ("yue", "Hans"),
];

/// Groups of languages that detectors confuse on short text: within one,
/// the page's declared tag wins unless the text is long. Dano-Norwegian,
/// the Serbo-Croatian continuum with Slovene, Malay, the East Slavic
/// languages with Bulgarian and Macedonian, Czech-Slovak, the Devanagari
/// languages, Perso-Arabic, and Dutch-Afrikaans.
const CONFUSABLE_GROUPS: &[&[&str]] = &[
    &["da", "nb", "nn"],
    &["hr", "sr", "bs", "sl", "cnr"],
    &["id", "ms"],
    &["ru", "uk", "be", "bg", "mk"],
    &["cs", "sk"],
    &["hi", "mr", "ne"],
    &["ar", "fa", "ur", "ps"],
    &["nl", "af"],
];

/// Normalises a declared language tag to canonical BCP-47 form, or `None`
/// when it names no language.
///
/// Case is fixed (`en-us` to `en-US`), `_` becomes `-`, POSIX locale
/// suffixes (`.UTF-8`, `@euro`) are dropped, deprecated and three-letter
/// codes become their short form (`iw` to `he`, `in` to `id`, `no` to `nb`,
/// `deu` to `de`), a script subtag equal to the language's default is
/// dropped (`en-Latn` to `en`), and Chinese gets a script instead of a
/// region (`zh-TW`, `zh-HK`, `zh-MO` to `zh-Hant`; `zh-CN`, `zh-SG` to
/// `zh-Hans`). Other regions are kept (`pt-BR`). Variants, extensions and
/// private-use parts are dropped. `und`, `x-default`, `mul` and malformed
/// tags give `None`.
///
/// # Examples
///
/// ```
/// use lede::extract::language::normalize_tag;
///
/// assert_eq!(normalize_tag("zh-TW").as_deref(), Some("zh-Hant"));
/// assert_eq!(normalize_tag("en_us").as_deref(), Some("en-US"));
/// assert_eq!(normalize_tag("x-default"), None);
/// ```
pub fn normalize_tag(tag: &str) -> Option<String> {
    // A `content-language` list (`en-US, fr;q=0.8`): its first language.
    // POSIX locales as some servers echo them: `en_US.UTF-8`, `de_DE@euro`.
    let tag = tag
        .split([',', ';', '.', '@'])
        .next()
        .unwrap_or_default()
        .trim();
    if tag.is_empty() || tag.len() > MAX_TAG_LEN {
        return None;
    }
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut language = canonical_language(&primary)?;
    let mut script: Option<String> = None;
    let mut region: Option<String> = None;
    for (index, part) in parts.enumerate() {
        let is_alpha = part.bytes().all(|b| b.is_ascii_alphabetic());
        let is_digit = part.bytes().all(|b| b.is_ascii_digit());
        match part.len() {
            // An extended language subtag (`zh-yue`, `zh-cmn`) names the
            // language itself.
            3 if is_alpha && index == 0 => {
                language = canonical_language(&part.to_ascii_lowercase())?;
            }
            4 if is_alpha && script.is_none() && region.is_none() => {
                script = Some(title_case(part));
            }
            2 if is_alpha && region.is_none() => region = Some(part.to_ascii_uppercase()),
            3 if is_digit && region.is_none() => region = Some(part.to_owned()),
            // A singleton starts an extension or private use: nothing after
            // it is about the language. Anything malformed ends the tag too.
            0 | 1 => break,
            _ if !part.bytes().all(|b| b.is_ascii_alphanumeric()) => break,
            // Variants (`de-1996`, `ca-valencia`) are dropped.
            _ => {}
        }
    }
    if language == "zh" {
        let chinese_script = script.clone().or_else(|| {
            region.as_deref().and_then(|r| match r {
                "TW" | "HK" | "MO" => Some("Hant".to_owned()),
                "CN" | "SG" | "MY" => Some("Hans".to_owned()),
                _ => None,
            })
        });
        return Some(match chinese_script {
            Some(s) => format!("zh-{s}"),
            None => "zh".to_owned(),
        });
    }
    if script.as_deref() == default_script(&language) {
        script = None;
    }
    let mut out = language.to_owned();
    for subtag in [script, region].into_iter().flatten() {
        out.push('-');
        out.push_str(&subtag);
    }
    Some(out)
}

/// The canonical primary language subtag for a lowercase code, or `None`
/// for codes that name no language.
fn canonical_language(code: &str) -> Option<String> {
    if NOT_A_LANGUAGE.contains(&code) || ("qaa"..="qtz").contains(&code) {
        return None;
    }
    if let Some((_, to)) = ALIASES.iter().find(|(from, _)| *from == code) {
        return Some((*to).to_owned());
    }
    if code.len() == 3
        && let Some(found) = LANGUAGES.iter().find(|r| r.iso639_3 == code)
    {
        return Some(found.code.to_owned());
    }
    Some(code.to_owned())
}

fn title_case(subtag: &str) -> String {
    let mut out = String::with_capacity(subtag.len());
    for (i, c) in subtag.chars().enumerate() {
        if i == 0 {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

fn find(language: &str) -> Option<&'static LanguageRow> {
    LANGUAGES.iter().find(|r| r.code == language)
}

/// The primary language subtag of a normalised tag (`pt` for `pt-BR`).
pub(super) fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// The script subtag of a normalised tag, if it has one.
pub(super) fn script_subtag(tag: &str) -> Option<&str> {
    tag.split('-')
        .skip(1)
        .find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The region subtag of a normalised tag, if it has one.
pub(super) fn region_subtag(tag: &str) -> Option<&str> {
    tag.split('-').skip(1).find(|s| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
            || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// ISO 639-3 code of a primary language subtag, empty when unknown.
pub(super) fn iso639_3(language: &str) -> String {
    match find(language) {
        Some(r) => r.iso639_3.to_owned(),
        None if language.len() == 3 => language.to_owned(),
        None => String::new(),
    }
}

/// The ISO 15924 script a language is written in by default.
pub(super) fn default_script(language: &str) -> Option<&'static str> {
    find(language).map(|r| r.script)
}

/// Whether `language` can be written in `script`: `Some(false)` only when
/// we know it cannot (English in Cyrillic), `None` when the language is not
/// in the table. The Chinese and Japanese scripts count as one family (a
/// kanji-only text is valid Japanese).
pub(super) fn can_write(language: &str, script: &str) -> Option<bool> {
    let default = default_script(language)?;
    if script_family(default) == script_family(script) {
        return Some(true);
    }
    Some(
        OTHER_SCRIPTS
            .iter()
            .any(|(l, s)| *l == language && *s == script),
    )
}

/// Scripts that write the same language count as one: the Han scripts and
/// Japanese.
fn script_family(script: &str) -> &str {
    match script {
        "Hani" | "Hans" | "Hant" | "Jpan" => "Hani",
        other => other,
    }
}

/// Whether whatlang can name `language` in `script` at all. When it cannot
/// (Malay, Bosnian, Nynorsk, Serbian in Latin letters, ...), its answer on
/// such text is some neighbour, and the declaration should stand.
pub(super) fn detectable(language: &str, script: &str) -> bool {
    // Chinese and Japanese are decided by the script rules, not whatlang.
    if matches!(language, "zh" | "ja") {
        return true;
    }
    let Some(row) = find(language) else {
        return false;
    };
    Lang::from_code(row.iso639_3).is_some_and(|lang| {
        // Serbian is the one whatlang language it knows only in a script
        // other than the one the language is also written in.
        !(lang == Lang::Srp && script != "Cyrl")
    })
}

/// Whether two primary language subtags fall in one confusable group.
pub(super) fn confusable(a: &str, b: &str) -> bool {
    CONFUSABLE_GROUPS
        .iter()
        .any(|group| group.contains(&a) && group.contains(&b))
}

/// The primary subtag (ISO 639-1 where one exists) for a whatlang language.
pub(super) fn from_whatlang(lang: Lang) -> &'static str {
    let code = lang.code();
    match LANGUAGES.iter().find(|r| r.iso639_3 == code) {
        Some(r) => r.code,
        None if lang == Lang::Cmn => "zh",
        None => code,
    }
}

/// The ISO 15924 code of a whatlang script.
pub(super) fn iso15924(script: Script) -> &'static str {
    match script {
        Script::Arabic => "Arab",
        Script::Armenian => "Armn",
        Script::Bengali => "Beng",
        Script::Cyrillic => "Cyrl",
        Script::Devanagari => "Deva",
        Script::Ethiopic => "Ethi",
        Script::Georgian => "Geor",
        Script::Greek => "Grek",
        Script::Gujarati => "Gujr",
        Script::Gurmukhi => "Guru",
        Script::Hangul => "Kore",
        Script::Hebrew => "Hebr",
        Script::Hiragana | Script::Katakana => "Jpan",
        Script::Kannada => "Knda",
        Script::Khmer => "Khmr",
        Script::Latin => "Latn",
        Script::Malayalam => "Mlym",
        Script::Mandarin => "Hani",
        Script::Myanmar => "Mymr",
        Script::Oriya => "Orya",
        Script::Sinhala => "Sinh",
        Script::Tamil => "Taml",
        Script::Telugu => "Telu",
        Script::Thai => "Thai",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(tag: &str) -> Option<String> {
        normalize_tag(tag)
    }

    #[test]
    fn fixes_case_and_separators() {
        assert_eq!(norm("en_US").as_deref(), Some("en-US"));
        assert_eq!(norm("EN-gb").as_deref(), Some("en-GB"));
        assert_eq!(norm(" de ").as_deref(), Some("de"));
        assert_eq!(norm("pt-BR").as_deref(), Some("pt-BR"));
        assert_eq!(norm("es-419").as_deref(), Some("es-419"));
        assert_eq!(norm("en_US.UTF-8").as_deref(), Some("en-US"));
        assert_eq!(norm("de_DE@euro").as_deref(), Some("de-DE"));
        assert_eq!(norm("en-US, fr;q=0.8").as_deref(), Some("en-US"));
    }

    #[test]
    fn chinese_gets_a_script_not_a_region() {
        assert_eq!(norm("zh-TW").as_deref(), Some("zh-Hant"));
        assert_eq!(norm("zh_HK").as_deref(), Some("zh-Hant"));
        assert_eq!(norm("zh-MO").as_deref(), Some("zh-Hant"));
        assert_eq!(norm("zh-CN").as_deref(), Some("zh-Hans"));
        assert_eq!(norm("zh-SG").as_deref(), Some("zh-Hans"));
        assert_eq!(norm("zh-hant-tw").as_deref(), Some("zh-Hant"));
        assert_eq!(norm("zh-Hans").as_deref(), Some("zh-Hans"));
        assert_eq!(norm("zh").as_deref(), Some("zh"));
        assert_eq!(norm("zh-cmn-Hans-CN").as_deref(), Some("zh-Hans"));
        assert_eq!(norm("zh-yue").as_deref(), Some("yue"));
        assert_eq!(norm("chi").as_deref(), Some("zh"));
    }

    #[test]
    fn maps_deprecated_and_long_codes() {
        assert_eq!(norm("no").as_deref(), Some("nb"));
        assert_eq!(norm("no-NO").as_deref(), Some("nb-NO"));
        assert_eq!(norm("iw").as_deref(), Some("he"));
        assert_eq!(norm("in").as_deref(), Some("id"));
        assert_eq!(norm("deu").as_deref(), Some("de"));
        assert_eq!(norm("ger").as_deref(), Some("de"));
        assert_eq!(norm("eng").as_deref(), Some("en"));
        assert_eq!(norm("fil").as_deref(), Some("fil"));
        assert_eq!(norm("nn").as_deref(), Some("nn"));
    }

    #[test]
    fn drops_default_scripts_and_keeps_others() {
        assert_eq!(norm("en-Latn-US").as_deref(), Some("en-US"));
        assert_eq!(norm("ru-cyrl").as_deref(), Some("ru"));
        assert_eq!(norm("sr-Latn").as_deref(), Some("sr-Latn"));
        assert_eq!(norm("de-DE-1996").as_deref(), Some("de-DE"));
        assert_eq!(norm("en-US-x-twain").as_deref(), Some("en-US"));
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "   ",
            "x-default",
            "und",
            "mul",
            "zxx",
            "C",
            "english",
            "en US",
            "12",
            "e1",
            "qaa",
            "i-klingon",
        ] {
            assert_eq!(norm(bad), None, "{bad:?}");
        }
        assert_eq!(norm(&"en-".repeat(20)), None);
    }

    #[test]
    fn whatlang_codes_map_to_iso639_1() {
        assert_eq!(from_whatlang(Lang::Eng), "en");
        assert_eq!(from_whatlang(Lang::Deu), "de");
        assert_eq!(from_whatlang(Lang::Nob), "nb");
        assert_eq!(from_whatlang(Lang::Pes), "fa");
        assert_eq!(from_whatlang(Lang::Cmn), "zh");
        assert_eq!(from_whatlang(Lang::Heb), "he");
        // Every whatlang language has a row, so none leaks a 639-3 code.
        for lang in Lang::all() {
            assert!(from_whatlang(*lang).len() == 2, "{lang:?}");
        }
    }

    #[test]
    fn script_compatibility() {
        assert_eq!(can_write("en", "Cyrl"), Some(false));
        assert_eq!(can_write("ja", "Hani"), Some(true));
        assert_eq!(can_write("zh", "Hant"), Some(true));
        assert_eq!(can_write("sr", "Latn"), Some(true));
        assert_eq!(can_write("xx", "Latn"), None);
        assert!(!detectable("ms", "Latn"));
        assert!(!detectable("sr", "Latn"));
        assert!(detectable("sr", "Cyrl"));
        assert!(detectable("nb", "Latn"));
        assert!(detectable("zh", "Jpan"));
        assert!(!detectable("yue", "Hant"));
        assert!(confusable("da", "nb"));
        assert!(!confusable("da", "de"));
    }
}
