"""Peer systems for benchmarks/accuracy.py, one adapter module each.

Every adapter module has ``load() -> System``: it imports its package (raising
``ImportError`` when the package is missing, so the benchmark skips that peer
with one stderr line) and returns a :class:`System` whose ``predict(raw, gold)``
gives a record in the annotation-guide format for the layers it covers.

Peers see a *compact view* of the bulletin: the raw text without whitespace,
since the PDF line breaks and spaces inside words and numbers (guide section 1)
would otherwise cut most of their tokens; :class:`Compact` maps their spans back
onto the raw text, so ``raw[start:end] == text`` holds for every mention.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["PEER_MODULES", "Compact", "System", "quiet"]

#: Adapter modules in benchmark order.
PEER_MODULES: tuple[str, ...] = ("jieba_pos", "lac", "jionlp_time", "cn2an_values")

Predict = Callable[[str, Mapping[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class System:
    """A system under benchmark.

    ``layers``: the layers it predicts (others are not scored); ``labels``: the
    entity labels it predicts (``None``: all); ``gold_spans``: layers whose
    spans it copies from gold (only their values are meaningful); ``version``:
    the package version, for the results file.
    """

    name: str
    predict: Predict
    layers: tuple[str, ...]
    labels: tuple[str, ...] | None = None
    gold_spans: tuple[str, ...] = ()
    version: str | None = None
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Swallow what a peer prints (import banners, progress) and its log records."""
    sink = io.StringIO()
    root = logging.getLogger()
    level = root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            yield
    finally:
        logging.disable(level)


class Compact:
    """The raw text without whitespace, with a map back to raw offsets."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.offsets = [i for i, ch in enumerate(raw) if not ch.isspace()]
        self.text = "".join(raw[i] for i in self.offsets)

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """Raw ``(start, end, text)`` of the compact span ``[start, end)``."""
        raw_start, raw_end = self.offsets[start], self.offsets[end - 1] + 1
        return raw_start, raw_end, self.raw[raw_start:raw_end]

    def pieces(self, stops: str = "。；！？") -> Iterator[tuple[int, str]]:
        """``(compact offset, text)`` of the sentences, each ending after a stop."""
        begin = 0
        for i, ch in enumerate(self.text):
            if ch in stops:
                yield begin, self.text[begin:i + 1]
                begin = i + 1
        if begin < len(self.text):
            yield begin, self.text[begin:]


def version_of(distribution: str) -> str | None:
    """The installed version of ``distribution``, or ``None``."""
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
