/**
 * The demo city's recent history 演示历史办件: a few thousand cases over the last months, across the four
 * levels, the halls with staff, every published item, online and at the window, in every state — most
 * finished, some open, near or past their deadlines, suspended 特别程序, corrected 补正, reported up 上报 from
 * villages and towns, refused, denied, withdrawn, on the green channel 绿色通道.
 *
 * Each case is walked through the item's own process definition with the rules the service applies
 * (`transition`, `computeClock`, `clockColumns`, the linkage hops), from a seeded generator and dated back from
 * `now`: whatever would happen after `now` has not happened yet, so the case stays open where it stands.
 * The rows are then written in bulk, one statement per table and chunk (`jsonb_populate_recordset`),
 * not one service call per case: the history must load in a second or two on first start.
 *
 * Consistent with a case filed and handled through the service: numbers from the per-day counters (advanced
 * past the history), the row's clock columns and `clock_log` as the last step wrote them, `version` = the
 * number of history events, `actionable` and the holder as the step left them. What the history leaves out:
 * documents (notices, decisions and certificates are rendered PDFs), uploaded files (window materials are
 * checked on paper; online materials are marked 共享获取), the applicants' messages, and one audit row per
 * step — the history stands for work done before this installation, and its load is audited once
 * (`cases.demo.history`).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db';
import { auditInsert } from '../../../platform/audit';
import { insertRows } from '../../../platform/writes';
import { addDays, addWorkdaysIn, isWorkdayIn, loadCalendar, todayInShanghai } from '../../calendar/index';
import { getPublishedItem, listItems, type ItemDetail } from '../../catalog/index';
import type { HistoryApplicant, HistoryHall, HistoryPeople, HistoryPerson } from '../../identity/index';
import {
  computeClock,
  getProcessDefinition,
  stepOf,
  transition,
  type ClockEvent,
  type Performer,
  type ProcessDefinition,
} from '../../workflow/index';
import { actionableAt } from '../cases.steps';
import { clockColumns, type ClockColumns } from '../cases.clock';
import {
  atDecidingHop,
  competentRegion,
  handover,
  holderAfter,
  linkageChain,
  phaseOf,
  type RegionRef,
} from '../cases.linkage';
import { formatCaseNumber, numberPrefix } from '../cases.numbering';
import type { ApplicantInfo, ClockKind, ClockPhase, Level, LinkageHop, Pickup } from '../cases.tables';

export interface HistoryOptions {
  /** The instant the history ends (start of the server, or a pinned instant in tests). */
  now: Date;
  seed: number;
  /** Calendar days of history before today (default 120). */
  days?: number;
  /** Cases filed on an ordinary working day (default 42; weekends get a few online filings). */
  perWorkday?: number;
}

/** What the other modules' histories need of a case (supervision cards, ratings). */
export interface HistoryCase {
  id: string;
  number: string;
  itemCode: string;
  itemVersion: number;
  itemName: string;
  channel: 'online' | 'window';
  regionCode: string;
  acceptRegionCode: string;
  acceptHallId: string | null;
  departmentCode: string;
  applicantId: string | null;
  applicantName: string;
  status: string;
  clockPhase: ClockPhase;
  promisedDays: number;
  acceptedOn: string | null;
  promisedDeadline: string | null;
  statutoryDeadline: string | null;
  nearOn: string | null;
  overdueOn: string | null;
  finishedOn: string | null;
  /** Day of the case's current step, and that step's own limit 环节时限 (running clocks). */
  stepEnteredOn: string;
  stepLimitDays: number | null;
  stepLabel: string;
  /** Days of its `return` / `send-down` events. */
  returnDays: string[];
  /** The clerk who accepted it and the officer who decided it (or the one who holds it now). */
  acceptedBy: HistoryPerson | null;
  officer: HistoryPerson | null;
  submittedAt: Date;
  lastAt: Date;
}

export interface HistoryResult {
  cases: HistoryCase[];
  events: number;
}

/* ------------------------------------------------------------------ seeded randomness */

type Rand = () => number;
function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pickOf =
  (r: Rand) =>
  <T>(xs: readonly T[]): T =>
    xs[Math.floor(r() * xs.length)]!;
