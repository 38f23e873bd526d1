//! Prometheus metrics and per-call request ids.
//!
//! - [`install`] sets the process-wide recorder (the `metrics` facade with
//!   `metrics-exporter-prometheus`'s text rendering) once; until then every
//!   record below is a no-op, so tests and `lede extract` pay nothing.
//! - [`serve`] answers `GET /metrics` on its own listener (hyper HTTP/1),
//!   apart from the gRPC port so that scraping never competes with calls.
//! - [`CallLayer`] wraps every gRPC call of the server: request id, span,
//!   counts by method and status code, latency, calls in flight, request
//!   bytes.
//! - [`record_extraction`] records the time of each extraction stage and
//!   counts pages by detected language; [`record_shed`] counts shed
//!   requests. The server hands both to the service, so this module knows
//!   nothing of the service (nor the service of this module).
//!
//! | Metric | Type | Labels |
//! | --- | --- | --- |
//! | `lede_grpc_requests_total` | counter | `method`, `code` |
//! | `lede_grpc_request_duration_seconds` | histogram | `method` |
//! | `lede_grpc_requests_in_flight` | gauge | `method` |
//! | `lede_grpc_request_bytes_total` | counter | `method` |
//! | `lede_extract_stage_duration_seconds` | histogram | `stage` |
//! | `lede_pages_total` | counter | `language` |
//! | `lede_shed_requests_total` | counter | none |
//!
//! `method` is one of [`METHODS`] (without the leading `/`) or `unknown`, so
//! a client cannot grow the label set; `code` is a gRPC status name.

use std::{
    future::Future,
    hash::{BuildHasher, Hasher, RandomState},
    pin::Pin,
    sync::{
        OnceLock,
        atomic::{AtomicU64, Ordering},
    },
    task::{Context, Poll, ready},
    time::{Duration, Instant},
};

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Request, Response};
use http_body::{Body, Frame, SizeHint};
use metrics::{Counter, counter, describe_counter, describe_gauge, describe_histogram, gauge};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;
use tower::{Layer, Service};
use tracing::Instrument;

use crate::article::Article;
use crate::job::StageTimes;

/// The request-id metadata key, read from calls and echoed in responses.
pub const REQUEST_ID: &str = "x-request-id";

/// The gRPC methods counted under their own name; any other path counts as
/// `unknown`.
pub const METHODS: [&str; 7] = [
    "/lede.v1.ExtractorService/Extract",
    "/lede.v1.ExtractorService/ExtractStream",
    "/lede.v1.ExtractorService/DetectLanguage",
    "/grpc.health.v1.Health/Check",
    "/grpc.health.v1.Health/Watch",
    "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
    "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
];

/// Latency buckets of calls, in seconds: 1 ms to 30 s (the default
/// deadline).
const CALL_BUCKETS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];
/// Buckets of stage times, in seconds: 50 µs to 5 s.
const STAGE_BUCKETS: [f64; 12] = [
    0.000_05, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.5, 5.0,
];
/// How often histograms are compacted when nothing scrapes.
const UPKEEP_INTERVAL: Duration = Duration::from_secs(5);
/// Longest language label; longer tags count as `other`.
const MAX_LANGUAGE_LABEL: usize = 16;

/// Installs the Prometheus recorder (once per process; later calls return
/// the same handle).
///
/// # Errors
///
/// When another `metrics` recorder is already installed.
pub fn install() -> Result<PrometheusHandle, String> {
    static HANDLE: OnceLock<Result<PrometheusHandle, String>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let handle = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("lede_grpc_request_duration_seconds".to_owned()),
                    &CALL_BUCKETS,
                )
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("lede_extract_stage_duration_seconds".to_owned()),
                        &STAGE_BUCKETS,
                    )
                })
                .and_then(PrometheusBuilder::install_recorder)
                .map_err(|err| format!("cannot install the metrics recorder: {err}"))?;
            describe();
            Ok(handle)
        })
        .clone()
}

