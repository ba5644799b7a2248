"""One model to recommend for this machine, from the catalog.

The embedded SmolLM2-135M shows what the buttons do; it cannot write a scene a writer
keeps. The first time a writer uses it, the co-writer panel names ONE model that will run
well here, with its download size and a one-line reason. This module decides which:

- with a GPU that this llama.cpp build can offload to, the best recommended model whose
  file, KV cache and compute buffers fit in the GPU's memory;
- on the CPU alone, the best recommended model that fits in the RAM left after the system
  and the app, and is small enough to write a scene in a minute or two (generation on a CPU
  is bound by memory bandwidth: a 5 GB model makes 4-8 tokens/s on a laptop, a 2 GB one
  12-20), so a bigger file is recommended only with 16 GB of RAM or more;
- for a script in another language, only models that write that language.

Which entries may be recommended and in what order is data: ``recommend`` and
``languages`` in ``resources/catalog.json``. Everything here takes the machine as explicit
arguments (tests, or a writer asking "what if"); ``detect_machine`` reads the real one.
Qt-free; llama.cpp is imported only to ask it about GPUs. The reason is kept as
:class:`~reelwright.models.phrases.Phrase` parts (English templates marked in the
``Recommendation`` context, and their fields), so the desktop shows it in the interface's
language (``desktop.model_manager.reason_text``) and the CLI reads ``reason`` in English.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from reelwright.models.catalog import CatalogEntry, load_catalog
from reelwright.models.phrases import QT_TRANSLATE_NOOP, Phrase, Translate, language_name

log = logging.getLogger(__name__)


GB = 1_000_000_000
GIB = 1 << 30

SYSTEM_RESERVE_BYTES = int(2.5 * GB)
"""RAM kept for the operating system, the app and a browser or two beside the model."""
GPU_OVERHEAD_BYTES = int(1.0 * GB)
"""KV cache for an 8k context, compute buffers and the driver's own share of the GPU."""
GPU_WEIGHT_FACTOR = 1.08
"""Weights take a little more room on the GPU than in the file (alignment, output copy)."""
CPU_COMFORT_BYTES = int(2.7 * GB)
"""On the CPU alone, files up to this size write at a comfortable pace (12+ tokens/s)."""
CPU_LARGE_RAM_BYTES = 15 * GB
"""With this much RAM (a 16 GB machine reports a little less), a CPU-only machine is
usually a desktop or a recent laptop with the bandwidth for a 7-8B model."""
CPU_LARGE_BYTES = int(5.2 * GB)


@dataclass(frozen=True, slots=True)
class Gpu:
    """A GPU that llama.cpp can offload to."""

    name: str
    memory_bytes: int
    integrated: bool = False
    """Shares the system RAM (Apple silicon, laptop iGPUs): its memory is the RAM."""


@dataclass(frozen=True, slots=True)
class Machine:
    ram_bytes: int | None
    """Total physical memory; None when it could not be read."""
    gpus: tuple[Gpu, ...] = ()

    @property
    def best_gpu(self) -> Gpu | None:
        return max(self.gpus, key=lambda g: g.memory_bytes, default=None)


def _phrase(template: str, **fields: str) -> Phrase:
    return Phrase("Recommendation", template, **fields)


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The model to recommend, what it costs to get, and why, in one line."""

    entry: CatalogEntry
    download_bytes: int
    why: tuple[Phrase, ...]
    """The reason's parts, joined as they are (each carries its own punctuation)."""
    on_gpu: bool
    machine: Machine

    @property
    def reason(self) -> str:
        """The reason in English: ``The best writer in the catalog that fits in ...``."""
        return self.reason_in()

    def reason_in(self, translate: Translate | None = None) -> str:
        """The reason with each part's template through ``translate``."""
        return "".join(part.text(translate) for part in self.why)

    @property
    def size_text(self) -> str:
        """The download size as a writer reads it: ``2.0 GB``."""
        return format_size(self.download_bytes)


