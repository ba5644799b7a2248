<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>{name} was not opened; this is a new, empty script</source>
        <translation>未打开 {name}；现在是一个新的空白剧本</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>(untitled section)</source>
        <translation>（未命名章节）</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <source>Who speaks how much</source>
        <translation>谁说了多少</translation>
    </message>
    <message>
        <source>{words} words · {share}</source>
        <translation>{words} 字 · {share}</translation>
    </message>
    <message>
        <source>No dialogue yet.</source>
        <translation>还没有对白。</translation>
    </message>
    <message>
        <source>Scene lengths along the script</source>
        <translation>各场景长度（按剧本顺序）</translation>
    </message>
    <message>
        <source>{count} scenes in script order; bar height: pages (click a bar to go there)</source>
        <translation>共 {count} 场，按剧本顺序排列；柱高：页数（点击柱条可跳转到该场）</translation>
    </message>
    <message>
        <source>No scenes yet.</source>
        <translation>还没有场景。</translation>
    </message>
    <message>
        <source>Day and night, interior and exterior (share of pages)</source>
        <translation>日景与夜景、内景与外景（按页数占比）</translation>
    </message>
    <message>
        <source>Day / night</source>
        <translation>日 / 夜</translation>
    </message>
    <message>
        <source>INT / EXT</source>
        <translation>内景 / 外景</translation>
    </message>
    <message>
        <source>{label} {share}: {pages} pp, {scenes} sc.</source>
        <translation>{label} {share}：{pages} 页，{scenes} 场</translation>
    </message>
    <message>
        <source>page {page}, {length} pp, {period}</source>
        <translation>从第 {page} 页起，长 {length} 页，{period}</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>moved and changed</source>
        <translation>移动并修改</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Before the first scene</source>
        <translation>第一场之前</translation>
    </message>
    <message>
        <source>Compare Drafts — Reelwright</source>
        <translation>比较稿本 — Reelwright</translation>
    </message>
    <message>
        <source>Choose a version to compare with the script in the editor.</source>
        <translation>选择一个版本，与编辑器中的剧本进行比较。</translation>
    </message>
    <message>
        <source>Saved Version</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Autosave…</source>
        <translation>自动保存…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show unchanged scenes</source>
        <translation>显示未变的场景</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>The script has not been saved yet: there is no saved version to compare with.</source>
        <translation>剧本尚未保存：没有可供比较的已保存版本。</translation>
    </message>
    <message>
        <source>the saved file {name}</source>
        <translation>已保存的文件 {name}</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>与之比较</translation>
    </message>
    <message>
        <source>Scripts (*.fountain *.spmd *.txt *.fdx);;All files (*)</source>
        <translation>剧本 (*.fountain *.spmd *.txt *.fdx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This session&apos;s autosave</source>
        <translation>本次会话的自动保存</translation>
    </message>
    <message>
        <source>There are no autosaved copies (they exist while a script has unsaved changes).</source>
        <translation>没有自动保存的副本（只有剧本有未保存的修改时才会存在）。</translation>
    </message>
    <message>
        <source>Compare with an Autosave</source>
        <translation>与自动保存的副本比较</translation>
    </message>
    <message>
        <source>Autosaved copy:</source>
        <translation>自动保存的副本：</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>没有差别</translation>
    </message>
    <message>
        <source>compared in {seconds} s</source>
        <translation>比较用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>{count} {what}</source>
        <translation>{what} {count} 场</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>both drafts are empty</source>
        <translation>两个稿本都是空的</translation>
    </message>
    <message>
        <source>Changes from {source} to {name} in the editor</source>
        <translation>变化：{source} → 编辑器中的 {name}</translation>
    </message>
    <message>
        <source>{change}: words added / removed</source>
        <translation>{change}：增加 / 删除的字数</translation>
    </message>
    <message>
        <source>No differences to show.</source>
        <translation>没有可显示的差别。</translation>
    </message>
    <message>
        <source>was scene {number} (line {line})</source>
        <translation>原为第 {number} 场（第 {line} 行）</translation>
    </message>
    <message>
        <source>now scene {number} (line {line})</source>
        <translation>现为第 {number} 场（第 {line} 行）</translation>
    </message>
    <message>
        <source>Compare Drafts</source>
        <translation>比较稿本</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>&amp;Compare Drafts</source>
        <translation>比较稿本(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>an untitled script (autosaved {when})</source>
        <translation>一个未命名的剧本（自动保存于 {when}）</translation>
    </message>
    <message>
        <source>{name} (autosaved {when})</source>
        <translation>{name}（自动保存于 {when}）</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>保存对 {name} 的修改吗？</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>如果不保存，你的修改将会丢失。</translation>
    </message>
    <message>
        <source>{name} was changed by another program.</source>
        <translation>{name} 已被其他程序修改。</translation>
    </message>
    <message>
        <source>Reload it and lose your unsaved changes, or keep your version?</source>
        <translation>重新载入并放弃你未保存的修改，还是保留你的版本？</translation>
    </message>
    <message>
        <source>Reload the version on disk, or keep the one in the editor?</source>
        <translation>重新载入磁盘上的版本，还是保留编辑器中的版本？</translation>
    </message>
    <message>
        <source>Reload from Disk</source>
        <translation>从磁盘重新载入</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <source>{name} was changed by another program since you opened it.
Save anyway and replace that version?</source>
        <translation>自你打开 {name} 以来，它已被其他程序修改。
仍要保存并替换那个版本吗？</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Reelwright closed unexpectedly. Restore {script}?</source>
        <translation>Reelwright 意外关闭。要恢复 {script} 吗？</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Imported {name}; save it as a .fountain file</source>
        <translation>已导入 {name}；请将它另存为 .fountain 文件</translation>
    </message>
    <message>
        <source>{name} was not opened</source>
        <translation>未打开 {name}</translation>
    </message>
    <message>
        <source>Opened {name} as {encoding}; saving it writes UTF-8</source>
        <translation>已按 {encoding} 编码打开 {name}；保存时将写为 UTF-8</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
    <message>
        <source>{message}; its Reelwright data: {warnings}</source>
        <translation>{message}；其中的 Reelwright 数据：{warnings}</translation>
    </message>
    <message>
        <source>Could not read the autosaved copy: {reason}</source>
        <translation>无法读取自动保存的副本：{reason}</translation>
    </message>
    <message>
        <source>Restored unsaved work; save it to keep it (autosave failed: {reason})</source>
        <translation>已恢复未保存的工作；请保存以留存（自动保存失败：{reason}）</translation>
    </message>
    <message>
        <source>Restored unsaved work; save it to keep it</source>
        <translation>已恢复未保存的工作；请保存以留存</translation>
    </message>
    <message>
        <source>{name} was not saved: {reason}</source>
        <translation>{name} 未保存：{reason}</translation>
    </message>
    <message>
        <source>Saved {name} in UTF-8 (it was {encoding})</source>
        <translation>已将 {name} 保存为 UTF-8（原为 {encoding}）</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Save Script</source>
        <translation>保存剧本</translation>
    </message>
    <message>
        <source>Fountain (*.fountain)</source>
        <translation>Fountain 剧本 (*.fountain)</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
        <source>Exported {name}</source>
        <translation>已导出 {name}</translation>
    </message>
    <message>
        <source>Reloaded {name}</source>
        <translation>已重新载入 {name}</translation>
    </message>
</context>
<context>
    <name>ElementKeys</name>
    <message>
        <source>scene heading</source>
        <translation>场景标题</translation>
    </message>
    <message>
        <source>action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>parenthetical</source>
        <translation>括号注释</translation>
    </message>
    <message>
        <source>dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <source>transition</source>
        <translation>转场</translation>
    </message>
    <message>
        <source>shot</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>A {element} goes inside a speech: put a character cue above it</source>
        <translation>{element}只能写在角色名之下的台词里：请先在上方写角色名</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <source>Western European (Windows-1252)</source>
        <translation>西欧语言 (Windows-1252)</translation>
    </message>
    <message>
        <source>Western European (ISO 8859-1)</source>
        <translation>西欧语言 (ISO 8859-1)</translation>
    </message>
    <message>
        <source>Western European (ISO 8859-15)</source>
        <translation>西欧语言 (ISO 8859-15)</translation>
    </message>
    <message>
        <source>Western European (Mac OS Roman)</source>
        <translation>西欧语言 (Mac OS Roman)</translation>
    </message>
    <message>
        <source>Central European (Windows-1250)</source>
        <translation>中欧语言 (Windows-1250)</translation>
    </message>
    <message>
        <source>Central European (ISO 8859-2)</source>
        <translation>中欧语言 (ISO 8859-2)</translation>
    </message>
    <message>
        <source>Cyrillic (Windows-1251)</source>
        <translation>西里尔文 (Windows-1251)</translation>
    </message>
    <message>
        <source>Cyrillic (KOI8-R)</source>
        <translation>西里尔文 (KOI8-R)</translation>
    </message>
    <message>
        <source>Greek (Windows-1253)</source>
        <translation>希腊文 (Windows-1253)</translation>
    </message>
    <message>
        <source>Turkish (Windows-1254)</source>
        <translation>土耳其文 (Windows-1254)</translation>
    </message>
    <message>
        <source>Hebrew (Windows-1255)</source>
        <translation>希伯来文 (Windows-1255)</translation>
    </message>
    <message>
        <source>Arabic (Windows-1256)</source>
        <translation>阿拉伯文 (Windows-1256)</translation>
    </message>
    <message>
        <source>Baltic (Windows-1257)</source>
        <translation>波罗的海语言 (Windows-1257)</translation>
    </message>
    <message>
        <source>Japanese (Shift JIS)</source>
        <translation>日文 (Shift JIS)</translation>
    </message>
    <message>
        <source>Japanese (Windows-31J)</source>
        <translation>日文 (Windows-31J)</translation>
    </message>
    <message>
        <source>Japanese (EUC-JP)</source>
        <translation>日文 (EUC-JP)</translation>
    </message>
    <message>
        <source>Chinese, simplified (GB 18030)</source>
        <translation>简体中文 (GB 18030)</translation>
    </message>
    <message>
        <source>Chinese, simplified (GBK)</source>
        <translation>简体中文 (GBK)</translation>
    </message>
    <message>
        <source>Chinese, traditional (Big5)</source>
        <translation>繁体中文 (Big5)</translation>
    </message>
    <message>
        <source>Korean (Windows-949)</source>
        <translation>韩文 (Windows-949)</translation>
    </message>
    <message>
        <source>Korean (EUC-KR)</source>
        <translation>韩文 (EUC-KR)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16, little-endian)</source>
        <translation>Unicode (UTF-16，小端序)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16, big-endian)</source>
        <translation>Unicode (UTF-16，大端序)</translation>
    </message>
    <message>
        <source>Choose the Encoding</source>
        <translation>选择编码</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; is not UTF-8 text. Choose the encoding it was written in: the preview shows the script as it would be read. Saving it writes UTF-8.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 不是 UTF-8 文本。请选择它原来使用的编码：预览会显示按该编码读出的剧本。保存时将写为 UTF-8。</translation>
    </message>
    <message>
        <source>Choose an encoding.</source>
        <translation>请选择一种编码。</translation>
    </message>
    <message>
        <source>{encoding} does not read this file (unknown, or bytes it cannot hold).</source>
        <translation>{encoding} 无法读取此文件（未知编码，或文件中有它无法表示的字节）。</translation>
    </message>
    <message>
        <source>Read as {encoding}.</source>
        <translation>按 {encoding} 读取。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全词匹配</translation>
    </message>
    <message>
        <source>Keep case</source>
        <translation>保持大小写</translation>
    </message>
    <message>
        <source>jenny → jenna, Jenny → Jenna, JENNY → JENNA</source>
        <translation>jenny → jenna，Jenny → Jenna，JENNY → JENNA</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到 {count} 处</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>第 {n} 处，共 {total} 处</translation>
    </message>
    <message>
        <source>{count} replaced</source>
        <translation>已替换 {count} 处</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Writing Goal</source>
        <translation>写作目标</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>不设目标</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>本次写作</translation>
    </message>
    <message>
        <source>The whole draft</source>
        <translation>整个稿本</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标值：</translation>
    </message>
    <message>
        <source>Counted over:</source>
        <translation>统计范围：</translation>
    </message>
    <message>
        <source> pages</source>
        <translation> 页</translation>
    </message>
    <message>
        <source> words</source>
        <translation> 字</translation>
    </message>
