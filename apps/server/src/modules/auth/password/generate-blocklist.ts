/**
 * Generates `common-passwords.txt`, the blocklist behind the password policy.
 * Run: `npx tsx apps/server/src/modules/auth/password/generate-blocklist.ts`.
 *
 * The list is built from patterns that dominate published leak analyses (Chinese and
 * international): digit runs and repeats, "love" numbers (520, 1314), keyboard walks, common
 * words and pinyin words/names with the suffixes people append. Only entries of 8+ characters are
 * kept, because shorter ones already fail the length rule. Deterministic: same output every run.
 * @module
 */
import { writeFileSync } from 'node:fs';

const WORDS = [
  'password',
  'passw0rd',
  'p@ssword',
  'p@ssw0rd',
  'iloveyou',
  'admin',
  'administrator',
  'welcome',
  'sunshine',
  'football',
  'baseball',
  'basketball',
  'dragon',
  'monkey',
  'letmein',
  'shadow',
  'master',
  'superman',
  'batman',
  'princess',
  'trustno1',
  'qwerty',
  'abc',
  'abcd',
  'abcdef',
  'china',
  'beijing',
  'shanghai',
  'chengdu',
  'sichuan',
  'tianfu',
  'login',
  'hello',
  'helloworld',
  'secret',
  'freedom',
  'whatever',
  'computer',
  'internet',
  'michael',
  'jennifer',
  'charlie',
  'jordan',
  'hunter',
  'killer',
  'soccer',
  'starwars',
  'pokemon',
  'naruto',
  'changeme',
  'default',
  'guest',
  'root',
  'test',
  'tester',
  'user',
  'system',
  'server',
  'oracle',
  'mysql',
  'woaini',
  'woaiwojia',
  'woaini1314',
  'aini',
  'wozhiaini',
  'laopo',
  'laogong',
  'baobao',
  'baobei',
  'xiaobao',
  'zhangwei',
  'wangwei',
  'wangfang',
  'liwei',
  'lina',
  'zhangmin',
  'lijing',
  'wangjing',
  'liuwei',
  'wangyang',
  'zhangjie',
  'lixiaoming',
  'xiaoming',
  'xiaohong',
  'zhangsan',
  'lisi',
  'wangwu',
  'zhaoliu',
  'wangqiang',
  'liuyang',
  'chenjie',
  'yangyang',
  'huanghuang',
  'zhaolei',
  'zhoujie',
  'wuhan',
  'chongqing',
  'kexie',
  'keji',
  'kejiyun',
  'mima',
  'mimamima',
  'zhongguo',
  'aizhongguo',
  'fuck',
  'fuckyou',
  'asshole',
  'love',
  'lovely',
  'loveyou',
  'mylove',
  'lover',
  'angel',
  'baby',
  'babygirl',
  'flower',
  'summer',
  'winter',
  'spring',
  'autumn',
  'apple',
  'banana',
  'orange',
  'cookie',
  'chocolate',
  'google',
  'baidu',
  'tencent',
  'alibaba',
  'taobao',
  'weixin',
  'wechat',
  'huawei',
  'xiaomi',
  'iphone',
  'android',
  'samsung',
  'windows',
  'linux',
  'ubuntu',
  'github',
  'dragon',
  'tiger',
  'panda',
  'xiongmao',
  'jordan23',
  'kobe',
  'kobe24',
  'lebron',
  'messi',
  'ronaldo',
  'liverpool',
  'chelsea',
  'arsenal',
  'barcelona',
  'realmadrid',
  'manchester',
];

const SUFFIXES = [
  '',
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '1234567',
  '12345678',
  '!',
  '!!',
  '@',
  '#',
  '.',
  '01',
  '007',
  '11',
  '00',
  '88',
  '99',
  '666',
  '888',
  '999',
  '520',
  '521',
  '1314',
  '5201314',
  '@123',
  '123!',
  '!@#',
  '#123',
  '2000',
  '2008',
  '2010',
  '2012',
  '2015',
  '2018',
  '2019',
  '2020',
  '2021',
  '2022',
  '2023',
  '2024',
  '2025',
  '2026',
  '1990',
  '1988',
  '1985',
  '1980',
  '@2024',
  '@2025',
  '@2026',
];

