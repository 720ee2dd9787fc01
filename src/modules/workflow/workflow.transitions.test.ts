/**
 * Exhaustive transition tables: for every (status, action, performer) of the standard, immediate and
 * site-inspection definitions, the outcome expected by a hand-written table (never read from the
 * definition under test).
 */
import { describe, expect, it } from 'vitest';
import {
  availableActions,
  immediateDefinition,
  standardDefinition,
  transition,
  withExtraSteps,
  type ClockEffect,
  type Performer,
  type ProcessDefinition,
} from './index';

const ALL_PERFORMERS: Performer[] = [
  'owner',
  'admin',
  'supervisor',
  'clerk',
  'approver',
  'chief',
  'agent',
  'applicant',
];
/** Every action name tried, including names no default knows. */
const ALL_ACTIONS = [
  'submit',
  'prereview-pass',
  'request-correction',
  'resubmit',
  'refuse',
  'accept',
  'review-pass',
  'return',
  'grant',
  'deny',
  'suspend',
  'resume',
  'issue-certificate',
  'deliver',
  'withdraw',
  'inspection-pass',
  'approve',
  '',
];

interface Expect {
  to: string; // '@previous' = back to the snapshot's suspendedFrom
  by: Performer[];
  clock?: ClockEffect;
}
type Table = Record<string, Record<string, Expect>>;

const OWNER: Performer[] = ['owner'];
const CLERK: Performer[] = ['clerk'];
const OWNER_CLERK: Performer[] = ['owner', 'clerk'];
const BACK_OFFICE: Performer[] = ['approver', 'chief'];

/** 承诺件 (standard). */
const STANDARD: Table = {
  draft: {
    submit: { to: 'submitted', by: OWNER_CLERK },
    withdraw: { to: 'withdrawn', by: OWNER },
  },
  submitted: {
    'prereview-pass': { to: 'prereviewed', by: CLERK },
    'request-correction': { to: 'correction_requested', by: CLERK },
    refuse: { to: 'refused', by: CLERK },
    accept: { to: 'accepted', by: CLERK, clock: 'start' },
    withdraw: { to: 'withdrawn', by: OWNER },
  },
  correction_requested: {
    resubmit: { to: 'submitted', by: OWNER_CLERK },
    withdraw: { to: 'withdrawn', by: OWNER },
  },
  prereviewed: {
    'request-correction': { to: 'correction_requested', by: CLERK },
    refuse: { to: 'refused', by: CLERK },
    accept: { to: 'accepted', by: CLERK, clock: 'start' },
    withdraw: { to: 'withdrawn', by: OWNER },
  },
  refused: {},
  accepted: {
    'review-pass': { to: 'reviewed', by: ['approver'] },
    suspend: { to: 'suspended', by: BACK_OFFICE, clock: 'stop' },
    withdraw: { to: 'withdrawn', by: OWNER, clock: 'end' },
  },
  reviewed: {
    grant: { to: 'granted', by: ['chief'] },
    deny: { to: 'denied', by: ['chief'], clock: 'end' },
    return: { to: 'accepted', by: ['chief'] },
    suspend: { to: 'suspended', by: BACK_OFFICE, clock: 'stop' },
    withdraw: { to: 'withdrawn', by: OWNER, clock: 'end' },
  },
  suspended: {
    resume: { to: '@previous', by: BACK_OFFICE, clock: 'resume' },
    withdraw: { to: 'withdrawn', by: OWNER, clock: 'end' },
  },
  granted: {
    'issue-certificate': { to: 'certificate_issued', by: ['clerk', 'approver'] },
  },
  denied: {},
  certificate_issued: {
    deliver: { to: 'completed', by: CLERK, clock: 'end' },
  },
  completed: {},
  withdrawn: {},
};

/** 即办件 (immediate): the window decides on the spot. */
const IMMEDIATE: Table = {
  draft: STANDARD.draft!,
  submitted: STANDARD.submitted!,
  correction_requested: STANDARD.correction_requested!,
  prereviewed: STANDARD.prereviewed!,
  refused: {},
  accepted: {
    grant: { to: 'granted', by: CLERK },
    deny: { to: 'denied', by: CLERK, clock: 'end' },
    withdraw: { to: 'withdrawn', by: OWNER, clock: 'end' },
  },
  granted: {
    'issue-certificate': { to: 'certificate_issued', by: ['clerk', 'approver'] },
  },
  denied: {},
  certificate_issued: {
    deliver: { to: 'completed', by: CLERK, clock: 'end' },
  },
  completed: {},
  withdrawn: {},
  // statuses of the standard path that the immediate one does not have
  reviewed: {},
  suspended: {},
};