def format_size(size: int) -> str:
    """A download size: ``2.0 GB``, ``398 MB`` (decimal units, as the hub lists them)."""
    return f"{size / GB:.1f} GB" if size >= GB else f"{round(size / 1_000_000)} MB"


def memory_text(size: int) -> str:
    """Installed memory as a writer names it: a 16 GiB machine has ``16 GB``."""
    gib = size / GIB
    return f"{gib:.0f} GB" if gib >= 3.75 else f"{gib:.1f} GB"


# --- the decision ---------------------------------------------------------------------------


def gpu_bytes_needed(entry: CatalogEntry) -> int:
    """GPU memory that ``entry`` needs with every layer offloaded."""
    return int(entry.size_bytes * GPU_WEIGHT_FACTOR) + GPU_OVERHEAD_BYTES


def ram_bytes_needed(entry: CatalogEntry) -> int:
    """Total RAM a machine needs to run ``entry`` on the CPU beside the system and the app."""
    return int(entry.min_ram_gb * GB) + SYSTEM_RESERVE_BYTES


def writes_language(entry: CatalogEntry, language: str | None) -> bool:
    """True when ``entry`` writes ``language`` (an ISO 639-1 code such as ``zh``)."""
    if not language:
        return True
    return language.split("-")[0].casefold() in entry.languages


def candidates(catalog: Sequence[CatalogEntry], language: str | None = None) -> list[CatalogEntry]:
    """Entries that may be recommended, best first: the catalog marks them (``recommend``:
    a rank, 1 the best writer) and they follow instructions (chat)."""
    usable = [e for e in catalog if e.recommend and e.is_chat and writes_language(e, language)]
    return sorted(usable, key=lambda e: e.recommend)


def recommend_for_machine(
    ram_bytes: int | None = None,
    gpu_memory_bytes: int | None = None,
    *,
    gpu_name: str = "the GPU",
    gpu_integrated: bool = False,
    language: str | None = None,
    catalog: Sequence[CatalogEntry] | None = None,
) -> Recommendation | None:
    """The catalog entry to recommend for a machine, or None when nothing in the catalog
    runs better than the embedded model there.

    ``ram_bytes`` None: this machine's total RAM. ``gpu_memory_bytes`` None: this machine's
    largest GPU that llama.cpp can offload to (none on a CPU build); 0: no GPU. ``language``
    is the script's language (``zh``, ``ru``...), None for English or unknown.
    """
    if ram_bytes is None or gpu_memory_bytes is None:
        detected = detect_machine()
        if ram_bytes is None:
            ram_bytes = detected.ram_bytes
        if gpu_memory_bytes is None:
            best = detected.best_gpu
            gpu_memory_bytes = best.memory_bytes if best else 0
            if best is not None:
                gpu_name, gpu_integrated = best.name, best.integrated
    gpus = (Gpu(gpu_name, gpu_memory_bytes, gpu_integrated),) if gpu_memory_bytes else ()
    machine = Machine(ram_bytes, gpus)
    return choose(machine, language=language, catalog=catalog)


