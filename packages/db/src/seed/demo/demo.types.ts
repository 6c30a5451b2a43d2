/**
 * Plain objects produced by the Sichuan demo-data generator. They mirror issue 4's published things
 * (scientists, teams, enterprises, needs, capabilities, research results) without depending on the
 * database tables, which a later seeder maps these onto. Ids are stable strings (`demo-sci-0001`) so
 * re-seeding can upsert by external id. Money is in yuan (integers); dates are ISO `YYYY-MM-DD`.
 * @module
 */

/** The subject areas the term lists are written for; entities in one domain share vocabulary. */
export type DemoDomainKey =
  | 'agriculture'
  | 'livestock'
  | 'tcm'
  | 'electronics'
  | 'rail'
  | 'energy'
  | 'liquor_food'
  | 'materials'
  | 'environment'
  | 'civil'
  | 'biomedicine'
  | 'aerospace'
  | 'tourism_culture';

export type DemoGender = 'female' | 'male';
export type DemoEducation = '博士' | '硕士' | '本科' | '大专' | '中专' | '高中' | '初中';
export type DemoAvailability = 'available' | 'limited' | 'busy';

/** A journal article. */
export interface DemoPaper {
  title: string;
  journal: string;
  year: number;
}

/** A granted patent, numbered like a CNIPA patent (ZL + application number with its check digit). */
export interface DemoPatent {
  number: string;
  title: string;
  year: number;
}

/** A funded project the scientist led or joined. */
export interface DemoProject {
  title: string;
  funder: string;
  year: number;
  role: '负责人' | '骨干';
}

/** A service already delivered: how a rural expert without publications shows what they can do. */
export interface DemoDeliveredService {
  title: string;
  year: number;
  regionCode: string;
}

/** A past position. */
export interface DemoExperience {
  from: number;
  to: number | null;
  organization: string;
  role: string;
}

/** A scientist profile (科技工作者), including rural experts (土专家) with no publications. */
export interface DemoScientist {
  id: string;
  name: string;
  gender: DemoGender;
  birthYear: number;
  education: DemoEducation;
  title: string;
  affiliation: string;
  domain: DemoDomainKey;
  /** GB/T 13745 codes, main discipline first. */
  disciplines: string[];
  skills: string[];
  experienceYears: number;
  experience: DemoExperience[];
  bio: string;
  /** County-level GB/T 2260 code (canonical form, e.g. `510104`). */
  regionCode: string;
  availability: DemoAvailability;
  /** How many engagements at once. */
  capacity: number;
  /** Kilometres the scientist travels for on-site work; null when remote only. */
  onSiteRadiusKm: number | null;
  remote: boolean;
  ruralExpert: boolean;
  papers: DemoPaper[];
  patents: DemoPatent[];
  projects: DemoProject[];
  deliveredServices: DemoDeliveredService[];
}

/** A team: a lead and accepted members who share capabilities. */
export interface DemoTeam {
  id: string;
  name: string;
  leadId: string;
  memberIds: string[];
  domain: DemoDomainKey;
  disciplines: string[];
  capabilities: string[];
  description: string;
  regionCode: string;
}

export type DemoSizeClass = 'large' | 'medium' | 'small' | 'micro';

/** An enterprise profile. */
export interface DemoEnterprise {
  id: string;
  name: string;
  /** GB 32100 unified social credit code, 18 characters, valid check character. */
  uscc: string;
  /** GB/T 4754-2017 section letter and division code. */
  industrySection: string;
  industryDivision: string;
  sizeClass: DemoSizeClass;
  employees: number;
  foundedYear: number;
  domain: DemoDomainKey;
  description: string;
  regionCode: string;
}

/** The four kinds of need in issue 4. */
export type DemoNeedKind = 'service' | 'rd_problem' | 'talent' | 'wanted_result';

/** A need (科技所需) posted by an enterprise. */
export interface DemoNeed {
  id: string;
  kind: DemoNeedKind;
  enterpriseId: string;
  title: string;
  /** Public summary, shown to everyone. */
  summary: string;
  /** Full description; hidden behind an NDA when `confidential`. */
  description: string;
  confidential: boolean;
  domain: DemoDomainKey;
  keywords: string[];
  industries: string[];
  disciplines: string[];
  /** Null when the poster left the budget open (the quality assistant will flag it). */
  budgetMin: number | null;
  budgetMax: number | null;
  deadline: string;
  regionCode: string;
}

export type DemoDeliveryMode = 'onsite' | 'remote' | 'hybrid';
export type DemoPriceType = 'fixed' | 'negotiable' | 'quote';

/** A capability / service listing (科技所能). */
export interface DemoCapability {
  id: string;
  providerKind: 'scientist' | 'team';
  providerId: string;
  title: string;
  description: string;
  domain: DemoDomainKey;
  keywords: string[];
  disciplines: string[];
  industries: string[];
  deliveryMode: DemoDeliveryMode;
  priceType: DemoPriceType;
  /** Yuan; set for fixed prices and as a reference for negotiable ones, null for "on quote". */
  price: number | null;
  durationDays: number;
  regionCode: string;
}

export type DemoTransferMode = 'transfer' | 'license' | 'joint_development' | 'equity';

/** A research result (科研成果) offered for transfer. */
export interface DemoResult {
  id: string;
  ownerKind: 'scientist' | 'team';
  ownerId: string;
  title: string;
  abstract: string;
  domain: DemoDomainKey;
  keywords: string[];
  disciplines: string[];
  industries: string[];
  /** Technology readiness level 1–9. */
  trl: number;
  patentNumbers: string[];
  softwareCopyrights: string[];
  transferModes: DemoTransferMode[];
  askingPrice: number | null;
  reservePrice: number | null;
  regionCode: string;
}

/** Everything one call to the generator returns. */
export interface SichuanDemo {
  scientists: DemoScientist[];
  teams: DemoTeam[];
  enterprises: DemoEnterprise[];
  needs: DemoNeed[];
  capabilities: DemoCapability[];
  results: DemoResult[];
}

/** Options of the generator; counts default to the realistic Sichuan. */
export interface SichuanDemoOptions {
  seed: string | number;
  scientists?: number;
  teams?: number;
  enterprises?: number;
  needs?: number;
  capabilities?: number;
  results?: number;
  /** "Today" for deadlines and years, fixed so output never depends on the clock. Default 2026-01-01. */
  today?: string;
}

/** A subject (猕猴桃, 页岩气…) and the problems people work on for it; titles are built from the pair. */
export interface DemoTopic {
  subject: string;
  problems: readonly string[];
}

/**
 * The term lists of one domain. Needs, capabilities, results and profiles in a domain are all written
 * from the same topics and skills, so a text search finds both sides of a match.
 */
export interface DemoDomain {
  key: DemoDomainKey;
  name: string;
  /** Relative share of generated entities. */
  weight: number;
  /** GB/T 13745 first-level codes, main one first. */
  disciplines: readonly string[];
  /** GB/T 4754-2017 division codes, main one first. */
  industries: readonly string[];
  topics: readonly DemoTopic[];
  skills: readonly string[];
  institutions: readonly string[];
  proTitles: readonly string[];
  /** Organizations a rural expert belongs to, prefixed with the county name; empty when the domain has none. */
  ruralOrgs: readonly string[];
  companyWords: readonly string[];
  journals: readonly string[];
  talentRoles: readonly string[];
  /** City codes (`5115`…) where the domain's activity concentrates; they get extra weight. */
  cityBias: readonly string[];
}