</context>
<context>
    <name>GoalReadout</name>
    <message>
        <source>Writing goal: click to change it</source>
        <translation>写作目标：点击可修改</translation>
    </message>
    <message>
        <source>Goal: {progress}</source>
        <translation>目标：{progress}</translation>
    </message>
</context>
<context>
    <name>GoalTracker</name>
    <message>
        <source>Goal reached: {progress}</source>
        <translation>已达成目标：{progress}</translation>
    </message>
</context>
<context>
    <name>Goals</name>
    <message>
        <source>{done} / {target} pages this session</source>
        <translation>本次写作 {done} / {target} 页</translation>
    </message>
    <message>
        <source>{done} / {target} pages in the draft</source>
        <translation>稿本共 {done} / {target} 页</translation>
    </message>
    <message>
        <source>{done} / {target} words this session</source>
        <translation>本次写作 {done} / {target} 字</translation>
    </message>
    <message>
        <source>{done} / {target} words in the draft</source>
        <translation>稿本共 {done} / {target} 字</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Write screenplays in Fountain, offline, with a local co-writer.</source>
        <translation>用 Fountain 写剧本，完全离线，并有本地运行的 AI 协作写手。</translation>
    </message>
    <message>
        <source>Keyboard reference</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <source>Every key of this window. On macOS, Ctrl is the Command key.</source>
        <translation>本窗口的全部快捷键。在 macOS 上，Ctrl 即 Command 键。</translation>
    </message>
    <message>
        <source>A script is plain text. What a line &lt;i&gt;is&lt;/i&gt; follows from what it says and where it stands; a character at the start &lt;i&gt;forces&lt;/i&gt; an element when the plain form would be read as something else. The Element menu (Ctrl+1…7) writes that markup for you.</source>
        <translation>剧本就是纯文本。一行&lt;i&gt;是什么&lt;/i&gt;元素，取决于它写了什么、位于何处；当普通写法会被读成别的元素时，可以在行首加一个符号来&lt;i&gt;强制&lt;/i&gt;指定。“元素”菜单（Ctrl+1…7）会替你写好这些标记。</translation>
    </message>
    <message>
        <source>Scene heading</source>
        <translation>场景标题</translation>
    </message>
    <message>
        <source>&lt;tt&gt;INT. KITCHEN - NIGHT&lt;/tt&gt;: starts with INT, EXT, EST, INT./EXT. or I/E, a blank line before and after. Forced: &lt;tt&gt;.SNIPER SCOPE POV&lt;/tt&gt;. A scene number goes at the end: &lt;tt&gt;INT. KITCHEN - NIGHT #12A#&lt;/tt&gt;.</source>
        <translation>&lt;tt&gt;INT. KITCHEN - NIGHT&lt;/tt&gt;：以 INT、EXT、EST、INT./EXT. 或 I/E 开头，前后各空一行。强制写法：&lt;tt&gt;.SNIPER SCOPE POV&lt;/tt&gt;。场次编号写在末尾：&lt;tt&gt;INT. KITCHEN - NIGHT #12A#&lt;/tt&gt;。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Anything else. Every line break is kept. Forced: &lt;tt&gt;!SUDDENLY&lt;/tt&gt;.</source>
        <translation>其他所有文字。每一处换行都会保留。强制写法：&lt;tt&gt;!SUDDENLY&lt;/tt&gt;。</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>&lt;tt&gt;MAYA&lt;/tt&gt; in upper case, a blank line before, the speech right below. Extensions in any case: &lt;tt&gt;MAYA (V.O.)&lt;/tt&gt;, &lt;tt&gt;MAYA (cont&apos;d)&lt;/tt&gt;. Text after the extension makes the line action: &lt;tt&gt;JOHN (40s) sits on a hay bale.&lt;/tt&gt; Forced: &lt;tt&gt;@McCLANE&lt;/tt&gt;.</source>
        <translation>角色名 &lt;tt&gt;MAYA&lt;/tt&gt; 全部大写，上方空一行，台词紧接在下方。扩展可以是任意大小写：&lt;tt&gt;MAYA (V.O.)&lt;/tt&gt;、&lt;tt&gt;MAYA (cont&apos;d)&lt;/tt&gt;。扩展后面还有文字，这一行就是动作：&lt;tt&gt;JOHN (40s) sits on a hay bale.&lt;/tt&gt; 强制写法：&lt;tt&gt;@McCLANE&lt;/tt&gt;。</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <source>The lines under a cue, up to a blank line. A line of two spaces keeps an empty line inside a speech.</source>
        <translation>角色名下方直到空行为止的各行。只含两个空格的一行，可在台词中保留一个空行。</translation>
    </message>
    <message>
        <source>Parenthetical</source>
        <translation>括号注释</translation>
    </message>
    <message>
        <source>&lt;tt&gt;(quietly)&lt;/tt&gt; on its own line inside a speech.</source>
        <translation>在台词中单独成行的 &lt;tt&gt;(quietly)&lt;/tt&gt;。</translation>
    </message>
    <message>
        <source>Dual dialogue</source>
        <translation>并列对白</translation>
    </message>
    <message>
        <source>&lt;tt&gt;^&lt;/tt&gt; after the second cue: &lt;tt&gt;BOB ^&lt;/tt&gt;.</source>
        <translation>在第二个角色名后加 &lt;tt&gt;^&lt;/tt&gt;：&lt;tt&gt;BOB ^&lt;/tt&gt;。</translation>
    </message>
    <message>
        <source>Transition</source>
        <translation>转场</translation>
    </message>
    <message>
        <source>&lt;tt&gt;CUT TO:&lt;/tt&gt;: upper case, ending in TO:, blank lines around. Forced: &lt;tt&gt;&amp;gt; FADE OUT.&lt;/tt&gt;</source>
        <translation>&lt;tt&gt;CUT TO:&lt;/tt&gt;：全部大写，以 TO: 结尾，前后空行。强制写法：&lt;tt&gt;&amp;gt; FADE OUT.&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Shot</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>Written as a forced heading: &lt;tt&gt;.ANGLE ON MAYA&lt;/tt&gt;.</source>
        <translation>写成强制的场景标题：&lt;tt&gt;.ANGLE ON MAYA&lt;/tt&gt;。</translation>
    </message>
    <message>
        <source>Centered</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>&lt;tt&gt;&amp;gt; THE END &amp;lt;&lt;/tt&gt;</source>
        <translation>&lt;tt&gt;&amp;gt; THE END &amp;lt;&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation>歌词</translation>
    </message>
    <message>
        <source>&lt;tt&gt;~Happy birthday to you&lt;/tt&gt;</source>
        <translation>&lt;tt&gt;~Happy birthday to you&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Emphasis</source>
        <translation>强调</translation>
    </message>
    <message>
        <source>&lt;tt&gt;*italic*&lt;/tt&gt;, &lt;tt&gt;**bold**&lt;/tt&gt;, &lt;tt&gt;***bold italic***&lt;/tt&gt;, &lt;tt&gt;_underline_&lt;/tt&gt;; &lt;tt&gt;\*&lt;/tt&gt; is a plain star.</source>
        <translation>&lt;tt&gt;*斜体*&lt;/tt&gt;、&lt;tt&gt;**粗体**&lt;/tt&gt;、&lt;tt&gt;***粗斜体***&lt;/tt&gt;、&lt;tt&gt;_下划线_&lt;/tt&gt;；&lt;tt&gt;\*&lt;/tt&gt; 表示普通的星号。</translation>
    </message>
    <message>
        <source>Title page</source>
        <translation>标题页</translation>
    </message>
    <message>
        <source>First in the file: &lt;tt&gt;Title: The Last Crossing&lt;/tt&gt;, &lt;tt&gt;Author: …&lt;/tt&gt;, &lt;tt&gt;Draft date: …&lt;/tt&gt;; indent further lines of a value by three spaces.</source>
        <translation>写在文件最前面：&lt;tt&gt;Title: The Last Crossing&lt;/tt&gt;、&lt;tt&gt;Author: …&lt;/tt&gt;、&lt;tt&gt;Draft date: …&lt;/tt&gt;；一个值占多行时，后续各行缩进三个空格。</translation>
    </message>
    <message>
        <source>Sections, synopses</source>
        <translation>章节、梗概</translation>
    </message>
    <message>
        <source>&lt;tt&gt;# Act One&lt;/tt&gt;, &lt;tt&gt;## Sequence&lt;/tt&gt;, &lt;tt&gt;= The heist goes wrong.&lt;/tt&gt; Shown in the navigator, not printed.</source>
        <translation>&lt;tt&gt;# 第一幕&lt;/tt&gt;、&lt;tt&gt;## 段落&lt;/tt&gt;、&lt;tt&gt;= 抢劫出了岔子。&lt;/tt&gt; 显示在场景列表中，不会打印。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>&lt;tt&gt;[[a note to yourself]]&lt;/tt&gt;, not printed.</source>
        <translation>&lt;tt&gt;[[写给自己的笔记]]&lt;/tt&gt;，不会打印。</translation>
    </message>
    <message>
        <source>Boneyard</source>
        <translation>废稿区</translation>
    </message>
    <message>
        <source>&lt;tt&gt;/* cut text */&lt;/tt&gt;, ignored.</source>
        <translation>&lt;tt&gt;/* 删去的文字 */&lt;/tt&gt;，会被忽略。</translation>
    </message>
    <message>
        <source>Page break</source>
        <translation>分页</translation>
    </message>
    <message>
        <source>&lt;tt&gt;===&lt;/tt&gt; on its own line.</source>
        <translation>单独一行的 &lt;tt&gt;===&lt;/tt&gt;。</translation>
    </message>
    <message>
        <source>Chinese and Japanese</source>
        <translation>中文与日文</translation>
    </message>
    <message>
        <source>The full-width marks of an input method mean what the plain ones mean: &lt;tt&gt;Title：电影&lt;/tt&gt;, &lt;tt&gt;INT。 医院-夜&lt;/tt&gt;, &lt;tt&gt;＠张伟&lt;/tt&gt;, &lt;tt&gt;（轻声）&lt;/tt&gt;, &lt;tt&gt;［［笔记］］&lt;/tt&gt;. In a script written without capitals, a short name on its own line with speech below is a cue (&lt;tt&gt;张伟&lt;/tt&gt;); Script → Cues without Capitals switches that for the script. A heading in Chinese words is forced: &lt;tt&gt;．内景 医院 - 夜&lt;/tt&gt;.</source>
        <translation>输入法打出的全角符号与半角符号作用相同：&lt;tt&gt;Title：电影&lt;/tt&gt;、&lt;tt&gt;INT。 医院-夜&lt;/tt&gt;、&lt;tt&gt;＠张伟&lt;/tt&gt;、&lt;tt&gt;（轻声）&lt;/tt&gt;、&lt;tt&gt;［［笔记］］&lt;/tt&gt;。在没有大小写之分的剧本里，单独一行、下方紧接台词的简短名字就是角色名（&lt;tt&gt;张伟&lt;/tt&gt;）；可用“剧本 → 无大小写的角色名”为本剧本开关此规则。用中文写的场景标题需要强制写法：&lt;tt&gt;．内景 医院 - 夜&lt;/tt&gt;。</translation>
    </message>
    <message>
        <source>The full specification is at fountain.io/syntax.</source>
        <translation>完整规范见 fountain.io/syntax。</translation>
    </message>
    <message>
        <source>Fountain in one page</source>
        <translation>一页看懂 Fountain</translation>
    </message>
    <message>
        <source>Keyboard Reference</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <source>Fountain Syntax</source>
        <translation>Fountain 语法</translation>
    </message>
