//! lede's integration tests, in one binary that links once (see STYLE.md).
//! Each module talks to the real thing: a server on an ephemeral port, the
//! `lede` binary, grpcurl, a Python client.

// Shared helpers: a server on 127.0.0.1:0, the seed, the external tools.
mod util;

// The wire contract through the generated tonic client: all three RPCs,
// streams, status codes, health, compression, message sizes.
mod rpc;
// The `lede` binary: `extract` and `health`.
mod cli;
// `lede extract` over WARC files written by hand.
mod warc;
// `lede extract` over many pages never loses one (panics, bad files).
mod batch;
// grpcurl through server reflection, with JSON input (`-d @`).
mod grpcurl;
// A client in another language: Python grpcio, stubs generated at test time.
mod python;
// Every README command: run offline, or named with its test or reason.
mod readme;
// The PySpark job over WARC files, on local[2] against a server on loopback.
mod spark;
// The `lede` binary's Prometheus listener, scraped over a real socket.
mod metrics;
// The Kubernetes manifests: ports, probes and grace periods agree.
mod deploy;
// Provenance and page flags, field by field, through the CLI's JSON.
mod provenance;
// Every dependency is permissively licensed (cargo metadata).
mod licenses;
// The seed article: one assertion per fact of issue 2, and the golden file.
mod seed;
// Hostile inputs, one exact status or result each, over a real socket.
mod hostile;
// Properties of the library over generated input (proptest).
mod props;
// The Markdown of every development page parses back to its tree.
mod markdown;
// The shape of the crate, from its source: what the extraction core may
// name, and one direction between the top-level modules.
mod architecture;
// Label text whose case mapping changes lengths, in the library, CLI, server.
mod casefold;
// Sustained load, a burst past the limit, a panic, RSS, SIGTERM under load.
mod soak;
