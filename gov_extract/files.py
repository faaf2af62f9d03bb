"""Read bulletin files: UTF-8 (with or without BOM) or GB18030/GBK."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .errors import DecodeError

__all__ = ["decode", "open_atomic", "read_text", "write_text_atomic"]

# Share of characters a real Chinese text has in these classes; GB18030 decodes
# many byte strings that are not text, so a decode that yields less is refused.
_PLAUSIBLE = 0.9


def _plausible(text: str) -> bool:
    if not text:
        return True
    good = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    return good / len(text) >= _PLAUSIBLE


def decode(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode bulletin bytes: UTF-8 (a BOM is dropped), else GB18030.

    Raises :class:`DecodeError` naming ``source`` when neither fits.
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        if utf8_error.reason == "unexpected end of data":
            raise DecodeError(
                f"{source}: UTF-8 text cut off inside its last character (byte {utf8_error.start}); "
                "the file looks truncated"
            ) from None
        try:
            text = bytes(data).decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible(text):
            return text
        raise DecodeError(
            f"{source}: not UTF-8 (byte {utf8_error.start}: {data[utf8_error.start:utf8_error.start + 4]!r}) "
            "and not GB18030 text; convert the file to UTF-8"
        ) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a bulletin file, decoded (line ends kept as stored)."""
    p = Path(path)
    return decode(p.read_bytes(), source=str(p))


@contextmanager
def open_atomic(path: str | os.PathLike[str], *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Open ``path`` for writing text (no newline translation), atomically.

    What is written goes to a temporary file in the target folder, which
    replaces ``path`` in one step when the block ends, so a reader or a kill
    never sees half a file; an error inside the block leaves ``path`` as it
    was. A new file gets the usual mode through the umask; an existing file
    keeps its mode.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` exactly, atomically (see :func:`open_atomic`)."""
    with open_atomic(path, encoding=encoding) as handle:
        handle.write(text)
