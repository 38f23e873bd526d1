//! Language identification: whatlang on the article text, reconciled with the
//! page's declared language.
//!
//! The steps, each for a failure measured on real pages (issue 4):
//!
//! 1. Sample: at most 2,000 characters from the start and the middle of
//!    the text, so the cost stays near whatlang's fixed cost, ~0.1-0.2 ms a
//!    page; of those, the prose lines when there are enough of them, since
//!    whatlang misreads lists of names and prices (module `script`).
//! 2. Script gate: when a non-Latin script holds a substantial share of the
//!    letters (Han weighted above Latin, since one Han character carries a
//!    word), the Latin runs (code, commands, English navigation) are dropped
//!    before detection; a minority of Latin text otherwise wins whatlang's
//!    script vote on Chinese and Japanese pages.
//! 3. Chinese and Japanese are decided here, not by whatlang: any real share
//!    of kana means Japanese; Han-only text is Chinese, Simplified or
//!    Traditional by the characters that exist in only one script
//!    (module `chinese`). Every other script goes to whatlang.
//! 4. Reconcile with the declared tag ([`normalize_tag`]): the tag
//!    wins on short text, within groups of confusable languages (Danish and
//!    Norwegian, Croatian and Serbian, ...) unless the text is long, for
//!    languages whatlang does not know, and for kanji-only snippets under
//!    `ja`; the text wins when it is long and clearly another language, or
//!    written in a script the declared language is not.
//!
//! Chinese always carries its script (`zh-Hans`, `zh-Hant`) and ISO 639-3
//! `zho` (the written macrolanguage, not whatlang's spoken `cmn`). A text
//! with no telling character takes the declared variant, else Simplified:
//! such a text reads the same in both scripts.
//!
//! Files:
//! - `mod.rs`: the stage's entry and steps 1 to 4 in order.
//! - `script.rs`: the sample, the census of letters by script and the
//!   script gate (steps 1 and 2).
//! - `chinese.rs`: Simplified or Traditional (step 3), by the character
//!   lists in `data/` (from OpenCC).
//! - `tags.rs`: declared tags normalised, the code tables, the groups of
//!   confusable languages (step 4).
//! - `second.rs`: lingua's second opinion within groups of neighbours,
//!   where whatlang's answer is unreliable.

mod chinese;
mod script;
mod second;
mod tags;

pub use tags::normalize_tag;

use std::borrow::Cow;

use whatlang::Lang;

use crate::article::{Language, LanguageSource};
use chinese::{Variant, VariantCounts};
use script::Census;

/// Weighted letters (Latin letters one each, Han three, kana and Hangul
/// two) below which a detection is not reliable: the issue's "about 100
/// characters", where whatlang reaches ~99% on clean prose.
const RELIABLE_WEIGHT: u32 = 100;
/// Confidence below which a detection is not reliable, however long the
/// text: whatlang's answer on lists of names and prices.
const RELIABLE_CONFIDENCE: f32 = 0.5;
/// Weighted letters a text needs to override a declared language of the
/// same confusable group: about two paragraphs. Declared tags are rarely
/// wrong *within* such a group, so only a text that long outweighs one.
const LONG_CONFUSABLE_WEIGHT: u32 = 1_000;
/// Weighted letters from which kanji-only text under a `ja` declaration is
/// Chinese after all: 50 Han characters. Japanese headings and labels
/// without kana are far shorter, and Japanese prose of that length without
/// a single kana does not occur.
const KANJI_ONLY_MAX_WEIGHT: u32 = 150;
/// whatlang confidence a reliable-length text needs to override a declared
/// tag of another language (whatlang's own `is_reliable` threshold).
const OVERRIDE_CONFIDENCE: f64 = 0.9;
/// whatlang confidence a long text needs to override a declared tag of the
/// same confusable group. Within a pair whatlang's margin stays small even
/// when it is right (Bokmål against Danish: 0.5-0.9 at 1,000-2,000
/// characters, measured on hand-written news), so 0.9 would never let the
/// text win; length is the evidence here.
const OVERRIDE_CONFIDENCE_CONFUSABLE: f64 = 0.5;
/// Kana share (of Han and kana) from which a text is Japanese. Japanese
/// prose runs at 30-60% kana; 1% tolerates a stray `の` in a Chinese
/// title of a long article but keeps short kana-bearing headings Japanese.
const JAPANESE_KANA_SHARE: f64 = 0.01;
/// Kana share needed when the page declares Chinese: Chinese articles
/// quote Japanese titles and names.
const JAPANESE_KANA_SHARE_UNDER_ZH: f64 = 0.1;
/// Kana share from which a Japanese decision is fully confident (whatlang's
/// own rule gives full confidence from 20%, half from 5%).
const JAPANESE_CONFIDENT_KANA_SHARE: f64 = 0.05;
/// Confidence of a Japanese decision on a lower kana share.
const JAPANESE_LOW_CONFIDENCE: f32 = 0.7;
/// Confidence reported for a declaration with no text to check it against.
const DECLARED_ONLY_CONFIDENCE: f32 = 0.5;
/// Confidence reported when the declaration overrode a detection.
const DECLARED_OVERRIDE_CONFIDENCE: f32 = 0.7;
/// Lowest confidence reported when text and declaration agree.
const AGREED_MIN_CONFIDENCE: f32 = 0.9;
/// Confidence when the Chinese variant fell back to the declared one or to
/// Simplified: the language is certain, the variant a guess.
const UNDECIDED_VARIANT_CONFIDENCE: f32 = 0.6;

