/**
 * Field schemas shared by the catalog contracts (limits in one place) and the message codes their
 * refinements produce ({@link CATALOG_MESSAGES}, registered by the server's catalog modules).
 * @module
 */
import { z } from 'zod';
import { disciplineCode, industryCode } from '../taxonomy/schemas.ts';
import { isIndustryCode } from '../taxonomy/industries.ts';

/** Texts of the catalog-specific validation codes, ready for the server's `registerMessages`. */
export const CATALOG_MESSAGES = {
  'validation.budget_range': {
    'zh-CN': '预算上限不能低于预算下限',
    en: 'The budget maximum cannot be below the minimum',
  },
  'validation.reserve_above_asking': {
    'zh-CN': '保留价不能高于挂牌价',
    en: 'The reserve price cannot be above the asking price',
  },
  'validation.price_required': {
    'zh-CN': '一口价需要填写价格',
    en: 'A fixed price needs an amount',
  },
  'validation.owner_ref_required': {
    'zh-CN': '请选择发布主体（团队或机构）',
    en: 'Please choose who offers this (team or organization)',
  },
  'validation.industry_section_code': {
    'zh-CN': '请选择行业门类（A–T）',
    en: 'Please pick an industry section (A–T)',
  },
  'validation.industry_mismatch': {
    'zh-CN': '行业大类不属于所选门类',
    en: 'The industry division does not belong to the chosen section',
  },
  'validation.reason_required': {
    'zh-CN': '驳回时必须填写原因',
    en: 'A reason is required when rejecting',
  },
  'validation.year_order': {
    'zh-CN': '结束年份不能早于开始年份',
    en: 'The end year cannot be before the start year',
  },
  'validation.skill_or_discipline_required': {
    'zh-CN': '请至少填写一个学科或一项技能',
    en: 'Please give at least one discipline or skill',
  },
  'validation.date': {
    'zh-CN': '日期格式应为 YYYY-MM-DD',
    en: 'Dates are written YYYY-MM-DD',
  },
  'validation.boolean': {
    'zh-CN': '取值应为 true 或 false',
    en: 'Must be true or false',
  },
  'validation.control_chars': {
    'zh-CN': '文本中含有不可见的控制字符，请删除后重试',
    en: 'The text contains invisible control characters; please remove them',
  },
  'validation.text_blank': {
    'zh-CN': '请填写文字或数字，不能只有空白或符号',
    en: 'Please write letters or digits, not only blanks or symbols',
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

/** Region code as typed: 2-digit province, 4-digit city, 6-digit county (or 6-digit padded forms). */
export const CatalogRegionCode = z
  .string()
  .trim()
  .regex(/^\d{2}(\d{2}){0,2}$/, 'validation.region_code');

/** A record id in a path: any UUID-shaped string (so a typo is a 400, not a database error). */
export const CatalogId = z.guid();
/** `{ id }` path parameters of catalog routes. */
export const CatalogIdParams = z.object({ id: CatalogId });
export type CatalogIdParams = z.infer<typeof CatalogIdParams>;

/**
 * Control characters other than tab and line breaks. NUL cannot be stored at all (PostgreSQL
 * refuses it in text and jsonb), the others are never meant; both are a 400 on the field.
 */
function hasControlChar(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}
/** Free text as typed by people: any string without control characters (trim/min/max added per field). */
export const PlainText = z
  .string()
  .refine((v) => !hasControlChar(v), { message: 'validation.control_chars', abort: true });
/** Some letter or digit: a title of blanks, zero-width spaces or punctuation only is refused. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Listing or profile title. */
export const Title = PlainText.trim()
  .min(2)
  .max(120)
  .refine((v) => HAS_WORD.test(v), { message: 'validation.text_blank' });
/** Long free text (description, abstract, bio). */
export const LongText = PlainText.trim().max(5000);
/** A public one-paragraph summary. */
export const SummaryText = PlainText.trim()
  .min(10)
  .max(500)
  .refine((v) => HAS_WORD.test(v), { message: 'validation.text_blank' });
/** A person's or organization's display name. */
export const PersonName = PlainText.trim()
  .min(1)
  .max(60)
  .refine((v) => HAS_WORD.test(v), { message: 'validation.text_blank' });

/** Discipline codes (GB/T 13745), main one first, at most 10, no duplicates after trimming. */
export const DisciplineList = z.array(disciplineCode).max(10);
/** Industry codes (GB/T 4754 section letters or divisions), at most 10. */
export const IndustryList = z.array(industryCode).max(10);
/** Free keywords / skills / shared capabilities: short terms, at most 30. */
export const TermList = z.array(PlainText.trim().min(1).max(40)).max(30);

/** An amount of money in whole yuan (up to 100 billion). */
export const Yuan = z.number().int().min(0).max(100_000_000_000);
/** A calendar year in profiles (papers, projects, experience). */
export const Year = z.number().int().min(1900).max(2100);
/** A calendar date `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date({ message: 'validation.date' });

/** A GB/T 4754 section letter (A–T), trimmed and upper-cased. */
export const industrySectionCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => /^[A-T]$/.test(v) && isIndustryCode(v), { message: 'validation.industry_section_code' });

/** `true` / `false` in a query string (z.coerce.boolean would read "false" as true). */
export const QueryBoolean = z
  .enum(['true', 'false', '1', '0'], { message: 'validation.boolean' })
  .transform((v) => v === 'true' || v === '1');

/**
 * Optional `version` on an edit or a review decision: the version the caller looked at. When the
 * listing has changed since (another editor, a new submission) the request is a 409
 * `listing.version_conflict` instead of silently overwriting or approving unseen content.
 */
export const ExpectedVersion = z.number().int().min(1).optional();

/** A free-text filter in list queries. */
export const QueryText = PlainText.trim().min(1).max(100);
