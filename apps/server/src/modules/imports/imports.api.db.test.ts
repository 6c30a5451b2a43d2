import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from './exceljs.ts';
import { usccCheckChar } from '@tianfu/contracts';
import {
  auditLog,
  capabilities,
  listingVersions,
  needs,
  organizations,
  scientistProfiles,
  type Db,
} from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { testLogger, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { buildAccountsTestApp, type TestClock } from '../auth/testing/app.ts';
import { registerUser, type TestClient } from '../auth/testing/client.ts';
import { registerStaff } from '../auth/testing/staff.ts';
import { UTF8_BOM, csvRecord, decodeCsvBytes, parseCsv } from './csv.ts';
import { IMPORT_COLUMNS, headerOf } from './imports.columns.ts';
import { XlsxStreamWriter } from './xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid unified social credit code for a Chengdu enterprise, varied by `n`. */
function uscc(n: number): string {
  const first17 = `91510100MA${String(n).padStart(6, '0')}X`;
  return first17 + usccCheckChar(first17);
}

/** An .xlsx with the template's headers and these rows (cells by column key). */
async function xlsxFile(entity: keyof typeof IMPORT_COLUMNS, rows: Record<string, string | number>[]) {
  const columns = IMPORT_COLUMNS[entity];
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const w = new XlsxStreamWriter(out);
  w.addSheet({ name: '数据', header: columns.map(headerOf) });
  for (const r of rows) w.addRow(columns.map((c) => r[c.key] ?? null));
  await w.finish();
  return Buffer.concat(chunks);
}

function multipart(fileName: string, bytes: Buffer, type: string) {
  const boundary = `----tianfu${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    `Content-Type: ${type}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(
  client: TestClient,
  entity: string,
  fileName: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
) {
  const mp = multipart(fileName, bytes, fileName.endsWith('.csv') ? 'text/csv' : XLSX);
  return client.req('POST', `/api/imports?entity=${entity}`, mp.body, {
    headers: { 'content-type': mp.contentType, ...headers },
  });
}

const scientist = (i: number, extra: Record<string, string | number> = {}) => ({
  external_id: `SCI-${i}`,
  name: `导入专家${i}`,
  gender: '女',
  education: '博士',
  title: '研究员',
  affiliation: '四川农业大学',
  disciplines: '210；21030',
  skills: '猕猴桃溃疡病防治；果树栽培',
  bio: '长期从事猕猴桃病害防治研究与推广',
  region_code: '510104',
  capacity: 3,
  remote: '是',
  papers: '猕猴桃溃疡病研究进展|植物保护|2021\n果园病害绿色防控|四川农业科技|2023',
  ...extra,
});

async function countOf(db: Db, table: typeof scientistProfiles | typeof organizations) {
  const [row] = await db.orm.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

describeEachDb('bulk import and export', (getDb) => {
  let t: TestApp & { clock: TestClock };
  const logLines: string[] = [];
  let chengdu: Awaited<ReturnType<typeof registerStaff>>;
  let mianyang: Awaited<ReturnType<typeof registerStaff>>;
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb(), { logger: testLogger(logLines) });
    chengdu = await registerStaff(t.app, getDb(), 'officer', '5101', () => t.clock.now());
    mianyang = await registerStaff(t.app, getDb(), 'officer', '5107', () => t.clock.now());
  });
  afterAll(async () => {
    if (process.env.IMPORTS_TEST_LOG)
      console.log(logLines.filter((l) => l.includes('"level":50') || l.includes('"level":40')).join('\n'));
    await t.close();
  });

  it('serves an xlsx template with Chinese headers, instructions and code lists that re-parses', async () => {
    const res = await chengdu.client.get('/api/imports/templates/scientists?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '数据',
      '填写说明',
      '学科代码',
      '行业代码',
      '地区代码',
    ]);
    const header = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(header[0]).toBe('外部编号*');
    expect(header).toContain('地区代码*');
    const regions = wb.getWorksheet('地区代码')!;
    const codes: string[] = [];
    regions.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toContain('510104');
    expect(codes).not.toContain('510703'); // Mianyang is outside the Chengdu officer's region

    // Fill the downloaded template and upload it: it parses and validates.
    const data = wb.worksheets[0]!;
    const columns = IMPORT_COLUMNS.scientists;
    const row = scientist(900);
    data.addRow(columns.map((c) => (row as Record<string, string | number>)[c.key] ?? null));
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await upload(chengdu.client, 'scientists', 'filled.xlsx', filled);
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ status: 'validated', counts: { total: 1, valid: 1, invalid: 0 } });

    const csv = await chengdu.client.get('/api/imports/templates/needs?format=csv');
    expect(csv.statusCode).toBe(200);
    const text = decodeCsvBytes(csv.rawPayload).text;
    expect([...parseCsv(text)][0]!.fields).toEqual(IMPORT_COLUMNS.needs.map(headerOf));
  });

  it('reports a bad row by row, field and message and writes nothing; all_or_nothing refuses, valid_only writes the rest', async () => {
    const before = await countOf(getDb(), scientistProfiles);
    const file = await xlsxFile('scientists', [
      scientist(1),
      scientist(2, { region_code: '510104', birth_year: 'abc', education: '学士后' }),
      scientist(3),
    ]);
    const res = await upload(chengdu.client, 'scientists', 'sci.xlsx', file);
    expect(res.statusCode).toBe(201);
    const batch = res.json();
    expect(batch.counts).toMatchObject({ total: 3, valid: 2, invalid: 1 });
    expect(batch.invalidRows).toEqual([3]); // header is row 1
    const fields = batch.issues.map((i: { row: number; field: string }) => `${i.row}:${i.field}`);
    expect(fields).toEqual(expect.arrayContaining(['3:birth_year', '3:education']));
    const edu = batch.issues.find((i: { field: string }) => i.field === 'education');
    expect(edu).toMatchObject({ row: 3, column: '学历', code: 'validation.invalid_value' });
    expect(edu.message).toContain('博士');
    expect(await countOf(getDb(), scientistProfiles)).toBe(before);

    // The same report in English.
    const en = await chengdu.client.req('GET', `/api/imports/${batch.id}`, undefined, {
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().issues.find((i: { field: string }) => i.field === 'birth_year').message).toMatch(
      /whole number/,
    );

    const refused = await chengdu.client.post(`/api/imports/${batch.id}/commit`, { mode: 'all_or_nothing' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('import.has_invalid_rows');
    expect(await countOf(getDb(), scientistProfiles)).toBe(before);

    const done = await chengdu.client.post(`/api/imports/${batch.id}/commit`, { mode: 'valid_only' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'committed',
      mode: 'valid_only',
      counts: { inserted: 2, updated: 0 },
    });
    expect(await countOf(getDb(), scientistProfiles)).toBe(before + 2);
    const [one] = await getDb()
      .orm.select()
      .from(scientistProfiles)
      .where(eq(scientistProfiles.externalId, 'SCI-1'));
    expect(one).toMatchObject({
      userId: null,
      status: 'published',
      regionCode: '510104',
      education: 'doctorate',
      gender: 'female',
      disciplines: ['210', '21030'],
      skills: ['猕猴桃溃疡病防治', '果树栽培'],
      remote: true,
      capacity: 3,
      openCapacity: 3,
    });
    expect(one!.papers).toEqual([
      { title: '猕猴桃溃疡病研究进展', journal: '植物保护', year: 2021 },
      { title: '果园病害绿色防控', journal: '四川农业科技', year: 2023 },
    ]);

    // The match index hears about the committed rows (catalog events for a small batch).
    await t.app.catalogIndex.idle();
    expect(t.app.catalogIndex.meta(one!.id)?.kind).toBe('scientist');

    const again = await chengdu.client.post(`/api/imports/${batch.id}/commit`, { mode: 'valid_only' });
    expect(again.statusCode).toBe(409);
  });

  it('re-importing the same file updates by external id and never duplicates', async () => {
    const rows = [scientist(10), scientist(11), scientist(12)];
    const first = await upload(chengdu.client, 'scientists', 'a.xlsx', await xlsxFile('scientists', rows));
    const c1 = await chengdu.client.post(`/api/imports/${first.json().id}/commit`, {
      mode: 'all_or_nothing',
    });
    expect(c1.json().counts).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    const total = await countOf(getDb(), scientistProfiles);

    rows[1] = scientist(11, { bio: '改为研究猕猴桃品种选育', capacity: 5 });
    const second = await upload(chengdu.client, 'scientists', 'a.xlsx', await xlsxFile('scientists', rows));
    const c2 = await chengdu.client.post(`/api/imports/${second.json().id}/commit`, {
      mode: 'all_or_nothing',
    });
    expect(c2.statusCode).toBe(200);
    expect(c2.json().counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(await countOf(getDb(), scientistProfiles)).toBe(total);
    const [changed] = await getDb()
      .orm.select()
      .from(scientistProfiles)
      .where(eq(scientistProfiles.externalId, 'SCI-11'));
    expect(changed).toMatchObject({ bio: '改为研究猕猴桃品种选育', capacity: 5, version: 2 });
    const versions = await getDb()
      .orm.select({ version: listingVersions.version })
      .from(listingVersions)
      .where(and(eq(listingVersions.entityType, 'scientist'), eq(listingVersions.entityId, changed!.id)));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('reads CSV with a BOM, CRLF and quoted commas; checks the USCC; then imports needs and capabilities against them', async () => {
    const header = IMPORT_COLUMNS.enterprises.map(headerOf);
    const keys = IMPORT_COLUMNS.enterprises.map((c) => c.key);
    const line = (r: Record<string, string>) => csvRecord(keys.map((k) => r[k] ?? ''));
    const bad = uscc(2).slice(0, 17) + (uscc(2).endsWith('1') ? '2' : '1');
    const text =
      UTF8_BOM +
      csvRecord(header) +
      line({
        external_id: 'ENT-1',
        name: '成都天府猕猴桃科技有限公司, 研发中心',
        uscc: uscc(1),
        region_code: '510104',
        industry_division: '01',
        size_class: '小型',
        description: '种植, 加工与"冷链"销售',
      }) +
      line({ external_id: 'ENT-2', name: '坏代码公司', uscc: bad, region_code: '510104' });
    const res = await upload(chengdu.client, 'enterprises', 'ent.csv', Buffer.from(text, 'utf8'));
    expect(res.statusCode).toBe(201);
    const batch = res.json();
    expect(batch.format).toBe('csv');
    expect(batch.counts).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(batch.issues).toEqual([
      expect.objectContaining({ row: 3, field: 'uscc', code: 'validation.uscc_check_char' }),
    ]);
    const done = await chengdu.client.post(`/api/imports/${batch.id}/commit`, { mode: 'valid_only' });
    expect(done.statusCode).toBe(200);
    const [org] = await getDb().orm.select().from(organizations).where(eq(organizations.externalId, 'ENT-1'));
    expect(org).toMatchObject({
      name: '成都天府猕猴桃科技有限公司, 研发中心',
      description: '种植, 加工与"冷链"销售',
      industrySection: 'A',
      industryDivision: '01',
      sizeClass: 'small',
      ownerId: chengdu.userId,
    });

    const needFile = await xlsxFile('needs', [
      {
        external_id: 'NEED-1',
        kind: '科研课题',
        enterprise_external_id: 'ENT-1',
        title: '猕猴桃溃疡病绿色防控技术攻关',
        summary: '寻求猕猴桃溃疡病绿色防控技术与专家指导',
        description: '基地 500 亩红阳猕猴桃近两年溃疡病发病率超过 20%，需要系统防控方案',
        budget_min: 50000,
        budget_max: 200000,
        deadline: '2099-06-30',
        region_code: '510104',
      },
      {
        external_id: 'NEED-2',
        kind: '科研课题',
        enterprise_external_id: 'NO-SUCH',
        title: '预算颠倒的需求',
        summary: '这是一个预算上下限写反了的需求',
        description: '预算上限低于下限，应当被拒绝导入',
        budget_min: 200000,
        budget_max: 1000,
        deadline: '2001-01-01',
        region_code: '510104',
      },
    ]);
    const n = await upload(chengdu.client, 'needs', 'needs.xlsx', needFile);
    expect(n.statusCode).toBe(201);
    const issues = n
      .json()
      .issues.map((i: { row: number; field: string; code: string }) => `${i.row}:${i.field}:${i.code}`);
    expect(issues).toEqual(
      expect.arrayContaining(['3:budget_max:validation.budget_range', '3:deadline:import.deadline_past']),
    );
    const committed = await chengdu.client.post(`/api/imports/${n.json().id}/commit`, { mode: 'valid_only' });
    expect(committed.json().counts.inserted).toBe(1);
    const [need] = await getDb().orm.select().from(needs).where(eq(needs.externalId, 'NEED-1'));
    expect(need).toMatchObject({
      status: 'published',
      orgId: org!.id,
      budgetMin: 50000,
      authorId: chengdu.userId,
    });
    expect(need!.publishedAt).toBeInstanceOf(Date);

    const capFile = await xlsxFile('capabilities', [
      {
        external_id: 'CAP-1',
        owner_type: '科技工作者',
        owner_external_id: 'SCI-1',
        title: '猕猴桃溃疡病综合防治技术服务',
        description: '提供猕猴桃溃疡病田间诊断、防治方案制定与技术培训',
        delivery_mode: '上门',
        price_type: '一口价',
        price: 20000,
        region_code: '510104',
      },
      {
        external_id: 'CAP-2',
        owner_type: '科技工作者',
        owner_external_id: 'SCI-404',
        title: '找不到提供方的服务',
        description: '提供方尚未导入，应当报告在提供方编号列',
        delivery_mode: '远程',
        price_type: '一口价',
        region_code: '510104',
      },
    ]);
    const cap = await upload(chengdu.client, 'capabilities', 'caps.xlsx', capFile);
    const capIssues = cap
      .json()
      .issues.map((i: { row: number; field: string; code: string }) => `${i.row}:${i.field}:${i.code}`);
    // Row 3 has no price for a fixed price (contract rule); its owner is checked only once the row is otherwise valid.
    expect(capIssues).toEqual(['3:price:validation.price_required']);
    const capDone = await chengdu.client.post(`/api/imports/${cap.json().id}/commit`, { mode: 'valid_only' });
    expect(capDone.json().counts.inserted).toBe(1);
    const [capRow] = await getDb()
      .orm.select()
      .from(capabilities)
      .where(eq(capabilities.externalId, 'CAP-1'));
    expect(capRow).toMatchObject({ ownerType: 'scientist', status: 'published', price: 20000 });
  });

  it('refuses rows outside the officer region and audits it; denies other officers and non-staff', async () => {
    const file = await xlsxFile('scientists', [
      scientist(50, { region_code: '510104' }),
      scientist(51, { region_code: '510703' }),
    ]);
    const res = await upload(mianyang.client, 'scientists', 'mixed.xlsx', file);
    expect(res.statusCode).toBe(201);
    const batch = res.json();
    expect(batch.counts).toMatchObject({ valid: 1, invalid: 1 });
    expect(batch.issues).toEqual([
      expect.objectContaining({ row: 2, field: 'region_code', code: 'import.region_out_of_scope' }),
    ]);
    const audited = await getDb()
      .orm.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'import.region'), eq(auditLog.outcome, 'denied')));
    expect(audited.length).toBeGreaterThanOrEqual(1);

    // Updating a Chengdu record by its external id from Mianyang is refused too.
    const steal = await upload(
      mianyang.client,
      'scientists',
      'steal.xlsx',
      await xlsxFile('scientists', [scientist(1, { region_code: '510703' })]),
    );
    expect(steal.json().issues).toEqual([
      expect.objectContaining({ field: 'external_id', code: 'import.external_id_out_of_scope' }),
    ]);

    // Another officer's batch: denied and audited.
    const other = await mianyang.client.get(`/api/imports/${batch.id}`);
    expect(other.statusCode).toBe(200);
    const cross = await chengdu.client.post(`/api/imports/${batch.id}/commit`, { mode: 'valid_only' });
    expect(cross.statusCode).toBe(403);
    const denials = await getDb()
      .orm.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'import.commit'), eq(auditLog.outcome, 'denied')));
    expect(denials.length).toBe(1);

    const citizen = await registerUser(t.app, getDb(), { kind: 'citizen' });
    const denied = await upload(citizen.client, 'scientists', 'x.xlsx', file);
    expect(denied.statusCode).toBe(403);
    expect((await citizen.client.get('/api/imports/templates/scientists')).statusCode).toBe(403);
    expect((await citizen.client.get('/api/exports/scientists')).statusCode).toBe(403);

    // Export: region-scoped, masked, and a region outside the scope is denied.
    expect((await mianyang.client.get('/api/exports/scientists?region=5101')).statusCode).toBe(403);
    const mine = await mianyang.client.get('/api/exports/scientists?format=csv');
    expect(mine.statusCode).toBe(200);
    expect(decodeCsvBytes(mine.rawPayload).text).not.toContain('SCI-1,');
  });

  it('takes the raw file as the body too, and names missing required columns', async () => {
    const header = IMPORT_COLUMNS.scientists.map(headerOf);
    const keys = IMPORT_COLUMNS.scientists.map((c) => c.key);
    const row = scientist(70) as Record<string, string | number>;
    const csv = csvRecord(header) + csvRecord(keys.map((k) => String(row[k] ?? '')));
    const raw = await chengdu.client.req(
      'POST',
      '/api/imports?entity=scientists&fileName=raw.csv',
      Buffer.from(csv),
      {
        headers: { 'content-type': 'text/csv' },
      },
    );
    expect(raw.statusCode).toBe(201);
    expect(raw.json()).toMatchObject({ fileName: 'raw.csv', format: 'csv', counts: { valid: 1 } });

    const noRegion = csvRecord(header.filter((h) => h !== '地区代码*')) + csvRecord(['X']);
    const missing = await upload(chengdu.client, 'scientists', 'bad.csv', Buffer.from(noRegion), {
      'accept-language': 'en',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'import.missing_columns' });
    expect(missing.json().error.message).toContain('地区代码');

    const notXlsx = await upload(chengdu.client, 'scientists', 'fake.xlsx', Buffer.from('not a workbook'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('import.xlsx_unreadable');
  });

  it('exports a list to CSV and Excel that the import reads back', async () => {
    const csv = await chengdu.client.get('/api/exports/scientists?format=csv&region=510104');
    expect(csv.statusCode).toBe(200);
    const rows = [...parseCsv(decodeCsvBytes(csv.rawPayload).text)].map((r) => r.fields);
    expect(rows[0]!.slice(0, 3)).toEqual(['外部编号', '姓名', '性别']);
    const ids = rows.slice(1).map((r) => r[0]);
    expect(ids).toEqual(expect.arrayContaining(['SCI-1', 'SCI-10', 'SCI-11', 'SCI-12']));

    const xlsx = await chengdu.client.get('/api/exports/scientists?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const again = await upload(chengdu.client, 'scientists', 'export.xlsx', xlsx.rawPayload);
    expect(again.statusCode).toBe(201);
    expect(again.json().counts.invalid).toBe(0);
    const c = await chengdu.client.post(`/api/imports/${again.json().id}/commit`, { mode: 'all_or_nothing' });
    expect(c.json().counts).toMatchObject({ inserted: 0, updated: 0 });

    const list = await chengdu.client.get('/api/imports?entity=scientists');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(4);
  });
});
