"""A set of bulletins for exploration: load a folder, extract, tabulate, plot.

>>> from gov_extract.collection import BulletinSet
>>> bulletins = BulletinSet.from_folder("corpus/raw")      # doctest: +SKIP
>>> bulletins.statistics_series()                          # metric x period  # doctest: +SKIP
>>> bulletins.plot_metric("办理政务服务事项")                 # doctest: +SKIP

pandas (tables) and matplotlib (plots) are imported only when used; without
them the error names ``pip install gov_extract[pandas]`` or ``[plot]``.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from . import tables
from .model import Document, Entity

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

    from .pipeline import Pipeline

__all__ = ["BulletinSet", "require_matplotlib"]

logger = logging.getLogger(__name__)

# CJK fonts tried, in order, for plot labels; the first installed ones are used.
_CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
    "SimHei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC", "AR PL UMing CN",
)
_OTHER = "其他"


def require_matplotlib() -> Any:
    """``matplotlib.pyplot``, or an ImportError saying how to install it."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError("gov_extract plots need matplotlib: pip install gov_extract[plot]") from exc
    return plt


def _cjk_font(size: str | None = None) -> Any:
    """FontProperties listing the installed CJK fonts first, so Chinese labels render.

    Passed to each text explicitly: an ``rc_context`` around pyplot calls
    would restore the interactive flag a notebook backend sets on first use.
    """
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return font_manager.FontProperties(family=[n for n in _CJK_FONTS if n in installed] + ["sans-serif"], size=size)


