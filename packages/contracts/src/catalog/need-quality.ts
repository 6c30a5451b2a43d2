/**
 * The need quality assistant: a completeness score (0–100) and concrete suggestions for a need
 * being written. Pure and synchronous, so the web runs it on every keystroke and the server stores
 * the same score (`needs.quality_score`) on every save. Suggestion texts live in
 * {@link NEED_QUALITY_MESSAGES} (zh-CN / en, `{placeholders}` filled from `params`).
 *
 * The checks are deliberately simple and explainable: each one names the field to fix.
 * @example
 * const report = assessNeed({ title: '技术需求', description: '需要相关技术支持' });
 * report.level; // 'poor'
 * report.suggestions.map((s) => s.code); // ['description_too_short', 'no_budget', …]
 * @module
 */
import { z } from 'zod';

/** What the assistant looks at: any subset of a need's fields (a draft in progress). */
export interface NeedQualityDraft {
  kind?: string | null;
  title?: string | null;
  summary?: string | null;
  description?: string | null;
  confidential?: boolean | null;
  keywords?: readonly string[] | null;
  disciplines?: readonly string[] | null;
  industries?: readonly string[] | null;
  budgetMin?: number | null;
  budgetMax?: number | null;
  /** `YYYY-MM-DD`. */
  deadline?: string | null;
}

/** Every check the assistant runs, most important first. */
export const NEED_QUALITY_CODES = [
  'description_too_short',
  'no_measurable_goal',
  'no_budget',
  'budget_inverted',
  'budget_too_low',
  'budget_too_wide',
  'deadline_past',
  'no_deadline',
  'deadline_too_near',
  'no_classification',
  'description_vague',
  'confidential_no_summary',
  'summary_reveals_details',
  'title_generic',
  'no_keywords',
] as const;
export type NeedQualityCode = (typeof NEED_QUALITY_CODES)[number];

/** Points each finding costs (the score starts at 100 and never drops below 0). */
export const NEED_QUALITY_WEIGHTS: Readonly<Record<NeedQualityCode, number>> = {
  description_too_short: 20,
  no_measurable_goal: 15,
  no_budget: 15,
  budget_inverted: 15,
  budget_too_low: 8,
  budget_too_wide: 8,
  deadline_past: 15,
  no_deadline: 10,
  deadline_too_near: 6,
  no_classification: 12,
  description_vague: 10,
  confidential_no_summary: 12,
  summary_reveals_details: 6,
  title_generic: 8,
  no_keywords: 5,
};

/** Thresholds of the assistant (exported so texts and tests can quote them). */
export const NEED_QUALITY_LIMITS = {
  /** Fewer "characters" than this (a CJK character = 1, a Latin word = 2) is too short. */
  minDescriptionLength: 60,
  /** Budgets whose maximum is below this many yuan are not plausible for technical work. */
  minBudgetYuan: 1000,
  /** A range whose maximum is more than this many times its minimum says nothing. */
  maxBudgetRatio: 10,
  /** Fewer days than this between today and the deadline leaves no time to find and engage anyone. */
  minLeadDays: 14,
  /** A confidential need's public summary should be at least this long. */
  minPublicSummaryLength: 20,
} as const;

export const NEED_QUALITY_LEVELS = ['good', 'fair', 'poor'] as const;
export type NeedQualityLevel = (typeof NEED_QUALITY_LEVELS)[number];

/** One concrete suggestion: which check fired, on which form field, with values for its message. */
export interface NeedQualitySuggestion {
  code: NeedQualityCode;
  field: string;
  params: Record<string, string | number>;
}

export interface NeedQualityReport {
  score: number;
  level: NeedQualityLevel;
  suggestions: NeedQualitySuggestion[];
}

