/**
 * Demo cases 演示办件: a handful of cases in different states for the demo accounts, filed and
 * handled through the real use cases (numbers, history, documents, notifications, audit), on dates
 * counted back in working days from today so that the workbench shows on-time, near and overdue cases.
 * Materials are checked on paper at the window (窗口收取纸质原件): the demo has no uploaded files.
 */
import type { Actor } from '../../../platform/auth';
import type { Db } from '../../../platform/db';
import { addDays, isWorkday, todayInShanghai } from '../../calendar/index';
import { DEMO_ITEM_CODES } from '../../catalog/index';
import { actorForUsername as actorFor } from '../../identity/index';
import * as repo from '../cases.repository';
import { createCase } from '../cases.apply';
import { applyAction } from '../cases.act';
import type { ActionBody, CreateCaseBody } from '../cases.schemas';

const COMPANY = {
  kind: 'company' as const,
  name: '盘锦辽河示范科技有限公司',
  creditCode: '91211103MA0Y8K2P7J',
  phone: '13804275678',
};
const PERSON = { kind: 'person' as const, name: '张明', idNumber: '211103199001011234', phone: '13804271234' };

const companyForm = {
  companyName: COMPANY.name,
  creditCode: COMPANY.creditCode,
  legalRepresentative: '王志强',
  contactPhone: COMPANY.phone,
  address: '辽宁省盘锦市兴隆台区石油大街 96 号',
};
const personForm = {
  applicantName: PERSON.name,
  idNumber: PERSON.idNumber,
  phone: PERSON.phone,
  address: '辽宁省盘锦市兴隆台区振兴街道世纪社区 3 号楼',
};

const foodForm = {
  ...companyForm,
  businessPremises: '辽宁省盘锦市兴隆台区石油大街 96 号一层',
  mainForm: '餐饮服务经营者',
  businessItems: '热食类食品制售；冷食类食品制售',
  foodSafetyOfficer: '李娜',
};
const companyRegForm = {
  ...companyForm,
  enterpriseName: '盘锦辽河示范餐饮管理有限公司',
  registeredCapital: 100,
  enterpriseType: '有限责任公司',
  businessScope: '餐饮管理；食品销售（仅销售预包装食品）',
};
const paper = (...ids: string[]) => ids.map((materialId) => ({ materialId, fileIds: [], paper: true }));

/** The working day `n` working days before `today` (n = 0: today, or the last working day before it). */
async function workdaysBack(db: Db, today: string, n: number): Promise<string> {
  let d = today;
  while (!(await isWorkday(db, d))) d = addDays(d, -1);
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (await isWorkday(db, d)) left -= 1;
  }
  return d;
}

/** An instant on a Shanghai civil day, minutes after 09:00, never in the future (the demo may load at dawn). */
const at = (day: string, minutes: number) =>
  new Date(Math.min(new Date(`${day}T09:00:00+08:00`).getTime() + minutes * 60_000, Date.now()));