/** Standard + 现场踏勘 after acceptance (as the demo 食品经营许可). */
const SITE: Table = {
  ...STANDARD,
  accepted: {
    'review-pass': { to: 'site_inspection', by: ['approver'] },
    suspend: { to: 'suspended', by: BACK_OFFICE, clock: 'stop' },
    withdraw: { to: 'withdrawn', by: OWNER, clock: 'end' },
  },
  site_inspection: {
    'inspection-pass': { to: 'reviewed', by: ['approver'] },
    return: { to: 'accepted', by: ['approver'] },
    suspend: { to: 'suspended', by: BACK_OFFICE, clock: 'stop' },
    withdraw: { to: 'withdrawn', by: OWNER, clock: 'end' },
  },
  reviewed: {
    ...STANDARD.reviewed!,
    return: { to: 'site_inspection', by: ['chief'] },
  },
};

const TERMINAL = new Set(['refused', 'denied', 'completed', 'withdrawn']);
const STANDARD_KNOWN = [
  'submit',
  'prereview-pass',
  'request-correction',
  'resubmit',
  'refuse',
  'accept',
  'review-pass',
  'return',
  'grant',
  'deny',
  'suspend',
  'resume',
  'issue-certificate',
  'deliver',
  'withdraw',
];
const IMMEDIATE_KNOWN = [
  'submit',
  'prereview-pass',
  'request-correction',
  'resubmit',
  'refuse',
  'accept',
  'grant',
  'deny',
  'issue-certificate',
  'deliver',
  'withdraw',
];

const siteDefinition = () =>
  withExtraSteps(standardDefinition(), [
    { code: 'site_inspection', label: '现场踏勘', performers: ['approver'], limitDays: 2, after: 'accepted' },
  ]);

interface Case {
  name: string;
  def: () => ProcessDefinition;
  table: Table;
  known: string[];
  /** Statuses a suspended case may return to. */
  suspendedFrom: string[];
}

const CASES: Case[] = [
  {
    name: 'standard 承诺件',
    def: standardDefinition,
    table: STANDARD,
    known: STANDARD_KNOWN,
    suspendedFrom: ['accepted', 'reviewed'],
  },
  {
    name: 'immediate 即办件',
    def: immediateDefinition,
    table: IMMEDIATE,
    known: IMMEDIATE_KNOWN,
    suspendedFrom: ['accepted'],
  },
  {
    name: 'standard + site_inspection',
    def: siteDefinition,
    table: SITE,
    known: [...STANDARD_KNOWN, 'inspection-pass'],
    suspendedFrom: ['accepted', 'site_inspection', 'reviewed'],
  },
];

