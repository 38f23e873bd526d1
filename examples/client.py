#!/usr/bin/env python3
"""A lede client in Python: sends one page to the Extract RPC and prints the
ExtractResponse as JSON (the proto3 JSON mapping, as grpcurl and
`lede extract` print it).

The stubs are generated from ../proto at start-up with grpcio-tools into a
temporary directory, so nothing generated is kept in the repository.

    pip install grpcio grpcio-tools
    python examples/client.py --addr localhost:50051 page.html
"""

import argparse
import importlib
import pathlib
import sys
import tempfile

import grpc
from google.protobuf import json_format
from grpc_tools import protoc

PROTO_ROOT = pathlib.Path(__file__).resolve().parent.parent / "proto"
PROTO_FILE = "lede/v1/lede.proto"
MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def load_stubs(out_dir):
    """Generates the lede.v1 stubs into out_dir and imports them."""
    # grpc_tools ships the well-known types; its include dir resolves imports.
    well_known = pathlib.Path(protoc.__file__).resolve().parent / "_proto"
    status = protoc.main([
        "grpc_tools.protoc",
        f"-I{PROTO_ROOT}",
        f"-I{well_known}",
        f"--python_out={out_dir}",
        f"--grpc_python_out={out_dir}",
        PROTO_FILE,
    ])
    if status != 0:
        sys.exit(f"protoc failed on {PROTO_ROOT / PROTO_FILE} (status {status})")
    sys.path.insert(0, out_dir)
    messages = importlib.import_module("lede.v1.lede_pb2")
    services = importlib.import_module("lede.v1.lede_pb2_grpc")
    return messages, services


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="the page (HTML or a snapshot); - for stdin")
    parser.add_argument("--addr", default="localhost:50051", help="the server")
    parser.add_argument("--url", default="", help="the page URL")
    parser.add_argument("--content-type", default="", help="the Content-Type header")
    parser.add_argument("--id", default="", help="an id to echo")
    parser.add_argument("--timeout", type=float, default=30.0, help="deadline, seconds")
    args = parser.parse_args()

    html = sys.stdin.buffer.read() if args.path == "-" else pathlib.Path(args.path).read_bytes()
    with tempfile.TemporaryDirectory(prefix="lede-stubs-") as out_dir:
        messages, services = load_stubs(out_dir)
        options = [
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ]
        with grpc.insecure_channel(args.addr, options=options) as channel:
            stub = services.ExtractorServiceStub(channel)
            request = messages.ExtractRequest(
                id=args.id, html=html, url=args.url, content_type=args.content_type
            )
            try:
                response = stub.Extract(request, timeout=args.timeout)
            except grpc.RpcError as err:
                sys.exit(f"Extract failed: {err.code().name}: {err.details()}")
        print(json_format.MessageToJson(response, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