export async function seedCasesDemo(db: Db): Promise<void> {
  const who: Record<string, Actor> = {};
  for (const u of ['clerk-city', 'approver-city', 'chief-city', 'applicant', 'company']) who[u] = await actorFor(db, u);
  const today = todayInShanghai(new Date());
  let minute = 0;
  const back = (n: number) => workdaysBack(db, today, n);

  const file = async (by: string, day: string, key: string, body: CreateCaseBody) =>
    (await createCase(db, { actor: who[by]!, ip: null, now: at(day, minute++) }, body, `demo-${key}`)).id;
  const act = async (
    by: string,
    id: string,
    day: string,
    action: string,
    extra: Omit<ActionBody, 'action' | 'version'> = {},
  ) => {
    const row = await repo.getCase(db, id);
    await applyAction(db, { actor: who[by]!, ip: null, now: at(day, minute++) }, id, {
      action,
      version: row!.version,
      ...extra,
    });
  };
  const windowCase = (
    itemCode: string,
    form: Record<string, unknown>,
    materials: ReturnType<typeof paper>,
    applicant: typeof COMPANY | typeof PERSON,
  ) => ({ itemCode, form, materials, submit: true, applicant, channel: 'window' }) satisfies CreateCaseBody;

  // 1. 食品经营许可, completed: accepted, reviewed, inspected, granted, certificate, delivered by express.
  {
    const d = await back(12);
    const id = await file(
      'clerk-city',
      d,
      'food-done',
      windowCase(DEMO_ITEM_CODES.foodBusiness, foodForm, paper('m1', 'm3', 'm4', 'm5'), COMPANY),
    );
    await act('clerk-city', id, d, 'accept', { comment: '材料齐全，符合法定形式，予以受理' });
    await act('approver-city', id, await back(11), 'review-pass', { comment: '申请材料实质审查通过' });
    await act('approver-city', id, await back(10), 'inspection-pass', {
      comment: '经营场所布局合理，设施设备符合要求',
    });
    await act('chief-city', id, await back(9), 'grant', { comment: '同意许可' });
    await act('clerk-city', id, await back(9), 'issue-certificate', {
      certificate: { validUntil: `${Number(today.slice(0, 4)) + 5}-${today.slice(5)}` },
    });
    await act('clerk-city', id, await back(8), 'deliver', {
      delivery: {
        method: 'express',
        carrier: '中国邮政 EMS',
        trackingNumber: '1190012345678',
        address: '盘锦市兴隆台区石油大街 96 号',
      },
    });
  }
  // 2. 食品经营许可, overdue at the site inspection (promised 5 working days, accepted 7 ago).
  {
    const d = await back(7);
    const id = await file(
      'clerk-city',
      d,
      'food-overdue',
      windowCase(
        DEMO_ITEM_CODES.foodBusiness,
        { ...foodForm, businessItems: '预包装食品销售（含冷藏冷冻食品）' },
        paper('m1', 'm3'),
        COMPANY,
      ),
    );
    // 容缺受理 on a written promise: the rules and the training certificates within three weeks.
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10);
    await act('clerk-city', id, d, 'accept', {
      comment: '容缺受理：规章制度目录、培训合格证明承诺现场核查前补齐',
      deferredMaterials: [
        { materialId: 'm4', dueDate: due },
        { materialId: 'm5', dueDate: due },
      ],
    });
    await act('approver-city', id, await back(6), 'review-pass', { comment: '材料审查通过，待现场踏勘' });
  }
  // 3. 食品经营许可, in a special procedure (现场核查, clock stopped).
  {
    const d = await back(3);
    const id = await file(
      'clerk-city',
      d,
      'food-suspended',
      windowCase(
        DEMO_ITEM_CODES.foodBusiness,
        { ...foodForm, mainForm: '单位食堂', businessItems: '热食类食品制售（单位食堂）' },
        paper('m1', 'm3', 'm4', 'm5'),
        COMPANY,
      ),
    );
    await act('clerk-city', id, d, 'accept');
    await act('approver-city', id, await back(2), 'review-pass');
    await act('approver-city', id, await back(1), 'suspend', {
      suspension: { kind: 'site_inspection', reason: '食堂后厨改造尚未完工，需待完工后现场核查', expectedDays: 5 },
    });
  }
  // 4. 食品经营许可, reviewed and inspected, waiting for the chief's decision.
  {
    const d = await back(4);
    const id = await file(
      'clerk-city',
      d,
      'food-decide',
      windowCase(
        DEMO_ITEM_CODES.foodBusiness,
        { ...foodForm, mainForm: '食品销售经营者', businessItems: '散装食品销售' },
        paper('m1', 'm3', 'm4', 'm5'),
        COMPANY,
      ),
    );
    await act('clerk-city', id, d, 'accept');
    await act('approver-city', id, await back(3), 'review-pass');
    await act('approver-city', id, await back(2), 'inspection-pass', { comment: '现场核查符合要求' });
  }
  // 5. 企业设立登记 accepted yesterday (promised 1 working day): near its deadline, with the approver.
  {
    const d = await back(1);
    const id = await file(
      'clerk-city',
      d,
      'company-near',
      windowCase(DEMO_ITEM_CODES.companyRegistration, companyRegForm, paper('m1', 'm2', 'm4', 'm5'), COMPANY),
    );
    await act('clerk-city', id, d, 'accept');
  }
  // 6. 企业设立登记 filed today, waiting for the window's pre-review.
  await file(
    'clerk-city',
    today,
    'company-new',
    windowCase(
      DEMO_ITEM_CODES.companyRegistration,
      {
        ...companyRegForm,
        enterpriseName: '盘锦辽河示范物流有限公司',
        businessScope: '普通货物仓储服务；道路货物运输',
      },
      paper('m1', 'm2', 'm4'),
      COMPANY,
    ),
  );
  // 7. 企业设立登记 with a one-time correction notice: the company must resubmit.
  {
    const d = await back(1);
    const id = await file(
      'clerk-city',
      d,
      'company-correction',
      windowCase(
        DEMO_ITEM_CODES.companyRegistration,
        {
          ...companyRegForm,
          enterpriseName: '盘锦辽河示范文化传媒有限公司',
          businessScope: '文艺创作；广告设计、代理',
        },
        paper('m1', 'm2', 'm4'),
        COMPANY,
      ),
    );
    await act('clerk-city', id, d, 'request-correction', {
      corrections: [
        { materialId: 'm2', problem: '公司章程缺少全体股东签字，请全体股东签署后重新提交' },
        { field: 'registeredCapital', problem: '注册资本与章程约定的出资额不一致，请核对' },
      ],
    });
  }
  // 8. 个体工商户设立登记 (即办件) done at the window in one visit.
  {
    const d = await back(2);
    const id = await file(
      'clerk-city',
      d,
      'individual-done',
      windowCase(
        DEMO_ITEM_CODES.individualBusiness,
        {
          ...personForm,
          businessName: '盘锦市兴隆台区张明便利店',
          businessScope: '日用百货零售；预包装食品销售',
          organizationForm: '个人经营',
          capital: 5,
          premises: '盘锦市兴隆台区振兴街道世纪社区底商 12 号',
        },
        paper('m1', 'm3'),
        PERSON,
      ),
    );
    await act('clerk-city', id, d, 'accept');
    await act('clerk-city', id, d, 'grant', { comment: '当场办结' });
    await act('clerk-city', id, d, 'issue-certificate');
    await act('clerk-city', id, d, 'deliver', { delivery: { method: 'window' } });
  }
  // 9. 城乡居民基本养老保险参保登记: an online draft of the applicant, not submitted yet.
  // Decided by the county where 张明 lives (兴隆台区), which he names when filing online.
  await file('applicant', today, 'pension-draft', {
    itemCode: DEMO_ITEM_CODES.residentPension,
    form: { applicantName: PERSON.name, phone: PERSON.phone, contributionLevel: '500' },
    materials: [],
    submit: false,
    competentRegionCode: '211103',
  });
}
