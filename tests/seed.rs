//! The seed article of issue 2 (a BBC Chinese news page in the snapshot
//! format), read from `../shared/seed/` (or `$LEDE_SHARED_DIR/seed/`): one
//! test per fact the issue lists, on what `lede extract` prints, and a golden
//! file of the whole article.
//!
//! The golden file is `tests/fixtures/seed/expected.json`; regenerate it with
//! `LEDE_UPDATE_GOLDEN=1 cargo test seed::golden` and review the diff.

use std::sync::OnceLock;

use serde_json::Value;

use lede::grpc::pb;

use crate::util::{TestServer, json_eq, lede_bin, repo, seed_path};

const GOLDEN: &str = "tests/fixtures/seed/expected.json";

const TITLE: &str = "普京会晤金正恩的三大理由：军事、经济及文化合作";
const URL: &str = "https://www.bbc.com/zhongwen/simp/world-69127415";
const HEADINGS: [&str; 4] = [
    "军事：俄罗斯需要武器，朝鲜需要技术",
    "经济：俄罗斯需要劳动力，朝鲜需要外汇",
    "文化：赴朝旅游出现井喷？",
    "此次访问和24年前有何不同？",
];
const PARAGRAPHS_PER_SECTION: [usize; 5] = [9, 11, 6, 11, 9];
const STANDFIRST: &str = "俄罗斯总统普京周二（6月18日）到访朝鲜。克里姆林宫已经确认了这一消息，之前对于这次访问的传闻持续了数月。";
const CAPTIONS: [&str; 5] = [
    "",
    "美国最近授权乌克兰使用美制武器攻击俄罗斯领土。",
    "俄罗斯需要得到劳动力来重建战争中被摧毁的基础设施，以及恢复经济。",
    "外国游客的到访可能帮助软化了朝鲜在国际社会上封闭危险的形象。",
    "普京和金正日",
];
const RELATED: [(&str, &str); 5] = [
    (
        "https://www.bbc.com/zhongwen/simp/world-69124999",
        "为何被视为普京挑衅西方之举",
    ),
    (
        "https://www.bbc.com/zhongwen/simp/world-66806764",
        "他们究竟谈了些什么",
    ),
    (
        "https://www.bbc.com/zhongwen/simp/world-62853214",
        "乌克兰战争中的平壤与莫斯科关系",
    ),
    (
        "https://www.bbc.com/zhongwen/simp/world-48052306",
        "走进朝鲜人在俄罗斯工作的秘密世界",
    ),
    (
        "https://www.bbc.com/zhongwen/simp/world-66726909",
        "金正恩与普京“结盟”为何会令人担忧",
    ),
];

/// The seed's `article`, as `lede extract` prints it; `None` (skip) when the
/// seed is absent.
fn article() -> Option<&'static Value> {
    static ARTICLE: OnceLock<Option<Value>> = OnceLock::new();
    ARTICLE
        .get_or_init(|| {
            let seed = seed_path()?;
            let output = std::process::Command::new(lede_bin())
                .arg("extract")
                .arg(&seed)
                .output()
                .expect("lede extract runs");
            assert!(
                output.status.success(),
                "lede extract {} failed: {}",
                seed.display(),
                String::from_utf8_lossy(&output.stderr)
            );
            let response: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
            Some(response["article"].clone())
        })
        .as_ref()
}

/// A string field, `""` when absent (the proto3 JSON mapping omits defaults).
fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// An array field, empty when absent.
fn array_of<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A number field, 0 when absent.
fn u64_of(value: &Value, key: &str) -> u64 {
    value.get(key).and_then(Value::as_u64).unwrap_or(0)
}

/// The body text.
fn body_text(article: &Value) -> &str {
    str_of(article, "text")
}

/// The paragraph texts directly under a section.
fn paragraphs(section: &Value) -> Vec<&str> {
    array_of(section, "blocks")
        .iter()
        .filter_map(|block| block.get("paragraph"))
        .map(|p| str_of(p, "text"))
        .collect()
}

#[test]
fn title() {
    let Some(article) = article() else { return };
    assert_eq!(str_of(article, "title"), TITLE);
}

#[test]
fn url() {
    let Some(article) = article() else { return };
    assert_eq!(str_of(article, "url"), URL);
}

#[test]
fn capture_time_is_article_captured_time() {
    let Some(article) = article() else { return };
    assert_eq!(str_of(article, "capturedTime"), "2024-06-18T06:43:02Z");
}

#[test]
fn authors_include_juna_moon() {
    let Some(article) = article() else { return };
    let names: Vec<&str> = array_of(article, "authors")
        .iter()
        .map(|a| str_of(a, "name"))
        .collect();
    assert!(names.contains(&"Juna Moon"), "authors: {names:?}");
}

#[test]
fn the_desk_is_not_body_text() {
    let Some(article) = article() else { return };
    assert!(!body_text(article).contains("BBC韩语"));
}

