/**
 * The columns of each import template: key (the re-import-stable name), Chinese and English
 * headers, how a cell is read, and which contract field it fills. Templates, header matching,
 * row reading and the instructions sheet are all generated from these tables.
 * @module
 */
import type { ImportEntity } from '@tianfu/contracts';

/** How a cell's text becomes a value. */
export type ColumnKind =
  | { type: 'text' }
  | { type: 'int' }
  | { type: 'bool' }
  | { type: 'date' }
  | { type: 'list' }
  /** Closed list: canonical values with the labels accepted for each (Chinese first). */
  | { type: 'enum'; values: Record<string, readonly string[]> }
  /** Several records in one cell: one per line (or `；`), parts separated by `|`. */
  | { type: 'records'; parts: readonly string[]; numeric?: readonly string[] };

export interface ImportColumn {
  /** Snake-case key, accepted as a header too; `external_id` is the re-import key. */
  key: string;
  /** The contract field it fills (camelCase); null for columns the service resolves itself. */
  field: string | null;
  zh: string;
  en: string;
  kind: ColumnKind;
  required?: boolean;
  /** Instructions-sheet note. */
  note: { 'zh-CN': string; en: string };
  /** Example value for the instructions sheet. */
  example: string;
}

const YES_NO = { true: ['是', 'Y', 'yes', 'true', '1'], false: ['否', 'N', 'no', 'false', '0'] } as const;
const boolNote = { 'zh-CN': '填“是”或“否”', en: '“是” (yes) or “否” (no)' };
const listNote = (zh: string, en: string) => ({
  'zh-CN': `${zh}；多个值用分号“；”、逗号或顿号分隔`,
  en: `${en}; separate several values with ; , or 、`,
});

const externalId: ImportColumn = {
  key: 'external_id',
  field: null,
  zh: '外部编号',
  en: 'External ID',
  kind: { type: 'text' },
  required: true,
  note: {
    'zh-CN': '本行在贵单位系统中的唯一编号（最长 100 字符）。再次导入相同编号会更新该条记录，不会重复创建',
    en: 'Unique id of the row in your own system (max 100 characters). Re-importing the same id updates the record instead of duplicating it',
  },
  example: 'CD-2026-0001',
};

const regionCode: ImportColumn = {
  key: 'region_code',
  field: 'regionCode',
  zh: '地区代码',
  en: 'Region code',
  kind: { type: 'text' },
  required: true,
  note: {
    'zh-CN': '行政区划代码（省 2 位、市 4 位、区县 6 位，如 510104），须在您的管辖范围内；见“地区代码”表',
    en: 'Administrative division code (province 2, city 4, county 6 digits, e.g. 510104) inside your region; see the region code sheet',
  },
  example: '510104',
};

const disciplines: ImportColumn = {
  key: 'disciplines',
  field: 'disciplines',
  zh: '学科代码',
  en: 'Discipline codes',
  kind: { type: 'list' },
  note: listNote(
    'GB/T 13745 学科代码（3 位或 5 位），见“学科代码”表',
    'GB/T 13745 codes (3 or 5 digits), see the discipline sheet',
  ),
  example: '210；21030',
};

const industries: ImportColumn = {
  key: 'industries',
  field: 'industries',
  zh: '行业代码',
  en: 'Industry codes',
  kind: { type: 'list' },
  note: listNote(
    'GB/T 4754 行业门类字母或大类两位代码，见“行业代码”表',
    'GB/T 4754 section letter or two-digit division, see the industry sheet',
  ),
  example: 'A；01',
};

const keywords: ImportColumn = {
  key: 'keywords',
  field: 'keywords',
  zh: '关键词',
  en: 'Keywords',
  kind: { type: 'list' },
  note: listNote('关键词，最多 30 个', 'keywords, at most 30'),
  example: '猕猴桃；溃疡病',
};

