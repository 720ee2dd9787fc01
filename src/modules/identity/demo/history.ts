/**
 * The people of the demo city's recent history 演示历史: window clerks for the halls that take cases (every
 * county hall, three towns per county and two villages per town), the county and town officers who review
 * and decide, and the applicants who filed online. Staff sign in with the demo password (reused from the
 * demo accounts, so no new hash is computed); applicant accounts exist only to own their online cases and
 * ratings, and cannot sign in (their password hash is not a valid scrypt hash).
 * One multi-row insert; the accounts are returned with what the case history needs of them.
 */
import { sql } from 'kysely';
import { tables, type Db } from '../../../platform/db';
import type { Role } from '../../../platform/auth';
import { getRegion, listHallsInRegion } from '../../org/index';
import type { IdentityTables } from '../identity.tables';
import { APPLICANT_ASSIGNMENT } from '../identity.accounts';
import { DEMO_TOWN_CODE, DEMO_VILLAGE_CODE } from '../../org/index';

export interface HistoryPerson {
  id: string;
  username: string;
  name: string;
}
export interface HistoryApplicant extends HistoryPerson {
  kind: 'person' | 'company';
  idNumber: string | null;
  creditCode: string | null;
  phone: string;
}
export interface HistoryHall {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  level: 'city' | 'county' | 'town' | 'village';
  clerks: HistoryPerson[];
}
/** Who acts in the history: halls with their clerks, the deciders of each region, the applicants with accounts. */
export interface HistoryPeople {
  halls: HistoryHall[];
  /** Reviewers 审查 and deciders 决定 by region code (city, counties, towns with staff). */
  approvers: Record<string, HistoryPerson[]>;
  chiefs: Record<string, HistoryPerson[]>;
  applicants: HistoryApplicant[];
  supervisor: HistoryPerson;
}

/** A small deterministic generator (mulberry32): the same seed gives the same people. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏建华红梅玲飞鑫波宁斌浩凯欣怡子涵宇轩梓萱晨雪海燕春雨亮丹志强晓东佳琪文博国庆淑珍';
const COMPANY_WORDS =
  '辽河 渤海 红海滩 鼎盛 恒远 华泰 宏达 金盛 兴业 泰和 润泽 盛世 鑫源 晟通 嘉禾 双台 鹤乡 稻香 蓝海 远航'.split(' ');
const COMPANY_TRADES = [
  '石油技术服务',
  '餐饮管理',
  '建筑工程',
  '商贸',
  '物流',
  '农业科技',
  '水产养殖',
  '旅游开发',
  '文化传媒',
  '医药连锁',
  '汽车销售',
  '环保科技',
];

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 32100 check character of a 17-character credit code body. */
function creditCode(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(body17[i]!) * CREDIT_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return body17 + CREDIT_CHARSET[c === 31 ? 0 : c];
}
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643 citizen ID number with its check character. */
function idNumber(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * ID_WEIGHTS[i]!;
  return body17 + '10X98765432'[sum % 11]!;
}

/** The four counties of the demo city and their department code prefixes. */
const COUNTY_ABBR: Record<string, string> = { '211102': 'STZ', '211103': 'XLT', '211104': 'DW', '211122': 'PS' };

export const HISTORY_PERSONS = 420;
export const HISTORY_COMPANIES = 140;

