"""The llama.cpp engine on a tiny GPT-NeoX written by the tests and on the embedded model."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from model_fixtures import write_tiny_gptneox

from reelwright.models import probe
from reelwright.models.llama_engine import LlamaEngine, StopFilter, load_engine
from reelwright.models.types import (
    CancelToken,
    Chunk,
    EngineSettings,
    Finished,
    GenerationRequest,
    SamplerSettings,
)
from reelwright.screenplay.errors import ModelError

GREEDY = SamplerSettings(temperature=0.0, max_tokens=40, repeat_penalty=1.0)
LOWERCASE = 'root ::= [a-z ]+ "."'


def _load(
    path: Path, tmp_path_factory: pytest.TempPathFactory, settings: EngineSettings
) -> LlamaEngine:
    """Load with the probe, its cache in a temporary home (module fixtures run before the
    per-test home of conftest is set)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REELWRIGHT_HOME", str(tmp_path_factory.mktemp("engine-home")))
        return load_engine(path, settings)


@pytest.fixture(scope="module")
def tiny(
    tiny_gptneox_gguf: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LlamaEngine]:
    engine = _load(tiny_gptneox_gguf, tmp_path_factory, EngineSettings(n_ctx=512, n_threads=1))
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def smol(
    default_model_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LlamaEngine]:
    engine = _load(default_model_path, tmp_path_factory, EngineSettings(n_ctx=2048, n_threads=1))
    yield engine
    engine.close()


def run(engine: LlamaEngine, request: GenerationRequest, cancel: CancelToken | None = None):
    """All text per alternative and the Finished items, checking the stream's shape."""
    texts: dict[int, str] = {}
    finished: dict[int, Finished] = {}
    for item in engine.generate(request, cancel):
        if isinstance(item, Chunk):
            assert item.index not in finished, "a chunk came after its Finished"
            assert item.text
            texts[item.index] = texts.get(item.index, "") + item.text
        else:
            assert item.index not in finished, "two Finished for one alternative"
            finished[item.index] = item
    assert sorted(finished) == list(range(max(1, request.n)))
    return texts, finished


# -- the tiny GPT-NeoX --------------------------------------------------------------------


def test_tiny_model_loads_and_reports_facts(tiny: LlamaEngine) -> None:
    facts = tiny.facts
    assert facts.architecture == "gptneox"
    assert facts.name == "Tiny GPT-NeoX (test)"
    assert facts.n_ctx == 512
    assert facts.chat_template is None
    assert facts.backend == "CPU"
    assert facts.n_gpu_layers == 0


def test_tiny_model_streams_until_max_tokens(tiny: LlamaEngine) -> None:
    request = GenerationRequest(prompt="INT. HOUSE - DAY\n\n", sampler=GREEDY)
    chunks = [item for item in tiny.generate(request) if isinstance(item, Chunk)]
    texts, finished = run(tiny, request)
    assert len(chunks) > 5
    assert finished[0].reason == "length"
    assert finished[0].completion_tokens == GREEDY.max_tokens
    assert finished[0].prompt_tokens == tiny.count_tokens("INT. HOUSE - DAY\n\n")
    assert texts[0] == "".join(chunk.text for chunk in chunks)  # greedy: same both times


def test_stop_string_ends_the_text_before_it(tiny: LlamaEngine) -> None:
    base = GenerationRequest(prompt="EXT. ROAD", sampler=GREEDY, grammar=LOWERCASE)
    full = run(tiny, base)[0][0]
    assert len(full) > 12, full
    stop = full[8:11]
    expected = full[: full.index(stop)]
    texts, finished = run(tiny, GenerationRequest(**{**_fields(base), "stop": ("zzzz", stop)}))
    assert texts.get(0, "") == expected
    assert finished[0].reason == "stop"


def _fields(request: GenerationRequest) -> dict[str, object]:
    return {name: getattr(request, name) for name in request.__dataclass_fields__}


def test_grammar_is_obeyed(tiny: LlamaEngine) -> None:
    request = GenerationRequest(
        prompt="Scene heading:",
        grammar='root ::= "INT. " [A-Z]+',
        sampler=SamplerSettings(temperature=1.0, max_tokens=20, seed=7),
    )
    texts, finished = run(tiny, request)
    assert re.fullmatch(r"INT\. [A-Z]+", texts[0]), texts[0]
    assert finished[0].reason in ("stop", "length")


