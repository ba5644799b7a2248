"""No telemetry: only the download and remote-engine modules may reach the network.

Scans every source file of the distribution for imports of networking libraries, so a
new network call elsewhere fails this test and gets looked at.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cli", "screenplay", "models", "exporters", "desktop", "resources")
NETWORK = {"socket", "urllib", "http", "httpx", "requests", "aiohttp", "ftplib", "smtplib"}
ALLOWED = {Path("models/download.py"), Path("models/remote.py")}
# store.py asks huggingface_hub's cache where a file lies (a local lookup, no request).
HUB_CACHE_ONLY = {Path("models/store.py"): {"try_to_load_from_cache"}}


def _imports(tree: ast.AST) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def test_no_network_imports_outside_download_and_remote() -> None:
    offenders: list[str] = []
    scanned = 0
    for package in PACKAGES:
        for file in sorted((ROOT / package).rglob("*.py")):
            relative = file.relative_to(ROOT)
            scanned += 1
            if relative in ALLOWED:
                continue
            tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
            for module, names in _imports(tree):
                top = module.split(".")[0]
                if top in NETWORK:
                    offenders.append(f"{relative}: imports {module}")
                if top == "huggingface_hub":
                    allowed = HUB_CACHE_ONLY.get(relative, set())
                    if not names or not set(names) <= allowed:
                        offenders.append(f"{relative}: imports {module} {names}")
    assert scanned > 20
    assert offenders == []