def choose(
    machine: Machine,
    *,
    language: str | None = None,
    catalog: Sequence[CatalogEntry] | None = None,
) -> Recommendation | None:
    """The decision itself, for a described machine (see ``recommend_for_machine``)."""
    entries = candidates(load_catalog() if catalog is None else catalog, language)
    ram = machine.ram_bytes
    ram_known = ram is not None
    if ram is None:
        ram = 8 * GIB  # the common laptop; said in the reason
    gpu = machine.best_gpu
    on_gpu: CatalogEntry | None = None
    if gpu is not None:
        memory = gpu.memory_bytes
        if gpu.integrated:
            # Shared memory: the system and the app live in it too.
            memory = min(memory, ram - SYSTEM_RESERVE_BYTES)
        on_gpu = next((e for e in entries if gpu_bytes_needed(e) <= memory), None)
    cap = CPU_LARGE_BYTES if ram >= CPU_LARGE_RAM_BYTES else CPU_COMFORT_BYTES
    on_cpu = next((e for e in entries if ram_bytes_needed(e) <= ram and e.size_bytes <= cap), None)
    # A small GPU that holds only a small model loses to a CPU that runs a better one.
    gpu_wins = on_gpu is not None and (on_cpu is None or on_gpu.recommend <= on_cpu.recommend)
    if gpu is not None and on_gpu is not None and gpu_wins:
        if gpu.integrated:
            template = QT_TRANSLATE_NOOP(
                "Recommendation",
                "The best writer in the catalog that fits in the {memory} {gpu} shares with "
                "the system",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Recommendation",
                "The best writer in the catalog that fits in the {memory} of {gpu}",
            )
        reason = [_phrase(template, memory=memory_text(gpu.memory_bytes), gpu=gpu.name)]
        return _made(on_gpu, reason, True, machine, language)
    if on_cpu is None:
        return None
    if ram_known:
        ram_text = _phrase(
            QT_TRANSLATE_NOOP("Recommendation", "{memory} of RAM"), memory=memory_text(ram)
        )
    else:
        ram_text = _phrase(QT_TRANSLATE_NOOP("Recommendation", "8 GB of RAM (assumed: unknown)"))
    if on_cpu.size_bytes <= CPU_COMFORT_BYTES:
        template = QT_TRANSLATE_NOOP(
            "Recommendation",
            "The best writer in the catalog that runs at a quick pace on the CPU with {ram}",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Recommendation",
            "The best writer in the catalog that runs at a steady pace on the CPU with {ram}",
        )
    reason = [_phrase(template, ram=ram_text)]
    if gpu is not None:
        reason.append(
            _phrase(
                QT_TRANSLATE_NOOP("Recommendation", " ({gpu} has too little memory for it)"),
                gpu=gpu.name,
            )
        )
    return _made(on_cpu, reason, False, machine, language)


def _made(
    entry: CatalogEntry, reason: list[Phrase], on_gpu: bool, machine: Machine, language: str | None
) -> Recommendation:
    if language and language.split("-")[0].casefold() != "en":
        name = language_name(language)
        reason.append(
            _phrase(
                QT_TRANSLATE_NOOP("Recommendation", ", and it writes {language}"), language=name
            )
        )
    return Recommendation(entry, entry.size_bytes, tuple(reason), on_gpu, machine)


# --- what a loaded model writes --------------------------------------------------------------

EMBEDDED_LANGUAGES = ("en",)
"""SmolLM2-135M-Instruct was trained on English text only."""


def model_languages(path: str | os.PathLike[str] | None) -> tuple[str, ...] | None:
    """The languages the model file at ``path`` writes: the embedded model's, a catalog
    entry's (matched by file name), or None for a file the catalog does not know."""
    if path is None:
        return None
    from pathlib import Path

    from reelwright.models.store import default_model_path
    from reelwright.screenplay.errors import ModelError

    name = Path(path).name
    try:
        if Path(path).resolve() == default_model_path().resolve():
            return EMBEDDED_LANGUAGES
    except (ModelError, OSError):
        pass
    for entry in load_catalog():
        if entry.filename == name:
            return entry.languages
    return None


# --- this machine ------------------------------------------------------------------------


def detect_machine() -> Machine:
    """This machine's RAM and the GPUs llama.cpp can offload to (none on a CPU build)."""
    return Machine(total_ram_bytes(), offload_gpus())


def total_ram_bytes() -> int | None:
    """Physical memory in bytes, or None when the system does not say."""
    if sys.platform == "win32":
        return _windows_ram()
    try:
        pages = os.sysconf("SC_PHYS_PAGES")
        size = os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
    return pages * size if pages > 0 and size > 0 else None


