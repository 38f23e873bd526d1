//! examples/spark/extract_warc.py for real: PySpark on `local[2]` with the
//! machine's Java, against a lede server on loopback that comes up only
//! after the job's first call failed (so the job must retry), over WARC
//! files the test writes; its Parquet rows must match what `lede extract`
//! prints for the same records. Skipped with a message when Java is absent (or the
//! Python tools are, as for the other Python tests).

use std::{collections::BTreeMap, path::Path, time::Duration};

use serde_json::Value;

use crate::{
    util::{SMALL_PAGE, lede_bin, repo, run, stdout_of, tool},
    warc::{gzip, http, record},
};

/// Whether `java` runs here.
fn java_present() -> bool {
    let found = std::process::Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: no Java on this machine (PySpark needs Java 17 or later)");
    }
    found
}

/// Rows by id from JSON lines.
fn by_id(lines: &str) -> BTreeMap<String, Value> {
    lines
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("a JSON line"))
        .map(|v| (v["id"].as_str().unwrap_or_default().to_owned(), v))
        .collect()
}

const BYLINE_PAGE: &str = "<!doctype html><html lang=de><head><title>Ein Artikel - Beispiel</title>\
    <meta name=author content=\"Erika Mustermann\">\
    <meta property=article:published_time content=\"2024-05-01T08:00:00Z\"></head>\
    <body><article><h1>Ein Artikel</h1><p>Der erste Absatz eines kurzen Artikels, mit genug Wörtern, \
    um als der Text eines Artikels über nichts Besonderes zu gelten.</p>\
    <p>Ein zweiter Absatz folgt dem ersten und sagt noch etwas mehr über dieselbe Sache.</p>\
    </article></body></html>";

