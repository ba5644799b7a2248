<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Action</name>
    <message>
        <source>unknown action {action}; choose one of {actions}</source>
        <translation>未知的写作操作 {action}；可选：{actions}</translation>
    </message>
    <message>
        <source>the number of alternatives must be at least 1</source>
        <translation>备选版本数至少为 1</translation>
    </message>
    <message>
        <source>{action} needs at least {tokens} tokens of output room; raise the maximum tokens</source>
        <translation>{action} 至少需要 {tokens} 个词元的输出空间；请在采样设置中调高长度</translation>
    </message>
    <message>
        <source>unknown prompt style {style}; choose chat or completion</source>
        <translation>未知的提示词样式 {style}；请选择 chat 或 completion</translation>
    </message>
    <message>
        <source>the script has no scenes yet; write a scene heading first</source>
        <translation>剧本中还没有场景；请先写一个场景标题</translation>
    </message>
    <message>
        <source>{name} cannot be written as a character cue</source>
        <translation>{name} 无法写成角色名</translation>
    </message>
    <message>
        <source>scene {number} is the last scene; use next-scene to write what follows</source>
        <translation>第 {number} 场是最后一场；要写之后的内容，请用“下一场”</translation>
    </message>
    <message>
        <source>scene {number} has no dialogue yet and the script has no characters</source>
        <translation>第 {number} 场还没有对白，剧本中也还没有角色</translation>
    </message>
    <message>
        <source>shots need a scene with a heading</source>
        <translation>镜头列表需要一个有场景标题的场景</translation>
    </message>
    <message>
        <source>a trailer is 30, 60 or 90 seconds long</source>
        <translation>预告片时长为 30、60 或 90 秒</translation>
    </message>
    <message>
        <source>a trailer is cut from scenes: the script has none yet</source>
        <translation>预告片要从场景中剪出，而剧本中还没有场景</translation>
    </message>
    <message>
        <source>name the character to profile (--character NAME)</source>
        <translation>请指定要写人物小传的角色（--character 角色名）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>{name} never speaks in this script (characters: {some})</source>
        <translation>{name} 在本剧本中没有台词（角色：{some}）</translation>
    </message>
