import type { ProcessDefinition } from '../../workflow/index';
import type { BodyOffice, FormField, ItemGuide, ItemLevel, ItemType, Material } from '../catalog.schemas';

/**
 * Compact authoring of demo guides: each item lists only what differs; halls, phones, default
 * process steps and application-form fields are filled in here from the deciding level.
 *
 * Item codes (实施编码, demo scheme): `2111-<type>-<5-digit sequence>`, where 2111 is the 盘锦市
 * catalog prefix and <type> the short letters of the item type (XK 许可, QR 确认, JF 给付, GG 公共服务,
 * BA 备案, CJ 裁决, QT 其他). Real implementation codes begin with the implementing body's
 * 18-character credit code; the three keys (basic, implementation, business) stay separate columns.
 */
export const CATALOG_REGION = '211100';
export const TYPE_SHORT: Record<ItemType, string> = {
  licence: 'XK',
  penalty: 'CF',
  enforcement: 'QZ',
  levy: 'ZS',
  benefit: 'JF',
  inspection: 'JC',
  confirmation: 'QR',
  reward: 'JL',
  adjudication: 'CJ',
  other_power: 'QT',
  public_service: 'GG',
  filing: 'BA',
};

/** City departments (codes of the org module's demo data) with their consultation lines. */
const DEPTS = {
  FGW: ['盘锦市发展和改革委员会', '0427-2830615'],
  JY: ['盘锦市教育局', '0427-2825167'],
  GA: ['盘锦市公安局', '0427-2851110'],
  MZ: ['盘锦市民政局', '0427-2833025'],
  SF: ['盘锦市司法局', '0427-2826148'],
  RS: ['盘锦市人力资源和社会保障局', '0427-2812333'],
  ZRZY: ['盘锦市自然资源局', '0427-2839072'],
  STHJ: ['盘锦市生态环境局', '0427-2826369'],
  ZJ: ['盘锦市住房和城乡建设局', '0427-2824580'],
  JT: ['盘锦市交通运输局', '0427-2821356'],
  SL: ['盘锦市水利局', '0427-2827713'],
  NY: ['盘锦市农业农村局', '0427-2823466'],
  SW: ['盘锦市商务局', '0427-2834527'],
  WL: ['盘锦市文化旅游和广播电视局', '0427-2836801'],
  WJ: ['盘锦市卫生健康委员会', '0427-2822120'],
  YJ: ['盘锦市应急管理局', '0427-2825350'],
  TYJR: ['盘锦市退役军人事务局', '0427-2817226'],
  SCJG: ['盘锦市市场监督管理局', '0427-2812315'],
  YB: ['盘锦市医疗保障局', '0427-2837008'],
  XZSP: ['盘锦市行政审批服务局', '0427-2812345'],
} as const;
export type DeptKey = keyof typeof DEPTS;

const HOURS = '工作日 8:30-17:00（法定节假日除外）；周六 9:00-12:00 延时服务';
const HALLS: Record<ItemLevel, ItemGuide['hall']> = {
  city: { name: '盘锦市政务服务中心', address: '辽宁省盘锦市兴隆台区市府大街 18 号', hours: HOURS },
  county: {
    name: '所在县（区）政务服务中心',
    address: '双台子区双兴北路 86 号；兴隆台区兴隆台街 168 号；大洼区大洼街道迎宾路 9 号；盘山县太平街道县府路 55 号',
    hours: '工作日 8:30-17:00（法定节假日除外）',
  },
  town: {
    name: '户籍（住所）所在地镇（街道）便民服务中心',
    address: '各镇人民政府、街道办事处一楼便民服务中心',
    hours: '工作日 9:00-17:00（法定节假日除外）',
  },
  village: {
    name: '所在村（社区）便民服务站',
    address: '各村（社区）党群服务中心便民服务站',
    hours: '工作日 9:00-16:30（法定节假日除外）',
  },
};

export interface MaterialSpec {
  name: string;
  /** Defaults: required, original, 1 copy, A4, from the applicant, no 容缺. */
  optional?: boolean;
  form?: Material['form'];
  copies?: number;
  source?: Material['source'];
  tolerance?: boolean;
  notes?: string;
  standard?: string;
  basis?: string;
  blank?: boolean;
}

