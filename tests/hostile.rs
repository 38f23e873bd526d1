//! Hostile inputs over a real socket, each with its exact status or result:
//! what a crawler may hand lede on a bad day. The heavy cases (50 MB, a
//! million elements, 100,000 levels) also bound their time, so that a
//! regression to super-linear cost fails here rather than in production.

use std::time::{Duration, Instant};

use bytes::{BufMut, Bytes, BytesMut};
use http_body_util::{BodyExt, Full};
use lede::config::Config;
use lede::grpc::pb;
use tonic::Code;
use tonic::codegen::{Service, http};
use tonic_types::StatusExt;

use crate::util::TestServer;

/// Time allowed to the heavy cases, generous for a debug build on a busy
/// two-core machine; each takes a few seconds in release.
const HEAVY: Duration = Duration::from_secs(60);

fn request(html: Vec<u8>) -> pb::ExtractRequest {
    pb::ExtractRequest {
        id: "hostile".to_owned(),
        html,
        ..Default::default()
    }
}

/// Extracts `html` on `server`; the article or the status, and the time taken.
async fn extract(
    server: &TestServer,
    html: Vec<u8>,
) -> (Result<pb::Article, tonic::Status>, Duration) {
    let started = Instant::now();
    let outcome = server
        .client()
        .await
        .extract(request(html))
        .await
        .map(|r| r.into_inner().article.expect("an article on success"));
    (outcome, started.elapsed())
}

/// Asserts an INVALID_ARGUMENT blaming `html` whose message contains `what`.
fn assert_invalid_html(outcome: Result<pb::Article, tonic::Status>, what: &str) {
    let status = outcome.expect_err("the input is refused");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(status.message().contains(what), "{status:?}");
    let details = status.get_error_details();
    let violations = details.bad_request().expect("a BadRequest detail");
    assert_eq!(violations.field_violations[0].field, "html");
}

#[tokio::test]
async fn empty_input_is_invalid_argument() {
    let server = TestServer::start().await;
    let (outcome, _) = extract(&server, Vec::new()).await;
    assert_invalid_html(outcome, "empty");
}

#[tokio::test]
async fn whitespace_is_invalid_argument() {
    let server = TestServer::start().await;
    let (outcome, _) = extract(&server, b" \t\r\n\x0c  \n".to_vec()).await;
    assert_invalid_html(outcome, "only whitespace");
}

#[tokio::test]
async fn a_pdf_png_and_json_are_invalid_argument() {
    let server = TestServer::start().await;
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    assert_invalid_html(extract(&server, pdf).await.0, "a PDF document");
    let png =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    assert_invalid_html(extract(&server, png).await.0, "a PNG image");
    let json = br#"{"title": "not a page", "body": "some text", "tags": ["a", "b"]}"#.to_vec();
    assert_invalid_html(extract(&server, json).await.0, "JSON data");
}

#[tokio::test]
async fn invalid_utf8_is_extracted_not_refused() {
    let server = TestServer::start().await;
    let mut html = b"<html><head><meta charset=utf-8><title>Broken bytes</title></head><body><article>\
        <h1>Broken bytes</h1><p>This paragraph has a stray byte \xff here and a cut sequence \xe2\x82 there, \
        yet the rest of its words must come through to the article text all the same.</p>"
        .to_vec();
    html.extend_from_slice(
        b"<p>A second paragraph in plain ASCII ends the article without trouble.</p></article>",
    );
    let (outcome, _) = extract(&server, html).await;
    let article = outcome.expect("invalid UTF-8 still extracts");
    assert!(
        article.text.contains("yet the rest of its words"),
        "{}",
        article.text
    );
    assert!(
        article.text.contains("A second paragraph"),
        "{}",
        article.text
    );
}

#[tokio::test]
async fn nesting_100_000_deep_finishes_quickly() {
    let server = patient_server().await;
    let depth = 100_000;
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str("The text at the bottom of a very deep page of nested divisions.");
    html.push_str(&"</div>".repeat(depth));
    let (outcome, elapsed) = extract(&server, html.into_bytes()).await;
    let article = outcome.expect("deep nesting extracts");
    assert!(
        article.text.contains("at the bottom of a very deep page"),
        "{}",
        article.text
    );
    assert!(elapsed < HEAVY, "took {elapsed:?}");
}