/// Identifies the language of `text`, reconciling it with `declared` (a
/// BCP-47 tag from the page or the caller, as found).
///
/// `text` is article text: headings and blocks separated by blank lines,
/// with code and alt texts already left out. The answer is `und` with
/// [`LanguageSource::Unknown`] when there is nothing to go on.
///
/// # Examples
///
/// ```
/// use lede::article::LanguageSource;
/// use lede::extract::language::detect;
///
/// let text = "Die Bundesregierung hat am Mittwoch neue Regeln für den \
///             Ausbau der Windenergie beschlossen, die nach Angaben des \
///             Ministeriums schon im kommenden Jahr gelten sollen.";
/// let language = detect(text, Some("de_DE"));
/// assert_eq!(language.tag, "de-DE");
/// assert_eq!(language.source, LanguageSource::Agreed);
/// ```
pub fn detect(text: &str, declared: Option<&str>) -> Language {
    let declared_raw = declared.map(str::trim).filter(|d| !d.is_empty());
    let declared_tag = declared_raw.and_then(normalize_tag);
    let sample = script::sample(text);
    let prose = script::prose(&sample);
    let detection = detect_text(&prose, declared_tag.as_deref());
    let mut language = reconcile(detection, declared_tag.as_deref());
    language.declared = declared_raw.map(str::to_owned);
    language
}

/// What the text says, before reconciliation.
#[derive(Debug, Clone, PartialEq)]
struct Detection {
    /// BCP-47 tag from the text (`de`, `zh-Hant`, `sr-Latn`).
    tag: String,
    /// ISO 639-3 code.
    iso639_3: String,
    /// ISO 15924 code of the text's script.
    script: &'static str,
    /// Confidence in the language, 0 to 1.
    confidence: f32,
    /// Letters the detector looked at.
    chars: u32,
    /// Letters weighted as in the script gate.
    weight: u32,
    /// Han-only text that a Japanese declaration may claim.
    kanji_only: bool,
    /// Decided by the second opinion (module `second`) where whatlang was
    /// unsure: never reliable, whatever its confidence.
    second_opinion: bool,
}

impl Detection {
    fn primary(&self) -> &str {
        tags::primary(&self.tag)
    }
}

fn detect_text(sample: &str, declared: Option<&str>) -> Option<Detection> {
    let census = Census::of(sample);
    if census.weight() == 0 {
        return None;
    }
    // A declared language in a non-Latin script lowers the bar for the gate.
    let gate_share = match declared.and_then(|d| tags::default_script(tags::primary(d))) {
        Some(script) if script != "Latn" => script::GATE_SHARE_DECLARED,
        _ => script::GATE_SHARE,
    };
    if census.is_cjk(gate_share) {
        return Some(detect_cjk(sample, &census, declared));
    }
    let gated = census.is_gated(gate_share);
    let input: Cow<'_, str> = if gated {
        Cow::Owned(script::drop_latin(sample))
    } else {
        Cow::Borrowed(sample)
    };
    let info = whatlang::detect(&input)?;
    let (chars, weight) = if gated {
        (
            census.han + census.kana + census.hangul + census.other,
            census.non_latin_weight(),
        )
    } else {
        (
            census.latin + census.han + census.kana + census.hangul + census.other,
            census.weight(),
        )
    };
    let lang = info.lang();
    let script = tags::iso15924(info.script());
    let mut primary = tags::from_whatlang(lang);
    // whatlang's confidence is in 0..=1; f32 is all the output keeps.
    let mut confidence = info.confidence() as f32;
    let mut second_opinion = false;
    // Where whatlang is unsure, a second opinion decides among neighbours.
    if (weight < RELIABLE_WEIGHT || confidence < RELIABLE_CONFIDENCE)
        && let Some((second, second_confidence)) = second::opinion(&input, primary)
    {
        primary = second;
        confidence = second_confidence;
        second_opinion = true;
    }
    let mut tag = primary.to_owned();
    if tags::default_script(primary).is_some_and(|d| d != script) && lang != Lang::Jpn {
        tag = format!("{primary}-{script}");
    }
    Some(Detection {
        iso639_3: tags::iso639_3(primary),
        tag,
        script,
        confidence,
        chars,
        weight,
        kanji_only: false,
        second_opinion,
    })
}

