//! lede turns raw HTML into a structured article.
//!
//! Layout:
//!
//! - [`article`]: the domain output types ([`article::Article`] and its parts).
//! - [`extract`]: the synchronous extraction pipeline (no I/O, no async).
//! - `grpc`, `server`, `config`, `cli` (feature `server`): the gRPC service
//!   and the command line around the library.

pub mod article;
pub mod extract;
#[cfg(feature = "server")]
pub mod grpc;
