//! lede turns raw HTML into a structured article.
//!
//! Modules, from the bottom up (each uses only those above it):
//!
//! - [`article`]: the domain output types ([`article::Article`] and its
//!   parts); no wire types.
//! - [`extract`]: the extraction pipeline, a plain synchronous library: no
//!   I/O, no clock, no async, no transport. Its stages are named by
//!   [`extract::Stage`]; a caller watches them through an
//!   [`extract::StageObserver`].
//! - [`job`]: the unit of work, one owned page and its options, run alike
//!   by the gRPC service, `lede extract` and its batch mode; it times the
//!   stages when asked ([`job::StageTimes`]).
//!
//! With the `server` feature (the default):
//!
//! - `config`: the settings of `lede serve` and the extraction limits, from
//!   flags and `LEDE_*` variables.
//! - `grpc`: the wire types, the conversions between them and the library,
//!   the service and the status codes.
//! - `metrics`: the Prometheus recorder, its listener and the per-call
//!   layer.
//! - `server`: builds the service's settings from the config and wires the
//!   service, health, reflection and metrics together; `shutdown`: signals.
//!
//! Dependencies point one way: `server -> {config, grpc, metrics}`,
//! `config -> extract`, `grpc -> job`, `metrics -> job`, `job -> extract -> article`; `grpc` and
//! `metrics` know nothing of each other (the server hands the service the
//! functions that record metrics). `tests/architecture.rs` checks this
//! against the source. The `lede` binary (`src/main.rs`, `src/cli.rs`)
//! adds the command line on top.

pub mod article;
pub mod extract;
pub mod job;

#[cfg(feature = "server")]
pub mod config;
#[cfg(feature = "server")]
pub mod grpc;
#[cfg(feature = "server")]
pub mod metrics;
#[cfg(feature = "server")]
pub mod server;
#[cfg(feature = "server")]
pub mod shutdown;
