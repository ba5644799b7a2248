"""Chat templates rendered in a child process, bounded in time and memory for every prompt.

A model's chat template is a Jinja program from a stranger's file. Jinja's sandbox stops
it from reaching Python's internals, but not from computing: ``((messages|length)+10) **
300000000`` or a string repeated a billion times is one operation in C, which no check
between Python lines can interrupt, and it can behave for one set of messages and blow up
for the next. So no template is ever rendered in the app's own process. A long-lived child
(one per engine, started on the first render and reused, so a render costs a round trip
through a pipe) renders each prompt under three bounds:

- ``RLIMIT_AS``: the child's address space may grow at most ``TEMPLATE_MEMORY`` past its
  size once ready; past it Python raises ``MemoryError`` (or the child dies);
- ``RLIMIT_CPU``: each render may use ``TEMPLATE_CPU_SECONDS`` of processor time; past
  it the kernel ends the child with SIGXCPU;
- a wall clock in the parent: after ``TEMPLATE_WALL_SECONDS`` without an answer the child
  is killed.

A render past a bound raises ``TemplateError`` with ``broke_bound`` set, and the child is
replaced on the next render; the engine then remembers the template as unusable (see
``LlamaEngine.render_chat``). A template that merely raises (``raise_exception``, a
sandbox ``SecurityError``, a missing variable) fails that render only, cheaply, and the
child lives on. Where the system has no resource limits (Windows) the wall clock alone
bounds a render, and running past it counts as breaking the bound; where it has them, a
render stopped only by the wall clock means a starved machine, not a bad template, so that
render fails without the template being blamed.

The child is a ``multiprocessing`` spawn in every build (a frozen app has no interpreter to
start with ``-m``; its entry point calls ``freeze_support()``). It keeps nothing of the
parent: its standard streams go to the null device, it may not write files
(``RLIMIT_FSIZE`` 0) or dump core, and it ignores Ctrl+C (the app decides when it ends).
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from reelwright.screenplay.errors import ModelError

log = logging.getLogger(__name__)

TEMPLATE_CPU_SECONDS = 2
TEMPLATE_MEMORY = 1 << 30
TEMPLATE_WALL_SECONDS = 10.0
START_SECONDS = 60.0
"""The child's start (a fresh interpreter importing Jinja) on a loaded machine."""
STARVED_SHARE = 1 / 8
"""A render stopped by the wall clock with less processor time than this share of it was
starved by a busy machine (where resource limits hold; see the module docstring)."""
MAX_PROMPT_CHARS = 8 << 20
"""Longer than any context holds (128K tokens are about half a million characters)."""
_COMPILED_KEPT = 4


class TemplateError(ModelError):
    """A chat template could not render these messages; ``str()`` says why, in words.

    ``broke_bound`` is True when it ran past the time or memory bound (or killed its
    process): such a template must never be used again. False for an error the template
    raised itself, which costs nothing to meet again.
    """

    def __init__(self, message: str, *, broke_bound: bool = False) -> None:
        super().__init__(message)
        self.broke_bound = broke_bound


