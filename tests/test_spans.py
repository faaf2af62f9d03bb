from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gov_extract.spans import SpanSet

spans = st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)).map(lambda t: (t[0], t[0] + t[1])), max_size=8)


@given(spans, st.integers(0, 60), st.integers(1, 10))
def test_matches_brute_force(items: list[tuple[int, int]], start: int, width: int) -> None:
    end = start + width
    s = SpanSet(items)
    covered = {p for a, b in items for p in range(a, b)}
    assert s.overlaps(start, end) == any(p in covered for p in range(start, end))
    assert s.covers(start, end) == all(p in covered for p in range(start, end))


def test_covers_needs_one_span() -> None:
    s = SpanSet([(0, 3), (3, 6), (8, 10)])
    assert s.covers(1, 5)  # touching spans merge
    assert not s.covers(5, 9)
    assert not SpanSet([])
