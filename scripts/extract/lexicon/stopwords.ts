// Words that end a name when walking left from its suffix: function words, verbs that introduce names,
// determiners and generic collective prefixes (该, 本, 多家, 5家 …).

const STOP_LIST =
  '由 在 与 和 及 以及 同 跟 向 对 对于 将 把 被 为 是 的 了 等 赴 到 至 率 从 自 经 据 给 让 使 请 邀请 联合 携手 牵头 会同 ' +
  '走访 考察 调研 参观 参加 出席 举办 主办 承办 召开 组织 签订 签署 签约 入驻 落户 依托 借助 通过 推动 推进 加强 支持 ' +
  '引进 引入 成立 设立 建立 组建 打造 发起 认定 获批 获得 实施 开展 深化 拓展 帮扶 旗下 所属 下属 其中 包括 ' +
  '如 比如 例如 来自 位于 地处 担任 任 成为 作为 属于 隶属 前往 深入 先后 分别 共同 一起 以 并 而 或 还 也 都 已 已经 正 ' +
  '正在 首次 该 本 我 我们 其 此 这 那 各 每 多家 多个 一家 一批 一些 相关 有关 省内 区内 市内 国内 国外 当地 本地 外地 ' +
  '全省 全市 全区 全县 全国性 向着 面向 围绕 聚焦 携 带领 率领 陪同 会见 拜访 发布 推介 认为 ' +
  '表示 介绍 指出 强调 说 称 获 被评为 评为 入选 列入 纳入 达成 完成 实现 促进 助力 投入 使用 落地 ' +
  '一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 首先 其次 再次 最后 ' +
  '专程 实地 现场 随后 之后 此前 目前 近日 日前 今年 去年 明年 当天 同时 此外 另外 据悉 据了解 记者 驻 即 均 又 再 更 ' +
  '建成 建有 建起 新建 近年来 近年 年来 今后 此后 当前 现在 如今 近期 同期 届时 上半年 下半年 年初 年底 年末 月初 月底 未来 建设 共建 合作共建 联合共建 携手共建 还有 以来 期间 之间 中 上 下 里 内 外 后 前 间 旁 至今 发挥 充分发挥 参与 积极参与 加入 依靠 利用 借鉴 学习 吸引 培育 带动 协调 鼓励 对标 联系 走进 赴任 就职 任职 毕业于 在于 得益于 开始 帮助 协助';

export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_LIST.split(/\s+/));

/** Part-of-speech tags that never occur inside an organization name. */
export const STOP_TAGS: ReadonlySet<string> = new Set([
  'p',
  'c',
  'u',
  'uj',
  'ul',
  'uz',
  'ug',
  'uv',
  'ud',
  'y',
  'e',
  'o',
  'r',
  'q',
  'i',
]);

/** Tags that mark a token as a proper name rather than a common noun. */
export const PROPER_TAGS: ReadonlySet<string> = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nz', 'nt', 'x', 'eng']);

/** Adverbs that end a name (jieba also tags some name parts as adverbs, so only these stop the walk). */
export const ADVERBS: ReadonlySet<string> = new Set(
  '共同 积极 进一步 持续 不断 充分 已经 正在 首次 率先 全面 深入 大力 着力 加快 一起 分别 先后 逐步 更加 继续 同时 专程 实地 现场 主动 重点 切实 努力 全力 联合 相继 依次 正式 成功 首先 再次 已 将 也 都 还 正 又 再 更 均 曾 才 就 仍 亦 便 即'.split(
    ' ',
  ),
);

/** Numbers, counts and ordinals: 5, 5家, 多家, 第二 … */
export const NUMERIC =
  /^(?:[\d.%]+|[一二三四五六七八九十百千万两几数多]+)(?:家|个|所|项|名|位|批|类|种|支|只)?$/;

/** Qualifiers that make a candidate name generic (省级实验室, 国家级平台). */
export const GENERIC_QUALIFIERS: ReadonlySet<string> = new Set(
  '省级 市级 县级 国家级 区级 校级 院级 国家 地方 民营 国有 高端 新型 重点 重大 一流 专业 综合 大型 中小 科技型 创新型 子 母 母子 双 各类 多个 首批 首只 首个 首家 这些 相关 科创 双创 产学研 创投 科技 创新 研发 校地 院地 政企 银企 金融 财险 保险'.split(
    ' ',
  ),
);
