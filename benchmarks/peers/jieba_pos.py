"""Peer: jieba part-of-speech tags as entities (nt -> ORG, ns -> LOC, nr -> PERSON)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from peers import Compact, System, quiet, version_of

LABELS = {"nt": "ORG", "ns": "LOC", "nr": "PERSON"}


def load() -> System:
    """Build a jieba POS tokenizer of our own (not jieba's global one)."""
    with quiet():
        import jieba
        import jieba.posseg

        tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
        tokenizer.initialize()

    def predict(raw: str, gold: Mapping[str, Any]) -> dict[str, Any]:
        view = Compact(raw)
        entities = []
        position = 0
        with quiet():
            pairs = list(tokenizer.cut(view.text))
        for pair in pairs:
            start = position
            position += len(pair.word)
            label = LABELS.get(pair.flag)
            if label is not None and pair.word:
                raw_start, raw_end, text = view.span(start, position)
                entities.append({"id": f"e{len(entities) + 1}", "label": label,
                                 "start": raw_start, "end": raw_end, "text": text})
        return {"id": gold.get("id"), "entities": entities}

    return System(
        name="jieba-posseg",
        predict=predict,
        layers=("entities",),
        labels=("ORG", "LOC", "PERSON"),
        version=version_of("jieba"),
        note="POS tags nt/ns/nr as ORG/LOC/PERSON; no norm",
    )
