/** The knowledge base 知识库: search, entries and their versions, review and publishing, use counts. */
import { recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { conflict, fieldError, notFound, staleVersion } from '../../platform/errors';
import { todayInShanghai } from '../calendar/index';
import { categoriesOf, type Ctx } from './hotline.context';
import { callerTokens, entryIndex, KB_STATE_LABELS, kbTransition, type KbAction } from './hotline.kb.rules';
import { isChief } from './hotline.policy';
import * as repo from './hotline.repository';
import type { KbBody, KbQuery, KbUpdateBody } from './hotline.schemas';

const kbItem = (e: repo.KbRow) => ({
  id: e.id,
  question: e.question,
  answer: e.answer,
  categoryCode: e.category_code,
  sourceDepartment: e.source_department,
  validFrom: e.valid_from,
  validTo: e.valid_to,
  state: e.state,
  stateLabel: KB_STATE_LABELS[e.state],
  version: e.version,
  useCount: e.use_count,
  notHelpfulCount: e.not_helpful_count,
  updatedAt: e.updated_at.toISOString(),
});

/**
 * Entries for a caller's words: published and in force for everyone; the centre may look at any state.
 * Ranked by words of the question matched, then of the whole entry, then by use.
 */
export async function searchKb(db: Db, actor: Actor, query: KbQuery, now: Date) {
  const { page, pageSize, q: text, category, state } = query;
  const chief = isChief(actor);
  const res = await repo.searchKb(
    db,
    {
      text: text || undefined,
      tokens: text ? callerTokens(text) : [],
      category,
      state: chief ? state : 'published',
      inForceOn: chief && state ? undefined : todayInShanghai(now),
    },
    { page, pageSize },
  );
  return { total: res.total, page, pageSize, items: res.items.map(kbItem) };
}

async function viewOf(db: Db | Tx, e: repo.KbRow) {
  const versions = await repo.kbVersions(db, e.id);
  return {
    ...kbItem(e),
    versions: versions.map((v) => ({
      version: v.version,
      question: v.question,
      answer: v.answer,
      state: v.state,
      byName: v.by_name,
      at: v.at.toISOString(),
    })),
  };
}

/** One entry with its versions: a published one for everyone, any for the centre. */
export async function getKbEntry(db: Db, actor: Actor, id: string) {
  const e = await repo.getKb(db, id);
  if (!e || (e.state !== 'published' && !isChief(actor))) throw notFound('知识条目');
  return viewOf(db, e);
}

async function checkCategory(db: Db | Tx, code: string | undefined) {
  if (code && !(await categoriesOf(db)).has(code)) throw fieldError('categoryCode', `分类 ${code} 不存在`);
}

const contentOf = (b: KbBody) => ({
  question: b.question,
  answer: b.answer,
  category_code: b.categoryCode ?? null,
  source_department: b.sourceDepartment,
  valid_from: b.validFrom ?? null,
  valid_to: b.validTo ?? null,
  ...entryIndex(b.question, b.answer),
});

async function recordVersion(tx: Tx, e: repo.KbRow, actor: Actor, now: Date) {
  await repo.insertKbVersion(tx, {
    entry_id: e.id,
    version: e.version,
    question: e.question,
    answer: e.answer,
    category_code: e.category_code,
    source_department: e.source_department,
    valid_from: e.valid_from,
    valid_to: e.valid_to,
    state: e.state,
    by_name: actor.name,
    at: now,
  });
}

/** A new entry, as a draft. */
export async function createKbEntry(db: Db, ctx: Ctx, body: KbBody) {
  await checkCategory(db, body.categoryCode);
  return db.transaction().execute(async (tx) => {
    const e = await repo.insertKb(tx, {
      ...contentOf(body),
      state: 'draft',
      origin: 'manual',
      created_by: ctx.actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    await recordVersion(tx, e, ctx.actor, ctx.now);
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'hotline.kb.create',
      entityType: 'hotline_kb_entry',
      entityId: e.id,
      after: { question: e.question },
    });
    return viewOf(tx, e);
  });
}

/** Changes an entry's text: a new version, back to draft (it is reviewed again before it is published). */
export async function updateKbEntry(db: Db, ctx: Ctx, id: string, body: KbUpdateBody) {
  await checkCategory(db, body.categoryCode);
  return db.transaction().execute(async (tx) => {
    const before = await repo.getKb(tx, id);
    if (!before) throw notFound('知识条目');
    if (before.version !== body.version)
      throw staleVersion('知识条目', { current: before.version, submitted: body.version });
    const e = await repo.updateKb(tx, id, before.version, {
      ...contentOf(body),
      state: 'draft',
      version: before.version + 1,
      updated_at: ctx.now,
    });
    if (!e) throw staleVersion('知识条目', { current: before.version + 1, submitted: body.version });
    await recordVersion(tx, e, ctx.actor, ctx.now);
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'hotline.kb.update',
      entityType: 'hotline_kb_entry',
      entityId: id,
      before: { version: before.version, question: before.question, answer: before.answer, state: before.state },
      after: { version: e.version, question: e.question, answer: e.answer, state: e.state },
    });
    return viewOf(tx, e);
  });
}

/** Submits, publishes, returns, withdraws or restores an entry. */
export async function actOnKbEntry(db: Db, ctx: Ctx, id: string, action: KbAction, version: number) {
  return db.transaction().execute(async (tx) => {
    const before = await repo.getKb(tx, id);
    if (!before) throw notFound('知识条目');
    if (before.version !== version) throw staleVersion('知识条目', { current: before.version, submitted: version });
    const r = kbTransition(before.state, action);
    if (!r.ok) throw conflict(r.message, 'kb_state');
    const e = await repo.updateKb(tx, id, version, { state: r.to, version: version + 1, updated_at: ctx.now });
    if (!e) throw staleVersion('知识条目', { current: version + 1, submitted: version });
    await recordVersion(tx, e, ctx.actor, ctx.now);
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: `hotline.kb.${action}`,
      entityType: 'hotline_kb_entry',
      entityId: id,
      before: { state: before.state, version },
      after: { state: e.state, version: e.version },
    });
    return viewOf(tx, e);
  });
}

/** "Not helpful" feedback from whoever read a published entry. */
export async function markNotHelpful(db: Db, ctx: Ctx, id: string) {
  return db.transaction().execute(async (tx) => {
    const row = await repo.bumpKbCount(tx, id, 'not_helpful_count');
    if (!row) throw notFound('知识条目');
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'hotline.kb.not-helpful',
      entityType: 'hotline_kb_entry',
      entityId: id,
      after: { notHelpful: row.not_helpful_count },
    });
    return { id, useCount: row.use_count, notHelpfulCount: row.not_helpful_count };
  });
}

/** Counts one use of a published entry (直接答复 from it); a 400 on `field` when there is no such entry. */
export async function countKbUse(tx: Tx, id: string, field: string): Promise<void> {
  if (!(await repo.bumpKbCount(tx, id, 'use_count'))) throw fieldError(field, '知识条目不存在或未发布');
}
