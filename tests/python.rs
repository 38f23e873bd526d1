//! A client in another language: examples/client.py (Python grpcio, stubs
//! generated from the proto at test time with grpcio-tools) calls Extract,
//! on a small page and on the seed, and must get what `lede extract` prints.
//! Skipped with a message when the Python tools or the seed are absent.

use std::path::Path;

use serde_json::Value;

use crate::util::{
    SMALL_PAGE, TestServer, json_eq, lede_bin, repo, run, seed_path, stdout_of, tool,
};

/// Runs examples/client.py on `page` against a fresh server, and
/// `lede extract` on it, and checks both print the same response.
async fn client_agrees_with_the_cli(python: &Path, page: &Path) {
    let page = page.to_str().expect("a UTF-8 path");
    let server = TestServer::start().await;
    let client = repo().join("examples/client.py");
    let client = client.to_str().expect("a UTF-8 path");
    let addr = server.addr.to_string();
    let output = run(python, &[client, "--addr", &addr, "--id", "py", page], b"").await;
    let answered: Value =
        serde_json::from_str(&stdout_of(&output, "examples/client.py")).expect("JSON output");

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
    let page = std::env::temp_dir().join(format!("lede-python-{}.html", std::process::id()));
    std::fs::write(&page, SMALL_PAGE).expect("a temporary file");
    client_agrees_with_the_cli(&python, &page).await;
    let _ = std::fs::remove_file(&page);
}

#[tokio::test]
async fn python_grpcio_client_extracts_the_seed() {
    let Some(python) = tool("LEDE_PYTHON", "python") else {
        return;
    };
    let Some(seed) = seed_path() else { return };
    client_agrees_with_the_cli(&python, &seed).await;
}
