//! Reading one WARC record: the header (a `WARC/` version line, `Name:
//! value` lines, a blank line), the HTTP head of a response (by
//! `httparse`), and what the record is (a page, a record to skip and
//! count, or damage). The walk over a file and the loading of a page are
//! in `mod.rs`; undoing the payload's encodings is `payload.rs`.

use std::io::{self, BufRead, Read};

/// Longest line of a record header.
const MAX_LINE_BYTES: u64 = 64 * 1024;
/// Largest record header.
const MAX_HEADER_BYTES: usize = 1024 * 1024;
/// Largest HTTP head (status line and headers) of a response record.
const MAX_HTTP_HEAD_BYTES: usize = 64 * 1024;
/// Most HTTP headers in a response.
const MAX_HTTP_HEADERS: usize = 256;

/// A record header: its fields and the length of its block.
#[derive(Debug)]
pub(super) struct Header {
    /// The fields as (name, value), in order.
    fields: Vec<(String, String)>,
    /// The length of the block (`Content-Length`).
    pub(super) length: u64,
}

impl Header {
    /// The first field named `name` (case-insensitively).
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `WARC-Record-ID` without its angle brackets.
    pub(super) fn id(&self) -> Option<String> {
        self.get("WARC-Record-ID").map(|v| unbracket(v).to_owned())
    }
}

/// A URI as WARC writes it, without the `<...>` some writers put around it.
pub(super) fn unbracket(value: &str) -> &str {
    let value = value.trim();
    value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(value)
}

/// The outcome of looking for the next record header.
pub(super) enum HeaderRead {
    /// The end of the stream, after `garbage` bytes that were no record.
    End { garbage: u64 },
    /// A record starting at `start` (after `garbage` bytes that were no
    /// record), or why its header is unreadable.
    Record {
        start: u64,
        garbage: u64,
        header: Result<Header, String>,
    },
}

/// Reads one line of at most [`MAX_LINE_BYTES`], counting it in `pos`.
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>, pos: &mut u64) -> io::Result<usize> {
    line.clear();
    let n = reader
        .by_ref()
        .take(MAX_LINE_BYTES)
        .read_until(b'\n', line)?;
    *pos += n as u64;
    Ok(n)
}

/// Finds the next `WARC/` line, skipping blank lines (and counting other
/// bytes as garbage), then reads the header after it.
pub(super) fn read_header(reader: &mut impl BufRead, pos: &mut u64) -> io::Result<HeaderRead> {
    let mut line = Vec::new();
    let mut garbage = 0;
    let start = loop {
        let at = *pos;
        if read_line(reader, &mut line, pos)? == 0 {
            return Ok(HeaderRead::End { garbage });
        }
        if line.starts_with(b"WARC/") {
            break at;
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            garbage += line.len() as u64;
        }
    };
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut size = 0;
    let header = loop {
        if read_line(reader, &mut line, pos)? == 0 {
            break Err("the stream ends inside a record header".to_owned());
        }
        size += line.len();
        if size > MAX_HEADER_BYTES {
            break Err(format!("a record header over {MAX_HEADER_BYTES} bytes"));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break record_length(fields);
        }
        if text.starts_with([' ', '\t']) {
            // A folded line continues the previous field.
            if let Some((_, value)) = fields.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
                continue;
            }
        }
        match text.split_once(':') {
            Some((name, value)) if !name.trim().is_empty() => {
                fields.push((name.trim().to_owned(), value.trim().to_owned()));
            }
            _ => break Err(format!("a malformed record header line {text:?}")),
        }
    };
    Ok(HeaderRead::Record {
        start,
        garbage,
        header,
    })
}

/// The header with its `Content-Length`, required by the standard.
fn record_length(fields: Vec<(String, String)>) -> Result<Header, String> {
    let length = fields
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        .ok_or_else(|| "a record without Content-Length".to_owned())?
        .1
        .parse::<u64>()
        .map_err(|_| "a record with an invalid Content-Length".to_owned())?;
    Ok(Header { fields, length })
}

/// The HTTP head of a response record.
#[derive(Debug)]
pub(super) struct HttpHead {
    /// The status code.
    status: u16,
    /// Its length in bytes: the payload follows.
    pub(super) len: usize,
    /// The `Content-Type` header.
    pub(super) content_type: String,
    /// The `Content-Encoding` header, in lower case.
    pub(super) content_encoding: String,
    /// Whether `Transfer-Encoding` says chunked.
    pub(super) chunked: bool,
}

impl HttpHead {
    /// Why the response is not a page, if it is not one.
    fn skip_reason(&self, payload_start: &[u8]) -> Option<&'static str> {
        if !(200..300).contains(&self.status) {
            return Some("non-2xx response");
        }
        let media = self
            .content_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let html = match media.as_str() {
            "text/html" | "application/xhtml+xml" => true,
            // No type: an uncompressed payload that starts with markup.
            "" => {
                self.content_encoding.is_empty()
                    && payload_start
                        .iter()
                        .find(|b| !b.is_ascii_whitespace())
                        .is_some_and(|&b| b == b'<')
            }
            _ => false,
        };
        (!html).then_some("non-HTML response")
    }
}

/// Parses the HTTP head at the start of `block`.
pub(super) fn http_head(block: &[u8]) -> Result<HttpHead, String> {
    let mut headers = vec![httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    let len = match response.parse(block) {
        Ok(httparse::Status::Complete(len)) => len,
        Ok(httparse::Status::Partial) => {
            return Err("an incomplete HTTP response head".to_owned());
        }
        Err(err) => return Err(format!("an unreadable HTTP response head ({err})")),
    };
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_owned())
            .unwrap_or_default()
    };
    Ok(HttpHead {
        status: response.code.unwrap_or_default(),
        len,
        content_type: header("Content-Type"),
        content_encoding: header("Content-Encoding").to_ascii_lowercase(),
        chunked: header("Transfer-Encoding")
            .to_ascii_lowercase()
            .contains("chunked"),
    })
}

/// What a record is, decided from its header and the start of its block.
pub(super) enum Kind {
    Page,
    Skip(String),
    Damaged(String),
}

/// Classifies the record whose header was just read and consumes its
/// block (reading at most [`MAX_HTTP_HEAD_BYTES`] of it). `Err` when the
/// stream ends inside the block.
pub(super) fn classify(
    header: &Header,
    reader: &mut impl BufRead,
    pos: &mut u64,
) -> io::Result<Kind> {
    let kind = header
        .get("WARC-Type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let http = header
        .get("Content-Type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut prefix = Vec::new();
    let is_response = kind == "response" && http.starts_with("application/http");
    if is_response {
        let want = header.length.min(MAX_HTTP_HEAD_BYTES as u64);
        reader.by_ref().take(want).read_to_end(&mut prefix)?;
    }
    let rest = header.length - prefix.len() as u64;
    let skipped = io::copy(&mut reader.by_ref().take(rest), &mut io::sink())?;
    *pos += prefix.len() as u64 + skipped;
    if skipped < rest {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the stream ends inside a record",
        ));
    }
    if !is_response {
        let kind = match kind.as_str() {
            "" => "record without WARC-Type".to_owned(),
            "response" => "non-HTTP response".to_owned(),
            other => other.to_owned(),
        };
        return Ok(Kind::Skip(kind));
    }
    Ok(match http_head(&prefix) {
        Err(message) => Kind::Damaged(message),
        Ok(head) => match head.skip_reason(prefix.get(head.len..).unwrap_or_default()) {
            Some(reason) => Kind::Skip(reason.to_owned()),
            None => Kind::Page,
        },
    })
}