def test_bad_grammar_is_an_error_value(tiny: LlamaEngine) -> None:
    request = GenerationRequest(prompt="x", grammar="root ::= [unclosed", sampler=GREEDY)
    texts, finished = run(tiny, request)
    assert not texts
    assert finished[0].reason == "error"
    assert finished[0].error and finished[0].error.startswith("the grammar is not valid GBNF")
    # ...and the engine still works
    assert run(tiny, GenerationRequest(prompt="x", sampler=GREEDY))[1][0].reason in (
        "length",
        "stop",
    )


def test_alternatives_share_the_prompt_and_differ(tiny: LlamaEngine) -> None:
    sampler = SamplerSettings(temperature=1.5, top_k=0, top_p=1.0, min_p=0.0, seed=3)
    request = GenerationRequest(prompt="FADE IN:", sampler=sampler, n=3, grammar=LOWERCASE)
    texts, finished = run(tiny, request)
    assert len({texts.get(i, "") for i in range(3)}) > 1
    assert all(finished[i].prompt_tokens == finished[0].prompt_tokens for i in range(3))
    # the second and third alternative evaluated only the last prompt token again
    assert tiny.last_prompt_evaluated == 1


def test_same_seed_same_text(tiny: LlamaEngine) -> None:
    sampler = SamplerSettings(temperature=1.0, seed=11, max_tokens=30)
    request = GenerationRequest(prompt="CUT TO:", sampler=sampler, grammar=LOWERCASE)
    assert run(tiny, request)[0] == run(tiny, request)[0]


def test_prompt_prefix_is_reused(tiny: LlamaEngine) -> None:
    prefix = "INT. KITCHEN - NIGHT\n\nMara pours tea. " * 8
    run(tiny, GenerationRequest(prompt=prefix + "She waits.", sampler=GREEDY))
    run(tiny, GenerationRequest(prompt=prefix + "He leaves.", sampler=GREEDY))
    assert tiny.last_prompt_reused >= tiny.count_tokens(prefix) - 1
    assert tiny.last_prompt_evaluated <= tiny.count_tokens("He leaves.") + 1


def test_prompt_longer_than_context_is_trimmed_not_fatal(tiny: LlamaEngine) -> None:
    long_prompt = "THE END. " * 400  # far more than 512 tokens
    _texts, finished = run(tiny, GenerationRequest(prompt=long_prompt, sampler=GREEDY))
    assert finished[0].reason == "length"
    assert finished[0].prompt_tokens + finished[0].completion_tokens <= 512


def test_count_tokens_uses_the_models_vocabulary(tiny: LlamaEngine) -> None:
    assert tiny.count_tokens("") == 0
    assert tiny.count_tokens("INT") == 1  # merged: I N -> IN, IN T -> INT
    assert tiny.count_tokens("xyz") == 3  # bytes
    assert tiny.count_tokens("<|endoftext|>") == 1  # special tokens are parsed


def test_base_model_has_no_chat_template(tiny: LlamaEngine) -> None:
    with pytest.raises(ModelError, match="has no chat template"):
        tiny.render_chat([{"role": "user", "content": "hi"}])
    request = GenerationRequest(messages=({"role": "user", "content": "hi"},), sampler=GREEDY)
    finished = run(tiny, request)[1]
    assert finished[0].reason == "error"
    assert finished[0].error and "chat template" in finished[0].error


def test_generate_inside_generate_is_refused(tiny: LlamaEngine) -> None:
    request = GenerationRequest(prompt="x", sampler=GREEDY)
    outer = tiny.generate(request)
    next(outer)
    inner = list(tiny.generate(request))
    assert inner == [Finished(0, "error", error="this model is already generating in this thread")]
    outer.close()
    assert run(tiny, request)[1][0].reason in ("length", "stop")


def test_cancel_before_start(tiny: LlamaEngine) -> None:
    cancel = CancelToken()
    cancel.cancel()
    texts, finished = run(tiny, GenerationRequest(prompt="x", n=2, sampler=GREEDY), cancel)
    assert not texts
    assert [finished[i].reason for i in range(2)] == ["cancelled", "cancelled"]


