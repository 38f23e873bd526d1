//! The gRPC layer: generated types ([`pb`]), the service ([`service`]),
//! conversions between the wire and the library ([`convert`]) and the status
//! mapping ([`status`]).

pub mod convert;
pub mod service;
pub mod status;

pub use service::{Extractor, Settings};

/// Types generated from `proto/lede/v1/lede.proto`, with serde impls that
/// follow the proto3 JSON mapping.
#[allow(missing_docs, unreachable_pub, clippy::all, clippy::pedantic)]
pub mod pb {
    tonic::include_proto!("lede.v1");
    include!(concat!(env!("OUT_DIR"), "/lede.v1.serde.rs"));
}

/// The encoded descriptor set of `proto/`, served by reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/lede_descriptor.bin"));

/// The full name of our service, as health checks and reflection know it.
pub const SERVICE_NAME: &str = "lede.v1.ExtractorService";
