//! lede turns raw HTML into a structured article.
//!
//! Layout:
//!
//! - [`article`]: the domain output types ([`article::Article`] and its parts).
//! - [`extract`]: the synchronous extraction pipeline (no I/O, no async).
//! - [`job`]: the unit of work (one page and its options), run alike by the
//!   service, `lede extract` and its batch mode.
//! - `config`, `grpc`, `metrics`, `server`, `shutdown` (feature `server`): the gRPC
//!   service around the library. The `lede` binary adds the command line.
//!   Dependencies point one way: `server -> {grpc, metrics} -> job -> extract
//!   -> article`; `grpc` and `metrics` know nothing of each other (the server
//!   hands the service the functions that record metrics).

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