</context>
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
    <name>Check</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the model failed</source>
        <translation>模型出错</translation>
    </message>
    <message>
        <source>it repeats an earlier take</source>
        <translation>它与之前的一个版本重复</translation>
    </message>
    <message>
        <source>it repeats alternative {number}</source>
        <translation>它与备选 {number} 重复</translation>
    </message>
    <message>
        <source>this model does not write {language}; the model manager lists models that do</source>
        <translation>此模型不能写{language}；“模型管理”中列出了能写这种语言的模型</translation>
    </message>
    <message>
        <source>scene heading</source>
        <translation>场景标题</translation>
    </message>
    <message>
        <source>action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>character cue</source>
        <translation>角色名</translation>
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
        <source>centered text</source>
        <translation>居中文本</translation>
    </message>
    <message>
        <source>lyrics</source>
        <translation>歌词</translation>
    </message>
    <message>
        <source>section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>synopsis</source>
        <translation>梗概</translation>
    </message>
    <message>
        <source>note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>page break</source>
        <translation>分页符</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>it was cut off</source>
        <translation>回答被截断了</translation>
    </message>
    <message>
        <source>it is not valid JSON ({error})</source>
        <translation>不是有效的 JSON（{error}）</translation>
    </message>
    <message>
        <source>the answer is not usable: {why}</source>
        <translation>回答无法使用：{why}</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>回答不是 JSON 对象</translation>
    </message>
    <message>
        <source>the answer misses a field or value: {error}</source>
        <translation>回答缺少字段或取值：{error}</translation>
    </message>
    <message>
        <source>an unfinished last element was cut off (maximum tokens reached)</source>
        <translation>删去了未写完的最后一个元素（已达到长度上限）</translation>
    </message>
    <message>
        <source>the model wrote nothing usable</source>
        <translation>模型没有写出可用的内容</translation>
    </message>
    <message>
        <source>it holds elements that do not belong here: {kinds}</source>
        <translation>含有不该出现在这里的元素：{kinds}</translation>
    </message>
    <message>
        <source>it starts like a title page</source>
        <translation>开头像是标题页</translation>
    </message>
    <message>
        <source>it does not start with a scene heading</source>
        <translation>没有以场景标题开头</translation>
    </message>
    <message>
        <source>it holds more than one scene</source>
        <translation>包含不止一场</translation>
    </message>
    <message>
        <source>the scene has no action or dialogue</source>
        <translation>这一场既没有动作也没有对白</translation>
    </message>
    <message>
        <source>it does not start with a character cue</source>
        <translation>没有以角色名开头</translation>
    </message>
    <message>
        <source>unknown characters speak: {names}</source>
        <translation>有未知的角色说话：{names}</translation>
    </message>
    <message>
        <source>{name} has a cue but no dialogue</source>
        <translation>{name} 有角色名却没有对白</translation>
    </message>
    <message>
        <source>a character answers themself (the same cue twice with no action between)</source>
        <translation>有角色自己接自己的话（同一角色名连续出现两次，中间没有动作）</translation>
    </message>
    <message>
        <source>it keeps repeating the same lines</source>
        <translation>反复写同样的句子</translation>
    </message>
    <message>
        <source>it copies the script word for word ({share} of it)</source>
        <translation>逐字照抄剧本（占 {share}）</translation>
    </message>
    <message>
        <source>it repeats the instructions ({words})</source>
        <translation>复述了写作指令（{words}）</translation>
    </message>
    <message>
        <source>{count} action paragraph(s) in the first or second person left out</source>
        <translation>删去了 {count} 个用第一或第二人称写的动作段落</translation>
    </message>
    <message>
        <source>{count} paragraph(s) or speech(es) copied from the script left out</source>
        <translation>删去了 {count} 个照抄剧本的段落或台词</translation>
    </message>
    <message>
        <source>{count} paragraph(s) repeating the instructions left out</source>
        <translation>删去了 {count} 个复述写作指令的段落</translation>
    </message>
    <message>
        <source>once repeats are left out only {count} of the {fewest} items it needs remain</source>
        <translation>删去重复后只剩 {count} 项，至少需要 {fewest} 项</translation>
    </message>
    <message>
        <source>the rendered text starts like a title page</source>
        <translation>生成的文本开头像是标题页</translation>
    </message>
    <message>
        <source>the shot lines do not read back as action</source>
        <translation>镜头行读回来不是动作</translation>
    </message>
    <message>
        <source>the notes do not read back as notes</source>
        <translation>笔记读回来不是笔记</translation>
    </message>
    <message>
        <source>a trailer beat reads as a scene heading</source>
        <translation>有一个预告片节拍读起来像场景标题</translation>
    </message>
    <message>
        <source>no shots</source>
        <translation>没有镜头</translation>
    </message>
    <message>
        <source>{count} shot(s) chosen twice replaced by unused ones of the plan</source>
        <translation>把 {count} 个被选了两次的镜头换成了计划中未用过的镜头</translation>
    </message>
    <message>
        <source>{count} shot(s) chosen twice kept once</source>
        <translation>{count} 个被选了两次的镜头只保留一次</translation>
    </message>
    <message>
        <source>{count} shot(s) much like an earlier one left out</source>
        <translation>删去了 {count} 个与前面相似的镜头</translation>
    </message>
    <message>
        <source>beat durations cannot fill the trailer</source>
        <translation>节拍时长无法排满预告片</translation>
    </message>
    <message>
        <source>{count} repeated moment(s) replaced by unused ones</source>
        <translation>把 {count} 个重复的片段换成了未用过的片段</translation>
    </message>
    <message>
        <source>{count} repeated beat(s) left out</source>
        <translation>删去了 {count} 个重复的节拍</translation>
    </message>
    <message>
        <source>{count} on-screen text(s) much like an earlier beat&apos;s left out</source>
        <translation>删去了 {count} 处与前一节拍相似的屏幕文字</translation>
    </message>
    <message>
        <source>{count} on-screen text(s) with words in no dictionary left out</source>
        <translation>删去了 {count} 条含有词典里没有的词的屏幕文字</translation>
    </message>
    <message>
        <source>beat timings scaled from {asked} s to {length} s</source>
        <translation>节拍时长已从 {asked} 秒按比例调整为 {length} 秒</translation>
    </message>
    <message>
        <source>a profile of {name} instead of {wanted}</source>
        <translation>写成了 {name} 的人物小传，而不是 {wanted} 的</translation>
    </message>
    <message>
        <source>{count} sentence(s) or post(s) with words in no dictionary left out</source>
        <translation>删去了 {count} 个含有词典里没有的词的句子或帖子</translation>
    </message>
    <message>
        <source>{count} post(s) much like an earlier one left out</source>
        <translation>删去了 {count} 条与前面相似的帖子</translation>
    </message>
