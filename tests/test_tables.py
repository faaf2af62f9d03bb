"""Tests of gov_extract.tables (rows and pandas frames) and gov_extract.collection.BulletinSet."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from gov_extract import tables
from gov_extract.collection import BulletinSet
from gov_extract.model import Document
from gov_extract.pipeline import Pipeline

pd = pytest.importorskip("pandas", reason="pandas not installed: pip install gov_extract[pandas]")

# --- hand-made weekly bulletins of another city (not the corpus) --------------


def _span(raw: str, surface: str) -> dict[str, Any]:
    start = raw.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface}


def weekly(doc_id: str | None, monday: date, received: int, ytd: int) -> tuple[dict[str, Any], str]:
    """A Hangzhou weekly bulletin: two statistics (the week's, the year's) and one meeting."""
    sunday = monday + timedelta(days=6)
    day = monday + timedelta(days=2)
    raw = (f"杭州市政务服务周报\n杭州市数据\n资源管理局\n{sunday.year}年{sunday.month}月{sunday.day}日\n"
           f"本周，市民中心受理 {received} 件；今年以来受理 {ytd} 件。\n"
           f"{day.month}月{day.day}日，市数据局与余杭区政府召开推进会。")
    week = {"start": monday.isoformat(), "end": sunday.isoformat()}
    year = {"start": f"{monday.year}-01-01", "end": sunday.isoformat()}
    day_text = f"{day.month}月{day.day}日"
    record = {
        "id": doc_id,
        "meta": {"title": "杭州市政务服务周报", "kind": "weekly", "issue": None, "issue_total": None,
                 "publisher": "杭州市数据资源管理局", "published": sunday.isoformat(), "period": week},
        "entities": [
            {"id": "e1", "label": "ORG", **_span(raw, "杭州市数据\n资源管理局"), "norm": "杭州市数据资源管理局",
             "unit": None, "kind": "government"},
            {"id": "e2", "label": "ORG", **_span(raw, "市民中心"), "norm": "杭州市民中心", "unit": None,
             "kind": "institution"},
            {"id": "e3", "label": "ORG", **_span(raw, "市数据局"), "norm": "杭州市数据资源管理局", "unit": None,
             "kind": "government"},
            {"id": "e4", "label": "ORG", **_span(raw, "余杭区政府"), "norm": "杭州市余杭区人民政府",
             "unit": None, "kind": "government"},
        ],
        "times": [
            {"id": "t1", **_span(raw, "本周"), "start_date": week["start"], "end_date": week["end"],
             "grain": "week", "approx": False},
            {"id": "t2", **_span(raw, "今年以来"), "start_date": year["start"], "end_date": year["end"],
             "grain": "day", "approx": False},
            {"id": "t3", **_span(raw, day_text), "start_date": day.isoformat(), "end_date": day.isoformat(),
             "grain": "day", "approx": False},
        ],
        "quantities": [
            {"id": "q1", **_span(raw, f"{received} 件"), "value": received, "unit": "件", "approx": False,
             "metric": "受理", "scope": "市民中心", "period": week},
            {"id": "q2", **_span(raw, f"{ytd} 件"), "value": ytd, "unit": "件", "approx": False,
             "metric": "受理", "scope": "市民中心", "period": year},
        ],
        "events": [
            {"id": "v1", "type": "meeting", "trigger": {**_span(raw, "召开")}, "time": "t3",
             "args": [{"role": "agent", "ref": "e3"}, {"role": "agent", "ref": "e4"}]},
        ],
    }
    return record, raw


def weeks() -> list[Document]:
    return [
        Document.from_dict(*weekly("hz_10", date(2024, 3, 4), 1200, 15000)),
        Document.from_dict(*weekly("hz_11", date(2024, 3, 11), 1350, 16350)),
    ]


# --- rows and frames ----------------------------------------------------------

FRAMES = [
    (tables.entities_frame, tables.ENTITY_COLUMNS, 8),
    (tables.times_frame, tables.TIME_COLUMNS, 6),
    (tables.quantities_frame, tables.QUANTITY_COLUMNS, 4),
    (tables.events_frame, tables.EVENT_COLUMNS, 2),
    (tables.arguments_frame, tables.ARGUMENT_COLUMNS, 4),
    (tables.statistics_frame, tables.STATISTICS_COLUMNS, 4),
]


@pytest.mark.parametrize(("frame", "columns", "rows"), FRAMES)
def test_frames_have_their_columns(frame: Any, columns: tuple[str, ...], rows: int) -> None:
    out = frame(weeks())
    assert tuple(out.columns) == columns and len(out) == rows
    assert set(out["doc_id"]) == {"hz_10", "hz_11"}
    empty = frame([])
    assert tuple(empty.columns) == columns and empty.empty


@pytest.mark.parametrize("make", [
    lambda: weeks()[0],                                   # one Document
    lambda: weeks()[0].to_dict(),                         # one record dict (no raw needed)
    lambda: [weeks()[0]],                                 # a list
    lambda: (d for d in weeks()[:1]),                     # a generator
    lambda: BulletinSet(weeks()[:1]),                     # a BulletinSet
])
def test_inputs_accepted(make: Any) -> None:
    assert list(tables.entities_frame(make())["doc_id"]) == ["hz_10"] * 4


@pytest.mark.parametrize("bad", ["杭州市数据局", 42, None])
def test_bad_input_is_a_type_error(bad: Any) -> None:
    with pytest.raises(TypeError, match="Document"):
        list(tables.entity_rows(bad))


def test_doc_id_falls_back_to_position() -> None:
    first, raw = weekly(None, date(2024, 3, 4), 1, 2)
    second, _ = weekly("named", date(2024, 3, 11), 1, 2)
    assert [r["doc_id"] for r in tables.time_rows([first, second])][::3] == ["0", "named"]
    assert Document.from_dict(first, raw).id is None


def test_values_and_dates() -> None:
    q = tables.quantities_frame(weeks())
    assert list(q["value"]) == [1200, 15000, 1350, 16350]
    assert str(q["period_start"].dtype).startswith("datetime64")
    assert q.loc[1, "period_start"] == pd.Timestamp("2024-01-01")
    e = tables.entities_frame(weeks())
    assert e.loc[0, "text"] == "杭州市数据\n资源管理局" and e.loc[0, "norm"] == "杭州市数据资源管理局"


def test_events_are_flattened_by_role() -> None:
    ev = tables.events_frame(weeks()).iloc[0]
    assert (ev["type"], ev["trigger"], ev["time_text"]) == ("meeting", "召开", "3月6日")
    assert ev["agent"] == f"市数据局{tables.ARG_SEPARATOR}余杭区政府"
    assert ev["object"] is None and ev["start_date"] == pd.Timestamp("2024-03-06")
    args = tables.arguments_frame(weeks())
    assert list(args.loc[args["doc_id"] == "hz_10", "norm"]) == ["杭州市数据资源管理局", "杭州市余杭区人民政府"]


def test_statistics_mark_running_totals() -> None:
    stats = tables.statistics_frame(weeks())
    assert list(stats["cumulative"]) == [False, True, False, True]
    assert list(stats["published"].dt.date) == [date(2024, 3, 10), date(2024, 3, 10), date(2024, 3, 17),
                                                 date(2024, 3, 17)]


@pytest.mark.parametrize(("text", "squeezed"), [
    ("杭州市数据\n资源管理局", "杭州市数据资源管理局"),
    ("省发展和改\n 革委", "省发展和改革委"),
    ("天府通办 APP", "天府通办 APP"),          # inner spaces are content
    ("1 2\r\n3", "1 23"),
])
def test_squeeze(text: str, squeezed: str) -> None:
    assert tables.squeeze(text) == squeezed


def test_pandas_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install gov_extract\[pandas\]"):
        tables.entities_frame(weeks())
    assert len(list(tables.entity_rows(weeks()))) == 8  # rows need no pandas


def test_corpus_tables(corpus_doc: tuple[str, str, dict]) -> None:
    _, raw, gold = corpus_doc
    doc = Document.from_dict(gold, raw)
    assert len(tables.entities_frame(doc)) == len(gold["entities"])
    assert len(tables.events_frame(doc)) == len(gold["events"])
    assert len(tables.arguments_frame(doc)) == sum(len(e["args"]) for e in gold["events"])
    assert len(tables.statistics_frame(doc)) == sum(q["metric"] is not None for q in gold["quantities"])


# --- BulletinSet ----------------------------------------------------------------------


def test_bulletin_set_sequence() -> None:
    bulletins = BulletinSet(weeks())
    assert len(bulletins) == 2 and bulletins.ids == ["hz_10", "hz_11"]
    assert bulletins["hz_11"] is bulletins[1] and bulletins[-1].id == "hz_11"
    assert isinstance(bulletins[:1], BulletinSet) and len(bulletins[:1]) == 1
    with pytest.raises(KeyError, match="hz_99"):
        bulletins["hz_99"]
    with pytest.raises(TypeError, match="Documents"):
        BulletinSet([weeks()[0].to_dict()])  # type: ignore[list-item]
    assert "2 bulletins" in bulletins._repr_html_()


def test_bulletin_set_from_corpus() -> None:
    root = Path(__file__).resolve().parent.parent / "corpus"
    gold = BulletinSet.from_corpus(root)
    assert len(gold) == len(list((root / "gold").glob("*.json"))) and all(d.entities for d in gold)
    summary = gold.summary()
    assert list(summary["doc_id"]) == gold.ids and summary["entities"].sum() == len(gold.entities())


def test_from_folder_reads_and_skips(tmp_path: Path) -> None:
    (tmp_path / "a_utf8.txt").write_text("成都市政务服务周报\n2024年5月6日\n", encoding="utf-8")
    (tmp_path / "b_gbk.txt").write_bytes("重庆市政务服务月报\n2024年6月1日\n".encode("gb18030"))
    (tmp_path / "c_bad.txt").write_bytes(b"\x80\x80\x80\x80")
    (tmp_path / "notes.md").write_text("not a bulletin", encoding="utf-8")
    reader_only = Pipeline([])
    bulletins = BulletinSet.from_folder(tmp_path, pipeline=reader_only, progress=False)
    assert bulletins.ids == ["a_utf8", "b_gbk"]
    assert bulletins["b_gbk"].meta.published == date(2024, 6, 1)
    assert [Path(src).name for src, _ in bulletins.failures] == ["c_bad.txt"]
    with pytest.raises(UnicodeError):
        BulletinSet.from_folder(tmp_path, pipeline=reader_only, progress=False, errors="raise")
    with pytest.raises(NotADirectoryError):
        BulletinSet.from_folder(tmp_path / "missing", pipeline=reader_only)


class _Stamp:
    """A component that gives each document its reference date as publication date."""

    name = "stamp"
    requires: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        return doc.replace(meta=doc.meta.__class__(published=doc.reference_date))


def test_from_texts_uses_the_given_pipeline() -> None:
    bulletins = BulletinSet.from_texts({"x": "贵阳市", "y": "遵义市"}, pipeline=Pipeline([_Stamp()]),
                                       reference_date="2024-02-29", progress=False)
    assert [d.meta.published for d in bulletins] == [date(2024, 2, 29)] * 2


def test_statistics_series_pivots_metric_by_period() -> None:
    series = BulletinSet(weeks()).statistics_series()
    assert list(series.index) == [("受理", "市民中心", "件")]
    periods = [(i.left.date(), i.right.date()) for i in series.columns]
    assert periods == [(date(2024, 1, 1), date(2024, 3, 10)), (date(2024, 1, 1), date(2024, 3, 17)),
                       (date(2024, 3, 4), date(2024, 3, 10)), (date(2024, 3, 11), date(2024, 3, 17))]
    assert list(series.iloc[0]) == [15000, 16350, 1200, 1350]
    own = BulletinSet(weeks()).statistics_series(cumulative=False)
    assert list(own.iloc[0]) == [1200, 1350]
    assert BulletinSet([]).statistics_series().empty


def test_latest_bulletin_wins_a_repeated_period() -> None:
    record, raw = weekly("hz_10_fix", date(2024, 3, 4), 1250, 15050)
    record["meta"]["published"] = "2024-03-20"  # a corrected reissue
    docs = [*weeks(), Document.from_dict(record, raw)]
    own = BulletinSet(docs).statistics_series(cumulative=False)
    assert list(own.iloc[0]) == [1250, 1350]


@pytest.fixture
def plt() -> Any:
    matplotlib = pytest.importorskip("matplotlib", reason="matplotlib not installed: pip install gov_extract[plot]")
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    yield pyplot
    pyplot.close("all")


def test_plot_metric(plt: Any) -> None:
    ax = BulletinSet(weeks()).plot_metric("受理")
    lines = ax.get_lines()
    assert len(lines) == 2  # the weekly figures and the running total
    assert sorted(list(line.get_ydata()) for line in lines) == [[1200, 1350], [15000, 16350]]
    with pytest.raises(KeyError, match="metrics: 受理"):
        BulletinSet(weeks()).plot_metric("办结")


def test_plot_events_by_org_month(plt: Any) -> None:
    ax = BulletinSet(weeks()).plot_events_by_org_month(top=1)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[-1] == "其他" and len(labels) == 2
    heights = sum(p.get_height() for p in ax.patches)
    assert heights == 4  # two events, two agents each
    empty = BulletinSet([]).plot_events_by_org_month()
    assert "no dated events" in empty.get_title()


def test_matplotlib_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"pip install gov_extract\[plot\]"):
        BulletinSet(weeks()).plot_metric("受理")
