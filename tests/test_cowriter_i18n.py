"""The co-writer in Simplified Chinese: a window started in zh_CN, on a Chinese script and
the stand-in engine (``standin_engine.py``), shows the Write menu, toolbar, context menu,
panel, sampler, model manager and every message of a take in Chinese, what the model layer
says about a take too (why it failed, what was left out, a refused request, the labels of a
readable take) while the command line says it in English; the suggestion the model wrote is
never translated; and the window's layout does not depend on the language."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton
from standin_engine import StandInEngine
from test_cowriter_support import DiscardingPrompts

from reelwright.desktop import i18n
from reelwright.desktop.app import create_window
from reelwright.desktop.cowriter import CoWriter, install_cowriter
from reelwright.desktop.main_window import MainWindow
from reelwright.desktop.model_manager import language_text, reason_text, script_language
from reelwright.desktop.sampler_popover import action_defaults, save_sampler, set_alternatives
from reelwright.desktop.settings import Settings
from reelwright.desktop.take_text import split_logline_text
from reelwright.desktop.take_view import action_text
from reelwright.models.action_registry import ACTIONS, BY_NAME, COMMANDS
from reelwright.models.actions import PromptReady, minimum_max_tokens
from reelwright.models.prompting import Assembler, PromptSpec, read_story
from reelwright.models.recommend import GIB, Gpu, Machine, choose
from reelwright.models.store import default_model_path
from reelwright.screenplay.parser import parse

WAIT_MS = 20_000
SCRIPT = """Title: 夜班
Author: 测试

．内景 医院走廊 - 夜

灯光昏暗。张伟推着病床快步走过。

张伟
让一让，病人要进手术室。

李娜
（追上来）
血库那边还没回电话。

张伟
再打一次。

．外景 医院门口 - 黎明

救护车停在门口，李娜点了一支烟。
"""
ASKED_AT = 15
"""张伟's last speech, in scene 1 (0-based)."""
NEXT_SCENE = """．内景 手术室 - 夜

无影灯亮起。张伟戴上口罩。

李娜
血送到了。

张伟
开始吧。
"""
HAN = re.compile(r"[\u4e00-\u9fff]")
BIG_FISH = Path(__file__).resolve().parent.parent.parent / "shared/corpus/Big-Fish.fountain"


@pytest.fixture
def engine() -> StandInEngine:
    return StandInEngine([NEXT_SCENE])


@pytest.fixture
def zh_window(qtbot, tmp_path: Path, engine, monkeypatch) -> Iterator[tuple[MainWindow, CoWriter]]:
    from reelwright.desktop import model_worker

    monkeypatch.setattr(model_worker, "open_engine", lambda choice: (engine.opened(), "stand-in"))
    settings = Settings()
    settings.set("ui/language", "zh_CN")
    settings.set("files/opened_before", True)
    need = minimum_max_tokens("next-scene", SCRIPT, cursor_line=ASKED_AT)
    sampler = replace(action_defaults("next-scene"), max_tokens=need + 40, seed=3)
    save_sampler(settings, "next-scene", sampler, 4096)
    path = tmp_path / "夜班.fountain"
    path.write_text(SCRIPT, "utf-8")
    window = create_window(path, settings, offer_recovery=False, prompts=DiscardingPrompts())
    qtbot.addWidget(window)
    window.show()
    cowriter = install_cowriter(window)
    yield window, cowriter
    cowriter.shutdown()
    app = QApplication.instance()
    assert app is not None
    assert i18n.install(app, "en") == "en"  # the other tests' windows are in English


def _chinese(text: str) -> bool:
    return bool(HAN.search(text))


