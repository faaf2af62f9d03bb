"""Optional statistical NER: a HanLP character BiLSTM-CRF beside the rule tagger.

The rules (``entities``) stay in charge; :class:`HanLPTagger` only adds what
they lack. It runs a model trained offline on our own corpus
(:mod:`gov_extract.training`) over the clean view, maps each predicted span back
to raw offsets, and keeps a span only when the :class:`EnsemblePolicy` accepts
it:

1. its label is one the policy lets the model add (``labels``);
2. it overlaps no mention already in the document (entities, times,
   quantities): the rules win every conflict;
3. its length is within the label's limits (``min_chars``/``max_chars``) and it
   holds no sentence or clause punctuation, unbalanced brackets or quotes;
4. its shape fits the lexicon's grammar (:class:`gov_extract.lexicon.Lexicon`):
   an ORG ends with an organisation suffix (``org_suffixes.tsv``) after a body
   at least ``min_body`` long; an ORG or LOC is not a generic reference
   (``generic_refs.tsv``) and does not start with a boundary word
   (``context_words.tsv``: 赴, 会同, ...); a LOC is a known division or place
   or ends with a zone/venue suffix (``loc_suffixes.tsv``) or a division word
   (省 市 县 区 州 镇 乡 村 街道); a PERSON starts with a surname
   (``surnames.txt``); a POLICY is exactly the inside of ``《…》``; an
   INITIATIVE is exactly the inside of ``“…”``.

Accepted spans become entities (``norm``: a lexicon ORG's official name, a
bare ``省``/``市`` prefix made the bulletin's home division, a division's full
name, else the cleaned text; ORG ``kind`` from its suffix, POLICY ``doc_type``
from ``doc_types.txt``); every entity is then
renumbered ``e1..`` in start order, and references to entity ids (PERSON
``org``, POLICY ``alias_of``, event arguments) follow the new ids.

HanLP and PyTorch are imported lazily; without them, building a
:class:`HanLPTagger` raises an ``ImportError`` naming
``pip install 'gov_extract[hanlp]'``. Loading never touches the network: the
model directory is read from disk with ``hanlp.load``.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from .corpus import LABELS
from .errors import GovExtractError
from .lexicon import Home, Lexicon
from .model import Document, Entity, Quantity, TimeExpr
from .segment import split_clauses, split_sentences

__all__ = [
    "INSTALL_HINT",
    "LABELS",
    "MODEL_FILES",
    "EnsemblePolicy",
    "HanLPTagger",
    "ModelError",
    "Span",
    "char_tokens",
    "chunk_spans",
    "default_model_dir",
    "merge_entities",
    "require_hanlp",
]

INSTALL_HINT = "pip install 'gov_extract[hanlp]'"
#: Files a model directory holds (HanLP's three, plus ours).
MODEL_FILES: tuple[str, ...] = ("config.json", "vocabs.json", "model.pt", "manifest.json")
#: Longest chunk fed to the model, in characters.
MAX_CHUNK = 120
#: Chunks per model call: large batches keep the BiLSTM's per-step overhead low on CPU.
PREDICT_BATCH = 512

# Characters normalised before they reach the model: every digit is "0", ASCII
# letters are lower case, a space is a visible token.
_TOKEN_MAP = str.maketrans(
    {**{str(d): "0" for d in range(1, 10)}, **{chr(c): chr(c + 32) for c in range(65, 91)}, " ": "␣"}
)
_FORBIDDEN = {
    "ORG": regex.compile(r"[。！？!?；;，,、：:“”\"《》\n]"),
    "LOC": regex.compile(r"[。！？!?；;，,、：:“”\"《》\n]"),
    "PERSON": regex.compile(r"[^\p{Han}·]"),
    "POLICY": regex.compile(r"[。！？!?；;\n《》]"),
    "INITIATIVE": regex.compile(r"[。！？!?；;\n“”]"),
}
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("〈", "〉"), ("【", "】"))
_DIVISION_END = regex.compile(r"\p{Han}{1,12}(?:省|市|县|区|州|盟|旗|镇|乡|村|街道)")


class ModelError(GovExtractError, ValueError):
    """A model directory is missing, incomplete or not made by :mod:`gov_extract.training`."""


def require_hanlp() -> Any:
    """Import and return ``hanlp`` (with torch), or raise ``ImportError`` naming the extra."""
    try:
        import hanlp
        import torch  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f"the statistical tagger needs HanLP and PyTorch, which are not installed ({exc}); "
            f"install them with: {INSTALL_HINT}"
        ) from exc
    return hanlp


@functools.cache
def _char_ner_class() -> type:
    """HanLP's RNN NER with its CRF batch-first (hanlp 2.1.5 builds it time-first)."""
    require_hanlp()
    from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer

    class CharNER(RNNNamedEntityRecognizer):
        """Character BiLSTM-CRF tagger whose CRF reads batch-first tensors, as the RNN emits them."""

        def build_model(self, **kwargs: Any) -> Any:
            model = super().build_model(**kwargs)
            if model.crf is not None:
                model.crf.batch_first = True
            return model

    CharNER.__module__ = __name__
    CharNER.__qualname__ = "CharNER"
    return CharNER


