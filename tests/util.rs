//! Helpers shared by the test modules.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::Output,
};

use lede::config::Config;
use lede::grpc::pb::extractor_service_client::ExtractorServiceClient;
use tokio::{net::TcpListener, sync::oneshot, task::JoinHandle};
use tonic::transport::Channel;

/// The seed article of issue 2, relative to the shared directory.
pub(crate) const SEED: &str = "seed/000_5ddd070edce086eb.txt";

/// A lede server running in this process on an ephemeral port.
pub(crate) struct TestServer {
    /// Where it listens.
    pub(crate) addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl TestServer {
    /// Starts a server with the default settings.
    pub(crate) async fn start() -> Self {
        Self::with_config(Config::default()).await
    }

    /// Starts a server with `config` (its `listen` is ignored).
    pub(crate) async fn with_config(config: Config) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind port 0");
        let addr = listener.local_addr().expect("a local address");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            lede::server::run(listener, config, async {
                let _ = stopped.await;
            })
            .await
            .expect("the server runs");
        });
        Self {
            addr,
            stop: Some(stop),
            task,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A connected channel.
    pub(crate) async fn channel(&self) -> Channel {
        Channel::from_shared(self.url())
            .expect("a valid URL")
            .connect()
            .await
            .expect("the server accepts connections")
    }

    /// A connected ExtractorService client.
    pub(crate) async fn client(&self) -> ExtractorServiceClient<Channel> {
        ExtractorServiceClient::new(self.channel().await)
            .max_decoding_message_size(64 * 1024 * 1024)
            .max_encoding_message_size(64 * 1024 * 1024)
    }

    /// Signals shutdown without waiting.
    pub(crate) fn signal_stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Signals shutdown and waits for the server to finish.
    pub(crate) async fn stop(mut self) {
        self.signal_stop();
        (&mut self.task)
            .await
            .expect("the server task ends cleanly");
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.signal_stop();
    }
}

/// The repository root.
pub(crate) fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed's path, or `None` (with a message saying why the caller skips)
/// when the shared directory is absent. `LEDE_SHARED_DIR` overrides the
/// default `../shared`.
pub(crate) fn seed_path() -> Option<PathBuf> {
    let shared = std::env::var_os("LEDE_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"));
    let seed = shared.join(SEED);
    if seed.is_file() {
        Some(seed)
    } else {
        eprintln!(
            "SKIPPED: the seed {} is absent (set LEDE_SHARED_DIR to the shared directory)",
            seed.display()
        );
        None
    }
}

/// An external tool: the path in `env_var`, else `.tools/venv/bin/NAME`
/// (where `scripts/test` installs it), else `None` with a message saying why
/// the caller skips.
pub(crate) fn tool(env_var: &str, name: &str) -> Option<PathBuf> {
    let path = std::env::var_os(env_var)
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join(".tools/venv/bin").join(name));
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "SKIPPED: {name} not found at {} (run scripts/test, or set {env_var})",
            path.display()
        );
        None
    }
}

/// Runs `program` with `args`, feeding `stdin`, and returns its output.
pub(crate) async fn run(program: &Path, args: &[&str], stdin: &[u8]) -> Output {
    use tokio::io::AsyncWriteExt;
    let mut child = tokio::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|err| panic!("cannot run {}: {err}", program.display()));
    let mut input = child.stdin.take().expect("a piped stdin");
    let stdin = stdin.to_vec();
    let writer = tokio::spawn(async move {
        let _ = input.write_all(&stdin).await;
    });
    let output = child.wait_with_output().await.expect("the process ends");
    let _ = writer.await;
    output
}

/// The `lede` binary built for these tests.
pub(crate) fn lede_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_lede"))
}

/// Standard output as text; panics with both streams when `output` failed.
pub(crate) fn stdout_of(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed ({}):\nstdout: {}\nstderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Whether two JSON values are equal, numbers within 1e-6 (f32 fields print
/// differently across JSON encoders).
pub(crate) fn json_eq(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-6,
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_eq(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

/// A short article page.
pub(crate) const SMALL_PAGE: &str = "<!doctype html><html lang=en><head><title>A small page - Example News</title></head>\
    <body><article><h1>A small page</h1><p>The first paragraph of a small page, with enough words \
    in it to be taken for the body of an article about nothing in particular.</p>\
    <p>A second paragraph follows the first one and says a little more about the same thing.</p>\
    </article></body></html>";
