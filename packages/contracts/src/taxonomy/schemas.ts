/**
 * zod schemas for taxonomy codes in request bodies and queries. Failures carry a message code
 * (`validation.discipline_code`, `validation.industry_code`, `validation.industry_division_code`) like the
 * other contracts; {@link TAXONOMY_MESSAGES} holds their texts for the server's message catalog.
 * @module
 */
import { z } from 'zod';
import { isDisciplineCode } from './disciplines.ts';
import { isIndustryCode, isIndustryDivisionCode } from './industries.ts';

/** The texts of the message codes these schemas produce, ready for the server's `registerMessages`. */
export const TAXONOMY_MESSAGES = {
  'validation.discipline_code': {
    'zh-CN': '学科代码无效，请从 GB/T 13745 学科列表中选择',
    en: 'Unknown discipline code, please pick one from the GB/T 13745 list',
  },
  'validation.industry_code': {
    'zh-CN': '行业代码无效，请从 GB/T 4754 行业列表中选择',
    en: 'Unknown industry code, please pick one from the GB/T 4754 list',
  },
  'validation.industry_division_code': {
    'zh-CN': '请选择具体的行业大类（两位代码）',
    en: 'Please pick an industry division (two-digit code)',
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

/**
 * A known GB/T 13745 discipline code, first level (`'520'`) or second level (`'52040'`); trimmed.
 * @example disciplineCode.parse(' 52040 ') // '52040'
 */
export const disciplineCode = z
  .string()
  .trim()
  .refine(isDisciplineCode, { message: 'validation.discipline_code' })
  .meta({ description: 'GB/T 13745-2009 discipline code, 3 or 5 digits', examples: ['520', '52040'] });

/**
 * A known GB/T 4754-2017 section letter (`'C'`, case-insensitive) or division code (`'39'`);
 * trimmed and upper-cased.
 * @example industryCode.parse('c') // 'C'
 */
export const industryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isIndustryCode, { message: 'validation.industry_code' })
  .meta({ description: 'GB/T 4754-2017 section letter A–T or division code 01–97', examples: ['C', '39'] });

/**
 * A known GB/T 4754-2017 division code only (`'39'`), for fields that need the precise industry
 * (an enterprise's main business); a section letter gets its own message.
 */
export const industryDivisionCode = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (isIndustryDivisionCode(value)) return;
    const message = isIndustryCode(value) ? 'validation.industry_division_code' : 'validation.industry_code';
    ctx.addIssue({ code: 'custom', message });
  })
  .meta({ description: 'GB/T 4754-2017 division code 01–97', examples: ['39'] });
