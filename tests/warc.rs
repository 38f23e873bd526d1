//! `lede extract` over WARC files the tests write by hand: record ids and
//! URLs, the record kinds skipped, a damaged record, gzip per record, and
//! memory bounded on a large record.

use std::{io::Write, path::Path};

use serde_json::Value;

use crate::util::{SMALL_PAGE, json_eq, lede_bin, run, stdout_of};

#[path = "support/warc_writer.rs"]
mod writer;
pub(crate) use writer::{gzip, http, record};

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-warc-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

fn utf8(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// What `lede extract -` answers for `page` at `url`, as a JSON value.
async fn extract_alone(page: &[u8], url: &str, content_type: &str) -> Value {
    let output = run(
        lede_bin(),
        &[
            "extract",
            "-",
            "--compact",
            "--url",
            url,
            "--content-type",
            content_type,
        ],
        page,
    )
    .await;
    serde_json::from_str(&stdout_of(&output, "lede extract -")).expect("JSON")
}

#[tokio::test]
async fn html_responses_become_lines_named_by_record_id_and_the_rest_is_counted() {
    let dir = scratch("kinds");
    let html = http(
        "Content-Type: text/html; charset=utf-8\r\n",
        SMALL_PAGE.as_bytes(),
    );
    let mut file = record("warcinfo", "urn:uuid:info", "", b"software: hand\r\n");
    file.extend(record(
        "request",
        "urn:uuid:req",
        "https://news.example/a",
        b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
    ));
    file.extend(record(
        "response",
        "urn:uuid:page-a",
        "https://news.example/a",
        &html,
    ));
    file.extend(record(
        "metadata",
        "urn:uuid:meta",
        "https://news.example/a",
        b"fetchTimeMs: 12\r\n",
    ));
    let css = http("Content-Type: text/css\r\n", b"body { color: red }");
    file.extend(record(
        "response",
        "urn:uuid:css",
        "https://news.example/s.css",
        &css,
    ));
    file.extend(record(
        "revisit",
        "urn:uuid:again",
        "https://news.example/a",
        b"",
    ));
    // A record whose header breaks off: its own error line, then the next.
    file.extend(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bad>\r\nthis is no header\r\n\r\nleft over\r\n");
    file.extend(record(
        "response",
        "urn:uuid:page-b",
        "https://news.example/b",
        &html,
    ));
    let path = dir.join("crawl.warc");
    std::fs::write(&path, &file).expect("write");

    let output = run(lede_bin(), &["extract", utf8(&path)], b"").await;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let lines = json_lines(&output.stdout);
    let _ = std::fs::remove_dir_all(&dir);

    // The damaged record fails the run, after every line is written.
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids.len(), 3, "{lines:#?}");
    assert_eq!(ids[0], "urn:uuid:page-a");
    assert_eq!(ids[2], "urn:uuid:page-b");
    assert_eq!(lines[1]["error"]["codeName"], "DATA_LOSS", "{:#}", lines[1]);
    let message = lines[1]["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("damaged WARC record"), "{message}");
    assert_eq!(lines[0]["article"]["url"], "https://news.example/a");
    assert_eq!(lines[2]["article"]["url"], "https://news.example/b");

    // The same page extracted alone, at the record's URL, with its HTTP
    // Content-Type, gives the same article.
    let alone = extract_alone(
        SMALL_PAGE.as_bytes(),
        "https://news.example/a",
        "text/html; charset=utf-8",
    )
    .await;
    assert!(
        json_eq(&lines[0]["article"], &alone["article"]),
        "{:#}\n{alone:#}",
        lines[0]
    );

    assert!(
        stderr.contains("lede: 3 pages (2 extracted, 1 failed)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "skipped, not HTML responses: 5 WARC records (1 metadata, \
             1 non-HTML response, 1 request, 1 revisit, 1 warcinfo)"
        ),
        "{stderr}"
    );
}

#[tokio::test]
async fn gzip_per_record_files_in_a_folder_with_encoded_payloads() {
    let dir = scratch("gz");
    // gzip on the wire and chunked, as some crawlers store it.
    let gz = gzip(SMALL_PAGE.as_bytes());
    let mut chunked = format!("{:x}\r\n", gz.len()).into_bytes();
    chunked.extend(&gz);
    chunked.extend(b"\r\n0\r\n\r\n");
    let encoded = http(
        "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
        &chunked,
    );
    let latin1 = b"<html><head><title>Caf\xe9 cr\xe8me</title></head><body><article><p>Un caf\xe9 cr\xe8me, \
        s'il vous pla\xeet, avec assez de mots pour faire un article sur rien du tout.</p></article></body></html>";
    let windows = http("Content-Type: text/html; charset=windows-1252\r\n", latin1);
    let mut file = gzip(&record("warcinfo", "urn:uuid:info", "", b"a: b\r\n"));
    file.extend(gzip(&record(
        "response",
        "urn:uuid:gz",
        "https://news.example/gz",
        &encoded,
    )));
    file.extend(gzip(&record(
        "response",
        "urn:uuid:latin",
        "https://news.example/cafe",
        &windows,
    )));
    std::fs::create_dir_all(dir.join("crawls")).expect("mkdir");
    std::fs::write(dir.join("crawls/part-0.warc.gz"), &file).expect("write");
    std::fs::write(dir.join("crawls/notes.md"), "not a page").expect("write");

    let output = run(lede_bin(), &["extract", utf8(&dir), "-j", "2"], b"").await;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let lines = json_lines(&output.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(output.status.success(), "{stderr}");
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids, ["urn:uuid:gz", "urn:uuid:latin"], "{stderr}");
    assert_eq!(lines[0]["article"]["title"], "A small page");
    assert_eq!(lines[1]["article"]["title"], "Café crème");
    assert!(
        stderr.contains("skipped, not pages: 1 file (crawls/notes.md)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("skipped, not HTML responses: 1 WARC record (1 warcinfo)"),
        "{stderr}"
    );
}

/// A 200 MB record (over the page limit, and a 200 MB resource) goes by
/// without being held: the process stays far below its size. The file is
/// sparse (no disk used); a FIFO named after the WARC holds the process
/// once the large records are done, so its peak RSS can be read.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_large_record_is_streamed_not_held() {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    const BIG: u64 = 200 * 1024 * 1024;
    let dir = scratch("big");
    let path = dir.join("big.warc");
    {
        let mut file = std::fs::File::create(&path).expect("create");
        for (kind, id, block_head) in [
            (
                "response",
                "urn:uuid:huge-page",
                http("Content-Type: text/html\r\n", b"<html><p>"),
            ),
            ("resource", "urn:uuid:huge-file", Vec::new()),
        ] {
            let content_type = if kind == "response" {
                "application/http; msgtype=response"
            } else {
                "application/octet-stream"
            };
            let head = format!(
                "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <{id}>\r\n\
                 WARC-Target-URI: https://news.example/big\r\nContent-Type: {content_type}\r\n\
                 Content-Length: {BIG}\r\n\r\n"
            );
            file.write_all(head.as_bytes()).expect("write");
            file.write_all(&block_head).expect("write");
            let end = std::io::Seek::stream_position(&mut file).expect("position") + BIG
                - block_head.len() as u64;
            file.set_len(end).expect("a sparse block");
            std::io::Seek::seek(&mut file, std::io::SeekFrom::End(0)).expect("seek");
            file.write_all(b"\r\n\r\n").expect("write");
        }
    }
    let fifo = dir.join("after.html");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());

    let mut child = tokio::process::Command::new(lede_bin())
        .args(["extract", utf8(&path), utf8(&fifo), "-j", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("lede extract runs");
    let pid = child.id().expect("a pid");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped")).lines();
    // The huge page's line comes out before the worker opens the FIFO.
    let first = tokio::time::timeout(std::time::Duration::from_secs(60), stdout.next_line())
        .await
        .expect("the large records are read within a minute")
        .expect("stdout reads")
        .expect("a first line");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("procfs");
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmHWM line");
    let mut writer = tokio::fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .await
        .expect("the FIFO opens");
    writer
        .write_all(SMALL_PAGE.as_bytes())
        .await
        .expect("write");
    drop(writer);
    let second = stdout
        .next_line()
        .await
        .expect("reads")
        .expect("a second line");
    let status = child.wait().await.expect("lede exits");
    let _ = std::fs::remove_dir_all(&dir);

    let first: Value = serde_json::from_str(&first).expect("JSON");
    assert_eq!(first["id"], "urn:uuid:huge-page");
    assert_eq!(
        first["error"]["codeName"], "RESOURCE_EXHAUSTED",
        "{first:#}"
    );
    let second: Value = serde_json::from_str(&second).expect("JSON");
    assert_eq!(second["article"]["title"], "A small page");
    assert_eq!(status.code(), Some(1));
    assert!(
        peak_kib < 64 * 1024,
        "peak RSS {peak_kib} KiB for {} MiB records",
        BIG >> 20
    );
}

/// `WARC-Date` is the capture time: relative dates ("3 hours ago") are read
/// against it, and a record without a readable one falls back on `--now`.
#[tokio::test]
async fn relative_dates_are_read_against_the_warc_date() {
    let dir = scratch("date");
    let page = b"<html lang=en><body><article><header><h1>A headline here</h1>\
        <time>3 hours ago</time></header><p>A first paragraph with enough words to be \
        the body of this short article about nothing.</p></article>";
    let html = http("Content-Type: text/html\r\n", page);
    // `record` writes WARC-Date: 2024-06-18T14:05:00Z.
    let mut file = record(
        "response",
        "urn:uuid:dated",
        "https://news.example/a",
        &html,
    );
    let undated = String::from_utf8_lossy(&record(
        "response",
        "urn:uuid:undated",
        "https://news.example/b",
        &html,
    ))
    .replace("WARC-Date: 2024-06-18T14:05:00Z", "WARC-Date: yesterday");
    file.extend(undated.as_bytes());
    let path = dir.join("dated.warc");
    std::fs::write(&path, &file).expect("write");
    let output = run(
        lede_bin(),
        &["extract", utf8(&path), "--now", "2025-01-01T12:00:00Z"],
        b"",
    )
    .await;
    let lines = json_lines(&output.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(lines[0]["article"]["publishedTime"], "2024-06-18T11:05:00Z");
    assert_eq!(lines[1]["article"]["publishedTime"], "2025-01-01T09:00:00Z");
}
