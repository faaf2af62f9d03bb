from __future__ import annotations

from pathlib import Path

import pytest

from gov_extract.errors import DecodeError
from gov_extract.files import decode, open_atomic, read_text

TEXT = "四川省政府政务服务和公共资源交易服务中心 2025 年 12 月 12 日\r\n一、总体运行情况"


@pytest.mark.parametrize(
    "data",
    [TEXT.encode("utf-8"), b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT.encode("gb18030"), TEXT.encode("gbk")],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk"],
)
def test_decodes_common_encodings(data: bytes) -> None:
    assert decode(data) == TEXT


def test_undecodable_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(0x80, 0x100)) * 4 + b"\x00\x01\x02\x03" * 50)
    with pytest.raises(DecodeError, match="bad.txt"):
        read_text(bad)


def test_decode_rejects_str() -> None:
    with pytest.raises(TypeError, match="bytes"):
        decode("text")  # type: ignore[arg-type]


def test_line_ends_kept(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(TEXT.encode("utf-8"))
    assert "\r\n" in read_text(p)


def test_open_atomic_commits_on_success_and_keeps_the_old_file_on_error(tmp_path: Path) -> None:
    path = tmp_path / "out" / "records.jsonl"
    with open_atomic(path) as handle:
        handle.write("a\n")
        assert not path.exists()  # nothing is visible before the block ends
    assert path.read_text(encoding="utf-8") == "a\n"
    with pytest.raises(RuntimeError), open_atomic(path) as handle:
        handle.write("half")
        raise RuntimeError("worker lost")
    assert path.read_text(encoding="utf-8") == "a\n"
    assert [p.name for p in path.parent.iterdir()] == ["records.jsonl"]
