/**
 * The documents a case produces (受理、补正、决定文书和证照), as data: what every kind carries.
 * Dates are 'YYYY-MM-DD' civil days (Asia/Shanghai), printed as 2026年11月23日. The wording of a
 * decision follows the item's type (documents.itemtypes.ts): a licence is 准予行政许可, a benefit 准予给付.
 */

export const DOCUMENT_KINDS = [
  'acceptance_notice',
  'correction_notice',
  'refusal_notice',
  'grant_decision',
  'deny_decision',
  'certificate',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What each kind is, whatever the item's type (a decision's own title comes from its type: `documentTitle`). */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  acceptance_notice: '受理通知书',
  correction_notice: '补正告知书',
  refusal_notice: '不予受理通知书',
  grant_decision: '准予决定书',
  deny_decision: '不予决定书',
  certificate: '证照',
};

/** Where to seek remedy against a refusal or denial (救济途径); defaults name no particular body. */
export interface Remedies {
  /** 行政复议机关, e.g. 盘锦市人民政府. */
  reviewBody?: string;
  /** 人民法院, e.g. 盘锦市兴隆台区人民法院. */
  court?: string;
}

interface DocumentCommon {
  /** 文书编号, e.g. 盘审受字〔2026〕第000123号. */
  number: string;
  /** 办件编号. */
  caseNumber: string;
  /** 事项名称. */
  itemName: string;
  /** 申请人（自然人姓名或单位名称）. */
  applicantName: string;
  /** A person is addressed as 你, an organisation as 你单位 (absent: 你（单位）). */
  applicantKind?: ApplicantKind;
  /** The item's type (catalog code: licence, benefit, confirmation …); absent: licence. */
  itemType?: string;
  /** The office that accepts or decides; its seal is drawn from this name. */
  officeName: string;
  /** 落款日期. */
  issuedOn: string;
  /** 申请日期 (when the application was received). */
  appliedOn?: string;
  /** Where anyone can check the document online (the QR code points here). */
  verifyUrl: string;
}

export type ApplicantKind = 'person' | 'organisation';

export interface ReceivedMaterial {
  name: string;
  /** e.g. 原件, 复印件, 电子件. */
  form?: string;
  copies?: number;
}

export interface AcceptanceNotice extends DocumentCommon {
  kind: 'acceptance_notice';
  /** 承诺办结时限 in working days and the date it ends. */
  promisedDays?: number;
  promisedDeadline: string;
  /** 法定办结时限 in working days and the date it ends. */
  statutoryDays?: number;
  statutoryDeadline: string;
  /** 已收取的申请材料. */
  materials: ReceivedMaterial[];
  /** 容缺受理: materials still owed, with the promised date. */
  tolerated?: { materialName: string; dueOn: string }[];
  /** 查询码 that opens the public progress query together with the case number (as printed, e.g. K7M2P-9QX4R). */
  trackingCode?: string;
}

export interface CorrectionNotice extends DocumentCommon {
  kind: 'correction_notice';
  /** 一次性告知: every material to supply or correct, and what is wrong with it. */
  items: { materialName: string; problem: string }[];
  /** 补正期限. */
  correctBy: string;
}

export interface RefusalNotice extends DocumentCommon {
  kind: 'refusal_notice';
  reason: string;
  legalBasis?: string;
  remedies?: Remedies;
}

export interface GrantDecision extends DocumentCommon {
  kind: 'grant_decision';
  acceptedOn?: string;
  /** 许可内容. */
  decision: string;
  legalBasis?: string;
  validFrom?: string;
  /** null = 长期有效. */
  validUntil?: string | null;
  /** The licence's term in years from its issue (有效期限：自发证之日起5年), when no dates are given. */
  validYears?: number;
  /** 附加条件 / 注意事项. */
  conditions?: string[];
  /** The licence that will be issued (e.g. 食品经营许可证). */
  certificateName?: string;
}

export interface DenyDecision extends DocumentCommon {
  kind: 'deny_decision';
  acceptedOn?: string;
  reason: string;
  legalBasis?: string;
  remedies?: Remedies;
}

export interface Certificate extends DocumentCommon {
  kind: 'certificate';
  /** e.g. 食品经营许可证. */
  certificateName: string;
  /** 证书编号 from a department's system; absent: the certificate's own document number. */
  certificateNumber?: string;
  /** 持证人; defaults to the applicant. */
  holderName?: string;
  /** 统一社会信用代码 or 身份证号码 of the holder. */
  holderCode?: string;
  /** Further lines (经营场所, 经营项目 …). */
  entries?: { label: string; value: string }[];
  validFrom: string;
  /** null = 长期有效; absent = no term is stated (the item sets none). */
  validUntil?: string | null;
}

export type DocumentInput =
  AcceptanceNotice | CorrectionNotice | RefusalNotice | GrantDecision | DenyDecision | Certificate;

/** Omit over each member of a union. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
