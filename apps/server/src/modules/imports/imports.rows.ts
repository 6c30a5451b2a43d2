/**
 * Row reading and validation that needs no database: header matching, cell → value conversion by
 * column kind, the catalog contracts (zod) for field rules, and the file-wide rules (region within
 * the officer's scope, duplicates inside the file, deadline not in the past). The service adds the
 * rules that need the database (existing external ids, USCCs, owners).
 * @module
 */
import type { z } from 'zod';
import {
  CapabilityCreate,
  NeedCreate,
  OrganizationProfileCreate,
  ScientistCreate,
  industrySection,
  type ImportEntity,
} from '@tianfu/contracts';
import { canonicalRegionCode, getRegion, isWithin, type ImportIssueRecord } from '@tianfu/db';
import { hasMessage } from '../../i18n/messages.ts';
import {
  IMPORT_COLUMNS,
  YES_NO,
  headerIndex,
  normalizeHeader,
  type ImportColumn,
} from './imports.columns.ts';

/** A normalized valid row, keyed by database column names (what commit writes). */
export type NormalizedRow = Record<string, unknown> & { external_id: string; region_code: string };

/** A row after validation: its number, the value when valid, its problems. */
export interface CheckedRow {
  row: number;
  value: NormalizedRow | null;
  issues: ImportIssueRecord[];
}

/** Maps header cells to column keys; unknown headers are ignored, missing required ones reported. */
export function mapHeader(
  entity: ImportEntity,
  header: readonly string[],
): { keys: (string | null)[]; missing: ImportColumn[]; duplicated: string[] } {
  const columns = IMPORT_COLUMNS[entity];
  const index = headerIndex(columns);
  const seen = new Set<string>();
  const duplicated: string[] = [];
  const keys = header.map((h) => {
    const key = index.get(normalizeHeader(h)) ?? null;
    if (key && seen.has(key)) {
      duplicated.push(h);
      return null;
    }
    if (key) seen.add(key);
    return key;
  });
  return { keys, missing: columns.filter((c) => c.required && !seen.has(c.key)), duplicated };
}

const LIST_SPLIT = /[;；,，、|\n\r]+/;
const RECORD_SPLIT = /[\n\r；;]+/;

type Converted = { ok: true; value: unknown } | { ok: false; code: string; params?: Record<string, string> };

function aliasTable(values: Record<string, readonly string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [value, labels] of Object.entries(values)) {
    map.set(value.toLowerCase(), value);
    for (const l of labels) map.set(normalizeHeader(l), value);
  }
  return map;
}
const aliasCache = new WeakMap<object, Map<string, string>>();
const BOOLS = aliasTable(YES_NO as unknown as Record<string, readonly string[]>);

