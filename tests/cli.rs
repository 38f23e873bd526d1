//! The `lede` binary: `extract` prints what the Extract RPC answers, and
//! `health` asks a running server.

use serde_json::Value;

use lede::grpc::pb;

use crate::util::{SMALL_PAGE, TestServer, json_eq, lede_bin, run, stdout_of};

#[tokio::test]
async fn extract_prints_what_the_rpc_answers() {
    let output = run(
        lede_bin(),
        &[
            "extract",
            "-",
            "--url",
            "https://news.example/a",
            "--id",
            "x1",
        ],
        SMALL_PAGE.as_bytes(),
    )
    .await;
    let printed: Value =
        serde_json::from_str(&stdout_of(&output, "lede extract")).expect("JSON output");

    let server = TestServer::start().await;
    let answer = server
        .client()
        .await
        .extract(pb::ExtractRequest {
            id: "x1".to_owned(),
            html: SMALL_PAGE.as_bytes().to_vec(),
            url: "https://news.example/a".to_owned(),
            ..Default::default()
        })
        .await
        .expect("Extract answers")
        .into_inner();
    let answered = serde_json::to_value(&answer).expect("serialisable");
    assert!(
        json_eq(&printed, &answered),
        "CLI:\n{printed:#}\nRPC:\n{answered:#}"
    );
    assert_eq!(printed["id"], "x1");
    assert!(printed["article"].is_object());
}

#[tokio::test]
async fn extract_compact_prints_one_line() {
    let output = run(
        lede_bin(),
        &["extract", "-", "--compact"],
        SMALL_PAGE.as_bytes(),
    )
    .await;
    let text = stdout_of(&output, "lede extract --compact");
    assert_eq!(text.trim_end().lines().count(), 1, "{text}");
}

#[tokio::test]
async fn extract_reads_relative_dates_against_now_and_never_a_clock() {
    let page = b"<html lang=en><body><article><header><h1>A headline here</h1>\
        <time>3 hours ago</time></header><p>A first paragraph with enough words to be \
        the body of this short article about nothing.</p></article>";
    let published = |output: &std::process::Output| {
        let json: Value = serde_json::from_str(&stdout_of(output, "lede extract")).expect("json");
        json["article"]["publishedTime"].clone()
    };
    let args = ["extract", "-", "--now", "2024-06-18T06:43:02Z"];
    let output = run(lede_bin(), &args, page).await;
    assert_eq!(published(&output), "2024-06-18T03:43:02Z");
    let output = run(lede_bin(), &["extract", "-"], page).await;
    assert_eq!(published(&output), Value::Null);
    let output = run(lede_bin(), &["extract", "-", "--now", "soon"], page).await;
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("INVALID_ARGUMENT"), "{stderr}");
}

