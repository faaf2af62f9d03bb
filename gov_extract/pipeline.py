"""Pipeline: the reader followed by an ordered list of components.

A component is any object with a ``name``, a ``requires`` tuple naming the
components that must run before it, and ``__call__(doc) -> Document``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, Protocol, runtime_checkable

from .errors import PipelineError
from .model import Document
from .structure import read

__all__ = ["Component", "Pipeline", "default_pipeline", "extract", "make_pipeline", "parse_reference_date"]


@runtime_checkable
class Component(Protocol):
    """What a pipeline component looks like."""

    name: str
    requires: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


def parse_reference_date(value: date | str | None) -> date | None:
    """A ``reference_date`` argument as a ``date``.

    Accepts a ``date``/``datetime`` or a string in any common format
    (``2025-12-12``, ``12 December 2025``, ``2025年12月12日``), parsed with
    dateparser. Raises ``ValueError`` naming the value when it is not a date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"reference_date must be a date or a str, not {type(value).__name__}")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for free-form dates

    parsed = dateparser.parse(value, languages=["zh", "en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        raise ValueError(f"reference_date {value!r} is not a date; pass e.g. '2025-12-12' or a datetime.date")
    return parsed.date()


class Pipeline:
    """The reader followed by ``components`` in order.

    >>> nlp = Pipeline([])            # reader only: clean view, meta, sections
    >>> nlp("某中心 2025年12月12日\n一、工作动态").meta.published
    datetime.date(2025, 12, 12)
    """

    def __init__(self, components: Sequence[Component]) -> None:
        seen: list[str] = []
        for comp in components:
            if not isinstance(comp, Component):
                raise PipelineError(
                    f"{comp!r} is not a component: it needs a 'name', a 'requires' tuple and __call__(doc)"
                )
            missing = [r for r in comp.requires if r not in seen]
            if missing:
                raise PipelineError(
                    f"component {comp.name!r} needs {missing} before it; order given: {seen + [comp.name]}"
                )
            if comp.name in seen:
                raise PipelineError(f"component {comp.name!r} appears twice")
            seen.append(comp.name)
        self._components: tuple[Component, ...] = tuple(components)

    @property
    def components(self) -> tuple[Component, ...]:
        return self._components

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self._components)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)})"

    def __call__(
        self, text: str, *, doc_id: str | None = None, reference_date: date | str | None = None
    ) -> Document:
        """Read ``text`` and run every component on it."""
        doc = read(text, doc_id=doc_id, reference_date=parse_reference_date(reference_date))
        for comp in self._components:
            doc = comp(doc)
        return doc

    def pipe(
        self,
        texts: Iterable[str] | Iterable[tuple[str, dict[str, Any]]],
        *,
        as_tuples: bool = False,
        n_process: int = 1,
        batch_size: int = 8,
    ) -> Iterator[Document] | Iterator[tuple[Document, dict[str, Any]]]:
        """Stream documents from ``texts``, in order.

        With ``as_tuples=True`` items are ``(text, context)`` pairs; the
        context's ``doc_id`` and ``reference_date`` keys are used and the pair
        ``(document, context)`` is yielded. ``n_process > 1`` runs the pipeline
        in that many worker processes; results equal the serial run.
        """
        if n_process > 1:
            from .parallel import pipe_parallel

            yield from pipe_parallel(self, texts, as_tuples=as_tuples, n_process=n_process, batch_size=batch_size)
            return
        for item in texts:
            if as_tuples:
                text, context = item  # type: ignore[misc]
                yield self(text, doc_id=context.get("doc_id"), reference_date=context.get("reference_date")), context
            else:
                yield self(item)  # type: ignore[arg-type]


def make_pipeline(*, lexicon_files: Sequence[str | os.PathLike[str]] = (), tokens: bool = False) -> Pipeline:
    """A full pipeline; ``lexicon_files`` add a user's lexicons to the shipped ones.

    ``tokens=True`` adds the jieba tokenizer (``Document.tokens``). No other
    stage needs tokens and the JSON output has none, so it is off by default:
    it would cost about half of the extraction time.
    """
    from .entities import EntityTagger
    from .events import EventExtractor
    from .lexicon import Lexicon
    from .quantities import QuantityTagger
    from .times import TimeTagger
    from .tokenize import JiebaTokenizer

    lexicon = Lexicon.from_files(*lexicon_files) if lexicon_files else Lexicon.default()
    components = [EntityTagger(lexicon=lexicon), TimeTagger(), QuantityTagger(), EventExtractor()]
    if tokens:
        components.insert(0, JiebaTokenizer(user_words=lexicon.surfaces()))
    return Pipeline(components)


@functools.cache
def default_pipeline() -> Pipeline:
    """The default pipeline (shipped lexicons), built once on first use."""
    return make_pipeline()


def extract(text: str, *, doc_id: str | None = None, reference_date: date | str | None = None) -> Document:
    """Extract everything from one bulletin with the default pipeline.

    ``reference_date`` overrides the document's own publication date as the
    anchor of relative times; without either, relative times stay unresolved.
    """
    return default_pipeline()(text, doc_id=doc_id, reference_date=reference_date)
