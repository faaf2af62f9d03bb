"""Exception types of gov_extract.

Every error names the bad value and says what to do about it; file errors name
the file (and line where there is one).
"""

from __future__ import annotations

__all__ = [
    "GovExtractError",
    "DecodeError",
    "LexiconError",
    "CorpusError",
    "PipelineError",
]


class GovExtractError(Exception):
    """Base class of every error raised by gov_extract."""


class DecodeError(GovExtractError, UnicodeError):
    """A bulletin file could not be decoded as UTF-8 or GB18030."""


class LexiconError(GovExtractError, ValueError):
    """A lexicon data file is malformed (the message names file, line, field)."""


class CorpusError(GovExtractError, ValueError):
    """A gold or prediction file breaks the annotation format.

    ``problems`` lists every problem found, each naming file, id and field.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = problems or []


class PipelineError(GovExtractError, ValueError):
    """A pipeline was composed wrongly (unknown or misordered component)."""
