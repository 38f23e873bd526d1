# syntax=docker/dockerfile:1
# lede: a release build in a Rust image, run from a distroless image as a
# non-root user. The dependencies are built in their own layer from the
# manifests alone, so a source change rebuilds only lede itself.

ARG RUST_IMAGE=rust:1.95.0-slim-bookworm
ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot

FROM ${RUST_IMAGE} AS build
WORKDIR /src

# 1. Dependencies: the manifests, the proto (build.rs compiles it) and empty
#    sources. This layer stays cached until Cargo.toml, Cargo.lock or the
#    proto change.
COPY Cargo.toml Cargo.lock build.rs ./
COPY proto ./proto
RUN mkdir src \
    && echo 'fn main() {}' > src/main.rs \
    && touch src/lib.rs \
    && cargo build --release --locked \
    && rm -rf src

# 2. lede itself. Touch the sources so cargo does not take the empty ones'
#    artifacts for fresh ones.
COPY src ./src
RUN touch src/main.rs src/lib.rs \
    && cargo build --release --locked \
    && install -D -m 0755 target/release/lede /out/lede

FROM ${RUNTIME_IMAGE}
LABEL org.opencontainers.image.title="lede" \
      org.opencontainers.image.description="A gRPC service that turns raw HTML into a structured article" \
      org.opencontainers.image.licenses="MIT OR Apache-2.0" \
      org.opencontainers.image.version="0.1.0"
COPY --from=build /out/lede /usr/local/bin/lede
# 65532 is the `nonroot` user of the distroless image.
USER 65532:65532
ENV LEDE_LISTEN=0.0.0.0:50051 \
    LEDE_LOG_FORMAT=json
EXPOSE 50051
STOPSIGNAL SIGTERM
# `lede health` calls grpc.health.v1 on the port of LEDE_LISTEN: no shell or
# curl needed in the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=5s --retries=3 \
    CMD ["/usr/local/bin/lede", "health"]
ENTRYPOINT ["/usr/local/bin/lede"]
CMD ["serve"]