#[tokio::test]
async fn extract_fails_on_empty_input_with_the_status_name() {
    let output = run(lede_bin(), &["extract", "-"], b"").await;
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("INVALID_ARGUMENT"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[tokio::test]
async fn extract_fails_on_a_missing_file() {
    let output = run(lede_bin(), &["extract", "/nonexistent/page.html"], b"").await;
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read /nonexistent/page.html"),
        "{stderr}"
    );
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// The JSON Lines of `output`, parsed.
fn json_lines(output: &std::process::Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

#[tokio::test]
async fn extract_a_folder_writes_one_line_per_page_in_order_with_failures_inline() {
    let dir = scratch("folder");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    std::fs::write(dir.join("a-good.html"), SMALL_PAGE).expect("write");
    std::fs::write(dir.join("b-empty.html"), b"").expect("write");
    std::fs::write(dir.join("sub/c-good.htm"), SMALL_PAGE).expect("write");
    std::fs::write(dir.join("style.css"), b"body { color: red }").expect("write");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, SMALL_PAGE.as_bytes()).expect("gzip");
    std::fs::write(dir.join("d-good.html.gz"), gz.finish().expect("gzip")).expect("write");

    let dir_arg = dir.to_str().expect("a UTF-8 path");
    let output = run(lede_bin(), &["extract", dir_arg, "--jobs", "2"], b"").await;
    let lines = json_lines(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let _ = std::fs::remove_dir_all(&dir);

    // A failed page makes the exit code 1, after every line is written.
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    let expected: Vec<String> = [
        "a-good.html",
        "b-empty.html",
        "d-good.html.gz",
        "sub/c-good.htm",
    ]
    .iter()
    .map(|name| dir.join(name).display().to_string())
    .collect();
    assert_eq!(ids, expected, "{lines:#?}");
    for good in [0, 2, 3] {
        assert_eq!(
            lines[good]["article"]["title"], "A small page",
            "{lines:#?}"
        );
        assert!(lines[good].get("error").is_none());
    }
    assert!(lines[1].get("article").is_none(), "{:#}", lines[1]);
    assert_eq!(lines[1]["error"]["codeName"], "INVALID_ARGUMENT");
    assert_eq!(lines[1]["error"]["code"], 3);
    assert!(
        stderr.contains("4 pages (3 extracted, 1 failed)"),
        "no summary line: {stderr}"
    );
}

#[tokio::test]
async fn extract_many_files_keeps_argument_order_and_reports_missing_ones() {
    let dir = scratch("files");
    let good = dir.join("good.html");
    std::fs::write(&good, SMALL_PAGE).expect("write");
    let good = good.to_str().expect("a UTF-8 path");
    let missing = dir.join("missing.html");
    let missing = missing.to_str().expect("a UTF-8 path");
    let output = run(
        lede_bin(),
        &["extract", missing, good, "-", "--jobs", "1"],
        SMALL_PAGE.as_bytes(),
    )
    .await;
    let lines = json_lines(&output);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert_eq!(lines[0]["id"], missing);
    assert_eq!(lines[0]["error"]["codeName"], "NOT_FOUND");
    assert_eq!(lines[1]["id"], good);
    assert_eq!(lines[2]["id"], "-");
    assert_eq!(lines[1]["article"], lines[2]["article"]);
}

#[tokio::test]
async fn extract_jsonl_of_one_page_is_one_line_named_by_its_path() {
    let dir = scratch("jsonl");
    let page = dir.join("page.html");
    std::fs::write(&page, SMALL_PAGE).expect("write");
    let page = page.to_str().expect("a UTF-8 path");
    let output = run(lede_bin(), &["extract", page, "--jsonl"], b"").await;
    let text = stdout_of(&output, "lede extract --jsonl");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(text.lines().count(), 1, "{text}");
    let line: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(line["id"], page);
    assert_eq!(line["article"]["title"], "A small page");
}

#[tokio::test]
async fn extract_refuses_one_id_for_many_pages() {
    let output = run(lede_bin(), &["extract", "-", "-", "--id", "x"], b"").await;
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--id names one page"), "{stderr}");
}

/// A page whose only image is relative: its URL shows the base it got.
const RELATIVE_IMAGE_PAGE: &str = "<!doctype html><html lang=en><head><title>Pictures - Example</title></head>\
    <body><article><h1>Pictures</h1><p>The first paragraph of a page with a picture, with enough words \
    in it to be taken for the body of an article about nothing in particular.</p>\
    <figure><img src=\"img/one.jpg\" alt=\"One\" width=800 height=600><figcaption>The one picture</figcaption></figure>\
    <p>A second paragraph follows the picture and says a little more about the same thing.</p>\
    </article></body></html>";

/// The absolute URL of the first figure of a JSON line.
fn first_figure(line: &Value) -> &str {
    line["article"]["figures"][0]["image"]["src"]
        .as_str()
        .unwrap_or_default()
}

#[tokio::test]
async fn url_is_a_base_for_a_folder_of_pages() {
    let dir = scratch("base");
    std::fs::create_dir_all(dir.join("news")).expect("mkdir");
    std::fs::write(dir.join("news/pictures.html"), RELATIVE_IMAGE_PAGE).expect("write");
    std::fs::write(dir.join("top.shtml"), RELATIVE_IMAGE_PAGE).expect("write");
    let output = run(
        lede_bin(),
        &[
            "extract",
            dir.to_str().expect("UTF-8"),
            "--url",
            "https://site.example/",
        ],
        b"",
    )
    .await;
    let lines = json_lines(&output);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(
        lines[0]["article"]["url"],
        "https://site.example/news/pictures.html"
    );
    assert_eq!(
        first_figure(&lines[0]),
        "https://site.example/news/img/one.jpg"
    );
    assert_eq!(lines[1]["article"]["url"], "https://site.example/top.shtml");
    assert_eq!(first_figure(&lines[1]), "https://site.example/img/one.jpg");
}

#[tokio::test]
async fn a_manifest_gives_each_page_its_url_and_id() {
    let dir = scratch("manifest");
    std::fs::write(dir.join("a.html"), RELATIVE_IMAGE_PAGE).expect("write");
    std::fs::write(dir.join("b"), SMALL_PAGE).expect("write");
    let manifest = [
        r#"{"path": "a.html", "url": "https://one.example/x/a", "id": "first"}"#,
        r#"{"path": "b", "id": "second"}"#,
        r#"{"url": "https://one.example/no-path"}"#,
        r#"{"path": "missing.html", "id": "gone"}"#,
    ]
    .join("\n");
    std::fs::write(dir.join("pages.jsonl"), &manifest).expect("write");
    let from_file = dir.join("pages.jsonl");
    let output = run(
        lede_bin(),
        &["extract", "--manifest", from_file.to_str().expect("UTF-8")],
        b"",
    )
    .await;
    let lines = json_lines(&output);
    // From standard input, relative paths are from the current folder.
    let stdin_manifest = format!(
        r#"{{"path": "{}", "url": "https://two.example/a", "id": "in"}}"#,
        dir.join("a.html").display()
    );
    let piped = run(
        lede_bin(),
        &["extract", "--manifest", "-"],
        stdin_manifest.as_bytes(),
    )
    .await;
    let piped = json_lines(&piped);
    let _ = std::fs::remove_dir_all(&dir);

    assert_eq!(output.status.code(), Some(1));
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids[0], "first");
    assert_eq!(ids[1], "second");
    assert!(ids[2].ends_with("pages.jsonl:3"), "{ids:?}");
    assert_eq!(ids[3], "gone");
    assert_eq!(first_figure(&lines[0]), "https://one.example/x/img/one.jpg");
    assert_eq!(lines[1]["article"]["title"], "A small page");
    assert_eq!(lines[2]["error"]["codeName"], "INVALID_ARGUMENT");
    assert_eq!(lines[3]["error"]["codeName"], "NOT_FOUND");
    assert_eq!(piped.len(), 1);
    assert_eq!(piped[0]["id"], "in");
    assert_eq!(first_figure(&piped[0]), "https://two.example/img/one.jpg");
}

#[tokio::test]
async fn an_empty_folder_is_an_error_and_skipped_files_are_named() {
    let dir = scratch("empty");
    std::fs::write(dir.join("style.css"), "p {}").expect("write");
    std::fs::write(dir.join("LICENSE"), "MIT").expect("write");
    let output = run(lede_bin(), &["extract", dir.to_str().expect("UTF-8")], b"").await;
    let lines = json_lines(&output);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0]["error"]["codeName"], "NOT_FOUND");
    assert!(
        stderr.contains("skipped, not pages: 2 files (LICENSE, style.css)"),
        "{stderr}"
    );
}

