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
async fn extract_refuses_one_url_for_many_pages() {
    let output = run(
        lede_bin(),
        &["extract", "-", "-", "--url", "https://news.example/a"],
        b"",
    )
    .await;
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--url and --id describe one page"),
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
