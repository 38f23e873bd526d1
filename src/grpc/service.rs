//! [`Extractor`], the implementation of `lede.v1.ExtractorService`.
//!
//! Per call: the request becomes a [`Job`](crate::job::Job) at the boundary, the job
//! waits for an extraction slot (a [`Semaphore`] sized to the cores, as tokio
//! advises for CPU-bound work on the blocking pool), runs in
//! [`spawn_blocking`](tokio::task::spawn_blocking) (`scraper::Html` is not
//! `Send`, so parse and extraction happen inside one closure that returns the
//! owned article), and the article goes back in its wire form.
//!
//! A blocking task cannot be cancelled: a call whose deadline passes is
//! answered at once, but its extraction runs to the end, holding its slot, so
//! the slots bound the CPU in use whatever the clients do. Requests beyond
//! the slots and a bounded queue are shed with `RESOURCE_EXHAUSTED`.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};
use tokio::task::JoinSet;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming, metadata::MetadataMap};

use crate::article::Article;
use crate::extract::{Options, language};
use crate::grpc::convert;
use crate::grpc::pb::{self, extractor_service_server::ExtractorService};
use crate::grpc::status::{self, Failure, code_name};
use crate::job::StageTimes;

/// What the service needs to know, as plain data: the server builds it from
/// its own settings, tests write one out.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The options every job starts from (its limits); a request sets only
    /// the toggles.
    pub options: Options,
    /// Extractions run at once; at least 1.
    pub concurrency: usize,
    /// Requests that may wait for an extraction slot before new ones are
    /// shed.
    pub max_queued: usize,
    /// Items of one `ExtractStream` call in flight at once; at least 1.
    pub stream_concurrency: usize,
    /// Deadline when the client sets none or a longer one.
    pub request_timeout: Duration,
    /// The largest encoded article answered; past it the page's answer is
    /// `RESOURCE_EXHAUSTED`.
    pub max_response_bytes: usize,
    /// Called after every extraction with the time of each stage and the
    /// article, if one came out (the server records metrics here).
    pub on_extracted: fn(&StageTimes, Option<&Article>),
    /// Called for every request shed for lack of capacity.
    pub on_shed: fn(),
}

impl Default for Settings {
    /// One slot, no queue, default options, a 30 s deadline, no cap on
    /// the response, and nothing recorded.
    fn default() -> Self {
        Self {
            options: Options::default(),
            concurrency: 1,
            max_queued: 0,
            stream_concurrency: 1,
            request_timeout: Duration::from_secs(30),
            max_response_bytes: usize::MAX,
            on_extracted: |_, _| {},
            on_shed: || {},
        }
    }
}

/// The `lede.v1.ExtractorService` implementation; cheap to clone.
#[derive(Debug, Clone)]
pub struct Extractor {
    shared: Arc<Shared>,
}

/// What every call shares.
#[derive(Debug)]
struct Shared {
    /// Calls admitted: running plus queued. `try_acquire` on it is the load
    /// shedding.
    admitted: Arc<Semaphore>,
    /// Extractions running at once.
    running: Arc<Semaphore>,
    /// The options every job starts from.
    options: Options,
    /// Deadline when the client sets none or a longer one.
    request_timeout: Duration,
    /// Items of one stream in flight at once.
    stream_concurrency: usize,
    /// See [`Settings::max_response_bytes`].
    max_response_bytes: usize,
    /// See [`Settings::on_extracted`].
    on_extracted: fn(&StageTimes, Option<&Article>),
    /// See [`Settings::on_shed`].
    on_shed: fn(),
}

impl Extractor {
    /// Builds the service from its settings.
    pub fn new(settings: Settings) -> Self {
        let running = settings.concurrency.max(1);
        Self {
            shared: Arc::new(Shared {
                admitted: Arc::new(Semaphore::new(running.saturating_add(settings.max_queued))),
                running: Arc::new(Semaphore::new(running)),
                options: settings.options,
                request_timeout: settings.request_timeout,
                stream_concurrency: settings.stream_concurrency.max(1),
                max_response_bytes: settings.max_response_bytes,
                on_extracted: settings.on_extracted,
                on_shed: settings.on_shed,
            }),
        }
    }

