"""Tests of gov_extract.scoring on small hand-made records.

Every expected number is worked out by hand in a comment next to it. The
records are plain dicts in the annotation format; their texts are placeholders
(scoring never reads the raw text).
"""

from __future__ import annotations

from typing import Any

import pytest

from gov_extract.errors import CorpusError
from gov_extract.scoring import PRF, Accuracy, CorpusScores, score_corpus, score_document

P = pytest.approx


def ent(id: str, label: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    item = {"id": id, "label": label, "start": start, "end": end, "text": "x" * (end - start)}
    item.update(extra)
    return item


def time(id: str, start: int, end: int, first: str | None, last: str | None) -> dict[str, Any]:
    return {"id": id, "start": start, "end": end, "text": "t" * (end - start),
            "start_date": first, "end_date": last, "grain": "day", "approx": False}


def qty(id: str, start: int, end: int, value: Any, unit: str, **extra: Any) -> dict[str, Any]:
    item = {"id": id, "start": start, "end": end, "text": "q" * (end - start),
            "value": value, "unit": unit, "approx": False, "metric": None, "scope": None, "period": None}
    item.update(extra)
    return item


def event(id: str, type: str, start: int, end: int, time_id: str, *args: tuple[str, str]) -> dict[str, Any]:
    return {"id": id, "type": type, "trigger": {"start": start, "end": end, "text": "v" * (end - start)},
            "time": time_id, "args": [{"role": role, "ref": ref} for role, ref in args]}


def doc(id: str = "d", *, entities=(), times=(), quantities=(), events=()) -> dict[str, Any]:
    return {"id": id, "meta": {}, "entities": list(entities), "times": list(times),
            "quantities": list(quantities), "events": list(events)}


def counts(prf: PRF) -> tuple[int, int, int]:
    return prf.tp, prf.fp, prf.fn


# --- PRF and Accuracy ------------------------------------------------------

def test_prf_ratios() -> None:
    prf = PRF(tp=2, fp=1, fn=3)
    assert prf.precision == P(2 / 3)  # 2 / (2 + 1)
    assert prf.recall == P(2 / 5)  # 2 / (2 + 3)
    assert prf.f1 == P(0.5)  # 2*2 / (2*2 + 1 + 3) = 4/8


@pytest.mark.parametrize(
    ("prf", "expected"),
    [
        (PRF(0, 0, 0), (None, None, None)),  # nothing at all: every ratio None
        (PRF(0, 0, 4), (None, 0.0, 0.0)),  # no predictions: P None, R 0/4, F1 0/4
        (PRF(0, 3, 0), (0.0, None, 0.0)),  # no gold: P 0/3, R None, F1 0/3
    ],
)
def test_prf_none_cases(prf: PRF, expected: tuple[float | None, ...]) -> None:
    assert (prf.precision, prf.recall, prf.f1) == expected


def test_accuracy_none_when_nothing_scored() -> None:
    assert Accuracy().value is None
    assert (Accuracy(1, 4) + Accuracy(2, 2)).value == P(3 / 6)


# --- mentions: strict vs overlap, per label -------------------------------

GOLD_SPANS = doc(entities=[
    ent("e1", "ORG", 0, 4, norm="A"),
    ent("e2", "LOC", 10, 12, norm="L"),
    ent("e3", "ORG", 20, 25, norm="B"),
])
PRED_SPANS = doc(entities=[
    ent("p1", "ORG", 0, 4, norm="A"),  # exact
    ent("p2", "LOC", 10, 13, norm="L"),  # boundary error: overlaps e2
    ent("p3", "ORG", 30, 33, norm="C"),  # false hit
])


def test_strict_vs_overlap_micro() -> None:
    layer = score_document(GOLD_SPANS, PRED_SPANS).layers["entities"]
    # strict: only p1 == e1 -> tp 1, fp 2 (p2, p3), fn 2 (e2, e3)
    assert counts(layer.strict) == (1, 2, 2)
    assert layer.strict.precision == P(1 / 3)
    assert layer.strict.recall == P(1 / 3)
    assert layer.strict.f1 == P(1 / 3)  # 2 / (2 + 2 + 2)
    # overlap: p1-e1 and p2-e2 -> tp 2, fp 1 (p3), fn 1 (e3)
    assert counts(layer.overlap) == (2, 1, 1)
    assert layer.overlap.f1 == P(2 / 3)  # 4 / (4 + 1 + 1)


def test_per_label_scores() -> None:
    labels = score_document(GOLD_SPANS, PRED_SPANS).layers["entities"].labels
    # ORG strict: p1=e1 tp 1; p3 fp; e3 fn -> P 1/2, R 1/2
    assert counts(labels["ORG"].strict) == (1, 1, 1)
    assert labels["ORG"].strict.f1 == P(0.5)
    # LOC strict: p2 != e2 -> tp 0 fp 1 fn 1, all ratios 0 (not None: there is data)
    assert counts(labels["LOC"].strict) == (0, 1, 1)
    assert labels["LOC"].strict.f1 == 0.0
    # LOC overlap: p2 overlaps e2 -> 1/1
    assert labels["LOC"].overlap.f1 == P(1.0)
    # PERSON: neither side has one -> None, not 0
    assert counts(labels["PERSON"].overlap) == (0, 0, 0)
    assert labels["PERSON"].overlap.f1 is None


def test_overlap_needs_same_label() -> None:
    gold = doc(entities=[ent("e1", "ORG", 0, 5)])
    pred = doc(entities=[ent("p1", "LOC", 0, 5)])
    layer = score_document(gold, pred).layers["entities"]
    # same span, other label: ORG fn 1, LOC fp 1 -> tp 0 fp 1 fn 1
    assert counts(layer.overlap) == (0, 1, 1)
    assert counts(layer.strict) == (0, 1, 1)


def test_overlap_is_one_to_one_largest_first() -> None:
    # one gold [0,10), two predictions [0,4) (4 chars overlap) and [4,10) (6 chars)
    gold = doc(entities=[ent("e1", "ORG", 0, 10)])
    pred = doc(entities=[ent("p1", "ORG", 0, 4), ent("p2", "ORG", 4, 10)])
    scores = score_document(gold, pred)
    # e1 takes p2 (larger overlap); p1 is left: tp 1, fp 1, fn 0
    assert counts(scores.layers["entities"].overlap) == (1, 1, 0)
    (false_hit,) = [f for f in scores.fails["entities"] if f.kind == "false_hit"]
    assert (false_hit.id, false_hit.start, false_hit.end) == ("p1", 0, 4)
    # two golds [0,4), [4,10) and one prediction [0,10): tp 1, fp 0, fn 1
    swapped = score_document(pred | {"id": "d"}, gold)
    assert counts(swapped.layers["entities"].overlap) == (1, 0, 1)


def test_overlap_tie_prefers_exact_span() -> None:
    # gold [0,4); predictions [0,6) and [0,4) both overlap 4 chars; the exact one
    # has no excess characters, so it is the match and [0,6) is the false hit
    gold = doc(entities=[ent("e1", "ORG", 0, 4)])
    pred = doc(entities=[ent("p1", "ORG", 0, 6), ent("p2", "ORG", 0, 4)])
    scores = score_document(gold, pred)
    assert counts(scores.layers["entities"].strict) == (1, 1, 0)
    assert [f.id for f in scores.fails["entities"]] == ["p1"]
    assert not [f for f in scores.fails["entities"] if f.kind == "boundary"]


def test_strict_counts_duplicates_once() -> None:
    # the same span predicted twice matches the one gold span once: tp 1, fp 1
    gold = doc(entities=[ent("e1", "ORG", 0, 4)])
    pred = doc(entities=[ent("p1", "ORG", 0, 4), ent("p2", "ORG", 0, 4)])
    assert counts(score_document(gold, pred).layers["entities"].strict) == (1, 1, 0)


def test_times_and_quantities_are_layers_with_one_label() -> None:
    gold = doc(times=[time("t1", 0, 3, "2025-11-27", "2025-11-27")],
               quantities=[qty("q1", 5, 9, 54000, "件"), qty("q2", 12, 14, 3, "个")])
    pred = doc(times=[time("s1", 0, 3, "2025-11-27", "2025-11-27")],
               quantities=[qty("r1", 5, 8, 54000, "件")])
    scores = score_document(gold, pred)
    assert set(scores.layers["times"].labels) == {"TIME"}
    assert counts(scores.layers["times"].strict) == (1, 0, 0)
    # quantities strict: r1 [5,8) != q1 [5,9): tp 0 fp 1 fn 2; overlap: tp 1 fp 0 fn 1
    assert counts(scores.layers["quantities"].labels["QUANTITY"].strict) == (0, 1, 2)
    assert counts(scores.layers["quantities"].overlap) == (1, 0, 1)


# --- values on overlap-matched mentions ------------------------------------

def test_org_norm_accuracy_only_on_orgs() -> None:
    gold = doc(entities=[
        ent("e1", "ORG", 0, 4, norm="四川省林业和草原局"),
        ent("e2", "ORG", 5, 9, norm="四川省财政厅"),
        ent("e3", "LOC", 10, 12, norm="四川省绵阳市"),
        ent("e4", "ORG", 20, 22, norm="X"),
    ])
    pred = doc(entities=[
        ent("p1", "ORG", 0, 3, norm="四川省林业和草原局"),  # partial span, right norm
        ent("p2", "ORG", 5, 9, norm="财政厅"),  # wrong norm
        ent("p3", "LOC", 10, 12, norm="绵阳"),  # LOC norm: not scored
    ])  # e4 is missed: no value scored for it
    scores = score_document(gold, pred)
    # scored: e1 (right), e2 (wrong) -> 1/2
    assert scores.layers["entities"].values["norm"] == Accuracy(1, 2)
    (wrong,) = [f for f in scores.fails["entities"] if f.kind == "wrong_value"]
    assert (wrong.id, wrong.field, wrong.expected, wrong.got) == ("e2", "norm", "四川省财政厅", "财政厅")


def test_value_not_scored_when_prediction_lacks_field() -> None:
    gold = doc(entities=[ent("e1", "ORG", 0, 4, norm="A")])
    pred = doc(entities=[ent("p1", "ORG", 0, 4)])  # no norm key (a tagger-only peer)
    norm = score_document(gold, pred).layers["entities"].values["norm"]
    assert norm == Accuracy(0, 0)
    assert norm.value is None


def test_time_interval_accuracy() -> None:
    gold = doc(times=[
        time("t1", 0, 3, "2025-11-27", "2025-11-27"),
        time("t2", 5, 9, "2025-01-01", "2025-11-30"),
        time("t3", 12, 14, None, "2025-12-12"),
    ])
    pred = doc(times=[
        time("s1", 0, 3, "2025-11-27", "2025-11-27"),  # right
        time("s2", 5, 9, "2025-01-01", None),  # end wrong
        time("s3", 12, 14, None, "2025-12-12"),  # right, null start included
    ])
    scores = score_document(gold, pred)
    assert scores.layers["times"].values["interval"] == Accuracy(2, 3)
    (wrong,) = [f for f in scores.fails["times"] if f.kind == "wrong_value"]
    assert (wrong.expected, wrong.got) == (["2025-01-01", "2025-11-30"], ["2025-01-01", None])


def test_quantity_value_decimal_and_unit() -> None:
    gold = doc(quantities=[
        qty("q1", 0, 3, 54000, "件"),
        qty("q2", 5, 8, 0.3, "%"),
        qty("q3", 10, 13, 1055, "人次"),
    ])
    pred = doc(quantities=[
        qty("r1", 0, 3, 54000.0, "件"),  # Decimal('54000.0') == Decimal('54000'): right
        qty("r2", 5, 8, 0.1 + 0.2, "%"),  # Decimal('0.30000000000000004') != 0.3: wrong
        qty("r3", 10, 13, 1055, "人/次"),  # value right, unit wrong
    ])
    values = score_document(gold, pred).layers["quantities"].values
    assert values["value"] == Accuracy(2, 3)  # q1, q3
    assert values["unit"] == Accuracy(2, 3)  # q1, q2


# --- statistics --------------------------------------------------------------

def test_statistics_metric_scope_period() -> None:
    week = {"start": "2023-05-04", "end": "2023-05-12"}
    year = {"start": "2023-01-01", "end": "2023-05-12"}
    gold = doc(quantities=[
        qty("q1", 0, 5, 4844, "人次", metric="咨询", scope=None, period=week),
        qty("q2", 10, 14, 558, "件", metric="受理", scope="综合窗口", period=year),
        qty("q3", 20, 23, 45, "个"),  # not a statistic
        qty("q4", 30, 34, 5042, "件", metric="颁发", scope=None, period=week),  # missed
    ])
    pred = doc(quantities=[
        qty("r1", 0, 5, 4844, "人次", metric="咨询", scope=None, period=week),
        qty("r2", 10, 14, 558, "件", metric="受理", scope=None, period=week),
        qty("r3", 20, 23, 45, "个", metric="共", scope=None, period=week),
    ])
    scores = score_document(gold, pred)
    stats = scores.statistics
    assert stats is not None
    assert stats.found == Accuracy(2, 3)  # q1, q2 matched of q1, q2, q4
    assert stats.values["metric"] == Accuracy(2, 2)  # both right
    assert stats.values["scope"] == Accuracy(1, 2)  # q2 scope wrong
    assert stats.values["period"] == Accuracy(1, 2)  # q2 period wrong
    assert stats.spurious == 1  # r3 has a metric, q3 has none
    kinds = sorted((f.kind, f.field or "", f.id or "") for f in scores.fails["statistics"])
    assert kinds == [
        ("false_hit", "metric", "r3"),
        ("miss", "", "q4"),
        ("wrong_value", "period", "q2"),
        ("wrong_value", "scope", "q2"),
    ]


# --- events ------------------------------------------------------------------

def event_docs() -> tuple[dict[str, Any], dict[str, Any]]:
    gold = doc(
        entities=[ent("e1", "ORG", 10, 16, norm="A"), ent("e2", "POLICY", 20, 30, norm="P"),
                  ent("e3", "ORG", 40, 44, norm="B")],
        times=[time("t1", 0, 6, "2025-11-27", "2025-11-27"), time("t2", 35, 39, "2025-11-01", "2025-11-30")],
        events=[
            event("v1", "issue", 17, 19, "t1", ("agent", "e1"), ("object", "e2")),
            event("v2", "meeting", 45, 47, "t2", ("agent", "e3")),
        ],
    )
    pred = doc(
        entities=[ent("a1", "ORG", 10, 15), ent("a2", "POLICY", 50, 55), ent("a3", "ORG", 40, 44)],
        # a time of another span but the same interval as t1
        times=[time("s1", 1, 6, "2025-11-27", "2025-11-27"), time("s2", 35, 39, "2025-11-01", "2025-11-15")],
        events=[
            # same type and interval as v1: match. Args: agent a1 overlaps e1 -> tp;
            # object a2 overlaps nothing -> fp; participant a3 (e3 is not v1's arg) -> fp;
            # gold object e2 not found -> fn
            event("x1", "issue", 17, 19, "s1", ("agent", "a1"), ("object", "a2"), ("participant", "a3")),
            # right type, interval 11-01..11-15 != 11-01..11-30: no match
            event("x2", "meeting", 45, 47, "s2", ("agent", "a3")),
            # no gold training event: false hit
            event("x3", "training", 60, 62, "s1"),
        ],
    )
    return gold, pred


def test_event_matching_by_type_and_interval() -> None:
    gold, pred = event_docs()
    events = score_document(gold, pred).events
    assert events is not None
    # x1 = v1; x2, x3 unmatched; v2 unmatched -> tp 1, fp 2, fn 1
    assert counts(events.events) == (1, 2, 1)
    assert events.events.precision == P(1 / 3)
    assert events.events.recall == P(1 / 2)
    assert events.events.f1 == P(0.4)  # 2 / (2 + 2 + 1)
    assert counts(events.types["issue"]) == (1, 0, 0)
    assert counts(events.types["meeting"]) == (0, 1, 1)
    assert counts(events.types["training"]) == (0, 1, 0)


def test_event_arguments_over_matched_events() -> None:
    gold, pred = event_docs()
    scores = score_document(gold, pred)
    assert scores.events is not None
    # only x1-v1 is matched: agent tp; object a2, participant a3 fp; object e2 fn
    # (args of unmatched x2 / v2 are not counted)
    assert counts(scores.events.args) == (1, 2, 1)
    assert scores.events.args.f1 == P(0.4)  # 2 / (2 + 2 + 1)
    got = sorted((f.kind, f.label, f.id) for f in scores.fails["args"])
    assert got == [("false_hit", "object", "a2"), ("false_hit", "participant", "a3"), ("miss", "object", "e2")]


def test_event_argument_role_must_match() -> None:
    gold, pred = event_docs()
    pred["events"] = [event("x1", "issue", 17, 19, "s1", ("participant", "a1"))]
    args = score_document(gold, pred).events.args  # type: ignore[union-attr]
    # right mention, wrong role: fp 1; gold agent e1 and object e2: fn 2
    assert counts(args) == (0, 1, 2)


def test_event_miss_reports_nearest_prediction() -> None:
    gold, pred = event_docs()
    fails = score_document(gold, pred).fails["events"]
    (miss,) = [f for f in fails if f.kind == "miss"]
    assert miss.id == "v2"
    assert miss.expected == {"type": "meeting", "time": ["2025-11-01", "2025-11-30"]}
    assert miss.got == {"type": "meeting", "time": ["2025-11-01", "2025-11-15"]}


def test_events_one_to_one_prefers_overlapping_trigger() -> None:
    # two gold events of the same type and day; one prediction whose trigger is
    # the second one's: it matches v2 (overlapping trigger), v1 is missed
    gold = doc(
        entities=[ent("e1", "ORG", 0, 2), ent("e2", "ORG", 20, 22)],
        times=[time("t1", 5, 8, "2025-11-27", "2025-11-27")],
        events=[event("v1", "visit", 3, 5, "t1", ("agent", "e1")),
                event("v2", "visit", 23, 25, "t1", ("agent", "e2"))],
    )
    pred = doc(
        entities=[ent("a2", "ORG", 20, 22)],
        times=[time("s1", 5, 8, "2025-11-27", "2025-11-27")],
        events=[event("x1", "visit", 23, 25, "s1", ("agent", "a2"))],
    )
    events = score_document(gold, pred).events
    assert events is not None
    assert counts(events.events) == (1, 0, 1)
    assert counts(events.args) == (1, 0, 0)  # paired with v2, so its agent matches


def test_event_with_unresolved_time_never_matches() -> None:
    gold, pred = event_docs()
    pred["events"] = [event("x1", "issue", 17, 19, "nope")]
    assert counts(score_document(gold, pred).events.events) == (0, 1, 2)  # type: ignore[union-attr]


# --- coverage, None, corpus ----------------------------------------------------

def test_layers_missing_from_prediction_are_not_scored() -> None:
    gold, _ = event_docs()
    pred = {"id": "d", "entities": [ent("a1", "ORG", 10, 16)]}  # an entity-only peer
    scores = score_document(gold, pred)
    assert set(scores.layers) == {"entities"}
    assert scores.statistics is None and scores.events is None
    out = scores.to_dict()
    assert out["times"] is None and out["quantities"] is None and out["events"] is None


def test_labels_restrict_entities() -> None:
    # a peer that only tags ORG is not charged for the gold LOC and POLICY
    scores = score_document(GOLD_SPANS, PRED_SPANS, labels=["ORG"])
    layer = scores.layers["entities"]
    assert set(layer.labels) == {"ORG"}
    assert counts(layer.overlap) == (1, 1, 1)  # e1-p1; p3 fp; e3 fn
    assert {f.label for f in scores.fails["entities"]} == {"ORG"}


def test_empty_documents_give_none() -> None:
    scores = score_document(doc(), doc())
    for layer in ("entities", "times", "quantities"):
        assert scores.layers[layer].strict.f1 is None
        assert scores.layers[layer].overlap.precision is None
        assert all(a.value is None for a in scores.layers[layer].values.values())
    assert scores.statistics is not None and scores.statistics.found.value is None
    assert scores.events is not None and scores.events.events.f1 is None
    assert scores.events.args.f1 is None
    assert score_corpus([]) == CorpusScores()
    assert score_corpus([]).to_dict()["entities"] is None


def test_corpus_scores_are_micro() -> None:
    a_gold = doc("a", entities=[ent("e1", "ORG", 0, 4)])
    a_pred = doc("a", entities=[ent("p1", "ORG", 0, 4)])
    b_gold = doc("b", entities=[ent("e1", "ORG", 0, 4), ent("e2", "ORG", 5, 8), ent("e3", "ORG", 9, 12)])
    b_pred = doc("b")
    scores = score_corpus([(a_gold, a_pred), (b_gold, b_pred)])
    assert scores.documents == 2
    # summed counts: tp 1, fp 0, fn 3 -> P 1, R 1/4, F1 2/(2+0+3) = 0.4
    # (the macro mean of the F1s would be (1 + 0) / 2 = 0.5)
    strict = scores.layers["entities"].strict
    assert counts(strict) == (1, 0, 3)
    assert strict.f1 == P(0.4)
    assert {f.doc for f in scores.fails["entities"]} == {"b"}


def test_to_dict_is_json_ready() -> None:
    import json

    gold, pred = event_docs()
    out = score_document(gold, pred).to_dict(fails=True)
    text = json.dumps(out, ensure_ascii=False)
    assert json.loads(text)["events"]["events"]["tp"] == 1
    assert {"entities", "times", "events", "args"} <= set(out["fails"])


def test_fail_lists_every_kind() -> None:
    scores = score_document(GOLD_SPANS, PRED_SPANS)
    kinds = sorted((f.kind, f.id) for f in scores.fails["entities"])
    # e3 missed, p3 false hit, e2 boundary ([10,12) vs [10,13)); no wrong norm
    assert kinds == [("boundary", "e2"), ("false_hit", "p3"), ("miss", "e3")]
    (boundary,) = [f for f in scores.fails["entities"] if f.kind == "boundary"]
    assert (boundary.expected, boundary.got) == ([10, 12, "xx"], [10, 13, "xxx"])
    assert "boundary" in str(boundary)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown layer"):
        score_document(doc(), doc(), layers=["entity"])
    with pytest.raises(ValueError, match="unknown label"):
        score_document(doc(), doc(), labels=["ORGANIZATION"])
    with pytest.raises(CorpusError, match="start"):
        score_document(doc(), doc(entities=[{"id": "p1", "label": "ORG", "end": 3}]))
    with pytest.raises(TypeError):
        score_document(doc(), [])  # type: ignore[arg-type]
