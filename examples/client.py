#!/usr/bin/env python3
"""A lede client in Python (grpcio): extract a page, stream a folder of pages,
identify the language of a text, or check the server's health.

Responses print as JSON (the proto3 JSON mapping, as grpcurl and
`lede extract` print it): one indented document for `extract` and
`language`, one line per page for `stream`.

The stubs are generated from ../proto at start-up with grpcio-tools into a
temporary directory, so nothing generated is kept in the repository.

    pip install grpcio grpcio-tools
    python examples/client.py extract page.html --url https://example.com/a
    python examples/client.py stream pages/ > articles.jsonl
    python examples/client.py language "Der schnelle braune Fuchs"
    python examples/client.py health

Every call sends an `x-request-id` (the server logs it and echoes it back)
and may be gzip-compressed both ways (`--gzip`; grpcio speaks gzip, not
zstd).
"""

import argparse
import importlib
import json
import pathlib
import sys
import tempfile
import uuid

import grpc
from google.protobuf import json_format
from grpc_tools import protoc

PROTO_ROOT = pathlib.Path(__file__).resolve().parent.parent / "proto"
PROTO_FILE = "lede/v1/lede.proto"
# The health proto, written out under a path that does not shadow the grpc
# package (its proto package stays grpc.health.v1).
HEALTH_PROTO = "lede_health/health.proto"
MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def load_stubs(out_dir):
    """Generates the lede.v1 and grpc.health.v1 stubs into out_dir and
    imports them."""
    # grpc_tools ships the well-known types; its include dir resolves imports.
    well_known = pathlib.Path(protoc.__file__).resolve().parent / "_proto"
    health = pathlib.Path(out_dir) / "include" / HEALTH_PROTO
    health.parent.mkdir(parents=True)
    health.write_text(HEALTH_PROTO_TEXT)
    for proto, root in [(PROTO_FILE, PROTO_ROOT), (HEALTH_PROTO, health.parents[1])]:
        status = protoc.main([
            "grpc_tools.protoc",
            f"-I{root}",
            f"-I{well_known}",
            f"--python_out={out_dir}",
            f"--grpc_python_out={out_dir}",
            proto,
        ])
        if status != 0:
            sys.exit(f"protoc failed on {root / proto} (status {status})")
    sys.path.insert(0, out_dir)
    return {
        name: importlib.import_module(module)
        for name, module in [
            ("lede", "lede.v1.lede_pb2"),
            ("lede_grpc", "lede.v1.lede_pb2_grpc"),
            ("health", "lede_health.health_pb2"),
            ("health_grpc", "lede_health.health_pb2_grpc"),
        ]
    }


# The standard health-checking protocol (grpc/grpc: doc/health-checking.md).
HEALTH_PROTO_TEXT = """syntax = "proto3";
package grpc.health.v1;
message HealthCheckRequest { string service = 1; }
message HealthCheckResponse {
  enum ServingStatus { UNKNOWN = 0; SERVING = 1; NOT_SERVING = 2; SERVICE_UNKNOWN = 3; }
  ServingStatus status = 1;
}
service Health {
  rpc Check(HealthCheckRequest) returns (HealthCheckResponse);
  rpc Watch(HealthCheckRequest) returns (stream HealthCheckResponse);
}
"""


def to_json(message, indent=2):
    """The proto3 JSON mapping of message, as text."""
    return json.dumps(
        json_format.MessageToDict(message), indent=indent, ensure_ascii=False
    )


def pages_in(folder):
    """The files of folder, sorted, skipping hidden ones."""
    return sorted(
        p for p in pathlib.Path(folder).iterdir() if p.is_file() and not p.name.startswith(".")
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--addr", default="localhost:50051", help="the server")
    parser.add_argument("--timeout", type=float, default=30.0, help="deadline, seconds")
    parser.add_argument("--gzip", action="store_true", help="compress requests with gzip")
    parser.add_argument("--request-id", default="", help="x-request-id (default: a new UUID)")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract one page")
    extract.add_argument("path", help="the page (HTML or a snapshot); - for stdin")
    extract.add_argument("--url", default="", help="the page URL")
    extract.add_argument("--content-type", default="", help="the Content-Type header")
    extract.add_argument("--id", default="", help="an id to echo")
    extract.add_argument("--markdown", action="store_true", help="also return Markdown")

    stream = commands.add_parser("stream", help="extract every file of a folder, one stream")
    stream.add_argument("folder", help="the folder; each file's name is its id")

    language = commands.add_parser("language", help="identify the language of a text")
    language.add_argument("text", help="the text")
    language.add_argument("--declared", default="", help="a declared language tag")

    health = commands.add_parser("health", help="check the server's health")
    health.add_argument("--service", default="", help="a service name; empty for the server")

    args = parser.parse_args()
    metadata = [("x-request-id", args.request_id or uuid.uuid4().hex)]
    compression = grpc.Compression.Gzip if args.gzip else grpc.Compression.NoCompression

    with tempfile.TemporaryDirectory(prefix="lede-stubs-") as out_dir:
        stubs = load_stubs(out_dir)
        pb = stubs["lede"]
        options = [
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ]
        with grpc.insecure_channel(args.addr, options=options, compression=compression) as channel:
            service = stubs["lede_grpc"].ExtractorServiceStub(channel)
            call = {"timeout": args.timeout, "metadata": metadata}
            try:
                if args.command == "extract":
                    html = (
                        sys.stdin.buffer.read()
                        if args.path == "-"
                        else pathlib.Path(args.path).read_bytes()
                    )
                    request = pb.ExtractRequest(
                        id=args.id,
                        html=html,
                        url=args.url,
                        content_type=args.content_type,
                        options=pb.ExtractOptions(include_markdown=args.markdown),
                    )
                    print(to_json(service.Extract(request, **call)))
                elif args.command == "stream":
                    # A generator: grpcio sends each page as the server reads,
                    # and answers come back as they are ready (maybe out of
                    # order, each with its id).
                    requests = (
                        pb.ExtractStreamRequest(id=path.name, html=path.read_bytes())
                        for path in pages_in(args.folder)
                    )
                    failed = 0
                    for response in service.ExtractStream(requests, **call):
                        failed += response.HasField("error")
                        print(to_json(response, indent=None), flush=True)
                    if failed:
                        print(f"{failed} page(s) failed", file=sys.stderr)
                elif args.command == "language":
                    request = pb.DetectLanguageRequest(
                        text=args.text, declared_language=args.declared
                    )
                    print(to_json(service.DetectLanguage(request, **call)))
                elif args.command == "health":
                    checker = stubs["health_grpc"].HealthStub(channel)
                    request = stubs["health"].HealthCheckRequest(service=args.service)
                    answer = checker.Check(request, **call)
                    name = stubs["health"].HealthCheckResponse.ServingStatus.Name(answer.status)
                    print(name)
                    if name != "SERVING":
                        sys.exit(1)
            except grpc.RpcError as err:
                sys.exit(f"{args.command} failed: {err.code().name}: {err.details()}")


if __name__ == "__main__":
    main()
