//! Compiles `proto/` without a system `protoc`: protox parses the files into a
//! descriptor set, tonic-prost-build generates the messages and the service,
//! pbjson-build generates serde code for the proto3 JSON mapping (what grpcurl
//! prints and what `lede extract` prints), and the set itself is written to
//! `OUT_DIR` for server reflection.

use std::{env, fs, path::PathBuf};

use prost_types::FileDescriptorSet;

const PROTO_ROOT: &str = "proto";
const PROTO_FILES: &[&str] = &["proto/lede/v1/lede.proto"];
const DESCRIPTOR_FILE: &str = "lede_descriptor.bin";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed={PROTO_ROOT}");
    if env::var_os("CARGO_FEATURE_SERVER").is_none() {
        // The extraction library alone needs no generated code.
        return Ok(());
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);

    let fds: FileDescriptorSet = protox::compile(PROTO_FILES, [PROTO_ROOT])?;
    let descriptor_path = out_dir.join(DESCRIPTOR_FILE);
    fs::write(&descriptor_path, prost::Message::encode_to_vec(&fds))?;

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .compile_fds(fds)?;

    let descriptors = fs::read(&descriptor_path)?;
    pbjson_build::Builder::new()
        .register_descriptors(&descriptors)?
        .build(&[".lede.v1"])?;
    Ok(())
}
