#!/usr/bin/env python3
"""Trains the page-type model of src/extract/page_type/ and writes its
weights as data, src/extract/page_type/weights.rs.

The model is multinomial logistic regression over the named features the
page-type stage computes (standardised: each weight is per standard
deviation of its feature, so weights compare), with an L2 penalty chosen by
cross-validation. Standard library only.

    cargo run --release --bin lede-eval -- ../shared/benchmarks/wcxb \
        --page-type-features /tmp/page-type.csv > /dev/null
    python3 scripts/train_page_type.py /tmp/page-type.csv \
        --metadata ../shared/benchmarks/wcxb/metadata.json

Train only on a development split. Held-out figures are k-fold by domain:
each domain falls in one of k folds (a stable hash of its name), so no site
is on both sides of a split; every page is predicted once by the model fitted
without its fold. The script reports that accuracy and its confusion matrix
for each L2 tried, picks the best, then fits the shipped weights on every
page with it.
"""

import argparse
import csv
import json
import math
import zlib
from operator import mul

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
        data.append((r[0], CLASSES.index(r[1]), [float(v) for v in r[2:]], domains.get(r[0]) or r[0]))
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


def apply(mean, scale, x):
    return [(v - m) / s for v, m, s in zip(x, mean, scale)]


def fit(xs, ys, l2, epochs, lr=0.5):
    """Full-batch gradient descent with momentum on the mean softmax loss
    plus l2/2 times the squared weights (the bias is not penalised).
    Weights are kept per class (w[j][k]) so that each logit and each
    gradient is one dot product."""
    n, d, c = len(xs), len(xs[0]), len(CLASSES)
    cols = [[x[k] for x in xs] for k in range(d)]
    w = [[0.0] * d for _ in range(c)]
    b = [0.0] * c
    vw = [[0.0] * d for _ in range(c)]
    vb = [0.0] * c
    for _ in range(epochs):
        z = [[sum(map(mul, x, w[j])) + b[j] for j in range(c)] for x in xs]
        # residual[j][i] = p_ij - [y_i == j]
        residual = [[0.0] * n for _ in range(c)]
        for i, (zi, y) in enumerate(zip(z, ys)):
            m = max(zi)
            e = [math.exp(v - m) for v in zi]
            s = sum(e)
            for j in range(c):
                residual[j][i] = e[j] / s - (1.0 if j == y else 0.0)
        for j in range(c):
            r = residual[j]
            vb[j] = 0.9 * vb[j] + sum(r) / n
            b[j] -= lr * vb[j]
            wj, vj = w[j], vw[j]
            for k in range(d):
                g = sum(map(mul, cols[k], r)) / n + l2 * wj[k]
                vj[k] = 0.9 * vj[k] + g
                wj[k] -= lr * vj[k]
    return w, b


def logits(w, b, x):
    return [sum(map(mul, x, wj)) + bj for wj, bj in zip(w, b)]


def predict(w, b, x):
    z = logits(w, b, x)
    return max(range(len(z)), key=lambda j: z[j])


def fold_of(domain, k):
    return zlib.crc32(domain.encode()) % k


def cross_validate(data, l2, k, epochs):
    """Out-of-fold predictions, one per page, folds split by domain."""
    predicted = [None] * len(data)
    for fold in range(k):
        train = [r for r in data if fold_of(r[3], k) != fold]
        test = [i for i, r in enumerate(data) if fold_of(r[3], k) == fold]
        mean, scale = standardise([r[2] for r in train])
        w, b = fit([apply(mean, scale, r[2]) for r in train], [r[1] for r in train], l2, epochs)
        for i in test:
            predicted[i] = predict(w, b, apply(mean, scale, data[i][2]))
    return predicted


def confusion(truth, predicted):
    m = [[0] * len(CLASSES) for _ in CLASSES]
    for y, p in zip(truth, predicted):
        m[y][p] += 1
    lines = ["truth \\ predicted " + " ".join(f"{c[:5]:>5}" for c in CLASSES) + " recall"]
    for c, row in zip(CLASSES, m):
        recall = row[CLASSES.index(c)] / max(1, sum(row))
        lines.append(f"{c:<17} " + " ".join(f"{v:>5}" for v in row) + f"  {recall:.3f}")
    return "\n".join(lines)


def write(names, mean, scale, w, b, note):
    fmt = lambda v: f"{v:.4f}"
    lines = [
        "//! The page-type model's weights, written by `scripts/train_page_type.py`",
        "//! (multinomial logistic regression; do not edit by hand).",
        "//!",
    ]
    lines += [f"//! {line}".rstrip() for line in note.split("\n")]
    lines += [
        "//!",
        "//! Rows follow `FEATURE_NAMES`; a model trained on other features fails",
        "//! the stage's tests. Each feature is standardised, `(x - MEAN) / SCALE`,",
        "//! so a weight is per standard deviation of its feature; columns follow",
        "//! `CLASSES`: article, forum, product, collection, listing,",
        "//! documentation, service.",
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
    for k, n in enumerate(names):
        cells = ", ".join(f"{w[j][k]:7.3f}" for j in range(len(CLASSES)))
        lines.append(f"    [{cells}], // {n}")
    lines += ["];", ""]
    with open(OUT, "w") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--metadata", help="the benchmark's metadata.json (page domains)")
    ap.add_argument("--l2", type=float, nargs="*", default=[0.003, 0.01, 0.03, 0.1])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--show-errors", action="store_true",
                    help="list the pages the cross-validated model gets wrong")
    ap.add_argument("--no-write", action="store_true", help="report only")
    args = ap.parse_args()
    names, data = load(args.features, args.metadata)
    truth = [r[1] for r in data]
    domains = len({r[3] for r in data})
    best = None
    for l2 in args.l2:
        predicted = cross_validate(data, l2, args.folds, args.epochs)
        acc = sum(p == y for p, y in zip(predicted, truth)) / len(data)
        print(f"l2 {l2}: {args.folds}-fold by domain accuracy {acc:.4f} "
              f"({len(data)} pages, {domains} domains)")
        if best is None or acc > best[0]:
            best = (acc, l2, predicted)
    acc_cv, l2, predicted = best
    matrix = confusion(truth, predicted)
    print(f"cross-validated confusion, l2 {l2}:\n{matrix}")
    if args.show_errors:
        for r, p in zip(data, predicted):
            if p != r[1]:
                print(f"  {r[0]} {r[3]}: {CLASSES[r[1]]} taken for {CLASSES[p]}")
    if args.no_write:
        return
    # The shipped model: every development page, the chosen l2.
    mean, scale = standardise([r[2] for r in data])
    ax = [apply(mean, scale, r[2]) for r in data]
    w, b = fit(ax, truth, l2, args.epochs)
    acc = sum(predict(w, b, x) == y for x, y in zip(ax, truth)) / len(ax)
    print(f"all {len(ax)} pages, l2 {l2}: training accuracy {acc:.4f}")
    note = (f"Trained on {len(ax)} development pages of {domains} domains, L2 {l2}:\n"
            f"training accuracy {acc:.3f}; {args.folds}-fold cross-validation by domain\n"
            f"(no site on both sides) {acc_cv:.3f}, with this confusion:\n\n"
            + "\n".join("    " + line for line in matrix.split("\n")))
    write(names, mean, scale, w, b, note)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
