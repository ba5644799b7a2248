"""One model recommended for a machine: explicit RAM and GPU figures, the shipped catalog
and hand-made ones, and this machine's own detection."""

from __future__ import annotations

import dataclasses

import pytest

from reelwright.models.catalog import CatalogEntry, load_catalog
from reelwright.models.recommend import (
    GIB,
    Gpu,
    Machine,
    choose,
    detect_machine,
    gpu_bytes_needed,
    ram_bytes_needed,
    recommend_for_machine,
    total_ram_bytes,
)

BASE = CatalogEntry(
    id="x",
    name="X",
    repo_id="a/b",
    filename="x.gguf",
    size_bytes=1,
    size_approx=True,
    architecture="llama",
    parameters_billions=1.0,
    quantization="Q4_K_M",
    licence="mit",
    context_length=8192,
    kind="chat",
    good_for="tests",
    min_ram_gb=1.0,
)


def entry(id: str, size_gb: float, rank: int, **more: object) -> CatalogEntry:
    return dataclasses.replace(
        BASE,
        id=id,
        size_bytes=int(size_gb * 1e9),
        min_ram_gb=size_gb + 1,
        recommend=rank,
        **more,  # type: ignore[arg-type]
    )


CATALOG = (
    entry("big", 8.5, 1, languages=("en", "zh")),
    entry("mid", 4.7, 2),
    entry("small", 2.0, 3, languages=("en", "ru")),
    entry("tiny", 0.4, 4),
    entry("base-model", 0.3, 0, kind="base"),
    entry("unranked", 0.2, 0),
)


def pick(ram_gib: float, gpu_gib: float = 0, **kwargs: object) -> str | None:
    made = recommend_for_machine(
        int(ram_gib * GIB),
        int(gpu_gib * GIB),
        catalog=CATALOG,
        **kwargs,  # type: ignore[arg-type]
    )
    return made.entry.id if made else None


@pytest.mark.parametrize(
    ("ram", "gpu", "wanted"),
    [
        (8, 0, "small"),  # CPU only, 8 GB: the file that writes at a quick pace
        (16, 0, "mid"),  # 16 GB without a GPU: a 7B-size file at a steady pace
        (64, 0, "mid"),  # lots of RAM is not speed: the 8.5 GB file stays out on a CPU
        (4, 0, "tiny"),
        (2, 0, None),  # nothing beats the embedded model here
        (16, 12, "big"),  # a 12 GB GPU holds the best one
        (16, 8, "mid"),
        (8, 4, "small"),
        (32, 2, "mid"),  # a 2 GB GPU holds only the tiny one: the CPU does better
    ],
)
def test_the_machine_decides(ram: float, gpu: float, wanted: str | None) -> None:
    assert pick(ram, gpu) == wanted


def test_unranked_and_base_models_are_never_recommended() -> None:
    for ram in (1, 2, 3, 4, 8, 16, 128):
        for gpu in (0, 1, 4, 48):
            assert pick(ram, gpu) not in ("base-model", "unranked")


def test_language_of_the_script_narrows_the_choice() -> None:
    assert pick(8, 0, language="ru") == "small"
    assert pick(16, 0, language="ru") == "small"
    assert pick(16, 12, language="zh") == "big"
    assert pick(16, 0, language="zh") is None  # the only Chinese writer needs a big GPU
    assert pick(16, 12, language="zh-Hans") == "big"


def test_integrated_gpu_shares_the_ram() -> None:
    # Apple silicon: Metal offers about two thirds of the RAM to the GPU.
    made = recommend_for_machine(
        8 * GIB, int(5.3 * GIB), gpu_name="Apple M1", gpu_integrated=True, catalog=CATALOG
    )
    assert made is not None and made.entry.id == "small" and made.on_gpu
    assert "Apple M1" in made.reason and "shares" in made.reason
    made = recommend_for_machine(
        16 * GIB, int(10.7 * GIB), gpu_name="Apple M2", gpu_integrated=True, catalog=CATALOG
    )
    assert made is not None and made.entry.id == "big"
    # Shared memory never counts the system's own share: a GPU said to hold 12 GB on a
    # 6 GB machine holds what 6 GB minus the system holds.
    made = recommend_for_machine(
        6 * GIB, 12 * GIB, gpu_name="iGPU", gpu_integrated=True, catalog=CATALOG
    )
    assert made is not None and made.entry.id == "small"
    dedicated = recommend_for_machine(6 * GIB, 12 * GIB, gpu_name="RTX", catalog=CATALOG)
    assert dedicated is not None and dedicated.entry.id == "big"


