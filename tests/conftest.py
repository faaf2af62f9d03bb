"""Shared fixtures: the corpus bulletins and their gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gov_extract
from gov_extract.model import Document
from gov_extract.quantities import QuantityTagger
from gov_extract.structure import read
from gov_extract.times import TimeTagger

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


def bulletin(head: str, body: str) -> dict:
    """The JSON record of the default pipeline on a short bulletin ``head + body``."""
    return gov_extract.extract(head + body).to_dict()


def bulletin_events(head: str, body: str) -> list[tuple[str, str]]:
    """``(type, trigger text)`` of each event of :func:`bulletin`."""
    return [(v["type"], v["trigger"]["text"]) for v in bulletin(head, body)["events"]]


def arg_texts(doc: dict, event: dict) -> list[tuple[str, str]]:
    """``(role, mention text)`` of each argument of ``event`` in the record ``doc``."""
    text = {m["id"]: m["text"] for m in doc["entities"] + doc["quantities"]}
    return [(a["role"], text[a["ref"]]) for a in event["args"]]


def tag_quantities(raw: str) -> Document:
    """``raw`` read, then tagged by the time and quantity taggers alone."""
    return QuantityTagger()(TimeTagger()(read(raw)))


def quantity_rows(doc: Document) -> list[tuple[str, str | None, str | None]]:
    """``(text, metric, scope)`` of each quantity of ``doc``."""
    return [(q.text, q.metric, q.scope) for q in doc.quantities]
