//! `lede serve` with its metrics listener: a few calls of every kind, then
//! `GET /metrics` over a real socket must show every metric family with
//! non-zero values.

use std::{collections::HashMap, process::Stdio, time::Duration};

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tonic::{Code, transport::Channel};
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

use lede::grpc::pb::{self, extractor_service_client::ExtractorServiceClient};

use crate::util::{SMALL_PAGE, lede_bin};

/// `lede serve` on ephemeral ports, with one extraction slot and no queue
/// (so that concurrent calls get shed); returns the child and the gRPC and
/// metrics addresses it logged.
async fn spawn_server(extra_env: &[(&str, &str)]) -> (tokio::process::Child, String, String) {
    let mut command = tokio::process::Command::new(lede_bin());
    command
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--concurrency",
            "1",
            "--max-queued",
            "0",
        ])
        .env("LEDE_LOG_FORMAT", "json")
        .env("LEDE_LOG", "info")
        .env("LEDE_METRICS_LISTEN", "127.0.0.1:0")
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    for (key, value) in extra_env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("lede serve starts");
    let mut lines = BufReader::new(child.stderr.take().expect("a piped stderr")).lines();
    let (listen, metrics) = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(line) = lines.next_line().await.expect("stderr reads") {
            let Ok(event) = serde_json::from_str::<Value>(&line) else {
                continue;
            };
            let fields = &event["fields"];
            if let (Some(listen), Some(metrics)) =
                (fields["listen"].as_str(), fields["metrics_listen"].as_str())
            {
                return (listen.to_owned(), metrics.to_owned());
            }
        }
        panic!("lede serve exited without logging its addresses");
    })
    .await
    .expect("lede serve logs its addresses");
    // Keep draining stderr so the child never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, listen, metrics)
}

/// `GET path` over a plain TCP socket (HTTP/1.1, `Connection: close`):
/// the status line and the body.
async fn http_get(addr: &str, path: &str) -> (String, String) {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("the metrics listener accepts");
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .await
        .expect("request sent");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .await
        .expect("response read");
    let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    let status = head.lines().next().unwrap_or_default().to_owned();
    (status, body.to_owned())
}

/// The samples of a Prometheus text exposition: `name{labels}` to value.
fn samples(text: &str) -> HashMap<String, f64> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let (series, value) = line.rsplit_once(' ')?;
            Some((series.to_owned(), value.parse().ok()?))
        })
        .collect()
}

/// The sum of the samples of series starting with `prefix` and containing
/// every one of `labels`.
fn total(samples: &HashMap<String, f64>, prefix: &str, labels: &[&str]) -> f64 {
    samples
        .iter()
        .filter(|(series, _)| {
            series.starts_with(prefix) && labels.iter().all(|l| series.contains(l))
        })
        .map(|(_, value)| value)
        .sum()
}

fn request(id: &str, html: &[u8]) -> pb::ExtractRequest {
    pb::ExtractRequest {
        id: id.to_owned(),
        html: html.to_vec(),
        ..Default::default()
    }
}

#[tokio::test]
async fn metrics_count_every_family_after_a_few_calls() {
    let (_child, listen, metrics) = spawn_server(&[]).await;
    let channel = Channel::from_shared(format!("http://{listen}"))
        .expect("a valid URL")
        .connect()
        .await
        .expect("the server accepts connections");
    let mut client = ExtractorServiceClient::new(channel.clone());

    // One good page, one bad, a language detection and a stream.
    client
        .extract(request("ok", SMALL_PAGE.as_bytes()))
        .await
        .expect("Extract answers");
    let status = client
        .extract(request("empty", b""))
        .await
        .expect_err("empty input fails");
    assert_eq!(status.code(), Code::InvalidArgument);
    client
        .detect_language(pb::DetectLanguageRequest {
            text: "Der schnelle braune Fuchs springt über den faulen Hund.".to_owned(),
            ..Default::default()
        })
        .await
        .expect("DetectLanguage answers");
    let item = pb::ExtractStreamRequest {
        id: "s".to_owned(),
        html: SMALL_PAGE.as_bytes().to_vec(),
        ..Default::default()
    };
    let mut answers = client
        .extract_stream(tokio_stream::iter(vec![item]))
        .await
        .expect("ExtractStream answers")
        .into_inner();
    while answers
        .message()
        .await
        .expect("the stream goes on")
        .is_some()
    {}

    // With one slot and no queue, a burst of calls gets some shed.
    let big = SMALL_PAGE.repeat(400);
    let mut shed = false;
    for _ in 0..20 {
        let calls: Vec<_> = (0..8)
            .map(|i| {
                let mut client = client.clone();
                let page = big.clone().into_bytes();
                tokio::spawn(async move { client.extract(request(&i.to_string(), &page)).await })
            })
            .collect();
        for call in calls {
            if let Err(status) = call.await.expect("no panic") {
                assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
                shed = true;
            }
        }
        if shed {
            break;
        }
    }
    assert!(shed, "a burst of 8 calls on one slot was never shed");

    // A Watch stays open: one call in flight while we scrape.
    let mut watch = HealthClient::new(channel)
        .watch(HealthCheckRequest::default())
        .await
        .expect("Watch answers")
        .into_inner();
    watch
        .message()
        .await
        .expect("a first status")
        .expect("a status");

    let (status, body) = http_get(&metrics, "/metrics").await;
    assert!(status.contains("200"), "{status}");
    let samples = samples(&body);
    let extract = "method=\"lede.v1.ExtractorService/Extract\"";
    let families: [(&str, &[&str]); 9] = [
        ("lede_grpc_requests_total{", &[extract, "code=\"OK\""]),
        (
            "lede_grpc_requests_total{",
            &[extract, "code=\"INVALID_ARGUMENT\""],
        ),
        (
            "lede_grpc_requests_total{",
            &[extract, "code=\"RESOURCE_EXHAUSTED\""],
        ),
        ("lede_grpc_request_duration_seconds_count{", &[extract]),
        (
            "lede_grpc_requests_in_flight{",
            &["method=\"grpc.health.v1.Health/Watch\""],
        ),
        ("lede_grpc_request_bytes_total{", &[extract]),
        (
            "lede_extract_stage_duration_seconds_count{",
            &["stage=\"parse\""],
        ),
        ("lede_pages_total{", &["language=\"en\""]),
        ("lede_shed_requests_total", &[]),
    ];
    for (prefix, labels) in families {
        assert!(
            total(&samples, prefix, labels) > 0.0,
            "no non-zero {prefix}{labels:?} in:\n{body}"
        );
    }
    for stage in lede::extract::Stage::ALL.map(lede::extract::Stage::name) {
        let label = format!("stage=\"{stage}\"");
        assert!(
            total(
                &samples,
                "lede_extract_stage_duration_seconds_count{",
                &[&label]
            ) > 0.0,
            "stage {stage} never timed:\n{body}"
        );
    }
    // The stream and language detection count too.
    for method in ["ExtractStream", "DetectLanguage"] {
        let label = format!("method=\"lede.v1.ExtractorService/{method}\"");
        assert!(
            total(
                &samples,
                "lede_grpc_requests_total{",
                &[&label, "code=\"OK\""]
            ) > 0.0,
            "{body}"
        );
    }

    let (status, _) = http_get(&metrics, "/elsewhere").await;
    assert!(status.contains("404"), "{status}");
}

