//! WARC input of `lede extract`: `crawl.warc`, `crawl.warc.gz` (one gzip
//! member per record, as the WARC standard recommends and Common Crawl
//! writes), named on the command line or found in folders.
//!
//! A file is read twice, both times streamed. First [`scan`] walks its
//! records, reading only their headers and the HTTP head of responses: the
//! HTML responses become inputs of the run ([`RecordRef`]: the offset a
//! worker seeks to), the other records are counted by kind, a damaged one
//! becomes an error line of its own and the scan resumes at the next
//! `WARC/` line. Then each worker [`load`]s its record: seek, read that one
//! record (at most the page size limit), undo the HTTP chunking and
//! `Content-Encoding`. Memory is bounded by the largest record, never the
//! file, and pages are extracted in parallel although a gzip stream is not.
//!
//! The reader is written here rather than taken from the `warc` crate: that
//! crate stops at the first damaged record (it cannot resynchronise), has no
//! way to find a record again by offset, and brings older copies of nom,
//! uuid and libflate. The format is small (a version line, `Name: value`
//! lines, a blank line, `Content-Length` bytes); the HTTP head is parsed by
//! `httparse`.
//!
//! Files:
//! - `mod.rs`: the driver: [`scan`] over a file (plain or one gzip member
//!   per record), [`load`] of one page by its [`RecordRef`].
//! - `record.rs`: one record read: its header, the HTTP head of a
//!   response, and what the record is (page, skipped, damaged).
//! - `payload.rs`: chunking and `Content-Encoding` undone, within the
//!   page size limit.

mod payload;
mod record;

use std::{
    collections::BTreeMap,
    fs,
    io::{self, BufRead, BufReader, Read, Seek, SeekFrom},
    path::{Path, PathBuf},
};

use tonic::Code;

use payload::{dechunk, decode};
use record::{HeaderRead, Kind, classify, http_head, read_header, unbracket};

/// File names taken for WARC files (compared in lower case).
pub(super) const WARC_SUFFIXES: [&str; 2] = [".warc", ".warc.gz"];

/// Largest gzip member holding more than one page (inflated): each of its
/// pages is read by inflating the member from its start, so the cost grows
/// with the square of the member.
const MAX_SHARED_MEMBER_BYTES: u64 = 16 * 1024 * 1024;
/// Whether `path` names a WARC file.
pub(super) fn is_warc_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|name| WARC_SUFFIXES.iter().any(|s| name.ends_with(s)))
}

/// An HTML response record, found again by a worker.
#[derive(Debug)]
pub(super) struct RecordRef {
    /// The WARC file.
    pub(super) path: PathBuf,
    /// Where the record starts: its gzip member, or its `WARC/` line.
    offset: u64,
    /// Whether `offset` is a gzip member.
    gzip: bool,
    /// Where the record starts in its member, inflated (0 but in a gzip
    /// stream of many records).
    inner: u64,
    /// `WARC-Record-ID`, without its angle brackets.
    pub(super) id: String,
}

/// What the scan of one file found, in file order.
#[derive(Debug)]
pub(super) enum Found {
    /// An HTML response, to extract.
    Page(RecordRef),
    /// A record (or bytes) that could not be read, reported as its own
    /// error line.
    Damaged {
        /// The record's id, or `FILE@OFFSET`.
        id: String,
        /// What was wrong.
        message: String,
    },
}

/// Records that are not pages, counted by kind for the summary.
pub(super) type Skipped = BTreeMap<String, usize>;

/// A page read back from its record: the request `lede extract` makes.
#[derive(Debug)]
pub(super) struct Page {
    /// The HTTP payload, chunking and content encoding undone.
    pub(super) html: Vec<u8>,
    /// `WARC-Target-URI`.
    pub(super) url: String,
    /// The HTTP `Content-Type` header (its charset decodes the page).
    pub(super) content_type: String,
    /// `WARC-Date`, the capture time (RFC 3339): the "now" of the page's
    /// relative dates.
    pub(super) date: String,
}

/// Opens `path` buffered, and says whether it is gzip (by its first bytes).
fn open(path: &Path) -> io::Result<(BufReader<fs::File>, bool)> {
    let mut file = BufReader::with_capacity(256 * 1024, fs::File::open(path)?);
    let gzip = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok((file, gzip))
}

/// A `BufRead` that counts the bytes consumed from it: the offsets of gzip
/// members.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

