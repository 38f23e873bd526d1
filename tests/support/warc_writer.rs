//! WARC files written by hand for the tests: shared by the unit tests of
//! `src/cli/warc/mod.rs` and the integration tests (`#[path]` includes).

use std::io::Write;

/// A WARC record of `kind` with `block` (an HTTP message for responses).
pub(crate) fn record(kind: &str, id: &str, url: &str, block: &[u8]) -> Vec<u8> {
    let content_type = if kind == "response" {
        "application/http; msgtype=response"
    } else {
        "application/warc-fields"
    };
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <{id}>\r\n\
         WARC-Target-URI: {url}\r\nWARC-Date: 2024-06-18T14:05:00Z\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP 200 response with `headers` (each ending in CRLF) and `payload`.
pub(crate) fn http(headers: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(payload);
    out
}

/// `bytes` as one gzip member.
pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).expect("gzip");
    gz.finish().expect("gzip")
}