/// The HELP lines.
fn describe() {
    describe_counter!(
        "lede_grpc_requests_total",
        "gRPC calls finished, by method and status code"
    );
    describe_histogram!(
        "lede_grpc_request_duration_seconds",
        metrics::Unit::Seconds,
        "gRPC call time, from the request headers to the end of the response"
    );
    describe_gauge!("lede_grpc_requests_in_flight", "gRPC calls in progress");
    describe_counter!(
        "lede_grpc_request_bytes_total",
        metrics::Unit::Bytes,
        "gRPC request body bytes received (as sent, before decompression)"
    );
    describe_histogram!(
        "lede_extract_stage_duration_seconds",
        metrics::Unit::Seconds,
        "time per extraction stage"
    );
    describe_counter!("lede_pages_total", "pages extracted, by detected language");
    describe_counter!(
        "lede_shed_requests_total",
        "requests refused with RESOURCE_EXHAUSTED because every slot and queue place was taken"
    );
}

/// Serves `GET /metrics` (Prometheus text format) on `listener` until
/// `shutdown` resolves; other paths get 404. Also compacts the histograms
/// every few seconds.
pub async fn serve(
    listener: TcpListener,
    handle: PrometheusHandle,
    shutdown: impl Future<Output = ()>,
) {
    tokio::pin!(shutdown);
    let mut upkeep = tokio::time::interval(UPKEEP_INTERVAL);
    loop {
        let stream = tokio::select! {
            () = &mut shutdown => return,
            _ = upkeep.tick() => {
                handle.run_upkeep();
                continue;
            }
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(err) => {
                    tracing::warn!(error = %err, "metrics listener cannot accept");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let handle = handle.clone();
        tokio::spawn(async move {
            let service =
                hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
                    let response = scrape(&handle, request.method(), request.uri().path());
                    async move { Ok::<_, std::convert::Infallible>(response) }
                });
            let io = hyper_util::rt::TokioIo::new(stream);
            if let Err(err) = hyper::server::conn::http1::Builder::new()
                .serve_connection(io, service)
                .await
            {
                tracing::debug!(error = %err, "metrics connection failed");
            }
        });
    }
}

/// The answer to one request of the metrics listener.
fn scrape(
    handle: &PrometheusHandle,
    method: &http::Method,
    path: &str,
) -> Response<http_body_util::Full<Bytes>> {
    let (status, content_type, body) = match (method, path) {
        (&http::Method::GET, "/metrics") => (
            http::StatusCode::OK,
            "text/plain; version=0.0.4; charset=utf-8",
            handle.render(),
        ),
        (_, "/metrics") => (
            http::StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            "use GET\n".to_owned(),
        ),
        _ => (
            http::StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            "metrics are at /metrics\n".to_owned(),
        ),
    };
    let mut response = Response::new(http_body_util::Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static(content_type),
    );
    response
}

/// Counts one request shed for lack of capacity.
pub fn record_shed() {
    counter!("lede_shed_requests_total").increment(1);
}

/// Records one extraction: the time of each stage it reached, and the
/// detected language of its `article` when there is one.
pub fn record_extraction(times: &StageTimes, article: Option<&Article>) {
    for (stage, time) in times.iter() {
        metrics::histogram!("lede_extract_stage_duration_seconds", "stage" => stage.name())
            .record(time);
    }
    if let Some(article) = article {
        counter!("lede_pages_total", "language" => language_label(&article.language.tag))
            .increment(1);
    }
}

/// A language tag as a label: as is when short and plain, else `other`, so
/// odd declared tags cannot grow the label set without bound.
fn language_label(tag: &str) -> String {
    let plain = !tag.is_empty()
        && tag.len() <= MAX_LANGUAGE_LABEL
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if plain {
        tag.to_owned()
    } else {
        "other".to_owned()
    }
}

/// The `method` label of a request path.
fn method_label(path: &str) -> &'static str {
    METHODS
        .iter()
        .find(|m| **m == path)
        .map_or("unknown", |m| &m[1..])
}

