#!/usr/bin/env python3
"""Extract the HTML pages of WARC files on Spark with a lede service, into
Parquet.

    pip install pyspark warcio grpcio grpcio-tools
    python examples/spark/extract_warc.py --lede HOST:PORT [--master URL] INPUT... OUTPUT_DIR

INPUT is a WARC or WARC.gz file, a folder or a glob, on any file system
Spark reads (`file:`, `hdfs:`, `s3a:`, ...). Each file is read by one task
(Spark's `binaryFiles`, so an executor holds one file at a time) and its
records walked with warcio: each `response` record whose HTTP payload is HTML
(status 2xx) is sent to lede, whose `ExtractStream` call takes the pages of
a batch on one HTTP/2 stream. The call is retried with backoff when the
service is UNAVAILABLE (a replica restarting, a rolling update), only for
the pages not yet answered; a page lede refuses keeps its error in the
`error` column, and the job goes on.

The Parquet files have one row per page: id (WARC-Record-ID), url
(WARC-Target-URI), title, authors, published, language (BCP 47), page_type
(PAGE_TYPE_ARTICLE, PAGE_TYPE_FORUM, ...; empty when undecided), text,
markdown, error.

The stubs are generated from ../../proto on each executor with grpcio-tools
(the proto text travels with the job), so nothing generated is kept.
"""

import argparse
import importlib
import os
import pathlib
import random
import sys
import tempfile
import time

PROTO_FILE = pathlib.Path(__file__).resolve().parents[2] / "proto" / "lede" / "v1" / "lede.proto"
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
COLUMNS = [
    "id", "url", "title", "authors", "published", "language", "page_type", "text",
    "markdown", "error",
]

# Stubs generated once per Python worker process.
_STUBS = {}


def stubs(proto_text):
    """The lede.v1 modules, generated from proto_text on first use."""
    if "pb" not in _STUBS:
        import grpc_tools
        from grpc_tools import protoc

        out = tempfile.mkdtemp(prefix="lede-stubs-")
        source = pathlib.Path(out) / "include" / "lede" / "v1" / "lede.proto"
        source.parent.mkdir(parents=True)
        source.write_text(proto_text)
        well_known = pathlib.Path(grpc_tools.__file__).resolve().parent / "_proto"
        status = protoc.main([
            "grpc_tools.protoc", f"-I{source.parents[2]}", f"-I{well_known}",
            f"--python_out={out}", f"--grpc_python_out={out}", "lede/v1/lede.proto",
        ])
        if status != 0:
            raise RuntimeError(f"protoc failed on the lede proto (status {status})")
        sys.path.insert(0, out)
        _STUBS["pb"] = importlib.import_module("lede.v1.lede_pb2")
        _STUBS["grpc"] = importlib.import_module("lede.v1.lede_pb2_grpc")
    return _STUBS["pb"], _STUBS["grpc"]


def unbracket(value):
    """A WARC URI without the angle brackets around it."""
    value = (value or "").strip()
    return value[1:-1] if value.startswith("<") and value.endswith(">") else value


def capture_time(value):
    """A WARC-Date as lede reads it (RFC 3339), or empty when unreadable."""
    import datetime

    value = (value or "").strip()
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return value


def html_pages(stream):
    """(id, url, content_type, capture time, payload) for each HTML response
    in a WARC stream; warcio undoes the chunking and Content-Encoding."""
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
        media = content_type.split(";")[0].strip().lower()
        if not status.startswith("2") or media not in HTML_TYPES:
            continue
        yield (
            unbracket(record.rec_headers.get_header("WARC-Record-ID")),
            unbracket(record.rec_headers.get_header("WARC-Target-URI")),
            content_type,
            capture_time(record.rec_headers.get_header("WARC-Date")),
            record.content_stream().read(),
        )


def page_type(article):
    """The page type's name (empty with a service too old to have one)."""
    for message in (article, article.flags):
        field = message.DESCRIPTOR.fields_by_name.get("page_type")
        if field is None:
            continue
        value = getattr(message, "page_type")
        if field.enum_type is not None:
            # As lede's JSON names it (PAGE_TYPE_ARTICLE, ...); empty when
            # undecided (PAGE_TYPE_UNSPECIFIED, which the JSON leaves out).
            return field.enum_type.values_by_number[value].name if value else ""
        return str(value)
    return ""


def row(page_id, url, article=None, error=""):
    """One output row."""
    if article is None:
        return (page_id, url, "", [], "", "", "", "", "", error)
    return (
        page_id, article.url or url, article.title, [a.name for a in article.authors],
        article.published_time, article.language.tag, page_type(article), article.text,
        article.markdown, error,
    )


