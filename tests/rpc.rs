//! The wire contract, through the generated tonic client against a server
//! started with `server::run` on 127.0.0.1:0.

use std::time::Duration;

use lede::config::{Config, Limits};
use lede::grpc::{convert, pb};
use tokio_stream::StreamExt;
use tonic::{Code, codec::CompressionEncoding};
use tonic_health::pb::{
    HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
};
use tonic_types::StatusExt;

use crate::util::{SMALL_PAGE, TestServer};

fn request(id: &str, html: &[u8]) -> pb::ExtractRequest {
    pb::ExtractRequest {
        id: id.to_owned(),
        html: html.to_vec(),
        url: "https://news.example/a/small-page".to_owned(),
        ..Default::default()
    }
}

fn stream_item(id: &str, html: &[u8]) -> pb::ExtractStreamRequest {
    pb::ExtractStreamRequest {
        id: id.to_owned(),
        html: html.to_vec(),
        ..Default::default()
    }
}

/// Asserts `status` is INVALID_ARGUMENT with a BadRequest violation on `field`.
fn assert_bad_field(status: &tonic::Status, field: &str) {
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    let details = status.get_error_details();
    let bad_request = details
        .bad_request()
        .unwrap_or_else(|| panic!("no BadRequest detail in {status:?}"));
    assert!(
        bad_request
            .field_violations
            .iter()
            .any(|v| v.field == field),
        "no violation on `{field}` in {status:?}"
    );
}

#[tokio::test]
async fn extract_answers_what_the_library_extracts() {
    let server = TestServer::start().await;
    let request = request("page-1", SMALL_PAGE.as_bytes());
    let expected = convert::job(request.clone(), &Limits::default().options())
        .expect("a valid request")
        .run()
        .map(pb::Article::from)
        .expect("the page extracts");
    let response = server
        .client()
        .await
        .extract(request)
        .await
        .expect("Extract answers")
        .into_inner();
    assert_eq!(response.id, "page-1");
    assert_eq!(response.error, None);
    assert_eq!(response.article, Some(expected));
    server.stop().await;
}

#[tokio::test]
async fn extract_refuses_empty_input() {
    let server = TestServer::start().await;
    let status = server
        .client()
        .await
        .extract(request("empty", b"  \n "))
        .await
        .expect_err("empty input is refused");
    assert_bad_field(&status, "html");
}

#[tokio::test]
async fn extract_refuses_a_pdf() {
    let server = TestServer::start().await;
    let status = server
        .client()
        .await
        .extract(request("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
        .await
        .expect_err("a PDF is refused");
    assert_bad_field(&status, "html");
    assert!(status.message().contains("PDF"), "{status:?}");
}

#[tokio::test]
async fn extract_refuses_a_relative_url() {
    let server = TestServer::start().await;
    let mut bad = request("url", SMALL_PAGE.as_bytes());
    bad.url = "/a/small-page".to_owned();
    let status = server
        .client()
        .await
        .extract(bad)
        .await
        .expect_err("a relative URL is refused");
    assert_bad_field(&status, "url");
}

#[tokio::test]
async fn messages_above_tonics_default_reach_the_limits_of_the_library() {
    // 6 MiB is above tonic's 4 MB default decoding limit: the server must
    // decode it and let the library's own limit answer.
    let server = TestServer::with_config(Config {
        limits: Limits {
            max_input_bytes: 5 * 1024 * 1024,
            ..Limits::default()
        },
        ..Config::default()
    })
    .await;
    let html = "<p>lorem ipsum</p>".repeat(6 * 1024 * 1024 / 18);
    let status = server
        .client()
        .await
        .extract(request("big", html.as_bytes()))
        .await
        .expect_err("too large for the configured limit");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().contains("too large"), "{status:?}");
}

#[tokio::test]
async fn extract_speaks_gzip_and_zstd() {
    let server = TestServer::start().await;
    for encoding in [CompressionEncoding::Gzip, CompressionEncoding::Zstd] {
        let response = server
            .client()
            .await
            .send_compressed(encoding)
            .accept_compressed(encoding)
            .extract(request("compressed", SMALL_PAGE.as_bytes()))
            .await
            .unwrap_or_else(|status| panic!("{encoding:?}: {status:?}"));
        assert!(response.into_inner().article.is_some());
    }
}

#[tokio::test]
async fn health_and_reflection_speak_gzip_and_zstd_too() {
    use tonic_reflection::pb::v1::{
        ServerReflectionRequest, server_reflection_client::ServerReflectionClient,
        server_reflection_request::MessageRequest,
    };

    let server = TestServer::start().await;
    for encoding in [CompressionEncoding::Gzip, CompressionEncoding::Zstd] {
        let status = HealthClient::new(server.channel().await)
            .send_compressed(encoding)
            .accept_compressed(encoding)
            .check(HealthCheckRequest::default())
            .await
            .unwrap_or_else(|status| panic!("health, {encoding:?}: {status:?}"))
            .into_inner()
            .status();
        assert_eq!(status, ServingStatus::Serving, "{encoding:?}");

        let request = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        };
        let mut answers = ServerReflectionClient::new(server.channel().await)
            .send_compressed(encoding)
            .accept_compressed(encoding)
            .server_reflection_info(tokio_stream::iter([request]))
            .await
            .unwrap_or_else(|status| panic!("reflection, {encoding:?}: {status:?}"))
            .into_inner();
        let answer = answers.next().await.expect("an answer");
        assert!(answer.is_ok(), "reflection, {encoding:?}: {answer:?}");
    }
}

