//! Label text whose case mapping changes byte lengths (`İ`, KELVIN SIGN,
//! ANGSTROM SIGN, OHM SIGN, `ẞ`, `ſ`, final sigma) in every place a stage
//! matches labels: captions, credits, bylines, dates, titles, meta tags,
//! JSON-LD. No panic in the library (a property test), the CLI batch or the
//! server.

use lede::extract::vocabulary::{
    BOILERPLATE_PHRASES, CAPTION_LABELS, CREDIT_LABELS, PAYWALL_FRAGMENTS,
};
use lede::extract::{Input, Options, extract};
use lede::grpc::pb;
use proptest::prelude::*;

use crate::util::{SMALL_PAGE, TestServer, lede_bin, run};

/// The page that crashed `lede extract`: a figure credit "kaynaK" whose
/// last letter is the KELVIN SIGN, then two `İ`. Lower-casing it keeps the
/// byte length but not the offsets.
pub(crate) const KELVIN_PAGE: &str = "<html><body><article><h1>Haber</h1>\
    <figure><img src=https://i.test/a.jpg width=800 height=600>\
    <figcaption>Bir resim. <span>kayna\u{212a}\u{130}\u{130}</span></figcaption></figure>\
    <p>Bir paragraf, yeterince uzun bir metin.</p></article></body></html>";

/// Characters whose lower or upper case has another length.
const TRICKY: &[&str] = &[
    "\u{130}", "\u{212a}", "\u{212b}", "\u{2126}", "\u{1e9e}", "\u{17f}", "\u{3c2}", "\u{149}",
    "\u{307}", "I", "K", "S", "a", " ", ":", ", ", "|", "/",
];

/// Label words the stages look for besides the public lists: bylines,
/// dates, updates, "next".
const MORE_LABELS: &[&str] = &[
    "by ",
    "von ",
    "written by",
    "author",
    "文/",
    "updated",
    "published",
    "posted",
    "aktualisiert",
    "mis à jour",
    "обновлено",
    "june",
    "juni",
    "mai",
    "ago",
    "hours",
    "just now",
    "next",
    "weiter",
    "kaynak",
    "görsel kaynağı",
];

/// Label text: label words and length-changing characters in any order.
fn label_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(
        CREDIT_LABELS
            .iter()
            .chain(CAPTION_LABELS)
            .chain(BOILERPLATE_PHRASES)
            .chain(PAYWALL_FRAGMENTS)
            .chain(MORE_LABELS)
            .copied()
            .collect::<Vec<_>>(),
    );
    let piece = prop_oneof![
        words.clone().prop_map(str::to_owned),
        words.prop_map(str::to_uppercase),
        prop::sample::select(TRICKY).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 1..8).prop_map(|pieces| pieces.concat())
}

/// A page with `t[i]` in each place a stage reads labels from.
fn page(t: &[String]) -> String {
    let at = |i: usize| t.get(i % t.len().max(1)).map_or("", String::as_str);
    format!(
        r#"<html lang="tr"><head><title>{0} | {1}</title>
        <meta property="og:title" content="{2}"><meta name="author" content="{3}">
        <meta property="article:published_time" content="{4}">
        <meta name="description" content="{5}">
        <script type="application/ld+json">{{"@type":"NewsArticle","headline":"{6}",
          "author":{{"@type":"Person","name":"{7}"}},"datePublished":"{0} 2024","dateModified":"{1}"}}</script>
        </head><body><nav class="{2}"><a href="/n">{3}</a></nav><article><h1>{4}</h1>
        <p class="byline">{5} Ann Lee</p><p>{6}</p><time datetime="{7}">{0} 18 June 2024</time>
        <span>{1}</span> <time>June 19, 2024</time>
        <figure><img src="/a.jpg" width="800" height="600" alt="{2}"><figcaption>{3}
        <span class="credit">{4}</span></figcaption></figure>
        <div><img src="/b.jpg" width="800" height="600"><p><span>{5}</span> <span>{6}</span></p></div>
        <p>{7} The paragraph of a story that is long enough to be its body, with words.</p>
        <h2>{0}</h2><p>{1}: more words of the story follow here, in a second paragraph.</p>
        <div class="{2}">{3}</div><ul><li>{4}</li><li><a href="/r">{5}</a></li></ul>
        <a class="next" href="/2">{6}</a></article></body></html>"#,
        at(0),
        at(1),
        at(2),
        at(3),
        at(4),
        at(5),
        at(6),
        at(7),
    )
}

fn extract_all_outputs(html: &str) {
    let input = Input {
        html: html.as_bytes(),
        url: Some("https://haber.example/a/b"),
        content_type: None,
    };
    let options = Options {
        include_html: true,
        include_markdown: true,
        ..Options::default()
    };
    let _ = extract(&input, &options);
}