export interface ItemSpec {
  /** Type letters + sequence, e.g. 'XK-00001'; prefixed with the catalog's '2111-'. */
  code: string;
  name: string;
  type: ItemType;
  dept: DeptKey;
  body?: string;
  nature?: string;
  /** Where the body sits in the deciding region (items decided below the city): see `BodyOffice`. */
  office?: BodyOffice;
  entrusted?: string;
  objects: string[];
  decide: ItemLevel;
  accept: ItemLevel[];
  anywhere?: boolean;
  basis: [string, string][];
  conditions: string[];
  materials: MaterialSpec[];
  fields?: FormField[];
  fees?: [string, string, string][];
  statutory: [number, string];
  promised: [number, string];
  handling: 'immediate' | 'promised';
  visits: number;
  depth: number;
  process?: [string, string, number?][];
  special?: [ItemGuide['specialProcedures'][number]['kind'], string, number][];
  result: [string, ItemGuide['result']['type']];
  /** The certificate's term in years and the form fields it prints. */
  validYears?: number;
  entries?: string[];
  express?: boolean;
  appointment?: boolean;
  keywords: string[];
  /** The item's own process definition; absent = the default of its handling type. */
  workflow?: ProcessDefinition;
  /** 四级联动: the levels that pre-review (default: every accepting level between the accepting and deciding level). */
  linkage?: ItemGuide['linkage'];
  /** 容缺受理: an open promise blocks the certificate (default true). */
  promiseBlocksCertificate?: boolean;
}

const PERSON_FIELDS: FormField[] = [
  { key: 'applicantName', label: '申请人姓名', type: 'text', required: true },
  { key: 'idNumber', label: '公民身份号码', type: 'idNumber', required: true },
  { key: 'phone', label: '联系电话', type: 'phone', required: true },
  { key: 'address', label: '联系地址', type: 'address', required: true },
];
const COMPANY_FIELDS: FormField[] = [
  { key: 'companyName', label: '单位名称', type: 'text', required: true },
  { key: 'creditCode', label: '统一社会信用代码', type: 'creditCode', required: true },
  { key: 'legalRepresentative', label: '法定代表人（负责人）', type: 'text', required: true },
  { key: 'contactPhone', label: '联系电话', type: 'phone', required: true },
  { key: 'address', label: '住所（经营场所）', type: 'address', required: true },
];

function defaultProcess(s: ItemSpec): ItemGuide['process'] {
  if (s.handling === 'immediate') {
    return [
      { step: '申请', description: '申请人通过“一网通办”平台在线提交，或到窗口提交申请材料。' },
      { step: '受理', description: '综合窗口当场审查材料，材料齐全、符合法定形式的予以受理。', limitDays: 0 },
      { step: '办结', description: '当场作出决定并出具办理结果；需送达的可选择免费邮寄。', limitDays: 0 },
    ];
  }
  const p = s.promised[0];
  const review = Math.max(1, Math.floor(p * 0.6));
  return [
    { step: '申请', description: '申请人通过“一网通办”平台在线提交，或到综合窗口提交申请材料。' },
    {
      step: '受理',
      description: '综合窗口对材料进行形式审查，齐全且符合法定形式的当场受理；不齐全的一次性告知需补正的全部内容。',
      limitDays: 0,
    },
    { step: '审查', description: '审批人员对申请材料进行实质审查，需要现场核查的组织现场核查。', limitDays: review },
    {
      step: '决定',
      description: '作出准予或不予的决定；不予的说明理由并告知申请行政复议或提起行政诉讼的权利。',
      limitDays: Math.max(0, p - review),
    },
    { step: '送达', description: '统一出件窗口发放结果，或免费快递送达。' },
  ];
}