class TemplateSandbox:
    """One child process that renders chat templates; thread-safe, one render at a time."""

    def __init__(
        self,
        *,
        cpu_seconds: int = TEMPLATE_CPU_SECONDS,
        memory: int = TEMPLATE_MEMORY,
        wall_seconds: float = TEMPLATE_WALL_SECONDS,
        start_seconds: float = START_SECONDS,
    ) -> None:
        self.cpu_seconds = cpu_seconds
        self.memory = memory
        self.wall_seconds = wall_seconds
        self.start_seconds = start_seconds
        self._lock = threading.Lock()
        self._child: _Child | None = None
        self._closed = False
        self.starts = 0
        """Children started so far (a replaced child counts again)."""

    @property
    def pid(self) -> int | None:
        """The running child's process id, None when none runs."""
        child = self._child
        return child.process.pid if child is not None and child.process.is_alive() else None

    def render(
        self,
        template: str,
        messages: Sequence[dict[str, str]],
        *,
        bos_token: str = "",
        eos_token: str = "",
        add_generation_prompt: bool = True,
    ) -> str:
        """``messages`` through ``template``; raises ``TemplateError`` (see the class)."""
        request = {
            "template": template,
            "messages": [{str(k): str(v) for k, v in m.items()} for m in messages],
            "bos_token": bos_token,
            "eos_token": eos_token,
            "add_generation_prompt": add_generation_prompt,
        }
        payload = json.dumps(request, ensure_ascii=False).encode("utf-8")
        with self._lock:
            if self._closed:
                raise ModelError("the chat template sandbox was closed")
            child = self._running_child()
            before = child.cpu_seconds_used()
            try:
                child.conn.send_bytes(payload)
            except (OSError, ValueError):
                self._drop_child()
                child = self._running_child()  # it had died since the last render
                before = child.cpu_seconds_used()
                child.conn.send_bytes(payload)
            return self._answer(child, before)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._drop_child()

    # -- the parent's side ---------------------------------------------------------------

    def _running_child(self) -> _Child:
        if self._child is not None and self._child.process.is_alive():
            return self._child
        self._drop_child()
        self._child = _Child.start(self.cpu_seconds, self.memory, self.start_seconds)
        self.starts += 1
        return self._child

    def _drop_child(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            child.stop()

    def _answer(self, child: _Child, cpu_before: float | None) -> str:
        started = time.monotonic()
        if not child.conn.poll(self.wall_seconds):
            after = child.cpu_seconds_used()
            self._drop_child()
            used = None if after is None or cpu_before is None else after - cpu_before
            if child.limited and (used is None or used < self.wall_seconds * STARVED_SHARE):
                # The processor-time limit would have stopped a template that computes:
                # this one hardly ran. A starved machine, not a bad template.
                log.warning(
                    "a chat template render got no answer in %g s, having had %s s of "
                    "processor time: the computer is too busy; the child was replaced",
                    self.wall_seconds,
                    "unknown" if used is None else f"{used:.2f}",
                )
                raise TemplateError(
                    f"it got too little processor time to finish in {self.wall_seconds:g} s "
                    "(the computer is too busy)"
                )
            raise TemplateError(f"it ran for more than {self.wall_seconds:g} s", broke_bound=True)
        try:
            reply = json.loads(child.conn.recv_bytes())
        except (EOFError, OSError, ValueError):
            said = self._death(child)
            self._drop_child()
            raise TemplateError(said, broke_bound=True) from None
        log.debug("chat template rendered in %.4f s", time.monotonic() - started)
        if "prompt" in reply:
            return str(reply["prompt"])
        bound = reply.get("bound")
        if bound:
            self._drop_child()
            if bound == "memory":
                message = f"it needed more than {self.memory >> 20} MiB of memory"
            else:
                message = f"its prompt was longer than {MAX_PROMPT_CHARS:,} characters"
            raise TemplateError(message, broke_bound=True)
        raise TemplateError(str(reply.get("error") or "it failed"))

    def _death(self, child: _Child) -> str:
        code = child.exit_code()
        if code is not None and code < 0:
            number = -code
            if number == getattr(signal, "SIGXCPU", None):
                return f"it used more than {self.cpu_seconds} s of processor time"
            try:
                name = signal.Signals(number).name
            except ValueError:
                name = f"signal {number}"
            return f"the process rendering it died of {name}"
        return "the process rendering it ended" + (f" with status {code}" if code else "")


class _Child:
    """A started child: its process and the parent's end of the pipe."""

    def __init__(self, process: Any, conn: Any, limited: bool) -> None:
        self.process = process
        self.conn = conn
        self.limited = limited
        """Whether the child runs under resource limits (the system has them)."""
        self._finalizer = weakref.finalize(self, _stop, process, conn)

    @classmethod
    def start(cls, cpu_seconds: int, memory: int, start_seconds: float) -> _Child:
        try:
            if _spawns():
                process, conn = _start_spawn(cpu_seconds, memory)
            else:
                process, conn = _start_command(cpu_seconds, memory)
        except (OSError, ValueError, RuntimeError, AssertionError) as error:
            raise ModelError(f"could not start the chat template sandbox: {error}") from error
        ready: dict[str, Any] = {}
        with contextlib.suppress(EOFError, OSError, ValueError):
            if conn.poll(start_seconds):
                ready = json.loads(conn.recv_bytes())
        if not ready.get("ready"):
            _stop(process, conn)
            raise ModelError(
                "the chat template sandbox did not start"
                + (f" ({ready['error']})" if ready.get("error") else "")
            )
        log.info("chat template sandbox started (process %s)", process.pid)
        return cls(process, conn, bool(ready.get("limited")))

    def stop(self) -> None:
        self._finalizer()

    def exit_code(self) -> int | None:
        self.process.join(5.0)
        code = self.process.exitcode
        return int(code) if code is not None else None

    def cpu_seconds_used(self) -> float | None:
        """The child's processor time so far (Linux's /proc), None where unknown."""
        try:
            with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None


class _Command:
    """``python -m reelwright.models.template_sandbox`` with the ``Process`` methods used
    here. Why not a ``multiprocessing`` spawn everywhere: a spawn runs the parent's main
    script again in the child, which breaks any program without a ``__main__`` guard."""

    def __init__(self, popen: subprocess.Popen[bytes]) -> None:
        self.popen = popen
        self.pid = popen.pid

    def is_alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.popen.kill()

    def join(self, timeout: float | None = None) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout)

    @property
    def exitcode(self) -> int | None:
        return self.popen.poll()

    def close(self) -> None:
        pass