#[tokio::test]
async fn the_spark_job_writes_what_lede_extract_prints() {
    if !java_present() {
        return;
    }
    let Some(python) = tool("LEDE_PYTHON", "python") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("lede-spark-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in")).expect("mkdir");
    let html = |payload: &str| {
        http(
            "Content-Type: text/html; charset=utf-8\r\n",
            payload.as_bytes(),
        )
    };
    let mut part0 = gzip(&record(
        "warcinfo",
        "urn:uuid:info",
        "",
        b"software: test\r\n",
    ));
    part0.extend(gzip(&record(
        "request",
        "urn:uuid:req",
        "https://news.example/a",
        b"GET /a HTTP/1.1\r\n\r\n",
    )));
    part0.extend(gzip(&record(
        "response",
        "urn:uuid:a",
        "https://news.example/a",
        &html(SMALL_PAGE),
    )));
    part0.extend(gzip(&record(
        "response",
        "urn:uuid:de",
        "https://zeitung.example/artikel",
        &html(BYLINE_PAGE),
    )));
    let css = http("Content-Type: text/css\r\n", b"p {}");
    part0.extend(gzip(&record(
        "response",
        "urn:uuid:css",
        "https://news.example/s.css",
        &css,
    )));
    std::fs::write(dir.join("in/part-0.warc.gz"), part0).expect("write");
    let mut part1 = record(
        "response",
        "urn:uuid:b",
        "https://news.example/b",
        &html(SMALL_PAGE),
    );
    // A relative date, read against the record's WARC-Date by both.
    let relative = "<html lang=en><body><article><header><h1>A headline here</h1>\
        <time>3 hours ago</time></header><p>A first paragraph with enough words to be \
        the body of this short article about nothing.</p></article>";
    part1.extend(record(
        "response",
        "urn:uuid:rel",
        "https://news.example/rel",
        &html(relative),
    ));
    // An HTML response lede refuses (no content): its row keeps the error.
    part1.extend(record(
        "response",
        "urn:uuid:empty",
        "https://news.example/empty",
        &html(""),
    ));
    std::fs::write(dir.join("in/part-1.warc"), part1).expect("write");

    // The job starts before the service: the first connection is taken and
    // closed (UNAVAILABLE), then lede starts on that port, and the job must
    // retry its pages rather than fail them.
    let probe = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let lede = probe.local_addr().expect("an address").to_string();
    let script = repo().join("examples/spark/extract_warc.py");
    let out = dir.join("out");
    let inputs = format!("{}/*.warc*", dir.join("in").display());
    let started = std::time::Instant::now();
    let job = tokio::process::Command::new(&python)
        .args([
            script.to_str().expect("UTF-8"),
            "--lede",
            &lede,
            "--master",
            "local[2]",
            &inputs,
            out.to_str().expect("UTF-8"),
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the Spark job starts");
    let (first, _) = tokio::time::timeout(Duration::from_secs(150), probe.accept())
        .await
        .expect("the job calls lede within its first minutes")
        .expect("a connection");
    drop(first);
    drop(probe);
    let _server = tokio::process::Command::new(lede_bin())
        .args(["serve", "--listen", &lede, "--metrics-listen", "off"])
        .env("LEDE_LOG", "warn")
        .kill_on_drop(true)
        .spawn()
        .expect("lede serve starts");
    let job = tokio::time::timeout(Duration::from_secs(180), job.wait_with_output())
        .await
        .expect("the Spark job ends within three minutes")
        .expect("the job runs");
    stdout_of(&job, "examples/spark/extract_warc.py");
    let job_log = String::from_utf8_lossy(&job.stderr);
    assert!(
        job_log.contains("lede UNAVAILABLE"),
        "the job never retried: {job_log}"
    );
    eprintln!(
        "the Spark job took {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let dump = run(
        &python,
        &[
            "-c",
            "import json, sys, pyarrow.parquet as pq\n\
             for r in pq.read_table(sys.argv[1]).to_pylist(): print(json.dumps(r))",
            out.to_str().expect("UTF-8"),
        ],
        b"",
    )
    .await;
    let rows = by_id(&stdout_of(&dump, "reading the Parquet files"));
    let cli = run(
        lede_bin(),
        &[
            "extract",
            dir.join("in").to_str().expect("UTF-8"),
            "--markdown",
        ],
        b"",
    )
    .await;
    let lines = by_id(&String::from_utf8_lossy(&cli.stdout));
    let _ = std::fs::remove_dir_all(&dir);

    assert_eq!(
        rows.keys().collect::<Vec<_>>(),
        [
            "urn:uuid:a",
            "urn:uuid:b",
            "urn:uuid:de",
            "urn:uuid:empty",
            "urn:uuid:rel"
        ],
        "{rows:#?}"
    );
    assert_eq!(
        rows.keys().collect::<Vec<_>>(),
        lines.keys().collect::<Vec<_>>()
    );
    for (id, row) in &rows {
        let line = &lines[id];
        let article = &line["article"];
        if article.is_null() {
            let code = line["error"]["codeName"].as_str().expect("an error");
            let error = row["error"].as_str().unwrap_or_default();
            assert!(error.starts_with(code), "{id}: {error} vs {line:#}");
            continue;
        }
        let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        assert_eq!(text(&row["error"]), "", "{id}");
        assert_eq!(text(&row["title"]), text(&article["title"]), "{id}");
        assert_eq!(text(&row["url"]), text(&article["url"]), "{id}");
        assert_eq!(text(&row["text"]), text(&article["text"]), "{id}");
        assert_eq!(text(&row["markdown"]), text(&article["markdown"]), "{id}");
        assert_eq!(
            text(&row["published"]),
            text(&article["publishedTime"]),
            "{id}"
        );
        assert_eq!(
            text(&row["language"]),
            text(&article["language"]["tag"]),
            "{id}"
        );
        assert_eq!(
            text(&row["page_type"]),
            text(&article["flags"]["pageType"]),
            "{id}"
        );
        let authors: Vec<String> = article["authors"]
            .as_array()
            .map(|a| a.iter().map(|x| text(&x["name"])).collect())
            .unwrap_or_default();
        let row_authors: Vec<String> = row["authors"]
            .as_array()
            .map(|a| a.iter().map(text).collect())
            .unwrap_or_default();
        assert_eq!(row_authors, authors, "{id}");
    }
    assert_eq!(rows["urn:uuid:de"]["authors"][0], "Erika Mustermann");
    assert_eq!(rows["urn:uuid:de"]["language"], "de");
    assert_eq!(rows["urn:uuid:rel"]["published"], "2024-06-18T11:05:00Z");
    assert!(Path::new(&script).is_file());
}
