import type { WindowKind } from '../org.tables';
import { CITY_CODE, type DemoRegion } from './regions';
import { COUNTY_ABBR } from './departments';

/**
 * Demo halls and windows. Hall codes: PJ-HALL (city 政务服务中心), <county>-HALL (XLT-HALL …),
 * T-<12-digit town code> (镇街便民服务中心), V-<12-digit village code> (村社区便民服务站).
 */
export const CITY_HALL_CODE = 'PJ-HALL';
export const COUNTY_HALL_CODE = 'XLT-HALL';

export interface DemoWindow {
  code: string;
  name: string;
  kind: WindowKind;
  /** Department code for a department window. */
  departmentCode?: string;
}
export interface DemoHall {
  code: string;
  name: string;
  regionCode: string;
  address: string;
  phone: string;
  hours: string;
  windows: DemoWindow[];
}

const cityWindows: DemoWindow[] = [
  { code: 'A01', name: '综合受理窗口（企业开办）', kind: 'comprehensive' },
  { code: 'A02', name: '综合受理窗口（企业开办）', kind: 'comprehensive' },
  { code: 'A03', name: '综合受理窗口（工程建设项目）', kind: 'comprehensive' },
  { code: 'A04', name: '综合受理窗口（工程建设项目）', kind: 'comprehensive' },
  { code: 'A05', name: '综合受理窗口（社会事务）', kind: 'comprehensive' },
  { code: 'A06', name: '综合受理窗口（社会事务）', kind: 'comprehensive' },
  { code: 'A07', name: '综合受理窗口（“一件事”联办）', kind: 'comprehensive' },
  { code: 'A08', name: '综合受理窗口（跨省通办）', kind: 'comprehensive' },
  { code: 'B01', name: '公安窗口（户政、出入境）', kind: 'department', departmentCode: 'PJ-GA' },
  { code: 'B02', name: '税务窗口', kind: 'department', departmentCode: 'PJ-SWJ' },
  { code: 'B03', name: '不动产登记窗口', kind: 'department', departmentCode: 'PJ-ZRZY' },
  { code: 'B04', name: '医保窗口', kind: 'department', departmentCode: 'PJ-YB' },
  { code: 'B05', name: '社保就业窗口', kind: 'department', departmentCode: 'PJ-RS' },
  { code: 'C01', name: '统一出件窗口', kind: 'exit' },
  { code: 'D01', name: '咨询导办台', kind: 'enquiry' },
];

const countyWindows = (abbr: string): DemoWindow[] => [
  { code: 'A01', name: '综合受理窗口', kind: 'comprehensive' },
  { code: 'A02', name: '综合受理窗口', kind: 'comprehensive' },
  { code: 'A03', name: '综合受理窗口（工程建设项目）', kind: 'comprehensive' },
  { code: 'B01', name: '社保就业窗口', kind: 'department', departmentCode: `${abbr}-RS` },
  { code: 'C01', name: '统一出件窗口', kind: 'exit' },
  { code: 'D01', name: '咨询导办台', kind: 'enquiry' },
];

const COUNTY_ADDRESS: Record<string, string> = {
  '211102': '辽宁省盘锦市双台子区双兴北路 86 号',
  '211103': '辽宁省盘锦市兴隆台区兴隆台街 168 号',
  '211104': '辽宁省盘锦市大洼区大洼街道迎宾路 9 号',
  '211122': '辽宁省盘锦市盘山县太平街道县府路 55 号',
};

function townSeat(name: string): string {
  if (name.endsWith('街道')) return '办事处一楼';
  if (name.endsWith('镇')) return '人民政府一楼';
  if (name.endsWith('林场')) return '场部一楼';
  return '管理委员会一楼';
}

export function demoHalls(regions: DemoRegion[]): DemoHall[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const halls: DemoHall[] = [
    {
      code: CITY_HALL_CODE,
      name: '盘锦市政务服务中心',
      regionCode: CITY_CODE,
      address: '辽宁省盘锦市兴隆台区市府大街 18 号',
      phone: '0427-2812345',
      hours: '工作日 8:30-17:00（周六 9:00-12:00 延时服务）',
      windows: cityWindows,
    },
  ];
  Object.entries(COUNTY_ABBR).forEach(([code, { abbr, name }], i) => {
    halls.push({
      code: `${abbr}-HALL`,
      name: `${name}政务服务中心`,
      regionCode: code,
      address: COUNTY_ADDRESS[code]!,
      phone: `0427-${2860000 + i * 1111}`,
      hours: '工作日 8:30-17:00',
      windows: countyWindows(abbr),
    });
  });
  const towns = regions.filter((r) => r.level === 'town');
  towns.forEach((t, i) => {
    const county = byCode.get(t.parentCode!)!;
    halls.push({
      code: `T-${t.code}`,
      name: `${t.name}便民服务中心`,
      regionCode: t.code,
      address: `辽宁省盘锦市${county.name}${t.name}${townSeat(t.name)}`,
      phone: `0427-${2900000 + i * 173}`,
      hours: '工作日 9:00-17:00',
      windows: [
        { code: '01', name: '综合受理窗口', kind: 'comprehensive' },
        { code: '02', name: '出件窗口', kind: 'exit' },
      ],
    });
  });
  const villages = regions.filter((r) => r.level === 'village');
  villages.forEach((v, i) => {
    const town = byCode.get(v.parentCode!)!;
    const county = byCode.get(town.parentCode!)!;
    halls.push({
      code: `V-${v.code}`,
      name: `${v.name}便民服务站`,
      regionCode: v.code,
      address: `辽宁省盘锦市${county.name}${town.name}${v.name}党群服务中心`,
      phone: `0427-${6100000 + i * 13}`,
      hours: '工作日 9:00-16:30',
      windows: [{ code: '01', name: '综合代办窗口', kind: 'comprehensive' }],
    });
  });
  return halls;
}