/// Japanese or Chinese, from the kana share and the variant counts.
fn detect_cjk(sample: &str, census: &Census, declared: Option<&str>) -> Detection {
    let declared_primary = declared.map(tags::primary);
    let cjk_chars = census.han + census.kana;
    let kana_share = f64::from(census.kana) / f64::from(cjk_chars.max(1));
    let needed_share = if declared_primary == Some("zh") {
        JAPANESE_KANA_SHARE_UNDER_ZH
    } else {
        JAPANESE_KANA_SHARE
    };
    let weight = census.cjk_weight();
    if census.kana > 0 && kana_share >= needed_share {
        return Detection {
            tag: "ja".to_owned(),
            iso639_3: "jpn".to_owned(),
            script: "Jpan",
            confidence: if kana_share >= JAPANESE_CONFIDENT_KANA_SHARE {
                1.0
            } else {
                JAPANESE_LOW_CONFIDENCE
            },
            chars: cjk_chars,
            weight,
            kanji_only: false,
            second_opinion: false,
        };
    }
    let counts = VariantCounts::of(sample);
    let (variant, decided) = counts.decide(declared.and_then(Variant::of_tag));
    let script = variant.script();
    Detection {
        tag: format!("zh-{script}"),
        iso639_3: "zho".to_owned(),
        script,
        confidence: if decided {
            1.0
        } else {
            UNDECIDED_VARIANT_CONFIDENCE
        },
        chars: cjk_chars,
        weight,
        kanji_only: census.kana == 0,
        second_opinion: false,
    }
}

/// Merges what the text says with what the page declares.
fn reconcile(detection: Option<Detection>, declared: Option<&str>) -> Language {
    match (detection, declared) {
        (None, None) => Language::default(),
        (None, Some(declared)) => from_declaration(declared, None, LanguageSource::Declared),
        (Some(detection), None) => from_detection(detection, LanguageSource::Detected, None),
        (Some(detection), Some(declared)) => {
            let declared_primary = tags::primary(declared);
            if detection.primary() == declared_primary {
                let region = tags::region_subtag(declared).map(str::to_owned);
                from_detection(detection, LanguageSource::Agreed, region)
            } else if text_wins(&detection, declared_primary) {
                from_detection(detection, LanguageSource::Detected, None)
            } else {
                from_declaration(declared, Some(&detection), LanguageSource::DeclaredOverride)
            }
        }
    }
}

/// Whether the text overrides a declaration of another language.
fn text_wins(detection: &Detection, declared_primary: &str) -> bool {
    // A declared language that cannot be written in the text's script is
    // wrong, however short the text (a Chinese page tagged `en`).
    if tags::can_write(declared_primary, detection.script) == Some(false) {
        return true;
    }
    // Kanji-only text under `ja` is Japanese (headings, labels) unless it
    // runs longer than any Japanese without kana does.
    if detection.kanji_only && declared_primary == "ja" {
        return detection.weight >= KANJI_ONLY_MAX_WEIGHT;
    }
    // whatlang cannot name the declared language in this script (Malay,
    // Bosnian, Nynorsk, Serbian in Latin letters): its answer is a
    // neighbour, and the declaration stands.
    if !tags::detectable(declared_primary, detection.script) {
        return false;
    }
    // A second opinion ran because whatlang was unsure, and chose only
    // among whatlang's answer's neighbours: its confidence is relative to
    // them, no evidence against a declaration outside the group.
    if detection.second_opinion && !tags::confusable(detection.primary(), declared_primary) {
        return false;
    }
    let confidence = f64::from(detection.confidence);
    if tags::confusable(detection.primary(), declared_primary) {
        return confidence >= OVERRIDE_CONFIDENCE_CONFUSABLE
            && detection.weight >= LONG_CONFUSABLE_WEIGHT;
    }
    confidence >= OVERRIDE_CONFIDENCE && detection.weight >= RELIABLE_WEIGHT
}