const SCIENTIST_COLUMNS: ImportColumn[] = [
  externalId,
  {
    key: 'name',
    field: 'name',
    zh: '姓名',
    en: 'Name',
    kind: { type: 'text' },
    required: true,
    note: { 'zh-CN': '姓名', en: 'Full name' },
    example: '张明',
  },
  {
    key: 'gender',
    field: 'gender',
    zh: '性别',
    en: 'Gender',
    kind: { type: 'enum', values: { male: ['男'], female: ['女'] } },
    note: { 'zh-CN': '男 / 女', en: '男 (male) / 女 (female)' },
    example: '男',
  },
  {
    key: 'birth_year',
    field: 'birthYear',
    zh: '出生年份',
    en: 'Birth year',
    kind: { type: 'int' },
    note: { 'zh-CN': '四位年份', en: 'Four-digit year' },
    example: '1978',
  },
  {
    key: 'education',
    field: 'education',
    zh: '学历',
    en: 'Education',
    kind: {
      type: 'enum',
      values: {
        doctorate: ['博士', '博士研究生'],
        master: ['硕士', '硕士研究生'],
        bachelor: ['本科', '大学本科'],
        college: ['大专', '专科'],
        technical_secondary: ['中专', '中技'],
        high_school: ['高中'],
        middle_school: ['初中'],
        other: ['其他', '小学'],
      },
    },
    note: {
      'zh-CN': '博士 / 硕士 / 本科 / 大专 / 中专 / 高中 / 初中 / 其他',
      en: '博士 doctorate … 其他 other (or the English value)',
    },
    example: '博士',
  },
  {
    key: 'title',
    field: 'title',
    zh: '职称',
    en: 'Professional title',
    kind: { type: 'text' },
    note: { 'zh-CN': '如 研究员、高级农艺师、土专家', en: 'e.g. 研究员, 高级农艺师' },
    example: '研究员',
  },
  {
    key: 'affiliation',
    field: 'affiliation',
    zh: '工作单位',
    en: 'Affiliation',
    kind: { type: 'text' },
    note: { 'zh-CN': '工作单位名称', en: 'Employer' },
    example: '四川农业大学',
  },
  disciplines,
  {
    key: 'skills',
    field: 'skills',
    zh: '技能专长',
    en: 'Skills',
    kind: { type: 'list' },
    note: listNote(
      '技能或专长，最多 30 项；学科代码与技能至少填一项',
      'skills, at most 30; give at least one discipline or skill',
    ),
    example: '猕猴桃溃疡病防治；果树栽培',
  },
  {
    key: 'bio',
    field: 'bio',
    zh: '个人简介',
    en: 'Bio',
    kind: { type: 'text' },
    note: { 'zh-CN': '不超过 5000 字', en: 'At most 5000 characters' },
    example: '长期从事猕猴桃病害防治研究与推广',
  },
  regionCode,
  {
    key: 'availability',
    field: 'availability',
    zh: '接单状态',
    en: 'Availability',
    kind: {
      type: 'enum',
      values: { available: ['可接单', '空闲'], limited: ['少量', '有限'], busy: ['繁忙', '暂不接单'] },
    },
    note: {
      'zh-CN': '可接单 / 少量 / 繁忙（默认可接单）',
      en: 'available / limited / busy (default available)',
    },
    example: '可接单',
  },
  {
    key: 'capacity',
    field: 'capacity',
    zh: '同时承接项目数',
    en: 'Capacity',
    kind: { type: 'int' },
    note: { 'zh-CN': '0–50，默认 1', en: '0–50, default 1' },
    example: '3',
  },
  {
    key: 'on_site_radius_km',
    field: 'onSiteRadiusKm',
    zh: '上门服务半径（公里）',
    en: 'On-site radius (km)',
    kind: { type: 'int' },
    note: { 'zh-CN': '留空表示不上门', en: 'Empty = no on-site work' },
    example: '100',
  },
  {
    key: 'remote',
    field: 'remote',
    zh: '可远程服务',
    en: 'Remote',
    kind: { type: 'bool' },
    note: boolNote,
    example: '是',
  },
  {
    key: 'rural_expert',
    field: 'ruralExpert',
    zh: '土专家',
    en: 'Rural expert',
    kind: { type: 'bool' },
    note: boolNote,
    example: '否',
  },
  {
    key: 'papers',
    field: 'papers',
    zh: '论文',
    en: 'Papers',
    kind: { type: 'records', parts: ['title', 'journal', 'year'], numeric: ['year'] },
    note: {
      'zh-CN': '每行（或用“；”分隔）一篇：题目|期刊|年份',
      en: 'One per line (or ;): title|journal|year',
    },
    example: '猕猴桃溃疡病研究进展|植物保护|2021',
  },
  {
    key: 'patents',
    field: 'patents',
    zh: '专利',
    en: 'Patents',
    kind: { type: 'records', parts: ['number', 'title', 'year'], numeric: ['year'] },
    note: { 'zh-CN': '每行一项：专利号|名称|年份', en: 'One per line: number|title|year' },
    example: 'ZL202110123456.7|一种猕猴桃溃疡病防治方法|2022',
  },
  {
    key: 'projects',
    field: 'projects',
    zh: '科研项目',
    en: 'Projects',
    kind: { type: 'records', parts: ['title', 'funder', 'year', 'role'], numeric: ['year'] },
    note: { 'zh-CN': '每行一项：名称|资助方|年份|角色', en: 'One per line: title|funder|year|role' },
    example: '猕猴桃绿色防控技术示范|四川省科技计划项目|2023|负责人',
  },
  {
    key: 'delivered_services',
    field: 'deliveredServices',
    zh: '已提供服务',
    en: 'Delivered services',
    kind: { type: 'records', parts: ['title', 'year', 'regionCode'], numeric: ['year'] },
    note: {
      'zh-CN': '每行一项：服务内容|年份|地区代码（土专家可只填这一项）',
      en: 'One per line: service|year|region code',
    },
    example: '蒲江县猕猴桃园病害诊断|2024|510131',
  },
];