#[tokio::test]
async fn request_ids_are_echoed_or_made() {
    let (_child, listen, _) = spawn_server(&[]).await;
    let channel = Channel::from_shared(format!("http://{listen}"))
        .expect("a valid URL")
        .connect()
        .await
        .expect("the server accepts connections");
    let mut client = ExtractorServiceClient::new(channel);

    let mut call = tonic::Request::new(request("r", SMALL_PAGE.as_bytes()));
    call.metadata_mut()
        .insert("x-request-id", "trace-me-42".parse().expect("ASCII"));
    let response = client.extract(call).await.expect("Extract answers");
    assert_eq!(
        response
            .metadata()
            .get("x-request-id")
            .map(|v| v.to_str().ok()),
        Some(Some("trace-me-42"))
    );

    let response = client
        .extract(request("r", SMALL_PAGE.as_bytes()))
        .await
        .expect("Extract answers");
    let made = response
        .metadata()
        .get("x-request-id")
        .expect("an id is made");
    assert_eq!(made.len(), 16, "{made:?}");

    // Failures carry it too (in the trailers-only response).
    let status = client
        .extract(request("e", b""))
        .await
        .expect_err("empty input fails");
    assert!(
        status.metadata().get("x-request-id").is_some(),
        "{status:?}"
    );
}

#[tokio::test]
async fn an_empty_metrics_address_turns_the_listener_off() {
    let (_child, _listen, metrics) = spawn_server(&[("LEDE_METRICS_LISTEN", "")]).await;
    assert_eq!(metrics, "off");
}

/// gzip and zstd both ways, seen on the wire: the request bytes the server
/// counts are fewer than the page's, and the answer says it is compressed.
#[tokio::test]
async fn requests_and_answers_travel_compressed() {
    use tonic::codec::CompressionEncoding;

    let (_child, listen, metrics) = spawn_server(&[]).await;
    let channel = Channel::from_shared(format!("http://{listen}"))
        .expect("a valid URL")
        .connect()
        .await
        .expect("the server accepts connections");
    // A very compressible page.
    let page = SMALL_PAGE.repeat(50);
    let bytes_so_far = async || {
        let (_, body) = http_get(&metrics, "/metrics").await;
        total(
            &samples(&body),
            "lede_grpc_request_bytes_total{",
            &["method=\"lede.v1.ExtractorService/Extract\""],
        )
    };
    for (encoding, name) in [
        (CompressionEncoding::Gzip, "gzip"),
        (CompressionEncoding::Zstd, "zstd"),
    ] {
        let before = bytes_so_far().await;
        let response = ExtractorServiceClient::new(channel.clone())
            .send_compressed(encoding)
            .accept_compressed(encoding)
            .extract(request(name, page.as_bytes()))
            .await
            .unwrap_or_else(|status| panic!("{name}: {status:?}"));
        let sent = bytes_so_far().await - before;
        assert!(
            sent > 0.0 && sent < (page.len() / 4) as f64,
            "{name}: {sent} bytes for {}",
            page.len()
        );
        assert_eq!(
            response
                .metadata()
                .get("grpc-encoding")
                .and_then(|v| v.to_str().ok()),
            Some(name),
            "{name}: {:?}",
            response.metadata()
        );
        assert!(response.into_inner().article.is_some());
    }
}
