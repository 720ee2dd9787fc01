import type { DepartmentKind } from '../org.tables';
import { creditCheckChar, orgCodeCheckChar } from '../org.codes';

/**
 * Demo departments 委办局 of 盘锦市 and its four counties. Codes are stable and used by
 * other modules' demo data:
 *   city   PJ-<abbr>        e.g. PJ-SCJG 市场监管局, PJ-GA 公安局, PJ-SWJ 税务局
 *          PJ-XZSP 行政审批服务局 · PJ-XNJC 营商环境建设局（效能监察）· PJ-ZWFW 政务服务中心 · PJ-12345 热线
 *          PJ-<abbr>-SPB    审批办 (approval office) of a city department, e.g. PJ-SCJG-SPB
 *   county <county>-<abbr>  STZ 双台子区 · XLT 兴隆台区 · DW 大洼区 · PS 盘山县,
 *          abbr XZSP 行政审批局 · MZ 民政局 · SCJG 市场监管局 · RS 人社局 · ZJ 住建局 · SW 商务局 ·
 *          TYJR 退役军人事务局 · CL 残联 · SBZX 社保中心 · YBZX 医保中心 · FYZX 法律援助中心 · GA 公安（分）局
 */
export interface DemoDepartment {
  code: string;
  name: string;
  shortName: string;
  regionCode: string;
  kind: DepartmentKind;
  /** Code of the parent department (approval offices only). */
  parentCode?: string;
  creditCode: string | null;
  sort: number;
}

/** Unified social credit code for a 机关 (11) or 事业单位 (12) in a region; deterministic per seq. */
export function demoCreditCode(type: '11' | '12', regionCode: string, seq: number): string {
  const body8 = `MB${String(150000 + seq * 137).padStart(6, '0')}`;
  const org = `${body8}${orgCodeCheckChar(body8)}`;
  const first17 = `${type}${regionCode}${org}`;
  return `${first17}${creditCheckChar(first17)}`;
}

const CITY = '211100';

/** [abbr, name, shortName, has an approval office 审批办] */
const CITY_DEPARTMENTS: [string, string, string, boolean][] = [
  ['FGW', '盘锦市发展和改革委员会', '市发展改革委', true],
  ['JY', '盘锦市教育局', '市教育局', false],
  ['GA', '盘锦市公安局', '市公安局', true],
  ['MZ', '盘锦市民政局', '市民政局', true],
  ['SF', '盘锦市司法局', '市司法局', false],
  ['CZ', '盘锦市财政局', '市财政局', false],
  ['RS', '盘锦市人力资源和社会保障局', '市人社局', true],
  ['ZRZY', '盘锦市自然资源局', '市自然资源局', true],
  ['STHJ', '盘锦市生态环境局', '市生态环境局', true],
  ['ZJ', '盘锦市住房和城乡建设局', '市住建局', true],
  ['JT', '盘锦市交通运输局', '市交通运输局', true],
  ['SL', '盘锦市水利局', '市水利局', false],
  ['NY', '盘锦市农业农村局', '市农业农村局', true],
  ['SW', '盘锦市商务局', '市商务局', false],
  ['WL', '盘锦市文化旅游和广播电视局', '市文旅广电局', true],
  ['WJ', '盘锦市卫生健康委员会', '市卫生健康委', true],
  ['YJ', '盘锦市应急管理局', '市应急局', false],
  ['TYJR', '盘锦市退役军人事务局', '市退役军人局', false],
  ['SCJG', '盘锦市市场监督管理局', '市市场监管局', true],
  ['YB', '盘锦市医疗保障局', '市医保局', true],
  ['SWJ', '国家税务总局盘锦市税务局', '市税务局', false],
];

export const COUNTY_ABBR: Record<string, { abbr: string; name: string }> = {
  '211102': { abbr: 'STZ', name: '双台子区' },
  '211103': { abbr: 'XLT', name: '兴隆台区' },
  '211104': { abbr: 'DW', name: '大洼区' },
  '211122': { abbr: 'PS', name: '盘山县' },
};

/** [abbr, name suffix, shortName, kind] */
const COUNTY_DEPARTMENTS: [string, string, string, DepartmentKind][] = [
  ['XZSP', '行政审批局', '审批局', 'approval_bureau'],
  ['MZ', '民政局', '民政局', 'department'],
  ['SCJG', '市场监督管理局', '市场监管局', 'department'],
  ['RS', '人力资源和社会保障局', '人社局', 'department'],
  ['ZJ', '住房和城乡建设局', '住建局', 'department'],
];

