"""Keep the interface's translations up to date: one command after marking strings.

    python tools/translations.py            # update the .ts from the code, compile the .qm
    python tools/translations.py todo zh_CN # the messages still to translate, as TSV
    python tools/translations.py fill zh_CN done.tsv   # take translations from a TSV
    python tools/translations.py check      # exit 1 if anything is unfinished or stale

``update`` runs pyside6-lupdate over every module of the desktop app (strings marked with
``self.tr``, ``QCoreApplication.translate`` or ``QT_TRANSLATE_NOOP``; unmarked modules
give nothing) and over the Qt-free modules whose tables the interface shows (any module
of ``models/``, ``screenplay/`` or ``exporters/`` that marks a string with a function of
its own called ``QT_TRANSLATE_NOOP(context, text)`` returning ``text``; the desktop then
shows ``QCoreApplication.translate(context, text)``), keeping the translations already
made and dropping the messages the code no longer has, then pyside6-lrelease for each
``.ts``. New messages arrive unfinished: translate them in Qt Linguist, or list them with
``todo``, write the translation in the TSV's last column and ``fill`` it back (which
updates again). A new language is a new code in ``LANGUAGES`` (and its name in
``desktop/i18n.py``, its code in the ``ui/language`` option's choices).

The TSV has one message a line: context, source, disambiguation, translation, with
``\\n``, ``\\t`` and ``\\\\`` escaped.

The words of zh_CN, as Chinese screenwriting software writes them (keep to them):
scene heading 场景标题, action 动作, character 角色, character cue 角色名, parenthetical
括号注释, dialogue 对白, speech 台词, transition 转场, shot 镜头, extension 扩展, dual
dialogue 并列对白, title page 标题页, synopsis 梗概, section 章节, notes 笔记, boneyard
废稿区, draft 稿本, scene 场景 (counted: 第 n 场, n 场), page 页, INT/EXT 内景/外景, day/night
日/夜, index cards 索引卡, reports 报表, co-writer 协作写手, suggestion 建议, take 版本,
model 模型, writing goal 写作目标. Menus keep a Latin mnemonic at the end (``文件(&F)``),
dialogs use full-width punctuation (``：``, ``，``, ``（）``) and a space between Chinese
and Latin words or numbers (``已保存 {name}``, ``共 {count} 场``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop"
QT_FREE = ("models", "screenplay", "exporters")
"""Qt-free folders whose modules join the sources when they mark strings."""
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
"""The translations made; English is the source language."""


def tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease beside this Python, else on PATH."""
    here = Path(sys.executable).parent / name
    if here.is_file():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is missing: it comes with PySide6 (pip install PySide6)")
    return found


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"reelwright_{language}.ts"


def qm_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"reelwright_{language}.qm"


def sources() -> list[Path]:
    """The desktop's modules, and the Qt-free ones that mark strings the interface shows."""
    found = sorted(SOURCES.glob("*.py"))
    for folder in QT_FREE:
        for path in sorted((ROOT / folder).glob("*.py")):
            if "QT_TRANSLATE_NOOP(" in path.read_text("utf-8", errors="replace"):
                found.append(path)
    return found


