/** Projects 交易项目 with their lots 标段, and their announcements 公告: registering, reading, publishing. */
import { recordAudit } from '../../platform/audit';
import { hasRole, type Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { fieldError, fieldErrors, notFound, staleVersion, unprocessable, type FieldError } from '../../platform/errors';
import type { PageRequest } from '../../platform/paging';
import { todayInShanghai } from '../calendar/index';
import { checkCreditCode } from '../identity/index';
import { getRegion } from '../org/index';
import { requireFirm, reachOf, type Ctx, type Firm } from './trading.context';
import { ANNOUNCEMENT_LABELS, KINDS, PROCEDURE_LABELS, procedureProblem } from './trading.kinds';
import { reaches } from './trading.policy';
import * as repo from './trading.repository';
import {
  beforeDeadline,
  bidPeriodProblem,
  changeNoticeProblem,
  depositProblem,
  publicityProblems,
  publicityStartDue,
} from './trading.rules';
import type { AnnouncementBody, AnnouncementView, CreateProjectBody, ProjectView } from './trading.schemas';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toAnnouncementView = (a: repo.AnnouncementRow): AnnouncementView => ({
  id: a.id,
  projectId: a.project_id,
  kind: a.kind,
  kindLabel: ANNOUNCEMENT_LABELS[a.kind],
  title: a.title,
  content: a.content,
  state: a.state,
  evaluationReportOn: a.evaluation_report_on,
  publicityFrom: iso(a.publicity_from),
  publicityTo: iso(a.publicity_to),
  newBidDeadline: iso(a.new_bid_deadline),
  submittedAt: a.submitted_at.toISOString(),
  publishedAt: iso(a.published_at),
  version: a.version,
});

export const toProjectItem = (p: repo.ProjectRow) => ({
  id: p.id,
  number: p.number,
  kind: p.kind,
  kindLabel: KINDS[p.kind].label,
  procedure: p.procedure,
  procedureLabel: PROCEDURE_LABELS[p.procedure],
  title: p.title,
  regionCode: p.region_code,
  tenderer: { creditCode: p.tenderer_credit_code, name: p.tenderer_name },
  agency: p.agency_credit_code ? { creditCode: p.agency_credit_code, name: p.agency_name ?? '' } : null,
  documentsIssuedAt: p.documents_issued_at.toISOString(),
  bidDeadline: p.bid_deadline.toISOString(),
  createdAt: p.created_at.toISOString(),
  version: p.version,
});

export const toLot = (l: repo.LotRow) => ({
  id: l.id,
  seq: l.seq,
  name: l.name,
  estimate: Number(l.estimate),
  deposit: Number(l.deposit),
});

function projectView(p: repo.ProjectRow, lots: repo.LotRow[], announcements: repo.AnnouncementRow[]): ProjectView {
  return {
    ...toProjectItem(p),
    basis: KINDS[p.kind].basis,
    estimate: lots.reduce((s, l) => s + Math.round(Number(l.estimate) * 100), 0) / 100,
    lots: lots.map(toLot),
    announcements: announcements.map(toAnnouncementView),
  };
}

/** The firms a project names: the actor's own firm in its role, the other as the body names it. */
function partiesOf(actor: Actor, own: Firm, body: CreateProjectBody): { tenderer: Firm; agency: Firm | null } {
  const checked = (f: Firm, field: string): Firm => {
    const problem = checkCreditCode(f.creditCode);
    if (problem) throw fieldError(`${field}.creditCode`, problem);
    return f;
  };
  if (hasRole(actor, 'tenderer')) {
    if (body.tenderer && body.tenderer.creditCode !== own.creditCode)
      throw fieldError('tenderer.creditCode', '招标人登记的项目，招标人为本单位');
    return { tenderer: own, agency: body.agency ? checked(body.agency, 'agency') : null };
  }
  if (body.agency && body.agency.creditCode !== own.creditCode)
    throw fieldError('agency.creditCode', '招标代理登记的项目，招标代理为本单位');
  if (!body.tenderer) throw fieldError('tenderer', '招标代理登记项目时须填写招标人');
  return { tenderer: checked(body.tenderer, 'tenderer'), agency: own };
}

/** Every rule a new project breaks, by field (the procedure, the bid period, each lot's deposit). */
function projectProblems(body: CreateProjectBody, issued: Date, deadline: Date): FieldError[] {
  const out: FieldError[] = [];
  const procedure = procedureProblem(body.kind, body.procedure);
  if (procedure) out.push({ field: 'procedure', message: procedure });
  if (KINDS[body.kind].tendering) {
    const period = bidPeriodProblem(issued, deadline);
    if (period) out.push({ field: 'bidDeadline', message: period });
    body.lots.forEach((l, i) => {
      const deposit = depositProblem(l.estimate, l.deposit);
      if (deposit) out.push({ field: `lots.${i}.deposit`, message: deposit });
    });
  } else if (deadline.getTime() <= issued.getTime())
    out.push({ field: 'bidDeadline', message: '截止时间应晚于公告发出时间' });
  return out;
}

export async function createProject(db: Db, ctx: Ctx, body: CreateProjectBody): Promise<ProjectView> {
  const { actor, now } = ctx;
  const own = await requireFirm(db, actor);
  const { tenderer, agency } = partiesOf(actor, own, body);
  const region = await getRegion(db, body.regionCode);
  if (!region || !region.active) throw fieldError('regionCode', '区划不存在或已停用');
  const issued = new Date(body.documentsIssuedAt);
  const deadline = new Date(body.bidDeadline);
  const problems = projectProblems(body, issued, deadline);
  if (problems.length) throw fieldErrors(problems, 'trading_rule');
  return db.transaction().execute(async (tx) => {
    const row = await repo.insertProject(tx, {
      number: await repo.nextProjectNumber(tx, todayInShanghai(now).slice(0, 4)),
      kind: body.kind,
      procedure: body.procedure,
      title: body.title,
      region_code: region.code,
      tenderer_credit_code: tenderer.creditCode,
      tenderer_name: tenderer.name,
      agency_credit_code: agency?.creditCode ?? null,
      agency_name: agency?.name ?? null,
      documents_issued_at: issued,
      bid_deadline: deadline,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    const lots = await repo.insertLots(
      tx,
      body.lots.map((l, i) => ({
        project_id: row.id,
        seq: i + 1,
        name: l.name,
        estimate: l.estimate,
        deposit: l.deposit,
      })),
    );
    const view = projectView(row, lots, []);
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'trading.project.create',
      entityType: 'trading_project',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

/** A project as the actor may see it, or 404. */
async function reachableProject(db: Db | Tx, actor: Actor, id: string): Promise<repo.ProjectRow> {
  const row = await repo.getProject(db, id);
  const reach = await reachOf(db, actor);
  if (
    !row ||
    !reaches(reach, {
      regionCode: row.region_code,
      tendererCreditCode: row.tenderer_credit_code,
      agencyCreditCode: row.agency_credit_code,
    })
  )
    throw notFound('交易项目');
  return row;
}

export async function getProjectView(db: Db, actor: Actor, id: string): Promise<ProjectView> {
  const row = await reachableProject(db, actor, id);
  const [lots, announcements] = await Promise.all([repo.lotsOf(db, [id]), repo.announcementsOf(db, id)]);
  return projectView(row, lots, announcements);
}

export async function listProjects(db: Db, actor: Actor, f: repo.ProjectFilter & PageRequest) {
  const reach = await reachOf(db, actor);
  if (!reach) return { total: 0, page: f.page, pageSize: f.pageSize, items: [] };
  const page = await repo.listProjects(db, reach, f, f);
  return { total: page.total, page: f.page, pageSize: f.pageSize, items: page.items.map(toProjectItem) };
}

/** The dates a candidates' publicity needs, and the rules they obey; 400 naming the field. */
function publicityOf(body: AnnouncementBody) {
  if (body.kind !== 'candidates') return { evaluation_report_on: null, publicity_from: null, publicity_to: null };
  const missing: FieldError[] = [];
  if (!body.evaluationReportOn)
    missing.push({ field: 'evaluationReportOn', message: '中标候选人公示须填写收到评标报告之日' });
  if (!body.publicityFrom) missing.push({ field: 'publicityFrom', message: '中标候选人公示须填写公示开始时间' });
  if (!body.publicityTo) missing.push({ field: 'publicityTo', message: '中标候选人公示须填写公示结束时间' });
  if (missing.length) throw fieldErrors(missing);
  const from = new Date(body.publicityFrom!);
  const to = new Date(body.publicityTo!);
  const problems = publicityProblems(body.evaluationReportOn!, from, to);
  if (problems.length) throw fieldErrors(problems, 'trading_rule');
  return { evaluation_report_on: body.evaluationReportOn!, publicity_from: from, publicity_to: to };
}

/**
 * The new bid deadline a change announcement sets, checked as if published now (400 `bidDeadline`): still 20
 * days after the documents (§24), at least 15 days after the change (§21), and only before the deadline.
 */
function newDeadlineOf(project: repo.ProjectRow, body: AnnouncementBody, now: Date): Date | null {
  if (!body.bidDeadline) return null;
  if (body.kind !== 'change') throw fieldError('bidDeadline', '仅变更公告可以变更投标截止时间');
  const deadline = new Date(body.bidDeadline);
  const problem = deadlineChangeProblem(project, deadline, now);
  if (problem) throw fieldError('bidDeadline', problem, 'trading_rule');
  return deadline;
}

function deadlineChangeProblem(project: repo.ProjectRow, deadline: Date, now: Date): string | null {
  if (!beforeDeadline(now, project.bid_deadline)) return '投标截止后不得变更投标截止时间';
  return bidPeriodProblem(project.documents_issued_at, deadline) ?? changeNoticeProblem(now, deadline);
}

/**
 * A tenderer or agency submits an announcement of its project; it waits for the trading centre, which
 * checks and publishes it (发布审核), so that nothing appears on the public list unseen.
 */
export async function submitAnnouncement(
  db: Db,
  ctx: Ctx,
  projectId: string,
  body: AnnouncementBody,
): Promise<AnnouncementView> {
  const { actor, now } = ctx;
  const project = await reachableProject(db, actor, projectId);
  const publicity = publicityOf(body);
  const newDeadline = newDeadlineOf(project, body, now);
  return db.transaction().execute(async (tx) => {
    const row = await repo.insertAnnouncement(tx, {
      project_id: projectId,
      kind: body.kind,
      title: body.title,
      content: body.content,
      state: 'pending',
      ...publicity,
      new_bid_deadline: newDeadline,
      submitted_by: actor.id,
      submitted_at: now,
    });
    const view = toAnnouncementView(row);
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'trading.announcement.submit',
      entityType: 'trading_announcement',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

/** The trading centre publishes a pending announcement of a project in its region (409 on a stale version). */
export async function publishAnnouncement(db: Db, ctx: Ctx, id: string, version: number): Promise<AnnouncementView> {
  const { actor, now } = ctx;
  const before = await repo.getAnnouncement(db, id);
  if (!before) throw notFound('公告');
  const project = await reachableProject(db, actor, before.project_id).catch(() => {
    throw notFound('公告');
  });
  if (before.state === 'published') throw unprocessable('公告已发布', [], 'already_published');
  if (before.version !== version) throw staleVersion('公告', { current: before.version, submitted: version });
  if (before.kind === 'candidates' && todayInShanghai(now) > publicityStartDue(before.evaluation_report_on!))
    throw unprocessable(
      `已超过收到评标报告之日起 3 日内公示中标候选人的期限（${publicityStartDue(before.evaluation_report_on!)}）`,
      [],
      'publicity_late',
    );
  if (before.new_bid_deadline) {
    const problem = deadlineChangeProblem(project, before.new_bid_deadline, now);
    if (problem) throw unprocessable(`变更公告不能发布：${problem}`, [], 'trading_rule');
  }
  return db.transaction().execute(async (tx) => {
    const row = await repo.publishAnnouncement(tx, id, version, actor.id, now);
    if (!row) {
      const current = await repo.getAnnouncement(tx, id);
      throw staleVersion('公告', current ? { current: current.version, submitted: version } : undefined);
    }
    if (row.new_bid_deadline) {
      const changed = await repo.setBidDeadline(tx, project.id, project.version, row.new_bid_deadline, now);
      if (!changed) throw staleVersion('交易项目');
      await recordAudit(tx, {
        actor,
        ip: ctx.ip,
        action: 'trading.project.change-deadline',
        entityType: 'trading_project',
        entityId: project.id,
        before: { bidDeadline: project.bid_deadline.toISOString(), version: project.version },
        after: { bidDeadline: changed.bid_deadline.toISOString(), version: changed.version, announcementId: id },
      });
    }
    const view = toAnnouncementView(row);
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'trading.announcement.publish',
      entityType: 'trading_announcement',
      entityId: id,
      before: toAnnouncementView(before),
      after: view,
    });
    return view;
  });
}