#[tokio::test]
async fn thirty_thousand_streamed_parts_and_link_lists_finish_quickly() {
    // React streaming placeholders and their parts, in reverse order, and
    // sibling link lists each under a heading: each is matched or looked
    // back from once, never against all the others.
    let server = patient_server().await;
    let n = 30_000;
    let mut html = String::from("<html><body><main>");
    for k in 0..n {
        html.push_str(&format!(
            "<!--$?--><template id=\"B:{k:x}\"></template><!--/$-->"
        ));
    }
    for k in 0..n {
        html.push_str(&format!(
            "<h3>Part {k}</h3><ul><li><a href=/{k}>Link {k}</a></li></ul>"
        ));
    }
    html.push_str("</main>");
    for k in (0..n).rev() {
        html.push_str(&format!(
            "<div hidden id=\"S:{k:x}\"><p>Streamed paragraph {k}.</p></div>"
        ));
    }
    let (outcome, elapsed) = extract(&server, html.into_bytes()).await;
    let article = outcome.expect("a streamed page extracts");
    assert!(
        article.text.contains("Streamed paragraph 29999."),
        "{}",
        &article.text[..200.min(article.text.len())]
    );
    assert!(elapsed < HEAVY, "took {elapsed:?}");
}

/// A server whose own deadline does not cut the heavy cases short on a busy
/// machine: they bound their time themselves.
async fn patient_server() -> TestServer {
    TestServer::with_config(Config {
        request_timeout: HEAVY * 2,
        ..Config::default()
    })
    .await
}

#[tokio::test]
async fn one_text_node_of_50_mb_is_cut() {
    let server = patient_server().await;
    let mut html = b"<html><body><article><p>".to_vec();
    let words = b"lorem ipsum dolor sit amet ";
    while html.len() < 50_000_000 {
        html.extend_from_slice(words);
    }
    html.extend_from_slice(b"</p></article></body></html>");
    let (outcome, elapsed) = extract(&server, html).await;
    let article = outcome.expect("a huge text node extracts");
    let cap = lede::extract::options::DEFAULT_MAX_TEXT_NODE_BYTES;
    assert!(article.text.len() <= cap, "{} bytes", article.text.len());
    assert!(article.text.len() > cap / 2, "{} bytes", article.text.len());
    assert!(article.text.starts_with("lorem ipsum"));
    assert!(elapsed < HEAVY, "took {elapsed:?}");
}

#[tokio::test]
async fn an_attribute_of_10_mb_is_dropped() {
    let server = patient_server().await;
    let mut html = b"<html><body><article><h1>A page with a heavy image</h1>\
        <p>The paragraph before the image says enough to make this an article of a few words.</p>\
        <figure><img src=\"data:image/png;base64,"
        .to_vec();
    html.resize(html.len() + 10 * 1024 * 1024, b'A');
    html.extend_from_slice(
        b"\"><figcaption>The caption</figcaption></figure>\
        <p>The paragraph after the image closes the article with a few more words.</p></article>",
    );
    let (outcome, elapsed) = extract(&server, html).await;
    let article = outcome.expect("a huge attribute extracts");
    assert!(
        article.text.contains("paragraph after the image"),
        "{}",
        article.text
    );
    assert!(
        article
            .figures
            .iter()
            .all(|f| f.image.as_ref().is_none_or(|i| i.src.len() < 1024)),
        "the 10 MB source was kept"
    );
    assert!(elapsed < HEAVY, "took {elapsed:?}");
}

#[tokio::test]
async fn a_million_sibling_elements_are_resource_exhausted() {
    let server = patient_server().await;
    let html = "<i></i>".repeat(1_000_000).into_bytes();
    let (outcome, elapsed) = extract(&server, html).await;
    let status = outcome.expect_err("a million elements are refused");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().contains("too many elements"), "{status:?}");
    assert!(elapsed < HEAVY, "took {elapsed:?}");
}