def lupdate(target: Path, language: str) -> None:
    """Bring ``target`` up to date with the code (made if missing)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    files = [str(path.relative_to(ROOT)) for path in sources()]
    command = [
        tool("pyside6-lupdate"),
        *files,
        "-ts",
        str(target),
        "-source-language",
        "en",
        "-target-language",
        language,
        "-no-obsolete",
        "-locations",
        "none",
        "-silent",
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def lrelease(source: Path, target: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)]
    subprocess.run(command, check=True)


@dataclass(frozen=True, slots=True)
class Message:
    context: str
    source: str
    comment: str
    translation: str
    finished: bool
    numerus: bool


def messages(ts: Path) -> list[Message]:
    """Every message of a ``.ts`` file."""
    root = ET.parse(ts).getroot()
    found: list[Message] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            numerus = message.get("numerus") == "yes"
            if node is None:
                text = ""
            elif numerus:
                text = "\n".join(form.text or "" for form in node.iter("numerusform"))
            else:
                text = node.text or ""
            found.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    text,
                    kind not in ("unfinished", "vanished", "obsolete") and bool(text.strip()),
                    numerus,
                )
            )
    return found


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unescape(text: str) -> str:
    out: list[str] = []
    chars = iter(text)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        following = next(chars, "")
        out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(following, "\\" + following))
    return "".join(out)


def todo(language: str) -> str:
    """The unfinished messages of a language as TSV lines (translation column empty)."""
    lines = [
        "\t".join((_escape(m.context), _escape(m.source), _escape(m.comment), ""))
        for m in messages(ts_path(language))
        if not m.finished
    ]
    return "\n".join(lines)


def fill(language: str, table: Path) -> int:
    """Write the translations of a TSV into the language's ``.ts``; returns how many."""
    wanted: dict[tuple[str, str, str], str] = {}
    for row in table.read_text("utf-8").splitlines():
        if not row.strip():
            continue
        parts = row.split("\t")
        if len(parts) != 4:
            raise SystemExit(f"not four columns: {row!r}")
        context, source, comment, translation = (_unescape(part) for part in parts)
        if translation:
            wanted[(context, source, comment)] = translation
    path = ts_path(language)
    tree = ET.parse(path)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            if key not in wanted:
                continue
            node = message.find("translation")
            if node is None:
                node = ET.SubElement(message, "translation")
            node.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for child in list(node):
                    node.remove(child)
                for form in wanted[key].split("\n"):
                    ET.SubElement(node, "numerusform").text = form
            else:
                node.text = wanted[key]
            count += 1
    ET.indent(tree, space="    ")
    with path.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return count


def update() -> None:
    for language in LANGUAGES:
        lupdate(ts_path(language), language)
        lrelease(ts_path(language), qm_path(language))
        left = sum(not m.finished for m in messages(ts_path(language)))
        total = len(messages(ts_path(language)))
        print(f"{language}: {total} messages, {left} to translate")


def problems() -> list[str]:
    """What ``check`` reports: unfinished messages, a ``.ts`` behind the code, a ``.qm``
    that is not the compiled ``.ts``."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for language in LANGUAGES:
            source = ts_path(language)
            if not source.is_file():
                found.append(f"{source.name} is missing")
                continue
            shipped = {(m.context, m.source, m.comment) for m in messages(source)}
            fresh = ts_path(language, folder)
            shutil.copy(source, fresh)
            lupdate(fresh, language)
            current = {(m.context, m.source, m.comment) for m in messages(fresh)}
            found.extend(
                f"{language}: not in {source.name} yet: {c} / {s!r}"
                for c, s, _ in sorted(current - shipped)
            )
            found.extend(
                f"{language}: no longer in the code: {c} / {s!r}"
                for c, s, _ in sorted(shipped - current)
            )
            found.extend(
                f"{language}: untranslated: {m.context} / {m.source!r}"
                for m in messages(source)
                if not m.finished
            )
            compiled = qm_path(language, folder)
            lrelease(source, compiled)
            shipped_qm = qm_path(language)
            if not shipped_qm.is_file() or shipped_qm.read_bytes() != compiled.read_bytes():
                found.append(f"{shipped_qm.name} is not the compiled {source.name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("update", help="update the .ts from the code and compile the .qm")
    listing = commands.add_parser("todo", help="unfinished messages as TSV")
    listing.add_argument("language", choices=LANGUAGES)
    filling = commands.add_parser("fill", help="take translations from a TSV")
    filling.add_argument("language", choices=LANGUAGES)
    filling.add_argument("table", type=Path)
    commands.add_parser("check", help="exit 1 if anything is unfinished or stale")
    args = parser.parse_args(argv)
    if args.command in (None, "update"):
        update()
    elif args.command == "todo":
        text = todo(args.language)
        if text:
            print(text)
    elif args.command == "fill":
        print(f"{fill(args.language, args.table)} translations taken")
        update()  # lupdate writes the file in its own layout again; the .qm follows
    elif args.command == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