fn from_detection(
    detection: Detection,
    source: LanguageSource,
    region: Option<String>,
) -> Language {
    let confidence = match source {
        LanguageSource::Agreed => detection.confidence.max(AGREED_MIN_CONFIDENCE),
        _ => detection.confidence,
    };
    let reliable = detection.weight >= RELIABLE_WEIGHT
        && confidence >= RELIABLE_CONFIDENCE
        && !detection.second_opinion;
    // Chinese carries its script instead of a region (`zh-TW` was
    // normalised to `zh-Hant`), so only other languages take one.
    let tag = match region {
        Some(region) if detection.primary() != "zh" => format!("{}-{region}", detection.tag),
        _ => detection.tag,
    };
    Language {
        tag,
        iso639_3: detection.iso639_3,
        script: detection.script.to_owned(),
        confidence,
        reliable,
        source,
        declared: None,
        detected_chars: detection.chars,
    }
}

/// A [`Language`] from the declared tag; `text` is what the text said, when
/// there was any.
fn from_declaration(declared: &str, text: Option<&Detection>, source: LanguageSource) -> Language {
    let primary = tags::primary(declared);
    let default = tags::default_script(primary);
    let mut tag = declared.to_owned();
    let script = if let Some(script) = tags::script_subtag(declared) {
        script.to_owned()
    } else if primary == "zh" {
        // A plain `zh`: the variant the text leaned to, else Simplified
        // (see `chinese`).
        let script = match text.map(|t| t.script) {
            Some("Hant") => "Hant",
            _ => "Hans",
        };
        tag = format!("zh-{script}");
        script.to_owned()
    } else if let Some(text_script) = text.map(|t| t.script)
        && default.is_some_and(|d| d != text_script)
        && primary != "ja"
        && tags::can_write(primary, text_script) == Some(true)
    {
        // A multi-script language written in its other script names it
        // (`sr` on a Latin text is `sr-Latn`).
        tag = insert_script(declared, text_script);
        text_script.to_owned()
    } else {
        default
            .or(text.map(|t| t.script))
            .unwrap_or_default()
            .to_owned()
    };
    let confidence = match source {
        LanguageSource::Declared => DECLARED_ONLY_CONFIDENCE,
        _ => DECLARED_OVERRIDE_CONFIDENCE,
    };
    Language {
        tag,
        iso639_3: tags::iso639_3(primary),
        script,
        confidence,
        reliable: text.is_some_and(|t| t.weight >= RELIABLE_WEIGHT),
        source,
        declared: None,
        detected_chars: text.map_or(0, |t| t.chars),
    }
}