#[tokio::test]
async fn a_request_over_the_size_limit_is_resource_exhausted() {
    // tonic refuses it as OUT_OF_RANGE; the server answers as gRPC's core
    // libraries do.
    let server = TestServer::with_config(Config {
        max_message_bytes: 1024 * 1024,
        ..Config::default()
    })
    .await;
    let (outcome, _) = extract(&server, vec![b'x'; 2 * 1024 * 1024]).await;
    let status = outcome.expect_err("an oversize message is refused");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().contains("too large"), "{status:?}");
}

#[tokio::test]
async fn a_deadline_shorter_than_the_extraction_is_deadline_exceeded() {
    // The server's own deadline: tonic's client answers its `grpc-timeout`
    // itself (CANCELLED, "Timeout expired") at the same instant as the
    // server, so the server's answer is seen only under its own deadline.
    let server = TestServer::with_config(Config {
        request_timeout: Duration::from_millis(20),
        ..Config::default()
    })
    .await;
    // A page that takes well over 20 ms to extract.
    let html = "<p>Some words of a paragraph that repeats.</p>".repeat(20_000);
    let (outcome, elapsed) = extract(&server, html.into_bytes()).await;
    let status = outcome.expect_err("the deadline passes first");
    assert_eq!(status.code(), Code::DeadlineExceeded, "{status:?}");
    assert!(
        elapsed < Duration::from_secs(5),
        "answered after {elapsed:?}"
    );
}