def test_the_registry_reads_in_chinese_from_every_view(zh_window, qtbot) -> None:
    window, cowriter = zh_window
    assert i18n.installed_language(QApplication.instance()) == "zh_CN"
    write = window.menu("&Write")  # still asked for by its English title
    assert write.title() == "写作(&W)"
    by_name = {a.objectName(): a for a in write.actions()}
    assert by_name["write-next-scene"].text() == "下一场(&N)"
    assert by_name["write-continue-dialogue"].text() == "续写对白(&D)"
    assert by_name["write-logline"].text() == "一句话梗概与梗概(&L)"
    assert by_name["write-models"].text() == "模型管理(&M)…"
    for spec in ACTIONS:
        action = cowriter.actions[spec.name]
        for text, english in (
            (action.text(), spec.menu),
            (action.iconText(), spec.toolbar),
            (action.statusTip(), spec.tip),
        ):
            assert _chinese(text) and text != english, (spec.name, text)
        assert action.text().endswith(")") and "(&" in action.text()  # 下一场(&N)
    for command in COMMANDS:
        assert _chinese(cowriter.commands[command.name].text()), command.name
    assert cowriter.actions["next-scene"].iconText() == "下一场"
    # The context menu names the character under the mouse in a Chinese sentence.
    menu = QMenu()
    cue = window.editor.document().findBlockByNumber(10)  # 李娜
    for provider in window.editor.context_menu_providers:
        provider(menu, QTextCursor(cue))
    sub = menu.findChild(QMenu, "cowriterContextMenu")
    assert sub is not None and sub.title() == "协作写手"
    entries = {a.objectName(): a.text() for a in sub.actions()}
    assert entries["context-character"] == "李娜 的人物小传"
    assert entries["context-next-scene"] == "写下一场"
    # The panel's own Write menu and its fixed texts.
    panel = cowriter.panel
    assert panel.objectName() == "cowriterDock" and panel.windowTitle() == "协作写手"
    assert [a.text() for a in panel.write_menu.actions()][:2] == ["下一场", "续写对白"]
    assert panel.write_button.text() == "写作" and panel.stop_button.text() == "停止"
    assert panel.empty.text().startswith("从“写作”菜单")


def test_a_take_in_chinese_keeps_what_the_model_wrote(zh_window, qtbot, monkeypatch) -> None:
    from reelwright.models import recommend

    real = recommend.recommend_for_machine
    asked: list[str | None] = []

    def laptop(language: str | None = None):
        asked.append(language)
        return real(ram_bytes=16 * GIB, gpu_memory_bytes=0, language=language)

    monkeypatch.setattr(recommend, "recommend_for_machine", laptop)
    window, cowriter = zh_window
    editor = window.editor
    editor.setTextCursor(QTextCursor(editor.document().findBlockByNumber(ASKED_AT)))
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS) as finished:
        cowriter.start("next-scene")
    assert finished.args[0].reason == "done", finished.args[0].message
    panel = cowriter.panel
    take = panel.current_take()
    assert take.state == "ready" and panel.tabs.tabText(0) == "下一场 1 ✓"
    tip = panel.tabs.tabToolTip(0)
    assert tip == "下一场（第 1 场（内景 医院走廊 - 夜））：可以采纳"
    assert panel.title.text() == "下一场"
    assert re.fullmatch(
        r"1 个版本中 1 个可以采纳 · [\d.]+ 秒写出 \d+ 个词元 · [\d.]+ 词元/秒", panel.status.text()
    )
    assert cowriter.speed_status.text().endswith("词元/秒")
    # The embedded model says what it is, and recommends a model that writes Chinese.
    assert asked == ["zh"]
    advice = cowriter.recommendation
    assert advice is not None and "zh" in advice.entry.languages
    notice = panel.notice_text.text()
    assert notice.startswith("<b>SmolLM2 135M 只是一个很小的演示模型。</b>它能演示")
    assert f"推荐本机使用：<b>{advice.entry.name}</b>（需下载 {advice.size_text}）。" in notice
    assert notice.endswith("的 CPU 上能平稳运行的模型，并且能写中文。") or notice.endswith(
        "的 CPU 上能较快运行的模型，并且能写中文。"
    )
    assert "16 GB 内存的 CPU" in notice
    assert panel.notice_download_button.text().startswith(f"下载 {advice.entry.name}（")
    # The suggestion is the model's text, as it wrote it.
    view = panel.views[0]
    assert view.text.toPlainText().strip() == NEXT_SCENE.strip()
    entries = [a.text() for a in panel.accept_menu.actions()]
    assert entries[0] == "插入到本场之后" and "替换所选文字" in entries
    assert panel.accept_button.text() == "采纳"
    assert panel.accept()
    assert view.message.text() == "已插入到第 1 场（内景 医院走廊 - 夜）之后；撤销即可将其移除。"
    assert panel.status.text().startswith("下一场 1 已插入到第 1 场")
    assert panel.tabs.tabText(0) == "下一场 1 ✓ 已插入"
    assert NEXT_SCENE.strip() in editor.script_text()  # inserted untranslated
    editor.undo()
    assert editor.script_text() == SCRIPT and panel.tabs.tabText(0) == "下一场 1 ✓"
    # The scene it was asked for is deleted: the reason is Chinese, and the caret is offered.
    cursor = QTextCursor(editor.document().findBlockByNumber(3))  # its heading
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    assert not panel.accept()
    assert view.message.text() == "未插入：第 1 场（内景 医院走廊 - 夜）已被删除。"
    assert view.at_caret.text() == "改为插入到光标处" and not view.at_caret.isHidden()
    # Sampling settings for the action, named in Chinese.
    cowriter.show_sampler(panel.sampler_button)
    popover = cowriter._popover
    assert popover is not None
    headings = [label.text() for label in popover.findChildren(QLabel)]
    assert "<b>“下一场”的采样设置</b>" in headings
    assert popover.max_tokens.suffix() == " 个词元" and popover.seed.specialValueText() == "随机"
    popover.close()


