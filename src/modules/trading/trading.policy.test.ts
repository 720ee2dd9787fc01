import { describe, expect, it } from 'vitest';
import { actorWith } from '../../../test/actors';
import {
  assertBids,
  assertKeepsCredit,
  assertOpens,
  assertPublishes,
  assertRegistersProjects,
  assertSeesProjects,
  isBidder,
  projectReach,
  reaches,
} from './trading.policy';

const TENDERER = '12211100MB1J00010N';
const AGENCY = '91211100MA0TD0001L';
const project = { regionCode: '211103', tendererCreditCode: TENDERER, agencyCreditCode: AGENCY };

describe('trading policy', () => {
  it('lets tenderers and agencies register projects, and nobody else', () => {
    expect(() => assertRegistersProjects(actorWith(['tenderer'], { kind: 'company' }))).not.toThrow();
    expect(() => assertRegistersProjects(actorWith(['agency'], { kind: 'company' }))).not.toThrow();
    expect(() => assertRegistersProjects(actorWith(['trading']))).toThrow('仅招标人和招标代理可登记交易项目');
    expect(() => assertRegistersProjects(actorWith(['bidder'], { kind: 'company' }))).toThrow(/招标代理/);
  });

  it('lets only the centre publish, and lets bidders see no project', () => {
    expect(() => assertPublishes(actorWith(['trading']))).not.toThrow();
    expect(() => assertOpens(actorWith(['tenderer'], { kind: 'company' }))).toThrow('仅交易中心工作人员可开标');
    expect(() => assertKeepsCredit(actorWith(['admin']))).toThrow('仅交易中心工作人员可录入严重失信主体');
    expect(() => assertPublishes(actorWith(['agency'], { kind: 'company' }))).toThrow('仅交易中心工作人员可发布公告');
    expect(() => assertSeesProjects(actorWith(['bidder'], { kind: 'company' }))).toThrow(/交易中心/);
    expect(() => assertSeesProjects(actorWith(['admin']))).toThrow(/交易中心/);
  });

  it('takes bids only from a company account holding the bidder role', () => {
    expect(isBidder(actorWith(['bidder'], { kind: 'company' }))).toBe(true);
    expect(isBidder(actorWith(['bidder'], { kind: 'person' }))).toBe(false);
    expect(() => assertBids(actorWith(['tenderer'], { kind: 'company' }))).toThrow('仅投标企业账号可报名和投标');
  });

  it('reaches a project through the firm it names, or the centre’s region subtree', () => {
    const tenderer = projectReach(actorWith(['tenderer'], { kind: 'company' }), TENDERER);
    const agency = projectReach(actorWith(['agency'], { kind: 'company' }), AGENCY);
    const other = projectReach(actorWith(['agency'], { kind: 'company' }), '91211103MA0BD00019');
    expect(reaches(tenderer, project)).toBe(true);
    expect(reaches(agency, project)).toBe(true);
    expect(reaches(other, project)).toBe(false);
    expect(reaches(projectReach(actorWith(['trading'], { regionPrefix: '2111' }), null), project)).toBe(true);
    expect(reaches(projectReach(actorWith(['trading'], { regionPrefix: '211104' }), null), project)).toBe(false);
    // A firm without a verified credit code reaches nothing.
    expect(projectReach(actorWith(['tenderer'], { kind: 'company' }), null)).toBeNull();
    expect(reaches(null, project)).toBe(false);
  });
});