/** [abbr, name suffix, shortName]: the county offices named as implementing bodies of county-decided items. */
const COUNTY_SERVICE_OFFICES: [string, string, string][] = [
  ['SW', '商务局', '商务局'],
  ['TYJR', '退役军人事务局', '退役军人局'],
  ['CL', '残疾人联合会', '残联'],
  ['SBZX', '社会保险事业服务中心', '社保中心'],
  ['YBZX', '医疗保障事务服务中心', '医保中心'],
  ['FYZX', '法律援助中心', '法援中心'],
];
/** A district's police is a branch of the city's bureau; a county has its own bureau. */
const COUNTY_POLICE: Record<string, string> = {
  '211102': '盘锦市公安局双台子分局',
  '211103': '盘锦市公安局兴隆台分局',
  '211104': '盘锦市公安局大洼分局',
  '211122': '盘山县公安局',
};

export function demoDepartments(): DemoDepartment[] {
  const out: DemoDepartment[] = [];
  let seq = 0;
  const add = (d: Omit<DemoDepartment, 'sort'>) => out.push({ ...d, sort: out.length + 1 });
  add({
    code: 'PJ-XZSP',
    name: '盘锦市行政审批服务局',
    shortName: '市审批局',
    regionCode: CITY,
    kind: 'approval_bureau',
    creditCode: demoCreditCode('11', CITY, seq++),
  });
  add({
    code: 'PJ-XNJC',
    name: '盘锦市营商环境建设局（效能监察）',
    shortName: '市营商局',
    regionCode: CITY,
    kind: 'supervision',
    creditCode: demoCreditCode('11', CITY, seq++),
  });
  add({
    code: 'PJ-ZWFW',
    name: '盘锦市政务服务中心',
    shortName: '市政务服务中心',
    regionCode: CITY,
    kind: 'service_center',
    creditCode: demoCreditCode('12', CITY, seq++),
  });
  add({
    code: 'PJ-12345',
    name: '盘锦市12345政务服务便民热线中心',
    shortName: '12345热线',
    regionCode: CITY,
    kind: 'hotline',
    creditCode: demoCreditCode('12', CITY, seq++),
  });
  for (const [abbr, name, shortName] of CITY_DEPARTMENTS) {
    add({
      code: `PJ-${abbr}`,
      name,
      shortName,
      regionCode: CITY,
      kind: 'department',
      creditCode: demoCreditCode('11', CITY, seq++),
    });
  }
  for (const [abbr, name, shortName, office] of CITY_DEPARTMENTS) {
    if (!office) continue;
    add({
      code: `PJ-${abbr}-SPB`,
      name: `${name}行政审批办公室`,
      shortName: `${shortName}审批办`,
      regionCode: CITY,
      kind: 'approval_office',
      parentCode: `PJ-${abbr}`,
      creditCode: null, // an internal office, not a legal person
    });
  }
  for (const [county, { abbr, name: countyName }] of Object.entries(COUNTY_ABBR)) {
    for (const [dAbbr, suffix, shortName, kind] of COUNTY_DEPARTMENTS) {
      add({
        code: `${abbr}-${dAbbr}`,
        name: `${countyName}${suffix}`,
        shortName,
        regionCode: county,
        kind,
        creditCode: demoCreditCode('11', county, seq++),
      });
    }
  }
  // Further county offices that implement social items (appended so that earlier credit codes stay as they were).
  for (const [county, { abbr, name: countyName }] of Object.entries(COUNTY_ABBR)) {
    for (const [dAbbr, suffix, shortName] of COUNTY_SERVICE_OFFICES) {
      add({
        code: `${abbr}-${dAbbr}`,
        name: `${countyName}${suffix}`,
        shortName,
        regionCode: county,
        kind: 'department',
        creditCode: demoCreditCode(dAbbr.endsWith('ZX') ? '12' : '11', county, seq++),
      });
    }
    add({
      code: `${abbr}-GA`,
      name: COUNTY_POLICE[county]!,
      shortName: '公安分局',
      regionCode: county,
      kind: 'department',
      creditCode: demoCreditCode('11', county, seq++),
    });
  }
  return out;
}
