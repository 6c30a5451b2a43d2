/**
 * Chinese personal names and enterprise-name parts. Surnames are ordered roughly by how common they are
 * (with Sichuan's frequent ones such as 何, 罗, 邓, 廖, 曾 placed high); the pick is weighted by rank.
 * @module
 */
import type { DemoGender } from './demo.types.ts';
import type { Rng } from './prng.ts';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈',
  ...'姚卢钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严武向汤代帅',
];
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / (i + 6));

// Given-name characters: a shared pool used by everyone plus smaller pools that lean one way, so the
// result is a believable mix rather than stereotyped names.
const NEUTRAL = [...'文明华平宇晨思安宁清新林玉春海云子一嘉欣佳晓雨凯诗锦川蓉言心悦星辰阳光永志远'];
const FEMALE_LEANING = [...'婷丽芳敏静燕霞琳颖洁倩慧梅兰秀娟玲萍雪瑶'];
const MALE_LEANING = [...'伟强军磊涛斌勇刚鹏杰浩峰超辉亮俊坤波健'];

/** A full name and the gender drawn for it (about half each). */
export function pickPersonName(rng: Rng): { name: string; gender: DemoGender } {
  const gender: DemoGender = rng.chance(0.46) ? 'female' : 'male';
  const leaning = gender === 'female' ? FEMALE_LEANING : MALE_LEANING;
  const char = () => (rng.chance(0.6) ? rng.pick(NEUTRAL) : rng.pick(leaning));
  const given = rng.chance(0.72) ? char() + char() : char();
  return { name: rng.weighted(SURNAMES, SURNAME_WEIGHTS) + given, gender };
}

const BRAND_FIRST = [...'天蜀锦峨岷巴川蓉嘉沱青龙西金华德瑞康恒鑫众博宏汇远安丰盛和兴源泰美新佳正中科润创'];
const BRAND_SECOND = [...'府源城眉江蜀信欣陵山泉岭沙益润丰达通泰和远图川航利邦元晟禾康'];

/** A two-character trade name (字号) such as 蜀源, 锦泰. */
export function pickBrand(rng: Rng): string {
  return rng.pick(BRAND_FIRST) + rng.pick(BRAND_SECOND);
}

/** The legal-form suffix of an enterprise name. */
export function pickCompanySuffix(rng: Rng): string {
  return rng.weighted(['有限公司', '有限责任公司', '股份有限公司'], [6, 3, 1]);
}
