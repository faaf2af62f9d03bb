from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gov_extract import __version__
from gov_extract.cli import main
from tests.conftest import CORPUS

BULLETIN = CORPUS / "raw" / "000_2038efc021b4be03.txt"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "extract" in out and "validate" in out


def test_extract_one_file_prints_guide_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(BULLETIN)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert list(record) == ["id", "meta", "entities", "times", "quantities", "events"]
    assert record["id"] == BULLETIN.stem
    assert record["meta"]["published"] == "2025-12-12"


def test_folder_to_dir_skips_bad_file_and_writes_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in (CORPUS / "raw").glob("*.txt"):
        (src / p.name).write_bytes(p.read_bytes())
    (src / "broken.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert "broken.txt" in err
    written = sorted(p.name for p in out.glob("*.json"))
    assert written == sorted(f"{p.stem}.json" for p in (CORPUS / "raw").glob("*.txt"))
    assert not list(out.glob(".*.tmp")), "no temp files left behind"


def test_jobs_give_the_serial_output_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    bulletins = sorted((CORPUS / "raw").glob("*.txt")) * 2
    for i, p in enumerate(bulletins):
        (src / f"{i:02d}_{p.name}").write_bytes(p.read_bytes())
    (src / "05_broken.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    assert main(["extract", str(src), "--format", "jsonl", "-q"]) == 1
    serial = capsys.readouterr()
    assert main(["extract", str(src), "--format", "jsonl", "-q", "--jobs", "2"]) == 1
    parallel = capsys.readouterr()
    assert parallel.out == serial.out
    assert len(parallel.out.splitlines()) == len(bulletins)
    assert "05_broken.txt" in parallel.err
    assert f"{len(bulletins)} written, 0 skipped as existing, 1 failed" in parallel.err


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_bad_jobs(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(BULLETIN), "--jobs", jobs]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_skip_existing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN), "-o", str(out)]) == 0
    target = out / f"{BULLETIN.stem}.json"
    target.write_text("{}", encoding="utf-8")
    assert main(["extract", str(BULLETIN), "-o", str(out), "--skip-existing"]) == 0
    assert target.read_text(encoding="utf-8") == "{}"


def test_jsonl_one_line_per_bulletin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(CORPUS / "raw"), "--format", "jsonl", "-q"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list((CORPUS / "raw").glob("*.txt")))
    assert all(json.loads(line)["meta"] for line in lines)


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BULLETIN.read_bytes())))
    assert main(["extract", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "stdin"


def test_bad_reference_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(BULLETIN), "--reference-date", "someday"]) == 2
    assert "someday" in capsys.readouterr().err


def test_validate_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(CORPUS)]) == 0
    assert "0 problems" in capsys.readouterr().out


def test_readme_commands_match_ci() -> None:
    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    ci = (CORPUS.parent / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    test_command = next(b for b in blocks if "pytest" in b and "venv" in b)
    assert test_command.strip() in ci