#[test]
fn the_kelvin_page_extracts_in_the_library() {
    let article = extract(
        &Input {
            html: KELVIN_PAGE.as_bytes(),
            ..Input::default()
        },
        &Options::default(),
    )
    .expect("an article");
    assert_eq!(article.title.as_deref(), Some("Haber"));
}

#[test]
fn every_label_with_length_changing_neighbours_extracts() {
    for label in CREDIT_LABELS
        .iter()
        .chain(CAPTION_LABELS)
        .chain(BOILERPLATE_PHRASES)
        .chain(PAYWALL_FRAGMENTS)
        .chain(MORE_LABELS)
    {
        let upper = label.to_uppercase();
        let kelvin = label.replace('k', "\u{212a}");
        let texts: Vec<String> = [label.to_string(), upper, kelvin]
            .iter()
            .flat_map(|l| {
                [
                    format!("{l}\u{130}\u{130}"),
                    format!("{l}: \u{212a}\u{130}"),
                    format!("\u{130}{l}\u{3c2}"),
                    format!("{l} \u{1e9e}\u{17f}\u{212b}\u{2126}"),
                ]
            })
            .collect();
        extract_all_outputs(&page(&texts));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn label_text_with_length_changing_characters_never_panics(
        texts in prop::collection::vec(label_text(), 8)
    ) {
        extract_all_outputs(&page(&texts));
    }
}

#[tokio::test]
async fn the_kelvin_page_extracts_on_the_server() {
    let server = TestServer::start().await;
    let answer = server
        .client()
        .await
        .extract(pb::ExtractRequest {
            id: "kelvin".to_owned(),
            html: KELVIN_PAGE.as_bytes().to_vec(),
            ..Default::default()
        })
        .await
        .expect("an answer, not a status")
        .into_inner();
    let article = answer.article.expect("an article");
    assert_eq!(article.title, "Haber");
}

#[tokio::test]
async fn the_kelvin_page_extracts_in_a_cli_batch() {
    let dir = std::env::temp_dir().join(format!("lede-casefold-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    for i in 0..6 {
        std::fs::write(dir.join(format!("{i}-good.html")), SMALL_PAGE).expect("write");
    }
    std::fs::write(dir.join("3-kelvin.html"), KELVIN_PAGE).expect("write");
    let dir_arg = dir.to_str().expect("a UTF-8 path");
    let output = run(lede_bin(), &["extract", dir_arg, "--jobs", "2"], b"").await;
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 7, "{stdout}");
    assert!(lines.iter().all(|l| l["article"].is_object()), "{stdout}");
    assert_eq!(lines[4]["article"]["title"], "Haber", "{stdout}");
}

/// The entries of a libFuzzer dictionary, unescaped.
fn dictionary_entries(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.strip_suffix('"'))
        .map(|entry| {
            // `\xNN` escapes a byte; any other `\c` stands for `c`.
            let mut bytes = Vec::new();
            let mut rest = entry.as_bytes();
            while let Some((&b, tail)) = rest.split_first() {
                rest = tail;
                if b != b'\\' {
                    bytes.push(b);
                    continue;
                }
                match rest {
                    [b'x', hi, lo, after @ ..] => {
                        let hex = std::str::from_utf8(&[*hi, *lo])
                            .expect("ASCII hex")
                            .to_owned();
                        bytes.push(u8::from_str_radix(&hex, 16).expect("a hex byte"));
                        rest = after;
                    }
                    [c, after @ ..] => {
                        bytes.push(*c);
                        rest = after;
                    }
                    [] => {}
                }
            }
            String::from_utf8(bytes).expect("UTF-8 entries")
        })
        .collect()
}

#[test]
fn the_fuzz_dictionary_holds_every_label_and_length_changing_character() {
    let text = std::fs::read_to_string(crate::util::repo().join("fuzz/lede.dict"))
        .expect("fuzz/lede.dict");
    let entries = dictionary_entries(&text);
    for label in CREDIT_LABELS
        .iter()
        .chain(CAPTION_LABELS)
        .chain(BOILERPLATE_PHRASES)
        .chain(PAYWALL_FRAGMENTS)
        .chain(MORE_LABELS.iter().filter(|l| !l.ends_with(' ')))
    {
        assert!(
            entries.iter().any(|e| e == label),
            "fuzz/lede.dict lacks {label:?}"
        );
    }
    for c in TRICKY.iter().take(8) {
        assert!(entries.iter().any(|e| e == c), "fuzz/lede.dict lacks {c:?}");
    }
}