/** A version-4 UUID from the generator (the history is the same for the same seed). */
function uuidOf(r: Rand): string {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  h[12] = '4';
  h[16] = '89ab'[Math.floor(r() * 4)]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/* ------------------------------------------------------------------ texts */

const ACCEPT_COMMENTS = ['材料齐全，符合法定形式，予以受理', '申请材料齐全，当场受理', null, null];
const REVIEW_COMMENTS = ['申请材料实质审查通过', '经审查，申请材料真实、有效，符合法定条件', '审查通过', null];
const GRANT_COMMENTS = ['同意', '符合法定条件，准予办理', '同意，按程序办理', null];
const OPINIONS = ['经初审，申请材料齐全，情况属实，同意上报', '已入户核实，情况属实，建议批准', '初审通过，请上级审批'];
const REFUSE_REASONS = [
  '申请事项不属于本机关职权范围，请向有关机关申请',
  '申请人不符合申请条件，依法不予受理',
  '同一申请事项已在办理中，不重复受理',
];
const DENY_REASONS = [
  '经审查，申请人不符合法定条件，依法不予批准',
  '现场核查发现经营场所与申请材料不符，依法不予许可',
  '经调查核实，家庭收入超过规定标准',
];
const RETURN_REASONS = ['审查意见不完整，请补充审查', '现场核查记录缺少核查人签字，请补正后重新审查'];
const SEND_DOWN_REASONS = ['初审材料缺少入户调查记录，请补充后重新上报', '申请人家庭人口信息与户籍信息不一致，请核实'];
const CORRECTION_PROBLEMS = [
  '复印件不清晰，请提交清晰的复印件',
  '缺少申请人签字，请签字后重新提交',
  '与原件不一致，请核对后重新提交',
  '已超过有效期，请提交有效期内的材料',
];
const SUSPEND_REASONS: Record<string, string> = {
  site_inspection: '需进行现场核查，期间不计入办理时限',
  expert_review: '需组织专家评审，期间不计入办理时限',
  hearing: '涉及利害关系人重大利益，依法组织听证',
  other: '需公示或补充调查，期间不计入办理时限',
};

/* ------------------------------------------------------------------ inputs */

interface ItemFacts {
  item: ItemDetail;
  def: ProcessDefinition;
  company: boolean;
  weight: number;
  online: boolean;
}

async function loadItems(db: Db): Promise<ItemFacts[]> {
  const out: ItemFacts[] = [];
  for (const s of await listItems(db)) {
    const item = await getPublishedItem(db, s.code);
    if (!item) continue;
    const def = getProcessDefinition(item);
    const company = item.formFields.some((f) => f.key === 'creditCode' || f.key === 'companyName');
    const weight = item.handlingType === 'immediate' ? 3 : item.promisedLimit.days <= 5 ? 2 : 1;
    const online = item.onlineDepth >= 4 && (item.decideLevel === 'city' || item.decideLevel === 'county');
    out.push({ item, def, company, weight, online });
  }
  return out;
}

/** The path of a region from the city down (codes of the demo city are official GB/T 2260 codes). */
function pathOf(code: string): RegionRef[] {
  const refs: RegionRef[] = [{ code: '211100', level: 'city' }];
  if (code.length >= 6 && code !== '211100') refs.push({ code: code.slice(0, 6), level: 'county' });
  if (code.length === 12) {
    const town = `${code.slice(0, 9)}000`;
    refs.push({ code: town, level: 'town' });
    if (code !== town) refs.push({ code, level: 'village' });
  }
  return refs;
}

/* ------------------------------------------------------------------ one case */

interface Ev {
  at: Date;
  actor: HistoryPerson;
  role: string;
  action: string;
  from: string | null;
  to: string;
  clock: ClockKind | null;
  comment: string | null;
  payload: Record<string, unknown>;
}

interface Sim {
  status: string;
  suspendedFrom: string | null;
  holder: LinkageHop;
  cols: ClockColumns;
  finishedOn: string | null;
  events: Ev[];
  log: { on_date: string; clock: ClockKind }[];
  rejected: Map<string, string>;
  returnDays: string[];
  acceptedBy: HistoryPerson | null;
  officer: HistoryPerson | null;
}

const NOT_STARTED: ClockColumns = {
  accepted_on: null,
  promised_deadline: null,
  statutory_deadline: null,
  near_on: null,
  overdue_on: null,
  deadline_provisional: false,
  clock_phase: 'not_started',
};

/** Thrown when the next step would come after `now`: the case stays where it is (one instance, no stack to capture each time). */
class NotYet extends Error {}
const NOT_YET = new NotYet('not yet');

/** `actionable` with the linkage, as the service keeps it (below the deciding hop the holder's staff report up). */
function actionableWith(
  def: ProcessDefinition,
  status: string,
  suspendedFrom: string | null,
  chain: LinkageHop[],
  holder: string,
) {
  const terminal = !!stepOf(def, status)?.terminal;
  if (phaseOf(status, terminal) === 'back' && status !== 'suspended' && !atDecidingHop(chain, holder)) {
    const own = actionableAt(def, { status, suspendedFrom }).filter((p) => p === 'owner');
    return [...own, 'approver', 'chief', 'clerk'].sort();
  }
  return actionableAt(def, { status, suspendedFrom });
}

const shanghai = (day: string, minutes: number) =>
  new Date(new Date(`${day}T08:30:00+08:00`).getTime() + minutes * 60_000);

/* ------------------------------------------------------------------ the history */

export async function seedCasesHistory(db: Db, people: HistoryPeople, opts: HistoryOptions): Promise<HistoryResult> {
  const rand = mulberry32(opts.seed);
  const pick = pickOf(rand);
  const chance = (p: number) => rand() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const now = opts.now;
  const nowMs = now.getTime();
  const today = todayInShanghai(now);
  const cal = await loadCalendar(db);
  const items = await loadItems(db);
  const isWd = (d: string) => isWorkdayIn(cal, d);
  // Day arithmetic and clocks repeat across thousands of cases: each answer is computed once.
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, f: () => T): T => {
    let v = memo.get(key) as T | undefined;
    if (v === undefined) memo.set(key, (v = f()));
    return v;
  };
  const wdAfter = (d: string, n: number) => (n <= 0 ? d : once(`w${d}${n}`, () => addWorkdaysIn(cal, d, n).date));
  /** The clock columns a step writes (`computeClock` on the log with the step's event, then `clockColumns`). */
  const columnsAfter = (
    events: ClockEvent[],
    limits: { promisedDays: number; statutoryDays: number },
    on: string,
    stopped: boolean,
  ) =>
    once(
      `c${events.map((e) => `${e.on}${e.clock ?? ''}`).join()}|${limits.promisedDays}|${limits.statutoryDays}|${on}|${stopped}`,
      () => clockColumns(cal, computeClock(cal, events, limits, on), limits.promisedDays, stopped),
    );
  const nextWd = (d: string) => (isWd(d) ? d : wdAfter(d, 1));

  const hallsAt = (level: Level) => people.halls.filter((h) => h.level === level);
  const hallOfRegion = new Map(people.halls.map((h) => [h.regionCode, h]));
  const cityHall = hallsAt('city')[0]!;
  const counties = [...new Set(hallsAt('county').map((h) => h.regionCode))];
  const bureau = (region: string) =>
    ({ '211102': 'STZ-XZSP', '211103': 'XLT-XZSP', '211104': 'DW-XZSP', '211122': 'PS-XZSP' })[region];
  const persons = people.applicants.filter((a) => a.kind === 'person');
  const companies = people.applicants.filter((a) => a.kind === 'company');

  // Counters already taken today and before (the demo's own cases): the history numbers after them.
  const taken = new Map(
    (
      await sql<{ prefix: string; day: string; seq: number }>`
        select prefix, to_char(day, 'YYYY-MM-DD') as day, seq from case_number_counters`.execute(db)
    ).rows.map((r) => [`${r.prefix}|${r.day}`, Number(r.seq)]),
  );

  const caseRows: Record<string, unknown>[] = [];
  const eventRows: Record<string, unknown>[] = [];
  const materialRows: Record<string, unknown>[] = [];
  const facts: HistoryCase[] = [];
  const pending: { prefix: string; day: string; at: number; set: (n: string) => void }[] = [];

  function chooseHall(): { hall: HistoryHall; level: Level } {
    const x = rand();
    const level: Level = x < 0.32 ? 'city' : x < 0.7 ? 'county' : x < 0.88 ? 'town' : 'village';
    const hall = pick(hallsAt(level));
    return { hall, level };
  }

  function chooseItem(ok: (f: ItemFacts) => boolean): ItemFacts | undefined {
    const pool = items.filter(ok);
    const total = pool.reduce((s, f) => s + f.weight, 0);
    let x = rand() * total;
    for (const f of pool) if ((x -= f.weight) < 0) return f;
    return pool[pool.length - 1];
  }

  function formOf(f: ItemFacts, a: HistoryApplicant): Record<string, unknown> {
    const form: Record<string, unknown> = {};
    for (const field of f.item.formFields) {
      const v = (() => {
        switch (field.key) {
          case 'applicantName':
            return a.name;
          case 'idNumber':
            return a.idNumber;
          case 'companyName':
          case 'enterpriseName':
            return a.name;
          case 'creditCode':
            return a.creditCode;
          case 'phone':
          case 'contactPhone':
            return a.phone;
          case 'legalRepresentative':
          case 'foodSafetyOfficer':
            return pick(['王志强', '李娜', '刘洋', '陈静', '赵磊']);
        }
        switch (field.type) {
          case 'select':
            return field.options?.length ? pick(field.options) : null;
          case 'number':
            return between(1, 50);
          case 'address':
            return `辽宁省盘锦市${pick(['兴隆台区', '双台子区', '大洼区', '盘山县'])}${pick(['石油大街', '振兴街', '惠宾街', '泰山路', '双兴路'])} ${between(1, 300)} 号`;
          case 'date':
            return today;
          case 'idNumber':
            return a.idNumber;
          case 'phone':
            return a.phone;
          case 'creditCode':
            return a.creditCode;
          default:
            return field.required ? `${field.label.replace(/（.*?）/g, '')}（见申请材料）` : null;
        }
      })();
      if (v !== null && v !== undefined) form[field.key] = v;
    }
    return form;
  }

  function buildCase(fileDay: string, filedAt: Date, online: boolean): HistoryCase | null {
    // Where and what: an online filing decided by the city or a county, or a window of a hall with clerks.
    let f: ItemFacts | undefined;
    let acceptHall: HistoryHall | null = null;
    let acceptRegion: string;
    let competent: RegionRef;
    let chain: LinkageHop[];
    if (online) {
      f = chooseItem((x) => x.online);
      if (!f) return null;
      if (f.item.decideLevel === 'county') {
        const county = pick(counties);
        competent = { code: county, level: 'county' };
        chain = [{ level: 'county', regionCode: county, hallId: hallOfRegion.get(county)!.id }];
      } else {
        competent = { code: f.item.regionCode, level: 'city' };
        chain = [{ level: 'city', regionCode: f.item.regionCode, hallId: null }];
      }
      acceptRegion = f.item.regionCode;
    } else {
      const { hall, level } = chooseHall();
      f = chooseItem((x) => x.item.acceptLevels.includes(level));
      if (!f) return null;
      acceptHall = hall;
      acceptRegion = hall.regionCode;
      const path = pathOf(hall.regionCode);
      const guide = {
        decideLevel: f.item.decideLevel as Level,
        acceptLevels: f.item.acceptLevels as Level[],
        acceptAnywhere: f.item.acceptAnywhere,
        preReviewLevels: f.item.linkage?.preReviewLevels as Level[] | undefined,
      };
      const routed = competentRegion(guide, path, { code: f.item.regionCode, level: 'city' });
      if ('error' in routed) return null;
      competent = routed.region;
      chain = linkageChain(guide, path, { region: path[path.length - 1]!, hallId: hall.id }, competent);
      for (const hop of chain) hop.hallId ??= hallOfRegion.get(hop.regionCode)?.id ?? null;
    }
    const { item, def } = f;
    const departmentCode =
      competent.code === item.regionCode ? item.departmentCode : (bureau(competent.code) ?? item.departmentCode);
    const applicant = f.company ? pick(companies) : pick(persons);
    const id = uuidOf(rand);
    const front = acceptHall ?? hallOfRegion.get(chain[0]!.regionCode) ?? cityHall;
    const frontClerk = pick(front.clerks);
    const green = !online && chance(0.03);
    const pickup: Pickup | null = acceptHall ? { method: 'hall', hallId: acceptHall.id } : null;
    const applicantInfo: ApplicantInfo = {
      kind: applicant.kind,
      name: applicant.name,
      ...(applicant.idNumber ? { idNumber: applicant.idNumber } : {}),
      ...(applicant.creditCode ? { creditCode: applicant.creditCode } : {}),
      phone: applicant.phone,
    };
    const form = formOf(f, applicant);
    const owner: HistoryPerson = { id: applicant.id, username: applicant.username, name: applicant.name };
    const limits = { promisedDays: item.promisedLimit.days, statutoryDays: item.statutoryLimit.days };

    const sim: Sim = {
      status: def.initial,
      suspendedFrom: null,
      holder: chain[0]!,
      cols: NOT_STARTED,
      finishedOn: null,
      events: [],
      log: [],
      rejected: new Map(),
      returnDays: [],
      acceptedBy: null,
      officer: null,
    };
    let clockAt = filedAt.getTime();
    /** The instant of the next event: on `day` (a working day) some minutes after the last one, never before it. */
    const at = (day: string, gapMinutes = between(5, 90)): Date => {
      const t = Math.max(clockAt + gapMinutes * 60_000, shanghai(day, between(0, 60)).getTime());
      if (t > nowMs) throw NOT_YET;
      clockAt = t;
      return new Date(t);
    };
    const dayOf = (d: Date) => todayInShanghai(d);

    const step = (action: string, actor: HistoryPerson, role: Performer, when: Date, extra: Partial<Ev> = {}) => {
      const tr = transition(def, { status: sim.status, suspendedFrom: sim.suspendedFrom }, action, {
        performers: [role],
      });
      if (!tr.ok) throw new Error(`history: ${item.name} ${sim.status} --${action}--> ${tr.message}`);
      const on = dayOf(when);
      const events: ClockEvent[] = [
        ...sim.log.map((l) => ({ on: l.on_date, clock: l.clock })),
        { on, clock: tr.clock },
      ];
      sim.cols = columnsAfter(events, limits, on, tr.status === 'suspended' || tr.clock === 'stop');
      const next = holderAfter(chain, sim.holder, action, tr.status, tr.terminal);
      const payload: Record<string, unknown> = { ...(extra.payload ?? {}) };
      if (tr.suspendedFrom) payload.suspendedFrom = tr.suspendedFrom;
      if (action === 'resume' && tr.fromStatus === 'suspended') payload.resumedTo = tr.status;
      if (next.regionCode !== sim.holder.regionCode) payload.handover = handover(sim.holder, next);
      sim.events.push({
        at: when,
        actor,
        role,
        action,
        from: tr.fromStatus,
        to: tr.status,
        clock: tr.clock,
        comment: extra.comment ?? null,
        payload,
      });
      if (tr.clock) sim.log.push({ on_date: on, clock: tr.clock });
      sim.status = tr.status;
      sim.suspendedFrom = tr.suspendedFrom;
      sim.holder = next;
      sim.finishedOn = tr.terminal ? on : null;
    };
    const hand = (action: 'report-up' | 'send-down', actor: HistoryPerson, when: Date, text: string) => {
      const i = chain.findIndex((h) => h.regionCode === sim.holder.regionCode);
      const to = chain[action === 'report-up' ? i + 1 : i - 1]!;
      sim.events.push({
        at: when,
        actor,
        role: 'clerk',
        action,
        from: sim.status,
        to: sim.status,
        clock: null,
        comment: text,
        payload: { ...handover(sim.holder, to), ...(action === 'report-up' ? { opinion: text } : { reason: text }) },
      });
      sim.holder = to;
      if (action === 'send-down') sim.returnDays.push(dayOf(when));
    };
    /** Who works at a hop: its hall's clerk below the deciding level, the region's officers at it. */
    const clerkAt = (hop: LinkageHop) => pick(hallOfRegion.get(hop.regionCode)?.clerks ?? front.clerks);
    const decidingRegion = chain[chain.length - 1]!.regionCode;
    const approver = pick(people.approvers[decidingRegion] ?? people.approvers['211100']!);
    const chief = pick(people.chiefs[decidingRegion] ?? people.chiefs['211100']!);
    const decidingClerk = clerkAt(chain[chain.length - 1]!);

    // Registration: the create/register event and the submission, together.
    const register: Ev = {
      at: filedAt,
      actor: online ? owner : frontClerk,
      role: online ? 'owner' : 'clerk',
      action: online ? 'create' : 'register',
      from: null,
      to: def.initial,
      clock: null,
      comment: null,
      payload: {
        channel: online ? 'online' : 'window',
        itemVersion: item.version,
        level: chain[0]!.level,
        regionCode: chain[0]!.regionCode,
        hallId: chain[0]!.hallId,
        competentRegionCode: competent.code,
        ...(green ? { greenChannel: true } : {}),
      },
    };
    sim.events.push(register);
    step('submit', online ? owner : frontClerk, online ? 'owner' : 'clerk', filedAt);

    const pace = green
      ? 0.2 + rand() * 0.35
      : chance(0.07)
        ? 1.05 + rand() * 0.6
        : chance(0.2)
          ? 0.8 + rand() * 0.2
          : 0.25 + rand() * 0.55;
    const stuck = chance(0.006);
    try {
      // Front desk: pre-review of online filings, corrections, refusals, acceptance.
      let day = nextWd(fileDay);
      if (online) {
        if (fileDay === day && filedAt.getTime() > shanghai(day, 7 * 60).getTime()) day = wdAfter(day, 1);
        if (chance(0.3)) day = wdAfter(day, 1);
        if (chance(0.01)) {
          step('withdraw', owner, 'owner', at(addDays(fileDay, 1), 30));
          throw NOT_YET;
        }
      }
      if (chance(online ? 0.03 : 0.015)) {
        step('refuse', frontClerk, 'clerk', at(day), { payload: { reason: pick(REFUSE_REASONS) } });
        throw NOT_YET;
      }
      if (chance(online ? 0.09 : 0.04)) {
        const m = pick(item.materials);
        const corrections = [{ materialId: m.id, problem: `${m.name}${pick(CORRECTION_PROBLEMS)}` }];
        step('request-correction', frontClerk, 'clerk', at(day), { payload: { corrections } });
        sim.rejected.set(m.id, corrections[0]!.problem);
        day = wdAfter(day, between(1, 4));
        step(
          'resubmit',
          online ? owner : frontClerk,
          online ? 'owner' : 'clerk',
          at(day, online ? between(-60, 300) : 20),
        );
        sim.rejected.clear();
        if (online && chance(0.5)) day = wdAfter(day, 1);
      }
      if (online) step('prereview-pass', frontClerk, 'clerk', at(day));
      step('accept', frontClerk, 'clerk', at(day, online ? between(5, 240) : between(5, 25)), {
        comment: pick(ACCEPT_COMMENTS),
      });
      sim.acceptedBy = frontClerk;
      const accepted = day;
      const immediate = item.handlingType === 'immediate';
      const total = Math.max(immediate ? 0 : 1, Math.round(limits.promisedDays * pace));
      const lateImmediate = immediate && chance(0.04);

      // Reported up hop by hop to the deciding level.
      let used = 0;
      for (let i = 1; i < chain.length; i++) {
        const gap = immediate ? 0 : Math.min(between(0, 1), Math.max(0, total - used - 2));
        used += gap;
        hand('report-up', clerkAt(chain[i - 1]!), at(wdAfter(accepted, used)), pick(OPINIONS));
      }
      if (chain.length > 1 && !immediate && chance(0.03)) {
        used += 1;
        hand('send-down', approver, at(wdAfter(accepted, used)), pick(SEND_DOWN_REASONS));
        used += between(1, 2);
        hand('report-up', clerkAt(chain[chain.length - 2]!), at(wdAfter(accepted, used)), pick(OPINIONS));
      }
      if (stuck && !immediate) throw NOT_YET;

      if (immediate) {
        const d = lateImmediate ? wdAfter(accepted, 1) : accepted;
        sim.officer = decidingClerk;
        if (chance(0.01)) {
          const reason = pick(DENY_REASONS);
          step('deny', decidingClerk, 'clerk', at(d), { comment: reason, payload: { reason } });
          throw NOT_YET;
        }
        step('grant', decidingClerk, 'clerk', at(d), { comment: '当场办结' });
        step('issue-certificate', clerkAt(chain[0]!), 'clerk', at(d, between(3, 15)));
        step('deliver', clerkAt(chain[0]!), 'clerk', at(d, between(2, 10)), {
          payload: { delivery: { method: 'window' } },
        });
        throw NOT_YET;
      }

      // Back office: the review chain (with added steps), perhaps a special procedure or a return, the decision.
      sim.officer = approver;
      const extra = def.steps.filter(
        (s) =>
          ![
            'draft',
            'submitted',
            'correction_requested',
            'prereviewed',
            'refused',
            'accepted',
            'reviewed',
            'suspended',
            'granted',
            'denied',
            'certificate_issued',
            'completed',
            'withdrawn',
          ].includes(s.code),
      ).length;
      const forward = 2 + extra; // review-pass, added passes, the decision
      const mark = (k: number) => Math.max(used, Math.round((total * (k + 1)) / (forward + 1.2)));
      let shift = 0;
      const procedure = item.specialProcedures.length && chance(0.13) ? pick(item.specialProcedures) : null;
      const suspendAt = procedure ? between(0, forward - 2) : -1;
      let returned = false;
      for (let k = 0; k < forward; k++) {
        const d = wdAfter(accepted, mark(k) + shift);
        if (k === suspendAt && procedure) {
          const days = between(1, Math.max(1, procedure.maxDays));
          const expected = Math.min(procedure.maxDays, Math.max(1, days + between(-1, 1)));
          step('suspend', approver, 'approver', at(d), {
            comment: null,
            payload: {
              suspension: {
                kind: procedure.kind,
                reason: SUSPEND_REASONS[procedure.kind] ?? SUSPEND_REASONS.other,
                expectedDays: expected,
              },
            },
          });
          shift += days;
          step('resume', approver, 'approver', at(wdAfter(d, days)));
        }
        const when = at(wdAfter(accepted, mark(k) + shift));
        if (k < forward - 1) {
          const action = def.actions.find(
            (a) =>
              a.from.includes(sim.status) &&
              a.action !== 'return' &&
              a.action !== 'suspend' &&
              a.action !== 'withdraw' &&
              a.to !== 'suspended',
          )!;
          step(action.action, approver, 'approver', when, {
            comment: action.action === 'review-pass' ? pick(REVIEW_COMMENTS) : '核查符合要求',
          });
          continue;
        }
        // The decision by the chief: a return now and then, rarely a denial.
        if (!returned && chance(0.04)) {
          returned = true;
          const reason = pick(RETURN_REASONS);
          step('return', chief, 'chief', when, { comment: reason, payload: { reason } });
          sim.returnDays.push(dayOf(when));
          if (extra === 0 && chance(0.15)) {
            // Returned twice: a card for repeated returns.
            const back = def.actions.find(
              (a) =>
                a.from.includes(sim.status) &&
                a.action !== 'return' &&
                a.action !== 'suspend' &&
                a.action !== 'withdraw',
            )!;
            step(back.action, approver, 'approver', at(wdAfter(dayOf(when), 1)), { comment: '已补充审查意见' });
            step('return', chief, 'chief', at(wdAfter(dayOf(when), 2)), { comment: reason, payload: { reason } });
            sim.returnDays.push(dayOf(sim.events[sim.events.length - 1]!.at));
            shift += 2;
          }
          // Walk forward again to the decision step.
          shift += 1;
          for (
            let guard = 0;
            guard < 4 && !def.actions.some((a) => a.action === 'grant' && a.from.includes(sim.status));
            guard++
          ) {
            const a = def.actions.find(
              (x) =>
                x.from.includes(sim.status) &&
                x.action !== 'return' &&
                x.action !== 'suspend' &&
                x.action !== 'withdraw' &&
                x.to !== 'suspended',
            )!;
            shift += 1;
            step(a.action, approver, 'approver', at(wdAfter(accepted, mark(k) + shift)), {
              comment: '已按意见补充审查',
            });
          }
          shift += 1;
        }
        sim.officer = chief;
        const decideOn = wdAfter(accepted, mark(k) + shift);
        if (chance(0.03)) {
          const reason = pick(DENY_REASONS);
          step('deny', chief, 'chief', at(decideOn), { comment: reason, payload: { reason } });
          throw NOT_YET;
        }
        step('grant', chief, 'chief', at(decideOn), { comment: pick(GRANT_COMMENTS) });
      }
      const finish = wdAfter(accepted, Math.max(total + shift, used));
      const certOn = wdAfter(dayOf(new Date(clockAt)), chance(0.6) ? 0 : 1);
      step('issue-certificate', clerkAt(chain[0]!), 'clerk', at(certOn <= finish ? certOn : finish));
      const express = online && item.expressDelivery && chance(0.6);
      step(
        'deliver',
        clerkAt(chain[0]!),
        'clerk',
        at(finish > dayOf(new Date(clockAt)) ? finish : dayOf(new Date(clockAt))),
        {
          payload: {
            delivery: express
              ? {
                  method: 'express',
                  carrier: '中国邮政 EMS',
                  trackingNumber: `11${String(Math.floor(rand() * 1e11)).padStart(11, '0')}`,
                  address: String(form.address ?? form.premises ?? '辽宁省盘锦市'),
                }
              : { method: 'window' },
          },
        },
      );
    } catch (err) {
      if (!(err instanceof NotYet)) throw err;
    }

    // The row as the last step left it.
    const last = sim.events[sim.events.length - 1]!;
    const prefix = numberPrefix(acceptRegion);
    const row: Record<string, unknown> = {
      id,
      number: '',
      item_code: item.code,
      item_version: item.version,
      item_name: item.name,
      department_code: departmentCode,
      process_key: def.key,
      region_code: competent.code,
      accept_region_code: acceptRegion,
      accept_hall_id: acceptHall?.id ?? null,
      channel: online ? 'online' : 'window',
      applicant_id: applicant.id,
      applicant: applicantInfo,
      applicant_name: applicant.name,
      applicant_id_tail: (applicant.idNumber ?? applicant.creditCode ?? '').slice(-4),
      created_by: online ? owner.id : frontClerk.id,
      idempotency_key: `history-${id}`,
      request_hash: createHash('sha256').update(`${opts.seed}:${id}`).digest('hex'),
      status: sim.status,
      suspended_from: sim.suspendedFrom,
      version: sim.events.length,
      actionable: actionableWith(def, sim.status, sim.suspendedFrom, chain, sim.holder.regionCode),
      form,
      handling_type: item.handlingType,
      promised_days: limits.promisedDays,
      statutory_days: limits.statutoryDays,
      ...sim.cols,
      finished_on: sim.finishedOn,
      step_entered_at: last.at.toISOString(),
      submitted_at: filedAt.toISOString(),
      created_at: filedAt.toISOString(),
      updated_at: last.at.toISOString(),
      current_region_code: sim.holder.regionCode,
      current_level: sim.holder.level,
      current_hall_id: sim.holder.hallId,
      linkage_chain: chain,
      pickup,
      green_channel: green,
      clock_log: sim.log,
    };
    caseRows.push(row);
    pending.push({ prefix, day: fileDay, at: filedAt.getTime(), set: (n) => (row.number = n) });
    sim.events.forEach((e, i) =>
      eventRows.push({
        case_id: id,
        seq: i + 1,
        at: e.at.toISOString(),
        on_date: todayInShanghai(e.at),
        actor_id: e.actor.id,
        actor_name: e.actor.name,
        actor_role: e.role,
        action: e.action,
        from_status: e.from,
        to_status: e.to,
        clock: e.clock,
        comment: e.comment,
        payload: e.payload,
      }),
    );
    for (const m of item.materials) {
      const given = m.required || chance(0.5);
      materialRows.push({
        case_id: id,
        material_id: m.id,
        name: m.name,
        required: m.required,
        file_ids: [],
        paper: !online && given,
        status: sim.rejected.has(m.id) ? 'rejected' : !given ? 'missing' : online ? 'shared' : 'received',
        note: sim.rejected.get(m.id) ?? null,
        updated_at: last.at.toISOString(),
      });
    }
    const stepDef = stepOf(def, sim.status);
    return {
      id,
      number: '',
      itemCode: item.code,
      itemVersion: item.version,
      itemName: item.name,
      channel: online ? 'online' : 'window',
      regionCode: competent.code,
      acceptRegionCode: acceptRegion,
      acceptHallId: acceptHall?.id ?? null,
      departmentCode,
      applicantId: applicant.id,
      applicantName: applicant.name,
      status: sim.status,
      clockPhase: sim.cols.clock_phase,
      promisedDays: limits.promisedDays,
      acceptedOn: sim.cols.accepted_on,
      promisedDeadline: sim.cols.promised_deadline,
      statutoryDeadline: sim.cols.statutory_deadline,
      nearOn: sim.cols.near_on,
      overdueOn: sim.cols.overdue_on,
      finishedOn: sim.finishedOn,
      stepEnteredOn: todayInShanghai(last.at),
      stepLimitDays: stepDef?.limitDays ?? null,
      stepLabel: stepDef?.label ?? sim.status,
      returnDays: sim.returnDays,
      acceptedBy: sim.acceptedBy,
      officer: sim.officer,
      submittedAt: filedAt,
      lastAt: last.at,
    };
  }

  const firstDay = addDays(today, -(opts.days ?? 120));
  const perWorkday = opts.perWorkday ?? 42;
  for (let day = firstDay; day <= today; day = addDays(day, 1)) {
    const workday = isWd(day);
    // Volume grows a little over the period; Mondays are busiest; weekends bring online filings only.
    const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
    const growth = 0.85 + 0.3 * (1 - age / (opts.days ?? 120));
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const n = workday
      ? Math.round(perWorkday * growth * (weekday === 1 ? 1.2 : weekday === 5 ? 0.85 : 1) * (0.85 + rand() * 0.3))
      : Math.round(perWorkday * 0.12 * (0.7 + rand() * 0.6));
    for (let i = 0; i < n; i++) {
      const online = !workday || chance(0.4);
      const minute = online ? between(-90, 13 * 60) : between(0, 8 * 60);
      const filedAt = shanghai(day, minute);
      if (filedAt.getTime() > nowMs) continue;
      const built = buildCase(day, filedAt, online);
      if (built) facts.push(built);
    }
  }

  // Numbers: per accepting prefix and day, in filing order, after what the counters already gave out.
  pending.sort((a, b) => a.at - b.at);
  const counters = new Map<string, number>();
  pending.forEach((p) => {
    const key = `${p.prefix}|${p.day}`;
    const seq = (counters.get(key) ?? taken.get(key) ?? 0) + 1;
    counters.set(key, seq);
    const n = formatCaseNumber(p.prefix, p.day, seq);
    p.set(n);
  });
  const numberOf = new Map(caseRows.map((r) => [r.id as string, r.number as string]));
  for (const c of facts) c.number = numberOf.get(c.id)!;

  await bulkInsert(db, 'cases', caseRows, 800);
  await bulkInsert(db, 'case_events', eventRows, 6000);
  await bulkInsert(db, 'case_materials', materialRows, 8000);
  const counterRows = [...counters].map(([key, seq]) => {
    const [prefix, day] = key.split('|');
    return { prefix, day, seq };
  });
  await sql`
    insert into case_number_counters (prefix, day, seq)
    select prefix, day, seq from jsonb_populate_recordset(null::case_number_counters, ${JSON.stringify(counterRows)}::jsonb)
    on conflict (prefix, day) do update set seq = greatest(case_number_counters.seq, excluded.seq)`.execute(db);
  await insertRows(db, [
    auditInsert({
      actor: null,
      action: 'cases.demo.history',
      entityType: 'demo',
      after: { seed: opts.seed, today, cases: caseRows.length, events: eventRows.length },
    }),
  ]);
  facts.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return { cases: facts, events: eventRows.length };
}

/** Rows written as one JSON parameter per chunk, typed by the table itself. */
async function bulkInsert(db: Db, table: string, rows: Record<string, unknown>[], chunk: number): Promise<void> {
  if (!rows.length) return;
  const cols = sql.join(Object.keys(rows[0]!).map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await sql`insert into ${sql.table(table)} (${cols}) select ${cols} from jsonb_populate_recordset(null::${sql.table(table)}, ${json}::jsonb)`.execute(
      db,
    );
  }
}