    /// Runs `work` on the blocking pool once a slot is free, within
    /// `deadline`.
    async fn run_blocking<T, F>(&self, deadline: Duration, work: F) -> Result<T, Failure>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let admitted: OwnedSemaphorePermit = Arc::clone(&self.shared.admitted)
            .try_acquire_owned()
            .map_err(|_| {
                (self.shared.on_shed)();
                Failure::Overloaded
            })?;
        let running = Arc::clone(&self.shared.running);
        let call = async move {
            let slot = running
                .acquire_owned()
                .await
                .map_err(|_| Failure::Internal)?;
            let handle = tokio::task::spawn_blocking(move || {
                // Both permits live as long as the work, even past the deadline.
                let _held = (slot, admitted);
                work()
            });
            handle.await.map_err(|err| {
                tracing::error!(error = %err, "extraction task failed");
                Failure::Internal
            })
        };
        tokio::time::timeout(deadline, call)
            .await
            .map_err(|_| Failure::DeadlineExceeded)?
    }

    /// Extracts one request into its response; failures go in `error`.
    async fn extract_item(
        &self,
        request: pb::ExtractRequest,
        deadline: Duration,
    ) -> pb::ExtractResponse {
        let id = request.id.clone();
        match self.extract_article(request, deadline).await {
            Ok(article) => pb::ExtractResponse {
                id,
                article: Some(article),
                error: None,
            },
            Err(failure) => {
                tracing::debug!(%id, code = ?failure.code(), message = %failure.message(), "item failed");
                pb::ExtractResponse {
                    id,
                    article: None,
                    error: Some(pb::ItemError::from(&failure)),
                }
            }
        }
    }

    /// Extracts the article of one request.
    async fn extract_article(
        &self,
        request: pb::ExtractRequest,
        deadline: Duration,
    ) -> Result<pb::Article, Failure> {
        let job = convert::job(request, &self.shared.options)?;
        let on_extracted = self.shared.on_extracted;
        let limit = self.shared.max_response_bytes;
        self.run_blocking(deadline, move || {
            let (article, timings) = job.run_timed();
            on_extracted(&timings, article.as_ref().ok());
            article
                .map(pb::Article::from)
                .map_err(Failure::from)
                .and_then(|article| status::within_response_limit(article, limit))
        })
        .await?
    }

    /// The deadline of a call: ours, or the client's `grpc-timeout` if
    /// shorter.
    fn deadline(&self, metadata: &MetadataMap) -> Duration {
        let ours = self.shared.request_timeout;
        metadata
            .get("grpc-timeout")
            .and_then(|value| value.to_str().ok())
            .and_then(parse_grpc_timeout)
            .map_or(ours, |theirs| theirs.min(ours))
    }
}

/// Spawns `task` inside the current tracing span.
fn spawn_in_span(task: impl Future<Output = ()> + Send + 'static) {
    tokio::spawn(tracing::Instrument::in_current_span(task));
}