</context>
<context>
    <name>CoWriter</name>
    <message>
        <source>SmolLM2 135M (embedded)</source>
        <translation>SmolLM2 135M（内置）</translation>
    </message>
    <message>
        <source>Co-writer</source>
        <translation>协作写手</translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} 词元/秒</translation>
    </message>
    <message>
        <source>{tokens} tokens in {seconds} s of writing</source>
        <translation>写作 {seconds} 秒，共 {tokens} 个词元</translation>
    </message>
    <message>
        <source>Connecting to {model}…</source>
        <translation>正在连接 {model}…</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>正在加载 {model}…</translation>
    </message>
    <message>
        <source>{architecture}, context {tokens} tokens, loaded in {seconds} s</source>
        <translation>{architecture}，上下文 {tokens} 个词元，加载用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>Click to choose another model</source>
        <translation>单击可选择其他模型</translation>
    </message>
    <message>
        <source>{backend}, {layers} GPU layers</source>
        <translation>{backend}，GPU 加速 {layers} 层</translation>
    </message>
    <message>
        <source>Where the model runs</source>
        <translation>模型在哪里运行</translation>
    </message>
    <message>
        <source>Reading the script…</source>
        <translation>正在读取剧本…</translation>
    </message>
    <message>
        <source>The model cannot be used: {problem}. Open {write} ▸ {models} (or click the model&apos;s name in the status bar) to fix it or choose another model; your script is untouched and the editor keeps working.</source>
        <translation>无法使用该模型：{problem}。请打开“{write} ▸ {models}”（或单击状态栏中的模型名称）进行修复或改选其他模型；你的剧本未受影响，编辑器照常可用。</translation>
    </message>
    <message>
        <source>{model}: not usable</source>
        <translation>{model}：无法使用</translation>
    </message>
    <message>
        <source>Loads with the first suggestion; click to choose a model</source>
        <translation>第一次请求建议时加载；单击可选择模型</translation>
    </message>
    <message>
        <source>&lt;b&gt;SmolLM2 135M is a tiny demonstration model.&lt;/b&gt; It shows what each button does, but it cannot write scenes you will keep.</source>
        <translation>&lt;b&gt;SmolLM2 135M 只是一个很小的演示模型。&lt;/b&gt;它能演示每个按钮的作用，但写不出值得保留的场景。</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <comment>two sentences in a row</comment>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>Choose a bigger model in Models… to get real help.</source>
        <translation>请在“模型管理”中选择更大的模型，以获得真正的帮助。</translation>
    </message>
    <message>
        <source>For this computer: &lt;b&gt;{name}&lt;/b&gt; ({size} download). {reason}.</source>
        <translation>推荐本机使用：&lt;b&gt;{name}&lt;/b&gt;（需下载 {size}）。{reason}。</translation>
    </message>
    <message>
        <source>Download {name} ({size})</source>
        <translation>下载 {name}（{size}）</translation>
    </message>
    <message>
        <source>Downloading &lt;b&gt;{model}&lt;/b&gt;; the co-writer switches to it when the download is complete and checked.</source>
        <translation>正在下载 &lt;b&gt;{model}&lt;/b&gt;；下载完成并通过校验后，协作写手会改用它。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{model}&lt;/b&gt; is installed and checked: your next suggestion uses it.</source>
        <translation>&lt;b&gt;{model}&lt;/b&gt; 已安装并通过校验：下一条建议将由它来写。</translation>
    </message>
    <message>
        <source>Export Promo Script</source>
        <translation>导出预告片脚本</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The promo script was not written: {error}</source>
        <translation>预告片脚本未能写出：{error}</translation>
    </message>
    <message>
        <source>Promo script written to {path}</source>
        <translation>预告片脚本已写入 {path}</translation>
    </message>
    <message>
        <source>running on {backend}, context {tokens} tokens</source>
        <translation>运行于 {backend}，上下文 {tokens} 个词元</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
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
        <source>Exported {name}; note: {warnings}</source>
        <translation>已导出 {name}；注意：{warnings}</translation>
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
    <name>HeldPlace</name>
    <message>
        <source>the start of the script</source>
        <translation>剧本开头</translation>
    </message>
    <message>
        <source>scene {number} ({heading})</source>
        <translation>第 {number} 场（{heading}）</translation>
    </message>
    <message>
        <source>another script was opened since it was asked for</source>
        <translation>请求之后又打开了另一个剧本</translation>
    </message>
    <message>
        <source>no text was selected when it was asked for</source>
        <translation>请求时没有选中任何文字</translation>
    </message>
    <message>
        <source>the text that was selected has been deleted or replaced</source>
        <translation>请求时选中的文字已被删除或替换</translation>
    </message>
    <message>
        <source>the paragraph at the cursor has been deleted</source>
        <translation>光标所在的段落已被删除</translation>
    </message>
    <message>
        <source>the paragraph it was asked for has been deleted</source>
        <translation>请求时所在的段落已被删除</translation>
    </message>
    <message>
        <source>{scene} has been deleted</source>
        <translation>{scene}已被删除</translation>
    </message>
    <message>
        <source>the heading of {scene} is no longer a scene heading</source>
        <translation>{scene}的标题已不再是场景标题</translation>
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
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>the pages as they print; print them or save the PDF</source>
        <translation>按打印效果查看各页；可直接打印或保存为 PDF</translation>
    </message>
    <message>
        <source>Prin&amp;t…</source>
        <translation>打印(&amp;T)…</translation>
    </message>
    <message>
        <source>print the script&apos;s pages on a printer</source>
        <translation>用打印机打印剧本各页</translation>
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
    <name>Language</name>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>乌克兰语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>荷兰语</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <source>Latvian</source>
        <translation>拉脱维亚语</translation>
    </message>
    <message>
        <source>Basque</source>
        <translation>巴斯克语</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊语</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>波斯语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
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
        <source>Pro&amp;file</source>
        <translation>剧本格式(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Feature (Final Draft)</source>
        <translation>电影长片（Final Draft）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Multi-Camera (Sitcom)</source>
        <translation>多机位（情景喜剧）(&amp;M)</translation>
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
    <name>ModelManager</name>
    <message>
        <source>embedded</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>catalog</source>
        <translation>目录下载</translation>
    </message>
    <message>
        <source>added</source>
        <translation>手动添加</translation>
    </message>
    <message>
        <source>time left unknown</source>
        <translation>剩余时间未知</translation>
    </message>
    <message>
        <source>{seconds} s left</source>
        <translation>剩余 {seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s left</source>
        <translation>剩余 {minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min left</source>
        <translation>剩余 {hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <source>{done} of {total} · {speed}/s · {left}</source>
        <translation>{done} / {total} · {speed}/秒 · {left}</translation>
    </message>
    <message>
        <source>the file is gone: {path}</source>
        <translation>文件已不存在：{path}</translation>
    </message>
    <message>
        <source>Add it again from where it is now, or remove it from the list.</source>
        <translation>请从它现在所在的位置重新添加，或将它从列表中移除。</translation>
    </message>
    <message>
        <source>Download it again (remove it first).</source>
        <translation>请重新下载（先将它移除）。</translation>
    </message>
    <message>
        <source>Remove it and add a complete .gguf file.</source>
        <translation>请将它移除，再添加一个完整的 .gguf 文件。</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>模型管理</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Use This Model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <source>Add .gguf File…</source>
        <translation>添加 .gguf 文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>RAM needed</source>
        <translation>所需内存</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Good for</source>
        <translation>擅长</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>模型目录</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>How the model runs</source>
        <translation>模型的运行方式</translation>
    </message>
    <message>
        <source>all, with a GPU</source>
        <translation>全部（需有 GPU）</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU 加速层数</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>上下文大小</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>Changes apply from the next suggestion (the model loads again). A bigger context lets the model read more of the script and needs more memory.</source>
        <translation>更改从下一条建议起生效（模型会重新加载）。上下文越大，模型能读到的剧本内容越多，所需内存也越多。</translation>
    </message>
    <message>
        <source>Let a model on a server write: llama.cpp&apos;s llama-server, vLLM or any other OpenAI-compatible server, on this computer or on another one.</source>
        <translation>让服务器上的模型来写：llama.cpp 的 llama-server、vLLM 或任何兼容 OpenAI 的服务器，可以在本机，也可以在另一台电脑上。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>the one it serves</source>
        <translation>服务器提供的那个模型</translation>
    </message>
    <message>
        <source>none, or read from the variable below</source>
        <translation>无，或从下面的变量读取</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Key variable</source>
        <translation>密钥变量</translation>
    </message>
    <message>
        <source>Each suggestion sends the server its prompt, which is made of your script&apos;s text (title page, notes, nearby scenes). A key typed here is kept in Reelwright&apos;s settings file, readable by you only. Nothing else leaves this computer.</source>
        <translation>每次建议都会把提示词发给服务器，提示词由你的剧本文字组成（标题页、笔记、附近的场景）。在这里输入的密钥保存在 Reelwright 的设置文件中，只有你能读取。除此之外，没有任何内容离开这台电脑。</translation>
    </message>
    <message>
        <source>Use This Server</source>
        <translation>使用此服务器</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&lt;b&gt;Active model:&lt;/b&gt; {name}</source>
        <translation>&lt;b&gt;当前模型：&lt;/b&gt;{name}</translation>
    </message>
    <message>
        <source>Recommended for this computer: &lt;b&gt;{name}&lt;/b&gt; ({size}). {reason}.</source>
        <translation>推荐本机使用：&lt;b&gt;{name}&lt;/b&gt;（{size}）。{reason}。</translation>
    </message>
    <message>
        <source>No model in the catalog runs well on this computer; the embedded model stays.</source>
        <translation>目录中没有能在本机流畅运行的模型；继续使用内置模型。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>the separator of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Recommended for this computer</source>
        <translation>推荐本机使用</translation>
    </message>
    <message>
        <source>Total RAM a computer needs to run it on the CPU beside the system and Reelwright; a GPU with enough memory runs it faster</source>
        <translation>在 CPU 上运行它（同时运行系统和 Reelwright）所需的总内存；有足够显存的 GPU 运行得更快</translation>
    </message>
    <message>
        <source>Resume ({percent}%)</source>
        <translation>继续下载（{percent}%）</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name} cannot be used:&lt;/b&gt; {problem}. {fix}</source>
        <translation>&lt;b&gt;{name} 无法使用：&lt;/b&gt;{problem}。{fix}</translation>
    </message>
    <message>
        <source>Add a Model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not added:&lt;/b&gt; {error}</source>
        <translation>&lt;b&gt;未添加：&lt;/b&gt;{error}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not removed:&lt;/b&gt; {error}</source>
        <translation>&lt;b&gt;未移除：&lt;/b&gt;{error}</translation>
    </message>
    <message>
        <source>Type the server&apos;s address first, e.g. http://localhost:8080.</source>
        <translation>请先输入服务器地址，例如 http://localhost:8080。</translation>
    </message>
    <message>
        <source>Asking {host}…</source>
        <translation>正在询问 {host}…</translation>
    </message>
    <message>
        <source>{host} serves {models}.</source>
        <translation>{host} 提供 {models}。</translation>
    </message>
    <message>
        <source>{host} answers but does not list its models: type the model&apos;s name.</source>
        <translation>{host} 有响应，但没有列出它的模型：请输入模型名称。</translation>
    </message>
    <message>
        <source>The co-writer uses {model} from the next suggestion.</source>
        <translation>从下一次建议起，协作写手使用 {model}。</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>正在连接模型仓库…</translation>
    </message>
    <message>
        <source>{model} is installed and checked.</source>
        <translation>{model} 已安装并通过校验。</translation>
    </message>
    <message>
        <source>Cancelled; Resume continues where it stopped.</source>
        <translation>已取消；“继续下载”会从中断处接着下载。</translation>
    </message>
</context>
<context>
    <name>ModelStore</name>
    <message>
        <source>{model} (embedded)</source>
        <translation>{model}（内置）</translation>
    </message>
    <message>
        <source>the model on {host}</source>
        <translation>{host} 上的模型</translation>
    </message>
    <message>
        <source>{model} on {host}</source>
        <translation>{host} 上的 {model}</translation>
    </message>
</context>
<context>
    <name>ModelWorker</name>
    <message>
        <source>no model is loaded</source>
        <translation>尚未加载模型</translation>
    </message>
    <message>
        <source>llama-cpp-python is not usable here ({error}); reinstall it</source>
        <translation>llama-cpp-python 在此无法使用（{error}）；请重新安装</translation>
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
    <name>Phrase</name>
    <message>
        <source>{earlier}, {later}</source>
        <translation>{earlier}、{later}</translation>
    </message>
    <message>
        <source>{earlier}; {later}</source>
        <translation>{earlier}；{later}</translation>
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
    <name>PrintPreview</name>
    <message>
        <source>the printer could not be started (is it connected?)</source>
        <translation>无法启动打印机（是否已连接？）</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>The whole script</source>
        <translation>整个剧本</translation>
    </message>
    <message>
        <source>Revised pages (this round)</source>
        <translation>仅本轮修订页</translation>
    </message>
    <message>
        <source>Revision &amp;marks (*) beside changed lines</source>
        <translation>在改动行旁加修订标记（*）(&amp;M)</translation>
    </message>
    <message>
        <source>None: print on coloured paper</source>
        <translation>无：用彩色纸打印</translation>
    </message>
    <message>
        <source>Tint revised pages</source>
        <translation>给修订页着色</translation>
    </message>
    <message>
        <source>A band naming the colour</source>
        <translation>加一条注明颜色的色带</translation>
    </message>
    <message>
        <source>Revision &amp;rounds on the title page</source>
        <translation>在标题页列出修订轮次(&amp;R)</translation>
    </message>
    <message>
        <source>the title page&apos;s own</source>
        <translation>沿用标题页上的</translation>
    </message>
    <message>
        <source>say, the recipient&apos;s name</source>
        <translation>例如收件人的姓名</translation>
    </message>
    <message>
        <source>Pa&amp;ges:</source>
        <translation>页面(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Coloured paper:</source>
        <translation>彩色纸(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Draft date:</source>
        <translation>稿本日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Watermark:</source>
        <translation>水印(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>页眉(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Footer:</source>
        <translation>页脚(&amp;F)：</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>第一页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>最后一页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit the width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The title page and pages {labels}</source>
        <translation>标题页及第 {labels} 页</translation>
    </message>
    <message>
        <source>Pages {labels}</source>
        <translation>第 {labels} 页</translation>
    </message>
    <message>
        <source>title page</source>
        <translation>标题页</translation>
    </message>
    <message>
        <source>page {label}</source>
        <translation>第 {label} 页</translation>
    </message>
    <message>
        <source>Sheet {current} of {count}: {label}</source>
        <translation>第 {current} 张，共 {count} 张：{label}</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
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
    <name>Prompt</name>
    <message>
        <source>there is no scene {number}: the script has {last} scenes</source>
        <translation>没有第 {number} 场：剧本共有 {last} 场</translation>
    </message>
    <message>
        <source>scene summary thinned to one scene in {step}</source>
        <translation>分场概要只保留每 {step} 场中的一场</translation>
    </message>
    <message>
        <source>scene summary left out</source>
        <translation>省去了分场概要</translation>
    </message>
    <message>
        <source>writer&apos;s notes shortened</source>
        <translation>缩短了作者笔记</translation>
    </message>
    <message>
        <source>card {name} left out</source>
        <translation>省去了 {name} 的资料卡</translation>
    </message>
    <message>
        <source>the context window ({context} tokens) leaves no room for a prompt after {tokens} tokens of output; lower the maximum tokens</source>
        <translation>上下文窗口（{context} 个词元）留出 {tokens} 个词元的输出空间后，已放不下提示词；请在采样设置中调低长度</translation>
    </message>
    <message>
        <source>the prompt does not fit in the context window ({context} tokens) even without scenes; use a model with a longer context or lower the maximum tokens</source>
        <translation>即使不放任何场景，提示词也超出了上下文窗口（{context} 个词元）；请换用上下文更长的模型，或在采样设置中调低长度</translation>
    </message>
    <message>
        <source>scene {number} shortened</source>
        <translation>缩短了第 {number} 场</translation>
    </message>
    <message>
        <source>{count} farther scene(s) left out</source>
        <translation>省去了较远的 {count} 场</translation>
    </message>
    <message>
        <source>scene {number} left out</source>
        <translation>省去了第 {number} 场</translation>
    </message>
    <message>
        <source>a card left out</source>
        <translation>省去了一张资料卡</translation>
    </message>
    <message>
        <source>the prompt does not fit in the context window ({context} tokens)</source>
        <translation>提示词超出了上下文窗口（{context} 个词元）</translation>
    </message>
</context>
<context>
    <name>Recommendation</name>
    <message>
        <source>The best writer in the catalog that fits in the {memory} {gpu} shares with the system</source>
        <translation>目录中写作能力最强、且能装进 {gpu} 与系统共享的 {memory} 内存的模型</translation>
    </message>
    <message>
        <source>The best writer in the catalog that fits in the {memory} of {gpu}</source>
        <translation>目录中写作能力最强、且能装进 {gpu} 的 {memory} 显存的模型</translation>
    </message>
    <message>
        <source>{memory} of RAM</source>
        <translation>{memory} 内存</translation>
    </message>
    <message>
        <source>8 GB of RAM (assumed: unknown)</source>
        <translation>8 GB 内存（无法读取，按此估算）</translation>
    </message>
    <message>
        <source>The best writer in the catalog that runs at a quick pace on the CPU with {ram}</source>
        <translation>目录中写作能力最强、且在有 {ram}的 CPU 上能较快运行的模型</translation>
    </message>
    <message>
        <source>The best writer in the catalog that runs at a steady pace on the CPU with {ram}</source>
        <translation>目录中写作能力最强、且在有 {ram}的 CPU 上能平稳运行的模型</translation>
    </message>
    <message>
        <source> ({gpu} has too little memory for it)</source>
        <translation>（{gpu} 的显存不够）</translation>
    </message>
    <message>
        <source>, and it writes {language}</source>
        <translation>，并且能写{language}</translation>
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
    <name>SamplerPopover</name>
    <message>
        <source>&lt;b&gt;Sampling for {action}&lt;/b&gt;</source>
        <translation>&lt;b&gt;“{action}”的采样设置&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Higher writes more surprising text; 0 always picks the likeliest word</source>
        <translation>越高，写出的文字越出人意料；为 0 时总是选最可能的词</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>A fixed seed writes the same suggestion again</source>
        <translation>固定的种子会再次写出相同的建议</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>备选版本数</translation>
    </message>
    <message>
        <source>Action Defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>ScriptStatusBar</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word</source>
        <translation>
            <numerusform>%Ln 字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln words</source>
        <translation>
            <numerusform>%Ln 字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Locked pages: %n sheet to print</source>
        <translation>
            <numerusform>页面已锁定：共 %n 张待打印</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Locked pages: %Ln sheets to print, numbered as they were locked</source>
        <translation>
            <numerusform>页面已锁定：共 %Ln 张待打印，页码沿用锁定时的编号</numerusform>
        </translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
        <source>Scene {number}</source>
        <translation>第 {number} 场</translation>
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
    <name>SuggestionsPanel</name>
    <message>
        <source>Insert at Cursor</source>
        <translation>插入到光标处</translation>
    </message>
    <message>
        <source>Insert after This Paragraph</source>
        <translation>插入到本段之后</translation>
    </message>
    <message>
        <source>Insert after This Scene</source>
        <translation>插入到本场之后</translation>
    </message>
    <message>
        <source>Replace Selection</source>
        <translation>替换所选文字</translation>
    </message>
    <message>
        <source>Insert All Shots at Cursor</source>
        <translation>将全部镜头插入到光标处</translation>
    </message>
    <message>
        <source>Insert All Shots after This Paragraph</source>
        <translation>将全部镜头插入到本段之后</translation>
    </message>
    <message>
        <source>Insert All Shots after This Scene</source>
        <translation>将全部镜头插入到本场之后</translation>
    </message>
    <message>
        <source>Inserted at the cursor; Undo takes it out again.</source>
        <translation>已插入到光标处；撤销即可将其移除。</translation>
    </message>
    <message>
        <source>Inserted after the paragraph; Undo takes it out again.</source>
        <translation>已插入到该段之后；撤销即可将其移除。</translation>
    </message>
    <message>
        <source>Inserted after {scene}; Undo takes it out again.</source>
        <translation>已插入到{scene}之后；撤销即可将其移除。</translation>
    </message>
    <message>
        <source>Inserted over the selection; Undo takes it out again.</source>
        <translation>已替换所选文字；撤销即可还原。</translation>
    </message>
    <message>
        <source>{take} inserted at the cursor; Undo takes it out again.</source>
        <translation>{take} 已插入到光标处；撤销即可将其移除。</translation>
    </message>
    <message>
        <source>{take} inserted after the paragraph; Undo takes it out again.</source>
        <translation>{take} 已插入到该段之后；撤销即可将其移除。</translation>
    </message>
    <message>
        <source>{take} inserted after {scene}; Undo takes it out again.</source>
        <translation>{take} 已插入到{scene}之后；撤销即可将其移除。</translation>
    </message>
    <message>
        <source>{take} inserted over the selection; Undo takes it out again.</source>
        <translation>{take} 已替换所选文字；撤销即可还原。</translation>
    </message>
    <message>
        <source>being written</source>
        <translation>正在写作</translation>
    </message>
    <message>
        <source>ready to accept</source>
        <translation>可以采纳</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>stopped; kept to edit and accept</source>
        <translation>已停止；内容已保留，可编辑后采纳</translation>
    </message>
    <message>
        <source>Choose a writing action from the Write menu, the toolbar, the script&apos;s context menu or Write ▾ above.

Suggestions appear here as the model writes them. Nothing enters your script until you accept it, it goes where you asked for it, and one Undo takes it out again.</source>
        <translation>从“写作”菜单、工具栏、剧本的右键菜单或上方的“写作 ▾”中选择一项写作操作。

模型写出的建议会随写随显示在这里。在你采纳之前，任何内容都不会进入剧本；采纳后它会放到你请求时的位置，撤销一次即可将其移除。</translation>
    </message>
    <message>
        <source>Co-writer</source>
        <translation>协作写手</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写作</translation>
    </message>
    <message>
        <source>Ask for another kind of suggestion</source>
        <translation>请求另一种建议</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation>采样…</translation>
    </message>
    <message>
        <source>Temperature, length, seed, alternatives for this action</source>
        <translation>此操作的温度、长度、种子与备选版本数</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop writing; what was written stays as a take</source>
        <translation>停止写作；已写出的内容保留为一个版本</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Write another take of the one shown, beside it</source>
        <translation>为当前显示的建议再写一个版本，放在它旁边</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>The trailer as a two-column promo script</source>
        <translation>将预告片导出为双栏的预告片脚本</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>模型管理…</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>{seconds} seconds</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>drama</source>
        <translation>剧情</translation>
    </message>
    <message>
        <source>a general audience</source>
        <translation>普通观众</translation>
    </message>
    <message>
        <source>selling points, separated by ;</source>
        <translation>卖点，用 ; 分隔</translation>
    </message>
    <message>
        <source>optional: a new character may speak</source>
        <translation>可选：让一个新角色开口说话</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>受众</translation>
    </message>
    <message>
        <source>Selling</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New character</source>
        <translation>新角色</translation>
    </message>
    <message>
        <source>replaced by a new request</source>
        <translation>已被新的请求取代</translation>
    </message>
    <message>
        <source>Reading the script…</source>
        <translation>正在读取剧本…</translation>
    </message>
    <message>
        <source>Not written: the request could not run.</source>
        <translation>未写出：请求无法执行。</translation>
    </message>
    <message>
        <source>Writing… (the prompt holds {tokens} tokens; left out to fit: {parts})</source>
        <translation>正在写作…（提示词共 {tokens} 个词元；为放进上下文做了删减：{parts}）</translation>
    </message>
    <message>
        <source>Writing… (the prompt holds {tokens} tokens)</source>
        <translation>正在写作…（提示词共 {tokens} 个词元）</translation>
    </message>
    <message>
        <source>{take} did not pass its check ({why}); writing it again</source>
        <translation>{take} 未通过检查（{why}）；正在重写</translation>
    </message>
    <message>
        <source>Not usable: {why}.</source>
        <translation>不可用：{why}。</translation>
    </message>
    <message>
        <source>Stopped before anything was written.</source>
        <translation>还没写出任何内容就已停止。</translation>
    </message>
    <message>
        <source>Stopped ({why})</source>
        <translation>已停止（{why}）</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>{stopped}: what was written is kept. Edit it and accept it (it goes in as Fountain), or Regenerate.</source>
        <translation>{stopped}：已写出的内容已保留。可以编辑后采纳（以 Fountain 剧本格式插入），或重新生成。</translation>
    </message>
    <message>
        <source>{stopped}: what was written is kept. Edit it and accept it (it goes in as notes), or Regenerate.</source>
        <translation>{stopped}：已写出的内容已保留。可以编辑后采纳（以笔记形式插入），或重新生成。</translation>
    </message>
    <message>
        <source>Stopped. Kept to edit and accept: {takes}.</source>
        <translation>已停止。已保留、可编辑后采纳：{takes}。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>{ready} of {takes} ready to accept · {tokens} tokens in {seconds} s</source>
        <translation>{takes} 个版本中 {ready} 个可以采纳 · {seconds} 秒写出 {tokens} 个词元</translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} 词元/秒</translation>
    </message>
    <message>
        <source>{state}; inserted (Undo takes it out)</source>
        <translation>{state}；已插入（撤销即可移除）</translation>
    </message>
    <message>
        <source>{action} for {place}: {state}</source>
        <translation>{action}（{place}）：{state}</translation>
    </message>
    <message>
        <source>{action}: {state}</source>
        <translation>{action}：{state}</translation>
    </message>
    <message>
        <source>{clauses}.</source>
        <comment>the model layer&apos;s notes as a sentence</comment>
        <translation>{clauses}。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>the separator of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Not inserted: {why}.</source>
        <translation>未插入：{why}。</translation>
    </message>
    <message>
        <source>the scene</source>
        <translation>该场</translation>
    </message>
    <message>
        <source>Added to the title page notes; Undo takes it out again.</source>
        <translation>已添加到标题页的笔记中；撤销即可将其移除。</translation>
    </message>
    <message>
        <source>Insert as Synopsis Lines (=)</source>
        <translation>插入为梗概行（=）</translation>
    </message>
    <message>
        <source>Add to Title Page Notes</source>
        <translation>添加到标题页笔记</translation>
    </message>
    <message>
        <source>Export Promo Script PDF…</source>
        <translation>导出预告片脚本 PDF…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Accept All</source>
        <translation>全部采纳</translation>
    </message>
</context>
<context>
    <name>Take</name>
    <message>
        <source>Logline</source>
        <translation>一句话梗概</translation>
    </message>
    <message>
        <source>Synopsis</source>
        <translation>梗概</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>宣传语</translation>
    </message>
    <message>
        <source>Blurb</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>社交媒体帖子</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色定位</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>人物描述</translation>
    </message>
    <message>
        <source>Wants</source>
        <translation>欲望</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Flaw</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>语言风格</translation>
    </message>
    <message>
        <source>Arc</source>
        <translation>人物弧光</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Hero</source>
        <translation>主角</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Shots</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>镜头方案</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>景别</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>运动</translation>
    </message>
    <message>
        <source>World</source>
        <translation>建置</translation>
    </message>
    <message>
        <source>Disruption</source>
        <translation>变故</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Climax</source>
        <translation>高潮</translation>
    </message>
    <message>
        <source>Title music</source>
        <translation>片名音乐</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>节拍</translation>
    </message>
    <message>
        <source>Moment</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Shot</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>{label}: {text}</source>
        <translation>{label}：{text}</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>Trailer, {length} seconds, {genre}, for {audience}</source>
        <translation>预告片，{length} 秒，{genre}，面向{audience}</translation>
    </message>
    <message>
        <source>Trailer</source>
        <translation>预告片</translation>
    </message>
    <message>
        <source>From scene</source>
        <translation>来源场次</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>{name} {field}</source>
        <translation>{name} 的{field}</translation>
    </message>
    <message>
        <source>Blurb ({words} words)</source>
        <translation>简介（{words} 词）</translation>
    </message>
</context>
<context>
    <name>TakeView</name>
    <message>
        <source>inserted</source>
        <translation>已插入</translation>
    </message>
    <message>
        <source>Insert at the Cursor Instead</source>
        <translation>改为插入到光标处</translation>
    </message>
    <message>
        <source>Shot</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>已插入</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Voice-over</source>
        <translation>画外音</translation>
    </message>
    <message>
        <source>On-screen text</source>
        <translation>屏幕文字</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>&lt;b&gt;Running time {running}&lt;/b&gt; of {target} target {mark}</source>
        <translation>&lt;b&gt;总时长 {running}&lt;/b&gt;，目标 {target} {mark}</translation>
    </message>
    <message>
        <source>{count} beats</source>
        <translation>{count} 个节拍</translation>
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
<context>
    <name>WritingAction</name>
    <message>
        <source>a Character</source>
        <translation>某个角色</translation>
    </message>
    <message>
        <source>Next Scene</source>
        <translation>下一场</translation>
    </message>
    <message>
        <source>&amp;Next Scene</source>
        <translation>下一场(&amp;N)</translation>
    </message>
    <message>
        <source>Write the Next Scene</source>
        <translation>写下一场</translation>
    </message>
    <message>
        <source>Write the scene that follows the one at the cursor</source>
        <translation>写出紧接光标所在场景的下一场</translation>
    </message>
    <message>
        <source>Continue Dialogue</source>
        <translation>续写对白</translation>
    </message>
    <message>
        <source>Continue &amp;Dialogue</source>
        <translation>续写对白(&amp;D)</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>续写对白</translation>
    </message>
    <message>
        <source>Continue This Dialogue</source>
        <translation>续写这段对白</translation>
    </message>
    <message>
        <source>Continue the dialogue at the cursor in the speakers&apos; voices</source>
        <translation>以各角色自己的口吻续写光标处的对白</translation>
    </message>
    <message>
        <source>Scene Between</source>
        <translation>场景之间</translation>
    </message>
    <message>
        <source>Scene &amp;Between</source>
        <translation>场景之间(&amp;B)</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>场景之间</translation>
    </message>
    <message>
        <source>Write a Scene between This and the Next</source>
        <translation>在本场与下一场之间写一场</translation>
    </message>
    <message>
        <source>Write a scene between the one at the cursor and the next</source>
        <translation>在光标所在场景与下一场之间写一场</translation>
    </message>
    <message>
        <source>Shot Directions</source>
        <translation>镜头指示</translation>
    </message>
    <message>
        <source>S&amp;hot Directions</source>
        <translation>镜头指示(&amp;H)</translation>
    </message>
    <message>
        <source>Shots</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>Shot Directions for This Scene</source>
        <translation>为本场写镜头指示</translation>
    </message>
    <message>
        <source>Shot directions for the scene at the cursor, to accept one by one</source>
        <translation>为光标所在场景写镜头指示，可逐条采纳</translation>
    </message>
    <message>
        <source>Trailer Beats</source>
        <translation>预告片节拍</translation>
    </message>
    <message>
        <source>&amp;Trailer Beats</source>
        <translation>预告片节拍(&amp;T)</translation>
    </message>
    <message>
        <source>Trailer</source>
        <translation>预告片</translation>
    </message>
    <message>
        <source>Trailer Beats for the Script</source>
        <translation>为剧本写预告片节拍</translation>
    </message>
    <message>
        <source>Timed trailer beats for a 30, 60 or 90-second promo</source>
        <translation>为 30、60 或 90 秒的预告片写出带时间的节拍</translation>
    </message>
    <message>
        <source>Logline &amp; Synopsis</source>
        <translation>一句话梗概与梗概</translation>
    </message>
    <message>
        <source>&amp;Logline and Synopsis</source>
        <translation>一句话梗概与梗概(&amp;L)</translation>
    </message>
    <message>
        <source>Logline</source>
        <translation>一句话梗概</translation>
    </message>
    <message>
        <source>Logline and Synopsis of the Script</source>
        <translation>剧本的一句话梗概与梗概</translation>
    </message>
    <message>
        <source>A logline and a one-page synopsis</source>
        <translation>一句话梗概和一页篇幅的梗概</translation>
    </message>
    <message>
        <source>Character Profile</source>
        <translation>人物小传</translation>
    </message>
    <message>
        <source>&amp;Character Profile</source>
        <translation>人物小传(&amp;C)</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>人物小传</translation>
    </message>
    <message>
        <source>Profile {character}</source>
        <translation>{character} 的人物小传</translation>
    </message>
    <message>
        <source>A profile of the character at the cursor</source>
        <translation>光标处角色的人物小传</translation>
    </message>
    <message>
        <source>Marketing Copy</source>
        <translation>宣传文案</translation>
    </message>
    <message>
        <source>&amp;Marketing Copy</source>
        <translation>宣传文案(&amp;M)</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>宣传文案</translation>
    </message>
    <message>
        <source>Marketing Copy for the Script</source>
        <translation>为剧本写宣传文案</translation>
    </message>
    <message>
        <source>A tagline, a blurb and social posts</source>
        <translation>一句宣传语、一段简介和几条社交媒体帖子</translation>
    </message>
    <message>
        <source>&amp;Stop Writing</source>
        <translation>停止写作(&amp;S)</translation>
    </message>
    <message>
        <source>Stop; what was written stays as a take</source>
        <translation>停止；已写出的内容保留为一个版本</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>重新生成(&amp;R)</translation>
    </message>
    <message>
        <source>Write the same action again, as a new take beside the others</source>
        <translation>再执行一次同一操作，作为新版本放在其他版本旁边</translation>
    </message>
    <message>
        <source>&amp;Accept Suggestion</source>
        <translation>采纳建议(&amp;A)</translation>
    </message>
    <message>
        <source>Insert the take shown, at the place it was asked for, as one undo step</source>
        <translation>将当前显示的版本插入到请求时的位置，可一步撤销</translation>
    </message>
    <message>
        <source>Sampling Settings…</source>
        <translation>采样设置…</translation>
    </message>
    <message>
        <source>Temperature, length, seed, alternatives</source>
        <translation>温度、长度、种子、备选版本数</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>模型管理(&amp;M)…</translation>
    </message>
    <message>
        <source>Choose, download or add a model</source>
        <translation>选择、下载或添加模型</translation>
    </message>
</context>
</TS>
