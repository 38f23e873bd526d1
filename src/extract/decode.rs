//! Bytes to UTF-8 text. Tells HTML from other formats, enforces the byte
//! limit, and picks the encoding: BOM, then the transport's charset, then
//! `<meta charset>` / `http-equiv`, then detection (chardetng). A declared
//! charset the bytes contradict (a "UTF-8" page that is not valid UTF-8, or a
//! legacy label on valid multi-byte UTF-8) loses to the evidence.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

use crate::extract::error::{ErrorKind, ExtractError};
use crate::extract::options::Options;

/// How many leading bytes are scanned for `<meta charset>` (the HTML
/// standard's prescan looks at 1024; real pages put long `<head>`s first).
const META_PRESCAN_BYTES: usize = 4096;
/// How many leading bytes are inspected to recognise non-HTML formats.
const SNIFF_BYTES: usize = 1024;

/// Input starting with these bytes makes extraction panic, when the crate is
/// built with the test-only `fault-injection` feature: the tests use it to
/// show that a panic fails its own request and nothing else.
#[cfg(feature = "fault-injection")]
pub const PANIC_MARKER: &[u8] = b"<!--lede:panic-->";

/// Decoded text and the encoding it was decoded from.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text as UTF-8: the input itself when it was UTF-8 already (no
    /// copy of the page), else the decoded text.
    pub text: Cow<'a, str>,
    /// The encoding used.
    pub encoding: &'static Encoding,
}

/// Decodes `bytes` to UTF-8, given the transport's `content_type` if any.
///
/// # Errors
///
/// [`ErrorKind::Empty`] for empty or whitespace-only input,
/// [`ErrorKind::TooLarge`] over `options.max_input_bytes`, and
/// [`ErrorKind::NotHtml`] for recognisable non-HTML formats.
pub fn to_utf8<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
    options: &Options,
) -> Result<Decoded<'a>, ExtractError> {
    if bytes.len() > options.max_input_bytes {
        return Err(ExtractError::new(
            ErrorKind::TooLarge,
            format!(
                "input too large (found {} bytes, maximum {})",
                bytes.len(),
                options.max_input_bytes
            ),
        ));
    }
    #[cfg(feature = "fault-injection")]
    if bytes.starts_with(PANIC_MARKER) {
        panic!("fault injected by the test marker");
    }
    sniff(bytes)?;
    let encoding = choose_encoding(bytes, content_type);
    let (text, _, _) = encoding.decode(bytes);
    Ok(Decoded { text, encoding })
}

/// Rejects empty input and formats that are recognisably not HTML.
fn sniff(bytes: &[u8]) -> Result<(), ExtractError> {
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .ok_or_else(|| ExtractError::new(ErrorKind::Empty, "input is empty or only whitespace"))?;
    let rest = bytes.get(start..).unwrap_or_default();
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"RIFF", "a RIFF file (WebP image or media)"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
        (
            b"\x28\xb5\x2f\xfd",
            "zstd-compressed data (decompress it first)",
        ),
        (b"%!PS", "a PostScript document"),
        (b"\xd0\xcf\x11\xe0", "an OLE document (legacy Office)"),
    ];
    for (magic, what) in SIGNATURES {
        if rest.starts_with(magic) {
            return Err(not_html(what));
        }
    }
    if matches!(rest.first(), Some(b'{' | b'[')) && !head.contains(&b'<') {
        return Err(not_html("JSON data"));
    }
    let is_utf16 = bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
    if !is_utf16 {
        let controls = head
            .iter()
            .filter(|&&b| b == 0 || (b < 0x09) || (0x0e..0x1b).contains(&b))
            .count();
        if controls * 10 > head.len() || head.contains(&0) && controls * 100 > head.len() {
            return Err(not_html("binary data"));
        }
    }
    if !head.contains(&b'<') && !bytes.contains(&b'<') {
        return Err(not_html("plain text without any markup"));
    }
    Ok(())
}

fn not_html(what: &str) -> ExtractError {
    ExtractError::new(
        ErrorKind::NotHtml,
        format!("input is not HTML: it looks like {what}"),
    )
}