/// A gzip stream, built without inflating anything, of the protobuf
/// `ExtractRequest { html: <inflated_len zero bytes> }`. Deflate compresses
/// at most 1032:1, so a 2 GiB bomb is about 2 MB on the wire: the largest
/// one a single gzip layer can make that small.
fn gzip_bomb(inflated_len: u64) -> Bytes {
    use flate2::{Compress, Compression, FlushCompress};
    const CHUNK: usize = 1 << 20;
    assert_eq!(inflated_len % CHUNK as u64, 0);
    let mut header = vec![0x12]; // field 2 (`html`), length-delimited
    let mut n = inflated_len;
    while n >= 0x80 {
        header.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    header.push(n as u8);

    let mut compress = Compress::new(Compression::best(), false);
    let mut deflate = |input: &[u8], flush| {
        let mut out = Vec::with_capacity(CHUNK);
        compress
            .compress_vec(input, &mut out, flush)
            .expect("deflate");
        out
    };
    let zeros = vec![0u8; CHUNK];
    let mut first = deflate(&header, FlushCompress::Sync);
    first.extend(deflate(&zeros, FlushCompress::Sync));
    // Once the window is all zeros, each further chunk compresses alike.
    let repeated = deflate(&zeros, FlushCompress::Sync);
    assert_eq!(deflate(&zeros, FlushCompress::Sync), repeated);
    let finish = deflate(&[], FlushCompress::Finish);

    let mut crc_header = crc32fast::Hasher::new();
    crc_header.update(&header);
    let mut crc_zeros = crc32fast::Hasher::new();
    crc_zeros.update(&zeros);
    let chunks = inflated_len / CHUNK as u64;
    let mut crc = crc_header;
    for _ in 0..chunks {
        crc.combine(&crc_zeros);
    }
    let total = inflated_len + header.len() as u64;

    let mut gz = BytesMut::new();
    gz.put_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
    gz.put_slice(&first);
    for _ in 1..chunks {
        gz.put_slice(&repeated);
    }
    gz.put_slice(&finish);
    gz.put_u32_le(crc.finalize());
    gz.put_u32_le(total as u32);
    gz.freeze()
}

/// A zstd frame, built without compressing anything, of the protobuf
/// `ExtractRequest { html: <inflated_len zero bytes> }`: the field header in
/// a raw block, then run-length blocks of 128 KiB of zeros, 4 bytes each,
/// so a 2 GiB bomb is 64 KiB on the wire (zstd's RLE blocks make a far
/// denser bomb than deflate can).
fn zstd_bomb(inflated_len: u64) -> Bytes {
    const BLOCK: u64 = 128 * 1024; // the largest block: 2^17, the window below
    assert_eq!(inflated_len % BLOCK, 0);
    let mut header = vec![0x12]; // field 2 (`html`), length-delimited
    let mut n = inflated_len;
    while n >= 0x80 {
        header.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    header.push(n as u8);
    // Block header: size << 3 | type << 1 | last, 3 bytes little-endian.
    let block_header = |size: u64, kind: u64, last: bool| {
        let value = (size << 3) | (kind << 1) | u64::from(last);
        [value as u8, (value >> 8) as u8, (value >> 16) as u8]
    };
    let mut frame = BytesMut::new();
    frame.put_u32_le(0xFD2F_B528); // magic
    frame.put_u8(0x00); // no content size, no checksum, no dictionary
    frame.put_u8(0x38); // window 2^(10 + 7) = 128 KiB
    frame.put_slice(&block_header(header.len() as u64, 0, false)); // raw
    frame.put_slice(&header);
    let blocks = inflated_len / BLOCK;
    for i in 0..blocks {
        frame.put_slice(&block_header(BLOCK, 1, i + 1 == blocks)); // RLE
        frame.put_u8(0);
    }
    frame.freeze()
}

/// Sends `payload` as one compressed gRPC frame (`grpc-encoding:
/// encoding`) to Extract; the status code and message, and the time taken.
async fn send_compressed(
    server: &TestServer,
    encoding: &str,
    payload: Bytes,
) -> (String, String, Duration) {
    let mut frame = BytesMut::with_capacity(payload.len() + 5);
    frame.put_u8(1); // compressed
    frame.put_u32(u32::try_from(payload.len()).expect("a small payload"));
    frame.put_slice(&payload);
    let request = http::Request::builder()
        .method("POST")
        .uri(format!("{}/lede.v1.ExtractorService/Extract", server.url()))
        .header("content-type", "application/grpc")
        .header("te", "trailers")
        .header("grpc-encoding", encoding)
        .body(tonic::body::Body::new(Full::new(frame.freeze())))
        .expect("a valid request");
    let started = Instant::now();
    let mut channel = server.channel().await;
    std::future::poll_fn(|cx| Service::poll_ready(&mut channel, cx))
        .await
        .expect("the channel is ready");
    let response = channel.call(request).await.expect("an HTTP answer");
    let headers = response.headers().clone();
    let trailers = response
        .into_body()
        .collect()
        .await
        .expect("the body reads")
        .trailers()
        .cloned()
        .unwrap_or_default();
    let elapsed = started.elapsed();
    let status = headers
        .get("grpc-status")
        .or_else(|| trailers.get("grpc-status"))
        .map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned())
        .expect("a grpc-status");
    let message = headers
        .get("grpc-message")
        .or_else(|| trailers.get("grpc-message"))
        .map(|m| String::from_utf8_lossy(m.as_bytes()).into_owned())
        .unwrap_or_default();
    (status, message, elapsed)
}

#[tokio::test]
async fn a_gzip_bomb_is_resource_exhausted_without_inflating() {
    let server = TestServer::start().await;
    let inflated: u64 = 2 << 30;
    let bomb = gzip_bomb(inflated);
    assert!(bomb.len() < 4 * 1024 * 1024, "{} bytes", bomb.len());
    let (status, message, elapsed) = send_compressed(&server, "gzip", bomb).await;
    assert_eq!(
        status, "8",
        "RESOURCE_EXHAUSTED expected, got {status:?}: {message}"
    );
    // Inflating 2 GiB would take far longer (and the memory with it);
    // tonic stops at the message limit.
    assert!(elapsed < HEAVY, "took {elapsed:?}");
}

#[tokio::test]
async fn a_zstd_bomb_is_resource_exhausted_without_inflating() {
    let server = TestServer::start().await;
    let inflated: u64 = 2 << 30;
    let bomb = zstd_bomb(inflated);
    assert!(bomb.len() < 128 * 1024, "{} bytes", bomb.len());
    // The frame is valid zstd: a small one inflates to its request.
    let small = zstd::decode_all(&zstd_bomb(1 << 20)[..]).expect("a valid zstd frame");
    assert_eq!(small.len(), (1 << 20) + 4);
    let (status, message, elapsed) = send_compressed(&server, "zstd", bomb).await;
    assert_eq!(
        status, "8",
        "RESOURCE_EXHAUSTED expected, got {status:?}: {message}"
    );
    assert!(elapsed < HEAVY, "took {elapsed:?}");
}

#[tokio::test]
async fn a_payload_that_does_not_inflate_is_data_loss() {
    let server = TestServer::start().await;
    let corrupt_gzip = [&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff][..], &[0xff; 32]].concat();
    let corrupt_zstd = [&[0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38][..], &[0xff; 32]].concat();
    for (encoding, payload) in [("gzip", corrupt_gzip), ("zstd", corrupt_zstd)] {
        let (status, message, _) = send_compressed(&server, encoding, Bytes::from(payload)).await;
        // DATA_LOSS (the payload is damaged), never INTERNAL or a code
        // clients retry.
        assert_eq!(
            status, "15",
            "{encoding}: DATA_LOSS expected, got {status:?}: {message}"
        );
    }
}

