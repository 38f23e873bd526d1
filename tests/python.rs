//! A client in another language: examples/client.py (Python grpcio, stubs
//! generated from the proto at test time with grpcio-tools) against a real
//! server: `extract` must print what `lede extract` prints (plain and
//! gzip-compressed), `stream` a folder one line per page, `language` and
//! `health` their answers. Skipped with a message when the Python tools or
//! the seed are absent.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{
    SMALL_PAGE, TestServer, json_eq, lede_bin, repo, run, seed_path, stdout_of, tool,
};

/// Runs examples/client.py with `args` against `server`.
async fn client(python: &Path, server: &TestServer, args: &[&str]) -> String {
    let script = repo().join("examples/client.py");
    let addr = server.addr.to_string();
    let mut full = vec![script.to_str().expect("a UTF-8 path"), "--addr", &addr];
    full.extend_from_slice(args);
    let output = run(python, &full, b"").await;
    stdout_of(&output, &format!("examples/client.py {}", args.join(" ")))
}

/// A fresh temporary directory for this test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-python-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

/// Runs `client.py extract` on `page` against a fresh server (with `flags`
/// before the subcommand), and `lede extract` on it, and checks both print
/// the same response.
async fn client_agrees_with_the_cli(python: &Path, page: &Path, flags: &[&str]) {
    let page = page.to_str().expect("a UTF-8 path");
    let server = TestServer::start().await;
    let mut args = flags.to_vec();
    args.extend(["extract", "--id", "py", page]);
    let answered: Value =
        serde_json::from_str(&client(python, &server, &args).await).expect("JSON output");

    let output = run(lede_bin(), &["extract", "--id", "py", page], b"").await;
    let printed: Value =
        serde_json::from_str(&stdout_of(&output, "lede extract")).expect("JSON output");

    assert_eq!(answered["id"], "py");
    assert!(answered["article"].is_object(), "{answered:#}");
    assert!(
        json_eq(&answered, &printed),
        "Python:\n{answered:#}\nCLI:\n{printed:#}"
    );
}

#[tokio::test]
async fn python_grpcio_client_extracts_a_page() {
    let Some(python) = tool("LEDE_PYTHON", "python") else {
        return;
    };
    let dir = scratch("page");
    let page = dir.join("page.html");
    std::fs::write(&page, SMALL_PAGE).expect("a temporary file");
    client_agrees_with_the_cli(&python, &page, &[]).await;
    // The same with gzip both ways (grpcio compresses the request; the
    // server answers in gzip, which grpcio accepts).
    client_agrees_with_the_cli(&python, &page, &["--gzip", "--request-id", "py-1"]).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn python_grpcio_client_extracts_the_seed() {
    let Some(python) = tool("LEDE_PYTHON", "python") else {
        return;
    };
    let Some(seed) = seed_path() else { return };
    client_agrees_with_the_cli(&python, &seed, &[]).await;
}

#[tokio::test]
async fn python_grpcio_client_streams_a_folder() {
    let Some(python) = tool("LEDE_PYTHON", "python") else {
        return;
    };
    let dir = scratch("folder");
    for name in ["a.html", "b.html", "c.html"] {
        std::fs::write(dir.join(name), SMALL_PAGE).expect("a page");
    }
    std::fs::write(dir.join("empty.html"), "").expect("an empty page");
    let server = TestServer::start().await;
    let out = client(&python, &server, &["stream", dir.to_str().expect("UTF-8")]).await;
    let mut answers: Vec<Value> = out
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON document per line"))
        .collect();
    answers.sort_by_key(|a| a["id"].as_str().map(str::to_owned));
    let ids: Vec<_> = answers.iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids, ["a.html", "b.html", "c.html", "empty.html"], "{out}");
    assert!(
        answers[..3].iter().all(|a| a["article"].is_object()),
        "{out}"
    );
    assert_eq!(answers[3]["error"]["codeName"], "INVALID_ARGUMENT", "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn python_grpcio_client_detects_a_language_and_checks_health() {
    let Some(python) = tool("LEDE_PYTHON", "python") else {
        return;
    };
    let server = TestServer::start().await;
    let text = "Der schnelle braune Fuchs springt über den faulen Hund, während die Katze zusieht.";
    let answer: Value = serde_json::from_str(&client(&python, &server, &["language", text]).await)
        .expect("JSON output");
    let expected = lede::grpc::pb::Language::from(lede::extract::language::detect(text, None));
    assert_eq!(
        answer["language"]["tag"],
        expected.tag.as_str(),
        "{answer:#}"
    );

    let status = client(&python, &server, &["health"]).await;
    assert_eq!(status.trim(), "SERVING");
    // A gzip channel compresses its health checks too (the README's command).
    let status = client(&python, &server, &["--gzip", "health"]).await;
    assert_eq!(status.trim(), "SERVING");
    let status = client(
        &python,
        &server,
        &["health", "--service", lede::grpc::SERVICE_NAME],
    )
    .await;
    assert_eq!(status.trim(), "SERVING");
}