#[tokio::test]
async fn health_exits_zero_when_serving() {
    let server = TestServer::start().await;
    let addr = server.addr.to_string();
    let output = run(lede_bin(), &["health", "--addr", &addr], b"").await;
    assert_eq!(stdout_of(&output, "lede health").trim(), "SERVING");

    // The default address is the loopback on LEDE_LISTEN's port.
    let output = tokio::process::Command::new(lede_bin())
        .arg("health")
        .env("LEDE_LISTEN", format!("0.0.0.0:{}", server.addr.port()))
        .env_remove("LEDE_HEALTH_ADDR")
        .output()
        .await
        .expect("lede health runs");
    assert_eq!(stdout_of(&output, "lede health").trim(), "SERVING");
}

#[tokio::test]
async fn health_exits_non_zero_without_a_server() {
    let server = TestServer::start().await;
    let addr = server.addr.to_string();
    server.stop().await;
    let output = run(
        lede_bin(),
        &["health", "--addr", &addr, "--timeout", "2s"],
        b"",
    )
    .await;
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("health check"));
}

/// Starts `lede serve` on an ephemeral port, checks it, stops it with
/// SIGTERM, and expects a clean exit.
#[tokio::test]
async fn serve_answers_then_stops_cleanly_on_sigterm() {
    use tokio::io::{AsyncBufReadExt, BufReader};

    let mut child = tokio::process::Command::new(lede_bin())
        .args(["serve", "--listen", "127.0.0.1:0", "--shutdown-grace", "2s"])
        .env("LEDE_LOG_FORMAT", "json")
        .env("LEDE_LOG", "info")
        .env("LEDE_METRICS_LISTEN", "127.0.0.1:0")
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("lede serve starts");
    let mut lines = BufReader::new(child.stderr.take().expect("a piped stderr")).lines();
    // The start-up log line names the bound address.
    let listen = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        while let Some(line) = lines.next_line().await.expect("stderr reads") {
            let Ok(event) = serde_json::from_str::<Value>(&line) else {
                continue;
            };
            if let Some(listen) = event["fields"]["listen"].as_str() {
                return listen.to_owned();
            }
        }
        panic!("lede serve exited without logging its address");
    })
    .await
    .expect("lede serve logs its address");

    let output = run(lede_bin(), &["health", "--addr", &listen], b"").await;
    assert_eq!(stdout_of(&output, "lede health").trim(), "SERVING");

    let pid = child.id().expect("a running child").to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = tokio::time::timeout(std::time::Duration::from_secs(10), child.wait())
        .await
        .expect("lede serve stops within its grace period")
        .expect("lede serve exits");
    assert!(status.success(), "{status}");
}