/** Excel stores dates as days since 1899-12-30; a date cell typed as a number arrives that way. */
function excelSerialDate(n: number): string {
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Converts one non-empty cell by its column kind. */
export function convertCell(column: ImportColumn, text: string): Converted {
  const kind = column.kind;
  switch (kind.type) {
    case 'text':
      return { ok: true, value: text };
    case 'int': {
      const clean = text.replace(/[,，\s]/g, '');
      if (!/^-?\d+(\.0+)?$/.test(clean)) {
        return { ok: false, code: 'validation.invalid_type', params: { expected: 'int' } };
      }
      return { ok: true, value: Number.parseInt(clean, 10) };
    }
    case 'bool': {
      const v = BOOLS.get(normalizeHeader(text));
      return v === undefined ? { ok: false, code: 'validation.boolean' } : { ok: true, value: v === 'true' };
    }
    case 'date': {
      if (/^\d{5}(\.\d+)?$/.test(text)) return { ok: true, value: excelSerialDate(Math.floor(Number(text))) };
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      if (!m) return { ok: true, value: text }; // the contract reports the format
      return { ok: true, value: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
    }
    case 'list':
      return {
        ok: true,
        value: [
          ...new Set(
            text
              .split(LIST_SPLIT)
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ],
      };
    case 'enum': {
      let table = aliasCache.get(kind.values);
      if (!table) {
        table = aliasTable(kind.values);
        aliasCache.set(kind.values, table);
      }
      const v = table.get(normalizeHeader(text)) ?? table.get(text.toLowerCase());
      return v === undefined
        ? {
            ok: false,
            code: 'validation.invalid_value',
            params: {
              values: Object.values(kind.values)
                .map((labels) => labels[0])
                .join(' / '),
            },
          }
        : { ok: true, value: v };
    }
    case 'records': {
      const out: Record<string, unknown>[] = [];
      for (const line of text.split(RECORD_SPLIT)) {
        if (!line.trim()) continue;
        const parts = line.split(/[|｜]/).map((p) => p.trim());
        const rec: Record<string, unknown> = {};
        kind.parts.forEach((name, i) => {
          const p = parts[i];
          if (!p) return;
          if (kind.numeric?.includes(name)) {
            const n = Number(p);
            rec[name] = Number.isInteger(n) ? n : p;
          } else rec[name] = p;
        });
        out.push(rec);
      }
      return { ok: true, value: out };
    }
  }
}

/** Message code and params for a zod issue (same rules as the HTTP validation messages). */
export function issueCode(issue: z.core.$ZodIssue): { code: string; params?: Record<string, string> } {
  if (issue.message && hasMessage(issue.message)) return { code: issue.message };
  const p = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return { code: 'validation.required' };
      return { code: 'validation.invalid_type', params: { expected: String(p.expected ?? '') } };
    case 'too_small': {
      const origin = String(p.origin ?? '');
      const minimum = String(p.minimum ?? '');
      if (origin === 'string') return { code: 'validation.too_short', params: { minimum } };
      if (origin === 'array') return { code: 'validation.too_few_items', params: { minimum } };
      return { code: 'validation.too_small', params: { minimum } };
    }
    case 'too_big': {
      const origin = String(p.origin ?? '');
      const maximum = String(p.maximum ?? '');
      if (origin === 'string') return { code: 'validation.too_long', params: { maximum } };
      if (origin === 'array') return { code: 'validation.too_many_items', params: { maximum } };
      return { code: 'validation.too_big', params: { maximum } };
    }
    case 'invalid_format':
      return { code: 'validation.invalid_format' };
    case 'invalid_value':
      return {
        code: 'validation.invalid_value',
        params: { values: Array.isArray(p.values) ? (p.values as unknown[]).join(', ') : '' },
      };
    case 'not_multiple_of':
      return { code: 'validation.not_multiple_of', params: { divisor: String(p.divisor ?? '') } };
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'unrecognized_keys':
      return { code: 'validation.invalid' };
  }
}

/** What the file-wide rules need: the officer's scope, "today", and what earlier rows used. */
export interface RowContext {
  /** Region codes the importer may act in; null = anywhere (administrator). */
  scope: string[] | null;
  /** `YYYY-MM-DD`, for deadlines. */
  today: string;
  /** external_id (lower-cased) → first row using it. */
  seenExternal: Map<string, number>;
  /** uscc → first row using it (enterprises). */
  seenUscc: Map<string, number>;
}

export function newRowContext(scope: string[] | null, today: string): RowContext {
  return { scope, today, seenExternal: new Map(), seenUscc: new Map() };
}

const SCHEMAS: Record<ImportEntity, z.ZodType> = {
  scientists: ScientistCreate,
  enterprises: OrganizationProfileCreate,
  // The owner is resolved from `owner_external_id` by the service; the contract's owner reference
  // is satisfied with its default (`scientist`) so only the listing's own fields are checked here.
  capabilities: CapabilityCreate,
  needs: NeedCreate,
};

/** contract field → column key, per entity. */
const FIELD_TO_KEY: Record<ImportEntity, Map<string, string>> = Object.fromEntries(
  Object.entries(IMPORT_COLUMNS).map(([entity, cols]) => [
    entity,
    new Map(cols.filter((c) => c.field).map((c) => [c.field!, c.key])),
  ]),
) as Record<ImportEntity, Map<string, string>>;

const camelToSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Validates one data row. `cells` holds the row's cell texts by column key.
 * @example checkRow('scientists', 2, { external_id: 'S1', name: '张明', region_code: '510104', skills: '育种' }, ctx)
 */
export function checkRow(
  entity: ImportEntity,
  row: number,
  cells: Record<string, string>,
  ctx: RowContext,
): CheckedRow {
  const issues: ImportIssueRecord[] = [];
  const add = (field: string, code: string, params?: Record<string, string | number>) => {
    if (!issues.some((i) => i.field === field))
      issues.push({ row, field, code, ...(params ? { params } : {}) });
  };
  const columns = IMPORT_COLUMNS[entity];
  const candidate: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const column of columns) {
    const text = (cells[column.key] ?? '').trim();
    if (!text) {
      if (column.required && !column.field) add(column.key, 'validation.required');
      continue;
    }
    const converted = convertCell(column, text);
    if (!converted.ok) {
      add(column.key, converted.code, converted.params);
      continue;
    }
    if (column.field) candidate[column.field] = converted.value;
    else extra[column.key] = converted.value;
  }

  // Field rules from the contracts.
  const parsed = SCHEMAS[entity].safeParse(candidate);
  let value: Record<string, unknown> | null = null;
  if (parsed.success) value = parsed.data as Record<string, unknown>;
  else {
    const keys = FIELD_TO_KEY[entity];
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const key = keys.get(field) ?? (field ? camelToSnake(field) : '_row');
      const { code, params } = issueCode(issue);
      add(key, code, params);
    }
  }

  // external_id: required, ≤ 100, unique in the file.
  const externalId = typeof extra.external_id === 'string' ? extra.external_id : '';
  if (externalId.length > 100) add('external_id', 'validation.too_long', { maximum: 100 });
  if (externalId) {
    const k = externalId.toLowerCase();
    const first = ctx.seenExternal.get(k);
    if (first !== undefined) add('external_id', 'import.duplicate_in_file', { row: first });
    else ctx.seenExternal.set(k, row);
  }

  // Region: known, and inside the importer's region.
  const rawRegion = typeof candidate.regionCode === 'string' ? candidate.regionCode : '';
  const region = canonicalRegionCode(rawRegion);
  if (rawRegion && !issues.some((i) => i.field === 'region_code')) {
    if (!region || !getRegion(region)) add('region_code', 'validation.region_code');
    else if (ctx.scope !== null && !ctx.scope.some((s) => isWithin(region, s))) {
      add('region_code', 'import.region_out_of_scope', { region });
    }
  }

  if (entity === 'enterprises' && value && typeof value.uscc === 'string') {
    const first = ctx.seenUscc.get(value.uscc);
    if (first !== undefined) add('uscc', 'import.duplicate_in_file', { row: first });
    else ctx.seenUscc.set(value.uscc, row);
  }
  const deadline = candidate.deadline;
  if (
    entity === 'needs' &&
    typeof deadline === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(deadline) &&
    deadline < ctx.today
  ) {
    add('deadline', 'import.deadline_past');
  }

  if (issues.length > 0 || !value || !region) return { row, value: null, issues };
  return { row, value: normalize(entity, value, extra, externalId, region), issues };
}