/// A new request id: 16 hex digits, random per process, then counted.
fn new_request_id() -> String {
    static SEED: OnceLock<u64> = OnceLock::new();
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let seed = *SEED.get_or_init(|| RandomState::new().build_hasher().finish());
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!(
        "{:016x}",
        seed.wrapping_add(n.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    )
}

/// The request id of a call: the client's `x-request-id` when it is a
/// short printable value, else a new one.
fn request_id(headers: &HeaderMap) -> HeaderValue {
    headers
        .get(REQUEST_ID)
        .filter(|v| {
            !v.is_empty() && v.len() <= 128 && v.as_bytes().iter().all(|b| b.is_ascii_graphic())
        })
        .cloned()
        .unwrap_or_else(|| {
            HeaderValue::from_str(&new_request_id()).expect("hex digits are a valid header value")
        })
}

/// The name of a gRPC status code, as the `code` label shows it (e.g.
/// `INVALID_ARGUMENT`).
pub type CodeName = fn(tonic::Code) -> &'static str;

/// A tower layer over the whole gRPC server: gives every call a request id
/// (the client's `x-request-id` or a new one, echoed in the response
/// headers) and a `grpc` span carrying it and the method, and records the
/// call metrics.
#[derive(Debug, Clone, Copy)]
pub struct CallLayer {
    code_name: CodeName,
}

impl CallLayer {
    /// The layer, naming status codes with `code_name` (the gRPC layer's
    /// own naming, passed in by the server).
    pub fn new(code_name: CodeName) -> Self {
        Self { code_name }
    }
}

impl<S> Layer<S> for CallLayer {
    type Service = CallService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        CallService {
            inner,
            code_name: self.code_name,
        }
    }
}

/// The service [`CallLayer`] makes.
#[derive(Debug, Clone)]
pub struct CallService<S> {
    inner: S,
    code_name: CodeName,
}

impl<S, ResBody> Service<Request<tonic::body::Body>> for CallService<S>
where
    S: Service<Request<tonic::body::Body>, Response = Response<ResBody>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    ResBody: Body<Data = Bytes>,
{
    type Response = Response<CallBody<ResBody>>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<tonic::body::Body>) -> Self::Future {
        let method = method_label(request.uri().path());
        let id = request_id(request.headers());
        request.headers_mut().insert(REQUEST_ID, id.clone());
        let span =
            tracing::info_span!("grpc", method, request_id = id.to_str().unwrap_or_default());
        let request = request.map(|body| {
            tonic::body::Body::new(CountedBody {
                inner: body,
                bytes: counter!("lede_grpc_request_bytes_total", "method" => method),
            })
        });
        let call = Call::start(method);
        let code_name = self.code_name;
        let response = self.inner.call(request).instrument(span.clone());
        Box::pin(async move {
            let mut response = response.await?;
            response.headers_mut().insert(REQUEST_ID, id);
            // A trailers-only response (an error before any message) carries
            // its status in the headers.
            let call = match status_of(response.headers(), code_name) {
                Some(code) => {
                    call.finish(code);
                    None
                }
                None => Some(call),
            };
            Ok(response.map(|inner| CallBody {
                inner,
                call,
                span,
                code_name,
            }))
        })
    }
}

/// The status name in a `grpc-status` header, if any.
fn status_of(headers: &HeaderMap, code_name: CodeName) -> Option<&'static str> {
    headers
        .get("grpc-status")
        .map(|v| code_name(tonic::Code::from_bytes(v.as_bytes())))
}

/// One call being measured: counted in flight until finished or dropped.
#[derive(Debug)]
struct Call {
    method: &'static str,
    started: Instant,
    finished: bool,
}

impl Call {
    fn start(method: &'static str) -> Self {
        gauge!("lede_grpc_requests_in_flight", "method" => method).increment(1.0);
        Self {
            method,
            started: Instant::now(),
            finished: false,
        }
    }

    /// Records the call as ended with status `code`.
    fn finish(mut self, code: &'static str) {
        self.record(code);
    }

