/**
 * Deterministic synthetic Sichuan scientist profiles and enterprise needs for the scale benchmark.
 *
 * Every process that calls `generateProfiles(n, seed)` gets exactly the same profiles, so each
 * system can run in its own child process (for a per-system peak RSS) without sharing memory or
 * files. Profiles are yielded one at a time so 1,000,000 of them never need to be held at once by
 * the generator itself; ~1 µs-scale work per profile keeps 1M under ~10 s.
 */
import { COMMON_TERMS, DISCIPLINES, HOT_TERMS, type Discipline } from './disciplines.ts';
import { sichuanCities, type City, type County } from './regions.ts';
import { Rng, WeightedTable } from './rng.ts';

/** One synthetic scientist. */
export interface ScaleProfile {
  /** Sequence number 0..n-1 (peers use it as a compact numeric id). */
  seq: number;
  id: string;
  name: string;
  title: string;
  affiliation: string;
  /** County code, e.g. 510104. */
  regionCode: string;
  cityCode: string;
  disciplineCode: string;
  skills: string[];
  services: string[];
  results: string[];
}

/** A filter every system must apply exactly. */
export type NeedFilter = { kind: 'region'; prefix: string } | { kind: 'discipline'; code: string };

/** One enterprise need (the query). */
export interface ScaleNeed {
  id: string;
  title: string;
  text: string;
  disciplineCode: string;
  filter: NeedFilter;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘'.split(
    '',
  );
/** Job titles by sector: medicine and agriculture have their own professional ladders. */
type Sector = 'medical' | 'agri' | 'general';
const TITLES: Record<Sector, string[]> = {
  medical: ['主任医师', '副主任医师', '主治医师', '主管药师', '教授', '副教授', '研究员'],
  agri: ['推广研究员', '高级农艺师', '农艺师', '高级兽医师', '研究员', '副研究员', '副教授'],
  general: [
    '教授',
    '研究员',
    '副教授',
    '副研究员',
    '高级工程师',
    '正高级工程师',
    '工程师',
    '讲师',
    '助理研究员',
  ],
};
const TITLE_W: Record<Sector, WeightedTable> = {
  medical: new WeightedTable([4, 6, 8, 2, 2, 3, 2]),
  agri: new WeightedTable([2, 6, 8, 3, 2, 3, 2]),
  general: new WeightedTable([8, 6, 10, 8, 12, 3, 14, 8, 8]),
};
const sectorOf = (code: string): Sector =>
  code >= '310' && code < '400' ? 'medical' : code >= '210' && code < '250' ? 'agri' : 'general';

/** Real anchor institutions by city code; every city also gets generic local ones. */
const INSTITUTIONS: Record<string, string[]> = {
  '5101': [
    '四川大学',
    '电子科技大学',
    '西南交通大学',
    '西南财经大学',
    '成都理工大学',
    '西南石油大学',
    '成都中医药大学',
    '西华大学',
    '成都信息工程大学',
    '中国科学院成都生物研究所',
    '四川省农业科学院',
    '四川省人民医院',
    '四川大学华西医院',
    '中国电子科技集团第十研究所',
    '成都飞机工业（集团）有限责任公司',
    '中国科学院光电技术研究所',
    '四川省林业科学研究院',
    '四川省环境保护科学研究院',
  ],
  '5107': [
    '西南科技大学',
    '中国工程物理研究院',
    '绵阳师范学院',
    '中国空气动力研究与发展中心',
    '四川长虹电器股份有限公司',
  ],
  '5106': ['东方电气集团', '中国第二重型机械集团', '四川工程职业技术学院', '德阳市农业科学研究所'],
  '5113': ['西华师范大学', '川北医学院', '西南石油大学南充校区', '南充市农业科学院'],
  '5115': ['宜宾学院', '四川轻化工大学宜宾校区', '五粮液集团'],
  '5105': ['西南医科大学', '泸州老窖股份有限公司', '四川化工职业技术学院'],
  '5111': ['乐山师范学院', '西南交通大学峨眉校区', '四川永祥股份有限公司'],
  '5103': ['四川轻化工大学', '东方锅炉股份有限公司'],
  '5104': ['攀枝花学院', '攀钢集团研究院', '攀枝花市农林科学研究院'],
  '5110': ['内江师范学院'],
  '5117': ['四川文理学院'],
  '5118': ['四川农业大学'],
  '5134': ['西昌学院', '凉山州农业科学研究院'],
  '5132': ['阿坝师范学院'],
  '5133': ['四川民族学院'],
};
type LocalUnit = (c: City, k: County, r: Rng) => string;
const short = (c: City): string => c.name.replace(/市$|藏族羌族自治州|彝族自治州|藏族自治州/g, '');
const LOCAL_UNITS: Record<Sector, LocalUnit[]> = {
  medical: [
    (_c, k) => `${k.name}人民医院`,
    (c) => `${c.name}中心医院`,
    (_c, k) => `${k.name}疾病预防控制中心`,
    (_c, k) => `${k.name}中医医院`,
  ],
  agri: [
    (_c, k) => `${k.name}农业农村局`,
    (c) => `${short(c)}农业科学研究院`,
    (_c, k) => `${k.name}畜牧兽医站`,
    (_c, k) => `${k.name}农技推广中心`,
  ],
  general: [
    (c) => `${short(c)}职业技术学院`,
    (c, _k, r) =>
      `${short(c)}${r.pick(['华信', '天润', '蜀兴', '川能', '锦程', '峨眉', '巴蜀', '天府', '德源', '金沙'])}${r.pick(['科技', '新材料', '生物', '智能装备', '环保', '电子', '工程'])}有限公司`,
    (c) => `${short(c)}市场监督管理局检验检测中心`,
  ],
};