#[tokio::test]
async fn an_article_over_the_response_limit_fails_alone() {
    let server = TestServer::with_config(Config {
        limits: lede::config::Limits {
            max_response_bytes: 8 * 1024,
            ..lede::config::Limits::default()
        },
        ..Config::default()
    })
    .await;
    let small = crate::util::SMALL_PAGE.as_bytes().to_vec();
    let big = format!(
        "<html><body><article><h1>Long</h1>{}</article></body></html>",
        "<p>A paragraph of the long story, with enough words to count as prose.</p>".repeat(400)
    )
    .into_bytes();
    let (outcome, _) = extract(&server, big.clone()).await;
    let status = outcome.expect_err("over the response limit");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().contains("response limit"), "{status:?}");
    let (outcome, _) = extract(&server, small.clone()).await;
    assert!(outcome.is_ok(), "{outcome:?}");
    // In a stream, only the big item fails.
    let items: Vec<pb::ExtractStreamRequest> = [small.clone(), big, small]
        .into_iter()
        .enumerate()
        .map(|(i, html)| pb::ExtractStreamRequest {
            id: format!("item-{i}"),
            html,
            ..Default::default()
        })
        .collect();
    let seen = stream_outcomes(&server, items).await;
    assert_eq!(
        seen,
        [
            ("item-0".to_owned(), None),
            ("item-1".to_owned(), Some("RESOURCE_EXHAUSTED".to_owned())),
            ("item-2".to_owned(), None),
        ]
    );
}

#[tokio::test]
async fn a_panic_fails_its_own_stream_item_only() {
    use lede::extract::decode::PANIC_MARKER;
    let server = TestServer::start().await;
    let page = crate::util::SMALL_PAGE.as_bytes();
    let items: Vec<pb::ExtractStreamRequest> = (0..6)
        .map(|i| pb::ExtractStreamRequest {
            id: format!("item-{i}"),
            html: if i == 2 {
                [PANIC_MARKER, page].concat()
            } else {
                page.to_vec()
            },
            ..Default::default()
        })
        .collect();
    let seen = stream_outcomes(&server, items).await;
    let expected: Vec<(String, Option<String>)> = (0..6)
        .map(|i| {
            let failed = (i == 2).then(|| "INTERNAL".to_owned());
            (format!("item-{i}"), failed)
        })
        .collect();
    assert_eq!(seen, expected);
}

/// Sends `items` over one `ExtractStream` call and returns each answer's id
/// with its error code name (`None` for an article), sorted by id.
async fn stream_outcomes(
    server: &TestServer,
    items: Vec<pb::ExtractStreamRequest>,
) -> Vec<(String, Option<String>)> {
    let mut answers = server
        .client()
        .await
        .extract_stream(tokio_stream::iter(items))
        .await
        .expect("the stream opens")
        .into_inner();
    let mut seen = Vec::new();
    while let Some(answer) = answers.message().await.expect("the stream goes on") {
        seen.push((answer.id, answer.error.map(|e| e.code_name)));
    }
    seen.sort();
    seen
}
