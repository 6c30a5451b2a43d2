/**
 * Export of any catalog list to Excel or CSV, streamed page by page. The columns of importable
 * entities are the import template's (same headers, same cell spelling), so an exported file can
 * be edited and imported again; system columns (id, status, updated) follow. Phone numbers are
 * masked; reserve prices and confidential details are included because only officers of the
 * rows' region (and administrators) can export.
 * @module
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ExportEntity, ExportQuery } from '@tianfu/contracts';
import { maskPhone } from '@tianfu/contracts';
import type { Db } from '@tianfu/db';
import type { Locale } from '../../i18n/locale.ts';
import { AppError } from '../../errors/app-error.ts';
import { csvRecord, UTF8_BOM } from './csv.ts';
import { IMPORT_COLUMNS, type ImportColumn } from './imports.columns.ts';
import { exportsRepository, exportWhere, type ExportRow } from './exports.repository.ts';
import { XlsxStreamWriter, type CellValue } from './xlsx.ts';

/** One export column: header and how to read the value from a row. */
interface ExportColumn {
  zh: string;
  en: string;
  value: (row: ExportRow) => CellValue;
}

const camelToSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function dateText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    // A SQL `date` arrives as local midnight; a timestamp is shown in UTC ISO form.
    const isMidnight = v.getHours() === 0 && v.getMinutes() === 0 && v.getSeconds() === 0;
    if (isMidnight) {
      const m = String(v.getMonth() + 1).padStart(2, '0');
      const d = String(v.getDate()).padStart(2, '0');
      return `${v.getFullYear()}-${m}-${d}`;
    }
    return v.toISOString();
  }
  return String(v);
}

/** Cell text of a stored value in the column's import spelling. */
function cellOf(column: ImportColumn, v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (column.kind.type) {
    case 'bool':
      return v ? '是' : '否';
    case 'list':
      return Array.isArray(v) ? v.join('；') : String(v);
    case 'enum': {
      const labels = column.kind.values[String(v)];
      return labels?.[0] ?? String(v);
    }
    case 'records': {
      if (!Array.isArray(v)) return null;
      const parts = column.kind.parts;
      return (v as Record<string, unknown>[])
        .map((rec) =>
          parts.map((p) => (rec[p] === null || rec[p] === undefined ? '' : String(rec[p]))).join('|'),
        )
        .join('\n');
    }
    case 'int':
      return typeof v === 'number' ? v : Number(v);
    case 'date':
      return dateText(v);
    case 'text':
      return String(v);
  }
}

/** The DB column an import column reads back from. */
function storedKey(column: ImportColumn): string {
  if (column.key === 'owner_external_id') return 'owner_ref';
  if (column.key === 'enterprise_external_id') return 'org_ref';
  return column.field ? camelToSnake(column.field) : column.key;
}

const fromImport = (entity: Exclude<ExportEntity, 'results'>): ExportColumn[] =>
  IMPORT_COLUMNS[entity].map((c) => ({ zh: c.zh, en: c.en, value: (r) => cellOf(c, r[storedKey(c)]) }));

const STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  rejected: '已驳回',
  closed: '已关闭',
  expired: '已过期',
};
const TRANSFER_ZH: Record<string, string> = {
  transfer: '转让',
  license: '许可',
  joint_development: '合作开发',
  equity: '作价入股',
};
const PRICE_ZH: Record<string, string> = { fixed: '一口价', negotiable: '面议', quote: '报价' };
const IP_ZH: Record<string, string> = { patent: '专利', software_copyright: '软件著作权', other: '其他' };

const str = (k: string) => (r: ExportRow) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
const num = (k: string) => (r: ExportRow) =>
  typeof r[k] === 'number' ? r[k] : r[k] == null ? null : Number(r[k]);
const list = (k: string) => (r: ExportRow) => (Array.isArray(r[k]) ? (r[k] as string[]).join('；') : null);

const systemColumns = (withStatus: boolean): ExportColumn[] => [
  { zh: '系统编号', en: 'ID', value: str('id') },
  ...(withStatus
    ? [{ zh: '状态', en: 'Status', value: (r: ExportRow) => STATUS_ZH[String(r.status)] ?? String(r.status) }]
    : []),
  { zh: '更新时间', en: 'Updated', value: (r) => dateText(r.updated_at) },
];
const phoneColumn: ExportColumn = {
  zh: '联系电话',
  en: 'Phone',
  value: (r) => (typeof r.contact_phone === 'string' ? maskPhone(r.contact_phone) : null),
};