def test_the_model_manager_and_the_recommendation_in_chinese(zh_window, qtbot) -> None:
    _window, cowriter = zh_window
    manager = cowriter.show_model_manager()
    qtbot.addWidget(manager)
    assert manager.windowTitle() == "模型管理"
    headers = [manager.installed.horizontalHeaderItem(i).text() for i in range(3)]
    assert headers == ["模型", "来源", "架构"]
    assert manager.installed.item(0, 1).text() == "内置"  # the embedded model's source
    assert _chinese(manager.recommendation_label.text())
    assert manager.language == "zh"  # the star goes to a model that writes the script
    advice = manager.recommendation()
    assert advice is None or "zh" in advice.entry.languages
    buttons = {b.objectName(): b.text() for b in manager.findChildren(QPushButton)}
    assert buttons["useModel"] == "使用此模型"
    names = [manager.installed.item(row, 0).text() for row in range(manager.installed.rowCount())]
    assert any(name.endswith("SmolLM2 135M Instruct（内置）") for name in names), names
    assert {"下载", "已安装"} & {buttons[n] for n in buttons if n.startswith("download-")}
    manager.close()
    # The reason is built from the model layer's templates, translated part by part.
    laptop = choose(Machine(16 * GIB, ()), language="zh")
    assert laptop is not None
    assert laptop.reason.startswith("The best writer in the catalog")  # the CLI's English
    chinese = reason_text(laptop)
    assert chinese.startswith("目录中写作能力最强") and "16 GB 内存" in chinese
    assert chinese.endswith("，并且能写中文")
    small_gpu = choose(Machine(16 * GIB, (Gpu("GT 710", 1 * GIB),)))
    assert small_gpu is not None and "（GT 710 的显存不够）" in reason_text(small_gpu)
    assert language_text("ja") == "日语" and language_text("sv") == "sv"
    # A model that cannot load: the way to fix it names the Chinese menu and command.
    problem = cowriter._load_problem("文件不完整")
    assert problem.startswith("无法使用该模型：文件不完整。") and "“写作 ▸ 模型管理…”" in problem


def test_the_layout_is_restored_whatever_the_language(zh_window, qtbot) -> None:
    window, cowriter = zh_window
    cowriter.panel.show()
    state = window.saveState()
    app = QApplication.instance()
    assert app is not None
    settings = Settings()
    settings.set("ui/language", "en")
    english = create_window(settings=settings, offer_recovery=False, prompts=DiscardingPrompts())
    qtbot.addWidget(english)
    other = install_cowriter(english)
    try:
        assert other.panel.windowTitle() == "Co-writer"
        assert other.panel.isHidden()
        assert english.restoreState(state)
        assert not other.panel.isHidden()  # found by its object name, not its title
        assert english.menu("&Write").actions()[0].text() == BY_NAME["next-scene"].menu
        assert action_text("Next Scene") == "Next Scene"
    finally:
        other.shutdown()


def test_the_recommendation_follows_the_scripts_writing_system() -> None:
    assert script_language(SCRIPT) == "zh"
    assert script_language("INT. ROOM - DAY\n\nNORA waits.\n") is None
    assert script_language("INT. SALLE - JOUR\n\nNora attend le bateau.\n") is None
    assert script_language("．内景 部屋 - 夜\n\nさくらはドアを開ける。\n") == "ja"
    assert script_language("ИНТ. КОМНАТА - ДЕНЬ\n\nНора ждёт лодку у окна.\n") == "ru"
    assert script_language("") is None