def test_the_reason_is_one_line_with_the_machine_in_it() -> None:
    made = recommend_for_machine(8 * GIB, 0, catalog=CATALOG)
    assert made is not None
    assert made.download_bytes == made.entry.size_bytes == 2_000_000_000
    assert made.size_text == "2.0 GB"
    assert "\n" not in made.reason and "8 GB of RAM" in made.reason and "CPU" in made.reason
    assert not made.on_gpu
    on_gpu = recommend_for_machine(16 * GIB, 12 * GIB, gpu_name="RTX 4070", catalog=CATALOG)
    assert on_gpu is not None and on_gpu.on_gpu
    assert "12 GB of RTX 4070" in on_gpu.reason
    chinese = recommend_for_machine(16 * GIB, 12 * GIB, language="zh", catalog=CATALOG)
    assert chinese is not None and chinese.reason.endswith("writes Chinese")


def test_fits_are_checked_against_the_figures() -> None:
    for ram in (3, 4, 6, 8, 12, 16, 24, 32, 64):
        for gpu in (0, 2, 4, 6, 8, 12, 16, 24):
            made = recommend_for_machine(ram * GIB, gpu * GIB, catalog=CATALOG)
            if made is None:
                continue
            if made.on_gpu:
                assert gpu_bytes_needed(made.entry) <= gpu * GIB
            else:
                assert ram_bytes_needed(made.entry) <= ram * GIB


def test_shipped_catalog_recommends_for_common_machines() -> None:
    catalog = load_catalog()
    ranked = [e for e in catalog if e.recommend]
    assert len({e.recommend for e in ranked}) == len(ranked), "ranks are unique"
    for ram, gpu in ((8, 0), (16, 0), (16, 8), (32, 24), (4, 0)):
        made = choose(Machine(ram * GIB, (Gpu("GPU", gpu * GIB),) if gpu else ()))
        assert made is not None, (ram, gpu)
        assert made.entry.is_chat and made.entry.size_bytes < ram * GIB
    # More memory never gets a smaller model from the shipped catalog.
    sizes = []
    for ram in (4, 8, 16, 32):
        made = choose(Machine(ram * GIB))
        assert made is not None
        sizes.append(made.entry.size_bytes)
    assert sizes == sorted(sizes)
    chinese = choose(Machine(8 * GIB), language="zh")
    assert chinese is not None and "zh" in chinese.entry.languages


def test_this_machine_is_read() -> None:
    ram = total_ram_bytes()
    assert ram is not None and ram > 256 * 1024 * 1024
    machine = detect_machine()
    assert machine.ram_bytes == ram
    import llama_cpp

    if not llama_cpp.llama_supports_gpu_offload():
        assert machine.gpus == ()
    for gpu in machine.gpus:
        assert gpu.memory_bytes > 0 and gpu.name
    # With nothing explicit, the real machine decides (and says its RAM).
    made = recommend_for_machine()
    if made is not None:
        assert "RAM" in made.reason or made.on_gpu


def test_what_a_model_file_writes(tmp_path, default_model_path) -> None:
    from reelwright.models.recommend import EMBEDDED_LANGUAGES, model_languages

    assert model_languages(default_model_path) == EMBEDDED_LANGUAGES == ("en",)
    qwen = next(e for e in load_catalog() if e.id == "qwen2.5-14b-instruct")
    assert "zh" in (model_languages(tmp_path / qwen.filename) or ())
    assert model_languages(tmp_path / "my-own-model.gguf") is None  # unknown: assumed able
    assert model_languages(None) is None