/// Walks the records of `path`: its HTML responses and damaged records in
/// order, the other records counted in `skipped`.
pub(super) fn scan(path: &Path, skipped: &mut Skipped) -> Vec<Found> {
    let mut found = Vec::new();
    let name = path.display().to_string();
    let damaged = |found: &mut Vec<Found>, at: u64, id: Option<String>, message: &str| {
        found.push(Found::Damaged {
            id: id.unwrap_or_else(|| format!("{name}@{at}")),
            message: format!("damaged WARC record at byte {at} of {name}: {message}"),
        });
    };
    let (file, gzip) = match open(path) {
        Ok(opened) => opened,
        Err(err) => {
            damaged(
                &mut found,
                0,
                Some(name.clone()),
                &format!("cannot read it: {err}"),
            );
            return found;
        }
    };
    if !gzip {
        let mut reader = file;
        let mut pos = 0;
        scan_stream(
            &mut reader,
            &mut pos,
            skipped,
            &mut |at, event| match event {
                Event::Page(id) => found.push(Found::Page(RecordRef {
                    path: path.to_path_buf(),
                    offset: at,
                    gzip: false,
                    inner: 0,
                    id,
                })),
                Event::Damaged(id, message) => damaged(&mut found, at, id, &message),
            },
        );
        return found;
    }
    // One gzip member per record: each record's offset is its member's.
    let mut reader = Counting {
        inner: file,
        pos: 0,
    };
    loop {
        match reader.fill_buf() {
            Ok([]) => break,
            Ok(_) => {}
            Err(err) => {
                damaged(&mut found, reader.pos, None, &err.to_string());
                break;
            }
        }
        let member = reader.pos;
        let mut inflated = BufReader::new(flate2::bufread::GzDecoder::new(&mut reader));
        let mut pos = 0;
        let mut events = Vec::new();
        let ended = scan_stream(&mut inflated, &mut pos, skipped, &mut |at, event| {
            events.push((at, event));
        });
        let pages = events
            .iter()
            .filter(|(_, e)| matches!(e, Event::Page(_)))
            .count();
        if pages > 1 && pos > MAX_SHARED_MEMBER_BYTES {
            damaged(
                &mut found,
                member,
                None,
                "a gzip member of many pages; lede reads large WARC.gz files with one \
                 member per record (the WARC standard's recommendation): gunzip the \
                 file, or rewrite it with `warcio recompress`",
            );
        } else {
            for (at, event) in events {
                match event {
                    Event::Page(id) => found.push(Found::Page(RecordRef {
                        path: path.to_path_buf(),
                        offset: member,
                        gzip: true,
                        inner: at,
                        id,
                    })),
                    Event::Damaged(id, message) => {
                        damaged(
                            &mut found,
                            member,
                            id,
                            &format!("{message} (inflated byte {at})"),
                        );
                    }
                }
            }
        }
        if !ended {
            // The member could not be inflated to its end: no way to find
            // the next one.
            break;
        }
    }
    found
}

/// What [`scan_stream`] reports, with the offset of the record.
enum Event {
    Page(String),
    Damaged(Option<String>, String),
}

/// Walks the records of one uncompressed stream, reporting pages and damage
/// to `report` and counting the rest in `skipped`. `false` when the stream
/// failed to read (no record can follow).
fn scan_stream(
    reader: &mut impl BufRead,
    pos: &mut u64,
    skipped: &mut Skipped,
    report: &mut dyn FnMut(u64, Event),
) -> bool {
    // After a damaged header, the bytes up to the next `WARC/` line are the
    // rest of that record, not news.
    let mut resyncing = false;
    loop {
        let read = match read_header(reader, pos) {
            Ok(read) => read,
            Err(err) => {
                report(*pos, Event::Damaged(None, err.to_string()));
                return false;
            }
        };
        let (start, garbage, header) = match read {
            HeaderRead::End { garbage } => {
                if garbage > 0 && !resyncing {
                    report(
                        *pos,
                        Event::Damaged(None, format!("{garbage} bytes that are no record")),
                    );
                }
                return true;
            }
            HeaderRead::Record {
                start,
                garbage,
                header,
            } => (start, garbage, header),
        };
        if garbage > 0 && !resyncing {
            let message = format!("{garbage} bytes that are no record before this one");
            report(start, Event::Damaged(None, message));
        }
        resyncing = false;
        let header = match header {
            Ok(header) => header,
            Err(message) => {
                report(start, Event::Damaged(None, message));
                resyncing = true;
                continue;
            }
        };
        let id = header.id();
        match classify(&header, reader, pos) {
            Ok(Kind::Page) => report(
                start,
                Event::Page(id.unwrap_or_else(|| format!("@{start}"))),
            ),
            Ok(Kind::Skip(kind)) => *skipped.entry(kind).or_default() += 1,
            Ok(Kind::Damaged(message)) => report(start, Event::Damaged(id, message)),
            Err(err) => {
                report(start, Event::Damaged(id, err.to_string()));
                return false;
            }
        }
    }
}