class _Duplex:
    """Two one-way ``Connection`` objects (the child's stdin and stdout) as one."""

    def __init__(self, reader: Any, writer: Any) -> None:
        self.reader = reader
        self.writer = writer

    def send_bytes(self, data: bytes) -> None:
        self.writer.send_bytes(data)

    def recv_bytes(self) -> bytes:
        return bytes(self.reader.recv_bytes())

    def poll(self, timeout: float) -> bool:
        return bool(self.reader.poll(timeout))

    def close(self) -> None:
        for end in (self.writer, self.reader):
            with contextlib.suppress(OSError):
                end.close()


def _spawns() -> bool:
    """A ``multiprocessing`` spawn in a frozen app and on Windows; a command elsewhere."""
    return os.name != "posix" or bool(getattr(sys, "frozen", False))


def _start_command(cpu_seconds: int, memory: int) -> tuple[_Command, _Duplex]:
    from multiprocessing.connection import Connection

    popen = subprocess.Popen(
        [
            sys.executable,
            "-P",  # nothing importable from the current folder
            "-m",
            "reelwright.models.template_sandbox",
            str(cpu_seconds),
            str(memory),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        close_fds=True,
    )
    assert popen.stdin is not None and popen.stdout is not None
    conn = _Duplex(
        Connection(os.dup(popen.stdout.fileno()), writable=False),
        Connection(os.dup(popen.stdin.fileno()), readable=False),
    )
    popen.stdin.close()
    popen.stdout.close()
    return _Command(popen), conn


def _start_spawn(cpu_seconds: int, memory: int) -> tuple[Any, Any]:
    """A frozen app (its entry point calls ``freeze_support()``), or Windows."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    parent_end, child_end = context.Pipe(duplex=True)
    process = context.Process(
        target=_serve,
        args=(child_end, cpu_seconds, memory),
        name="reelwright-template-sandbox",
        daemon=True,
    )
    try:
        process.start()
    except BaseException:
        parent_end.close()
        raise
    finally:
        child_end.close()
    return process, parent_end


def _stop(process: Any, conn: Any) -> None:
    """End the child: it leaves on its own when the pipe closes; killed if it lingers."""
    with contextlib.suppress(OSError):
        conn.close()
    with contextlib.suppress(Exception):
        process.join(0.5)
        if process.is_alive():
            process.kill()
            process.join(5.0)
        process.close()


# -- the child's side --------------------------------------------------------------------


def _serve(conn: Any, cpu_seconds: int, memory: int) -> None:
    """The child's loop: one JSON request in, one JSON answer out, until the pipe closes."""
    _detach()
    try:
        environment = _environment()
        limited = _limit_memory_and_files(memory)
    except Exception as error:  # nothing to render with: say so and leave
        conn.send_bytes(json.dumps({"ready": False, "error": str(error)}).encode())
        return
    conn.send_bytes(json.dumps({"ready": True, "limited": limited}).encode())
    compiled: OrderedDict[str, Any] = OrderedDict()
    while True:
        try:
            request = json.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        if limited:
            _limit_cpu(cpu_seconds)
        reply = _render(environment, compiled, request)
        try:
            data = json.dumps(reply, ensure_ascii=False).encode("utf-8")
        except MemoryError:
            data = b'{"error": "out of memory", "bound": "memory"}'
        conn.send_bytes(data)
        if "bound" in reply:
            return  # the parent replaces a child that met a bound


def _render(environment: Any, compiled: OrderedDict[str, Any], request: dict[str, Any]) -> Any:
    template_text = str(request["template"])
    try:
        template = compiled.pop(template_text, None)
        if template is None:
            template = environment.from_string(template_text)
        compiled[template_text] = template
        while len(compiled) > _COMPILED_KEPT:
            compiled.popitem(last=False)
        prompt = template.render(
            messages=request["messages"],
            bos_token=request.get("bos_token", ""),
            eos_token=request.get("eos_token", ""),
            add_generation_prompt=bool(request.get("add_generation_prompt", True)),
            raise_exception=_raise_exception,
            strftime_now=_strftime_now,
            functions=None,
            function_call=None,
            tools=None,
            tool_choice=None,
        )
        if len(prompt) > MAX_PROMPT_CHARS:
            return {"error": "prompt too long", "bound": "size"}
        return {"prompt": prompt}
    except MemoryError:
        compiled.clear()
        return {"error": "out of memory", "bound": "memory"}
    except Exception as error:  # jinja2 raises many kinds; all mean "not with these messages"
        return {"error": str(error) or type(error).__name__}


def _detach() -> None:
    """Standard streams to the null device (nothing the template does reaches the
    terminal, and a stray print cannot fail on a file limit); Ctrl+C is the app's."""
    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        if null > 2:
            os.close(null)


def _limit_memory_and_files(memory: int) -> bool:
    """Address space at most ``memory`` past today's, no file writes, no core dumps.
    False where the system has no resource limits (the parent's wall clock still holds)."""
    try:
        import resource
    except ImportError:
        return False
    for kind in ("RLIMIT_CORE", "RLIMIT_FSIZE"):
        with contextlib.suppress(ValueError, OSError, AttributeError):
            _, hard = resource.getrlimit(getattr(resource, kind))
            resource.setrlimit(getattr(resource, kind), (0, hard))
    with contextlib.suppress(ValueError, OSError):
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
        limit = pages * os.sysconf("SC_PAGE_SIZE") + memory
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return hasattr(resource, "RLIMIT_CPU")


def _limit_cpu(seconds: int) -> None:
    """The kernel ends this process ``seconds`` (rounded up) of processor time from now."""
    import resource

    with contextlib.suppress(ValueError, OSError):
        used = resource.getrusage(resource.RUSAGE_SELF)
        soft = math.ceil(used.ru_utime + used.ru_stime) + seconds
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard == resource.RLIM_INFINITY or soft < hard:
            resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _environment() -> Any:
    """The environment llama-cpp-python and Transformers render chat templates in: Jinja's
    immutable sandbox, blocks trimmed, ``{% generation %}`` passed through, ``break`` and
    ``continue``, and ``tojson`` that keeps non-ASCII text as it is."""
    import jinja2
    import jinja2.ext
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class GenerationTag(jinja2.ext.Extension):
        tags = {"generation"}  # noqa: RUF012 (jinja2 declares it so)

        def parse(self, parser: Any) -> Any:
            parser.stream.skip(1)
            return parser.parse_statements(("name:endgeneration",), drop_needle=True)

    environment = ImmutableSandboxedEnvironment(
        loader=jinja2.BaseLoader(),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[GenerationTag, jinja2.ext.loopcontrols],
    )
    environment.filters["tojson"] = _tojson
    return environment


def _tojson(
    value: Any,
    ensure_ascii: bool = False,
    indent: int | None = None,
    separators: tuple[str, str] | None = None,
    sort_keys: bool = False,
) -> str:
    return json.dumps(
        value, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys
    )


def _raise_exception(message: str) -> None:
    raise ValueError(message)


def _strftime_now(fmt: str) -> str:
    from datetime import datetime

    return datetime.now().strftime(fmt)


def _main(argv: list[str]) -> int:
    """``python -m reelwright.models.template_sandbox CPU_SECONDS MEMORY``: serve on the
    standard streams (moved aside first, so that nothing else can write into them)."""
    from multiprocessing.connection import Connection

    conn = _Duplex(Connection(os.dup(0), writable=False), Connection(os.dup(1), readable=False))
    _serve(conn, int(argv[0]), int(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
