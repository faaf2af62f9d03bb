from __future__ import annotations

import pickle

from gov_extract.pipeline import make_pipeline
from gov_extract.structure import read
from gov_extract.tokenize import JiebaTokenizer


def test_tokens_carry_raw_offsets() -> None:
    raw = "11 月 27 日，省发展和改\n 革委印发通知。"
    doc = JiebaTokenizer(user_words=["省发展和改革委"])(read(raw))
    assert doc.tokens
    for tok in doc.tokens:
        assert raw[tok.start:tok.end] == tok.text
    assert "省发展和改革委" in [t.word for t in doc.tokens], "a lexicon word is kept whole across the PDF break"


def test_pickles_configuration_only() -> None:
    tok = JiebaTokenizer(user_words=["天府通办"])
    tok.tokenize("天府通办")
    clone = pickle.loads(pickle.dumps(tok))
    assert [w for w, _, _ in clone.tokenize("使用天府通办")][-1] == "天府通办"


def test_tokens_are_optional_in_the_full_pipeline() -> None:
    assert "tokens" not in make_pipeline().names
    assert make_pipeline(tokens=True).names[0] == "tokens"