for (const c of CASES) {
  describe(`transition table: ${c.name}`, () => {
    const def = c.def();
    const rows = Object.keys(c.table).flatMap((status) => ALL_ACTIONS.map((action) => [status, action] as const));

    it.each(rows)('%s × %s for every performer', (status, action) => {
      const snapshots =
        status === 'suspended'
          ? c.suspendedFrom.map((f) => ({ status, suspendedFrom: f }))
          : [{ status, suspendedFrom: null }];
      for (const snapshot of snapshots) {
        for (const who of ALL_PERFORMERS) {
          const r = transition(def, snapshot, action, { performers: [who] });
          const tag = `${status}(${snapshot.suspendedFrom ?? '-'}) ${action} by ${who}`;
          const e = c.table[status]![action];
          if (!c.known.includes(action)) {
            expect(r, tag).toMatchObject({ ok: false, code: 'unknown_action' });
          } else if (!e) {
            expect(r, tag).toMatchObject({ ok: false, code: 'state' });
          } else if (!e.by.includes(who)) {
            expect(r, tag).toMatchObject({ ok: false, code: 'role' });
          } else {
            const to = e.to === '@previous' ? snapshot.suspendedFrom! : e.to;
            expect(r, tag).toMatchObject({
              ok: true,
              status: to,
              fromStatus: status,
              clock: e.clock ?? null,
              terminal: TERMINAL.has(to),
              suspendedFrom: action === 'suspend' ? status : null,
            });
            if (r.ok) expect(r.action.action, tag).toBe(action);
          }
          if (!r.ok) expect(r.message, tag).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    });

    it.each(Object.keys(c.table))('availableActions at %s are exactly the table row, per performer', (status) => {
      const snapshot = { status, suspendedFrom: status === 'suspended' ? c.suspendedFrom[0]! : null };
      for (const who of ALL_PERFORMERS) {
        const expected = Object.entries(c.table[status]!)
          .filter(([, e]) => e.by.includes(who))
          .map(([a]) => a)
          .sort();
        expect(
          availableActions(def, snapshot, { performers: [who] })
            .map((a) => a.action)
            .sort(),
          `${status} ${who}`,
        ).toEqual(expected);
      }
    });
  });
}

describe('transition details', () => {
  const def = standardDefinition();

  it('checks in the order unknown action → state → role', () => {
    expect(transition(def, { status: 'draft', suspendedFrom: null }, 'approve', { performers: [] })).toMatchObject({
      code: 'unknown_action',
    });
    expect(transition(def, { status: 'draft', suspendedFrom: null }, 'grant', { performers: [] })).toMatchObject({
      code: 'state',
    });
    expect(transition(def, { status: 'reviewed', suspendedFrom: null }, 'grant', { performers: [] })).toMatchObject({
      code: 'role',
    });
  });

  it('names the action, the status and the allowed performers in Chinese', () => {
    const state = transition(def, { status: 'draft', suspendedFrom: null }, 'grant', { performers: ['chief'] });
    expect(state).toEqual({ ok: false, code: 'state', message: '办件当前为「草稿」，不能执行「准予许可」' });
    const role = transition(def, { status: 'reviewed', suspendedFrom: null }, 'grant', { performers: ['approver'] });
    expect(role).toEqual({ ok: false, code: 'role', message: '「准予许可」只能由审批办主任执行' });
    expect(transition(def, { status: 'draft', suspendedFrom: null }, 'approve', { performers: ['chief'] })).toEqual({
      ok: false,
      code: 'unknown_action',
      message: '未知的操作「approve」',
    });
  });

  it('an actor with several performers passes when any of them is allowed', () => {
    const r = transition(def, { status: 'reviewed', suspendedFrom: null }, 'grant', {
      performers: ['approver', 'chief'],
    });
    expect(r).toMatchObject({ ok: true, status: 'granted' });
  });

  it('suspend remembers where the case was; resume returns there and forgets it', () => {
    const s = transition(def, { status: 'reviewed', suspendedFrom: null }, 'suspend', { performers: ['approver'] });
    expect(s).toMatchObject({ ok: true, status: 'suspended', suspendedFrom: 'reviewed', clock: 'stop' });
    const r = transition(def, { status: 'suspended', suspendedFrom: 'reviewed' }, 'resume', { performers: ['chief'] });
    expect(r).toMatchObject({
      ok: true,
      status: 'reviewed',
      suspendedFrom: null,
      clock: 'resume',
      fromStatus: 'suspended',
    });
    const w = transition(def, { status: 'suspended', suspendedFrom: 'reviewed' }, 'withdraw', {
      performers: ['owner'],
    });
    expect(w).toMatchObject({ ok: true, status: 'withdrawn', suspendedFrom: null, clock: 'end', terminal: true });
  });

  it('refuses to resume without a recorded previous status, or to one the definition lacks', () => {
    expect(
      transition(def, { status: 'suspended', suspendedFrom: null }, 'resume', { performers: ['chief'] }),
    ).toMatchObject({ ok: false, code: 'state' });
    expect(
      transition(def, { status: 'suspended', suspendedFrom: 'site_inspection' }, 'resume', { performers: ['chief'] }),
    ).toMatchObject({
      ok: false,
      code: 'state',
    });
    expect(availableActions(def, { status: 'suspended', suspendedFrom: null }, { performers: ['chief'] })).toEqual([]);
  });

  it('a status the definition does not know allows nothing', () => {
    expect(
      transition(def, { status: 'archived', suspendedFrom: null }, 'withdraw', { performers: ['owner'] }),
    ).toMatchObject({
      ok: false,
      code: 'state',
      message: '办件当前为「archived」，不能执行「撤回申请」',
    });
  });

  it('one window clerk carries an immediate case from registration to completion in one visit', () => {
    const imm = immediateDefinition();
    let snap = { status: 'draft', suspendedFrom: null as string | null };
    const path: string[] = [];
    for (const action of ['submit', 'accept', 'grant', 'issue-certificate', 'deliver']) {
      const r = transition(imm, snap, action, { performers: ['clerk'] });
      if (!r.ok) throw new Error(r.message);
      path.push(r.status);
      snap = { status: r.status, suspendedFrom: r.suspendedFrom };
    }
    expect(path).toEqual(['submitted', 'accepted', 'granted', 'certificate_issued', 'completed']);
  });

  it('the standard path needs the window, the approver and the chief', () => {
    let snap = { status: 'draft', suspendedFrom: null as string | null };
    const steps: [string, Performer][] = [
      ['submit', 'owner'],
      ['prereview-pass', 'clerk'],
      ['accept', 'clerk'],
      ['review-pass', 'approver'],
      ['suspend', 'approver'],
      ['resume', 'approver'],
      ['return', 'chief'],
      ['review-pass', 'approver'],
      ['grant', 'chief'],
      ['issue-certificate', 'approver'],
      ['deliver', 'clerk'],
    ];
    const seen: string[] = [];
    for (const [action, who] of steps) {
      const r = transition(def, snap, action, { performers: [who] });
      if (!r.ok) throw new Error(`${action}: ${r.message}`);
      seen.push(r.status);
      snap = { status: r.status, suspendedFrom: r.suspendedFrom };
    }
    expect(seen).toEqual([
      'submitted',
      'prereviewed',
      'accepted',
      'reviewed',
      'suspended',
      'reviewed',
      'accepted',
      'reviewed',
      'granted',
      'certificate_issued',
      'completed',
    ]);
  });
});