/** The report as a zod schema (for endpoints that return it). */
export const NeedQualityReportSchema = z.object({
  score: z.number().int().min(0).max(100),
  level: z.enum(NEED_QUALITY_LEVELS),
  suggestions: z.array(
    z.object({
      code: z.enum(NEED_QUALITY_CODES),
      field: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});

// --- text measures -------------------------------------------------------------------------

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z][A-Za-z'-]*|\d+(?:\.\d+)?/g;

/** Rough "information length": CJK characters count 1, Latin words and numbers count 2. */
export function textLength(text: string): number {
  return (text.match(CJK)?.length ?? 0) + 2 * (text.match(LATIN_WORD)?.length ?? 0);
}

const UNITS =
  '%|％|‰|倍|个百分点|个|项|台|套|件|批|次|人|名|吨|t|kg|公斤|千克|克|g|mg|斤|亩|公顷|ha|平方米|㎡|m2|m³|立方米|米|m|mm|cm|μm|um|nm|km|公里|' +
  '小时|h|天|日|周|个月|月|年|秒|s|分钟|min|ms|元|万元|万|亿|℃|°C|度|kW|kWh|MW|W|V|kV|A|mA|Hz|kHz|MHz|GHz|ppm|ppb|L|升|ml|mL|' +
  'dB|MPa|kPa|Pa|bar|rpm|fps|Mbps|Gbps|GB|TB|MB|mAh|Wh|cd|lm|lux|dpi|μg|m/s|km/h|t/h|kg/h|m3/h|' +
  'yuan|rmb|percent|hours?|days?|weeks?|months?|years?|tons?|tonnes?|units?|pieces?|times';
// A unit must not run on into a word ("2 some" is not "2 s").
const NUMBER_WITH_UNIT = new RegExp(`\\d+(?:\\.\\d+)?\\s*(?:${UNITS})(?![A-Za-z])`, 'i');
const CN_NUMBER_WITH_UNIT =
  /百分之[一二三四五六七八九十百零两\d]+|[一二三四五六七八九十两百千万]+\s*(?:倍|成|个百分点|万元|万|亿)/;
const COMPARISON_WITH_NUMBER =
  /(?:不低于|不高于|不超过|不少于|不大于|不小于|达到|提高到|提升到|降低到|降至|减少到|控制在|at least|at most|below|above|under|over|within|reduce[sd]? (?:by|to)|increase[sd]? (?:by|to)|≥|≤|>|<|±)\s*\d/i;
const METRIC_WORDS =
  /指标|精度|准确率|正确率|合格率|良品率|良率|成品率|出苗率|成活率|转化率|回收率|产量|亩产|产能|效率|能耗|功耗|寿命|响应时间|吞吐|误差|灵敏度|检出限|纯度|含量|KPI|accuracy|precision|yield|throughput|latency|efficiency|tolerance|error rate|lifetime|recovery rate/i;

/** True when the text states something that can be measured (a number with a unit, a target word). */
export function hasMeasurableGoal(text: string): boolean {
  return (
    NUMBER_WITH_UNIT.test(text) ||
    CN_NUMBER_WITH_UNIT.test(text) ||
    COMPARISON_WITH_NUMBER.test(text) ||
    METRIC_WORDS.test(text)
  );
}

const VAGUE_MARKERS = [
  '相关',
  '有关',
  '一些',
  '某些',
  '若干',
  '等等',
  '之类',
  '各种',
  '各方面',
  '多方面',
  '全方位',
  '综合性',
  '高端',
  '先进的',
  '一流',
  '尽快',
  '有意者',
  '面议',
  '详谈',
  'etc',
  'some',
  'various',
  'related',
  'relevant',
  'stuff',
  'things',
  'somehow',
];

/** The vague phrases found in a text (each listed once). */
export function vagueMarkersIn(text: string): string[] {
  const lower = text.toLowerCase();
  return VAGUE_MARKERS.filter((m) =>
    /^[a-z]+$/.test(m) ? new RegExp(`\\b${m}\\b`).test(lower) : lower.includes(m),
  );
}

const GENERIC_TITLE_WORDS = [
  '技术需求',
  '技术服务',
  '技术支持',
  '技术合作',
  '寻求合作',
  '合作需求',
  '项目合作',
  '解决方案',
  '有偿',
  '急需',
  '求助',
  '寻求',
  '征集',
  '需求',
  '合作',
  '项目',
  '服务',
  '咨询',
  '问题',
  '解决',
  '方案',
  '技术',
  '帮忙',
  '关于',
  '一个',
  '急',
  '请',
  '的',
  '求',
  'technical',
  'technology',
  'cooperation',
  'solution',
  'project',
  'service',
  'request',
  'wanted',
  'seeking',
  'needed',
  'need',
  'help',
  'support',
  'urgent',
  'for',
  'a',
  'the',
];

/** True when, after removing generic words, the title names nothing specific. */
export function isGenericTitle(title: string): boolean {
  let rest = title.toLowerCase();
  for (const w of GENERIC_TITLE_WORDS) {
    rest = /^[a-z]+$/.test(w) ? rest.replace(new RegExp(`\\b${w}\\b`, 'g'), ' ') : rest.split(w).join(' ');
  }
  rest = rest.replace(/[\s\p{P}\p{S}\d]+/gu, '');
  const cjk = rest.match(CJK)?.length ?? 0;
  const latin = rest.replace(CJK, '').length;
  return cjk < 2 && latin < 4;
}

// --- dates -----------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** Today's date (YYYY-MM-DD) in China Standard Time, where deadlines are meant. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whole days from `today` to `date` (both YYYY-MM-DD); NaN when either is malformed. */
export function daysBetween(today: string, date: string): number {
  const a = Date.parse(`${today}T00:00:00Z`);
  const b = Date.parse(`${date}T00:00:00Z`);
  return Math.round((b - a) / DAY_MS);
}

// --- the assessment --------------------------------------------------------------------------

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const empty = (list: readonly string[] | null | undefined) => !list || list.length === 0;

/**
 * Scores a need draft and lists what would make it easier to match.
 * @param now clock for the deadline checks (default: the current time)
 * @example assessNeed({ title: '水稻抗倒伏品种选育', budgetMin: 50000, budgetMax: 200000 }).score
 */
export function assessNeed(draft: NeedQualityDraft, now: Date = new Date()): NeedQualityReport {
  const L = NEED_QUALITY_LIMITS;
  const out: NeedQualitySuggestion[] = [];
  const add = (code: NeedQualityCode, field: string, params: Record<string, string | number> = {}) =>
    out.push({ code, field, params });

  const title = (draft.title ?? '').trim();
  const description = (draft.description ?? '').trim();
  const summary = (draft.summary ?? '').trim();
  const fullText = `${title}\n${summary}\n${description}`;

  // Description: long enough, measurable, specific.
  const length = textLength(description);
  if (length < L.minDescriptionLength)
    add('description_too_short', 'description', { length, min: L.minDescriptionLength });
  if (!hasMeasurableGoal(fullText)) add('no_measurable_goal', 'description');
  const vague = vagueMarkersIn(`${summary}\n${description}`);
  // Vague when the filler phrases are dense: two or more, at least one per 40 characters.
  if (vague.length >= 2 && vague.length * 40 > Math.max(length, 1))
    add('description_vague', 'description', { words: vague.slice(0, 5).join('、') });

  // Budget.
  const min = present(draft.budgetMin) ? draft.budgetMin : null;
  const max = present(draft.budgetMax) ? draft.budgetMax : null;
  if (min === null && max === null) add('no_budget', 'budgetMin');
  else if (min !== null && max !== null && min > max) add('budget_inverted', 'budgetMax', { min, max });
  else {
    const top = max ?? min ?? 0;
    if (top < L.minBudgetYuan)
      add('budget_too_low', max !== null ? 'budgetMax' : 'budgetMin', { min: L.minBudgetYuan });
    else if (min !== null && max !== null && min > 0 && max / min > L.maxBudgetRatio)
      add('budget_too_wide', 'budgetMax', { min, max, ratio: L.maxBudgetRatio });
  }

  // Deadline.
  const deadline = (draft.deadline ?? '').trim();
  if (!deadline) add('no_deadline', 'deadline');
  else {
    const days = daysBetween(chinaToday(now), deadline);
    if (Number.isNaN(days)) add('no_deadline', 'deadline');
    else if (days < 0) add('deadline_past', 'deadline', { deadline });
    else if (days < L.minLeadDays) add('deadline_too_near', 'deadline', { days, min: L.minLeadDays });
  }

  // Classification and keywords.
  if (empty(draft.disciplines) && empty(draft.industries)) add('no_classification', 'disciplines');
  if (empty(draft.keywords)) add('no_keywords', 'keywords');

  // Title.
  if (!title || isGenericTitle(title)) add('title_generic', 'title');

  // Confidentiality: the public summary is all a stranger sees.
  if (draft.confidential) {
    if (textLength(summary) < L.minPublicSummaryLength)
      add('confidential_no_summary', 'summary', { min: L.minPublicSummaryLength });
    else if (description && (description.startsWith(summary) || summary === description))
      add('summary_reveals_details', 'summary');
  }

  const order = new Map(NEED_QUALITY_CODES.map((c, i) => [c, i]));
  out.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  const lost = out.reduce((sum, s) => sum + NEED_QUALITY_WEIGHTS[s.code], 0);
  const score = Math.max(0, Math.min(100, 100 - lost));
  const level: NeedQualityLevel = score >= 80 ? 'good' : score >= 55 ? 'fair' : 'poor';
  return { score, level, suggestions: out };
}

// --- messages --------------------------------------------------------------------------------

/**
 * Texts of the suggestions (`need_quality.<code>`) and levels (`need_quality.level.<level>`),
 * for the server's `registerMessages` and the web's dictionaries alike.
 */
export const NEED_QUALITY_MESSAGES = {
  'need_quality.description_too_short': {
    'zh-CN': '需求描述太短（约 {length} 字），请至少写到 {min} 字：现状、要解决的问题、期望的结果',
    en: 'The description is too short (about {length}); write at least {min}: the situation, the problem, the expected result',
  },
  'need_quality.no_measurable_goal': {
    'zh-CN': '没有可衡量的目标：请写出具体指标，如“亩产提高 10%”“精度达到 0.01 mm”',
    en: 'No measurable goal: state a target such as "raise yield by 10%" or "accuracy of 0.01 mm"',
  },
  'need_quality.description_vague': {
    'zh-CN': '描述较笼统（“{words}”），请换成具体的技术问题、对象和条件',
    en: 'The description is vague ("{words}"); name the concrete problem, object and conditions',
  },
  'need_quality.no_budget': {
    'zh-CN': '没有填写预算，填写预算范围能让专家判断是否合适',
    en: 'No budget: a budget range lets experts judge whether it fits',
  },
  'need_quality.budget_inverted': {
    'zh-CN': '预算下限（{min} 元）高于上限（{max} 元）',
    en: 'The budget minimum ({min} yuan) is above the maximum ({max} yuan)',
  },
  'need_quality.budget_too_low': {
    'zh-CN': '预算低于 {min} 元，对技术服务来说不太现实，请核对单位（元）',
    en: 'A budget under {min} yuan is hardly realistic for technical work; check the unit (yuan)',
  },
  'need_quality.budget_too_wide': {
    'zh-CN': '预算范围太宽（{min}–{max} 元），请收窄到 {ratio} 倍以内',
    en: 'The budget range is too wide ({min}–{max} yuan); keep it within a factor of {ratio}',
  },
  'need_quality.no_deadline': {
    'zh-CN': '没有截止日期，请填写希望何时完成',
    en: 'No deadline: say when it should be done',
  },
  'need_quality.deadline_past': {
    'zh-CN': '截止日期 {deadline} 已过',
    en: 'The deadline {deadline} has passed',
  },
  'need_quality.deadline_too_near': {
    'zh-CN': '距截止日期只有 {days} 天，建议至少留出 {min} 天对接时间',
    en: 'Only {days} days until the deadline; allow at least {min} days to find someone',
  },
  'need_quality.no_classification': {
    'zh-CN': '请选择学科或行业，方便匹配到对口的专家',
    en: 'Pick a discipline or an industry so the right experts are found',
  },
  'need_quality.no_keywords': {
    'zh-CN': '请补充几个关键词（技术名称、产品、材料等）',
    en: 'Add a few keywords (technologies, products, materials)',
  },
  'need_quality.title_generic': {
    'zh-CN': '标题太笼统，请写明具体对象和问题，如“猕猴桃溃疡病绿色防控”',
    en: 'The title is too generic; name the object and the problem, e.g. "green control of kiwifruit canker"',
  },
  'need_quality.confidential_no_summary': {
    'zh-CN': '保密需求需要一段公开摘要（至少 {min} 字），专家据此决定是否签署保密协议',
    en: 'A confidential need needs a public summary (at least {min}) so experts can decide whether to sign the NDA',
  },
  'need_quality.summary_reveals_details': {
    'zh-CN': '公开摘要与保密详情开头相同，可能泄露保密内容，请单独概括',
    en: 'The public summary repeats the start of the confidential details; summarise it separately',
  },
  'need_quality.level.good': { 'zh-CN': '完整', en: 'Complete' },
  'need_quality.level.fair': { 'zh-CN': '基本完整', en: 'Mostly complete' },
  'need_quality.level.poor': { 'zh-CN': '待完善', en: 'Needs work' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

/**
 * A suggestion's text in a locale, placeholders filled.
 * @example needQualityMessage({ code: 'no_budget', field: 'budgetMin', params: {} }, 'en')
 */
export function needQualityMessage(
  suggestion: Pick<NeedQualitySuggestion, 'code' | 'params'>,
  locale: 'zh-CN' | 'en',
): string {
  const template = NEED_QUALITY_MESSAGES[`need_quality.${suggestion.code}`][locale];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = suggestion.params[key];
    return v === undefined ? whole : String(v);
  });
}