/// `lede` without a subcommand serves, takes a host name for `--listen`,
/// and writes its text logs without colour codes when they go to a pipe.
#[tokio::test]
async fn plain_lede_serves_on_a_host_name_with_plain_text_logs() {
    use tokio::io::{AsyncBufReadExt, BufReader};

    let mut child = tokio::process::Command::new(lede_bin())
        .args(["--listen", "localhost:0"])
        .env("LEDE_LOG_FORMAT", "text")
        .env("LEDE_LOG", "info")
        .env("LEDE_METRICS_LISTEN", "off")
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("lede starts");
    let mut lines = BufReader::new(child.stderr.take().expect("a piped stderr")).lines();
    let start = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        while let Some(line) = lines.next_line().await.expect("stderr reads") {
            if line.contains("lede starting") {
                return line;
            }
        }
        panic!("lede exited without logging its start");
    })
    .await
    .expect("lede logs its start");
    assert!(
        !start.contains('\u{1b}'),
        "colour codes in a pipe: {start:?}"
    );
    let listen = start
        .split_whitespace()
        .find_map(|field| field.strip_prefix("listen="))
        .unwrap_or_else(|| panic!("no listen= field: {start}"));
    assert!(
        listen.starts_with("127.0.0.1:") || listen.starts_with("[::1]:"),
        "localhost resolved to {listen}"
    );
    let output = run(lede_bin(), &["health", "--addr", listen], b"").await;
    assert_eq!(stdout_of(&output, "lede health").trim(), "SERVING");
    child.start_kill().expect("kill");
    let _ = child.wait().await;
}

#[tokio::test]
async fn top_level_help_leads_with_the_subcommands() {
    let output = run(lede_bin(), &["--help"], b"").await;
    let help = stdout_of(&output, "lede --help");
    let commands = help.find("Commands:").expect("a Commands section");
    let first_server_flag = help.find("--listen").expect("server flags listed");
    assert!(commands < first_server_flag, "{help}");
    for command in ["serve", "extract", "health", "completions"] {
        assert!(help.contains(&format!("  {command} ")), "{command}: {help}");
    }
}