def test_stop_filter_holds_back_possible_starts() -> None:
    stops = StopFilter(["\n\nINT.", "THE END"])
    shown = [stops.feed(piece) for piece in ["He runs", ".\n", "\nIN", "side"]]
    assert shown == ["He runs", ".", "", "\n\nINside"]
    assert not stops.stopped
    stops = StopFilter(["\n\nINT."])
    shown = [stops.feed(piece) for piece in ["Door.", "\n\n", "INT", ". HALL"]]
    assert "".join(shown) == "Door."
    assert stops.stopped
    assert stops.flush() == ""
    plain = StopFilter([])
    assert plain.feed("abc") == "abc"


# -- refusals -------------------------------------------------------------------------------


def test_truncated_file_is_refused_before_llama_cpp(
    tiny_gptneox_gguf: Path, tmp_path: Path
) -> None:
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(tiny_gptneox_gguf.read_bytes()[:50_000])
    with pytest.raises(ModelError, match=r"cut\.gguf is truncated"):
        load_engine(cut)


def test_empty_and_foreign_files_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.gguf"
    empty.write_bytes(b"")
    with pytest.raises(ModelError, match="is empty"):
        load_engine(empty)
    page = tmp_path / "page.gguf"
    page.write_text("<html>rate limited</html>")
    with pytest.raises(ModelError, match="is not a GGUF model file"):
        load_engine(page)


def test_unknown_architecture_is_refused(tmp_path: Path) -> None:
    odd = write_tiny_gptneox(tmp_path / "odd.gguf", architecture="reelwrightformer")
    with pytest.raises(ModelError, match="architecture 'reelwrightformer'"):
        load_engine(odd)


@pytest.mark.slow
def test_llama_cpp_refusal_becomes_one_sentence(tmp_path: Path) -> None:
    """A header that passes our checks but lacks a tensor: llama.cpp's error, in the probe."""
    import gguf

    source = write_tiny_gptneox(tmp_path / "whole.gguf")
    reader = gguf.GGUFReader(source)
    broken = tmp_path / "broken.gguf"
    writer = gguf.GGUFWriter(str(broken), "gptneox")
    for field in reader.fields.values():
        if field.name.startswith(("GGUF.", "general.architecture")):
            continue
        value = field.contents()
        kind = field.types[0]
        sub = field.types[-1] if kind == gguf.GGUFValueType.ARRAY else None
        writer.add_key_value(field.name, value, kind, sub_type=sub)
    for tensor in reader.tensors:
        if tensor.name != "output_norm.bias":
            writer.add_tensor(tensor.name, tensor.data)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    with pytest.raises(ModelError, match=r"output_norm\.bias") as caught:
        load_engine(broken)
    assert "\n" not in str(caught.value)
    assert probe.known_verdict(broken) is None