STRANGER = "@王五\n我来了。\n"
"""A take that fails every attempt: no heading, and a character the script does not have."""


def test_the_model_layers_sentences_in_chinese(zh_window, engine, qtbot, monkeypatch) -> None:
    """Two takes at once: one is cut at the output's end and written by a model that does
    not write Chinese (notes), the other fails its checks three times (retries, failure).
    The panel says all of it in Chinese; the suggestion itself and the command line's
    English are unchanged."""
    window, cowriter = zh_window
    room = minimum_max_tokens("next-scene", SCRIPT, cursor_line=ASKED_AT) + 40  # as saved
    tail = "无影灯下，众人屏住呼吸，" * (room * 7 // 12 + 20)  # longer than the room: cut
    engine.texts = [NEXT_SCENE + "\n" + tail, STRANGER]
    engine.info = SimpleNamespace(path=default_model_path())  # the embedded model: English only
    set_alternatives(cowriter.settings, "next-scene", 2)
    panel = cowriter.panel
    said: list[str] = []
    real_status = panel.set_status
    monkeypatch.setattr(panel, "set_status", lambda text: (said.append(text), real_status(text)))
    editor = window.editor
    editor.setTextCursor(QTextCursor(editor.document().findBlockByNumber(ASKED_AT)))
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS) as finished:
        cowriter.start("next-scene")
    assert finished.args[0].reason == "done", finished.args[0].message
    assert [panel.tabs.tabText(i) for i in range(2)] == ["下一场 1 ✓", "下一场 2 ✗"]
    noted, failed = panel.views
    assert noted.message.text() == (
        "删去了未写完的最后一个元素（已达到长度上限）；"
        "此模型不能写中文；“模型管理”中列出了能写这种语言的模型。"
    )
    assert noted.text.toPlainText().strip() == NEXT_SCENE.strip()  # the model's own words
    assert failed.message.text() == "不可用：没有以场景标题开头；有未知的角色说话：王五。"
    retry = "下一场 2 未通过检查（没有以场景标题开头；有未知的角色说话：王五）；正在重写"
    assert said.count(retry) == 2  # before the second and the third attempt
    assert panel.status.text().startswith("2 个版本中 1 个可以采纳")
    # The same takes as the command line reports them (``reelwright suggest --json``).
    checks = [json.loads(json.dumps(take.suggestion.to_json()))["check"] for take in panel.takes]
    assert checks[0]["notes"] == [
        "an unfinished last element was cut off (maximum tokens reached)",
        "this model does not write Chinese; the model manager lists models that do",
    ]
    assert checks[1]["problems"] == [
        "it does not start with a scene heading",
        "unknown characters speak: 王五",
    ]
    assert panel.takes[1].suggestion.failure == "; ".join(checks[1]["problems"])
    # What was trimmed from a prompt, in the panel's status line.
    story = read_story(parse(BIG_FISH.read_text("utf-8")))
    spec = PromptSpec("Write.", "Write the next scene.", "", (60,), (60, 59, 58, 57))
    count = lambda text: len(text.split()) + text.count("\n")  # noqa: E731
    prompt = Assembler(story, count, 300).assemble(spec, 40)
    assert len(prompt.trimmed) >= 3  # the summary thinned, cards and scenes left out
    panel.prompt_ready(PromptReady("next-scene", "completion", 250, 252, (), (), prompt.trimmed, 9))
    status = panel.status.text()
    assert status.startswith(
        "正在写作…（提示词共 250 个词元；为放进上下文做了删减：分场概要只保留每 "
    )
    assert "的资料卡、" in status and status.endswith("省去了较远的 3 场）")
    assert not re.search(r"left out|card|scene", status)


def test_a_refused_request_in_chinese(zh_window, qtbot) -> None:
    """A request the model layer cannot make says why in the interface's language."""
    window, cowriter = zh_window
    editor = window.editor
    last_scene = SCRIPT.splitlines().index("救护车停在门口，李娜点了一支烟。")
    editor.setTextCursor(QTextCursor(editor.document().findBlockByNumber(last_scene)))
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS) as finished:
        cowriter.start("between-scenes")
    assert finished.args[0].reason == "error"
    status = cowriter.panel.status.text()
    assert "第 2 场是最后一场；要写之后的内容，请用“下一场”" in status, status