class BulletinSet(Sequence[Document]):
    """An immutable, ordered set of extracted bulletins (Documents), indexable by position or id.

    Build one with :meth:`from_folder` (read and extract ``*.txt``),
    :meth:`from_texts` or :meth:`from_corpus` (gold annotations), or from
    Documents directly. ``failures`` lists the ``(source, error)`` of files
    that could not be read or extracted.
    """

    __slots__ = ("_docs", "_by_id", "_failures")

    def __init__(self, docs: Iterable[Document], *, failures: Iterable[tuple[str, str]] = ()) -> None:
        self._docs: tuple[Document, ...] = tuple(docs)
        for doc in self._docs:
            if not isinstance(doc, Document):
                raise TypeError(f"BulletinSet holds Documents, not {type(doc).__name__}")
        self._by_id = {doc.id: doc for doc in self._docs if doc.id is not None}
        self._failures: tuple[tuple[str, str], ...] = tuple(failures)

    # --- building -----------------------------------------------------------

    @classmethod
    def from_texts(
        cls,
        texts: Mapping[str, str] | Iterable[tuple[str, str]],
        *,
        pipeline: Pipeline | None = None,
        reference_date: date | str | None = None,
        progress: bool = True,
    ) -> BulletinSet:
        """Extract ``(doc_id, text)`` pairs (or a ``{doc_id: text}`` mapping) with ``pipeline``.

        ``pipeline`` defaults to :func:`gov_extract.default_pipeline`; an
        ImportError while building it (extraction components not installed)
        propagates. ``progress`` shows a tqdm bar on stderr.
        """
        items = list(texts.items() if isinstance(texts, Mapping) else texts)
        nlp = pipeline if pipeline is not None else _default_pipeline()
        docs = [nlp(text, doc_id=doc_id, reference_date=reference_date)
                for doc_id, text in _bar(items, progress, "extract")]
        return cls(docs)

    @classmethod
    def from_folder(
        cls,
        folder: str | os.PathLike[str],
        *,
        pattern: str = "*.txt",
        recursive: bool = False,
        pipeline: Pipeline | None = None,
        reference_date: date | str | None = None,
        progress: bool = True,
        errors: str = "skip",
    ) -> BulletinSet:
        """Read every ``pattern`` file of ``folder`` (sorted; UTF-8 or GB18030) and extract it.

        The document id is the file stem. A file that cannot be read or
        extracted is logged and listed in ``failures`` (``errors="skip"``) or
        re-raised (``errors="raise"``). The pipeline is built before any file
        is read, so a missing component fails at once.
        """
        from .errors import GovExtractError
        from .files import read_text

        if errors not in ("skip", "raise"):
            raise ValueError(f"errors={errors!r}: use 'skip' or 'raise'")
        root = Path(folder)
        if not root.is_dir():
            raise NotADirectoryError(f"{root} is not a folder of bulletins (*.txt)")
        paths = sorted(p for p in (root.rglob(pattern) if recursive else root.glob(pattern)) if p.is_file())
        nlp = pipeline if pipeline is not None else _default_pipeline()
        docs: list[Document] = []
        failures: list[tuple[str, str]] = []
        for path in _bar(paths, progress, "extract"):
            try:
                docs.append(nlp(read_text(path), doc_id=path.stem, reference_date=reference_date))
            except (GovExtractError, OSError, UnicodeError, ValueError) as exc:
                if errors == "raise":
                    raise
                logger.warning("skipped %s: %s", path, exc)
                failures.append((str(path), str(exc)))
        return cls(docs, failures=failures)

    @classmethod
    def from_corpus(cls, root: str | os.PathLike[str]) -> BulletinSet:
        """The gold-annotated bulletins of a corpus folder (``manifest.json``, ``raw/``, ``gold/``)."""
        from .corpus import iter_corpus

        return cls(Document.from_dict(item.gold, item.raw) for item in iter_corpus(root) if item.gold is not None)

    # --- sequence -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._docs)

    @overload
    def __getitem__(self, key: int | str) -> Document: ...

    @overload
    def __getitem__(self, key: slice) -> BulletinSet: ...

    def __getitem__(self, key: int | str | slice) -> Document | BulletinSet:
        """A Document by position or id; a slice gives a BulletinSet."""
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"no bulletin with id {key!r}; ids: {', '.join(self.ids[:10])}") from None
        if isinstance(key, slice):
            return BulletinSet(self._docs[key])
        return self._docs[key]

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs)

    def __repr__(self) -> str:
        return f"BulletinSet({len(self)} bulletins, {len(self._failures)} failures)"

    @property
    def ids(self) -> list[str]:
        """The document ids, in order (``None`` ids left out)."""
        return [doc.id for doc in self._docs if doc.id is not None]

    @property
    def failures(self) -> tuple[tuple[str, str], ...]:
        """``(source, error)`` of each file that was skipped."""
        return self._failures

    # --- tables ---------------------------------------------------------------

    def entities(self) -> pd.DataFrame:
        """All entities (:func:`gov_extract.tables.entities_frame`)."""
        return tables.entities_frame(self._docs)

    def times(self) -> pd.DataFrame:
        """All times (:func:`gov_extract.tables.times_frame`)."""
        return tables.times_frame(self._docs)

    def quantities(self) -> pd.DataFrame:
        """All quantities (:func:`gov_extract.tables.quantities_frame`)."""
        return tables.quantities_frame(self._docs)

    def events(self) -> pd.DataFrame:
        """All events, one row each (:func:`gov_extract.tables.events_frame`)."""
        return tables.events_frame(self._docs)

    def arguments(self) -> pd.DataFrame:
        """All event arguments, one row each (:func:`gov_extract.tables.arguments_frame`)."""
        return tables.arguments_frame(self._docs)

    def statistics(self) -> pd.DataFrame:
        """All operational statistics (:func:`gov_extract.tables.statistics_frame`)."""
        return tables.statistics_frame(self._docs)

    def summary(self) -> pd.DataFrame:
        """One row per bulletin: id, title, kind, published, period and the size of each layer."""
        pd = tables.require_pandas()
        rows = [{
            "doc_id": doc.id, "title": doc.meta.title, "kind": doc.meta.kind, "published": doc.meta.published,
            "period_start": doc.meta.period.start if doc.meta.period else None,
            "period_end": doc.meta.period.end if doc.meta.period else None,
            "entities": len(doc.entities), "times": len(doc.times), "quantities": len(doc.quantities),
            "events": len(doc.events),
        } for doc in self._docs]
        frame = pd.DataFrame.from_records(rows, columns=["doc_id", "title", "kind", "published", "period_start",
                                                         "period_end", "entities", "times", "quantities",
                                                         "events"])
        for col in ("published", "period_start", "period_end"):
            frame[col] = pd.to_datetime(frame[col])
        return frame

    def statistics_series(self, *, cumulative: bool | None = None) -> pd.DataFrame:
        """Statistics pivoted: one row per (metric, scope, unit), one column per period.

        Columns are a ``pd.IntervalIndex`` of the periods (closed on both
        sides), sorted by start then end; a cell is the value reported for
        that period (the latest published bulletin wins when several report
        it). ``cumulative=False`` keeps only figures for the bulletins' own
        reporting periods, ``True`` only running totals (``今年以来``), ``None`` all.
        """
        pd = tables.require_pandas()
        stats = self.statistics()
        if cumulative is not None:
            stats = stats[stats["cumulative"] == cumulative]
        stats = stats.assign(scope=stats["scope"].fillna("—")).sort_values("published", kind="stable")
        if stats.empty:
            return pd.DataFrame(index=pd.MultiIndex.from_tuples([], names=["metric", "scope", "unit"]))
        stats = stats.assign(period=pd.IntervalIndex.from_arrays(stats["period_start"], stats["period_end"],
                                                                 closed="both"))
        table = stats.pivot_table(index=["metric", "scope", "unit"], columns="period", values="value",
                                  aggfunc="last", observed=True)
        table = table.reindex(columns=sorted(table.columns, key=lambda i: (i.left, i.right)))
        table.columns = pd.IntervalIndex(table.columns, name="period")
        return table

    # --- plots ----------------------------------------------------------------

    def plot_metric(self, metric: str, *, ax: Axes | None = None) -> Axes:
        """Line chart of one metric over the bulletins' periods, one line per scope, unit and running total.

        Each point sits at its period's end date. Raises ``KeyError`` naming
        the known metrics when ``metric`` is not one of them.
        """
        plt = require_matplotlib()
        stats = self.statistics()
        rows = stats[stats["metric"] == metric]
        if rows.empty:
            known = ", ".join(sorted(stats["metric"].unique())) or "none"
            raise KeyError(f"no statistic {metric!r}; metrics: {known}")
        font = _cjk_font()
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4))
        groups = rows.assign(scope=rows["scope"].fillna("—")).groupby(["scope", "unit", "cumulative"])
        for (scope, unit, running), group in groups:
            group = group.sort_values("period_end")
            label = f"{scope} ({unit})" + ("，累计" if running else "")
            ax.plot(group["period_end"], group["value"], marker="o", label=label)
        ax.set_title(metric, fontproperties=font)
        ax.set_xlabel("period end")
        ax.set_ylabel("value")
        ax.legend(prop=_cjk_font("small"))
        ax.figure.autofmt_xdate()
        return ax

    def plot_events_by_org_month(self, *, top: int = 8, ax: Axes | None = None) -> Axes:
        """Stacked bars: events per month (of the event's time) by agent organisation.

        Agents are ORG norms (a PERSON counts for the ORG it belongs to, else
        by name); the ``top`` most active keep their own colour, the rest are
        summed as ``其他``. Events without a dated time or agent are left out.
        """
        plt = require_matplotlib()
        pd = tables.require_pandas()
        rows = [
            {"month": _month(row), "org": _agent_org(doc, row["ref"])}
            for doc in self._docs for row in tables.argument_rows(doc) if row["role"] == "agent"
        ]
        frame = pd.DataFrame.from_records(rows, columns=["month", "org"]).dropna()
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4))
        if frame.empty:
            ax.set_title("events by organisation and month (no dated events with an agent)")
            return ax
        leaders = frame["org"].value_counts().index[:top]
        frame["org"] = frame["org"].where(frame["org"].isin(leaders), _OTHER)
        counts = frame.groupby(["month", "org"]).size().unstack(fill_value=0).sort_index()
        counts = counts[[c for c in counts.columns if c != _OTHER] + [c for c in counts.columns if c == _OTHER]]
        counts.plot(kind="bar", stacked=True, ax=ax)
        ax.set_title("events by organisation and month")
        ax.set_xlabel("month")
        ax.set_ylabel("events")
        ax.legend(prop=_cjk_font("small"))
        return ax

    # --- notebook -------------------------------------------------------------

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(str(d.id))}</td><td>{html.escape(str(d.meta.title or '—'))}</td>"
            f"<td>{d.meta.published or '—'}</td><td>{len(d.entities)}</td><td>{len(d.times)}</td>"
            f"<td>{len(d.quantities)}</td><td>{len(d.events)}</td></tr>"
            for d in self._docs
        )
        head = "".join(f"<th>{h}</th>" for h in ("id", "title", "published", "entities", "times", "quantities",
                                                  "events"))
        failed = f"<p>{len(self._failures)} file(s) skipped: see .failures</p>" if self._failures else ""
        return f"<p><b>{len(self)} bulletins</b></p><table><tr>{head}</tr>{rows}</table>{failed}"


def _default_pipeline() -> Pipeline:
    from .pipeline import default_pipeline

    return default_pipeline()


def _bar(items: Sequence[Any], progress: bool, desc: str) -> Iterable[Any]:
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit="doc", disable=not progress or len(items) < 2)


def _month(row: Mapping[str, Any]) -> str | None:
    day = row.get("start_date") or row.get("end_date")
    return day[:7] if day else None


def _agent_org(doc: Document, ref: str) -> str | None:
    """The organisation an agent stands for: an ORG's norm, a PERSON's ORG norm, else the name."""
    mention = doc.mention(ref)
    if not isinstance(mention, Entity):
        return None
    if mention.label == "PERSON" and mention.org:
        org = doc.mention(mention.org)
        if isinstance(org, Entity):
            return org.norm
    return mention.norm or tables.squeeze(mention.text)
