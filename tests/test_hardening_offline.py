"""Nothing goes over the network unless the writer starts a download or configures a remote
engine: a full session (open, suggest, accept, save, export, quit) runs in a child process
with networking refused, and passes.

Refused two ways at once:

1. the child runs in a new network namespace (``unshare -n`` as root, ``unshare -rn``
   otherwise) where only an unconfigured loopback exists, when this machine allows one;
2. always, an audit hook (``sys.addaudithook``) refuses every ``socket.connect``, ``bind``,
   ``sendto``, ``sendmsg`` and every name lookup that is not on an ``AF_UNIX`` socket: it
   writes the event to stderr and raises. The same hook is installed in every Python
   process of the session (the model probe's child too) through a ``sitecustomize``
   module on ``PYTHONPATH``, and at the top of the driver.

``HF_HUB_OFFLINE`` (which the test suite sets for itself) is removed from the child's
environment: the app must not depend on it to stay offline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest

from reelwright.exporters.fdx import read_fdx
from reelwright.screenplay.parser import parse

REFUSED = "REELWRIGHT-NETWORK-REFUSED"

GUARD = r'''
import os
import socket
import sys


def _install_network_guard():
    """Refuse every socket use that could reach another machine; once per process."""
    if os.environ.get("REELWRIGHT_NETWORK_GUARD") == str(os.getpid()):
        return
    os.environ["REELWRIGHT_NETWORK_GUARD"] = str(os.getpid())
    record = os.environ.get("REELWRIGHT_NETWORK_GUARD_LOG")
    if record:
        with open(record, "a", encoding="utf-8") as guarded:
            guarded.write("%d %s\n" % (os.getpid(), " ".join(getattr(sys, "orig_argv", []))))
    addressed = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
    lookups = {
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyname_ex",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
    }
    unix = getattr(socket, "AF_UNIX", None)

    def refuse(event, args):
        if event in addressed:
            sock, address = args[0], args[1]
            if unix is not None and getattr(sock, "family", None) == unix:
                if isinstance(address, (str, bytes)):
                    return  # a path on this machine (or an abstract name)
        elif event not in lookups:
            return
        line = "REELWRIGHT-NETWORK-REFUSED pid=%d %s %r\n" % (os.getpid(), event, args)
        os.write(2, line.encode("utf-8", "replace"))
        raise PermissionError("network refused by the offline test: " + event)

    sys.addaudithook(refuse)


_install_network_guard()
'''

DRIVER = (
    GUARD
    + r'''
import json
import sys
import time
import traceback
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from reelwright.cli.main import main
from reelwright.desktop import app, cowriter
from reelwright.desktop.sampler_popover import action_defaults, save_sampler
from reelwright.desktop.settings import Settings
from reelwright.models.actions import minimum_max_tokens
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.parser import parse

ACTION = "continue-dialogue"
N_CTX = 512
work = Path(sys.argv[1])
script = work / "The Last Crossing.fountain"
text = app.sample_path().read_text("utf-8")
script.write_text(text, "utf-8")

# The writer's settings: a short context and just enough tokens for one quick suggestion,
# and no PDF viewer opened after the export.
parsed = parse(text)
first_heading = next(e for e in parsed.elements if e.type is ElementType.SCENE_HEADING)
next_heading = next(
    e
    for e in parsed.elements
    if e.type is ElementType.SCENE_HEADING and e.start_line > first_heading.start_line
)
speech = [
    e
    for e in parsed.elements
    if e.type is ElementType.DIALOGUE and e.start_line < next_heading.start_line
]
cursor_line = speech[-1].end_line + 1  # after the first scene's last speech
settings = Settings()
settings.set("model/n_ctx", N_CTX)
settings.set("export/open_pdf", False)
need = minimum_max_tokens(ACTION, text, cursor_line=cursor_line)
sampler = replace(action_defaults(ACTION, N_CTX), max_tokens=need + 24, seed=7)
save_sampler(settings, ACTION, sampler, N_CTX)

session = {
    "cursor_line": cursor_line,
    "hf_hub_offline": os.environ.get("HF_HUB_OFFLINE"),
    "interfaces": [name for _index, name in socket.if_nameindex()],
}
real_suggest = cowriter.suggest_and_wait
real_screenshot = app.save_screenshot


def suggest_in_the_first_scene(window, action, timeout):
    window.editor.go_to_line(cursor_line)
    started = time.perf_counter()
    ready = real_suggest(window, action, timeout=min(timeout, 540.0))
    session["suggest_seconds"] = round(time.perf_counter() - started, 1)
    done = cowriter.install_cowriter(window).last_done
    if done is not None:
        session["request_seconds"] = round(done.wall_seconds, 1)
        session["tokens_per_second"] = round(done.tokens_per_second, 1)
    return ready


def accept_save_export_then_screenshot(window, out):
    """What the writer does next, through the window's own actions."""
    try:
        panel = cowriter.install_cowriter(window).panel
        accepted = panel.accepted_text(panel.current_take())
        if not panel.accept():
            raise ReelwrightError("the suggestion could not be accepted")
        if not window.save():
            raise ReelwrightError("the script was not saved")
        exports = {}
        for kind in ("pdf", "fdx", "fountain"):
            target = work / f"export.{kind}"
            QFileDialog.getSaveFileName = lambda *_a, _t=str(target), **_k: (_t, "")
            window.export_dialog(kind)
            if not target.is_file():
                raise ReelwrightError(f"the {kind} export wrote nothing")
            exports[kind] = str(target)
        session.update(accepted=accepted, saved=str(window.document.path), exports=exports)
    except ReelwrightError:
        raise
    except Exception as error:
        traceback.print_exc()
        raise ReelwrightError(f"the session failed: {error!r}") from error
    real_screenshot(window, out)


