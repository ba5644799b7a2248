"""GGUF inspection: facts of real files, and one clear sentence for each kind of bad file."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import threading
from pathlib import Path

import pytest
from model_fixtures import (
    TINY_CONTEXT,
    TINY_EMBD,
    TINY_FF,
    TINY_HEADS,
    TINY_LAYERS,
    write_tiny_gptneox,
)

from reelwright.models.gguf_info import (
    GGUFInfo,
    architecture_supported,
    inspect_gguf,
    known_architectures,
)
from reelwright.screenplay.errors import ModelError


def tiny_parameters(vocab: int) -> int:
    per_block = (
        4 * TINY_EMBD  # two layer norms, weight and bias
        + 3 * TINY_EMBD * TINY_EMBD
        + 3 * TINY_EMBD
        + TINY_EMBD * TINY_EMBD
        + TINY_EMBD
        + TINY_FF * TINY_EMBD
        + TINY_FF
        + TINY_EMBD * TINY_FF
        + TINY_EMBD
    )
    return TINY_LAYERS * per_block + 2 * vocab * TINY_EMBD + 2 * TINY_EMBD


def test_tiny_gptneox_facts(tiny_gptneox_gguf: Path) -> None:
    info = inspect_gguf(tiny_gptneox_gguf)
    assert info.architecture == "gptneox"
    assert info.quantization == "Q8_0"
    assert info.name == "Tiny GPT-NeoX (test)"
    assert info.file_size == tiny_gptneox_gguf.stat().st_size
    assert (info.block_count, info.embedding_length) == (TINY_LAYERS, TINY_EMBD)
    assert (info.head_count, info.head_count_kv) == (TINY_HEADS, TINY_HEADS)
    assert info.context_length == TINY_CONTEXT
    assert info.vocab_size == 256 + 9 + 1
    assert info.chat_template is None
    assert info.parameter_count == tiny_parameters(info.vocab_size)
    assert 0 < info.tensor_bytes < info.file_size


def test_default_model_facts(default_model_path: Path) -> None:
    info = inspect_gguf(default_model_path)
    assert info.architecture == "llama"
    assert info.quantization == "Q4_1"
    assert 130_000_000 < info.parameter_count < 140_000_000
    assert info.context_length == 8192
    assert info.chat_template is not None and "<|im_start|>" in info.chat_template
    assert (info.block_count, info.head_count, info.head_count_kv) == (30, 9, 3)
    assert info.vocab_size == 49152


def test_memory_estimate_grows_with_context(default_model_path: Path) -> None:
    info = inspect_gguf(default_model_path)
    small, large = info.memory_estimate(512), info.memory_estimate(8192)
    assert info.tensor_bytes < small < large
    # f16 KV cache of SmolLM2: 30 layers x 3 KV heads x (64 + 64) x 2 bytes per token
    kv_per_token = 30 * 3 * 128 * 2
    assert large - small >= kv_per_token * (8192 - 512)
    assert info.estimate_memory(512) == small


def test_to_json_round_trips(tiny_gptneox_gguf: Path) -> None:
    info = inspect_gguf(tiny_gptneox_gguf)
    data = json.loads(info.to_json())
    assert data["path"] == str(tiny_gptneox_gguf)
    assert data["architecture"] == "gptneox"
    rebuilt = GGUFInfo(**{**data, "path": Path(data["path"])})
    assert rebuilt == info


def test_known_architectures_come_from_this_llama_cpp() -> None:
    names = known_architectures()
    assert {"gptneox", "llama"} <= set(names)
    assert architecture_supported("gptneox")
    assert not architecture_supported("reelwright-made-up-arch")


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.gguf"
    empty.write_bytes(b"")
    with pytest.raises(ModelError, match=r"^empty\.gguf is empty \(0 bytes\)"):
        inspect_gguf(empty)


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="is a folder, not a GGUF model file"):
        inspect_gguf(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"^no such file"):
        inspect_gguf(tmp_path / "nothing.gguf")


@pytest.mark.parametrize(
    "content",
    [b"<!DOCTYPE html><html>Not found</html>", b"GGU", b"\x00" * 1000, b"Fade in."],
)
def test_not_gguf(tmp_path: Path, content: bytes) -> None:
    page = tmp_path / "model.gguf"
    page.write_bytes(content)
    with pytest.raises(ModelError, match=r"^model\.gguf is not a GGUF model file$"):
        inspect_gguf(page)


def test_truncated_in_tensor_data(tiny_gptneox_gguf: Path, tmp_path: Path) -> None:
    whole = tiny_gptneox_gguf.read_bytes()
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    message = f"cut.gguf is truncated ({len(whole) * 2 // 3} of {len(whole)} bytes)"
    with pytest.raises(ModelError, match=re.escape(message)):
        inspect_gguf(cut)


def test_truncated_in_header(tiny_gptneox_gguf: Path, tmp_path: Path) -> None:
    cut = tmp_path / "head.gguf"
    cut.write_bytes(tiny_gptneox_gguf.read_bytes()[:300])
    with pytest.raises(ModelError, match=r"^head\.gguf is truncated \(300 bytes"):
        inspect_gguf(cut)


def test_unsupported_version(tiny_gptneox_gguf: Path, tmp_path: Path) -> None:
    data = bytearray(tiny_gptneox_gguf.read_bytes())
    data[4:8] = struct.pack("<I", 99)
    odd = tmp_path / "future.gguf"
    odd.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=r"GGUF version 99, which this version of llama\.cpp"):
        inspect_gguf(odd)


def test_unknown_architecture(tmp_path: Path) -> None:
    strange = write_tiny_gptneox(tmp_path / "strange.gguf", architecture="reelwrightformer")
    message = (
        "strange.gguf uses architecture 'reelwrightformer', "
        "which this version of llama.cpp cannot run"
    )
    with pytest.raises(ModelError, match=f"^{re.escape(message)}$"):
        inspect_gguf(strange)


def test_copy_of_a_good_file_is_fine(tiny_gptneox_gguf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.gguf"
    shutil.copyfile(tiny_gptneox_gguf, copy)
    assert inspect_gguf(copy).architecture == "gptneox"


def _special(folder: Path, name: str) -> Path:
    if name == "dev-zero":
        return Path("/dev/zero")
    path = folder / f"{name}.gguf"
    if name == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    return path


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("dev-zero", "a character device"),
        ("fifo", "a named pipe"),
        ("link-to-dev-zero", "a character device"),
    ],
)
def test_special_files_are_refused_at_once(tmp_path: Path, name: str, kind: str) -> None:
    """A pipe would block the read forever, /dev/zero would never end it."""
    path = _special(tmp_path, name)
    outcome: list[BaseException] = []

    def inspect() -> None:
        try:
            inspect_gguf(path)
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)

    worker = threading.Thread(target=inspect, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), f"inspecting {path} blocked"
    assert len(outcome) == 1 and isinstance(outcome[0], ModelError), outcome
    assert f"is {kind}" in str(outcome[0]) and "not a GGUF model file" in str(outcome[0])