</context>
<context>
    <name>IndexCard</name>
    <message>
        <source>p. {page}</source>
        <translation>第 {page} 页</translation>
    </message>
    <message>
        <source>Double-click to write a synopsis</source>
        <translation>双击以填写梗概</translation>
    </message>
</context>
<context>
    <name>IndexCardsWindow</name>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Cyan</source>
        <translation>青色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>棕色</translation>
    </message>
    <message>
        <source>Gray</source>
        <translation>灰色</translation>
    </message>
    <message>
        <source>Index Cards — Reelwright</source>
        <translation>索引卡 — Reelwright</translation>
    </message>
    <message>
        <source>drag a card to move its scene · double-click a synopsis to edit it · Alt+arrows move the selected card · right-click for colours</source>
        <translation>拖动卡片可移动其场景 · 双击梗概可编辑 · Alt+方向键移动选中的卡片 · 右键设置颜色</translation>
    </message>
    <message>
        <source>{count} scenes · {how}</source>
        <translation>共 {count} 场 · {how}</translation>
    </message>
    <message>
        <source>Go to Scene</source>
        <translation>转到该场</translation>
    </message>
    <message>
        <source>Edit Synopsis</source>
        <translation>编辑梗概</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Move Earlier</source>
        <translation>前移</translation>
    </message>
    <message>
        <source>Move Later</source>
        <translation>后移</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>a new, empty script</source>
        <translation>新建一个空白剧本</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>open a script</source>
        <translation>打开剧本</translation>
    </message>
    <message>
        <source>&amp;Import Final Draft (FDX)…</source>
        <translation>导入 Final Draft (FDX)(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>save the script</source>
        <translation>保存剧本</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>print to PDF</source>
        <translation>输出为 PDF</translation>
    </message>
    <message>
        <source>Export &amp;Final Draft (FDX)…</source>
        <translation>导出 Final Draft (FDX)(&amp;F)…</translation>
    </message>
    <message>
        <source>Export F&amp;ountain…</source>
        <translation>导出 Fountain(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>about a word at a time</source>
        <translation>每次约撤销一个词</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find and &amp;Replace…</source>
        <translation>查找和替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go to Scene…</source>
        <translation>转到场景(&amp;G)…</translation>
    </message>
    <message>
        <source>by number</source>
        <translation>按场次编号</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>首选项(&amp;E)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>Page &amp;Breaks</source>
        <translation>分页线(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Distraction-Free Mode</source>
        <translation>专注写作模式(&amp;D)</translation>
    </message>
    <message>
        <source>only the page; Esc comes back</source>
        <translation>只显示稿纸；按 Esc 返回</translation>
    </message>
    <message>
        <source>&amp;Index Cards</source>
        <translation>索引卡(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Scene Heading</source>
        <translation>场景标题(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>动作(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Character</source>
        <translation>角色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Parenthetical</source>
        <translation>括号注释(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Dialogue</source>
        <translation>对白(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Transition</source>
        <translation>转场(&amp;T)</translation>
    </message>
    <message>
        <source>S&amp;hot</source>
        <translation>镜头(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Title Page…</source>
        <translation>标题页(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Rename Character…</source>
        <translation>角色改名(&amp;R)…</translation>
    </message>
    <message>
        <source>cues and mentions, as one undo step</source>
        <translation>角色名与正文中的提及一并修改，可一步撤销</translation>
    </message>
    <message>
        <source>US &amp;Letter</source>
        <translation>US Letter(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;A4</source>
        <translation>A4(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Automatic</source>
        <translation>自动(&amp;A)</translation>
    </message>
    <message>
        <source>as the script&apos;s letters say: on for Chinese or Japanese, off for scripts with capitals</source>
        <translation>由剧本的文字决定：中文或日文剧本为开，有大小写的剧本为关</translation>
    </message>
    <message>
        <source>Cues without Capitals: Automatic</source>
        <translation>无大小写的角色名：自动</translation>
    </message>
    <message>
        <source>&amp;On</source>
        <translation>开(&amp;O)</translation>
    </message>
    <message>
        <source>a short line without capitals, a blank line above and speech below, is a cue</source>
        <translation>上方是空行、下方是台词的一行不含大写字母的短文字，就是角色名</translation>
    </message>
    <message>
        <source>Cues without Capitals: On</source>
        <translation>无大小写的角色名：开</translation>
    </message>
    <message>
        <source>O&amp;ff</source>
        <translation>关(&amp;F)</translation>
    </message>
    <message>
        <source>only a name in capitals, or one forced with @, is a cue</source>
        <translation>只有全部大写或用 @ 强制的名字才是角色名</translation>
    </message>
    <message>
        <source>Cues without Capitals: Off</source>
        <translation>无大小写的角色名：关</translation>
    </message>
    <message>
        <source>Check &amp;Spelling as You Type</source>
        <translation>输入时检查拼写(&amp;S)</translation>
    </message>
    <message>
        <source>underline misspelt words; right-click one for suggestions</source>
        <translation>在拼错的词下画线；右键单击可查看建议</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>报表(&amp;R)…</translation>
    </message>
    <message>
        <source>charts, and the scene, cast and location tables</source>
        <translation>图表，以及场景表、角色表和场景地点表</translation>
    </message>
    <message>
        <source>With the &amp;Saved Version</source>
        <translation>与已保存的版本(&amp;S)</translation>
    </message>
    <message>
        <source>what changed since the last save</source>
        <translation>上次保存以来的改动</translation>
    </message>
    <message>
        <source>Compare with the Saved Version</source>
        <translation>与已保存的版本比较</translation>
    </message>
    <message>
        <source>With a &amp;File…</source>
        <translation>与文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Compare with a File</source>
        <translation>与文件比较</translation>
    </message>
    <message>
        <source>With an &amp;Autosave…</source>
        <translation>与自动保存的副本(&amp;A)…</translation>
    </message>
    <message>
        <source>Compare with an Autosave</source>
        <translation>与自动保存的副本比较</translation>
    </message>
    <message>
        <source>Writing &amp;Goal…</source>
        <translation>写作目标(&amp;G)…</translation>
    </message>
    <message>
        <source>a page or word target for the session or the draft</source>
        <translation>为本次写作或整个稿本设定页数或字数目标</translation>
    </message>
    <message>
        <source>&amp;Start Revision Round…</source>
        <translation>开始新一轮修订(&amp;S)…</translation>
    </message>
    <message>
        <source>the next round of revised pages: Blue, Pink, Yellow … with its date</source>
        <translation>下一轮修订页：蓝色、粉色、黄色……及其日期</translation>
    </message>
    <message>
        <source>&amp;Mark Revisions</source>
        <translation>标记修订(&amp;M)</translation>
    </message>
    <message>
        <source>mark every change in the current round and show it in its colour</source>
        <translation>把每处改动标记为当前一轮修订，并以该轮颜色显示</translation>
    </message>
    <message>
        <source>Clear Marks of the &amp;Current Round</source>
        <translation>清除当前一轮的修订标记(&amp;C)</translation>
    </message>
    <message>
        <source>Clear &amp;All Revision Marks</source>
        <translation>清除全部修订标记(&amp;A)</translation>
    </message>
    <message>
        <source>a clean draft: every round&apos;s marks go</source>
        <translation>干净的稿本：清除所有轮次的标记</translation>
    </message>
    <message>
        <source>&amp;Lock Scene Numbers</source>
        <translation>锁定场次编号(&amp;L)</translation>
    </message>
    <message>
        <source>write each scene&apos;s number; new scenes become 12A, 12B and deleted ones OMITTED</source>
        <translation>写入每场的编号；新增场景编为 12A、12B，删除的场景标为 OMITTED</translation>
    </message>
    <message>
        <source>&amp;Unlock Scene Numbers</source>
        <translation>解锁场次编号(&amp;U)</translation>
    </message>
    <message>
        <source>remove the OMITTED headings and number the scenes from 1 again</source>
        <translation>移除 OMITTED 场景标题，从 1 起重新编号场次</translation>
    </message>
    <message>
        <source>&amp;Omit Scene</source>
        <translation>删除场景并保留编号(&amp;O)</translation>
    </message>
    <message>
        <source>replace the scene at the caret by OMITTED, keeping its number</source>
        <translation>把光标所在场景替换为 OMITTED，保留其编号</translation>
    </message>
    <message>
        <source>Lock &amp;Pages</source>
        <translation>锁定页码(&amp;P)</translation>
    </message>
    <message>
        <source>keep the page numbers: added text makes 23A, cut pages make 24-25</source>
        <translation>保持页码不变：增加的内容成为 23A 页，删去的页合并为 24-25 页</translation>
    </message>
    <message>
        <source>U&amp;nlock Pages</source>
        <translation>解锁页码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Reference</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Fountain Syntax</source>
        <translation>Fountain 语法(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About Reelwright</source>
        <translation>关于 Reelwright(&amp;A)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>finishes the element: scene heading → action, action → action, character → dialogue, parenthetical → dialogue, dialogue → action, transition → scene heading; on an empty element, back to action</source>
        <translation>结束当前元素：场景标题 → 动作，动作 → 动作，角色 → 对白，括号注释 → 对白，对白 → 动作，转场 → 场景标题；在空元素上则回到动作</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>on an empty line: action → character → transition; in empty dialogue: parenthetical; in a line with text: the completions</source>
        <translation>在空行上：动作 → 角色 → 转场；在空的对白行：括号注释；在有文字的行：显示补全</translation>
    </message>
    <message>
        <source>Shift+Tab</source>
        <translation>Shift+Tab</translation>
    </message>
    <message>
        <source>on an empty line: one step back (transition → character → action, parenthetical → dialogue)</source>
        <translation>在空行上：后退一步（转场 → 角色 → 动作，括号注释 → 对白）</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>a new line in the same element, without the element change</source>
        <translation>在同一元素内换行，不切换元素</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>补全</translation>
    </message>
    <message>
        <source>in the completion list: take the name and move on as if the element were done</source>
        <translation>在补全列表中：采用该名称，并像写完该元素一样继续</translation>
    </message>
    <message>
        <source>Close Completions</source>
        <translation>关闭补全列表</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>元素</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>剧本</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>制片</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>输入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>E&amp;lement</source>
        <translation>元素(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation>剧本(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>写作(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>llama.cpp could not be loaded: {error}</source>
        <translation>无法加载 llama.cpp：{error}</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>not usable: {error}</source>
        <translation>无法使用：{error}</translation>
    </message>
    <message>
        <source>GPU offload available</source>
        <translation>可用 GPU 加速</translation>
    </message>
    <message>
        <source>GPU offload not built in</source>
        <translation>未编入 GPU 加速</translation>
    </message>
    <message>
        <source>Backend: {backend} ({offload})</source>
        <translation>后端：{backend}（{offload}）</translation>
    </message>
    <message>
        <source>Offloaded layers: {layers}</source>
        <translation>GPU 加速层数：{layers}</translation>
    </message>
    <message>
        <source>CPU threads: {threads}</source>
        <translation>CPU 线程数：{threads}</translation>
    </message>
    <message>
        <source>Context: {tokens} tokens</source>
        <translation>上下文：{tokens} 个词元</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Cues &amp;without Capitals</source>
        <translation>无大小写的角色名(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Paper Size</source>
        <translation>纸张大小(&amp;P)</translation>
    </message>
    <message>
        <source>Open Script</source>
        <translation>打开剧本</translation>
    </message>
    <message>
        <source>Scripts (*.fountain *.spmd *.txt *.fdx);;All files (*)</source>
        <translation>剧本 (*.fountain *.spmd *.txt *.fdx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Final Draft</source>
        <translation>导入 Final Draft</translation>
    </message>
    <message>
        <source>Final Draft (*.fdx)</source>
        <translation>Final Draft (*.fdx)</translation>
    </message>
    <message>
        <source>No recent scripts</source>
        <translation>没有最近打开的剧本</translation>
    </message>
    <message>
        <source>Save Script</source>
        <translation>保存剧本</translation>
    </message>
    <message>
        <source>Fountain (*.fountain)</source>
        <translation>Fountain 剧本 (*.fountain)</translation>
    </message>
    <message>
        <source>now on</source>
        <translation>当前为开</translation>
    </message>
    <message>
        <source>now off</source>
        <translation>当前为关</translation>
    </message>
    <message>
        <source>Cues without capitals: automatic (now on)</source>
        <translation>无大小写的角色名：自动（当前为开）</translation>
    </message>
    <message>
        <source>Cues without capitals: automatic (now off)</source>
        <translation>无大小写的角色名：自动（当前为关）</translation>
    </message>
    <message>
        <source>Cues without capitals: on (the title page says Caseless cues: {value})</source>
        <translation>无大小写的角色名：开（标题页写明 Caseless cues: {value}）</translation>
    </message>
    <message>
        <source>Cues without capitals: off (the title page says Caseless cues: {value})</source>
        <translation>无大小写的角色名：关（标题页写明 Caseless cues: {value}）</translation>
    </message>
    <message>
        <source>; a title page was added to hold it</source>
        <translation>；已添加标题页来保存此设置</translation>
    </message>
    <message>
        <source>Go to Scene</source>
        <translation>转到场景</translation>
    </message>
    <message>
        <source>Scene:</source>
        <translation>场景：</translation>
    </message>
    <message>
        <source>About Reelwright</source>
        <translation>关于 Reelwright</translation>
    </message>
    <message>
        <source>&amp;Production</source>
        <translation>制片(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Filter: words in the scene, or a character</source>
        <translation>筛选：场景中的文字，或角色名</translation>
    </message>
    <message>
        <source>Shows the scenes whose heading, synopsis or text holds these words, or where a character whose name starts with them speaks</source>
        <translation>显示标题、梗概或正文中含有这些文字的场景，或有名字以这些文字开头的角色说话的场景</translation>
    </message>
    <message>
        <source>Scene {number} was omitted</source>
        <translation>第 {number} 场已删除</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不显示</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两侧</translation>
    </message>
    <message>
        <source>Open the PDF after exporting</source>
        <translation>导出后打开 PDF</translation>
    </message>
    <message>
        <source>Follow the system ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>The language changes when Reelwright starts again.</source>
        <translation>重新启动 Reelwright 后将切换语言。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>纸张大小：</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>自动保存间隔：</translation>
    </message>
    <message>
        <source>Scene numbers in exports:</source>
        <translation>导出时的场次编号：</translation>
    </message>
</context>
<context>
    <name>Production</name>
    <message>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Goldenrod</source>
        <translation>金菊色</translation>
    </message>
    <message>
        <source>Buff</source>
        <translation>米黄色</translation>
    </message>
    <message>
        <source>Salmon</source>
        <translation>橙红色</translation>
    </message>
    <message>
        <source>Cherry</source>
        <translation>樱桃红</translation>
    </message>
    <message>
        <source>Double {colour}</source>
        <translation>第二轮{colour}</translation>
    </message>
    <message>
        <source>Triple {colour}</source>
        <translation>第三轮{colour}</translation>
    </message>
    <message>
        <source>Quadruple {colour}</source>
        <translation>第四轮{colour}</translation>
    </message>
    <message>
        <source>Quintuple {colour}</source>
        <translation>第五轮{colour}</translation>
    </message>
    <message>
        <source>{name} revision</source>
        <translation>{name}修订</translation>
    </message>
    <message>
        <source>Clear Marks of the &amp;{name} Round</source>
        <translation>清除{name}一轮的修订标记(&amp;C)</translation>
    </message>
    <message>
        <source>Started the {name} revision ({date}): changes are marked in its colour</source>
        <translation>已开始{name}修订（{date}）：改动以该轮颜色标记</translation>
    </message>
    <message>
        <source>Changes are marked in the {name} round</source>
        <translation>改动标记为{name}一轮</translation>
    </message>
    <message>
        <source>Changes are no longer marked</source>
        <translation>不再标记改动</translation>
    </message>
    <message>
        <source>Scene numbers locked: {count} scenes</source>
        <translation>场次编号已锁定：共 {count} 场</translation>
    </message>
    <message>
        <source>Scene numbers unlocked and renumbered</source>
        <translation>场次编号已解锁并重新编号</translation>
    </message>
    <message>
        <source>Lock the scene numbers first: an omitted scene keeps its number</source>
        <translation>请先锁定场次编号：删除的场景要保留其编号</translation>
    </message>
    <message>
        <source>The caret is not in a scene</source>
        <translation>光标不在场景中</translation>
    </message>
    <message>
        <source>Scene {number} omitted</source>
        <translation>第 {number} 场已删除</translation>
    </message>
    <message>
        <source>Pages locked: {count} pages</source>
        <translation>页码已锁定：共 {count} 页</translation>
    </message>
    <message>
        <source>Pages unlocked: they are numbered 1, 2, 3 … again</source>
        <translation>页码已解锁：重新按 1、2、3……编页</translation>
    </message>
    <message>
        <source>(not marking)</source>
        <translation>（不标记）</translation>
    </message>
    <message>
        <source>scenes locked</source>
        <translation>场次已锁定</translation>
    </message>
    <message>
        <source>pages locked</source>
        <translation>页码已锁定</translation>
    </message>
    <message>
        <source>{header}; marked lines print with {mark} in the margin</source>
        <translation>{header}；有标记的行打印时页边带 {mark}</translation>
    </message>
</context>
<context>
    <name>RenameCharacterDialog</name>
    <message>
        <source>Rename Character</source>
        <translation>角色改名</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新名字</translation>
    </message>
    <message>
        <source>Character:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名字：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Choose a character and type the new name.</source>
        <translation>请选择角色并输入新名字。</translation>
    </message>
    <message>
        <source>Cannot rename: {reason}.</source>
        <translation>无法改名：{reason}。</translation>
    </message>
    <message>
        <source>… and {count} more lines</source>
        <translation>……另有 {count} 行</translation>
    </message>
    <message>
        <source>{old} is not in the script</source>
        <translation>剧本中没有 {old}</translation>
    </message>
    <message>
        <source>Renames {old} to {new}: {cues} and {mentions}</source>
        <translation>将 {old} 改名为 {new}：{cues}，{mentions}</translation>
    </message>
    <message>
        <source>Renamed {old} to {new}: {cues} and {mentions}</source>
        <translation>已将 {old} 改名为 {new}：{cues}，{mentions}</translation>
    </message>
    <message>
        <source>{n} cue</source>
        <translation>{n} 处角色名</translation>
    </message>
    <message>
        <source>{n} cues</source>
        <translation>{n} 处角色名</translation>
    </message>
    <message>
        <source>{n} mention</source>
        <translation>{n} 处提及</translation>
    </message>
    <message>
        <source>{n} mentions</source>
        <translation>{n} 处提及</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Scene</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>场景标题</translation>
    </message>
    <message>
        <source>INT/EXT</source>
        <translation>内/外景</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Day/Night</source>
        <translation>日/夜</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Eighths</source>
        <translation>八分之一页数</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Synopsis</source>
        <translation>梗概</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>台词段数</translation>
    </message>
    <message>
        <source>Dialogue share %</source>
        <translation>对白占比 %</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>场数</translation>
    </message>
    <message>
        <source>Speaking scenes</source>
        <translation>有台词的场数</translation>
    </message>
    <message>
        <source>First scene</source>
        <translation>首次出场</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>首次出现页</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>夜</translation>
    </message>
    <message>
        <source>Dawn/Dusk</source>
        <translation>晨昏</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>INT</source>
        <translation>内景</translation>
    </message>
    <message>
        <source>EXT</source>
        <translation>外景</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Cast</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Reports — Reelwright</source>
        <translation>报表 — Reelwright</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>{title}: {pages} pages · {scenes} scenes · {cast} speaking characters · {locations} locations · {words} words</source>
        <translation>{title}：{pages} 页 · {scenes} 场 · {cast} 个有台词的角色 · {locations} 个地点 · {words} 字</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{stem} reports</source>
        <translation>{stem} 报表</translation>
    </message>
    <message>
        <source>Export Reports</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote {name}</source>
        <translation>已写入 {name}</translation>
    </message>
    <message>
        <source>Export Reports as CSV</source>
        <translation>将报表导出为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Wrote the scene, cast and location CSV files beside {name}</source>
        <translation>已在 {name} 旁写入场景、角色和地点的 CSV 文件</translation>
    </message>
    <message>
        <source>The reports were not written: {reason}</source>
        <translation>报表未能写入：{reason}</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>Start Revision Round</source>
        <translation>开始新一轮修订</translation>
    </message>
    <message>
        <source>Printed in the header of this round&apos;s pages</source>
        <translation>打印在这一轮修订页的页眉中</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>轮次(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>From now on every change is marked in this round&apos;s colour, and the pages it changes print with its name and date.</source>
        <translation>从现在起，每处改动都以这一轮的颜色标记；改动所在的页打印时带有该轮的名称和日期。</translation>
    </message>
</context>
<context>
    <name>SpellCheck</name>
    <message>
        <source>Spelling &amp;Options</source>
        <translation>拼写选项(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Check &amp;Notes</source>
        <translation>检查笔记(&amp;N)</translation>
    </message>
    <message>
        <source>Check &amp;Boneyard</source>
        <translation>检查废稿区(&amp;B)</translation>
    </message>
    <message>
        <source>Edit &amp;My Dictionary…</source>
        <translation>编辑我的词典(&amp;M)…</translation>
    </message>
    <message>
        <source>My Dictionary</source>
        <translation>我的词典</translation>
    </message>
    <message>
        <source>Words spell check accepts in every script, one per line:</source>
        <translation>拼写检查在所有剧本中都接受的词，每行一个：</translation>
    </message>
    <message>
        <source>(no suggestions)</source>
        <translation>（没有建议）</translation>
    </message>
    <message>
        <source>Add “{word}” to the Script’s Dictionary</source>
        <translation>将“{word}”加入本剧本的词典</translation>
    </message>
    <message>
        <source>Add “{word}” to My Dictionary</source>
        <translation>将“{word}”加入我的词典</translation>
    </message>
    <message>
        <source>Ignore “{word}”</source>
        <translation>忽略“{word}”</translation>
    </message>
    <message>
        <source>“{word}” was not added to the script’s dictionary: {reason}</source>
        <translation>“{word}”未加入本剧本的词典：{reason}</translation>
    </message>
</context>
<context>
    <name>TitlePageDialog</name>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Credit:</source>
        <translation>署名方式：</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>编剧：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>原著：</translation>
    </message>
    <message>
        <source>Draft date:</source>
        <translation>稿本日期：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <source>Copyright:</source>
        <translation>版权：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Title Page</source>
        <translation>标题页</translation>
    </message>
</context>
</TS>
