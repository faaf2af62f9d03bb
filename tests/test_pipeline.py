from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from gov_extract import Pipeline, PipelineError
from gov_extract.model import Document, Entity
from gov_extract.pipeline import parse_reference_date


@dataclass
class Marker:
    """A toy component tagging every 厅 as a one-character ORG."""

    name: str = "entities"
    requires: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        ents = []
        for i, ch in enumerate(doc.raw):
            if ch == "厅":
                ents.append(Entity(f"e{len(ents) + 1}", "ORG", i, i + 1, ch, ch))
        return doc.replace(entities=tuple(ents))


@dataclass
class NeedsEntities:
    name: str = "events"
    requires: tuple[str, ...] = ("entities",)

    def __call__(self, doc: Document) -> Document:
        return doc


def test_components_run_in_order() -> None:
    nlp = Pipeline([Marker(), NeedsEntities()])
    doc = nlp("商务厅和公安厅")
    assert [e.start for e in doc.entities] == [2, 6]
    assert nlp.names == ("entities", "events")


@pytest.mark.parametrize(
    ("components", "message"),
    [
        ([NeedsEntities()], "needs"),
        ([Marker(), Marker()], "twice"),
        ([object()], "not a component"),
    ],
)
def test_bad_composition(components: list, message: str) -> None:
    with pytest.raises(PipelineError, match=message):
        Pipeline(components)


def test_pipe_streams_in_order_with_context() -> None:
    nlp = Pipeline([Marker()])
    texts = [(f"第{i}厅", {"doc_id": f"d{i}"}) for i in range(5)]
    out = list(nlp.pipe(texts, as_tuples=True))
    assert [d.id for d, _ in out] == [f"d{i}" for i in range(5)]
    assert [ctx["doc_id"] for _, ctx in out] == [f"d{i}" for i in range(5)]
    assert [len(d.entities) for d in nlp.pipe(["厅", "厅厅"])] == [1, 2]


def test_reference_date_overrides_anchor() -> None:
    doc = Pipeline([])("某中心\n2025年12月12日\n一、工作动态\n内容。", reference_date="2026-01-05")
    assert doc.meta.published == date(2025, 12, 12)
    assert doc.anchor == date(2026, 1, 5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-12", date(2025, 12, 12)),
        ("12 December 2025", date(2025, 12, 12)),
        (date(2025, 1, 2), date(2025, 1, 2)),
        (None, None),
    ],
)
def test_parse_reference_date(value: object, expected: date | None) -> None:
    assert parse_reference_date(value) == expected  # type: ignore[arg-type]


def test_parse_reference_date_errors() -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_reference_date("soon-ish")
    with pytest.raises(TypeError):
        parse_reference_date(20251212)  # type: ignore[arg-type]
