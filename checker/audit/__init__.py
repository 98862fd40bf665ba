"""`briefcheck audit`: an archive of briefs checked in partitions, on the process pool of
`--jobs` or on a Dask cluster, into Parquet tables and a summary.

Needs the `audit` extra (`pip install 'briefcheck[audit]'`: pyarrow, dask, distributed),
which a plain check never imports. The modules, in the order data flows: `sources` (the
source cut into partitions, and read), `partition` (one partition checked and written),
`tables` (the Parquet files), `engines` (where partitions run), `summary`, and `run` (the
whole audit).
"""

from __future__ import annotations

from typing import Any

#: What the extra brings, and what it is for.
NEEDED = {"pyarrow": "the tables", "dask": "--engine dask", "distributed": "--engine dask"}


def missing(engine: str) -> list[str]:
    """The packages of the extra that `engine` needs and this environment lacks."""
    import importlib.util

    wanted = ["pyarrow"] + (["dask", "distributed"] if engine == "dask" else [])
    return [name for name in wanted if importlib.util.find_spec(name) is None]


def run_audit(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """`checker.audit.run.run_audit`: the audit of a source into a folder; its summary."""
    from checker.audit.run import run_audit as run

    return run(*args, **kwargs)