/** Accounts for the history; `seed` fixes names, ID numbers and phones. */
export async function seedHistoryPeople(db: Db, seed: number): Promise<HistoryPeople> {
  const t = tables<IdentityTables>(db);
  const rand = rng(seed ^ 0x1d3);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rand() * xs.length)] as T;
  const usedNames = new Set<string>();
  const personName = () => {
    for (;;) {
      const n = pick<string>(SURNAMES) + pick<string>(GIVEN) + (rand() < 0.6 ? pick<string>(GIVEN) : '');
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const phone = (i: number) =>
    `1${pick('35789')}${String(80000000 + ((i * 7919 + Math.floor(rand() * 1e6)) % 19999999)).padStart(9, '0')}`;

  const existing = await t
    .selectFrom('users')
    .select(['id', 'username', 'name', 'roles', 'region_code', 'hall_id', 'password_hash', 'kind'])
    .execute();
  const demoHash = existing.find((u) => u.username === 'clerk-city')?.password_hash;
  const supervisor = existing.find((u) => u.username === 'supervisor');
  if (!demoHash || !supervisor) throw new Error('demo accounts must be loaded before the history');

  // Halls that take cases: the city's, every county's, the first three towns of each county, two villages per town.
  const all = await listHallsInRegion(db, '2111');
  const regionLevel = async (code: string) => (await getRegion(db, code))?.level;
  const halls: HistoryHall[] = [];
  const towns: string[] = [];
  for (const h of all) {
    const level = await regionLevel(h.regionCode);
    if (level !== 'city' && level !== 'county' && level !== 'town' && level !== 'village') continue;
    if (level !== 'city' && !(h.regionCode.slice(0, 6) in COUNTY_ABBR)) continue;
    if (level === 'town') {
      const county = h.regionCode.slice(0, 6);
      const taken = towns.filter((x) => x.startsWith(county)).length;
      if (taken >= 3 && h.regionCode !== DEMO_TOWN_CODE) continue;
      towns.push(h.regionCode);
    }
    if (level === 'village') {
      const town = `${h.regionCode.slice(0, 9)}000`;
      if (!towns.includes(town)) continue;
      const taken = halls.filter(
        (x) => x.level === 'village' && x.regionCode.startsWith(h.regionCode.slice(0, 9)),
      ).length;
      if (taken >= 2 && h.regionCode !== DEMO_VILLAGE_CODE) continue;
    }
    halls.push({ id: h.id, code: h.code, name: h.name, regionCode: h.regionCode, level, clerks: [] });
  }
  // Towns are listed before their villages (region code order), so the village filter above sees its town.

  interface NewStaff {
    username: string;
    name: string;
    roles: Role[];
    region: string;
    hallId: string | null;
    departmentCode: string | null;
  }
  const staff: NewStaff[] = [];
  const deptIds = new Map(
    (
      await sql<{
        code: string;
        id: string;
      }>`select code, id from departments where code like 'PJ-%' or code like '%-XZSP'`.execute(db)
    ).rows.map((r) => [r.code, r.id]),
  );
  for (const h of halls) {
    const n = h.level === 'city' ? 2 : h.level === 'county' ? (h.regionCode === '211103' ? 1 : 2) : 1;
    for (let i = 1; i <= n; i++)
      staff.push({
        username: `clerk-${h.code.toLowerCase()}-${i}`,
        name: personName(),
        roles: ['clerk'],
        region: h.regionCode,
        hallId: h.id,
        departmentCode: null,
      });
  }
  staff.push(
    ...[1, 2].map((i) => ({
      username: `approver-city-${i}`,
      name: personName(),
      roles: ['approver'] as Role[],
      region: '211100',
      hallId: null,
      departmentCode: 'PJ-XZSP',
    })),
  );
  for (const [county, abbr] of Object.entries(COUNTY_ABBR)) {
    if (county === '211103') continue; // 兴隆台区 has 孙立军 (approver-county)
    staff.push(
      {
        username: `approver-${abbr.toLowerCase()}`,
        name: personName(),
        roles: ['approver'],
        region: county,
        hallId: null,
        departmentCode: `${abbr}-XZSP`,
      },
      {
        username: `chief-${abbr.toLowerCase()}`,
        name: personName(),
        roles: ['chief'],
        region: county,
        hallId: null,
        departmentCode: `${abbr}-XZSP`,
      },
    );
  }
  for (const town of towns)
    staff.push({
      username: `officer-${town}`,
      name: personName(),
      roles: ['approver', 'chief'],
      region: town,
      hallId: null,
      departmentCode: null,
    });

  const applicants: Omit<HistoryApplicant, 'id'>[] = [];
  const usedIds = new Set<string>();
  const countyCodes = Object.keys(COUNTY_ABBR);
  for (let i = 0; i < HISTORY_PERSONS; i++) {
    let id: string;
    do {
      const birth = `${1950 + Math.floor(rand() * 55)}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      id = idNumber(`${pick(countyCodes)}${birth}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`);
    } while (usedIds.has(id) || id === '211103199001011234');
    usedIds.add(id);
    applicants.push({
      username: `h${id.slice(-8).toLowerCase()}`,
      name: personName(),
      kind: 'person',
      idNumber: id,
      creditCode: null,
      phone: phone(i),
    });
  }
  const usedCompanies = new Set<string>();
  for (let i = 0; i < HISTORY_COMPANIES; i++) {
    let name: string;
    do name = `盘锦${pick(COMPANY_WORDS)}${pick(COMPANY_TRADES)}有限公司`;
    while (usedCompanies.has(name));
    usedCompanies.add(name);
    const body = `91${pick(countyCodes)}MA${Array.from({ length: 7 }, () => pick(CREDIT_CHARSET)).join('')}`;
    const code = creditCode(body);
    applicants.push({
      username: `c${code.slice(-10).toLowerCase()}`,
      name,
      kind: 'company',
      idNumber: null,
      creditCode: code,
      phone: phone(HISTORY_PERSONS + i),
    });
  }

  const regionRows = new Map<string, string>();
  for (const s of staff) regionRows.set(s.region, (await getRegion(db, s.region))?.scopePrefix ?? s.region);
  const inserted = await t
    .insertInto('users')
    .values([
      ...staff.map((s) => ({
        username: s.username,
        password_hash: demoHash,
        kind: 'staff' as const,
        name: s.name,
        id_number: null,
        credit_code: null,
        phone: null,
        roles: s.roles,
        region_code: s.region,
        region_prefix: regionRows.get(s.region)!,
        department_id: s.departmentCode ? (deptIds.get(s.departmentCode) ?? null) : null,
        hall_id: s.hallId,
        window_id: null,
        last_login_at: null,
      })),
      ...applicants.map((a) => ({
        username: a.username,
        // Not a scrypt hash: these accounts own history and cannot sign in.
        password_hash: 'history-account-no-login',
        kind: a.kind,
        name: a.name,
        id_number: a.idNumber,
        credit_code: a.creditCode,
        phone: a.phone,
        // Their claims count as verified at a window, so the cases filed for them bind to them.
        verification: 'window' as const,
        verified_at: new Date(),
        verification_source: a.kind === 'person' ? 'resident_id' : 'business_licence',
        ...APPLICANT_ASSIGNMENT,
        last_login_at: null,
      })),
    ])
    .returning(['id', 'username'])
    .execute();
  const idOf = new Map(inserted.map((r) => [r.username, r.id]));
  for (const u of existing) idOf.set(u.username, u.id);

  const person = (username: string, name: string): HistoryPerson => ({ id: idOf.get(username)!, username, name });
  const byHall = new Map(halls.map((h) => [h.id, h]));
  for (const u of existing)
    if (u.kind === 'staff' && u.hall_id && u.roles.includes('clerk'))
      byHall.get(u.hall_id)?.clerks.push(person(u.username, u.name));
  for (const s of staff) if (s.hallId) byHall.get(s.hallId)!.clerks.push(person(s.username, s.name));

  const approvers: Record<string, HistoryPerson[]> = {};
  const chiefs: Record<string, HistoryPerson[]> = {};
  const add = (m: Record<string, HistoryPerson[]>, region: string, p: HistoryPerson) => (m[region] ??= []).push(p);
  for (const u of [
    ...existing.filter((x) => x.kind === 'staff'),
    ...staff.map((s) => ({ ...s, region_code: s.region })),
  ]) {
    if (!u.region_code) continue;
    const region = u.region_code;
    if (u.roles.includes('approver')) add(approvers, region, person(u.username, u.name));
    if (u.roles.includes('chief')) add(chiefs, region, person(u.username, u.name));
  }
  return {
    halls,
    approvers,
    chiefs,
    applicants: applicants.map((a) => ({ ...a, id: idOf.get(a.username)! })),
    supervisor: person('supervisor', supervisor.name),
  };
}
