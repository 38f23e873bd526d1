//! A bounded soak and overload test, and a shutdown under load, against a
//! spawned `lede serve` over loopback.
//!
//! The soak runs 10 s in the suite; `LEDE_SOAK_SECS=300` runs it longer.
//! The tests build the binary with the `fault-injection` feature, so a
//! request starting with [`PANIC_MARKER`] panics inside the server.

use std::time::{Duration, Instant};

use lede::extract::decode::PANIC_MARKER;
use lede::grpc::pb::{self, extractor_service_client::ExtractorServiceClient};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Child;
use tokio::task::JoinSet;
use tonic::Code;
use tonic::transport::Channel;

use crate::util::{SMALL_PAGE, lede_bin};

/// A running `lede serve` and the address it logged.
struct Served {
    child: Child,
    addr: String,
}

impl Served {
    /// Starts `lede serve` on an ephemeral port with `args`.
    async fn start(args: &[&str]) -> Self {
        let mut child = tokio::process::Command::new(lede_bin())
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            // Tests run in parallel: no fixed metrics port.
            .env("LEDE_METRICS_LISTEN", "127.0.0.1:0")
            .env("LEDE_LOG_FORMAT", "json")
            .env("LEDE_LOG", "warn,lede=info")
            .stderr(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("lede serve starts");
        let mut lines = BufReader::new(child.stderr.take().expect("a piped stderr")).lines();
        let addr = tokio::time::timeout(Duration::from_secs(20), async {
            while let Some(line) = lines.next_line().await.expect("stderr reads") {
                if let Ok(event) = serde_json::from_str::<Value>(&line)
                    && let Some(listen) = event["fields"]["listen"].as_str()
                {
                    return listen.to_owned();
                }
            }
            panic!("lede serve exited without logging its address");
        })
        .await
        .expect("lede serve logs its address");
        // Keep draining stderr so that the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Self { child, addr }
    }

    async fn client(&self) -> ExtractorServiceClient<Channel> {
        let channel = Channel::from_shared(format!("http://{}", self.addr))
            .expect("a valid URL")
            .connect()
            .await
            .expect("the server accepts connections");
        ExtractorServiceClient::new(channel)
    }

    /// The server's resident set size, in KiB.
    fn rss_kib(&self) -> u64 {
        let pid = self.child.id().expect("a running server");
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("procfs");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("a VmRSS line")
    }

    fn terminate(&self) {
        let pid = self.child.id().expect("a running server").to_string();
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs");
        assert!(killed.success());
    }
}

/// A page of `paragraphs` paragraphs, about 150 bytes each.
fn page(paragraphs: usize) -> Vec<u8> {
    let mut html = String::from(
        "<html lang=en><head><title>Load - Example</title></head><body><article><h1>Load</h1>",
    );
    for i in 0..paragraphs {
        html.push_str(&format!(
            "<p>Paragraph {i} of a page used to load the server, with words enough to count as text.</p>"
        ));
    }
    html.push_str("</article></body></html>");
    html.into_bytes()
}

fn request(id: String, html: Vec<u8>) -> pb::ExtractRequest {
    pb::ExtractRequest {
        id,
        html,
        ..Default::default()
    }
}

/// What the soak saw.
#[derive(Debug, Default)]
struct Tally {
    ok: u64,
    shed: u64,
    panicked: u64,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn soak_with_a_burst_and_panics_loses_nothing_and_keeps_rss_flat() {
    let secs: u64 = std::env::var("LEDE_SOAK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let server = Served::start(&["--concurrency", "2", "--max-queued", "6"]).await;
    let client = server.client().await;
    let started = Instant::now();
    let soak_for = Duration::from_secs(secs);

    // Sustained load: four clients in a loop, within the limit (2 running + 6
    // queued), every 25th request a panic.
    let mut workers = JoinSet::new();
    for w in 0..4 {
        let mut client = client.clone();
        workers.spawn(async move {
            let mut tally = Tally::default();
            let mut n = 0u64;
            while started.elapsed() < soak_for {
                n += 1;
                let poison = n.is_multiple_of(25);
                let html = if poison {
                    [PANIC_MARKER, SMALL_PAGE.as_bytes()].concat()
                } else {
                    page(40)
                };
                match client.extract(request(format!("{w}-{n}"), html)).await {
                    Ok(response) => {
                        assert!(!poison, "the panic marker was extracted");
                        assert_eq!(response.into_inner().id, format!("{w}-{n}"));
                        tally.ok += 1;
                    }
                    Err(status) if poison && status.code() == Code::Internal => tally.panicked += 1,
                    Err(status) if status.code() == Code::ResourceExhausted => tally.shed += 1,
                    Err(status) => panic!("request {w}-{n}: unexpected {status:?}"),
                }
            }
            tally
        });
    }

    // RSS once warm, then a burst past the limit halfway through.
    tokio::time::sleep(soak_for / 5).await;
    let rss_start = server.rss_kib();
    tokio::time::sleep(soak_for * 3 / 10).await;
    let mut burst = JoinSet::new();
    for i in 0..64 {
        let mut client = client.clone();
        burst.spawn(async move {
            client
                .extract(request(format!("burst-{i}"), page(200)))
                .await
        });
    }
    let (mut burst_ok, mut burst_shed) = (0, 0);
    while let Some(answer) = burst.join_next().await {
        match answer.expect("no client panic") {
            Ok(_) => burst_ok += 1,
            Err(status) if status.code() == Code::ResourceExhausted => burst_shed += 1,
            Err(status) => panic!("burst: unexpected {status:?}"),
        }
    }

    let mut total = Tally::default();
    while let Some(tally) = workers.join_next().await {
        let tally = tally.expect("no worker panic");
        total.ok += tally.ok;
        total.shed += tally.shed;
        total.panicked += tally.panicked;
    }
    let rss_end = server.rss_kib();
    let elapsed = started.elapsed().as_secs_f64();
    let answered = total.ok + total.shed + total.panicked + burst_ok + burst_shed;
    eprintln!(
        "soak: {secs}s, {answered} answered ({:.0}/s), sustained {total:?}, burst {burst_ok} ok \
         {burst_shed} shed, RSS {rss_start} KiB -> {rss_end} KiB",
        answered as f64 / elapsed
    );
    assert_eq!(burst_ok + burst_shed, 64, "every burst request is answered");
    assert!(burst_shed > 0, "a burst of 64 past 8 slots sheds some");
    assert!(burst_ok > 0, "a burst still gets some through");
    assert!(total.panicked > 0, "the panic hook fired");
    assert!(total.ok > total.panicked * 10, "{total:?}");
    assert!(
        rss_end <= rss_start + rss_start / 2 + 32 * 1024,
        "RSS grew from {rss_start} KiB to {rss_end} KiB"
    );
    // Still serving after all that.
    let mut client = client;
    client
        .extract(request("after".into(), page(5)))
        .await
        .expect("the server still answers");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_under_load_finishes_in_flight_calls_and_exits_zero() {
    let mut server = Served::start(&["--concurrency", "2", "--shutdown-grace", "20s"]).await;
    let client = server.client().await;
    // Eight calls in flight (two running, six queued), each a few hundred ms.
    let mut calls = JoinSet::new();
    for i in 0..8 {
        let mut client = client.clone();
        calls.spawn(async move {
            client
                .extract(request(format!("inflight-{i}"), page(400)))
                .await
        });
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    server.terminate();
    let mut completed = 0;
    while let Some(answer) = calls.join_next().await {
        let response = answer
            .expect("no client panic")
            .expect("an in-flight call completes");
        assert!(response.into_inner().article.is_some());
        completed += 1;
    }
    assert_eq!(completed, 8);
    // New calls are refused: on the old connection (once the server's
    // GOAWAY has reached it; a call racing the drain may still be served)
    // and on a new one.
    let mut old = client;
    let refusal = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            if old.extract(request("late".into(), page(1))).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(
        refusal.is_ok(),
        "calls after SIGTERM were still served 10 s later"
    );
    let fresh = Channel::from_shared(format!("http://{}", server.addr))
        .expect("a valid URL")
        .connect_timeout(Duration::from_secs(2))
        .connect()
        .await;
    assert!(fresh.is_err(), "the listener still accepts");
    let status = tokio::time::timeout(Duration::from_secs(30), server.child.wait())
        .await
        .expect("the server exits within its grace period")
        .expect("the server exits");
    assert!(status.success(), "{status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_stream_whose_client_leaves_stops_its_work() {
    // One slot, no queue, one item in flight: while the stream's work goes
    // on, every unary call is shed.
    let server = crate::util::TestServer::with_config(lede::config::Config {
        concurrency: 1,
        max_queued: 0,
        stream_concurrency: 1,
        ..lede::config::Config::default()
    })
    .await;
    let items = (0..40).map(|i| pb::ExtractStreamRequest {
        id: format!("item-{i}"),
        html: page(400),
        ..Default::default()
    });
    let mut client = server.client().await;
    let started = Instant::now();
    let mut answers = client
        .extract_stream(tokio_stream::iter(items))
        .await
        .expect("the stream opens")
        .into_inner();
    let first = answers
        .message()
        .await
        .expect("an answer")
        .expect("one item");
    assert!(first.article.is_some());
    let per_item = started.elapsed();
    drop(answers);
    // The item in flight may finish; the 38 others must not run.
    let left = Instant::now();
    loop {
        match client.extract(request("after".into(), page(1))).await {
            Ok(_) => break,
            Err(status) if status.code() == Code::ResourceExhausted => {
                // Had the 38 abandoned items run, the slot would stay busy
                // for about 38 item-times; 25 leaves room for a busy machine.
                assert!(
                    left.elapsed() < per_item * 25,
                    "the stream's work went on after its client left ({:?}, {per_item:?} per item)",
                    left.elapsed()
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            Err(status) => panic!("unexpected {status:?}"),
        }
    }
}
