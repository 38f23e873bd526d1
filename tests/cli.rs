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
