from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gov_extract.errors import CorpusError
from gov_extract.model import Document, Entity, Quantity, TimeExpr
from gov_extract.structure import read


def test_gold_round_trip(corpus_doc: tuple[str, str, dict]) -> None:
    _, raw, gold = corpus_doc
    doc = Document.from_dict(gold, raw)
    assert doc.to_dict() == gold


def test_to_dict_always_has_every_layer() -> None:
    record = read("").to_dict()
    assert list(record) == ["id", "meta", "entities", "times", "quantities", "events"]
    assert record["entities"] == record["times"] == record["quantities"] == record["events"] == []


def test_offsets_are_checked() -> None:
    doc = read("省林草局印发通知")
    with pytest.raises(ValueError, match="offsets"):
        doc.replace(entities=(Entity("e1", "ORG", 0, 4, "省林草X", "四川省林业和草原局"),))


def test_entity_fields_by_label() -> None:
    org = Entity("e1", "ORG", 0, 3, "商务厅", "四川省商务厅", kind="government")
    loc = Entity("e2", "LOC", 0, 2, "绵阳", "四川省绵阳市")
    assert list(org.to_dict()) == ["id", "label", "start", "end", "text", "norm", "unit", "kind"]
    assert list(loc.to_dict()) == ["id", "label", "start", "end", "text", "norm"]


def test_quantity_value_is_exact() -> None:
    q = Quantity("q1", 0, 7, "5.05 万件", Decimal("5.05") * 10000, "件")
    assert q.to_dict()["value"] == 50500 and isinstance(q.to_dict()["value"], int)
    half = Quantity("q2", 0, 4, "2.5%", Decimal("2.5"), "%")
    assert half.to_dict()["value"] == 2.5
    ranged = Quantity("q3", 0, 4, "3至5个", Decimal(3), "个", value_max=Decimal(5))
    assert ranged.to_dict()["value_max"] == 5
    assert "value_max" not in q.to_dict()


def test_time_round_trip() -> None:
    t = TimeExpr("t1", 0, 6, "11月27日", date(2025, 11, 27), date(2025, 11, 27), "day")
    assert TimeExpr.from_dict(t.to_dict()) == t


def test_from_dict_names_bad_offsets() -> None:
    record = read("省林草局").to_dict()
    record["entities"] = [{"id": "e1", "label": "ORG", "start": 0, "end": 2, "text": "省林草局",
                           "norm": "x", "unit": None, "kind": None}]
    with pytest.raises(CorpusError, match="e1"):
        Document.from_dict(record, "省林草局")


def test_from_dict_names_bad_date() -> None:
    record = read("x").to_dict()
    record["meta"]["published"] = "2025-13-01"
    with pytest.raises(CorpusError, match="2025-13-01"):
        Document.from_dict(record, "x")
