"""Chinese and Japanese lines break on screen where they break in print (issue 21, 18).

The print side (``screenplay.linebreak``) counts a CJK character as two columns and
breaks between any two of them except before closing and after opening punctuation
(kinsoku), keeping Latin words and numbers whole. On screen the glyphs come from a
fallback font (16 px against two columns of 9.6 px at 12 pt), so the highlighter lays
letter spacing over them (``ScriptHighlighter.set_grid``) and Qt's own line breaking
(Unicode's, which has the same kinsoku classes) then ends each line where the page does.

What still differs, and why: Korean. Qt keeps Hangul words whole and breaks at spaces
(as Korean word processors do by default), while ``linebreak`` breaks between any two
syllables; deciding which Final Draft does needs a Korean Final Draft reference, which
``../shared/final-draft/`` does not hold.
"""

from __future__ import annotations

import pytest

from reelwright.desktop.editor import ScriptEditor
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.linebreak import wrap_ranges

PARAGRAPHS = [
    "张伟赶到医院的时候，天已经黑了。他在走廊里来回踱步，不知道该怎么向家里人解释这一切。"
    "护士走过来说：“您可以进去了。”他点点头，推开门，看见母亲正靠在床头，朝他微笑。",
    "東京の夜は静かだった。彼女は窓の外を見つめながら、「もう戻れない」と小さくつぶやいた。"
    "ショックを受けた様子で、ゆっくりと立ち上がる。ドアの向こうで誰かが名前を呼んだ。",
    "Tom来了，他说：我们必须在10点之前到达Shanghai车站，否则一切都来不及了。大家都点了点头，"
    "Mary拿起包（她早就准备好了），第一个走出门去。",
    "「なぜ？」と聞かれても、答えられない。……それでも、彼は3000円を払い、タクシーに乗った。",
]


@pytest.fixture
def editor(qtbot):
    widget = ScriptEditor()
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    yield widget
    widget.document().setModified(False)


def _screen_lines(editor: ScriptEditor, number: int) -> list[str]:
    block = editor.document().findBlockByNumber(number)
    layout = block.layout()
    text = block.text()
    lines = []
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].rstrip())
    return lines


def _check(editor: ScriptEditor) -> None:
    layout = editor.page_layout
    text = "INT. 医院 - 夜\n\n" + "\n\n".join(PARAGRAPHS) + "\n\n张伟\n" + PARAGRAPHS[0] + "\n"
    editor.set_script_text(text)
    editor.document().documentLayout().documentSize()
    action = layout.width_chars(ElementType.ACTION)
    for index, paragraph in enumerate(PARAGRAPHS):
        printed = [paragraph[a:b] for a, b, _ in wrap_ranges(paragraph, action)]
        assert len(printed) > 1
        assert _screen_lines(editor, 2 + 2 * index) == printed, paragraph[:10]
    dialogue = layout.width_chars(ElementType.DIALOGUE)
    printed = [PARAGRAPHS[0][a:b] for a, b, _ in wrap_ranges(PARAGRAPHS[0], dialogue)]
    assert _screen_lines(editor, 3 + 2 * len(PARAGRAPHS)) == printed


def test_cjk_lines_end_where_the_page_ends_them(editor):
    _check(editor)


def test_and_at_every_zoom(editor):
    for steps in (4, -3):
        editor.set_zoom(steps)
        _check(editor)


def test_the_grid_changes_no_text(editor):
    editor.set_script_text(PARAGRAPHS[2] + "\n")
    assert editor.script_text() == PARAGRAPHS[2] + "\n"
    assert not editor.document().isModified()
    assert not editor.document().isUndoAvailable()
