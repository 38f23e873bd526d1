//! A response's payload made the page: `Transfer-Encoding: chunked` and
//! the `Content-Encoding` (gzip, deflate, brotli) undone, within the page
//! size limit.

use std::io::Read;

use tonic::Code;

use super::LoadError;

/// Undoes `Transfer-Encoding: chunked` (kept by some WARC writers).
pub(super) fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let bad = || "a malformed chunked HTTP body".to_owned();
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr::memchr(b'\n', body).ok_or_else(bad)?;
        let line = body.get(..line_end).ok_or_else(bad)?;
        let size = String::from_utf8_lossy(line);
        let size = size.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size, 16).map_err(|_| bad())?;
        body = body.get(line_end + 1..).ok_or_else(bad)?;
        if size == 0 {
            return Ok(out);
        }
        out.extend_from_slice(body.get(..size).ok_or_else(bad)?);
        body = body.get(size..).unwrap_or_default();
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

/// Undoes the HTTP `Content-Encoding`, producing at most `max_bytes`.
pub(super) fn decode(
    payload: Vec<u8>,
    encoding: &str,
    max_bytes: usize,
) -> Result<Vec<u8>, LoadError> {
    let inflate = |reader: &mut dyn Read| -> Result<Vec<u8>, LoadError> {
        let mut out = Vec::new();
        reader
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|err| {
                (
                    Code::DataLoss,
                    format!("cannot undo Content-Encoding {encoding}: {err}"),
                )
            })?;
        if out.len() > max_bytes {
            return Err((
                Code::ResourceExhausted,
                format!(
                    "the page inflates past the limit of {max_bytes} bytes (--max-input-bytes)"
                ),
            ));
        }
        Ok(out)
    };
    match encoding {
        "" | "identity" => Ok(payload),
        // Some writers store the payload decoded but keep its header.
        "gzip" | "x-gzip" if !payload.starts_with(&[0x1f, 0x8b]) => Ok(payload),
        "gzip" | "x-gzip" => inflate(&mut flate2::read::GzDecoder::new(payload.as_slice())),
        // `deflate` is zlib by the standard, raw deflate in practice too.
        "deflate" if payload.first().is_some_and(|b| b & 0x0f == 8) => {
            inflate(&mut flate2::read::ZlibDecoder::new(payload.as_slice()))
        }
        "deflate" => inflate(&mut flate2::read::DeflateDecoder::new(payload.as_slice())),
        "br" => inflate(&mut brotli_decompressor::Decompressor::new(
            payload.as_slice(),
            4096,
        )),
        other => Err((
            Code::InvalidArgument,
            format!("an unsupported Content-Encoding {other:?}"),
        )),
    }
}