const KEYBOARD = [
  'qwertyui',
  'qwertyuiop',
  'asdfghjk',
  'asdfghjkl',
  'zxcvbnm,',
  'zxcvbnm123',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'qazwsxedc',
  'qazwsxedcrfv',
  '!qaz2wsx',
  '!qaz@wsx',
  '1qaz@wsx',
  'zaq12wsx',
  'zaq1xsw2',
  'qwer1234',
  'asdf1234',
  'zxcv1234',
  'qwerasdf',
  'qweasdzxc',
  'qweasd123',
  'asdasdasd',
  'qweqweqwe',
  'zxczxczxc',
  'abc123456',
  'abcd1234',
  'abcde12345',
  'a1b2c3d4',
  'a12345678',
  'aa123456',
  'aaa123456',
  'aaaaaaaa',
  'abcdefgh',
  'abcdefg1',
  'q1w2e3r4',
  'q1w2e3r4t5',
  'poiuytre',
  'lkjhgfds',
  'mnbvcxz1',
  '1234qwer',
  '1234asdf',
  '123qweasd',
  '123qwe123',
  'qwe123qwe',
  '147258369',
  '159357258',
  '159753456',
  '741852963',
  '963852741',
  '789456123',
  '123456789a',
  '123456abc',
  'abc123abc',
  'a1234567',
  'a123456789',
  'woaini520',
  'woaini521',
  'iloveyou1314',
  'iloveu1314',
  'p@$$w0rd',
  'pa$$word',
  'passw0rd!',
  'P@ssw0rd!',
];

function digitPatterns(): string[] {
  const out: string[] = [];
  const runs = '01234567890123456789';
  for (let len = 8; len <= 12; len += 1) {
    for (let start = 0; start < 10; start += 1) {
      const up = runs.slice(start, start + len);
      out.push(up, [...up].reverse().join(''));
    }
  }
  for (let d = 0; d <= 9; d += 1) for (let len = 8; len <= 12; len += 1) out.push(String(d).repeat(len));
  for (let a = 0; a <= 9; a += 1) {
    for (let b = 0; b <= 9; b += 1) {
      if (a === b) continue;
      out.push(`${a}${b}`.repeat(4), `${a}${a}${b}${b}`.repeat(2), `${a}`.repeat(4) + `${b}`.repeat(4));
    }
  }
  // Repeated short groups people type: 123123123, 520520520, 12341234…
  for (const g of [
    '123',
    '1234',
    '12345',
    '520',
    '521',
    '1314',
    '666',
    '888',
    '110',
    '119',
    '147',
    '258',
    '369',
    '789',
  ]) {
    for (let n = 2; n <= 4; n += 1) out.push(g.repeat(n));
  }
  // Love numbers and lucky numbers in common combinations.
  for (const s of [
    '5201314',
    '1314520',
    '52013140',
    '5201314520',
    '1314521',
    '52013141',
    '520131499',
    '201314520',
    '168168168',
    '16881688',
    '66666666',
    '88888888',
    '66668888',
    '88886666',
    '12345678910',
    '1234567899',
  ]) {
    out.push(s);
  }
  // Years and simple date-shaped numbers.
  for (let y = 1950; y <= 2026; y += 1) {
    out.push(`${y}${y}`, `${y}0101`, `${y}1231`, `${y}1234`, `${y}1111`, `${y}0000`, `${y}8888`, `${y}6666`);
  }
  return out;
}

function capitalized(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Builds the blocklist (lower-cased, deduplicated, sorted, 8+ characters). */
export function buildBlocklist(): string[] {
  const set = new Set<string>();
  const add = (p: string) => {
    if (p.length >= 8 && p.length <= 64) set.add(p.toLowerCase());
  };
  for (const w of WORDS) {
    for (const s of SUFFIXES) {
      add(w + s);
      add(capitalized(w) + s);
    }
    add(w + w);
  }
  for (const k of KEYBOARD) {
    for (const s of ['', '!', '1', '123', '@']) add(k + s);
  }
  for (const d of digitPatterns()) {
    add(d);
    add(`a${d}`);
    add(`${d}a`);
  }
  return [...set].sort();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const list = buildBlocklist();
  const target = new URL('./common-passwords.txt', import.meta.url);
  writeFileSync(target, `${list.join('\n')}\n`);
  console.log(`wrote ${list.length} passwords to ${target.pathname}`);
}
