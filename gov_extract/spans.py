"""SpanSet: a set of ``[start, end)`` offsets, merged, for fast overlap tests."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

__all__ = ["SpanSet"]


class SpanSet:
    """Merged, sorted spans; ``overlaps`` and ``covers`` in O(log n)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(spans):
            if starts and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        self._starts, self._ends = starts, ends

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a position with a span of the set."""
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether one span of the set contains all of ``[start, end)``."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._ends[i] >= end
