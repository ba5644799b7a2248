"""Facts about a GGUF file, read from its header before llama.cpp ever sees it.

Why our own header walk instead of ``gguf.GGUFReader``: the reader maps every tensor and
every vocabulary string into numpy objects, which takes more than a second for a 100 MB
model; the facts we need (keys, tensor shapes and offsets) come from a single pass over the
header in milliseconds. The ``gguf`` package still supplies the constants (value types,
quantization block sizes, file type names), so new quantization types arrive with it.

Why check at all: llama.cpp aborts the whole process on some malformed files, and its
error for a truncated download or an HTML page saved as ``.gguf`` is a line in a log. Here
each problem becomes one sentence in a ``ModelError``.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import math
import mmap
import os
import struct
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reelwright.screenplay.errors import ModelError

GGUF_MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
DEFAULT_ALIGNMENT = 32

# GGUF value types (gguf.GGUFValueType); fixed by the file format, so spelled out here.
_SCALAR_FORMATS: dict[int, str] = {
    0: "B",  # uint8
    1: "b",  # int8
    2: "H",  # uint16
    3: "h",  # int16
    4: "I",  # uint32
    5: "i",  # int32
    6: "f",  # float32
    7: "?",  # bool
    10: "Q",  # uint64
    11: "q",  # int64
    12: "d",  # float64
}
_STRING = 8
_ARRAY = 9
_ARRAY_SAMPLE = 64
"""Elements kept of a non-string array (per-layer head counts); longer arrays keep a length."""

# Fallback when the llama.cpp library cannot be read: architectures of llama.cpp as of
# llama-cpp-python 0.3.x that Reelwright's catalog relies on.
_FALLBACK_ARCHITECTURES = frozenset(
    {
        "llama",
        "gptneox",
        "gpt2",
        "gptj",
        "falcon",
        "mpt",
        "starcoder",
        "starcoder2",
        "stablelm",
        "qwen",
        "qwen2",
        "qwen3",
        "phi2",
        "phi3",
        "gemma",
        "gemma2",
        "gemma3",
        "mistral3",
        "olmo",
        "olmo2",
        "granite",
        "smollm3",
        "bloom",
        "refact",
        "deepseek2",
    }
)


@dataclass(frozen=True, slots=True)
class GGUFInfo:
    """What a GGUF file says about its model; enough to choose settings before loading."""

    path: Path
    file_size: int
    architecture: str
    name: str
    parameter_count: int
    quantization: str
    """llama.cpp's file type name: ``Q8_0``, ``Q4_K_M``, ``F16``..."""
    context_length: int | None
    chat_template: str | None
    """None for base models such as GPT-NeoX: prompts for them are completion style."""
    block_count: int
    embedding_length: int
    head_count: int
    head_count_kv: int
    vocab_size: int
    gguf_version: int = 3
    tensor_bytes: int = 0
    """Bytes of tensor data (the weights as stored)."""
    key_length: int = 0
    value_length: int = 0
    feed_forward_length: int = 0

    def memory_estimate(self, n_ctx: int, n_batch: int = 512) -> int:
        """Bytes needed to run at context ``n_ctx``: weights + f16 KV cache + compute buffer.

        An estimate for choosing a context size, not a promise: the compute buffer follows
        llama.cpp's CPU graph without flash attention (attention scores for one micro-batch
        over the whole context, the feed-forward activations and the output logits).
        """
        n_ctx = max(1, int(n_ctx))
        n_ubatch = max(1, min(n_batch, n_ctx))
        kv_per_token = self.block_count * self.head_count_kv * (self.key_length + self.value_length)
        kv_cache = kv_per_token * n_ctx * 2  # f16
        compute = (
            4
            * n_ubatch
            * (
                n_ctx * self.head_count
                + 6 * self.embedding_length
                + 2 * self.feed_forward_length
                + self.vocab_size
            )
        )
        return self.tensor_bytes + kv_cache + compute

    # The command line's `models info` looks for this name.
    estimate_memory = memory_estimate

    def to_json(self) -> str:
        data: dict[str, Any] = asdict(self)
        data["path"] = str(self.path)
        return json.dumps(data, ensure_ascii=False)