@pytest.mark.slow
def test_probe_remembers_files_that_loaded(tiny_gptneox_gguf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.gguf"
    copy.write_bytes(tiny_gptneox_gguf.read_bytes())
    assert probe.known_verdict(copy) is None
    engine = load_engine(copy, EngineSettings(n_ctx=128, n_threads=1))
    engine.close()
    cache = Path(__import__("os").environ["REELWRIGHT_HOME"]) / probe.CACHE_NAME
    assert str(copy.resolve()) in cache.read_text(encoding="utf-8")
    assert probe.known_verdict(copy) is not None


# -- the embedded default model -------------------------------------------------------------


@pytest.mark.slow
def test_default_model_chats_with_its_template(smol: LlamaEngine) -> None:
    messages = ({"role": "user", "content": "Name one famous film director."},)
    prompt = smol.render_chat(messages)
    assert prompt.startswith("<|im_start|>system")
    assert prompt.endswith("<|im_start|>assistant\n")
    request = GenerationRequest(
        messages=messages, sampler=SamplerSettings(temperature=0.0, max_tokens=24)
    )
    texts, finished = run(smol, request)
    assert finished[0].reason in ("stop", "length")
    assert re.search(r"[A-Za-z]{3}", texts[0]), texts
    assert "<|im_end|>" not in texts[0]


@pytest.mark.slow
def test_default_model_matches_plain_llama_cpp(smol: LlamaEngine, default_model_path: Path) -> None:
    """Same sampler chain as llama-cpp-python: greedy text is identical."""
    from llama_cpp import Llama

    from reelwright.models.llama_engine import _model_params

    prompt = "INT. DINER - NIGHT\n\nA waitress pours coffee for"
    ours = run(
        smol,
        GenerationRequest(prompt=prompt, sampler=SamplerSettings(temperature=0.0, max_tokens=32)),
    )[0][0]
    with _model_params(smol.extra_buffer_types):
        plain = Llama(str(default_model_path), n_ctx=512, n_threads=1, verbose=False)
    reference = plain.create_completion(
        prompt, max_tokens=32, temperature=0.0, repeat_penalty=1.1, top_k=40, top_p=0.95
    )
    plain.close()
    assert ours == reference["choices"][0]["text"]


@pytest.mark.slow
def test_cancel_from_another_thread_during_a_long_prompt(smol: LlamaEngine) -> None:
    prompt = "INT. WAREHOUSE - NIGHT\n\nRain drums on the roof. " * 60  # ~900 tokens
    cancel = CancelToken()
    fired: list[float] = []

    def fire() -> None:
        fired.append(time.perf_counter())
        cancel.cancel()

    timer = threading.Timer(0.3, fire)
    timer.start()
    request = GenerationRequest(prompt=prompt, sampler=SamplerSettings(max_tokens=400))
    texts, finished = run(smol, request, cancel)
    ended = time.perf_counter()
    timer.join()
    assert finished[0].reason == "cancelled"
    assert finished[0].completion_tokens == 0  # it was still reading the prompt
    assert not texts
    print(f"cancel during the prompt: ended {ended - fired[0]:.3f} s later")
    again = run(smol, GenerationRequest(prompt="FADE IN:", sampler=GREEDY))
    assert again[1][0].reason in ("length", "stop")


@pytest.mark.slow
def test_cancel_from_another_thread_while_writing(smol: LlamaEngine) -> None:
    cancel = CancelToken()
    request = GenerationRequest(prompt="Once upon a time", sampler=SamplerSettings(max_tokens=500))
    seen = 0
    cancelled_at = 0.0
    finished: Finished | None = None
    for item in smol.generate(request, cancel):
        if isinstance(item, Chunk):
            seen += 1
            if seen == 3:
                cancelled_at = time.perf_counter()
                threading.Thread(target=cancel.cancel).start()
        else:
            finished = item
    assert finished is not None and finished.reason == "cancelled"
    assert finished.completion_tokens < 500
    print(f"cancel while writing: ended {time.perf_counter() - cancelled_at:.3f} s later")
    assert run(smol, GenerationRequest(prompt="FADE IN:", sampler=GREEDY))[1][0].completion_tokens


@pytest.mark.slow
def test_shared_prefix_starts_faster(smol: LlamaEngine, corpus_dir: Path) -> None:
    script = (corpus_dir / "Big-Fish.fountain").read_text(encoding="utf-8")[:2500]
    sampler = SamplerSettings(temperature=0.0, max_tokens=4)
    first = run(smol, GenerationRequest(prompt=script + "\n\nEDWARD\n", sampler=sampler))[1][0]
    second = run(smol, GenerationRequest(prompt=script + "\n\nSANDRA\n", sampler=sampler))[1][0]
    assert smol.last_prompt_evaluated < 10
    print(
        f"first token: {first.first_token_seconds:.3f} s, then with the shared prefix "
        f"{second.first_token_seconds:.3f} s ({first.prompt_tokens} prompt tokens)"
    )


def test_two_threads_take_turns(tiny: LlamaEngine) -> None:
    """One Llama used from two threads at once fails in llama.cpp; the engine serializes."""
    request = GenerationRequest(prompt="INT. HOUSE", sampler=GREEDY, grammar=LOWERCASE)
    expected = run(tiny, request)[0]
    results: list[dict[int, str]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            results.append(run(tiny, request)[0])
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert results == [expected] * 3


def test_llama_cpp_log_goes_to_logging_not_the_terminal(
    tiny_gptneox_gguf: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    from reelwright.models import llama_log

    caplog.set_level(logging.DEBUG, logger=llama_log.LOGGER_NAME)
    engine = load_engine(tiny_gptneox_gguf, EngineSettings(n_ctx=128, n_threads=1))
    engine.close()
    out, err = capfd.readouterr()
    assert out == ""
    assert err == ""
    lines = [r.getMessage() for r in caplog.records if r.name == llama_log.LOGGER_NAME]
    assert any("gptneox" in line for line in lines)
    assert llama_log.recent_lines()


@pytest.mark.slow
def test_frozen_builds_probe_through_multiprocessing(
    tiny_gptneox_gguf: Path, tmp_path: Path
) -> None:
    """A PyInstaller build has no ``python -m``; there the probe spawns a process."""
    argv = [str(tiny_gptneox_gguf), "--extra-buffer-types", "0", "--n-gpu-layers", "0"]
    done = probe._spawn(argv, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"ok": true' in done.stdout
    assert "gptneox" in done.stderr  # llama.cpp's log, captured from the child
    odd = write_tiny_gptneox(tmp_path / "odd.gguf", architecture="reelwrightformer")
    failed = probe._spawn([str(odd), "--extra-buffer-types", "0"], timeout=120)
    assert failed.returncode == 1
    assert "architecture 'reelwrightformer'" in failed.stdout


def test_characters_split_across_tokens_arrive_whole(tiny: LlamaEngine) -> None:
    """Byte-level tokens carry one byte of "é" each; the text never shows half of one."""
    request = GenerationRequest(
        prompt="INT. CAFÉ", grammar='root ::= "Café — über " [a-z]', sampler=GREEDY
    )
    chunks = [i.text for i in tiny.generate(request) if isinstance(i, Chunk)]
    text = "".join(chunks)
    assert text.startswith("Café — über ")
    assert "\ufffd" not in text
    assert all("\ufffd" not in chunk for chunk in chunks)


def test_context_full_while_writing_ends_with_length(tiny: LlamaEngine) -> None:
    prompt = "EXT. FIELD - DAY\n\n" + "Wind. " * 160  # about 500 of the 512 tokens
    request = GenerationRequest(prompt=prompt, sampler=SamplerSettings(max_tokens=400, seed=2))
    finished = run(tiny, request)[1][0]
    assert finished.reason in ("length", "stop")
    assert finished.prompt_tokens + finished.completion_tokens <= 512
    assert run(tiny, GenerationRequest(prompt="x", sampler=GREEDY))[1][0].reason != "error"


def test_backend_and_threads_on_this_build() -> None:
    from reelwright.models.llama_engine import backend_name, default_threads, gpu_offload_supported

    assert backend_name(0) == "CPU"
    if not gpu_offload_supported():
        assert backend_name(33) == "CPU"  # no GPU backend registered in this build
    assert 1 <= default_threads() <= 8


def test_dry_keeps_greedy_output_from_repeating_itself(tiny: LlamaEngine) -> None:
    """The tiny model loops on its own tokens under greedy sampling; DRY must change that
    (a DRY sampler built with a look-back of -1 looks back over nothing, silently)."""

    def greedy(dry: float) -> str:
        sampler = SamplerSettings(
            temperature=0.0, repeat_penalty=1.0, max_tokens=60, dry_multiplier=dry
        )
        request = GenerationRequest(prompt="the the the", sampler=sampler)
        return "".join(c.text for c in tiny.generate(request) if isinstance(c, Chunk))

    plain, dry = greedy(0.0), greedy(5.0)
    assert plain == greedy(0.0), "greedy sampling is repeatable"
    assert dry != plain


def test_a_grammar_that_admits_everything_changes_nothing(smol: LlamaEngine) -> None:
    """Sampling first, the grammar checked after (``models/sampling.py``): when the grammar
    agrees with every token, the constrained text is the unconstrained text of the same
    seed (the chain learns the same tokens in the same order). The embedded model, because
    the random tiny one writes bytes that are not UTF-8, which a grammar of characters
    turns down."""
    anything = "root ::= [^\\x00]*"
    prompt = "INT. LIGHTHOUSE - NIGHT\n\nRain lashes the glass."
    for seed in (3, 4):
        sampler = SamplerSettings(temperature=0.9, max_tokens=40, seed=seed, dry_multiplier=0.8)
        free, _ = run(smol, GenerationRequest(prompt=prompt, sampler=sampler))
        bound, _ = run(smol, GenerationRequest(prompt=prompt, sampler=sampler, grammar=anything))
        assert free[0] and bound[0] == free[0]
        assert smol.last_rejected == 0