/// A record that cannot be loaded: the gRPC code and message of its line.
pub(super) type LoadError = (Code, String);

/// Reads `record` back: its HTTP payload, decoded, at most
/// `max_bytes` (before and after decoding).
pub(super) fn load(record: &RecordRef, max_bytes: usize) -> Result<Page, LoadError> {
    let unreadable = |err: io::Error| {
        (
            Code::Unavailable,
            format!("cannot read {}: {err}", record.path.display()),
        )
    };
    let (mut file, _) = open(&record.path).map_err(unreadable)?;
    file.seek(SeekFrom::Start(record.offset))
        .map_err(unreadable)?;
    if record.gzip {
        let mut inflated = BufReader::new(flate2::bufread::GzDecoder::new(file));
        let skipped = io::copy(&mut inflated.by_ref().take(record.inner), &mut io::sink())
            .map_err(unreadable)?;
        if skipped < record.inner {
            return Err((
                Code::DataLoss,
                format!(
                    "WARC record {} of {}: its gzip member is shorter than at scan time",
                    record.id,
                    record.path.display()
                ),
            ));
        }
        load_from(&mut inflated, max_bytes)
    } else {
        load_from(&mut file, max_bytes)
    }
    .map_err(|(code, message)| {
        (
            code,
            format!(
                "WARC record {} of {}: {message}",
                record.id,
                record.path.display()
            ),
        )
    })
}

/// [`load`] from a stream positioned at the record.
fn load_from(reader: &mut impl BufRead, max_bytes: usize) -> Result<Page, LoadError> {
    let damaged = |message: String| (Code::DataLoss, message);
    let mut pos = 0;
    let header = match read_header(reader, &mut pos).map_err(|e| damaged(e.to_string()))? {
        HeaderRead::Record {
            header: Ok(header), ..
        } => header,
        HeaderRead::Record {
            header: Err(message),
            ..
        } => return Err(damaged(message)),
        HeaderRead::End { .. } => return Err(damaged("no record at its offset".to_owned())),
    };
    if header.length > max_bytes as u64 {
        return Err((
            Code::ResourceExhausted,
            format!(
                "a record of {} bytes, over the page limit of {max_bytes} (--max-input-bytes)",
                header.length
            ),
        ));
    }
    let mut block = Vec::new();
    reader
        .by_ref()
        .take(header.length)
        .read_to_end(&mut block)
        .map_err(|e| damaged(e.to_string()))?;
    if (block.len() as u64) < header.length {
        return Err(damaged("the file ends inside the record".to_owned()));
    }
    let head = http_head(&block).map_err(damaged)?;
    let payload = block.get(head.len..).unwrap_or_default();
    let payload = if head.chunked {
        dechunk(payload).map_err(damaged)?
    } else {
        payload.to_vec()
    };
    let html = decode(payload, &head.content_encoding, max_bytes)?;
    Ok(Page {
        html,
        url: header
            .get("WARC-Target-URI")
            .map(|v| unbracket(v).to_owned())
            .unwrap_or_default(),
        content_type: head.content_type,
        date: header.get("WARC-Date").unwrap_or_default().to_owned(),
    })
}