const SERVICE_T = [
  (a: string, b: string): string => `提供${a}、${b}技术咨询与培训`,
  (a: string, b: string, c: string): string => `开展${a}${c}与${b}服务`,
  (a: string, b: string, c: string): string => `承接${a}相关项目的方案设计与${c}`,
  (a: string, b: string, c: string): string => `可为企业提供${a}${c}及${b}解决方案`,
  (a: string, b: string): string => `${a}技术指导，${b}现场服务`,
];
const RESULT_T = [
  (a: string, b: string): string => `${a}${b}关键技术研究与应用`,
  (a: string, b: string, c: string): string => `一种基于${a}的${b}${c}方法`,
  (a: string, b: string): string => `${a}在${b}中的应用研究`,
  (a: string, b: string, c: string, city: string): string => `${city}${a}${c}示范推广`,
  (a: string, b: string, c: string): string => `${a}${c}装置`,
  (a: string, b: string, c: string): string => `面向${b}的${a}${c}平台`,
];
const NEED_T = [
  (a: string, b: string, c: string): string =>
    `我公司在${a}方面遇到技术难题，希望寻找熟悉${b}和${c}的专家合作`,
  (a: string, b: string, c: string, x: string): string => `寻求${a}${x}技术支持，用于${b}项目，兼顾${c}`,
  (a: string, b: string, c: string, x: string, city: string): string =>
    `${city}某企业需要${a}与${b}方向的技术服务，解决${c}${x}问题`,
  (a: string, b: string, c: string, x: string): string => `征集${a}${x}解决方案，要求具备${b}经验，了解${c}`,
];

/**
 * A long tail of rare identifiers (standard numbers, variety names, patent numbers, gene
 * symbols): real profiles are full of them, and they give the vocabulary its Zipf tail.
 */
const IDENT_T: Record<Sector, ((n: number) => string)[]> = {
  agri: [(n) => `川农优${n}`, (n) => `审定编号川审稻${2010 + (n % 15)}${String(n).padStart(3, '0')}`],
  medical: [
    (n) => `${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + ((n >> 5) % 26))}${n % 97}基因`,
    (n) => `国药准字Z${51020000 + n}`,
  ],
  general: [(n) => `GB/T ${10000 + n}`, (n) => `ZL${201900000 + n}`, (n) => `型号SC-${n}`],
};
const IDENT_W = WeightedTable.zipf(200_000, 1.1);

/** Shared lookup tables (built once per process). */
class Vocabulary {
  readonly cities = sichuanCities();
  readonly cityW = new WeightedTable(this.cities.map((c) => c.weight));
  readonly discW = new WeightedTable(DISCIPLINES.map((d) => d.weight));
  readonly termW = new Map<Discipline, WeightedTable>(
    DISCIPLINES.map((d) => [d, WeightedTable.zipf(d.terms.length, 1)]),
  );
  readonly needTermW = new Map<Discipline, WeightedTable>(
    DISCIPLINES.map((d) => [d, WeightedTable.zipf(d.terms.length, 0.7)]),
  );
  readonly commonW = WeightedTable.zipf(COMMON_TERMS.length, 1);
  readonly surnameW = WeightedTable.zipf(SURNAMES.length, 0.9);

