"""Peer: jionlp's time extractor, resolved against the bulletin's publication date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from peers import Compact, System, quiet, version_of


def _day(value: object) -> str | None:
    """``YYYY-MM-DD`` of a jionlp ``YYYY-MM-DD HH:MM:SS`` bound; ``None`` for ``inf``."""
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-":
        return value[:10]
    return None


def _base(gold: Mapping[str, Any]) -> dict[str, int] | None:
    meta = gold.get("meta") or {}
    anchor = meta.get("published") or (meta.get("period") or {}).get("end")
    if not anchor:
        return None
    day = date.fromisoformat(anchor)
    return {"year": day.year, "month": day.month, "day": day.day}


def load() -> System:
    """Import jionlp silently (it prints a banner on import)."""
    with quiet():
        import jionlp

    def predict(raw: str, gold: Mapping[str, Any]) -> dict[str, Any]:
        base = _base(gold)
        if base is None:  # never fall back on the clock
            return {"id": gold.get("id"), "times": []}
        view = Compact(raw)
        with quiet():
            found = jionlp.ner.extract_time(view.text, time_base=base, with_parsing=True)
        times = []
        for item in sorted(found, key=lambda r: r["offset"][0]):
            detail = item.get("detail") or {}
            bounds = detail.get("time")
            if detail.get("type") not in ("time_point", "time_span") or not isinstance(bounds, list):
                continue  # durations and recurring periods are not times
            start, end, text = view.span(*item["offset"])
            times.append({
                "id": f"t{len(times) + 1}", "start": start, "end": end, "text": text,
                "start_date": _day(bounds[0]), "end_date": _day(bounds[1]),
                "approx": detail.get("definition") == "blur",
            })
        return {"id": gold.get("id"), "times": times}

    return System(
        name="jionlp",
        predict=predict,
        layers=("times",),
        version=version_of("jionlp"),
        note="ner.extract_time, time_base = gold meta.published",
    )