const ENTERPRISE_COLUMNS: ImportColumn[] = [
  externalId,
  {
    key: 'name',
    field: 'name',
    zh: '单位名称',
    en: 'Name',
    kind: { type: 'text' },
    required: true,
    note: { 'zh-CN': '营业执照上的名称', en: 'Registered name' },
    example: '四川天府猕猴桃科技有限公司',
  },
  {
    key: 'uscc',
    field: 'uscc',
    zh: '统一社会信用代码',
    en: 'Unified social credit code',
    kind: { type: 'text' },
    required: true,
    note: {
      'zh-CN': '18 位，系统校验最后一位校验码（GB 32100）',
      en: '18 characters; the GB 32100 check character is verified',
    },
    example: '91510100MA61R2XN54',
  },
  {
    key: 'org_type',
    field: 'orgType',
    zh: '单位类型',
    en: 'Organization type',
    kind: {
      type: 'enum',
      values: { enterprise: ['企业'], institution: ['事业单位', '科研院所', '高校'], provider: ['服务机构'] },
    },
    note: {
      'zh-CN': '企业 / 事业单位 / 服务机构（默认企业）',
      en: 'enterprise / institution / provider (default enterprise)',
    },
    example: '企业',
  },
  regionCode,
  {
    key: 'industry_section',
    field: 'industrySection',
    zh: '行业门类',
    en: 'Industry section',
    kind: { type: 'text' },
    note: {
      'zh-CN': 'GB/T 4754 门类字母 A–T，可留空（由大类推出）',
      en: 'Section letter A–T; may be left empty',
    },
    example: 'A',
  },
  {
    key: 'industry_division',
    field: 'industryDivision',
    zh: '行业大类',
    en: 'Industry division',
    kind: { type: 'text' },
    note: {
      'zh-CN': 'GB/T 4754 大类两位代码，见“行业代码”表',
      en: 'Two-digit division code, see the industry sheet',
    },
    example: '01',
  },
  {
    key: 'size_class',
    field: 'sizeClass',
    zh: '企业规模',
    en: 'Size class',
    kind: { type: 'enum', values: { large: ['大型'], medium: ['中型'], small: ['小型'], micro: ['微型'] } },
    note: { 'zh-CN': '大型 / 中型 / 小型 / 微型', en: 'large / medium / small / micro' },
    example: '小型',
  },
  {
    key: 'employees',
    field: 'employees',
    zh: '从业人数',
    en: 'Employees',
    kind: { type: 'int' },
    note: { 'zh-CN': '整数', en: 'Whole number' },
    example: '56',
  },
  {
    key: 'description',
    field: 'description',
    zh: '单位简介',
    en: 'Description',
    kind: { type: 'text' },
    note: { 'zh-CN': '不超过 5000 字', en: 'At most 5000 characters' },
    example: '从事猕猴桃种植、加工与销售',
  },
];