class _TruncatedError(Exception):
    """The header runs past the end of the file."""


class _Cursor:
    """Reads little- or big-endian GGUF values from a memory map, bounds-checked."""

    def __init__(self, data: mmap.mmap | bytes, order: str) -> None:
        self.data = data
        self.order = order
        self.offset = 0
        self.size = len(data)

    def unpack(self, fmt: str) -> Any:
        full = self.order + fmt
        width = struct.calcsize(full)
        if self.offset + width > self.size:
            raise _TruncatedError
        (value,) = struct.unpack_from(full, self.data, self.offset)
        self.offset += width
        return value

    def string(self) -> str:
        length = self.unpack("Q")
        end = self.offset + length
        if end > self.size:
            raise _TruncatedError
        raw = self.data[self.offset : end]
        self.offset = end
        return bytes(raw).decode("utf-8", errors="replace")

    def skip_strings(self, count: int) -> None:
        """Walk past ``count`` strings without decoding them (vocabularies, merges)."""
        data, offset, size = self.data, self.offset, self.size
        length_format = self.order + "Q"
        for _ in range(count):
            if offset + 8 > size:
                raise _TruncatedError
            (length,) = struct.unpack_from(length_format, data, offset)
            offset += 8 + length
        if offset > size:
            raise _TruncatedError
        self.offset = offset

    def value(self, kind: int) -> Any:
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            item_kind = self.unpack("I")
            count = self.unpack("Q")
            if item_kind == _STRING:
                self.skip_strings(count)
                return _ArrayOf(count)
            fmt = _SCALAR_FORMATS.get(item_kind)
            if fmt is None:
                raise ValueError(f"unknown array element type {item_kind}")
            width = struct.calcsize(fmt)
            keep = min(count, _ARRAY_SAMPLE)
            values = [self.unpack(fmt) for _ in range(keep)]
            self.offset += (count - keep) * width
            if self.offset > self.size:
                raise _TruncatedError
            return values if count <= _ARRAY_SAMPLE else _ArrayOf(count)
        fmt = _SCALAR_FORMATS.get(kind)
        if fmt is None:
            raise ValueError(f"unknown value type {kind}")
        return self.unpack(fmt)


@dataclass(frozen=True, slots=True)
class _ArrayOf:
    """A long array whose elements we skipped; only its length matters."""

    length: int


@dataclass(frozen=True, slots=True)
class _Tensor:
    name: str
    shape: tuple[int, ...]
    kind: int
    offset: int


def check_model_file(path: str | os.PathLike[str]) -> None:
    """Raise ``ModelError`` unless ``path`` is an existing regular file: a folder, a named
    pipe (whose read would block) or a device (``/dev/zero`` never ends) is refused."""
    file = Path(path)
    try:
        _refuse_special(file, os.stat(file).st_mode)
    except FileNotFoundError:
        raise ModelError(f"no such file: {file}") from None
    except OSError as error:
        raise ModelError(f"could not read {file}: {error.strerror or error}") from error


def _refuse_special(file: Path, mode: int) -> None:
    from reelwright.screenplay.fileio import special_kind

    kind = special_kind(mode)
    if kind:
        raise ModelError(f"{file} is {kind}, not a GGUF model file")


def inspect_gguf(path: str | os.PathLike[str]) -> GGUFInfo:
    """Read and check the header of the GGUF at ``path``; raise ``ModelError`` if unusable."""
    file = Path(path).expanduser()
    label = file.name or str(file)
    check_model_file(file)
    try:
        # Non-blocking: a file swapped for a pipe since the check must not hang the open.
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            status = os.fstat(handle.fileno())
            _refuse_special(file, status.st_mode)
            size = status.st_size
            if size == 0:
                raise ModelError(f"{label} is empty (0 bytes), not a GGUF model file")
            head = handle.read(8)
            if len(head) < 4 or head[:4] != GGUF_MAGIC:
                raise ModelError(f"{label} is not a GGUF model file")
            if len(head) < 8:
                raise ModelError(f"{label} is truncated ({size} bytes, not even a header)")
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
                return _read(file, label, data, size)
    except OSError as error:
        raise ModelError(f"could not read {file}: {error.strerror or error}") from error


