//! lede turns raw HTML into a structured article.
//!
//! Layout:
//!
//! - [`article`]: the domain output types ([`article::Article`] and its parts).
//! - [`extract`]: the synchronous extraction pipeline (no I/O, no async).
//! - `config`, `grpc`, `metrics`, `server`, `shutdown` (feature `server`): the gRPC
//!   service around the library. The `lede` binary adds the command line.
//!   Dependencies point one way: `server -> grpc -> extract -> article`.

pub mod article;
pub mod extract;

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
