"""JiebaTokenizer: jieba tokens of the clean view, with raw offsets.

It owns a private ``jieba.Tokenizer`` (never jieba's global one), loads the
lexicons' surface forms as user words, and keeps jieba's prefix-dictionary
cache in a private per-user directory, not the shared temp dir.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from .errors import GovExtractError
from .model import Document, Token

__all__ = ["JiebaTokenizer", "cache_dir"]

_USER_WORD_FREQ = 100_000  # high enough that a lexicon name is kept whole


def cache_dir() -> Path:
    """gov_extract's private cache directory (``$GOV_EXTRACT_CACHE`` or ``~/.cache/gov_extract``)."""
    base = os.environ.get("GOV_EXTRACT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "gov_extract"
    )
    path = Path(base)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = path.stat()
    if st.st_uid != os.getuid() or st.st_mode & 0o022:
        # jieba loads its cache with marshal: never from a place others can write to
        raise GovExtractError(
            f"cache directory {path} is writable by others or not yours; "
            "set GOV_EXTRACT_CACHE to a private directory (mode 700)"
        )
    return path


class JiebaTokenizer:
    """Pipeline component ``tokens``: fills ``Document.tokens``."""

    name = "tokens"
    requires: tuple[str, ...] = ()

    def __init__(self, *, user_words: Iterable[str] = ()) -> None:
        self._user_words = tuple(sorted(set(user_words)))
        self._tokenizer = None
        self._lock = threading.Lock()

    def _jieba(self):  # noqa: ANN202 - jieba has no type hints
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    import jieba

                    logging.getLogger("jieba").setLevel(logging.WARNING)
                    tok = jieba.Tokenizer()
                    tok.tmp_dir = str(cache_dir())
                    tok.initialize()
                    for word in self._user_words:
                        tok.add_word(word, freq=_USER_WORD_FREQ)  # a given freq skips jieba's per-word cut
                    self._tokenizer = tok
        return self._tokenizer

    def __getstate__(self) -> dict[str, object]:
        """Pickle the configuration only; a worker builds its own jieba instance."""
        return {"_user_words": self._user_words}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._user_words = state["_user_words"]  # type: ignore[assignment]
        self._tokenizer = None
        self._lock = threading.Lock()

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """jieba tokens of ``text`` as ``(word, start, end)``."""
        return list(self._jieba().tokenize(text))

    def __call__(self, doc: Document) -> Document:
        view = doc.view
        tokens = []
        for word, start, end in self.tokenize(view.text):
            if word.isspace():
                continue
            rs, re_ = view.raw_span(start, end)
            tokens.append(Token(rs, re_, doc.raw[rs:re_], word))
        return doc.replace(tokens=tuple(tokens))
