//! [`run`]: serves `lede.v1.ExtractorService`, `grpc.health.v1.Health` and
//! server reflection (v1 and v1alpha) on a bound listener until a shutdown
//! future resolves.
//!
//! Taking the listener and the shutdown future as arguments (mini-redis's
//! `server::run`) lets tests bind port 0 and stop the server with a oneshot.
//!
//! Shutdown, in order: health turns `NOT_SERVING` (so load balancers stop
//! sending), the listener stops accepting, in-flight calls get
//! [`Config::shutdown_grace`] to finish, and whatever is left is dropped.

use std::{future::Future, time::Duration};

use tokio::net::TcpListener;
use tonic::codec::CompressionEncoding;
use tonic::transport::Server;
use tonic::transport::server::TcpIncoming;
use tonic_health::ServingStatus;

use crate::config::Config;
use crate::grpc::{
    self, Extractor, Settings, pb::extractor_service_server::ExtractorServiceServer,
};
use crate::metrics;

/// How often an idle HTTP/2 connection is pinged: a client that vanished
/// without closing its connection is noticed within this plus
/// [`KEEPALIVE_TIMEOUT`], and its stream's work stops.
const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(30);
/// How long a ping may go unanswered before the connection is closed.
const KEEPALIVE_TIMEOUT: Duration = Duration::from_secs(10);

/// A generated tonic server that accepts and offers gzip and zstd (each
/// service's builder is its own type, hence a macro).
macro_rules! compressed {
    ($service:expr) => {
        $service
            .accept_compressed(CompressionEncoding::Gzip)
            .accept_compressed(CompressionEncoding::Zstd)
            .send_compressed(CompressionEncoding::Gzip)
            .send_compressed(CompressionEncoding::Zstd)
    };
}

/// Serves on `listener` until `shutdown` resolves, then drains within the
/// grace period.
///
/// # Errors
///
/// [`ServeError`] when the descriptors cannot be served or serving fails
/// (not when the grace period runs out: that is logged, and the call
/// returns `Ok`).
pub async fn run(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServeError> {
    let limit = config.max_message_bytes;
    let extractor = compressed!(
        ExtractorServiceServer::new(Extractor::new(settings(&config)))
            .max_decoding_message_size(limit)
            .max_encoding_message_size(limit)
    );

    // Every service takes and offers the same encodings: a client that
    // compresses its channel (grpcio's `compression=`, `grpcurl` has none)
    // compresses its health checks and reflection calls too.
    let (health, health_service) = tonic_health::server::health_reporter();
    let health_service = compressed!(health_service);
    let reflection_v1 = compressed!(reflection().build_v1()?);
    let reflection_v1alpha = compressed!(reflection().build_v1alpha()?);

    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = Server::builder()
        .http2_keepalive_interval(Some(KEEPALIVE_INTERVAL))
        .http2_keepalive_timeout(Some(KEEPALIVE_TIMEOUT))
        .tcp_nodelay(true)
        // Request id, `grpc` span and call metrics for every call.
        .layer(metrics::CallLayer::new(grpc::status::code_name))
        // tonic refuses oversize messages with OUT_OF_RANGE; answer as
        // gRPC's core libraries do.
        .layer(tower::util::MapResponseLayer::new(
            grpc::status::remap_response,
        ))
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(extractor)
        .serve_with_incoming_shutdown(
            // Without TCP_NODELAY a small unary answer waits for the
            // client's delayed ACK: 40 ms on every call (measured with
            // lede-load). The builder's own setting does not reach a
            // listener passed in.
            TcpIncoming::from(listener).with_nodelay(Some(true)),
            async {
                let _ = stop_rx.await;
            },
        );
    tokio::pin!(server);

    for service in ["", grpc::SERVICE_NAME] {
        health
            .set_service_status(service, ServingStatus::Serving)
            .await;
    }
    tracing::info!("serving");

    tokio::select! {
        result = &mut server => return result.map_err(Into::into),
        () = shutdown => {}
    }
    for service in ["", grpc::SERVICE_NAME] {
        health
            .set_service_status(service, ServingStatus::NotServing)
            .await;
    }
    let _ = stop_tx.send(());
    match tokio::time::timeout(config.shutdown_grace, &mut server).await {
        Ok(result) => {
            tracing::info!("stopped");
            result.map_err(Into::into)
        }
        Err(_) => {
            tracing::warn!(grace = ?config.shutdown_grace, "grace period over, dropping calls in flight");
            Ok(())
        }
    }
}

/// The service's settings under `config`, recording into [`metrics`].
fn settings(config: &Config) -> Settings {
    Settings {
        options: config.limits.options(),
        concurrency: config.effective_concurrency(),
        max_queued: config.max_queued,
        stream_concurrency: config.effective_stream_concurrency(),
        request_timeout: config.request_timeout,
        max_response_bytes: config.limits.max_response_bytes,
        on_extracted: metrics::record_extraction,
        on_shed: metrics::record_shed,
    }
}

/// Why [`run`] failed.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The descriptor sets given to reflection are invalid.
    #[error("cannot build the reflection service: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// The transport failed.
    #[error("transport failure: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// A reflection builder knowing our descriptors, tonic-health's, and
/// `google.rpc`'s (so that grpcurl can print the `BadRequest` details of an
/// error).
fn reflection() -> tonic_reflection::server::Builder<'static> {
    tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(grpc::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_types::pb::FILE_DESCRIPTOR_SET)
}