cowriter.suggest_and_wait = suggest_in_the_first_scene
app.save_screenshot = accept_save_export_then_screenshot
code = main(["open", str(script), "--suggest", ACTION, "--screenshot", str(work / "window.png")])
(work / "session.json").write_text(json.dumps(session), "utf-8")
sys.exit(code)
'''
)


@cache
def network_namespace() -> tuple[str, ...]:
    """The command prefix that runs a program without a network, or () where this machine
    does not allow a new network namespace (then the audit hook alone refuses)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    prefix = (unshare, "-n") if os.geteuid() == 0 else (unshare, "-rn")
    try:
        probe = subprocess.run(
            [*prefix, sys.executable, "-c", "import socket; print(socket.if_nameindex())"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return prefix if probe.returncode == 0 else ()


def child_env(tmp_path: Path) -> dict[str, str]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, "utf-8")
    home = tmp_path / "home"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("HF_HUB_", "REELWRIGHT_", "PYTHON"))
    }
    env.update(
        PYTHONPATH=str(guard),
        QT_QPA_PLATFORM="offscreen",
        REELWRIGHT_HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        HF_HOME=str(home / "hf"),
        HOME=str(home),
        REELWRIGHT_NETWORK_GUARD_LOG=str(tmp_path / "guarded.txt"),
    )
    return env


def run_child(tmp_path: Path, code: str, *args: str, timeout: float) -> subprocess.CompletedProcess:
    command = [*network_namespace(), sys.executable, "-c", code, *args]
    return subprocess.run(
        command,
        cwd=tmp_path,
        env=child_env(tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def test_the_guard_refuses_the_network_and_allows_local_sockets(tmp_path: Path) -> None:
    """The hook is not vacuous: a connection, a name lookup and a UDP send are refused and
    reported; a socket pair and an AF_UNIX socket bound to a path are not."""
    code = (
        GUARD
        + r"""
import socket
refused = []
for attempt in (
    lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("192.0.2.1", 9)),
    lambda: socket.getaddrinfo("example.org", 443),
    lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("192.0.2.1", 9)),
    lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).bind(("127.0.0.1", 0)),
):
    try:
        attempt()
    except PermissionError:
        refused.append(True)
left, right = socket.socketpair()
left.sendall(b"ok")
assert right.recv(2) == b"ok"
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind("local.sock")
server.listen(1)
client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
client.connect("local.sock")
print(len(refused))
"""
    )
    done = run_child(tmp_path, code, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "4"
    events = [line for line in done.stderr.splitlines() if line.startswith(REFUSED)]
    assert [line.split()[2] for line in events] == [
        "socket.connect",
        "socket.getaddrinfo",
        "socket.sendto",
        "socket.bind",
    ]


@pytest.mark.slow
def test_a_full_session_runs_with_networking_refused(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    started = time.perf_counter()
    done = run_child(tmp_path, DRIVER, str(work), timeout=600)
    seconds = time.perf_counter() - started
    refused = [line for line in done.stderr.splitlines() if REFUSED in line]
    assert not refused, "the session tried to use the network:\n" + "\n".join(refused)
    assert done.returncode == 0, f"exit {done.returncode} after {seconds:.1f} s\n{done.stderr}"
    session = json.loads((work / "session.json").read_text("utf-8"))
    assert session["hf_hub_offline"] is None
    if network_namespace():
        assert session["interfaces"] == ["lo"], "the session ran with a network"
    # The guard ran in the driver and in each model probe (child processes of the app).
    guarded = (tmp_path / "guarded.txt").read_text("utf-8").splitlines()
    assert any("reelwright.models.probe" in line for line in guarded), guarded

    # The accepted suggestion is in the saved script, as Fountain that parses back.
    accepted = session["accepted"].strip()
    assert accepted
    saved = Path(session["saved"])
    assert saved == work / "The Last Crossing.fountain"
    saved_text = saved.read_text("utf-8")
    assert accepted in saved_text
    script = parse(saved_text)

    # Every export is whole: the PDF has all its pages and its end-of-file marker, the
    # FDX and the Fountain read back to the same script.
    exports = {kind: Path(path) for kind, path in session["exports"].items()}
    assert set(exports) == {"pdf", "fdx", "fountain"}
    pdf = exports["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    from pypdf import PdfReader

    reader = PdfReader(exports["pdf"])
    assert len(reader.pages) > 3
    assert "THE LAST CROSSING" in (reader.pages[0].extract_text() or "")
    last_words = " ".join(script.elements[-1].text.split()[:3])
    assert last_words in " ".join((reader.pages[-1].extract_text() or "").split())

    def texts(elements: object) -> list[tuple[str, str]]:
        return [(e.type.value, " ".join(e.text.split())) for e in elements]  # type: ignore[attr-defined]

    assert texts(read_fdx(exports["fdx"]).elements) == texts(script.elements)
    assert texts(parse(exports["fountain"].read_text("utf-8")).elements) == texts(script.elements)
    assert (work / "window.png").read_bytes().startswith(b"\x89PNG")
    print(
        f"offline session: {seconds:.1f} s in all; suggestion {session['suggest_seconds']} s "
        f"(model probe and load included; the request itself "
        f"{session.get('request_seconds')} s at {session.get('tokens_per_second')} tokens/s); "
        f"network namespace: {' '.join(network_namespace()) or 'not available'}"
    )
