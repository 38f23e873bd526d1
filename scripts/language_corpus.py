#!/usr/bin/env python3
"""Builds lede's language development corpus from translated text that the
machine's packages carry: gettext message catalogues (`.mo` files under
/usr/share/locale) and translated manual pages (/usr/share/man/LANG).

Debian's documentation packages (`*-doc`, debian-handbook, ...) are NOT read:
they are kept for the owner's own measurement. Nothing is downloaded; run
`apt-get download manpages-de ...` and `dpkg -x` into a folder passed with
`--man-root` to add more manual pages.

Output (deterministic for a given machine and `--seed`):

    OUT/samples.jsonl   one JSON object a line:
                        {"id", "lang", "bucket", "source", "text"}
    OUT/manifest.json   seed, sources, units and samples per language

Buckets (issue 14's targets):

    short    20-40 characters: one or two UI messages, or a cut sentence
    medium   100-200 characters: a few messages or sentences
    page     1,500-5,000 characters: paragraphs of messages and man-page prose
    raw      a page-like text of 600-2,500 characters with a navigation
             block (English template words and short labels of the language),
             a footer and code or command lines mixed in

Languages are named by BCP-47 primary subtag, Chinese by script (`zh-Hans`,
`zh-Hant`), Serbian in Latin letters `sr-Latn`; English comes from the
catalogues' msgids. A language needs `--min-units` distinct cleaned units to
be included.

Usage:

    python3 scripts/language_corpus.py --out target/language-corpus
    target/release/lede-eval --language target/language-corpus
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

# Catalogues that hold names (countries, languages, currencies, keyboard
# layouts, MIME types), not sentences.
SKIPPED_DOMAINS = re.compile(r"^(iso_|xkeyboard-config|shared-mime-info)")

# Languages lede can name from text alone: whatlang's and Chinese by
# script. Others found on the machine (Asturian, Basque, Galician, Irish,
# Icelandic, Kazakh, Malay, Mongolian, Nynorsk, Occitan, Albanian, Serbian
# in Latin letters, ...) are left out unless `--languages all`: no model of
# ours knows them, so they measure nothing but that.
LEDE_LANGUAGES = set("""
af ak am ar az be bg bn ca cs cy da de el en eo es et fa fi fr gu he hi hr
hu hy id it ja jv ka km kn ko la lt lv mk ml mr my nb ne nl or pa pl pt ro
ru si sk sl sn sr sv ta te th tk tl tr uk ur uz vi yi zh-Hans zh-Hant zu
""".split())

BUCKETS = {
    "short": (20, 40),
    "medium": (100, 200),
    "page": (1500, 5000),
    "raw": (600, 2500),
}

# English template words that pages in every language carry.
NAV_WORDS = [
    "Home", "About", "Contact", "Login", "Sign in", "Sign up", "Register",
    "Blog", "News", "Docs", "Pricing", "Download", "Support", "Search",
    "Menu", "Privacy Policy", "Terms of Service", "Cookies", "Careers",
    "Share", "Tweet", "Facebook", "Twitter", "LinkedIn", "GitHub", "RSS",
    "Subscribe", "Newsletter", "Next", "Previous", "Read more", "Top",
    "Copyright", "All rights reserved", "FAQ", "Help", "Status", "Cart",
]

CODE_LINES = [
    "sudo apt-get update && sudo apt-get install -y nginx",
    "git clone https://github.com/example/project.git && cd project",
    "cargo build --release --bins",
    "npm install --save-dev webpack webpack-cli",
    "docker run -d -p 8080:80 --name web nginx:latest",
    "pip install -r requirements.txt",
    "let listener = TcpListener::bind(\"127.0.0.1:8080\").await?;",
    "for (int i = 0; i < count; i++) { total += values[i]; }",
    "def main(argv): return parse_args(argv).run()",
    "const app = express(); app.get('/', (req, res) => res.send('ok'));",
    "SELECT id, name FROM users WHERE created_at > NOW() - INTERVAL '1 day';",
    "{\"name\": \"example\", \"version\": \"1.0.0\", \"private\": true}",
    "kubectl apply -f deployment.yaml --namespace production",
    "export PATH=$HOME/.local/bin:$PATH",
    "curl -sSL https://example.com/install.sh | sh",
    "systemctl enable --now postgresql.service",
    "import numpy as np; x = np.linspace(0, 1, 100)",
    "public static void main(String[] args) { System.out.println(args.length); }",
]

PLACEHOLDER = re.compile(
    r"%(\d+\$)?[-+ #0]*\d*(\.\d+)?(hh|h|ll|l|L|z|j|t|q|I64)?[diouxXeEfgGcspn%]"
    r"|%[A-Za-z]+%|\{[^{}]*\}|\$\{?\w+\}?|<[^<>]*>|&\w+;"
)
OPTION = re.compile(r"(^|\s)-{1,2}[\w\[\]=,.|-]+")
URLISH = re.compile(r"\S+[/\\@]\S+|\S+\.\w{2,4}\b")


def letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def clean_message(text: str) -> str:
    """A catalogue message as prose: placeholders, accelerators, options,
    markup and paths dropped, whitespace collapsed."""
    text = PLACEHOLDER.sub(" ", text)
    text = text.replace("_", "").replace("&", "")
    lines = []
    for line in text.splitlines():
        line = OPTION.sub(" ", line)
        line = URLISH.sub(" ", line)
        lines.append(line)
    text = " ".join(" ".join(lines).split())
    return text.strip(" :;,-*")


def tag_of_locale(name: str) -> str | None:
    """BCP-47 label of a locale folder, or None to skip it."""
    base, _, modifier = name.partition("@")
    if modifier == "latin" and base == "sr":
        return "sr-Latn"
    if modifier and modifier != "valencia":
        return None
    lang, _, region = base.partition("_")
    if lang == "zh":
        if region in ("CN", "SG"):
            return "zh-Hans"
        if region in ("TW", "HK", "MO"):
            return "zh-Hant"
        return None
    if lang == "en":
        return None  # English comes from the msgids
    if lang == "no":
        lang = "nb"
    if not re.fullmatch(r"[a-z]{2,3}", lang):
        return None
    # Regional variants other than Brazilian Portuguese are skipped so a
    # language's units come from its main translation team.
    if region and not (lang == "pt" and region == "BR"):
        return None
    return lang


# English function words that other languages do not write: two of them in a
# unit of another language mean an untranslated (or half-translated) string.
ENGLISH_MARKERS = {
    "the", "and", "will", "with", "are", "this", "that", "which", "from",
    "have", "been", "should", "would", "cannot", "could", "when", "there",
    "their", "into", "only", "your", "must", "does",
}


def has_english(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text.lower())
    return sum(1 for w in words if w in ENGLISH_MARKERS) >= 2


def word_set(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


def read_catalogues(root: Path, units: dict, english: set) -> None:
    for locale in sorted(os.listdir(root)):
        tag = tag_of_locale(locale)
        folder = root / locale / "LC_MESSAGES"
        if not folder.is_dir():
            continue
        for mo in sorted(folder.glob("*.mo")):
            if SKIPPED_DOMAINS.match(mo.name):
                continue
            try:
                with open(mo, "rb") as f:
                    catalog = gettext.GNUTranslations(f)._catalog  # noqa: SLF001
            except Exception:  # a broken or big-endian catalogue: skip it
                continue
            for key, value in sorted(catalog.items(), key=lambda kv: str(kv[0])):
                msgid = key[0] if isinstance(key, tuple) else key
                if not msgid or not isinstance(value, str):
                    continue
                if isinstance(key, tuple) and key[1] != 0:
                    continue  # keep one plural form
                source = clean_message(msgid)
                if letters(source) >= 12:
                    english.add(source)
                if tag is None:
                    continue
                text = clean_message(value)
                if letters(text) < 8 or text == source:
                    continue
                # Untranslated leftovers: mostly the msgid's own words.
                words = word_set(text)
                if words and len(words & word_set(source)) > 0.5 * len(words):
                    continue
                if has_english(text):
                    continue
                units[tag].add(("mo", text))


def render_man(path: Path) -> str:
    try:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        out = subprocess.run(
            ["groff", "-k", "-t", "-mandoc", "-Tutf8", "-rLL=400n", "-rHY=0", "-P", "-cbou"],
            input=raw, capture_output=True, timeout=30, check=False,
        )
        return out.stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return ""


def man_paragraphs(text: str) -> list[str]:
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        para = " ".join(block.split())
        if len(para) < 60 or para.startswith("-"):
            continue
        if letters(para) < 0.7 * len(para.replace(" ", "")):
            continue
        paragraphs.append(para)
    return paragraphs


def read_man(root: Path, units: dict, max_pages: int) -> None:
    if not root.is_dir():
        return
    for locale in sorted(os.listdir(root)):
        if locale.startswith("man"):
            tag = "en"
            files = sorted((root / locale).glob("*"))
        else:
            tag = tag_of_locale(locale)
            if tag is None:
                continue
            files = sorted((root / locale).glob("man*/*"))
        for path in files[:max_pages]:
            if not path.is_file():
                continue
            for para in man_paragraphs(render_man(path)):
                if tag == "en" or not has_english(para):
                    units[tag].add(("man", para))


def is_spaced(tag: str) -> bool:
    return tag not in ("zh-Hans", "zh-Hant", "ja", "th", "lo", "km", "my")


def cut(text: str, low: int, high: int, spaced: bool) -> str | None:
    """`text` cut to at most `high` characters at a word boundary, or None
    when that leaves fewer than `low`."""
    if len(text) <= high:
        return text if len(text) >= low else None
    head = text[: high + 1]
    if spaced:
        space = head.rfind(" ")
        if space < low:
            return None
        return head[:space].rstrip(" ,;:")
    return text[:high]


def sentences(unit: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?。！？])\s*", unit) if s]


def build_short_or_medium(rng, pool, low, high, spaced) -> tuple[str, str] | None:
    """Units joined until the text reaches `low`, then cut to `high`."""
    first_source, unit = rng.choice(pool)
    if len(unit) > high:
        parts = sentences(unit)
        start = rng.randrange(len(parts))
        unit = " ".join(parts[start:])
    text = unit
    tries = 0
    while len(text) < low and tries < 20:
        text += (" " if spaced else "") + rng.choice(pool)[1]
        tries += 1
    out = cut(text, low, high, spaced)
    return (first_source, out) if out else None


def build_page(rng, pool, low, high, spaced) -> str:
    paragraphs = []
    total = 0
    target = rng.randint(low, min(high, low * 2))
    while total < target:
        source, unit = rng.choice(pool)
        if source == "mo":
            # Messages grouped into a paragraph of two to six.
            group = [unit] + [rng.choice(pool)[1] for _ in range(rng.randint(1, 5))]
            sep = ". " if spaced else "。"
            para = sep.join(g.rstrip(".。") for g in group) + ("." if spaced else "。")
        else:
            para = unit
        paragraphs.append(para)
        total += len(para) + 2
    return cut("\n\n".join(paragraphs), low, high, spaced) or "\n\n".join(paragraphs)[:high]


def build_raw(rng, pool, labels, low, high, spaced) -> str:
    def nav(n):
        items = []
        for _ in range(n):
            if labels and rng.random() < 0.5:
                items.append(rng.choice(labels))
            else:
                items.append(rng.choice(NAV_WORDS))
        return rng.choice([" | ", "\n", " · ", "  "]).join(items)

    body = build_page(rng, pool, low, high, spaced)
    paras = body.split("\n\n")
    for _ in range(rng.randint(1, 3)):
        code = "\n".join(rng.choice(CODE_LINES) for _ in range(rng.randint(1, 3)))
        paras.insert(rng.randint(1, len(paras)), code)
    return "\n\n".join([nav(rng.randint(6, 12))] + paras + [nav(rng.randint(4, 8))])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("target/language-corpus"))
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--locale-root", type=Path, default=Path("/usr/share/locale"))
    parser.add_argument("--man-root", type=Path, action="append", default=None,
                        help="folders laid out like /usr/share/man (repeatable)")
    parser.add_argument("--max-man-pages", type=int, default=120,
                        help="manual pages read per language folder")
    parser.add_argument("--min-units", type=int, default=300)
    parser.add_argument("--languages", default="lede",
                        help="'lede' (the languages lede can name), 'all', or a comma list")
    parser.add_argument("--per-bucket", default="short=200,medium=200,page=40,raw=40")
    args = parser.parse_args()
    counts = {k: int(v) for k, v in (p.split("=") for p in args.per_bucket.split(","))}

    units: dict[str, set] = defaultdict(set)
    english: set[str] = set()
    read_catalogues(args.locale_root, units, english)
    for text in english:
        units["en"].add(("mo", text))
    for root in args.man_root or [Path("/usr/share/man")]:
        read_man(root, units, args.max_man_pages)

    args.out.mkdir(parents=True, exist_ok=True)
    manifest = {"seed": args.seed, "sources": {
        "catalogues": str(args.locale_root),
        "man": [str(p) for p in (args.man_root or [Path("/usr/share/man")])],
    }, "languages": {}}
    written = 0
    if args.languages == "lede":
        wanted = LEDE_LANGUAGES
    elif args.languages == "all":
        wanted = set(units)
    else:
        wanted = set(args.languages.split(","))
    with open(args.out / "samples.jsonl", "w", encoding="utf-8") as out:
        for tag in sorted(units):
            if tag not in wanted:
                continue
            pool = sorted(units[tag])
            if len(pool) < args.min_units:
                continue
            spaced = is_spaced(tag)
            labels = [u for s, u in pool if s == "mo" and 3 <= len(u) <= 18]
            stats = {"units": len(pool), "man_units": sum(1 for s, _ in pool if s == "man")}
            for bucket, (low, high) in BUCKETS.items():
                rng = random.Random(f"{args.seed}:{tag}:{bucket}")
                made = 0
                attempts = 0
                while made < counts.get(bucket, 0) and attempts < counts.get(bucket, 0) * 20:
                    attempts += 1
                    if bucket in ("short", "medium"):
                        built = build_short_or_medium(rng, pool, low, high, spaced)
                        if built is None:
                            continue
                        source, text = built
                    elif bucket == "page":
                        source, text = "mixed", build_page(rng, pool, low, high, spaced)
                    else:
                        source, text = "mixed", build_raw(rng, pool, labels, low, high, spaced)
                    text = unicodedata.normalize("NFC", text)
                    made += 1
                    record = {"id": f"{tag}-{bucket}-{made:04}", "lang": tag,
                              "bucket": bucket, "source": source, "text": text}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                stats[bucket] = made
                written += made
            manifest["languages"][tag] = stats
    with open(args.out / "manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False, sort_keys=True)
    print(f"wrote {written} samples in {len(manifest['languages'])} languages to {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