def __getattr__(name: str) -> Any:
    # ``CharNER`` is resolved lazily so that this module imports without hanlp;
    # a saved model's config names it as ``gov_extract.statistical.CharNER``.
    if name == "CharNER":
        return _char_ner_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def char_tokens(text: str) -> list[str]:
    """The model's tokens of ``text``: one per character, digits as ``0``, letters lower case."""
    return list(text.translate(_TOKEN_MAP))


def chunk_spans(text: str, *, max_len: int = MAX_CHUNK, keep: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Clean ``(start, end)`` chunks of ``text`` for the model: sentences, cut to ``max_len``.

    Paragraphs split into sentences (:func:`gov_extract.segment.split_sentences`);
    a longer sentence is packed from its clauses, and a clause longer than
    ``max_len`` is cut hard, never inside a ``keep`` span (entities, when
    building training data) if that can be helped.
    """
    if max_len < 8:
        raise ValueError(f"max_len {max_len} is too small; use at least 8")
    keep = sorted(keep)
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        for a, b in split_sentences(text, start, end):
            if b - a <= max_len:
                out.append((a, b))
                continue
            _pack(text, a, b, max_len, keep, out)
        start = end + 1
    return out


def _pack(text: str, a: int, b: int, max_len: int, keep: Sequence[tuple[int, int]], out: list[tuple[int, int]]) -> None:
    """Append chunks of ``[a, b)``: clauses packed up to ``max_len``, long clauses cut hard."""
    cur = a
    last = a
    for _, c_end in split_clauses(text, a, b):
        if c_end - cur <= max_len:
            last = c_end
            continue
        if last > cur:
            out.append((cur, last))
            cur = last
        while c_end - cur > max_len:
            cut = _hard_cut(cur, cur + max_len, keep)
            out.append((cur, cut))
            cur = cut
        last = c_end
    if b > cur:
        out.append((cur, b))


def _hard_cut(start: int, cut: int, keep: Sequence[tuple[int, int]]) -> int:
    """``cut``, moved before a keep span it would split (when that leaves a chunk)."""
    for s, e in keep:
        if s >= cut:
            break
        if s < cut < e and s > start:
            return s
    return cut


@dataclass(frozen=True, slots=True)
class Span:
    """A predicted span of the clean view: ``[start, end)`` and its label."""

    start: int
    end: int
    label: str


def _default_max() -> Mapping[str, int]:
    return MappingProxyType({"ORG": 30, "PERSON": 4, "LOC": 16, "POLICY": 80, "INITIATIVE": 20})


def _default_min() -> Mapping[str, int]:
    return MappingProxyType({"ORG": 3, "PERSON": 2, "LOC": 2, "POLICY": 4, "INITIATIVE": 3})


@dataclass(frozen=True)
class EnsemblePolicy:
    """Which model spans the ensemble adds to the rules' entities (see the module docstring).

    ``labels``: the labels the model may add. The default, ORG and PERSON, are
    the labels where adding model spans never hurt in ``benchmarks/loo.py``
    (LOC and INITIATIVE did: the model tags quoted slogans and common nouns);
    none measurably helped there, as the rules score 1.0 on the corpus they
    were written from, so the default pipeline does not run the model.
    ``min_chars`` and ``max_chars``: length limits by label, in clean
    characters. ``lexicon``: the vocabulary whose suffixes, generic
    references, surnames, divisions and places the shape checks use (default
    :meth:`Lexicon.default`).
    """

    labels: frozenset[str] = frozenset({"ORG", "PERSON"})
    min_chars: Mapping[str, int] = field(default_factory=_default_min)
    max_chars: Mapping[str, int] = field(default_factory=_default_max)
    lexicon: Lexicon | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        unknown = set(self.labels) - set(LABELS)
        if unknown:
            raise ValueError(f"EnsemblePolicy labels {sorted(unknown)} are not entity labels; use some of {LABELS}")
        object.__setattr__(self, "labels", frozenset(self.labels))
        lex = self.lexicon if self.lexicon is not None else Lexicon.default()
        if not isinstance(lex, Lexicon):
            raise TypeError(f"lexicon must be a gov_extract.lexicon.Lexicon, not {type(lex).__name__}")
        object.__setattr__(self, "lexicon", lex)
        # Longest suffix first, so "有限责任公司" wins over "公司".
        object.__setattr__(self, "_org_order", tuple(sorted(lex.org_suffixes, key=len, reverse=True)))
        object.__setattr__(self, "_loc_suffixes", tuple(lex.loc_suffixes))
        refs = lex.generic_refs
        object.__setattr__(self, "_generic_exact", frozenset(f for f, m in refs.items() if m == "exact"))
        # a name never starts with a generic prefix (各, 有关) or a boundary word (赴, 会同)
        bad_starts = {f for f, m in refs.items() if m == "prefix"} | set(lex.words_of("boundary"))
        object.__setattr__(self, "_bad_starts", tuple(sorted(bad_starts)))
        object.__setattr__(self, "_generic_suffix", tuple(f for f, m in refs.items() if m == "suffix"))
        object.__setattr__(self, "_doc_types", tuple(sorted(lex.doc_types, key=len, reverse=True)))

    def org_kind(self, name: str) -> str | None:
        """The ``kind`` of an ORG name by its longest suffix, or ``None`` when no suffix fits."""
        for suffix in self._org_order:  # type: ignore[attr-defined]
            if name.endswith(suffix):
                entry = self.lexicon.org_suffixes[suffix]  # type: ignore[union-attr]
                return entry.kind if len(name) - len(suffix) >= max(entry.min_body, 1) else None
        return None

    def doc_type(self, title: str) -> str | None:
        """The genre word a title ends with (longest first), or ``None``."""
        return next((d for d in self._doc_types if title.endswith(d)), None)  # type: ignore[attr-defined]

    def norm(self, label: str, name: str, home: Home) -> str:
        """The norm of an added entity: a LOC's full division, an ORG's bare prefix made explicit."""
        lex = self.lexicon
        assert lex is not None
        if label == "LOC":
            div = lex.division(name)
            return div.full if div is not None else name
        if label == "ORG":
            entry = lex.orgs.get(name)
            if entry is not None:
                return lex.org_norm(name, entry, home)
            prefix = home.local(name[0]) if name[0] in "省市州县区" and name[:2] not in lex.divisions else None
            return prefix + name[1:] if prefix else name
        return name

    def accepts(self, text: str, span: Span, blocked: Sequence[tuple[int, int]] = ()) -> bool:
        """Whether the model span ``span`` of the clean ``text`` may be added.

        ``blocked``: clean spans already taken by rule mentions.
        """
        label, a, b = span.label, span.start, span.end
        if label not in self.labels or not 0 <= a < b <= len(text):
            return False
        name = text[a:b]
        if not self.min_chars.get(label, 1) <= len(name) <= self.max_chars.get(label, 40):
            return False
        if name != name.strip() or _FORBIDDEN[label].search(name) or not _balanced(name):
            return False
        if any(s < b and a < e for s, e in blocked):
            return False
        return self._shape(label, name, text, a, b)

    def _generic(self, name: str) -> bool:
        return (
            name in self._generic_exact  # type: ignore[attr-defined]
            or name.startswith(self._bad_starts)  # type: ignore[attr-defined]
            or name.endswith(self._generic_suffix)  # type: ignore[attr-defined]
        )

    def _shape(self, label: str, name: str, text: str, a: int, b: int) -> bool:
        lex = self.lexicon
        assert lex is not None
        if label == "ORG":
            return self.org_kind(name) is not None and not self._generic(name)
        if label == "LOC":
            known = lex.division(name) is not None or name in lex.places
            shaped = name.endswith(self._loc_suffixes) or _DIVISION_END.fullmatch(name) is not None  # type: ignore[attr-defined]
            return (known or shaped) and not self._generic(name)
        if label == "PERSON":
            return name[:1] in lex.surnames or name[:2] in lex.surnames
        if label == "POLICY":
            return a > 0 and text[a - 1] == "《" and b < len(text) and text[b] == "》"
        return a > 0 and text[a - 1] == "“" and b < len(text) and text[b] == "”"


def _balanced(name: str) -> bool:
    return all(name.count(o) == name.count(c) for o, c in _PAIRS)


def default_model_dir() -> Path | None:
    """The model shipped in ``gov_extract/models/ner``, or ``None`` when none is shipped."""
    path = Path(str(resources.files("gov_extract"))) / "models" / "ner"
    return path if (path / "manifest.json").is_file() else None


def read_manifest(model_dir: str | Path) -> dict[str, Any]:
    """The ``manifest.json`` of a model directory, checked for the files and labels it needs."""
    path = Path(model_dir)
    missing = [name for name in MODEL_FILES if not (path / name).is_file()]
    if missing:
        raise ModelError(
            f"{path} is not a gov_extract model directory: missing {missing}; "
            "train one with gov_extract.training.train_tagger or `gov-extract train-tagger`"
        )
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path / 'manifest.json'}:{exc.lineno}: invalid JSON: {exc.msg}") from exc
    labels = manifest.get("labels")
    if not isinstance(labels, list) or not set(labels) <= set(LABELS):
        raise ModelError(f"{path / 'manifest.json'}: labels {labels!r} must be a list of some of {LABELS}")
    return manifest


def load_model(model_dir: str | Path) -> Any:
    """Load a trained HanLP tagger from ``model_dir`` (local files only, CPU)."""
    hanlp = require_hanlp()
    path = Path(model_dir)
    read_manifest(path)
    return hanlp.load(str(path), devices=-1, verbose=False)


def predict_spans(model: Any, texts: Sequence[str], *, batch_size: int = PREDICT_BATCH,
                  max_len: int = MAX_CHUNK, threads: int | None = 1) -> list[list[Span]]:
    """Model spans (clean offsets) of each text in ``texts``.

    ``threads``: torch threads for the call (restored afterwards; ``None``:
    torch's setting). One thread is the fastest on a shared CPU: torch's
    per-step LSTM work is too small to split, and oversubscribed cores slow it
    down many times; run documents in parallel with ``Pipeline.pipe(n_process=...)``.
    """
    chunks: list[tuple[int, int, int]] = []
    for i, text in enumerate(texts):
        chunks.extend((i, a, b) for a, b in chunk_spans(text, max_len=max_len))
    out: list[list[Span]] = [[] for _ in texts]
    if not chunks:
        return out
    tokens = [char_tokens(texts[i][a:b]) for i, a, b in chunks]
    import torch

    before = torch.get_num_threads()
    try:
        if threads:
            torch.set_num_threads(threads)
        with torch.inference_mode():
            predicted = model.predict(tokens, batch_size=batch_size)
    finally:
        torch.set_num_threads(before)
    for (i, a, _), spans in zip(chunks, predicted):
        out[i].extend(Span(a + s, a + e, label) for _, label, s, e in spans)
    return out


def _renumber(entities: Iterable[Entity], events: Sequence[Any]) -> tuple[tuple[Entity, ...], tuple[Any, ...]]:
    """Entities renumbered ``e1..`` in start order, with every reference to them updated."""
    ordered = sorted(entities, key=lambda e: (e.start, -e.end))
    new_id = {e.id: f"e{i}" for i, e in enumerate(ordered, 1)}

    def ref(value: str | None) -> str | None:
        return new_id.get(value, value) if value is not None else None

    ents = tuple(dataclasses.replace(e, id=new_id[e.id], org=ref(e.org), alias_of=ref(e.alias_of)) for e in ordered)
    evs = tuple(
        dataclasses.replace(ev, args=tuple(dataclasses.replace(a, ref=ref(a.ref)) for a in ev.args)) for ev in events
    )
    return ents, evs


def merge_entities(doc: Document, spans: Iterable[Span], policy: EnsemblePolicy) -> Document:
    """``doc`` with the model ``spans`` the ``policy`` accepts added to its entities.

    Spans are clean offsets of ``doc.view.text``; accepted ones are checked in
    start order against the rule mentions and against each other.
    """
    view, text = doc.view, doc.view.text
    taken = bytearray(len(text) + 1)  # 1 where a mention already is
    mentions: list[Entity | TimeExpr | Quantity] = [*doc.entities, *doc.times, *doc.quantities]
    for m in mentions:
        a, b = view.clean_offset(m.start), view.clean_offset(m.end)
        taken[a:b] = b"\x01" * (b - a)
    added: list[Entity] = []
    home = policy.lexicon.home(doc.meta.publisher)  # type: ignore[union-attr]
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if taken.find(1, span.start, span.end) >= 0 or not policy.accepts(text, span):
            continue
        taken[span.start:span.end] = b"\x01" * (span.end - span.start)
        rs, re_ = view.raw_span(span.start, span.end)
        name = "".join(text[span.start:span.end].split())
        extra: dict[str, Any] = {}
        if span.label == "ORG":
            extra["kind"] = policy.org_kind(name)
        elif span.label == "POLICY":
            extra["doc_type"] = policy.doc_type(name)
        norm = policy.norm(span.label, name, home)
        added.append(Entity(f"_m{len(added)}", span.label, rs, re_, doc.raw[rs:re_], norm, **extra))
    if not added:
        return doc
    entities, events = _renumber((*doc.entities, *added), doc.events)
    return doc.replace(entities=entities, events=events)


class HanLPTagger:
    """Pipeline component ``statistical``: adds the model's entities the rules lack.

    >>> nlp = Pipeline([JiebaTokenizer(), EntityTagger(), HanLPTagger("model/")])  # doctest: +SKIP

    ``model_dir``: a directory written by :func:`gov_extract.training.train_tagger`
    (default: the model shipped in ``gov_extract/models/ner``). ``policy``:
    what may be added (:class:`EnsemblePolicy`). The model is loaded once, when
    the component is built.
    """

    name = "statistical"
    requires: tuple[str, ...] = ("entities",)

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        policy: EnsemblePolicy | None = None,
        batch_size: int = PREDICT_BATCH,
        threads: int | None = 1,
    ) -> None:
        if model_dir is None:
            model_dir = default_model_dir()
            if model_dir is None:
                raise ModelError(
                    "no model is shipped in gov_extract/models/ner; pass model_dir= a directory written by "
                    "gov_extract.training.train_tagger (`gov-extract train-tagger`)"
                )
        self.model_dir = Path(model_dir)
        self.manifest = read_manifest(self.model_dir)
        self.policy = policy if policy is not None else EnsemblePolicy()
        self.batch_size = batch_size
        self.threads = threads
        self._lock = threading.Lock()
        self._model = load_model(self.model_dir)

    def __repr__(self) -> str:
        return f"HanLPTagger({str(self.model_dir)!r}, labels={sorted(self.policy.labels)})"

    def __getstate__(self) -> dict[str, Any]:
        # Worker processes reload the model from its directory.
        return {"model_dir": self.model_dir, "policy": self.policy, "batch_size": self.batch_size,
                "threads": self.threads}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["model_dir"], policy=state["policy"], batch_size=state["batch_size"], threads=state["threads"]
        )

    def spans(self, text: str) -> list[Span]:
        """The model's spans of a clean text (no policy applied)."""
        with self._lock:
            return predict_spans(self._model, [text], batch_size=self.batch_size, threads=self.threads)[0]

    def __call__(self, doc: Document) -> Document:
        if not isinstance(doc, Document):
            raise TypeError(f"HanLPTagger takes a Document, not {type(doc).__name__}")
        return merge_entities(doc, self.spans(doc.view.text), self.policy)