LOGLINE = json.dumps(
    {
        "hero": "张伟",
        "logline": "为救病人与时间赛跑。",
        "synopsis": [{"who": "李娜", "text": "追着血库的电话。"}],
    },
    ensure_ascii=False,
)


def test_a_logline_take_with_chinese_labels(zh_window, engine, qtbot) -> None:
    """The readable logline take is labelled in Chinese; accepting it, edited or not,
    reads the labels back (synopsis lines, title page notes) and never inserts them as
    paragraphs of the synopsis."""
    _window, cowriter = zh_window
    engine.texts = [LOGLINE]
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS) as finished:
        cowriter.start("logline")
    assert finished.args[0].reason == "done", finished.args[0].message
    panel = cowriter.panel
    take = panel.current_take()
    assert take.state == "ready", panel.views[0].message.text()
    shown = panel.views[0].text.toPlainText()
    assert shown == "一句话梗概：张伟为救病人与时间赛跑。\n\n梗概：\n李娜追着血库的电话。"
    assert take.suggestion.text.startswith("Logline: 张伟为救病人与时间赛跑。")  # the CLI's
    assert panel.accepted_text(take) == "= 张伟为救病人与时间赛跑。\n= 李娜追着血库的电话。\n"
    notes: list[str] = []
    panel.title_notes_requested.disconnect()
    panel.title_notes_requested.connect(notes.append)
    assert panel.accept_title_notes()
    assert notes == ["一句话梗概：张伟为救病人与时间赛跑。\n李娜追着血库的电话。"]
    # The writer edits it, typing a half-width colon: still read as the logline.
    panel.views[0].text.setPlainText("一句话梗概: 张伟不肯放弃。\n\n梗概：\n李娜赶到。")
    assert panel.accepted_text(take) == "= 张伟不肯放弃。\n= 李娜赶到。\n"


def test_logline_labels_are_read_back_in_either_language() -> None:
    chinese = {
        "{label}: {text}": "{label}：{text}",
        "{label}:": "{label}：",
        "Logline": "一句话梗概",
    }
    chinese["Synopsis"] = "梗概"

    def translate(context: str, text: str) -> str:
        return chinese.get(text, text) if context == "Take" else text

    english = "Logline: A keeper waits.\n\nSynopsis:\nOne.\n\nTwo."
    assert split_logline_text(english) == ("A keeper waits.", ["One.", "Two."])
    assert split_logline_text(english, translate) == ("A keeper waits.", ["One.", "Two."])
    shown = "一句话梗概：灯塔守望者。\n\n梗概：\n一。\n\n二。"
    assert split_logline_text(shown, translate) == ("灯塔守望者。", ["一。", "二。"])
    assert split_logline_text("LOGLINE:  Loud.\n\nNo label here.") == ("Loud.", ["No label here."])
    assert split_logline_text("梗概: 只有梗概。", translate) == ("", ["只有梗概。"])


def test_a_take_streaming_in_is_labelled_in_chinese(qapp) -> None:
    """While a structured take streams in, its JSON fields read as the final take's labels,
    in the interface's language; the values are the model's."""
    from PySide6.QtCore import QCoreApplication

    from reelwright.desktop.take_text import readable_partial_json

    copy_ = '{"tagline": "Out at sea", "posts": ["One", "Tw'
    trailer = '{"world": [{"moment": "M1", "seconds": 4, "shot": "WIDE SHOT", "music": "dr'
    assert readable_partial_json(copy_).splitlines() == [
        "Tagline: Out at sea",
        "Posts:",
        "  • One",
        "  • Tw",
    ]
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    try:
        translate = QCoreApplication.translate
        assert readable_partial_json(copy_, translate).splitlines() == [
            "宣传语：Out at sea",
            "社交媒体帖子：",
            "  • One",
            "  • Tw",
        ]
        assert readable_partial_json(trailer, translate).splitlines() == [
            "建置：",
            "片段：M1",
            "秒数：4",
            "镜头：WIDE SHOT",
            "音乐：dr",
        ]
        assert readable_partial_json('{"odd_key": "x"}', translate) == "Odd key：x"
    finally:
        assert i18n.install(qapp, "en") == "en"
