"""Hostile files, each through the CLI and the library: one clear sentence, nothing lost.

This is the table in the README's reliability section; each row is a case below.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hub_server import HubServer, tiny_catalog_entry
from model_fixtures import write_tiny_gptneox

from reelwright.cli.main import main
from reelwright.exporters.fdx import read_fdx
from reelwright.models.gguf_info import inspect_gguf
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.parser import parse_file

BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
    '<FinalDraft DocumentType="Script"><Content><Paragraph Type="Action">'
    "<Text>&lol3;</Text></Paragraph></Content></FinalDraft>\n"
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    '<FinalDraft DocumentType="Script"><Content><Paragraph Type="Action">'
    "<Text>&xxe;</Text></Paragraph></Content></FinalDraft>\n"
)


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.err.strip()


SCRIPT_CASES = [
    ("latin1.fountain", b"INT. CAF\xe9 - DAY\n\nHi.\n", "not UTF-8 text"),
    ("binary.fountain", bytes(range(256)) * 16, "binary data"),
]


@pytest.mark.parametrize(("name", "data", "message"), SCRIPT_CASES)
def test_unreadable_scripts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReelwrightError, match=message):
        parse_file(path)
    code, err = _cli(["parse", str(path)], capsys)
    assert code == 1 and message in err and "Traceback" not in err
    code, err = _cli(["export", str(path), "-o", str(tmp_path / "out.pdf")], capsys)
    assert code == 1 and message in err
    assert not (tmp_path / "out.pdf").exists()
    assert path.read_bytes() == data


def test_latin1_script_reads_with_chosen_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.fountain"
    path.write_bytes(b"INT. CAF\xe9 - DAY\n\nHi.\n")
    code, _ = _cli(["parse", str(path), "--encoding", "cp1252"], capsys)
    assert code == 0


def test_empty_script_is_an_empty_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.fountain"
    path.write_bytes(b"")
    assert [e for e in parse_file(path).elements if e.text] == []
    code, _ = _cli(["export", str(path), "-o", str(tmp_path / "empty.pdf")], capsys)
    assert code == 0
    assert (tmp_path / "empty.pdf").read_bytes().startswith(b"%PDF")


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder.fountain"
    folder.mkdir()
    with pytest.raises(ReelwrightError, match="it is a folder"):
        parse_file(folder)
    code, err = _cli(["parse", str(folder)], capsys)
    assert code == 1 and "it is a folder" in err


def test_fifty_megabyte_script_parses(tmp_path: Path, corpus_dir: Path) -> None:
    """A 50 MB script (about 10,000 pages) is read, not refused: a writer wants their file."""
    text = (corpus_dir / "Big-Fish.fountain").read_text(encoding="utf-8")
    copies = 50 * 1024 * 1024 // len(text.encode("utf-8")) + 1
    path = tmp_path / "big.fountain"
    path.write_text(text * copies, encoding="utf-8")
    start = time.perf_counter()
    script = parse_file(path)
    elapsed = time.perf_counter() - start
    assert len(script.elements) > 900_000
    assert script.line_count >= text.count("\n") * copies
    assert elapsed < 60, elapsed


FDX_CASES = [
    ("bomb.fdx", BOMB, "declares XML entities"),
    ("external.fdx", EXTERNAL, "declares XML entities"),
    ("page.fdx", "<html><body>hi</body></html>\n", "not a Final Draft script"),
    ("broken.fdx", "not xml at all\n", "not a readable FDX file"),
    ("empty.fdx", "", "not a readable FDX file"),
]


@pytest.mark.parametrize(("name", "content", "message"), FDX_CASES)
def test_hostile_fdx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReelwrightError, match=message):
        read_fdx(path)
    code, err = _cli(["export", str(path), "-o", str(tmp_path / "out.fountain")], capsys)
    assert code == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "out.fountain").exists()


def _gguf_cases(folder: Path, corpus_dir: Path) -> list[tuple[Path, str]]:
    good = write_tiny_gptneox(folder / "tiny.gguf").read_bytes()
    cases = {
        "truncated.gguf": (good[: len(good) // 2], "is truncated"),
        "header-cut.gguf": (good[:40], "is truncated"),
        "empty.gguf": (b"", "is empty"),
        "script.gguf": (
            (corpus_dir / "Big-Fish.fountain").read_bytes(),
            "is not a GGUF model file",
        ),
    }
    out = []
    for name, (data, message) in cases.items():
        (folder / name).write_bytes(data)
        out.append((folder / name, message))
    alien = write_tiny_gptneox(folder / "alien.gguf", architecture="zorblax")
    out.append((alien, "uses architecture 'zorblax', which this version of llama.cpp cannot"))
    return out


def test_hostile_gguf(tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path, message in _gguf_cases(tmp_path, corpus_dir):
        code, err = _cli(["models", "info", str(path)], capsys)
        assert code == 1, path
        assert message in err and "Traceback" not in err, (path, err)
        if "architecture" not in message:
            with pytest.raises(ReelwrightError, match=message):
                inspect_gguf(path)


def test_download_with_wrong_checksum(hub: HubServer) -> None:
    import hashlib

    from reelwright.models import download as dl
    from reelwright.models.store import catalog_download_path
    from reelwright.screenplay.errors import ModelError

    entry = tiny_catalog_entry()
    hub.add_file(entry.repo_id, entry.filename, hashlib.sha256(b"x").digest() * 4096)
    hub.state.corrupt = True
    with pytest.raises(ModelError, match="checksum") as caught:
        dl.download_model(entry)
    assert "was deleted" in str(caught.value)
    assert list(catalog_download_path(entry).parent.iterdir()) == []


def test_export_refuses_a_read_only_output_and_writes_through_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Export replaced a read-only PDF without a word, and a link with a plain file."""
    script = tmp_path / "script.fountain"
    script.write_text("INT. HOUSE - DAY\n\nA door.\n", encoding="utf-8")
    locked = tmp_path / "approved.pdf"
    locked.write_bytes(b"%PDF- the approved draft")
    locked.chmod(0o444)
    code, err = _cli(["export", str(script), "-o", str(locked)], capsys)
    assert code == 1 and "it is read-only" in err and "Traceback" not in err
    assert locked.read_bytes() == b"%PDF- the approved draft"
    shared = tmp_path / "shared"
    shared.mkdir()
    link = tmp_path / "latest.fdx"
    link.symlink_to(shared / "draft.fdx")
    for _ in range(2):  # made through the link, then replaced through it
        code, _ = _cli(["export", str(script), "-o", str(link)], capsys)
        assert code == 0
        assert link.is_symlink() and (shared / "draft.fdx").read_text().rstrip().endswith(
            "</FinalDraft>"
        )
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    code, err = _cli(["export", str(script), "-o", str(fifo)], capsys)
    assert code == 1 and "named pipe" in err and fifo.is_fifo()
