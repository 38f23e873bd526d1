//! A client in another language: examples/client.py (Python grpcio, stubs
//! generated from the proto at test time with grpcio-tools) calls Extract on
//! the seed, and must get what `lede extract` prints. Skipped with a message
//! when the Python tools or the seed are absent.

use serde_json::Value;

use crate::util::{TestServer, json_eq, lede_bin, repo, run, seed_path, stdout_of, tool};

#[tokio::test]
async fn python_grpcio_client_extracts_the_seed() {
    let Some(python) = tool("LEDE_PYTHON", "python") else {
        return;
    };
    let Some(seed) = seed_path() else { return };
    let seed = seed.to_str().expect("a UTF-8 path");
    let server = TestServer::start().await;
    let client = repo().join("examples/client.py");
    let addr = server.addr.to_string();
    let output = run(
        &python,
        &[
            client.to_str().expect("a UTF-8 path"),
            "--addr",
            &addr,
            "--id",
            "seed",
            seed,
        ],
        b"",
    )
    .await;
    let answered: Value =
        serde_json::from_str(&stdout_of(&output, "examples/client.py")).expect("JSON output");

    let output = run(lede_bin(), &["extract", "--id", "seed", seed], b"").await;
    let printed: Value =
        serde_json::from_str(&stdout_of(&output, "lede extract")).expect("JSON output");

    assert_eq!(answered["id"], "seed");
    assert!(answered["article"].is_object(), "{answered:#}");
    assert!(
        json_eq(&answered, &printed),
        "Python:\n{answered:#}\nCLI:\n{printed:#}"
    );
}
