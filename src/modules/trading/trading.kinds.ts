/**
 * What public-resource trading 公共资源交易 knows as data: the kinds of transaction, the procedures each
 * kind may use, and the kinds of announcement. Pure; the schemas, the service and the web take their
 * codes and labels from here.
 */

export const PROJECT_KINDS = ['works', 'procurement', 'land', 'mining', 'state_assets', 'medical'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROCEDURES = ['open', 'invited', 'negotiation', 'auction'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export interface KindInfo {
  label: string;
  /** The procedures this kind of transaction is carried out by. */
  procedures: readonly Procedure[];
  /** The law it is carried out under (shown with the project). */
  basis: string;
  /** Whether the tendering time rules (招标投标法 §24, 实施条例 §26) apply to it. */
  tendering: boolean;
}

export const KINDS: Record<ProjectKind, KindInfo> = {
  works: {
    label: '工程建设招标',
    procedures: ['open', 'invited'],
    basis: '《中华人民共和国招标投标法》《中华人民共和国招标投标法实施条例》',
    tendering: true,
  },
  procurement: {
    label: '政府采购',
    procedures: ['open', 'invited', 'negotiation'],
    basis: '《中华人民共和国政府采购法》《中华人民共和国政府采购法实施条例》',
    tendering: true,
  },
  land: {
    label: '土地使用权出让',
    procedures: ['auction'],
    basis: '《招标拍卖挂牌出让国有建设用地使用权规定》',
    tendering: false,
  },
  mining: {
    label: '矿业权出让',
    procedures: ['auction'],
    basis: '《矿业权出让交易规则》',
    tendering: false,
  },
  state_assets: {
    label: '国有产权交易',
    procedures: ['auction'],
    basis: '《企业国有资产交易监督管理办法》',
    tendering: false,
  },
  medical: {
    label: '药品和医用耗材采购',
    procedures: ['open', 'negotiation'],
    basis: '《关于推动药品集中带量采购工作常态化制度化开展的意见》',
    tendering: true,
  },
};

export const PROCEDURE_LABELS: Record<Procedure, string> = {
  open: '公开招标',
  invited: '邀请招标',
  negotiation: '竞争性谈判/磋商',
  auction: '拍卖/挂牌',
};

export const ANNOUNCEMENT_KINDS = ['tender', 'change', 'candidates', 'result'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];
export const ANNOUNCEMENT_LABELS: Record<AnnouncementKind, string> = {
  tender: '招标公告',
  change: '变更公告',
  candidates: '中标候选人公示',
  result: '结果公告',
};

export const ANNOUNCEMENT_STATES = ['pending', 'published'] as const;
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];

/** Whether a kind of transaction may use a procedure; a Chinese reason when not. */
export function procedureProblem(kind: ProjectKind, procedure: Procedure): string | null {
  const k = KINDS[kind];
  if (k.procedures.includes(procedure)) return null;
  return `${k.label}的交易方式应为${k.procedures.map((p) => PROCEDURE_LABELS[p]).join('、')}之一`;
}