def _windows_ram() -> int | None:
    class MemoryStatus(ctypes.Structure):
        _fields_ = [
            ("dwLength", ctypes.c_ulong),
            ("dwMemoryLoad", ctypes.c_ulong),
            ("ullTotalPhys", ctypes.c_ulonglong),
            ("ullAvailPhys", ctypes.c_ulonglong),
            ("ullTotalPageFile", ctypes.c_ulonglong),
            ("ullAvailPageFile", ctypes.c_ulonglong),
            ("ullTotalVirtual", ctypes.c_ulonglong),
            ("ullAvailVirtual", ctypes.c_ulonglong),
            ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
        ]

    status = MemoryStatus()
    status.dwLength = ctypes.sizeof(MemoryStatus)
    try:
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined,unused-ignore]
            return int(status.ullTotalPhys)
    except (AttributeError, OSError):
        pass
    return None


# ggml's device types: CPU 0 and GPU 1 in every version; 2 is IGPU in builds from late
# 2025 (ACCEL before), told apart by the registry's name (accelerators are BLAS, AMX...).
_DEVICE_CPU = 0
_DEVICE_GPU = 1
_NOT_GPU_REGISTRIES = ("CPU", "BLAS", "RPC", "AMX")


def offload_gpus() -> tuple[Gpu, ...]:
    """The GPUs this llama.cpp build can offload to, with their total memory."""
    try:
        import llama_cpp
        from llama_cpp import _ggml

        if not llama_cpp.llama_supports_gpu_offload():
            return ()
        lib = _ggml.libggml
        lib.ggml_backend_dev_count.restype = ctypes.c_size_t
        lib.ggml_backend_dev_get.restype = ctypes.c_void_p
        lib.ggml_backend_dev_get.argtypes = [ctypes.c_size_t]
        lib.ggml_backend_dev_type.restype = ctypes.c_int
        lib.ggml_backend_dev_type.argtypes = [ctypes.c_void_p]
        lib.ggml_backend_dev_description.restype = ctypes.c_char_p
        lib.ggml_backend_dev_description.argtypes = [ctypes.c_void_p]
        lib.ggml_backend_dev_backend_reg.restype = ctypes.c_void_p
        lib.ggml_backend_dev_backend_reg.argtypes = [ctypes.c_void_p]
        lib.ggml_backend_reg_name.restype = ctypes.c_char_p
        lib.ggml_backend_reg_name.argtypes = [ctypes.c_void_p]
        lib.ggml_backend_dev_memory.restype = None
        lib.ggml_backend_dev_memory.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_size_t),
            ctypes.POINTER(ctypes.c_size_t),
        ]
        found: list[Gpu] = []
        for index in range(lib.ggml_backend_dev_count()):
            device = lib.ggml_backend_dev_get(index)
            kind = lib.ggml_backend_dev_type(device)
            registry = lib.ggml_backend_reg_name(lib.ggml_backend_dev_backend_reg(device))
            backend = (registry or b"").decode("utf-8", "replace")
            if kind == _DEVICE_CPU or backend.upper() in _NOT_GPU_REGISTRIES:
                continue
            free, total = ctypes.c_size_t(0), ctypes.c_size_t(0)
            lib.ggml_backend_dev_memory(device, ctypes.byref(free), ctypes.byref(total))
            if not total.value:
                continue
            name = (lib.ggml_backend_dev_description(device) or b"").decode("utf-8", "replace")
            integrated = kind != _DEVICE_GPU or backend == "Metal"
            found.append(Gpu(name.strip() or backend, int(total.value), integrated))
        return tuple(found)
    except (ImportError, OSError, AttributeError) as error:
        log.info("could not ask llama.cpp about GPUs: %s", error)
        return ()


__all__ = [
    "Gpu",
    "Machine",
    "Recommendation",
    "choose",
    "detect_machine",
    "format_size",
    "memory_text",
    "model_languages",
    "offload_gpus",
    "recommend_for_machine",
    "total_ram_bytes",
]
