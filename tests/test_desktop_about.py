from __future__ import annotations

import llama_cpp

from reelwright.desktop.main_window import system_report
from reelwright.desktop.settings import Settings


def test_about_reports_backend_layers_threads_and_model() -> None:
    report = system_report(Settings())
    assert f"llama-cpp-python {llama_cpp.__version__}" in report
    if llama_cpp.llama_supports_gpu_offload():
        assert "Offloaded layers: all" in report
    else:
        assert "Backend: CPU (GPU offload not built in)" in report
        assert "Offloaded layers: 0" in report
    assert "CPU threads: " in report
    assert "SmolLM2-135M-Instruct.Q4_1.gguf" in report


def test_about_names_a_missing_model() -> None:
    settings = Settings()
    settings.set("model/path", "/nowhere/missing.gguf")
    assert "Model: not usable:" in system_report(settings)
