"""Reading a file that a user, or a pull request, named: a regular file only, never more
than a limit, never blocking.

Why a module of its own: briefs, configs and schemas all come from the checked tree, which
in CI is untrusted. Each is read through here, so a FIFO with no writer, `/dev/zero`, a
device or a 2 GB file gives the same one-line refusal for all three instead of a hang, a
MemoryError or a traceback.
"""

from __future__ import annotations

import os
import stat

#: Opening never blocks (a FIFO with no writer would), and no newline translation (Windows).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class UnreadableFile(Exception):
    """The file cannot be read; the message says why, for the user."""


def read_regular_file(path: str | os.PathLike, limit: int) -> bytes:
    """At most `limit + 1` bytes of a regular file (so that the caller can tell "too large").
    A FIFO, device or socket is refused before reading it: reading one would block or never
    end.

    Why file descriptors and not `open()`: a buffered file object costs 20 us to set up,
    two thirds of reading a brief."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        broken = os.path.islink(path)
        raise UnreadableFile("broken symbolic link" if broken else "no such file") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UnreadableFile("is a directory")
        if not stat.S_ISREG(mode):
            raise UnreadableFile("not a regular file (a FIFO, device or socket)")
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def report_name(path: str) -> str:
    """How reports name a file: its path as given, unless the name is not UTF-8 (a byte
    0xE9 in it reaches Python as a lone surrogate, which no UTF-8 output can carry: every
    format crashed, and the batch's report was lost with it). Such a name is shown with each
    byte that is not UTF-8 as `\\xNN` and each backslash doubled, so it stays lossless (the
    bytes can be told back from it) and valid text in every format."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        raw = path.encode("utf-8", "surrogateescape")  # how the file system's bytes arrive
    except UnicodeEncodeError:  # another lone surrogate, from a caller of the API
        raw = path.encode("utf-8", "surrogatepass")
    return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")