#[tokio::test]
async fn completions_print_a_script_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef lede"),
        ("fish", "complete -c lede"),
    ] {
        let output = run(lede_bin(), &["completions", shell], b"").await;
        let script = stdout_of(&output, "lede completions");
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(script.contains("extract"), "{shell}: no subcommands");
    }
    let output = run(lede_bin(), &["completions", "tcsh"], b"").await;
    assert_ne!(output.status.code(), Some(0));
}

#[tokio::test]
async fn the_summary_counts_one_page_in_the_singular() {
    let output = run(
        lede_bin(),
        &["extract", "-", "--jsonl", "-j", "1"],
        SMALL_PAGE.as_bytes(),
    )
    .await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("lede: 1 page (1 extracted, 0 failed)"),
        "{stderr}"
    );
    assert!(stderr.contains(", 1 job"), "{stderr}");
}

#[tokio::test]
async fn formats_print_the_article_bodies_for_one_page_and_many() {
    let json = run(
        lede_bin(),
        &["extract", "-", "--markdown"],
        SMALL_PAGE.as_bytes(),
    )
    .await;
    let json: Value = serde_json::from_str(&stdout_of(&json, "lede extract")).expect("JSON");
    let markdown = json["article"]["markdown"]
        .as_str()
        .expect("markdown")
        .trim_end();
    let text = json["article"]["text"].as_str().expect("text").trim_end();
    assert!(!markdown.is_empty() && !text.is_empty());

    let output = run(
        lede_bin(),
        &["extract", "-", "--format", "markdown"],
        SMALL_PAGE.as_bytes(),
    )
    .await;
    assert_eq!(stdout_of(&output, "--format markdown").trim_end(), markdown);
    let output = run(
        lede_bin(),
        &["extract", "-", "--format", "text"],
        SMALL_PAGE.as_bytes(),
    )
    .await;
    assert_eq!(stdout_of(&output, "--format text").trim_end(), text);

    // Many pages: each document headed by its id, failures on stderr.
    let dir = scratch("formats");
    let page = dir.join("a.html");
    std::fs::write(&page, SMALL_PAGE).expect("write");
    let empty = dir.join("b.html");
    std::fs::write(&empty, "").expect("write");
    let (page, empty) = (
        page.to_str().expect("UTF-8"),
        empty.to_str().expect("UTF-8"),
    );
    let output = run(
        lede_bin(),
        &["extract", page, empty, "--format", "text"],
        b"",
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(1));
    let printed = String::from_utf8_lossy(&output.stdout);
    assert_eq!(printed, format!("==> {page} <==\n{text}\n\n"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("lede: {empty}: INVALID_ARGUMENT")),
        "{stderr}"
    );
}

#[tokio::test]
async fn output_dir_writes_one_safely_named_file_per_page() {
    let dir = scratch("outdir");
    let manifest = [
        r#"{"path": "p.html", "id": "../../escape"}"#,
        r#"{"path": "p.html", "id": "same"}"#,
        r#"{"path": "p.html", "id": "SAME"}"#,
        r#"{"path": "p.html", "id": "urn:uuid:1"}"#,
    ]
    .join("\n");
    std::fs::write(dir.join("p.html"), SMALL_PAGE).expect("write");
    std::fs::write(dir.join("pages.jsonl"), manifest).expect("write");
    let out = dir.join("out");
    let output = run(
        lede_bin(),
        &[
            "extract",
            "--manifest",
            dir.join("pages.jsonl").to_str().expect("UTF-8"),
            "--format",
            "markdown",
            "--output-dir",
            out.to_str().expect("UTF-8"),
        ],
        b"",
    )
    .await;
    let stdout = stdout_of(&output, "lede extract --output-dir");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("the folder exists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let doc = std::fs::read_to_string(out.join("same.md")).expect("a file");
    let outside = dir.parent().expect("a parent").join("escape.md").exists();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(
        names,
        ["SAME-2.md", "escape.md", "same.md", "urn_uuid_1.md"]
    );
    assert!(doc.contains("A second paragraph follows"), "{doc}");
    assert!(!outside);
}