const ownerType: ImportColumn = {
  key: 'owner_type',
  field: null,
  zh: '提供方类型',
  en: 'Owner type',
  kind: {
    type: 'enum',
    values: { scientist: ['科技工作者', '专家', '个人'], organization: ['机构', '单位', '企业'] },
  },
  required: true,
  note: { 'zh-CN': '科技工作者 / 机构', en: 'scientist / organization' },
  example: '科技工作者',
};
const ownerExternalId: ImportColumn = {
  key: 'owner_external_id',
  field: null,
  zh: '提供方编号',
  en: 'Owner external ID',
  kind: { type: 'text' },
  required: true,
  note: {
    'zh-CN': '已导入的科技工作者或机构的“外部编号”（机构也可填统一社会信用代码）；请先导入提供方',
    en: 'External ID of an already imported scientist or organization (or the organization’s USCC); import owners first',
  },
  example: 'CD-2026-0001',
};

const CAPABILITY_COLUMNS: ImportColumn[] = [
  externalId,
  ownerType,
  ownerExternalId,
  {
    key: 'title',
    field: 'title',
    zh: '服务名称',
    en: 'Title',
    kind: { type: 'text' },
    required: true,
    note: { 'zh-CN': '2–120 字', en: '2–120 characters' },
    example: '猕猴桃溃疡病综合防治技术服务',
  },
  {
    key: 'description',
    field: 'description',
    zh: '服务内容',
    en: 'Description',
    kind: { type: 'text' },
    required: true,
    note: { 'zh-CN': '10–5000 字', en: '10–5000 characters' },
    example: '提供猕猴桃溃疡病田间诊断、防治方案制定与技术培训',
  },
  disciplines,
  industries,
  keywords,
  {
    key: 'delivery_mode',
    field: 'deliveryMode',
    zh: '服务方式',
    en: 'Delivery mode',
    kind: {
      type: 'enum',
      values: {
        onsite: ['上门', '线下', '现场'],
        remote: ['远程', '线上'],
        hybrid: ['线上线下结合', '混合'],
      },
    },
    required: true,
    note: { 'zh-CN': '上门 / 远程 / 线上线下结合', en: 'onsite / remote / hybrid' },
    example: '上门',
  },
  {
    key: 'price_type',
    field: 'priceType',
    zh: '报价方式',
    en: 'Price type',
    kind: {
      type: 'enum',
      values: { fixed: ['一口价', '固定价格'], negotiable: ['面议', '可议价'], quote: ['报价', '按需报价'] },
    },
    required: true,
    note: {
      'zh-CN': '一口价 / 面议 / 报价；一口价须填价格',
      en: 'fixed / negotiable / quote; fixed needs a price',
    },
    example: '面议',
  },
  {
    key: 'price',
    field: 'price',
    zh: '价格（元）',
    en: 'Price (yuan)',
    kind: { type: 'int' },
    note: { 'zh-CN': '整数元', en: 'Whole yuan' },
    example: '20000',
  },
  {
    key: 'duration_days',
    field: 'durationDays',
    zh: '周期（天）',
    en: 'Duration (days)',
    kind: { type: 'int' },
    note: { 'zh-CN': '1–3650', en: '1–3650' },
    example: '30',
  },
  regionCode,
];

