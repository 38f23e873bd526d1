# syntax=docker/dockerfile:1
# lede: a release build in a Rust image, run from a distroless image (no
# shell, no package manager) as a non-root user.
#
# Base images are pinned by tag and digest. To move to a newer one, update
# both together: `docker buildx imagetools inspect IMAGE:TAG` prints the
# digest.
ARG RUST_IMAGE=rust:1.95.0-slim-bookworm@sha256:d7482085ff5b415f84dba5647ae71606650bdef00db7aeb69f4b3d170c3e4082
ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot@sha256:9dac0a79194e45a7da0158a9c6da57b217585af0786db3845d1f0ec1a0dd182f

FROM ${RUST_IMAGE} AS build
WORKDIR /src

# 1. Dependencies, from the manifests, build.rs and the proto alone, with an
#    empty stub for every target Cargo.toml declares (cargo refuses a
#    manifest naming missing files). This layer stays cached until
#    Cargo.toml, Cargo.lock, build.rs or the proto change.
COPY Cargo.toml Cargo.lock build.rs ./
COPY proto ./proto
RUN mkdir -p src/bin/lede-eval src/bin/lede-bench benches tests \
    && for f in src/main.rs src/bin/lede-eval/main.rs src/bin/lede-bench/main.rs \
                benches/extract.rs benches/language.rs tests/tests.rs; do \
           echo 'fn main() {}' > "$f"; \
       done \
    && touch src/lib.rs \
    && cargo build --release --locked --bin lede \
    && rm -rf src

# 2. lede itself. Touch the sources so cargo does not take the stubs'
#    artifacts for fresh ones.
COPY src ./src
RUN touch src/main.rs src/lib.rs \
    && cargo build --release --locked --bin lede \
    && install -D -m 0755 target/release/lede /out/lede

FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="lede" \
      org.opencontainers.image.description="A gRPC service that turns raw HTML into a structured article" \
      org.opencontainers.image.licenses="MIT OR Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/lede/lede" \
      org.opencontainers.image.base.name="gcr.io/distroless/cc-debian12:nonroot"
COPY --from=build /out/lede /usr/local/bin/lede
# 65532 is the `nonroot` user of the distroless image.
USER 65532:65532
# The drain (LEDE_SHUTDOWN_GRACE) fits in `docker stop`'s default 10 s
# between SIGTERM and SIGKILL; raise both together (`docker run
# --stop-timeout`, Compose's `stop_grace_period`, Kubernetes'
# terminationGracePeriodSeconds).
ENV LEDE_LISTEN=0.0.0.0:50051 \
    LEDE_METRICS_LISTEN=0.0.0.0:9090 \
    LEDE_SHUTDOWN_GRACE=8s \
    LEDE_LOG_FORMAT=json
# gRPC, then Prometheus metrics (GET /metrics).
EXPOSE 50051 9090
STOPSIGNAL SIGTERM
# `lede health` calls grpc.health.v1 on the port of LEDE_LISTEN: no shell or
# curl needed in the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=5s --retries=3 \
    CMD ["/usr/local/bin/lede", "health"]
ENTRYPOINT ["/usr/local/bin/lede"]
CMD ["serve"]