/// Picks the encoding by the precedence in the module docs.
fn choose_encoding(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| meta_charset(bytes.get(..META_PRESCAN_BYTES).unwrap_or(bytes)));
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    match declared {
        // A UTF-16 label on a document without a BOM is always a mistake in
        // practice (the HTML standard maps it to UTF-8 too).
        Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => {
            if valid_utf8 {
                UTF_8
            } else {
                detect(bytes)
            }
        }
        Some(enc) if enc == UTF_8 => {
            if valid_utf8 {
                UTF_8
            } else {
                detect(bytes)
            }
        }
        Some(enc) => {
            // Valid UTF-8 with multi-byte sequences is vanishingly unlikely in
            // a legacy encoding: the label is wrong.
            if valid_utf8 && !bytes.is_ascii() {
                UTF_8
            } else {
                enc
            }
        }
        None if valid_utf8 => UTF_8,
        None => detect(bytes),
    }
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The `charset` parameter of a Content-Type value.
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

/// Finds `charset=` inside a `<meta` tag of the prescan window.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = lower.get(from..).and_then(|l| find(l, b"<meta")) {
        let tag_start = from + pos;
        let tag = lower.get(tag_start..).unwrap_or_default();
        let tag_end = find(tag, b">").map_or(lower.len(), |e| tag_start + e);
        let tag = tag.get(..tag_end - tag_start).unwrap_or(tag);
        if let Some(cs) = find(tag, b"charset") {
            let after = tag.get(cs + b"charset".len()..).unwrap_or_default();
            let after = trim_ascii_start(after);
            if let Some(value) = after.strip_prefix(b"=") {
                let value = trim_ascii_start(value);
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let end = value
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(value.len());
                if let Some(enc) = Encoding::for_label(value.get(..end).unwrap_or(value)) {
                    return Some(enc);
                }
            }
        }
        from = tag_end;
    }
    None
}

fn trim_ascii_start(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    s.get(start..).unwrap_or_default()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode<'a>(bytes: &'a [u8], ct: Option<&str>) -> Result<Decoded<'a>, ExtractError> {
        to_utf8(bytes, ct, &Options::default())
    }

    #[test]
    fn rejects_empty_and_whitespace() {
        assert_eq!(decode(b"", None).unwrap_err().kind(), ErrorKind::Empty);
        assert_eq!(
            decode(b" \n\t ", None).unwrap_err().kind(),
            ErrorKind::Empty
        );
    }

    #[test]
    fn rejects_non_html_formats() {
        for bytes in [
            &b"%PDF-1.7\n%..."[..],
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            b"  {\"a\": 1}",
            b"\0\x01\x02\x03\x04\x05binary",
        ] {
            assert_eq!(decode(bytes, None).unwrap_err().kind(), ErrorKind::NotHtml);
        }
        let err = decode(b"%PDF-1.4", None).unwrap_err();
        assert!(err.message().contains("PDF"), "{err}");
    }

    #[test]
    fn enforces_the_byte_limit() {
        let options = Options {
            max_input_bytes: 4,
            ..Options::default()
        };
        let err = to_utf8(b"<p>hello</p>", None, &options).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TooLarge);
    }

    #[test]
    fn transport_charset_decodes_gbk() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<p>中文内容</p>");
        let d = decode(&bytes, Some("text/html; charset=gbk")).unwrap();
        assert_eq!(d.text, "<p>中文内容</p>");
    }

    #[test]
    fn meta_charset_decodes_shift_jis() {
        let (bytes, _, _) =
            encoding_rs::SHIFT_JIS.encode("<meta charset=\"shift_jis\"><p>日本語の記事です</p>");
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.contains("日本語の記事です"));
    }

    #[test]
    fn wrong_utf8_label_falls_back_to_detection() {
        let (bytes, _, _) = encoding_rs::GBK.encode(
            "<html><body><p>这是一个关于经济合作的新闻报道，内容很长，足够让检测器判断编码。</p></body></html>",
        );
        let d = decode(&bytes, Some("text/html; charset=utf-8")).unwrap();
        assert!(d.text.contains("经济合作"), "{}", d.text);
    }

    #[test]
    fn legacy_label_on_utf8_is_ignored() {
        let d = decode(
            "<p>Grüße aus Köln</p>".as_bytes(),
            Some("text/html; charset=iso-8859-1"),
        )
        .unwrap();
        assert_eq!(d.text, "<p>Grüße aus Köln</p>");
    }

    #[test]
    fn invalid_utf8_never_fails() {
        let d = decode(b"<p>\xff\xfe\xfd ok</p>", None).unwrap();
        assert!(d.text.contains("ok"));
    }
}