#[test]
fn published_on_the_day_of_the_time_element() {
    let Some(article) = article() else { return };
    let published = str_of(article, "publishedTime");
    assert!(
        published.starts_with("2024-06-18"),
        "publishedTime: {published:?}"
    );
}

#[test]
fn published_from_the_relative_time_and_the_capture_time_with_both_sources() {
    let Some(article) = article() else { return };
    assert_eq!(str_of(article, "publishedTime"), "2024-06-18T06:26:02Z");
    let published = &article["published"];
    assert_eq!(str_of(published, "value"), "2024-06-18T06:26:02Z");
    assert_eq!(str_of(published, "raw"), "17 分钟前");
    assert_eq!(str_of(published, "source"), "SOURCE_VISIBLE_DATE");
    assert_eq!(str_of(published, "precision"), "DATE_PRECISION_SECOND");
    assert_eq!(str_of(published, "zone"), "Z");
    // The `<time dateTime="2024-06-18">` day is recorded as the agreeing
    // second source.
    let provenance = &article["provenance"]["published"];
    assert_eq!(str_of(provenance, "source"), "SOURCE_VISIBLE_DATE");
    let agreeing: Vec<(&str, &str)> = array_of(provenance, "alternatives")
        .iter()
        .filter(|a| a["agrees"] == Value::Bool(true))
        .map(|a| (str_of(a, "source"), str_of(a, "value")))
        .collect();
    assert_eq!(agreeing, [("SOURCE_TIME_ELEMENT", "2024-06-18")]);
    // Agreement makes it more trusted than the attribute alone.
    let confidence = provenance["confidence"].as_f64().unwrap_or(0.0);
    assert!(confidence > 0.7, "confidence {confidence}");
}

#[test]
fn provenance_of_title_url_authors_and_language() {
    let Some(article) = article() else { return };
    let provenance = &article["provenance"];
    assert_eq!(
        str_of(&provenance["title"], "source"),
        "SOURCE_SNAPSHOT_PRELUDE"
    );
    assert_eq!(
        str_of(&provenance["canonicalUrl"], "source"),
        "SOURCE_SNAPSHOT_PRELUDE"
    );
    assert_eq!(str_of(&provenance["authors"], "source"), "SOURCE_BYLINE");
    assert_eq!(str_of(&provenance["language"], "source"), "SOURCE_DETECTOR");
    assert_eq!(str_of(&provenance["language"], "raw"), "zh-Hans");
}

#[test]
fn flags_say_a_free_article_of_a_few_minutes() {
    let Some(article) = article() else { return };
    let flags = &article["flags"];
    assert_eq!(flags["isArticle"], Value::Bool(true));
    assert!(flags["readerableScore"].as_f64().unwrap_or(0.0) > 0.5);
    assert!(flags.get("isPaywalled").is_none(), "{flags}");
    // About 1,900 CJK characters: between three and five minutes.
    let seconds = u64_of(flags, "readingTimeSeconds");
    assert!((180..=300).contains(&seconds), "{seconds} s");
}

#[test]
fn language_is_simplified_chinese() {
    let Some(article) = article() else { return };
    assert_eq!(str_of(&article["language"], "tag"), "zh-Hans");
}

#[test]
fn sections_are_an_untitled_lead_then_four_level_2_headings() {
    let Some(article) = article() else { return };
    let outline: Vec<(&str, u64)> = array_of(article, "sections")
        .iter()
        .map(|s| (str_of(s, "heading"), u64_of(s, "level")))
        .collect();
    let mut expected = vec![("", 0)];
    expected.extend(HEADINGS.iter().map(|h| (*h, 2)));
    assert_eq!(outline, expected);
}

#[test]
fn paragraph_counts_per_section() {
    let Some(article) = article() else { return };
    let counts: Vec<usize> = array_of(article, "sections")
        .iter()
        .map(|s| paragraphs(s).len())
        .collect();
    assert_eq!(counts, PARAGRAPHS_PER_SECTION);
    assert_eq!(counts.iter().sum::<usize>(), 46);
}

#[test]
fn the_bold_standfirst_is_the_first_paragraph() {
    let Some(article) = article() else { return };
    let first = array_of(article, "sections")
        .first()
        .and_then(|s| paragraphs(s).first().copied());
    assert_eq!(first, Some(STANDFIRST));
}

#[test]
fn five_figures_one_per_section_where_they_stand() {
    let Some(article) = article() else { return };
    let figures = array_of(article, "figures");
    assert_eq!(figures.len(), 5);
    let sections = array_of(article, "sections");
    assert_eq!(sections.len(), 5);
    for (i, section) in sections.iter().enumerate() {
        let blocks = array_of(section, "blocks");
        let in_section: Vec<&Value> = blocks.iter().filter_map(|b| b.get("figure")).collect();
        assert_eq!(in_section.len(), 1, "section {i} holds one figure");
        // Each image comes first under its heading (before the section's
        // first paragraph) in the page.
        assert_eq!(blocks[0].get("figure"), Some(&figures[i]), "section {i}");
    }
}

