"""Reading the SDK's own small local files (the CLI's config, an export's state) without trusting what is there."""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["NotASmallFile", "read_small_file"]


class NotASmallFile(ValueError):
    """The path is not a regular file, or is larger than such a file can be: nothing was read."""


def read_small_file(path: Path, limit: int, *, follow_links: bool = False) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes (a symbolic link to one with `follow_links`).

    A FIFO would block the read and a device (a link to `/dev/zero`) never end it, so both are refused before
    anything is read (`NotASmallFile`), like a file over `limit`; the read itself stops at `limit` + 1 bytes even
    if the file grows meanwhile. `OSError` as `os.open` and `os.read` raise it.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow_links else os.O_NOFOLLOW)
    descriptor = os.open(path, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            raise NotASmallFile("not a regular file")
        if found.st_size > limit:
            raise NotASmallFile(f"{found.st_size} bytes, more than such a file holds ({limit})")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise NotASmallFile(f"more than {limit} bytes, more than such a file holds")
        return b"".join(chunks)
    finally:
        os.close(descriptor)
