"""gov_extract: structured, checkable data from Chinese government bulletins.

>>> import gov_extract
>>> doc = gov_extract.extract(text)          # doctest: +SKIP
>>> doc.to_dict()                            # the ANNOTATION_GUIDE format  # doctest: +SKIP
"""

from __future__ import annotations

from .errors import CorpusError, DecodeError, GovExtractError, LexiconError, PipelineError
from .files import read_text
from .model import (
    Argument,
    Document,
    Entity,
    Event,
    Meta,
    Period,
    Quantity,
    Section,
    TimeExpr,
    Token,
    Trigger,
)
from .pipeline import Component, Pipeline, default_pipeline, extract, make_pipeline
from .structure import read

__version__ = "0.1.0"

__all__ = [
    "Argument",
    "Component",
    "CorpusError",
    "DecodeError",
    "Document",
    "Entity",
    "Event",
    "GovExtractError",
    "LexiconError",
    "Meta",
    "Period",
    "Pipeline",
    "PipelineError",
    "Quantity",
    "Section",
    "TimeExpr",
    "Token",
    "Trigger",
    "__version__",
    "default_pipeline",
    "extract",
    "make_pipeline",
    "read",
    "read_text",
]