#[test]
fn figures_have_their_srcset_size_and_decoded_alt() {
    let Some(article) = article() else { return };
    let figures = array_of(article, "figures");
    assert_eq!(figures.len(), 5);
    for (i, figure) in figures.iter().enumerate() {
        let image = &figure["image"];
        let widths: Vec<u64> = array_of(image, "srcset")
            .iter()
            .map(|c| u64_of(c, "width"))
            .collect();
        assert_eq!(widths, [240, 320, 480, 624, 800], "figure {i}");
        assert!(
            array_of(image, "srcset")
                .iter()
                .all(|c| str_of(c, "url").starts_with("https://")),
            "figure {i}"
        );
        assert_eq!(
            (u64_of(image, "width"), u64_of(image, "height")),
            (976, 549),
            "figure {i}"
        );
        let alt = str_of(image, "alt");
        assert!(
            !alt.is_empty() && !alt.contains("&#"),
            "figure {i} alt: {alt:?}"
        );
    }
    let third = str_of(&figures[2]["image"], "alt");
    assert!(
        third.starts_with("'Koryo', a North Korean restaurant"),
        "third alt: {third:?}"
    );
}

#[test]
fn figures_have_getty_credits_without_label() {
    let Some(article) = article() else { return };
    let credits: Vec<&str> = array_of(article, "figures")
        .iter()
        .map(|f| str_of(f, "credit"))
        .collect();
    assert_eq!(credits, ["Getty Images"; 5]);
}

#[test]
fn figure_captions() {
    let Some(article) = article() else { return };
    let captions: Vec<&str> = array_of(article, "figures")
        .iter()
        .map(|f| str_of(f, "caption"))
        .collect();
    assert_eq!(captions, CAPTIONS);
}

#[test]
fn related_links_are_the_five_stories_with_absolute_urls() {
    let Some(article) = article() else { return };
    let links = array_of(article, "relatedLinks");
    let urls: Vec<&str> = links.iter().map(|l| str_of(l, "url")).collect();
    let expected: Vec<&str> = RELATED.iter().map(|(url, _)| *url).collect();
    assert_eq!(urls, expected);
    for (link, (_, title_part)) in links.iter().zip(RELATED) {
        assert!(str_of(link, "text").contains(title_part), "{link}");
    }
}

#[test]
fn boilerplate_is_not_body_text() {
    let Some(article) = article() else { return };
    let text = body_text(article);
    assert!(!text.is_empty(), "the body text is empty");
    for needle in ["广告", "图像来源", "17 分钟前", "Juna Moon", "BBC韩语"] {
        assert!(!text.contains(needle), "body text contains {needle:?}");
    }
    for (_, title_part) in RELATED {
        assert!(
            !text.contains(title_part),
            "body text contains the related story {title_part:?}"
        );
    }
}

#[tokio::test]
async fn the_rpc_answers_what_the_cli_prints() {
    let Some(seed) = seed_path() else { return };
    let Some(printed) = article() else { return };
    let server = TestServer::start().await;
    let response = server
        .client()
        .await
        .extract(pb::ExtractRequest {
            html: std::fs::read(&seed).expect("the seed reads"),
            ..Default::default()
        })
        .await
        .expect("Extract answers")
        .into_inner();
    let answered = serde_json::to_value(response.article).expect("serialisable");
    assert!(
        json_eq(&answered, printed),
        "RPC:\n{answered:#}\nCLI:\n{printed:#}"
    );
}

#[test]
fn golden() {
    let Some(article) = article() else { return };
    let current = format!(
        "{}\n",
        serde_json::to_string_pretty(article).expect("serialisable")
    );
    let path = repo().join(GOLDEN);
    if std::env::var_os("LEDE_UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("the fixtures directory is created");
        }
        std::fs::write(&path, &current).expect("the golden file writes");
        eprintln!("wrote {}", path.display());
        return;
    }
    let Ok(expected) = std::fs::read_to_string(&path) else {
        panic!(
            "the golden file {GOLDEN} is missing: generate it with \
             `LEDE_UPDATE_GOLDEN=1 cargo test seed::golden`, then review it"
        );
    };
    if expected != current {
        let line = expected
            .lines()
            .zip(current.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(current.lines().count()));
        panic!(
            "the seed's article differs from {GOLDEN} at line {}:\n  expected: {}\n  current:  {}\n\
             If the change is intended, regenerate with \
             `LEDE_UPDATE_GOLDEN=1 cargo test seed::golden` and review the diff.",
            line + 1,
            expected.lines().nth(line).unwrap_or("<end of file>"),
            current.lines().nth(line).unwrap_or("<end of file>"),
        );
    }
}
