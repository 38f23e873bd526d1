#!/usr/bin/env python3
"""Trains the page-type model of src/extract/page_type.rs and writes its
weights as data, src/extract/page_type/weights.rs.

The model is multinomial logistic regression over the named features the
page-type stage computes (standardised: each weight is per standard
deviation of its feature, so weights compare). Standard library only.

    cargo run --release --bin lede-eval -- ../shared/benchmarks/wcxb \
        --page-type-features /tmp/page-type.csv > /dev/null
    python3 scripts/train_page_type.py /tmp/page-type.csv \
        --metadata ../shared/benchmarks/wcxb/metadata.json

Train only on a development split. Held-out figures: pages are split by
domain (a stable hash of the domain name, one page in five held out), so
no site is on both sides; the script reports held-out accuracy for the
chosen regularisation, then fits the shipped weights on every page.
"""

import argparse
import csv
import json
import math
import random
import zlib

CLASSES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]
OUT = "src/extract/page_type/weights.rs"


def load(path, metadata):
    domains = {}
    if metadata:
        with open(metadata) as f:
            files = json.load(f).get("files", {})
        domains = {k: v.get("domain", "") for k, v in files.items()}
    with open(path) as f:
        rows = list(csv.reader(f))
    names = rows[0][2:]
    data = []
    for r in rows[1:]:
        if r[1] not in CLASSES:
            continue
        data.append((r[0], CLASSES.index(r[1]), [float(v) for v in r[2:]], domains.get(r[0], r[0])))
    return names, data


def standardise(xs):
    """Each feature's mean and standard deviation."""
    n = len(xs[0])
    mean = [sum(x[k] for x in xs) / len(xs) for k in range(n)]
    scale = []
    for k in range(n):
        var = sum((x[k] - mean[k]) ** 2 for x in xs) / len(xs)
        scale.append(math.sqrt(var) if var > 1e-12 else 1.0)
    return mean, scale


def fit(xs, ys, l2, epochs=400, lr=0.5):
    """Full-batch gradient descent with momentum on the softmax loss."""
    n, d, c = len(xs), len(xs[0]), len(CLASSES)
    w = [[0.0] * c for _ in range(d)]
    b = [0.0] * c
    vw = [[0.0] * c for _ in range(d)]
    vb = [0.0] * c
    for _ in range(epochs):
        gw = [[0.0] * c for _ in range(d)]
        gb = [0.0] * c
        for x, y in zip(xs, ys):
            z = b[:]
            for k, v in enumerate(x):
                row = w[k]
                for j in range(c):
                    z[j] += row[j] * v
            m = max(z)
            e = [math.exp(v - m) for v in z]
            s = sum(e)
            p = [v / s for v in e]
            p[y] -= 1.0
            for j in range(c):
                gb[j] += p[j]
            for k, v in enumerate(x):
                row = gw[k]
                for j in range(c):
                    row[j] += p[j] * v
        for j in range(c):
            vb[j] = 0.9 * vb[j] + gb[j] / n
            b[j] -= lr * vb[j]
        for k in range(d):
            for j in range(c):
                g = gw[k][j] / n + l2 * w[k][j]
                vw[k][j] = 0.9 * vw[k][j] + g
                w[k][j] -= lr * vw[k][j]
    return w, b


def predict(w, b, x):
    z = b[:]
    for k, v in enumerate(x):
        for j in range(len(z)):
            z[j] += w[k][j] * v
    return max(range(len(z)), key=lambda j: z[j])


def apply(mean, scale, x):
    return [(v - m) / s for v, m, s in zip(x, mean, scale)]


def accuracy(w, b, xs, ys):
    return sum(predict(w, b, x) == y for x, y in zip(xs, ys)) / max(1, len(xs))


def held_out(domain):
    return zlib.crc32(domain.encode()) % 5 == 0


