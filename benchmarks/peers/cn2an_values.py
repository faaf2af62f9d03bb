"""Peer: cn2an numeral conversion on the *gold* quantity spans (values only).

cn2an converts numerals but does not find quantities, so this peer takes the
gold spans and scores only ``value`` and ``unit`` (the unit is the text after
the number, as written): a baseline for the numeral and unit normalisers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from peers import System, quiet, version_of

NUMBER = re.compile(r"[0-9０-９.．零〇一二两三四五六七八九十百千万亿点]+")
BEFORE = re.compile(r"^(?:超过|近|约|超|逾)")
AFTER = re.compile(r"(?:^[余多])|(?:左右$)")


def load() -> System:
    """Import cn2an (it may log while loading)."""
    with quiet():
        import cn2an

    def value_unit(text: str) -> tuple[int | float | None, str]:
        compact = BEFORE.sub("", re.sub(r"\s+", "", text))
        match = NUMBER.search(compact)
        if match is None:
            return None, compact
        unit = AFTER.sub("", compact[match.end():])
        try:
            with quiet():
                value = cn2an.cn2an(match.group().replace("．", "."), "smart")
        except (ValueError, KeyError, IndexError):
            return None, unit
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return value, unit

    def predict(raw: str, gold: Mapping[str, Any]) -> dict[str, Any]:
        quantities = []
        for q in gold.get("quantities") or []:
            value, unit = value_unit(q["text"])
            quantities.append({"id": q["id"], "start": q["start"], "end": q["end"], "text": q["text"],
                               "value": value, "unit": unit})
        return {"id": gold.get("id"), "quantities": quantities}

    return System(
        name="cn2an",
        predict=predict,
        layers=("quantities",),
        gold_spans=("quantities",),
        version=version_of("cn2an"),
        note="cn2an.cn2an(smart) on gold quantity spans; unit = text after the number",
    )