def extract_batch(service, pb, grpc, batch, attempts, timeout):
    """Rows for a batch of pages: one ExtractStream call, retried for the
    pages not yet answered while the service is UNAVAILABLE."""
    import grpc as grpc_lib

    if not batch:
        return []
    rows = {}
    pending = {page[0]: page for page in batch}
    for attempt in range(attempts):
        requests = (
            pb.ExtractStreamRequest(
                id=page_id, html=payload, url=url, content_type=content_type,
                # The capture time: the "now" of relative dates.
                request_time=captured,
                options=pb.ExtractOptions(include_markdown=True),
            )
            for page_id, url, content_type, captured, payload in list(pending.values())
        )
        try:
            for answer in service.ExtractStream(requests, timeout=timeout):
                page = pending.pop(answer.id, None)
                if page is None:
                    continue
                if answer.HasField("error"):
                    message = f"{answer.error.code_name}: {answer.error.message}"
                    rows[answer.id] = row(answer.id, page[1], error=message)
                else:
                    rows[answer.id] = row(answer.id, page[1], answer.article)
            break
        except grpc_lib.RpcError as err:
            retry = err.code() in (grpc_lib.StatusCode.UNAVAILABLE,)
            if not retry or attempt + 1 == attempts:
                for page_id, page in pending.items():
                    rows[page_id] = row(page_id, page[1], error=f"{err.code().name}: {err.details()}")
                pending.clear()
                break
            pause = min(30.0, 0.5 * 2 ** attempt) * (0.5 + random.random())
            print(
                f"lede UNAVAILABLE ({err.details()}), {len(pending)} pages retried in {pause:.1f} s",
                file=sys.stderr, flush=True,
            )
            time.sleep(pause)
    return [rows[page[0]] for page in batch if page[0] in rows]


def extract_partition(files, lede, proto_text, batch_size, attempts, timeout):
    """Rows for the WARC files of one partition, over one channel."""
    import io

    import grpc

    pb, pb_grpc = stubs(proto_text)
    options = [
        ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        # With `dns:///lede-headless...` every ready pod is resolved and the
        # calls spread over them; one address is used as is.
        ("grpc.lb_policy_name", "round_robin"),
    ]
    with grpc.insecure_channel(lede, options=options) as channel:
        service = pb_grpc.ExtractorServiceStub(channel)
        for path, content in files:
            batch = []
            try:
                for page in html_pages(io.BytesIO(content)):
                    batch.append(page)
                    if len(batch) == batch_size:
                        yield from extract_batch(service, pb, grpc, batch, attempts, timeout)
                        batch = []
            except Exception as err:  # a damaged file: its pages so far, then one error row
                yield from extract_batch(service, pb, grpc, batch, attempts, timeout)
                batch = []
                yield row(path, "", error=f"DATA_LOSS: cannot read {path}: {err}")
            yield from extract_batch(service, pb, grpc, batch, attempts, timeout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lede", required=True,
        help="the lede service, HOST:PORT or dns:///lede-headless.NAMESPACE.svc.cluster.local:50051",
    )
    parser.add_argument("--master", help="Spark master, e.g. local[2] or spark://host:7077")
    parser.add_argument("--batch-size", type=int, default=64, help="pages per ExtractStream call")
    parser.add_argument("--attempts", type=int, default=6, help="tries per call while UNAVAILABLE")
    parser.add_argument("--timeout", type=float, default=300.0, help="deadline per call, seconds")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="WARC files, folders or globs")
    parser.add_argument("output", metavar="OUTPUT_DIR", help="where the Parquet files go")
    args = parser.parse_args()

    from pyspark.sql import SparkSession
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    # No web UI (a local run's port would clash with other jobs'); the
    # other settings are left to spark-submit / spark-defaults.conf.
    builder = SparkSession.builder.appName("lede-extract-warc").config("spark.ui.enabled", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    proto_text = PROTO_FILE.read_text()
    lede, batch_size, attempts, timeout = args.lede, args.batch_size, args.attempts, args.timeout
    files = spark.sparkContext.binaryFiles(",".join(args.inputs))
    rows = files.mapPartitions(
        lambda part: extract_partition(part, lede, proto_text, batch_size, attempts, timeout)
    )
    schema = StructType([
        StructField(name, ArrayType(StringType()) if name == "authors" else StringType())
        for name in COLUMNS
    ])
    spark.createDataFrame(rows, schema).write.mode("overwrite").parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    main()