/// Parses a `grpc-timeout` header value: up to 8 digits and a unit
/// (`H`, `M`, `S`, `m`, `u`, `n`), per gRPC's HTTP/2 protocol document.
fn parse_grpc_timeout(value: &str) -> Option<Duration> {
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

#[tonic::async_trait]
impl ExtractorService for Extractor {
    async fn extract(
        &self,
        request: Request<pb::ExtractRequest>,
    ) -> Result<Response<pb::ExtractResponse>, Status> {
        let deadline = self.deadline(request.metadata());
        let request = request.into_inner();
        let id = request.id.clone();
        let bytes = request.html.len();
        let started = Instant::now();
        let outcome = self.extract_article(request, deadline).await;
        let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        let article = match outcome {
            Ok(article) => {
                tracing::info!(%id, bytes, elapsed_ms, "extracted");
                article
            }
            Err(failure) => {
                let code = code_name(failure.code());
                tracing::info!(%id, bytes, elapsed_ms, code, message = %failure.message(), "failed");
                return Err(failure.into());
            }
        };
        Ok(Response::new(pb::ExtractResponse {
            id,
            article: Some(article),
            error: None,
        }))
    }

    type ExtractStreamStream = ReceiverStream<Result<pb::ExtractStreamResponse, Status>>;

    /// Reads items while fewer than `stream_concurrency` are in flight and
    /// the client keeps reading answers: a full answer channel holds the
    /// items' slots, which stops the reading, which lets HTTP/2 flow control
    /// push back on the client. Work stops when the client goes away.
    async fn extract_stream(
        &self,
        request: Request<Streaming<pb::ExtractStreamRequest>>,
    ) -> Result<Response<Self::ExtractStreamStream>, Status> {
        let mut inbound = request.into_inner();
        let in_flight = self.shared.stream_concurrency;
        let (tx, rx) = mpsc::channel(in_flight);
        let this = self.clone();
        // In the call's span, so that item logs carry its request id.
        spawn_in_span(async move {
            let slots = Arc::new(Semaphore::new(in_flight));
            let mut tasks = JoinSet::new();
            let mut ending = None;
            loop {
                let slot = tokio::select! {
                    () = tx.closed() => break,
                    slot = Arc::clone(&slots).acquire_owned() => match slot {
                        Ok(slot) => slot,
                        Err(_) => break,
                    },
                };
                let item = tokio::select! {
                    () = tx.closed() => break,
                    item = inbound.message() => item,
                };
                match item {
                    Ok(Some(item)) => {
                        let this = this.clone();
                        let tx = tx.clone();
                        let deadline = this.shared.request_timeout;
                        tasks.spawn(async move {
                            let response = this.extract_item(item.into(), deadline).await;
                            // A send fails only when the client is gone.
                            let _ = tx.send(Ok(response.into())).await;
                            drop(slot);
                        });
                    }
                    Ok(None) => break,
                    Err(status) => {
                        tracing::debug!(%status, "request stream failed");
                        ending = Some(status::remap(status));
                        break;
                    }
                }
                while tasks.try_join_next().is_some() {}
            }
            // Finish the items in flight unless the client is gone.
            tokio::select! {
                () = tx.closed() => tasks.abort_all(),
                () = async { while tasks.join_next().await.is_some() {} } => {
                    if let Some(status) = ending {
                        let _ = tx.send(Err(status)).await;
                    }
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn detect_language(
        &self,
        request: Request<pb::DetectLanguageRequest>,
    ) -> Result<Response<pb::DetectLanguageResponse>, Status> {
        let deadline = self.deadline(request.metadata());
        let request = request.into_inner();
        let language = self
            .run_blocking(deadline, move || {
                let declared = (!request.declared_language.is_empty())
                    .then_some(request.declared_language.as_str());
                pb::Language::from(language::detect(&request.text, declared))
            })
            .await?;
        Ok(Response::new(pb::DetectLanguageResponse {
            language: Some(language),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_grpc_timeouts() {
        assert_eq!(parse_grpc_timeout("5S"), Some(Duration::from_secs(5)));
        assert_eq!(parse_grpc_timeout("250m"), Some(Duration::from_millis(250)));
        assert_eq!(parse_grpc_timeout("1H"), Some(Duration::from_secs(3600)));
        assert_eq!(parse_grpc_timeout("S"), None);
        assert_eq!(parse_grpc_timeout("123456789S"), None);
        assert_eq!(parse_grpc_timeout("5x"), None);
        assert_eq!(parse_grpc_timeout(""), None);
    }

    #[tokio::test]
    async fn a_full_server_sheds_load() {
        let settings = Settings {
            concurrency: 1,
            max_queued: 0,
            ..Settings::default()
        };
        let extractor = Extractor::new(settings);
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let busy = {
            let extractor = extractor.clone();
            tokio::spawn(async move {
                extractor
                    .run_blocking(Duration::from_secs(5), move || wait.recv().ok())
                    .await
            })
        };
        // Let the first call take the only slot.
        while extractor.shared.admitted.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        let shed = extractor.run_blocking(Duration::from_secs(5), || ()).await;
        assert_eq!(shed, Err(Failure::Overloaded));
        release.send(()).expect("the busy task waits");
        assert!(busy.await.expect("no panic").is_ok());
    }

    #[tokio::test]
    async fn a_panic_is_internal() {
        let extractor = Extractor::new(Settings::default());
        let result: Result<(), _> = extractor
            .run_blocking(Duration::from_secs(5), || panic!("boom"))
            .await;
        assert_eq!(result, Err(Failure::Internal));
    }

    #[tokio::test]
    async fn a_slow_extraction_misses_its_deadline() {
        let extractor = Extractor::new(Settings::default());
        let result = extractor
            .run_blocking(Duration::from_millis(10), || {
                std::thread::sleep(Duration::from_millis(300));
            })
            .await;
        assert_eq!(result, Err(Failure::DeadlineExceeded));
    }
}