#[tokio::test]
async fn a_stream_answers_every_item_and_goes_on_after_a_bad_one() {
    let server = TestServer::start().await;
    let items = vec![
        stream_item("first", SMALL_PAGE.as_bytes()),
        stream_item("empty", b""),
        stream_item("pdf", b"%PDF-1.4\n"),
        stream_item("last", SMALL_PAGE.as_bytes()),
    ];
    let mut answers = server
        .client()
        .await
        .extract_stream(tokio_stream::iter(items))
        .await
        .expect("ExtractStream answers")
        .into_inner();
    let mut by_id = std::collections::BTreeMap::new();
    while let Some(answer) = answers.next().await {
        let answer = answer.expect("items fail in their own response, not the stream");
        by_id.insert(answer.id.clone(), answer);
    }
    assert_eq!(
        by_id.keys().map(String::as_str).collect::<Vec<_>>(),
        ["empty", "first", "last", "pdf"]
    );
    for id in ["first", "last"] {
        assert!(
            by_id[id].article.is_some() && by_id[id].error.is_none(),
            "{id}"
        );
    }
    for id in ["empty", "pdf"] {
        let error = by_id[id].error.as_ref().expect("an item error");
        assert!(by_id[id].article.is_none(), "{id}");
        assert_eq!(
            (error.code, error.code_name.as_str()),
            (3, "INVALID_ARGUMENT")
        );
        assert_eq!(error.field_violations[0].field, "html");
        assert!(!error.message.is_empty());
    }
}

#[tokio::test]
async fn a_long_stream_with_little_concurrency_answers_every_item_once() {
    let server = TestServer::with_config(Config {
        stream_concurrency: 2,
        concurrency: 1,
        ..Config::default()
    })
    .await;
    let items: Vec<_> = (0..40)
        .map(|i| stream_item(&format!("item-{i:02}"), SMALL_PAGE.as_bytes()))
        .collect();
    let answers: Vec<_> = server
        .client()
        .await
        .extract_stream(tokio_stream::iter(items))
        .await
        .expect("ExtractStream answers")
        .into_inner()
        .collect()
        .await;
    let mut ids: Vec<_> = answers
        .into_iter()
        .map(|a| a.expect("an answer").id)
        .collect();
    ids.sort();
    let expected: Vec<_> = (0..40).map(|i| format!("item-{i:02}")).collect();
    assert_eq!(ids, expected);
}

#[tokio::test]
async fn detect_language_answers_what_the_library_detects() {
    let server = TestServer::start().await;
    let text = "Der schnelle braune Fuchs springt über den faulen Hund, \
                und die Katze schaut dabei aus dem Fenster.";
    let expected = pb::Language::from(lede::extract::language::detect(text, Some("de")));
    let response = server
        .client()
        .await
        .detect_language(pb::DetectLanguageRequest {
            text: text.to_owned(),
            declared_language: "de".to_owned(),
        })
        .await
        .expect("DetectLanguage answers")
        .into_inner();
    assert_eq!(response.language, Some(expected));
}

#[tokio::test]
async fn health_is_serving_then_not_serving_on_shutdown() {
    let mut server = TestServer::with_config(Config {
        shutdown_grace: Duration::from_millis(500),
        ..Config::default()
    })
    .await;
    let mut health = HealthClient::new(server.channel().await);
    for service in ["", "lede.v1.ExtractorService"] {
        let status = health
            .check(HealthCheckRequest {
                service: service.to_owned(),
            })
            .await
            .expect("Check answers")
            .into_inner()
            .status();
        assert_eq!(status, ServingStatus::Serving, "service {service:?}");
    }
    let mut watch = health
        .watch(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .expect("Watch answers")
        .into_inner();
    let first = watch.next().await.expect("a first status").expect("ok");
    assert_eq!(first.status(), ServingStatus::Serving);
    server.signal_stop();
    let next = tokio::time::timeout(Duration::from_secs(5), watch.next())
        .await
        .expect("a status change before the grace period ends")
        .expect("a second status")
        .expect("ok");
    assert_eq!(next.status(), ServingStatus::NotServing);
}

#[tokio::test]
async fn reflection_v1_lists_our_service_and_health() {
    use tonic_reflection::pb::v1::{
        ServerReflectionRequest, server_reflection_client::ServerReflectionClient,
        server_reflection_request::MessageRequest, server_reflection_response::MessageResponse,
    };

    let server = TestServer::start().await;
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut answers = ServerReflectionClient::new(server.channel().await)
        .server_reflection_info(tokio_stream::iter([request]))
        .await
        .expect("reflection v1 answers")
        .into_inner();
    let answer = answers
        .next()
        .await
        .expect("an answer")
        .expect("a successful answer");
    let Some(MessageResponse::ListServicesResponse(list)) = answer.message_response else {
        panic!("not a service list: {answer:?}");
    };
    let names: Vec<&str> = list.service.iter().map(|s| s.name.as_str()).collect();
    for expected in [
        "lede.v1.ExtractorService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
    ] {
        assert!(names.contains(&expected), "{expected} not in {names:?}");
    }
}

#[tokio::test]
async fn a_call_past_its_deadline_is_deadline_exceeded() {
    let server = TestServer::with_config(Config {
        request_timeout: Duration::from_millis(1),
        ..Config::default()
    })
    .await;
    // Parsing a megabyte takes far longer than a millisecond.
    let html = "<p>lorem ipsum dolor</p>".repeat(1024 * 1024 / 24);
    let status = server
        .client()
        .await
        .extract(request("slow", html.as_bytes()))
        .await
        .expect_err("the deadline passes first");
    assert_eq!(status.code(), Code::DeadlineExceeded, "{status:?}");
}
