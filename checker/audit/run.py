"""An audit from start to end: plan the partitions, skip those done (`--resume`), check the
others on the chosen engine, write the summary.

DIR/manifest.json says what the audit is of (source, partitioning, settings) so that a
rerun with `--resume` goes on with the same work, and refuses to mix two audits' rows.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checker import __version__
from checker.audit.partition import Settings
from checker.audit.sources import Partition, SourceOptions, plan
from checker.config import Config

ENGINES = ("local", "dask")
#: Documents a partition holds by default: about 1 to 3 s of work, and a few MB of rows.
PARTITION_SIZE = 1000


class AuditError(Exception):
    """The audit cannot be done: the message says why (exit code 2)."""


def run_audit(
    source: str,
    out: str | Path,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    resume: bool = False,
    partition_size: int | None = None,
    config: Config | None = None,
    options: SourceOptions | None = None,
    progress: Callable[[int], Any] | None = None,
    announce: Callable[[str], Any] = lambda message: None,
    total: Callable[[int], Any] = lambda documents: None,
    client: Any = None,
) -> dict[str, Any]:
    """Audit `source` into the folder `out`; the summary (also written to summary.json).
    `progress(n)` is told of each `n` documents done, `total(n)` of how many there are,
    `announce(text)` of the Dask dashboard's address. `client`: a `distributed.Client`
    to run on (engine "dask"), instead of `scheduler`. `partition_size`: by default, the
    audit's own when resuming, else PARTITION_SIZE."""
    from checker.audit.engines import EngineError, run_dask, run_local
    from checker.audit.sources import SourceError
    from checker.audit.summary import finish, merge, write
    from checker.audit.tables import read_done

    if engine not in ENGINES:
        raise AuditError(f"unknown engine {engine!r} (local or dask)")
    if (scheduler or client is not None) and engine != "dask":
        raise AuditError("--scheduler needs --engine dask")
    config = config or Config()
    options = options or SourceOptions()
    out = Path(out)
    started = time.perf_counter()
    if partition_size is None:
        partition_size = (_earlier_manifest(out) if resume else {}).get(
            "partition_size", PARTITION_SIZE)
    try:
        kind, partitions = plan(source, partition_size, options, exclude=str(out))
    except SourceError as exc:
        raise AuditError(str(exc)) from None
    manifest = _manifest(source, kind, partitions, partition_size, config, options)
    _prepare(out, manifest, resume)
    earlier = {p.index: counts for p in partitions if resume and (counts := read_done(out, p.index))}
    todo = [p for p in partitions if p.index not in earlier]
    total(sum(p.count for p in partitions))
    if progress and earlier:
        progress(sum(counts["documents"] for counts in earlier.values()))
    settings = Settings(source=source, out=str(out), config=config, options=options)
    workers = workers or _cpus()
    done = list(earlier.values())
    try:
        if engine == "local":
            results = run_local(todo, settings, workers)
        else:
            results = (run_dask(todo, settings, workers, scheduler, announce, client)
                       if todo else iter(()))
        for counts in results:
            done.append(counts)
            if progress:
                progress(counts["documents"])
    except EngineError as exc:
        raise AuditError(str(exc)) from None
    seconds = time.perf_counter() - started
    checked = sum(counts["documents"] for counts in done if counts["partition"] not in earlier)
    summary = finish(merge(done), {
        "source": manifest["source"], "kind": kind, "engine": engine,
        "scheduler": scheduler or (client.scheduler.address if client is not None else None),
        "workers": workers if not scheduler and client is None else None,
        "partitions": len(partitions), "resumed": len(earlier), "seconds": round(seconds, 3),
        "documents_per_second": round(checked / seconds, 1) if seconds and checked else None,
    })
    write(out, summary)
    return summary


def _manifest(
    source: str, kind: str, partitions: list[Partition], size: int, config: Config,
    options: SourceOptions,
) -> dict[str, Any]:
    """What the audit is of; `fingerprint` changes when its partitions or settings would."""
    digest = hashlib.sha256()
    digest.update(repr((config, options, size)).encode())
    for partition in partitions:
        digest.update(repr(partition).encode())
    return {"briefcheck": __version__, "source": os.path.abspath(source), "kind": kind,
            "partition_size": size, "partitions": len(partitions),
            "documents": sum(p.count for p in partitions), "fingerprint": digest.hexdigest()}


def _earlier_manifest(out: Path) -> dict[str, Any]:
    try:
        return json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _prepare(out: Path, manifest: dict[str, Any], resume: bool) -> None:
    """Make the output folder, or check that the audit in it is this one (`--resume`)."""
    path = out / "manifest.json"
    if out.exists() and not out.is_dir():
        raise AuditError(f"{out}: not a directory")
    if path.exists():
        if not resume:
            raise AuditError(f"{out} already holds an audit: --resume to go on with it,"
                             " or choose another folder")
        try:
            before = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise AuditError(f"{path}: cannot read: {exc}") from None
        if before.get("fingerprint") != manifest["fingerprint"]:
            raise AuditError(f"{out} holds an audit of other partitions or settings (the"
                             " source changed, or --partition-size, the config or the"
                             " options did): audit into another folder")
        for temporary in out.glob("*/.part-*.tmp"):  # left by a process killed mid-write
            temporary.unlink(missing_ok=True)
        return
    if out.is_dir() and any(out.iterdir()):
        raise AuditError(f"{out}: not empty and not an audit; choose an empty or new folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise AuditError(f"{out}: cannot write: {exc.strerror}") from None


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