def write(names, mean, scale, w, b, note):
    fmt = lambda v: f"{v:.4f}"
    lines = [
        "//! The page-type model's weights, written by `scripts/train_page_type.py`",
        "//! (multinomial logistic regression; do not edit by hand).",
        "//!",
        f"//! {note}",
        "//!",
        "//! Rows follow `FEATURE_NAMES`; a model trained on other features fails",
        "//! the stage's tests. Each feature is standardised, `(x - MEAN) / SCALE`,",
        "//! so a weight is per",
        "//! standard deviation of its feature; columns follow `CLASSES`: article,",
        "//! forum, product, collection, listing, documentation, service.",
        "",
        "// Trained numbers, not constants that happen to be near pi's.",
        "#![allow(clippy::approx_constant)]",
        "",
        "/// Each feature's mean over the training pages.",
        "pub(super) const MEAN: &[f32] = &[",
    ]
    lines += [f"    {fmt(m)}, // {n}" for m, n in zip(mean, names)]
    lines += ["];", "", "/// Each feature's standard deviation over the training pages.",
              "pub(super) const SCALE: &[f32] = &["]
    lines += [f"    {fmt(s)}, // {n}" for s, n in zip(scale, names)]
    lines += ["];", "", "/// The log-odds of each class before any evidence.",
              "pub(super) const BIAS: [f32; 7] = [" + ", ".join(fmt(v) for v in b) + "];", "",
              "/// Per feature, its weight for each class.",
              "#[rustfmt::skip]",
              "pub(super) const WEIGHTS: &[[f32; 7]] = &["]
    for n, row in zip(names, w):
        cells = ", ".join(f"{v:7.3f}" for v in row)
        lines.append(f"    [{cells}], // {n}")
    lines += ["];", ""]
    with open(OUT, "w") as f:
        f.write("\n".join(lines))


def confusion(w, b, xs, ys):
    m = [[0] * len(CLASSES) for _ in CLASSES]
    for x, y in zip(xs, ys):
        m[y][predict(w, b, x)] += 1
    print("truth \\ predicted " + " ".join(f"{c[:5]:>5}" for c in CLASSES))
    for c, row in zip(CLASSES, m):
        print(f"{c:<17} " + " ".join(f"{v:>5}" for v in row))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--metadata")
    ap.add_argument("--l2", type=float, nargs="*", default=[0.003, 0.01, 0.03])
    ap.add_argument("--epochs", type=int, default=400)
    ap.add_argument("--show-errors", action="store_true", help="list the held-out pages the model gets wrong")
    args = ap.parse_args()
    names, data = load(args.features, args.metadata)
    random.seed(0)
    train = [r for r in data if not held_out(r[3])]
    test = [r for r in data if held_out(r[3])]
    mean, scale = standardise([r[2] for r in train])
    tx = [apply(mean, scale, r[2]) for r in train]
    ty = [r[1] for r in train]
    hx = [apply(mean, scale, r[2]) for r in test]
    hy = [r[1] for r in test]
    best = None
    for l2 in args.l2:
        w, b = fit(tx, ty, l2, args.epochs)
        acc_t, acc_h = accuracy(w, b, tx, ty), accuracy(w, b, hx, hy)
        print(f"l2 {l2}: train {acc_t:.4f} ({len(tx)} pages), held out {acc_h:.4f} ({len(hx)} pages)")
        if best is None or acc_h > best[0]:
            best = (acc_h, l2, w, b)
    acc_h, l2, w, b = best
    print(f"held-out confusion, l2 {l2}:")
    confusion(w, b, hx, hy)
    if args.show_errors:
        for r, x in zip(test, hx):
            p = predict(w, b, x)
            if p != r[1]:
                print(f"  {r[0]} {r[3]}: {CLASSES[r[1]]} taken for {CLASSES[p]}")
    # The shipped model: every development page, the chosen l2.
    mean, scale = standardise([r[2] for r in data])
    ax = [apply(mean, scale, r[2]) for r in data]
    ay = [r[1] for r in data]
    w, b = fit(ax, ay, l2, args.epochs)
    acc = accuracy(w, b, ax, ay)
    print(f"all {len(ax)} pages, l2 {l2}: {acc:.4f}")
    note = (f"Trained on {len(ax)} development pages (accuracy {acc:.3f}); with one domain in "
            f"five held out, held-out accuracy {acc_h:.3f}; L2 {l2}.")
    write(names, mean, scale, w, b, note)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
