"""Shared fixtures: the corpus bulletins and their gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CORPUS_IDS = sorted(p.stem for p in (CORPUS / "raw").glob("*.txt"))


def raw_text(doc_id: str) -> str:
    with open(CORPUS / "raw" / f"{doc_id}.txt", encoding="utf-8", newline="") as fh:
        return fh.read()


def gold(doc_id: str) -> dict:
    return json.loads((CORPUS / "gold" / f"{doc_id}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=CORPUS_IDS)
def corpus_doc(request: pytest.FixtureRequest) -> tuple[str, str, dict]:
    """(id, raw text, gold record) of each corpus bulletin."""
    return request.param, raw_text(request.param), gold(request.param)