  term(rng: Rng, main: Discipline, second: Discipline, forNeed = false): string {
    const u = rng.next();
    if (u < 0.04) return rng.pick(HOT_TERMS);
    const disc = u < 0.9 ? main : second;
    const table = (forNeed ? this.needTermW : this.termW).get(disc)!;
    return disc.terms[table.sample(rng)]!;
  }

  common(rng: Rng): string {
    return COMMON_TERMS[this.commonW.sample(rng)]!;
  }
}

let vocab: Vocabulary | undefined;
const vocabulary = (): Vocabulary => (vocab ??= new Vocabulary());

/** The disciplines and cities the generator draws from. */
export function generatorDomain(): { disciplines: readonly Discipline[]; cities: readonly City[] } {
  return { disciplines: DISCIPLINES, cities: vocabulary().cities };
}

/**
 * Yields n profiles for a seed, identically in every process.
 * @example for (const p of generateProfiles(1000, 42)) index.add(p);
 */
export function* generateProfiles(n: number, seed: number): Generator<ScaleProfile> {
  const v = vocabulary();
  const rng = new Rng(seed);
  for (let seq = 0; seq < n; seq++) {
    const city = v.cities[v.cityW.sample(rng)]!;
    const county = city.counties[Math.floor(rng.next() ** 1.6 * city.counties.length)]!;
    const main = DISCIPLINES[v.discW.sample(rng)]!;
    const second = DISCIPLINES[v.discW.sample(rng)]!;
    const anchors = INSTITUTIONS[city.code];
    const sector = sectorOf(main.code);
    const affiliation =
      anchors && rng.next() < 0.5 ? rng.pick(anchors) : rng.pick(LOCAL_UNITS[sector])(city, county, rng);
    const skills: string[] = [];
    const nSkills = rng.int(3, 8);
    for (let i = 0; i < nSkills; i++) {
      const t = v.term(rng, main, second);
      if (!skills.includes(t)) skills.push(t);
    }
    const services: string[] = [];
    for (let i = rng.int(1, 3); i > 0; i--) {
      services.push(rng.pick(SERVICE_T)(v.term(rng, main, second), v.term(rng, main, second), v.common(rng)));
    }
    const results: string[] = [];
    for (let i = rng.int(0, 4); i > 0; i--) {
      results.push(
        rng.pick(RESULT_T)(v.term(rng, main, second), v.term(rng, main, second), v.common(rng), city.name),
      );
    }
    if (rng.next() < 0.35) results.push(`${rng.pick(IDENT_T[sector])(IDENT_W.sample(rng))}`);
    const given = rng.next() < 0.7 ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
    yield {
      seq,
      id: `s${String(seq).padStart(7, '0')}`,
      name: SURNAMES[v.surnameW.sample(rng)]! + given,
      title: TITLES[sector][TITLE_W[sector].sample(rng)]!,
      affiliation,
      regionCode: county.code,
      cityCode: city.code,
      disciplineCode: main.code,
      skills,
      services,
      results,
    };
  }
}

/**
 * Needs drawn from the same distributions, each with a region-prefix (city) or discipline filter.
 * Independent of the profile count, so the same needs are asked at 100k and at 1M.
 */
export function generateNeeds(count: number, seed: number): ScaleNeed[] {
  const v = vocabulary();
  const rng = new Rng(seed ^ 0x5eed5eed);
  const needs: ScaleNeed[] = [];
  for (let i = 0; i < count; i++) {
    const main = DISCIPLINES[v.discW.sample(rng)]!;
    const city = v.cities[v.cityW.sample(rng)]!;
    const a = v.term(rng, main, main, true);
    const b = v.term(rng, main, main, true);
    const c = v.term(rng, main, main, true);
    const x = v.common(rng);
    const filter: NeedFilter =
      rng.next() < 0.5 ? { kind: 'region', prefix: city.code } : { kind: 'discipline', code: main.code };
    needs.push({
      id: `n${String(i).padStart(5, '0')}`,
      title: `${a}${x}需求`,
      text: rng.pick(NEED_T)(a, b, c, x, city.name),
      disciplineCode: main.code,
      filter,
    });
  }
  return needs;
}

/** The profile as one text (what the text-search peers index). */
export function profileText(p: ScaleProfile): string {
  return `${p.name} ${p.title} ${p.affiliation} ${p.skills.join(' ')} ${p.services.join('。')} ${p.results.join('。')}`;
}

/** Whether a profile passes a need's filter. */
export function passes(p: { regionCode: string; disciplineCode: string }, f: NeedFilter): boolean {
  return f.kind === 'region' ? p.regionCode.startsWith(f.prefix) : p.disciplineCode === f.code;
}
