/**
 * Downloadable import templates: the data sheet with the Chinese headers (required ones marked
 * `*`), an instructions sheet (every column: key, required, allowed values, example) and the code
 * lists (disciplines, industries, the officer's regions). The CSV template is the header line.
 * @module
 */
import { PassThrough } from 'node:stream';
import { listDisciplines, listIndustries, type ImportEntity, type FileFormat } from '@tianfu/contracts';
import { getRegion, listChildren, listSubtree } from '@tianfu/db';
import type { Locale } from '../../i18n/locale.ts';
import { csvRecord, UTF8_BOM } from './csv.ts';
import { ENTITY_LABELS, IMPORT_COLUMNS, headerOf } from './imports.columns.ts';
import { XlsxStreamWriter } from './xlsx.ts';

/** File name of a template, e.g. `科技工作者导入模板.xlsx`. */
export function templateFileName(entity: ImportEntity, format: FileFormat, locale: Locale): string {
  const label = ENTITY_LABELS[entity][locale];
  return locale === 'en' ? `${label}-import-template.${format}` : `${label}导入模板.${format}`;
}

/** Regions listed in the template: the officer's subtrees, or every region for administrators. */
function templateRegions(scope: string[] | null) {
  const roots = scope ?? listChildren(null).map((r) => r.code);
  return roots.flatMap((code) => listSubtree(code));
}

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  out.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Builds the template file.
 * @example const bytes = await buildTemplate('scientists', 'xlsx', ['5101'], 'zh-CN');
 */
export async function buildTemplate(
  entity: ImportEntity,
  format: FileFormat,
  scope: string[] | null,
  locale: Locale,
): Promise<Buffer> {
  const columns = IMPORT_COLUMNS[entity];
  const header = columns.map(headerOf);
  if (format === 'csv') return Buffer.from(UTF8_BOM + csvRecord(header), 'utf8');

  const zh = locale !== 'en';
  return collect(async (out) => {
    const w = new XlsxStreamWriter(out);
    w.addSheet({ name: zh ? '数据' : 'data', header });

    w.addSheet({
      name: zh ? '填写说明' : 'instructions',
      header: zh
        ? ['列名', '字段键', '必填', '说明与可选值', '示例']
        : ['Column', 'Key', 'Required', 'Notes and allowed values', 'Example'],
      widths: [22, 22, 8, 80, 40],
    });
    for (const c of columns) {
      w.addRow([headerOf(c), c.key, c.required ? (zh ? '是' : 'yes') : '', c.note[locale], c.example]);
    }
    w.addRow([]);
    w.addRow([
      zh
        ? '第 1 行为表头，从第 2 行起每行一条记录；带 * 的列必填。“外部编号”是再次导入时识别同一记录的依据。上传后系统先逐行校验并给出报告，确认后才写入。'
        : 'Row 1 is the header; one record per row from row 2; columns marked * are required. The external ID identifies the record when you import again. Every row is checked and reported before anything is written.',
    ]);

    w.addSheet({
      name: zh ? '学科代码' : 'disciplines',
      header: zh ? ['代码', '名称', '英文名称'] : ['Code', 'Name (zh)', 'Name (en)'],
      widths: [10, 30, 40],
    });
    for (const d of listDisciplines()) w.addRow([d.code, d.names['zh-CN'], d.names.en]);

    w.addSheet({
      name: zh ? '行业代码' : 'industries',
      header: zh ? ['代码', '门类', '名称', '英文名称'] : ['Code', 'Section', 'Name (zh)', 'Name (en)'],
      widths: [8, 8, 40, 50],
    });
    for (const s of listIndustries()) {
      w.addRow([s.code, s.code, s.names['zh-CN'], s.names.en]);
      for (const d of listIndustries({ section: s.code }))
        w.addRow([d.code, s.code, d.names['zh-CN'], d.names.en]);
    }

    w.addSheet({
      name: zh ? '地区代码' : 'regions',
      header: zh ? ['代码', '名称'] : ['Code', 'Name'],
      widths: [10, 40],
    });
    for (const r of templateRegions(scope)) w.addRow([r.code, getRegion(r.code)?.fullName ?? r.name]);
    await w.finish();
  });
}