const RESULT_COLUMNS: ExportColumn[] = [
  { zh: '外部编号', en: 'External ID', value: str('external_id') },
  { zh: '成果名称', en: 'Title', value: str('title') },
  { zh: '成果简介', en: 'Abstract', value: str('abstract') },
  { zh: '成熟度（TRL）', en: 'Maturity (TRL)', value: num('maturity') },
  {
    zh: '知识产权',
    en: 'IP',
    value: (r) =>
      Array.isArray(r.ip)
        ? (r.ip as { kind: string; number: string; title?: string | null }[])
            .map((i) => [IP_ZH[i.kind] ?? i.kind, i.number, i.title ?? ''].join('|'))
            .join('\n')
        : null,
  },
  {
    zh: '转化方式',
    en: 'Transfer modes',
    value: (r) =>
      Array.isArray(r.transfer_modes)
        ? (r.transfer_modes as string[]).map((m) => TRANSFER_ZH[m] ?? m).join('；')
        : null,
  },
  { zh: '报价方式', en: 'Price type', value: (r) => PRICE_ZH[String(r.price_type)] ?? str('price_type')(r) },
  { zh: '挂牌价（元）', en: 'Asking price (yuan)', value: num('asking_price') },
  { zh: '保留价（元）', en: 'Reserve price (yuan)', value: num('reserve_price') },
  { zh: '学科代码', en: 'Discipline codes', value: list('disciplines') },
  { zh: '行业代码', en: 'Industry codes', value: list('industries') },
  { zh: '关键词', en: 'Keywords', value: list('keywords') },
  { zh: '地区代码', en: 'Region code', value: str('region_code') },
  { zh: '提供方编号', en: 'Owner external ID', value: str('owner_ref') },
  { zh: '提供方', en: 'Owner', value: str('owner_name') },
];

const EXPORT_COLUMNS: Record<ExportEntity, ExportColumn[]> = {
  scientists: [...fromImport('scientists'), phoneColumn, ...systemColumns(true)],
  enterprises: [...fromImport('enterprises'), phoneColumn, ...systemColumns(false)],
  capabilities: [
    ...fromImport('capabilities'),
    { zh: '提供方', en: 'Owner', value: str('owner_name') },
    ...systemColumns(true),
  ],
  results: [...RESULT_COLUMNS, ...systemColumns(true)],
  needs: [
    ...fromImport('needs'),
    { zh: '发布单位', en: 'Enterprise', value: str('org_name') },
    ...systemColumns(true),
  ],
};

/** File name of an export, e.g. `scientists-20261129.xlsx`. */
export function exportFileName(entity: ExportEntity, format: 'xlsx' | 'csv', now: Date): string {
  return `${entity}-${now.toISOString().slice(0, 10).replace(/-/g, '')}.${format}`;
}

export function exportsService(deps: { db: Db; maxRows: number; pageSize?: number }) {
  const repo = exportsRepository(deps.db);
  const pageSize = deps.pageSize ?? 2000;
  return {
    /** Counts first (refusing exports over the limit), so a refusal is a clean 400, not a cut file. */
    async prepare(entity: ExportEntity, query: ExportQuery, scope: string[] | null) {
      const where = exportWhere(entity, query, scope);
      const total = await repo.count(entity, where);
      if (total > deps.maxRows)
        throw new AppError('export.too_many_rows', 400, { params: { max: deps.maxRows } });
      return { where, total };
    },

    /** Streams the rows into `out` as xlsx or CSV (UTF-8 with BOM, CRLF). Ends `out`. */
    async write(
      entity: ExportEntity,
      format: 'xlsx' | 'csv',
      where: ReturnType<typeof exportWhere>,
      locale: Locale,
      out: Writable,
    ): Promise<number> {
      const columns = EXPORT_COLUMNS[entity];
      const header = columns.map((c) => (locale === 'en' ? c.en : c.zh));
      let written = 0;
      const xlsx = format === 'xlsx' ? new XlsxStreamWriter(out) : null;
      if (xlsx) xlsx.addSheet({ name: entity, header });
      else out.write(UTF8_BOM + csvRecord(header));
      let after: string | null = null;
      for (;;) {
        const rows = await repo.page(entity, where, after, pageSize);
        for (const row of rows) {
          const values = columns.map((c) => c.value(row));
          if (xlsx) xlsx.addRow(values);
          else if (!out.write(csvRecord(values.map((v) => (v === null ? '' : String(v)))))) {
            await once(out, 'drain');
          }
        }
        written += rows.length;
        if (rows.length < pageSize) break;
        after = rows[rows.length - 1]!.id;
      }
      if (xlsx) await xlsx.finish();
      else out.end();
      return written;
    },
  };
}