    fn record(&mut self, code: &'static str) {
        if self.finished {
            return;
        }
        self.finished = true;
        let method = self.method;
        gauge!("lede_grpc_requests_in_flight", "method" => method).decrement(1.0);
        counter!("lede_grpc_requests_total", "method" => method, "code" => code).increment(1);
        let elapsed = self.started.elapsed();
        metrics::histogram!("lede_grpc_request_duration_seconds", "method" => method)
            .record(elapsed);
        tracing::debug!(
            code,
            elapsed_ms = elapsed.as_secs_f64() * 1000.0,
            "call finished"
        );
    }
}

impl Drop for Call {
    /// A call dropped before its status was sent: the client went away or
    /// the server gave up on it.
    fn drop(&mut self) {
        self.record("CANCELLED");
    }
}

pin_project_lite::pin_project! {
    /// A request body that counts its bytes.
    struct CountedBody<B> {
        #[pin]
        inner: B,
        bytes: Counter,
    }
}

impl<B: Body<Data = Bytes>> Body for CountedBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let this = self.project();
        let frame = ready!(this.inner.poll_frame(cx));
        if let Some(Ok(Some(data))) = frame.as_ref().map(|f| f.as_ref().map(Frame::data_ref)) {
            this.bytes.increment(data.len() as u64);
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

pin_project_lite::pin_project! {
    /// A response body that records its call when the trailers go out (or
    /// when it is dropped before).
    pub struct CallBody<B> {
        #[pin]
        inner: B,
        call: Option<Call>,
        span: tracing::Span,
        code_name: CodeName,
    }
}

impl<B> std::fmt::Debug for CallBody<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallBody")
            .field("call", &self.call)
            .finish_non_exhaustive()
    }
}

impl<B: Body<Data = Bytes>> Body for CallBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let this = self.project();
        let _entered = this.span.enter();
        let frame = ready!(this.inner.poll_frame(cx));
        let code = match &frame {
            Some(Ok(frame)) => frame
                .trailers_ref()
                .map(|trailers| status_of(trailers, *this.code_name).unwrap_or("UNKNOWN")),
            Some(Err(_)) => Some("INTERNAL"),
            // The body ended without trailers, against the gRPC protocol.
            None => Some("UNKNOWN"),
        };
        if let Some(code) = code
            && let Some(call) = this.call.take()
        {
            call.finish(code);
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_a_closed_set() {
        assert_eq!(
            method_label("/lede.v1.ExtractorService/Extract"),
            "lede.v1.ExtractorService/Extract"
        );
        assert_eq!(
            method_label("/grpc.health.v1.Health/Check"),
            "grpc.health.v1.Health/Check"
        );
        assert_eq!(method_label("/lede.v1.ExtractorService/Nope"), "unknown");
        assert_eq!(method_label(""), "unknown");
    }

    #[test]
    fn language_labels_are_bounded() {
        assert_eq!(language_label("zh-Hans"), "zh-Hans");
        assert_eq!(language_label("und"), "und");
        assert_eq!(language_label("en_US"), "other");
        assert_eq!(language_label("a-very-long-made-up-tag"), "other");
        assert_eq!(language_label(""), "other");
    }

    #[test]
    fn request_ids_are_kept_or_made() {
        let mut headers = HeaderMap::new();
        let made = request_id(&headers);
        assert_eq!(made.len(), 16);
        assert_ne!(request_id(&headers), made, "two calls get two ids");
        headers.insert(REQUEST_ID, HeaderValue::from_static("abc-123"));
        assert_eq!(request_id(&headers), "abc-123");
        headers.insert(REQUEST_ID, HeaderValue::from_static("has space"));
        assert_ne!(request_id(&headers), "has space");
    }

    #[test]
    fn only_get_metrics_is_served() {
        let handle = PrometheusBuilder::new().build_recorder().handle();
        let ok = scrape(&handle, &http::Method::GET, "/metrics");
        assert_eq!(ok.status(), http::StatusCode::OK);
        let missing = scrape(&handle, &http::Method::GET, "/");
        assert_eq!(missing.status(), http::StatusCode::NOT_FOUND);
        let post = scrape(&handle, &http::Method::POST, "/metrics");
        assert_eq!(post.status(), http::StatusCode::METHOD_NOT_ALLOWED);
    }
}