/// The WARC writer of the integration tests, for the unit tests.
#[cfg(test)]
#[path = "../../../tests/support/warc_writer.rs"]
mod test_writer;

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    use super::test_writer::{gzip, http as response, record};

    /// The URLs of the pages found, loaded (or the damage messages).
    fn urls(found: &[Found]) -> Vec<String> {
        found
            .iter()
            .map(|f| match f {
                Found::Page(page) => load(page, 1 << 20).expect("loads").url,
                Found::Damaged { message, .. } => message.clone(),
            })
            .collect()
    }

    fn write(name: &str, bytes: &[u8]) -> PathBuf {
        let path = std::env::temp_dir().join(format!("lede-warc-{}-{name}", std::process::id()));
        fs::write(&path, bytes).expect("write");
        path
    }

    const PAGE: &[u8] = b"<html><title>T</title><p>Hello</p></html>";

    #[test]
    fn scan_keeps_html_responses_and_counts_the_rest() {
        let mut file = record("warcinfo", "urn:uuid:0", "", b"software: test\r\n");
        file.extend(record(
            "request",
            "urn:uuid:1",
            "https://a.example/",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        let html = response("Content-Type: text/html; charset=utf-8\r\n", PAGE);
        file.extend(record(
            "response",
            "urn:uuid:2",
            "https://a.example/",
            &html,
        ));
        let image = response("Content-Type: image/png\r\n", b"\x89PNG");
        file.extend(record(
            "response",
            "urn:uuid:3",
            "https://a.example/i.png",
            &image,
        ));
        file.extend(record(
            "metadata",
            "urn:uuid:4",
            "https://a.example/",
            b"x: y\r\n",
        ));
        file.extend(record("revisit", "urn:uuid:5", "https://a.example/", b""));
        let path = write("kinds.warc", &file);
        let mut skipped = Skipped::new();
        let found = scan(&path, &mut skipped);
        let page = match found.as_slice() {
            [Found::Page(page)] => page,
            other => panic!("{other:?}"),
        };
        assert_eq!(page.id, "urn:uuid:2");
        let loaded = load(page, 1 << 20).expect("loads");
        let _ = fs::remove_file(&path);
        assert_eq!(loaded.html, PAGE);
        assert_eq!(loaded.url, "https://a.example/");
        assert_eq!(loaded.content_type, "text/html; charset=utf-8");
        assert_eq!(loaded.date, "2024-06-18T14:05:00Z");
        let counts: Vec<(&str, usize)> = skipped.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(
            counts,
            [
                ("metadata", 1),
                ("non-HTML response", 1),
                ("request", 1),
                ("revisit", 1),
                ("warcinfo", 1)
            ]
        );
    }

    #[test]
    fn a_damaged_record_is_reported_and_the_next_one_read() {
        let html = response("Content-Type: text/html\r\n", PAGE);
        let mut file = record("response", "urn:uuid:a", "https://a.example/1", &html);
        file.extend(b"WARC/1.0\r\nWARC-Type: response\r\nno colon here\r\n\r\nrest of it\r\n");
        file.extend(b"some bytes that are not a record\r\n");
        file.extend(record(
            "response",
            "urn:uuid:b",
            "https://a.example/2",
            &html,
        ));
        let path = write("damaged.warc", &file);
        let found = scan(&path, &mut Skipped::new());
        let summary: Vec<String> = found
            .iter()
            .map(|f| match f {
                Found::Page(p) => format!("page {}", p.id),
                Found::Damaged { message, .. } => format!("damaged {message}"),
            })
            .collect();
        let second = match found.last() {
            Some(Found::Page(page)) => load(page, 1 << 20).expect("loads"),
            other => panic!("{other:?}"),
        };
        let _ = fs::remove_file(&path);
        assert_eq!(summary.len(), 3, "{summary:#?}");
        assert_eq!(summary[0], "page urn:uuid:a");
        assert!(
            summary[1].contains("malformed record header line"),
            "{summary:#?}"
        );
        assert_eq!(summary[2], "page urn:uuid:b");
        assert_eq!(second.url, "https://a.example/2");
    }

    #[test]
    fn a_truncated_file_ends_with_a_damaged_record() {
        let html = response("Content-Type: text/html\r\n", PAGE);
        let mut file = record("response", "urn:uuid:a", "https://a.example/1", &html);
        let mut cut = record("response", "urn:uuid:b", "https://a.example/2", &html);
        cut.truncate(cut.len() - 20);
        file.extend(cut);
        let path = write("truncated.warc", &file);
        let found = scan(&path, &mut Skipped::new());
        let _ = fs::remove_file(&path);
        assert!(matches!(found.first(), Some(Found::Page(_))), "{found:?}");
        match found.get(1) {
            Some(Found::Damaged { id, message }) => {
                assert_eq!(id, "urn:uuid:b");
                assert!(message.contains("ends inside a record"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn gzip_per_record_files_are_found_by_member() {
        let html = response("Content-Type: text/html\r\n", PAGE);
        let mut file = gzip(&record("warcinfo", "urn:uuid:0", "", b"a: b\r\n"));
        for i in 1..=3 {
            let url = format!("https://a.example/{i}");
            file.extend(gzip(&record(
                "response",
                &format!("urn:uuid:{i}"),
                &url,
                &html,
            )));
        }
        let path = write("members.warc.gz", &file);
        let mut skipped = Skipped::new();
        let found = scan(&path, &mut skipped);
        let urls = urls(&found);
        let _ = fs::remove_file(&path);
        assert_eq!(
            urls,
            [
                "https://a.example/1",
                "https://a.example/2",
                "https://a.example/3"
            ]
        );
        assert_eq!(skipped.get("warcinfo"), Some(&1));
    }

    #[test]
    fn a_small_gzip_stream_of_many_records_is_read_and_a_large_one_refused() {
        let html = response("Content-Type: text/html\r\n", PAGE);
        let mut plain = record("warcinfo", "urn:uuid:0", "", b"a: b\r\n");
        plain.extend(record(
            "response",
            "urn:uuid:1",
            "https://a.example/1",
            &html,
        ));
        plain.extend(record(
            "response",
            "urn:uuid:2",
            "https://a.example/2",
            &html,
        ));
        let path = write("stream.warc.gz", &gzip(&plain));
        let found = scan(&path, &mut Skipped::new());
        let urls = urls(&found);
        assert_eq!(urls, ["https://a.example/1", "https://a.example/2"]);

        let filler = vec![b'x'; MAX_SHARED_MEMBER_BYTES as usize];
        plain.extend(record(
            "resource",
            "urn:uuid:3",
            "https://a.example/f",
            &filler,
        ));
        fs::write(&path, gzip(&plain)).expect("write");
        let found = scan(&path, &mut Skipped::new());
        let _ = fs::remove_file(&path);
        match found.as_slice() {
            [Found::Damaged { message, .. }] => {
                assert!(message.contains("warcio recompress"), "{message}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn payloads_are_dechunked_and_decoded() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n1;ext=1\r\n!\r\n0\r\n\r\n").as_deref(),
            Ok(&b"Hello!"[..])
        );
        assert!(dechunk(b"zz\r\nHello").is_err());
        assert!(dechunk(b"50\r\nHello").is_err());
        let gz = gzip(PAGE);
        assert_eq!(decode(gz.clone(), "gzip", 1 << 20).expect("gzip"), PAGE);
        // Decoded already though the header stayed.
        assert_eq!(decode(PAGE.to_vec(), "gzip", 1 << 20).expect("plain"), PAGE);
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        zlib.write_all(PAGE).expect("zlib");
        let zlib = zlib.finish().expect("zlib");
        assert_eq!(decode(zlib, "deflate", 1 << 20).expect("deflate"), PAGE);
        let (code, _) = decode(gz, "gzip", 10).expect_err("over the limit");
        assert_eq!(code, Code::ResourceExhausted);
        let (code, _) = decode(PAGE.to_vec(), "compress", 1 << 20).expect_err("unknown");
        assert_eq!(code, Code::InvalidArgument);
    }

    #[test]
    fn a_chunked_gzipped_response_loads_as_its_page() {
        let gz = gzip(PAGE);
        let mut chunked = format!("{:x}\r\n", gz.len()).into_bytes();
        chunked.extend(&gz);
        chunked.extend(b"\r\n0\r\n\r\n");
        let html = response(
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked,
        );
        let path = write(
            "chunked.warc",
            &record("response", "urn:uuid:c", "https://a.example/", &html),
        );
        let found = scan(&path, &mut Skipped::new());
        let page = match found.as_slice() {
            [Found::Page(page)] => load(page, 1 << 20).expect("loads"),
            other => panic!("{other:?}"),
        };
        let _ = fs::remove_file(&path);
        assert_eq!(page.html, PAGE);
    }

    #[test]
    fn a_record_over_the_limit_fails_without_being_read() {
        let html = response("Content-Type: text/html\r\n", &vec![b'x'; 4096]);
        let path = write(
            "big.warc",
            &record("response", "urn:uuid:big", "https://a.example/", &html),
        );
        let found = scan(&path, &mut Skipped::new());
        let outcome = match found.as_slice() {
            [Found::Page(page)] => load(page, 1024),
            other => panic!("{other:?}"),
        };
        let _ = fs::remove_file(&path);
        let (code, message) = outcome.expect_err("over the limit");
        assert_eq!(code, Code::ResourceExhausted, "{message}");
        assert!(message.contains("urn:uuid:big"), "{message}");
    }

    #[test]
    fn names_ending_in_warc_or_warc_gz_are_warc() {
        for name in ["a.warc", "b.WARC.GZ", "c.warc.gz"] {
            assert!(is_warc_name(Path::new(name)), "{name}");
        }
        for name in ["a.html", "b.gz", "warc", "c.warc.zst"] {
            assert!(!is_warc_name(Path::new(name)), "{name}");
        }
    }
}