/// `tag` with `script` placed after the primary subtag.
fn insert_script(tag: &str, script: &str) -> String {
    let primary = tags::primary(tag);
    let rest = tag.get(primary.len()..).unwrap_or_default();
    format!("{primary}-{script}{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Japanese tutorial page: navigation, commands and code lines in
    /// English around two short Japanese paragraphs.
    const JAPANESE_WITH_CODE: &str = "Home News Blog About Contact Login Sign up\n\n\
        Rustで始めるウェブサーバー入門\n\n\
        このチュートリアルでは、Rustで小さなウェブサーバーを作る方法を説明します。\
        まず新しいプロジェクトを作成し、必要なクレートを追加してください。\n\n\
        cargo new hello_server --bin && cd hello_server && cargo add tokio --features full\n\n\
        let listener = TcpListener::bind(\"127.0.0.1:8080\").await?; loop { let (socket, addr) = listener.accept().await?; }\n\n\
        サーバーを起動したら、ブラウザで開いて動作を確認しましょう。\n\n\
        Privacy Policy Terms of Service Cookie Settings Copyright Example Media Inc. All rights reserved.";

    /// A Simplified Chinese page with the same kind of English around it.
    const CHINESE_WITH_CODE: &str = "Home Docs Blog Pricing GitHub Sign in\n\n\
        如何在服务器上安装数据库\n\n\
        本文介绍如何在新的服务器上安装和配置数据库，并说明常见问题的解决办法。\n\n\
        sudo apt-get update && sudo apt-get install -y postgresql postgresql-contrib\n\n\
        sudo systemctl enable postgresql && sudo systemctl start postgresql\n\n\
        安装完成后，请检查服务是否正常运行。\n\n\
        Privacy Terms Contact Careers Status Copyright Example Cloud Ltd. All rights reserved.";

    /// About 300 characters of Simplified Chinese news.
    const SIMPLIFIED_NEWS: &str = "新华社北京11月27日电 国家统计局27日发布数据显示，1至10月份，\
        全国规模以上工业企业实现利润总额同比增长，其中高技术制造业利润增长较快，\
        装备制造业对工业利润增长的贡献明显。国家统计局工业司有关负责人表示，\
        随着一系列稳增长政策持续发力，工业生产保持较快增长，市场需求逐步恢复，\
        企业效益继续改善。从行业看，电子、汽车、电气机械等行业利润增长较快，\
        原材料行业利润降幅收窄。专家认为，当前我国经济运行总体平稳，\
        但外部环境依然复杂严峻，国内需求仍显不足，部分企业生产经营困难，\
        下一阶段要继续加大宏观政策调控力度，着力扩大国内需求，\
        推动经济持续回升向好，为明年经济发展打下良好基础。";

    /// Traditional Chinese news of about the same length.
    const TRADITIONAL_NEWS: &str = "中央社記者台北27日電 行政院主計總處今天公布最新統計資料，\
        今年前十個月出口總額較去年同期成長，其中資通訊產品出口增幅最大。\
        主計總處官員表示，隨著全球人工智慧應用需求持續升溫，\
        相關產業訂單暢旺，帶動國內投資與就業同步成長。\
        不過專家也提醒，國際經濟情勢變化快速，主要國家貨幣政策走向仍不明朗，\
        企業應審慎評估風險，政府也將持續關注物價與薪資的變動。";

    /// A long German text.
    const GERMAN: &str = "Die Bundesregierung hat am Mittwoch ein umfangreiches Paket \
        zur Förderung der Windenergie beschlossen. Nach Angaben des Wirtschaftsministeriums \
        sollen die Genehmigungsverfahren für neue Anlagen deutlich verkürzt werden, damit \
        der Ausbau schneller vorankommt. Kommunen, die Flächen für Windräder ausweisen, \
        sollen künftig stärker an den Erlösen beteiligt werden. Umweltverbände begrüßten \
        die Pläne grundsätzlich, warnten aber davor, den Naturschutz zu vernachlässigen. \
        Die Opposition kritisierte, dass die Maßnahmen zu spät kämen und nicht weit genug \
        gingen. Der Bundestag soll noch vor der Sommerpause über das Gesetz abstimmen.";

    #[test]
    fn empty_text_without_declaration_is_und() {
        for text in ["", "   \n\n  ", "12 345 — 67!", "🙂🙂"] {
            let language = detect(text, None);
            assert_eq!(language, Language::default(), "{text:?}");
        }
        assert_eq!(detect("", Some("x-default")).tag, "und");
    }

    #[test]
    fn empty_text_with_declaration_is_declared() {
        let language = detect("", Some("pt_BR"));
        assert_eq!(language.tag, "pt-BR");
        assert_eq!(language.iso639_3, "por");
        assert_eq!(language.script, "Latn");
        assert_eq!(language.source, LanguageSource::Declared);
        assert_eq!(language.declared.as_deref(), Some("pt_BR"));
        assert!(!language.reliable);
        assert_eq!(language.detected_chars, 0);
        let language = detect("", Some("zh-TW"));
        assert_eq!(
            (language.tag.as_str(), language.script.as_str()),
            ("zh-Hant", "Hant")
        );
    }

    #[test]
    fn tiny_text_is_not_reliable() {
        let language = detect("Hello there", None);
        assert!(!language.reliable);
        assert_eq!(language.source, LanguageSource::Detected);
        assert_eq!(language.detected_chars, 10);
        // Declared wins on tiny text of the same script.
        let language = detect("Hallo Welt", Some("en"));
        assert_eq!(language.tag, "en");
        assert!(!language.reliable);
    }

    #[test]
    fn script_gate_finds_japanese_among_code_and_navigation() {
        // Without the gate, the Latin letters win whatlang's script vote.
        let raw = whatlang::detect(JAPANESE_WITH_CODE).map(|i| i.lang());
        assert_ne!(raw, Some(Lang::Jpn));
        let language = detect(JAPANESE_WITH_CODE, None);
        assert_eq!(language.tag, "ja");
        assert_eq!(language.iso639_3, "jpn");
        assert_eq!(language.script, "Jpan");
        assert!(language.reliable);
        // The English template tag does not stand against a Japanese text.
        let language = detect(JAPANESE_WITH_CODE, Some("en-US"));
        assert_eq!(language.tag, "ja");
        assert_eq!(language.source, LanguageSource::Detected);
    }

    #[test]
    fn script_gate_finds_chinese_among_code_and_navigation() {
        let raw = whatlang::detect(CHINESE_WITH_CODE).map(|i| i.lang());
        assert_ne!(raw, Some(Lang::Cmn));
        let language = detect(CHINESE_WITH_CODE, None);
        assert_eq!(language.tag, "zh-Hans");
        assert_eq!(language.script, "Hans");
        assert_eq!(language.iso639_3, "zho");
        let language = detect(CHINESE_WITH_CODE, Some("zh-CN"));
        assert_eq!(language.tag, "zh-Hans");
        assert_eq!(language.source, LanguageSource::Agreed);
    }

    #[test]
    fn simplified_news_is_zh_hans() {
        let language = detect(SIMPLIFIED_NEWS, Some("zh-CN"));
        assert_eq!(language.tag, "zh-Hans");
        assert_eq!(language.source, LanguageSource::Agreed);
        assert!(language.reliable);
        assert!(language.confidence > 0.9);
        assert_eq!(language.declared.as_deref(), Some("zh-CN"));
        let language = detect(SIMPLIFIED_NEWS, None);
        assert_eq!(language.tag, "zh-Hans");
        assert_eq!(language.source, LanguageSource::Detected);
        assert!(language.reliable);
    }

    #[test]
    fn traditional_news_is_zh_hant() {
        let language = detect(TRADITIONAL_NEWS, None);
        assert_eq!(language.tag, "zh-Hant");
        assert_eq!(language.script, "Hant");
        // A wrong variant in the tag does not stand against a long text.
        let language = detect(TRADITIONAL_NEWS, Some("zh-CN"));
        assert_eq!(language.tag, "zh-Hant");
        assert_eq!(language.source, LanguageSource::Agreed);
        // Nor the other way round.
        let language = detect(SIMPLIFIED_NEWS, Some("zh-TW"));
        assert_eq!(language.tag, "zh-Hans");
    }

    #[test]
    fn undecided_chinese_follows_the_tag_else_simplified() {
        // No character here differs between the two scripts.
        let text = "大山中的天空";
        assert_eq!(VariantCounts::of(text).shown(), None);
        assert_eq!(detect(text, Some("zh-HK")).tag, "zh-Hant");
        assert_eq!(detect(text, Some("zh-CN")).tag, "zh-Hans");
        let language = detect(text, None);
        assert_eq!(language.tag, "zh-Hans");
        assert!(!language.reliable);
        assert!(language.confidence < 0.9);
    }

    #[test]
    fn kanji_only_heading_under_ja_is_japanese() {
        let language = detect("非営利組織", Some("ja"));
        assert_eq!(language.tag, "ja");
        assert_eq!(language.script, "Jpan");
        assert_eq!(language.source, LanguageSource::DeclaredOverride);
        // The same heading with no tag reads as Chinese.
        assert!(detect("非営利組織", None).tag.starts_with("zh"));
        // Any real share of kana is Japanese with no tag at all.
        assert_eq!(detect("東京都の天気予報", None).tag, "ja");
        // A Japanese paragraph under a wrong `zh` tag is Japanese.
        let language = detect(
            "このチュートリアルでは、小さなウェブサーバーを作る方法を説明します。\
             まず新しいプロジェクトを作成してください。",
            Some("zh-CN"),
        );
        assert_eq!(language.tag, "ja");
        assert_eq!(language.source, LanguageSource::Detected);
        // A Chinese paragraph under a wrong `ja` tag is still Chinese.
        let language = detect(SIMPLIFIED_NEWS, Some("ja"));
        assert_eq!(language.tag, "zh-Hans");
        assert_eq!(language.source, LanguageSource::Detected);
    }

    #[test]
    fn wrong_declared_tag_on_a_long_page_yields_to_the_text() {
        let language = detect(GERMAN, Some("en"));
        assert_eq!(language.tag, "de");
        assert_eq!(language.iso639_3, "deu");
        assert_eq!(language.source, LanguageSource::Detected);
        assert!(language.reliable);
        assert_eq!(language.declared.as_deref(), Some("en"));
    }

    #[test]
    fn an_unsure_guess_among_neighbours_does_not_override_the_declaration() {
        // A shop grid of brand and model names, prices and stock labels,
        // declared English: whatlang is unsure and names a Scandinavian
        // language, and lingua, asked only among that group, is sure it
        // is German. Sure within the group is no evidence against `en`.
        let grid = "Sennheiser HD 800S Headphones Sold out Vendor: Sennheiser \
                    Regular price $1,999.95 Sale price $1,999.95\n\
                    Sennheiser HD 560S Back-order Vendor: Sennheiser Regular price $279.95\n\
                    Sennheiser HDB 630 Wireless Headphones Back-order Vendor: Sennheiser \
                    Regular price $499.95 Sale price $499.95\n\
                    Sennheiser HD 600 Headphones Back-order Vendor: Sennheiser \
                    Regular price $499.95 Sale price $499.95\n\
                    Sennheiser Momentum 4 Wireless Vendor: Sennheiser Regular price $349.95\n\
                    Sennheiser IE 900 In-Ear Monitors Vendor: Sennheiser Regular price $1,299.95";
        let language = detect(grid, Some("en"));
        assert_eq!(language.tag, "en", "{language:?}");
    }

    #[test]
    fn region_is_kept_when_the_declaration_agrees() {
        let text = "O governo federal anunciou nesta quarta-feira um novo programa de \
            investimentos em infraestrutura, com obras de saneamento, rodovias e \
            ferrovias em todas as regiões do país.";
        let language = detect(text, Some("pt-BR"));
        assert_eq!(language.tag, "pt-BR");
        assert_eq!(language.source, LanguageSource::Agreed);
        assert_eq!(detect(text, None).tag, "pt");
    }

    #[test]
    fn confusable_pair_is_decided_by_the_tag() {
        // Short Bokmål that whatlang alone calls Danish.
        let text = "Regjeringen vil styrke tilbudet til eldre og legge fram en ny plan for helse.";
        assert_eq!(whatlang::detect(text).map(|i| i.lang()), Some(Lang::Dan));
        let language = detect(text, Some("no"));
        assert_eq!(language.tag, "nb");
        assert_eq!(language.iso639_3, "nob");
        // The second opinion reads Bokmål too; under a Danish tag the tag
        // still decides the short text.
        assert_eq!(language.source, LanguageSource::Agreed);
        assert!(!language.reliable);
        let language = detect(text, Some("da"));
        assert_eq!(language.tag, "da");
        assert_eq!(language.source, LanguageSource::DeclaredOverride);
        assert!(!language.reliable);
    }

    #[test]
    fn confusable_pair_is_decided_by_a_long_text() {
        let text = "Regjeringen la i dag fram forslaget til statsbudsjett for neste år. \
            Finansministeren sa at budsjettet er stramt, men at det likevel gir rom for \
            økte bevilgninger til helse, skole og forsvar. Kommunene får en realvekst i \
            de frie inntektene, noe ordførere over hele landet har etterlyst lenge. \
            Opposisjonen mener derimot at regjeringen ikke gjør nok for å få ned \
            prisveksten, og at mange familier sliter med å få endene til å møtes.\n\n\
            Strømprisene har vært høye i hele vinter, og mange har måttet bruke \
            sparepengene sine på å betale regningene. Regjeringen foreslår derfor en ny \
            ordning med strømstøtte som skal gjelde fra nyttår. Næringslivet er delt i \
            synet på forslaget. Noen bedrifter er fornøyde med at skattene ikke økes, \
            mens andre etterlyser mer satsing på grønn omstilling og ny teknologi.\n\n\
            Sentralbanksjefen har tidligere advart mot at en for ekspansiv finanspolitikk \
            kan føre til at renten må settes enda høyere. Budsjettet skal nå behandles i \
            Stortinget, og det er ventet harde forhandlinger med partiene i sentrum før \
            det kan vedtas i desember.\n\n\
            Statsministeren sa på en pressekonferanse at han er trygg på at regjeringen \
            vil finne flertall for budsjettet, slik den har gjort tidligere år. Han la til \
            at det viktigste nå er å sikre arbeidsplasser over hele landet og å holde \
            kostnadene nede for vanlige folk. Flere økonomer sier at forslaget er \
            ansvarlig, men at det blir krevende å nå målene for klimakutt innen fristen.";
        let language = detect(text, Some("da-DK"));
        assert_eq!(language.tag, "nb");
        assert_eq!(language.source, LanguageSource::Detected);
        // Its first paragraph alone is too short to outweigh the tag.
        let first = text.split("\n\n").next().unwrap_or_default();
        assert_eq!(detect(first, Some("da-DK")).tag, "da-DK");
    }

    #[test]
    fn languages_whatlang_does_not_know_keep_their_tag() {
        // whatlang has no Swahili and calls this Shona with full confidence.
        let text = "Serikali ilitangaza Jumatano mpango mpya wa kujenga maelfu ya \
            nyumba za bei nafuu kote nchini katika miaka mitano ijayo. Halmashauri \
            zitatoa ardhi na makampuni ya ujenzi yatafanya kazi hiyo. Upinzani \
            unasema hatua hizo zimechelewa na hazitoshi kutatua matatizo ya vijana.";
        let raw = whatlang::detect(text).map(|i| (i.lang(), i.is_reliable()));
        assert_eq!(raw, Some((Lang::Sna, true)));
        let language = detect(text, Some("sw"));
        assert_eq!(
            (language.tag.as_str(), language.iso639_3.as_str()),
            ("sw", "swa")
        );
        assert_eq!(language.source, LanguageSource::DeclaredOverride);
        assert!(language.reliable);
        let text = "Kerajaan akan memperkenalkan beberapa langkah baharu bagi membantu \
            rakyat menghadapi kenaikan kos sara hidup, kata Perdana Menteri semalam.";
        let language = detect(text, Some("ms-MY"));
        assert_eq!(language.tag, "ms-MY");
        assert_eq!(language.source, LanguageSource::DeclaredOverride);
        let text = "Vlada Republike Srbije usvojila je danas novi zakon o zaštiti \
            životne sredine, koji predviđa strože kazne za zagađivače.";
        let language = detect(text, Some("sr"));
        assert_eq!(language.tag, "sr-Latn");
        assert_eq!(language.script, "Latn");
    }

    #[test]
    fn other_scripts_go_to_whatlang() {
        let language = detect(
            "Правительство объявило о новых мерах поддержки малого бизнеса в регионах страны.",
            None,
        );
        assert_eq!(
            (language.tag.as_str(), language.script.as_str()),
            ("ru", "Cyrl")
        );
        let language = detect("서울시는 내년부터 대중교통 요금을 인상한다고 밝혔다.", None);
        assert_eq!(
            (language.tag.as_str(), language.script.as_str()),
            ("ko", "Kore")
        );
        let language = detect(
            "הממשלה אישרה היום תוכנית חדשה לחיזוק מערכת הבריאות בפריפריה.",
            Some("iw"),
        );
        assert_eq!(language.tag, "he");
        assert_eq!(language.source, LanguageSource::Agreed);
    }

    #[test]
    fn declared_non_latin_language_lowers_the_gate() {
        // A quarter of the weighted letters are Chinese, the rest English
        // navigation and command names.
        let text = "Docs Pricing Blog Community Download Support Sign in Register\n\n\
            使用命令行工具部署应用程序的步骤\n\n\
            kubectl apply deployment service ingress configmap secret namespace\n\n\
            Privacy Terms Cookies Careers Status";
        assert_eq!(detect(text, None).tag, "en");
        let language = detect(text, Some("zh-CN"));
        assert_eq!(language.tag, "zh-Hans");
        assert_eq!(language.source, LanguageSource::Agreed);
    }

    #[test]
    fn declared_language_in_another_script_yields_even_on_short_text() {
        let language = detect("Привет, как у вас дела сегодня?", Some("en"));
        assert_eq!(language.tag, "ru");
        assert_eq!(language.source, LanguageSource::Detected);
        assert!(!language.reliable);
    }

    #[test]
    fn short_german_is_decided_by_the_second_opinion() {
        // whatlang alone answers Danish at confidence 0.03 (the README's
        // DetectLanguage example).
        let language = detect("Der schnelle braune Fuchs", None);
        assert_eq!(language.tag, "de");
        assert!(!language.reliable);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long_accents = "é".repeat(4_999);
        let long_han_odd = format!("a{}", "中".repeat(5_001));
        let mixed = "\u{feff}\u{200f}\u{0301}x\u{0301}".repeat(900);
        let cases = [
            long_accents.as_str(),
            long_han_odd.as_str(),
            mixed.as_str(),
            "\0\0\0",
            "\u{10FFFF}\u{E000}",
            "ー・ー・",
        ];
        for text in cases {
            for declared in [
                None,
                Some("ja"),
                Some("zh_TW"),
                Some("-"),
                Some("x-klingon"),
            ] {
                let language = detect(text, declared);
                assert!((0.0..=1.0).contains(&language.confidence));
                assert!(!language.tag.is_empty());
            }
        }
    }
}
