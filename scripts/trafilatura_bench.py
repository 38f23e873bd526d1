"""Times trafilatura.extract on every page of a benchmark folder, one core.

Start-up (imports, reading and gunzipping the pages) is left out: only the
calls to trafilatura.extract are timed, one page at a time, after one
warm-up call. Prints the same lines as `lede-bench` so that
scripts/compare-trafilatura.sh can put them side by side.

Usage: python scripts/trafilatura_bench.py FOLDER [--limit N]
"""

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

import trafilatura


def load(folder: Path, limit: int | None):
    html_dir = folder / "html" if (folder / "html").is_dir() else folder
    paths = sorted(
        p for p in html_dir.iterdir()
        if p.name.endswith(".html.gz") or p.name.endswith(".html")
    )
    if limit is not None:
        paths = paths[:limit]
    truth = {}
    gt = folder / "ground-truth.json"
    if gt.is_file():
        truth = json.loads(gt.read_text())
    pages = []
    for path in paths:
        page_id = path.name.removesuffix(".gz").removesuffix(".html")
        data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
        url = (truth.get(page_id) or {}).get("url") or None
        pages.append((data, url))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    pages = load(args.folder, args.limit)
    total_bytes = sum(len(data) for data, _ in pages)
    print(f"pages {len(pages)} bytes {total_bytes} ({total_bytes / 1e6:.1f} MB)")
    # Metadata and text as JSON: the closest to what lede returns.
    def run(data, url):
        return trafilatura.extract(
            data, url=url, output_format="json", with_metadata=True
        )

    run(*pages[0])
    per_page = []
    failed = 0
    started = time.perf_counter()
    for data, url in pages:
        t = time.perf_counter()
        try:
            if run(data, url) is None:
                failed += 1
        except Exception:  # noqa: BLE001 - a failure is counted, not fatal
            failed += 1
        per_page.append(time.perf_counter() - t)
    total = time.perf_counter() - started
    median_ms = statistics.median(per_page) * 1000
    print(
        f"trafilatura {total * 1000:9.1f} ms total  {median_ms:6.2f} ms median page  "
        f"{total_bytes / 1e6 / total:6.1f} MB/s  ({failed} pages without output)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
