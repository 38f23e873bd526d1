//! OpenTelemetry trace export (feature `otel`): every `tracing` span (the
//! `grpc` span of each call, with its method and request id) goes to an OTLP
//! collector over gRPC, batched.

use anyhow::Context;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::{Resource, trace::SdkTracerProvider};

/// The exporter, running; [`Otel::shutdown`] flushes it.
#[derive(Debug)]
pub(crate) struct Otel {
    provider: SdkTracerProvider,
    /// The runtime tonic's OTLP channel runs on (the batch processor calls
    /// it from its own thread).
    runtime: tokio::runtime::Runtime,
}

/// Starts exporting to `endpoint`; `None` when it is empty.
///
/// # Errors
///
/// When the endpoint is invalid or the exporter cannot be built.
pub(crate) fn start(endpoint: &str) -> anyhow::Result<Option<Otel>> {
    if endpoint.is_empty() {
        return Ok(None);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("lede-otel")
        .enable_all()
        .build()
        .context("cannot start the OpenTelemetry runtime")?;
    let exporter = {
        let _inside = runtime.enter();
        opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .with_endpoint(endpoint)
            .build()
            .with_context(|| format!("cannot export traces to {endpoint}"))?
    };
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(
            Resource::builder()
                .with_service_name(env!("CARGO_PKG_NAME"))
                .build(),
        )
        .build();
    Ok(Some(Otel { provider, runtime }))
}

impl Otel {
    /// The `tracing` layer that turns spans into OpenTelemetry spans.
    pub(crate) fn layer<S>(&self) -> impl tracing_subscriber::Layer<S> + use<S>
    where
        S: tracing::Subscriber + for<'span> tracing_subscriber::registry::LookupSpan<'span>,
    {
        tracing_opentelemetry::layer().with_tracer(self.provider.tracer("lede"))
    }

    /// Flushes the spans still batched and stops the exporter.
    pub(crate) fn shutdown(self) {
        if let Err(err) = self.provider.shutdown() {
            eprintln!("lede: OpenTelemetry shutdown: {err}");
        }
        self.runtime.shutdown_background();
    }
}