/** Contract value → database columns (snake_case), with the import-only columns added. */
function normalize(
  entity: ImportEntity,
  value: Record<string, unknown>,
  extra: Record<string, unknown>,
  externalId: string,
  region: string,
): NormalizedRow {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[camelToSnake(k)] = v === undefined ? null : v;
  out.external_id = externalId;
  out.region_code = region;
  switch (entity) {
    case 'scientists': {
      out.disciplines ??= [];
      out.skills ??= [];
      out.availability ??= 'available';
      out.capacity ??= 1;
      out.remote ??= false;
      out.rural_expert ??= false;
      for (const k of ['papers', 'patents', 'projects', 'delivered_services', 'experience']) out[k] ??= [];
      break;
    }
    case 'enterprises': {
      out.org_type ??= 'enterprise';
      if (!out.industry_section && typeof out.industry_division === 'string') {
        out.industry_section = industrySection(out.industry_division)?.code ?? null;
      }
      break;
    }
    case 'capabilities': {
      delete out.scientist_id;
      delete out.team_id;
      delete out.org_id;
      out.owner_type = extra.owner_type;
      out.owner_ref = extra.owner_external_id;
      for (const k of ['disciplines', 'industries', 'keywords']) out[k] ??= [];
      break;
    }
    case 'needs': {
      out.org_ref = extra.enterprise_external_id ?? null;
      out.org_id = null;
      out.confidential ??= false;
      for (const k of ['disciplines', 'industries', 'keywords']) out[k] ??= [];
      break;
    }
  }
  return out as NormalizedRow;
}
