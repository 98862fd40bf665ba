"""A generated archive of briefs for `briefcheck audit`: every brief different (the speed
corpus's generator, `corpus.brief`), French and English, in every input format (text,
Markdown, HTML, JSON), with a few broken files (empty, binary, truncated JSON, mixed
encodings) and a few briefs with structure errors; the same briefs as a JSON Lines file of
records and as a Parquet dataset (`--jsonl`, `--parquet`). Nothing is committed:

    python benchmarks/archive.py OUTDIR COUNT [--jsonl] [--parquet]

writes OUTDIR/briefs/ (a folder per 1,000 briefs), and OUTDIR/briefs.jsonl,
OUTDIR/parquet/ when asked. Deterministic: the same COUNT gives the same bytes.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import random
from pathlib import Path

_spec = importlib.util.spec_from_file_location("speed_corpus", Path(__file__).with_name("corpus.py"))
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

FORMATS = ("txt", "md", "html", "json")
#: One brief in this many is broken (a file that cannot be read, or a brief cut short).
BROKEN_EVERY = 997
BROKEN = {
    "empty": ("txt", b""),
    "binary": ("txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "truncated-json": ("json", b'{"lang": "en", "sections": [{"heading": "Key Points", "bul'),
    "mixed-encoding": ("md", "# Key Points\n\n- Caf\u00e9 ".encode() + b"cr\xe8me br\xfbl\xe9e.\n"),
}


def structure(text: str, lang: str) -> dict:
    """The JSON form of a brief written in the corpus's text layout: a line is a heading
    unless it is a bullet or ends a sentence."""
    sections: list[dict] = []
    for line in text.splitlines():
        if line.startswith("- "):
            sections[-1].setdefault("bullets", []).append(line[2:])
        elif line.endswith((".", "!", "?")):
            sections[-1].setdefault("paragraphs", []).append(line)
        else:
            sections.append({"heading": line})
    return {"lang": lang, "sections": sections}


def render(brief: dict, fmt: str, text: str) -> str:
    if fmt == "txt":
        return text
    if fmt == "json":
        return json.dumps(brief, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        out = []
        for section in brief["sections"]:
            out.append(f"## {section['heading']}\n")
            out += [f"- {b}" for b in section.get("bullets", ())]
            if section.get("bullets"):
                out.append("")
            out += [f"{p}\n" for p in section.get("paragraphs", ())]
        return "\n".join(out)
    e = html.escape
    out = [f'<!DOCTYPE html>\n<html lang="{brief["lang"]}"><body>']
    for section in brief["sections"]:
        out.append(f"<h2>{e(section['heading'])}</h2>")
        if section.get("bullets"):
            out.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in section["bullets"]) + "</ul>")
        out += [f"<p>{e(p)}</p>" for p in section.get("paragraphs", ())]
    return "\n".join(out) + "\n</body></html>\n"


def briefs(count: int, seed: int = 7, broken_every: int = BROKEN_EVERY):
    """(number, id, lang, date, format, text, JSON form or None, broken kind or None)."""
    rng = random.Random(seed)
    broken = list(BROKEN)
    for i in range(count):
        lang = "fr" if i % 2 == 0 else "en"
        fmt = FORMATS[(i // 2) % len(FORMATS)]
        date = f"{2024 + i % 2}-{1 + (i // 2) % 12:02d}-{1 + i % 28:02d}"
        text = corpus.brief(rng, lang, body_sections=rng.randint(1, 3))
        if i % broken_every == broken_every - 1:
            kind = broken[(i // broken_every) % len(broken)]
            yield i, f"brief-{i:06d}", lang, date, BROKEN[kind][0], None, None, kind
            continue
        if i % 101 == 100:  # a structure error: the Conclusion left out
            text = text[: text.rindex("\nConclusion\n") + 1]
        brief = structure(text, lang)
        yield i, f"brief-{i:06d}", lang, date, fmt, render(brief, fmt, text), brief, None


def write_directory(out: Path, count: int, seed: int = 7, broken_every: int = BROKEN_EVERY) -> Path:
    """The briefs as files, a folder per 1,000: OUT/000/brief-000000.fr.txt, …"""
    for i, brief_id, lang, _, fmt, text, _, kind in briefs(count, seed, broken_every):
        path = out / f"{i // 1000:03d}" / f"{brief_id}.{lang}.{fmt}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(BROKEN[kind][1] if kind else text.encode("utf-8"))
    return out


def write_jsonl(path: Path, count: int, seed: int = 7, broken_every: int = BROKEN_EVERY) -> Path:
    """The briefs as records, one a line ({"id", "date", "lang", "sections"}); a broken
    one is a line that is not JSON, or a record without an id."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        for i, brief_id, _, date, _, _, brief, kind in briefs(count, seed, broken_every):
            if kind:
                line = ('{"id": "' + brief_id + '", "sections": [' if i % 2
                        else json.dumps({"date": date, "sections": []}))
            else:
                line = json.dumps({"id": brief_id, "date": date, **brief}, ensure_ascii=False)
            file.write(line + "\n")
    return path


def write_parquet(folder: Path, count: int, seed: int = 7, rows_per_file: int = 10_000,
                  broken_every: int = BROKEN_EVERY) -> Path:
    """The briefs as a Parquet dataset (id, date, text: the brief in its format)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []

    def flush() -> None:
        pq.write_table(pa.Table.from_pylist(rows), folder / f"part-{len(list(folder.iterdir())):04d}.parquet",
                       row_group_size=2_500)
        rows.clear()

    for _, brief_id, _, date, _, text, _, kind in briefs(count, seed, broken_every):
        rows.append({"id": brief_id, "date": date,
                     "text": BROKEN[kind][1].decode("utf-8", "replace") if kind else text})
        if len(rows) == rows_per_file:
            flush()
    if rows:
        flush()
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--jsonl", action="store_true")
    parser.add_argument("--parquet", action="store_true")
    args = parser.parse_args()
    write_directory(args.out / "briefs", args.count)
    if args.jsonl:
        write_jsonl(args.out / "briefs.jsonl", args.count)
    if args.parquet:
        write_parquet(args.out / "parquet", args.count)


if __name__ == "__main__":
    main()