def _read(file: Path, label: str, data: mmap.mmap, size: int) -> GGUFInfo:
    import gguf

    (version,) = struct.unpack_from("<I", data, 4)
    order = "<"
    if version & 0xFFFF == 0 and version != 0:  # written on a big-endian machine
        order = ">"
        (version,) = struct.unpack_from(">I", data, 4)
    if version not in SUPPORTED_VERSIONS:
        raise ModelError(
            f"{label} is GGUF version {version}, which this version of llama.cpp cannot read"
        )
    cursor = _Cursor(data, order)
    cursor.offset = 8
    try:
        tensor_count = cursor.unpack("Q")
        kv_count = cursor.unpack("Q")
        if tensor_count > size or kv_count > size:
            raise ModelError(f"{label} has a damaged GGUF header (impossible counts)")
        fields: dict[str, Any] = {}
        for _ in range(kv_count):
            key = cursor.string()
            kind = cursor.unpack("I")
            fields[key] = cursor.value(kind)
        tensors: list[_Tensor] = []
        for _ in range(tensor_count):
            name = cursor.string()
            n_dims = cursor.unpack("I")
            if n_dims > 8:
                raise ModelError(f"{label} has a damaged GGUF header (tensor {name!r})")
            shape = tuple(cursor.unpack("Q") for _ in range(n_dims))
            kind = cursor.unpack("I")
            offset = cursor.unpack("Q")
            tensors.append(_Tensor(name, shape, kind, offset))
    except _TruncatedError:
        raise ModelError(
            f"{label} is truncated ({size} bytes: its header stops before it ends)"
        ) from None
    except ValueError as error:
        raise ModelError(f"{label} has a damaged GGUF header ({error})") from None

    alignment = fields.get("general.alignment", DEFAULT_ALIGNMENT)
    if not isinstance(alignment, int) or alignment <= 0:
        alignment = DEFAULT_ALIGNMENT
    data_start = -(-cursor.offset // alignment) * alignment

    parameter_count = 0
    tensor_bytes = 0
    expected_end = data_start
    bytes_by_type: dict[int, int] = {}
    for tensor in tensors:
        try:
            sizes = gguf.GGML_QUANT_SIZES.get(gguf.GGMLQuantizationType(tensor.kind))
        except ValueError:
            sizes = None
        if sizes is None:
            raise ModelError(
                f"{label} stores tensor {tensor.name!r} as type {tensor.kind}, "
                "which this version cannot read"
            )
        block_size, type_size = sizes
        elements = math.prod(tensor.shape) if tensor.shape else 1
        nbytes = elements // block_size * type_size
        parameter_count += elements
        tensor_bytes += nbytes
        if len(tensor.shape) >= 2:
            bytes_by_type[tensor.kind] = bytes_by_type.get(tensor.kind, 0) + nbytes
        expected_end = max(expected_end, data_start + tensor.offset + nbytes)
    if expected_end > size:
        raise ModelError(f"{label} is truncated ({size} of {expected_end} bytes)")

    architecture = fields.get("general.architecture")
    if not isinstance(architecture, str) or not architecture:
        raise ModelError(f"{label} does not say which model architecture it holds")
    if not architecture_supported(architecture):
        raise ModelError(
            f"{label} uses architecture '{architecture}', "
            "which this version of llama.cpp cannot run"
        )

    def arch_int(key: str, default: int | None = None) -> int | None:
        value = fields.get(f"{architecture}.{key}", default)
        if isinstance(value, list):  # per-layer values (OpenELM): the largest matters
            value = max((v for v in value if isinstance(v, int)), default=default)
        return value if isinstance(value, int) else default

    block_count = arch_int("block_count")
    embedding_length = arch_int("embedding_length")
    missing = [
        key
        for key, value in (
            (f"{architecture}.block_count", block_count),
            (f"{architecture}.embedding_length", embedding_length),
            ("tokenizer.ggml.model", fields.get("tokenizer.ggml.model")),
        )
        if value is None
    ]
    if missing:
        raise ModelError(f"{label} lacks the key {missing[0]} that llama.cpp needs to load it")
    assert block_count is not None and embedding_length is not None
    head_count = arch_int("attention.head_count", 0) or 0
    head_count_kv = arch_int("attention.head_count_kv", head_count) or head_count
    head_size = embedding_length // head_count if head_count else 0
    tokens = fields.get("tokenizer.ggml.tokens")
    token_count = tokens.length if isinstance(tokens, _ArrayOf) else len(tokens or ())
    vocab_size = arch_int("vocab_size", token_count) or token_count

    template = fields.get("tokenizer.chat_template")
    name = fields.get("general.name") or fields.get("general.basename") or file.stem
    return GGUFInfo(
        path=file,
        file_size=size,
        architecture=architecture,
        name=str(name),
        parameter_count=parameter_count,
        quantization=_quantization(fields.get("general.file_type"), bytes_by_type),
        context_length=arch_int("context_length"),
        chat_template=template if isinstance(template, str) and template.strip() else None,
        block_count=block_count,
        embedding_length=embedding_length,
        head_count=head_count,
        head_count_kv=head_count_kv,
        vocab_size=vocab_size,
        gguf_version=version,
        tensor_bytes=tensor_bytes,
        key_length=arch_int("attention.key_length", head_size) or head_size,
        value_length=arch_int("attention.value_length", head_size) or head_size,
        feed_forward_length=arch_int("feed_forward_length", 4 * embedding_length) or 0,
    )


def _quantization(file_type: Any, bytes_by_type: dict[int, int]) -> str:
    """llama.cpp's name for the file type, or the type holding most of the weights."""
    import gguf

    if isinstance(file_type, int):
        try:
            name = gguf.LlamaFileType(file_type).name
        except ValueError:
            name = ""
        for prefix in ("MOSTLY_", "ALL_"):
            name = name.removeprefix(prefix)
        if name and name != "GUESSED":
            return name
    if bytes_by_type:
        kind = max(bytes_by_type, key=lambda k: bytes_by_type[k])
        return gguf.GGMLQuantizationType(kind).name
    return "unknown"


# -- which architectures this llama.cpp build runs ---------------------------------------


@functools.cache
def _llama_library_bytes() -> bytes | None:
    """The llama.cpp shared library of the installed llama-cpp-python, read once.

    llama.cpp keeps its architecture names as C strings (``{ LLM_ARCH_GPTNEOX, "gptneox" }``)
    and exposes no function to list them, so the library itself is the authority on what
    this build can run. Found without importing llama_cpp (which loads the library).
    """
    try:
        spec = importlib.util.find_spec("llama_cpp")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    names = {"win32": ("llama.dll",), "darwin": ("libllama.dylib",)}.get(
        sys.platform, ("libllama.so",)
    )
    for folder in spec.submodule_search_locations:
        for sub in ("lib", "bin", ""):
            for name in names:
                candidate = Path(folder) / sub / name
                if candidate.is_file():
                    try:
                        return candidate.read_bytes()
                    except OSError:
                        return None
    return None


def architecture_supported(architecture: str) -> bool:
    """Whether this llama.cpp build names ``architecture`` among the ones it loads."""
    library = _llama_library_bytes()
    if library is None:
        return architecture in _FALLBACK_ARCHITECTURES or architecture in _gguf_architectures()
    # Names are NUL-terminated; the linker may share the tail of a longer string ("bert"
    # inside "nomic-bert"), so only the end is anchored. Unknown names are not found.
    return architecture.encode("utf-8") + b"\0" in library


def known_architectures() -> list[str]:
    """Architectures (as named by the ``gguf`` package) that this llama.cpp build can run."""
    candidates = _gguf_architectures() | _FALLBACK_ARCHITECTURES
    return sorted(name for name in candidates if architecture_supported(name))


@functools.cache
def _gguf_architectures() -> frozenset[str]:
    import gguf

    return frozenset(gguf.MODEL_ARCH_NAMES.values())
