/**
 * Message codes of bulk import and export: request-level errors and per-row report messages.
 * Also registers the catalog and taxonomy field codes the contracts produce (same texts as the
 * catalog modules register, so the first registration wins without conflict).
 * @module
 */
import { CATALOG_MESSAGES, TAXONOMY_MESSAGES } from '@tianfu/contracts';
import { registerMessages } from '../../i18n/messages.ts';

registerMessages(CATALOG_MESSAGES);
registerMessages(TAXONOMY_MESSAGES);

export const ImportErrors = registerMessages({
  'import.no_file': {
    'zh-CN': '请上传 Excel（.xlsx）或 CSV 文件',
    en: 'Please upload an Excel (.xlsx) or CSV file',
  },
  'import.unsupported_format': {
    'zh-CN': '不支持的文件格式，请使用 .xlsx 或 .csv',
    en: 'Unsupported file format, use .xlsx or .csv',
  },
  'import.file_too_large': {
    'zh-CN': '文件过大，最大 {maxMb} MB',
    en: 'The file is too large (at most {maxMb} MB)',
  },
  'import.xlsx_unreadable': {
    'zh-CN': '无法读取该 Excel 文件，请另存为 .xlsx 后重试',
    en: 'This Excel file cannot be read; save it as .xlsx and try again',
  },
  'import.csv_unclosed_quote': {
    'zh-CN': 'CSV 第 {line} 行的引号没有闭合',
    en: 'CSV line {line}: a quoted field is never closed',
  },
  'import.csv_stray_quote': {
    'zh-CN': 'CSV 第 {line} 行引号后有多余字符',
    en: 'CSV line {line}: unexpected characters after a closing quote',
  },
  'import.empty_file': {
    'zh-CN': '文件中没有表头或数据行',
    en: 'The file has no header row or no data rows',
  },
  'import.missing_columns': {
    'zh-CN': '缺少必填列：{columns}。请使用下载的模板',
    en: 'Required columns are missing: {columns}. Please use the downloaded template',
  },
  'import.too_many_rows': {
    'zh-CN': '单个文件最多 {max} 行，请拆分后导入',
    en: 'A file may hold at most {max} rows; split it and import the parts',
  },
  'import.not_found': { 'zh-CN': '导入批次不存在', en: 'No such import batch' },
  'import.not_committable': {
    'zh-CN': '该批次状态为“{status}”，不能再提交',
    en: 'This batch is {status} and cannot be committed',
  },
  'import.expired': {
    'zh-CN': '该批次已过期，请重新上传文件',
    en: 'This batch has expired; upload the file again',
  },
  'import.has_invalid_rows': {
    'zh-CN': '有 {invalid} 行未通过校验，“全部或不导入”模式不能提交；请修正后重新上传，或选择“仅导入有效行”',
    en: '{invalid} rows are invalid, so “all or nothing” cannot be committed; fix them and upload again, or choose “valid rows only”',
  },
  'import.nothing_to_commit': { 'zh-CN': '没有可导入的有效行', en: 'There are no valid rows to import' },
  'import.commit_failed': {
    'zh-CN': '导入失败，未写入任何数据，请稍后重试',
    en: 'The import failed and nothing was written; please try again',
  },
  // Row report messages.
  'import.duplicate_in_file': {
    'zh-CN': '与第 {row} 行重复',
    en: 'Duplicate of row {row}',
  },
  'import.region_out_of_scope': {
    'zh-CN': '地区 {region} 不在您的管辖范围内',
    en: 'Region {region} is outside your region',
  },
  'import.deadline_past': { 'zh-CN': '截止日期不能早于今天', en: 'The deadline cannot be in the past' },
  'import.external_id_out_of_scope': {
    'zh-CN': '该外部编号已被您管辖范围以外的记录使用',
    en: 'This external ID belongs to a record outside your region',
  },
  'import.uscc_taken': {
    'zh-CN': '该统一社会信用代码已由其他单位记录登记（外部编号不同）',
    en: 'This credit code is already registered by another record (different external ID)',
  },
  'import.owner_not_found': {
    'zh-CN': '找不到编号为 {ref} 的{owner}，请先导入提供方',
    en: 'No {owner} with ID {ref}; import the owner first',
  },
  'import.owner_out_of_scope': {
    'zh-CN': '提供方不在您的管辖范围内',
    en: 'The owner is outside your region',
  },
  'import.owner.scientist': { 'zh-CN': '科技工作者', en: 'scientist' },
  'import.owner.organization': { 'zh-CN': '机构', en: 'organization' },
  'export.too_many_rows': {
    'zh-CN': '导出行数超过上限 {max}，请增加筛选条件',
    en: 'More than {max} rows; narrow the filters',
  },
});