/** Expands a compact spec into a full `ItemGuide`. */
export function buildGuide(s: ItemSpec): ItemGuide {
  const [deptName, phone] = DEPTS[s.dept];
  const isCompany = s.objects.some((o) => o.includes('法人') || o.includes('企业') || o.includes('组织'));
  const isPerson = s.objects.some((o) => o.includes('自然人') || o.includes('个人') || o.includes('居民'));
  const topLevel =
    [...s.accept].sort(
      (a, b) => ['city', 'county', 'town', 'village'].indexOf(a) - ['city', 'county', 'town', 'village'].indexOf(b),
    )[0] ?? s.decide;
  return {
    name: s.name,
    type: s.type,
    departmentCode: `PJ-${s.dept}`,
    implementingBody: {
      name: s.body ?? deptName,
      nature: s.nature ?? '法定机关',
      ...(s.office ? { office: s.office } : {}),
    },
    ...(s.entrusted ? { entrustedDepartment: s.entrusted } : {}),
    serviceObjects: s.objects,
    decideLevel: s.decide,
    acceptLevels: s.accept,
    acceptAnywhere: s.anywhere ?? false,
    legalBasis: s.basis.map(([title, article]) => ({ title, article })),
    acceptanceConditions: s.conditions,
    materials: s.materials.map((m, i) => ({
      id: `m${i + 1}`,
      name: m.name,
      required: !m.optional,
      form: m.form ?? (m.source === 'elicence' ? 'electronic' : 'original'),
      copies: m.copies ?? (m.source === 'elicence' ? 0 : 1),
      ...(m.source === 'elicence' ? {} : { paperSize: 'A4' }),
      source: m.source ?? 'applicant',
      ...(m.blank
        ? { blankFormUrl: `/files/forms/${s.code}-m${i + 1}.docx`, sampleUrl: `/files/samples/${s.code}-m${i + 1}.pdf` }
        : {}),
      ...(m.notes ? { notes: m.notes } : {}),
      toleranceAllowed: m.tolerance ?? false,
      ...(m.standard ? { acceptanceStandard: m.standard } : {}),
      ...(m.basis ? { basis: m.basis } : {}),
    })),
    formFields: [
      ...(isCompany ? COMPANY_FIELDS : []),
      ...(isPerson && !isCompany ? PERSON_FIELDS : []),
      ...(!isCompany && !isPerson ? PERSON_FIELDS : []),
      ...(s.fields ?? []),
    ],
    fees: s.fees?.length
      ? { charged: true, items: s.fees.map(([name, amount, basis]) => ({ name, amount, basis })) }
      : { charged: false, items: [] },
    statutoryLimit: { days: s.statutory[0], unit: 'working_day', note: s.statutory[1] },
    promisedLimit: { days: s.promised[0], unit: 'working_day', note: s.promised[1] },
    handlingType: s.handling,
    visits: s.visits,
    onlineDepth: s.depth,
    hall: HALLS[topLevel],
    contacts: { consultPhone: topLevel === 'city' ? phone : `${phone}（市级业务指导）`, complaintPhone: '0427-12345' },
    process: s.process
      ? s.process.map(([step, description, limitDays]) => ({
          step,
          description,
          ...(limitDays === undefined ? {} : { limitDays }),
        }))
      : defaultProcess(s),
    specialProcedures: (s.special ?? []).map(([kind, name, maxDays]) => ({ kind, name, maxDays })),
    result: {
      name: s.result[0],
      type: s.result[1],
      ...(s.result[1] === 'other' ? {} : { sampleUrl: `/files/samples/${s.code}-result.pdf` }),
      ...(s.validYears ? { validYears: s.validYears } : {}),
      ...(s.entries ? { entries: s.entries } : {}),
    },
    expressDelivery: s.express ?? s.handling === 'promised',
    onlinePayment: !!s.fees?.length,
    appointment: s.appointment ?? true,
    keywords: s.keywords,
    ...(s.workflow ? { workflow: s.workflow } : {}),
    ...(s.linkage ? { linkage: s.linkage } : {}),
    ...(s.promiseBlocksCertificate === undefined ? {} : { promiseBlocksCertificate: s.promiseBlocksCertificate }),
  };
}

export const itemCode = (s: Pick<ItemSpec, 'code'>) => `2111-${s.code}`;

/** The department of the deciding region whose name contains `keyword` (民政局 → 兴隆台区民政局). */
export const department = (keyword: string): BodyOffice => ({ kind: 'department', keyword });
/** The deciding region's own people's government (镇人民政府、街道办事处、村民委员会 …). */
export const GOVERNMENT: BodyOffice = { kind: 'government' };
