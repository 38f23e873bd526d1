//! The gRPC layer: generated types (`pb`), the service, conversions and
//! status mapping.

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