const NEED_COLUMNS: ImportColumn[] = [
  externalId,
  {
    key: 'kind',
    field: 'kind',
    zh: '需求类型',
    en: 'Kind',
    kind: {
      type: 'enum',
      values: {
        service: ['技术服务', '服务需求'],
        rd_problem: ['科研课题', '研发难题', '技术难题'],
        talent: ['人才需求', '人才'],
        wanted_result: ['成果需求', '求购成果'],
      },
    },
    required: true,
    note: {
      'zh-CN': '技术服务 / 科研课题 / 人才需求 / 成果需求',
      en: 'service / rd_problem / talent / wanted_result',
    },
    example: '科研课题',
  },
  {
    key: 'enterprise_external_id',
    field: null,
    zh: '发布单位编号',
    en: 'Enterprise external ID',
    kind: { type: 'text' },
    note: {
      'zh-CN': '已导入企业的“外部编号”或统一社会信用代码；可留空',
      en: 'External ID or USCC of an imported enterprise; optional',
    },
    example: 'ENT-0001',
  },
  {
    key: 'title',
    field: 'title',
    zh: '需求名称',
    en: 'Title',
    kind: { type: 'text' },
    required: true,
    note: { 'zh-CN': '2–120 字', en: '2–120 characters' },
    example: '猕猴桃溃疡病绿色防控技术攻关',
  },
  {
    key: 'summary',
    field: 'summary',
    zh: '公开摘要',
    en: 'Public summary',
    kind: { type: 'text' },
    required: true,
    note: { 'zh-CN': '10–500 字，对所有人公开', en: '10–500 characters, shown to everyone' },
    example: '寻求猕猴桃溃疡病绿色防控技术与专家指导',
  },
  {
    key: 'description',
    field: 'description',
    zh: '需求详情',
    en: 'Details',
    kind: { type: 'text' },
    required: true,
    note: {
      'zh-CN': '10–5000 字；保密需求签署保密协议后可见',
      en: '10–5000 characters; behind the NDA when confidential',
    },
    example: '基地 500 亩红阳猕猴桃近两年溃疡病发病率超过 20%，需要……',
  },
  {
    key: 'confidential',
    field: 'confidential',
    zh: '保密',
    en: 'Confidential',
    kind: { type: 'bool' },
    note: boolNote,
    example: '否',
  },
  keywords,
  disciplines,
  industries,
  {
    key: 'budget_min',
    field: 'budgetMin',
    zh: '预算下限（元）',
    en: 'Budget min (yuan)',
    kind: { type: 'int' },
    note: { 'zh-CN': '整数元', en: 'Whole yuan' },
    example: '50000',
  },
  {
    key: 'budget_max',
    field: 'budgetMax',
    zh: '预算上限（元）',
    en: 'Budget max (yuan)',
    kind: { type: 'int' },
    note: { 'zh-CN': '整数元，不低于下限', en: 'Whole yuan, not below the minimum' },
    example: '200000',
  },
  {
    key: 'deadline',
    field: 'deadline',
    zh: '截止日期',
    en: 'Deadline',
    kind: { type: 'date' },
    note: { 'zh-CN': 'YYYY-MM-DD，不早于今天', en: 'YYYY-MM-DD, not in the past' },
    example: '2027-06-30',
  },
  regionCode,
];

/** The template columns of each importable entity, in file order. */
export const IMPORT_COLUMNS: Record<ImportEntity, readonly ImportColumn[]> = {
  scientists: SCIENTIST_COLUMNS,
  enterprises: ENTERPRISE_COLUMNS,
  capabilities: CAPABILITY_COLUMNS,
  needs: NEED_COLUMNS,
};

/** Sheet/file names of each entity. */
export const ENTITY_LABELS: Record<ImportEntity, { 'zh-CN': string; en: string }> = {
  scientists: { 'zh-CN': '科技工作者', en: 'scientists' },
  enterprises: { 'zh-CN': '企业', en: 'enterprises' },
  capabilities: { 'zh-CN': '科技服务', en: 'capabilities' },
  needs: { 'zh-CN': '科技需求', en: 'needs' },
};

/** The header as written in templates: Chinese name, `*` when required. */
export function headerOf(column: ImportColumn): string {
  return column.required ? `${column.zh}*` : column.zh;
}

/** Normalizes a header cell for matching: no `*`, spaces, brackets' width or case differences. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[*＊\s]/g, '')
    .toLowerCase();
}

/** header text → column key, accepting the Chinese header, the English header and the key. */
export function headerIndex(columns: readonly ImportColumn[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of columns) {
    for (const label of [c.zh, c.en, c.key]) map.set(normalizeHeader(label), c.key);
  }
  return map;
}

export { YES_NO };
