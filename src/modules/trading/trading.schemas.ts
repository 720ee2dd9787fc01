import { z } from 'zod';
import { IsoDate, PageQuery, paged, text } from '../../platform/schemas';
import { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_STATES, PROCEDURES, PROJECT_KINDS } from './trading.kinds';

const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const Instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what}应为带时区的 ISO 8601 时间，如 2026-12-21T09:30:00+08:00` });
const Amount = (what: string) =>
  z
    .number({ error: `${what}应为数字（元）` })
    .max(1e13, `${what}过大`)
    .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
      error: `${what}最多保留两位小数`,
    });

export const FirmRef = z.object({
  creditCode: text().trim().regex(CREDIT_CODE_RE, '统一社会信用代码应为 18 位数字或大写字母'),
  name: text().trim().min(2, '单位名称至少 2 个字').max(200, '单位名称最多 200 字'),
});

export const LotBody = z.object({
  name: text().trim().min(1, '标段名称不能为空').max(200, '标段名称最多 200 字'),
  estimate: Amount('估算价').refine((v) => v > 0, { error: '估算价应大于 0' }),
  deposit: Amount('投标保证金'),
});

export const CreateProjectBody = z.object({
  kind: z.enum(PROJECT_KINDS, { error: `交易类型应为 ${PROJECT_KINDS.join('、')} 之一` }),
  procedure: z.enum(PROCEDURES, { error: `交易方式应为 ${PROCEDURES.join('、')} 之一` }),
  title: text().trim().min(1, '项目名称不能为空').max(200, '项目名称最多 200 字'),
  regionCode: text()
    .trim()
    .regex(/^\d{6}(\d{6})?$/, '区划代码应为 6 位或 12 位数字'),
  tenderer: FirmRef.optional().describe('招标人（招标代理登记时必填；招标人登记时为本单位）'),
  agency: FirmRef.optional().describe('招标代理（招标人委托代理时填写；招标代理登记时为本单位）'),
  documentsIssuedAt: Instant('招标文件发出时间'),
  bidDeadline: Instant('投标截止时间'),
  lots: z.array(LotBody).min(1, '至少设置一个标段').max(20, '最多 20 个标段'),
});
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const ProjectListQuery = PageQuery.extend({
  kind: z.enum(PROJECT_KINDS, { error: `交易类型应为 ${PROJECT_KINDS.join('、')} 之一` }).optional(),
  q: text().trim().max(100, '关键词最多 100 字').optional().describe('项目编号或名称'),
});

const Firm = z.object({ creditCode: z.string(), name: z.string() });
export const Lot = z.object({
  id: z.string(),
  seq: z.number().int(),
  name: z.string(),
  estimate: z.number(),
  deposit: z.number(),
});

export const AnnouncementView = z.object({
  id: z.string(),
  projectId: z.string(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  content: z.string(),
  state: z.enum(ANNOUNCEMENT_STATES).describe('pending 待交易中心发布；published 已发布'),
  evaluationReportOn: z.string().nullable(),
  publicityFrom: z.string().nullable(),
  publicityTo: z.string().nullable(),
  newBidDeadline: z.string().nullable().describe('变更公告变更后的投标截止时间'),
  submittedAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type AnnouncementView = z.infer<typeof AnnouncementView>;

export const ProjectItem = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(PROJECT_KINDS),
  kindLabel: z.string(),
  procedure: z.enum(PROCEDURES),
  procedureLabel: z.string(),
  title: z.string(),
  regionCode: z.string(),
  tenderer: Firm,
  agency: Firm.nullable(),
  documentsIssuedAt: z.string(),
  bidDeadline: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const ProjectView = ProjectItem.extend({
  basis: z.string().describe('交易依据的法律法规'),
  estimate: z.number().describe('各标段估算价合计（元）'),
  lots: z.array(Lot),
  announcements: z.array(AnnouncementView),
});
export type ProjectView = z.infer<typeof ProjectView>;
export const ProjectPage = paged(ProjectItem);

export const AnnouncementBody = z.object({
  kind: z.enum(ANNOUNCEMENT_KINDS, { error: `公告类型应为 ${ANNOUNCEMENT_KINDS.join('、')} 之一` }),
  title: text().trim().min(1, '公告标题不能为空').max(200, '公告标题最多 200 字'),
  content: text({ multiline: true }).trim().min(1, '公告内容不能为空').max(20000, '公告内容最多 20000 字'),
  evaluationReportOn: IsoDate.optional().describe('收到评标报告之日（中标候选人公示必填）'),
  publicityFrom: Instant('公示开始时间').optional().describe('公示开始时间（中标候选人公示必填）'),
  publicityTo: Instant('公示结束时间').optional().describe('公示结束时间（中标候选人公示必填）'),
  bidDeadline: Instant('投标截止时间')
    .optional()
    .describe('变更后的投标截止时间（仅变更公告；发布时生效，距发布之日不少于 15 日）'),
});
export type AnnouncementBody = z.infer<typeof AnnouncementBody>;

export const PublishBody = z.object({ version: z.number({ error: '请提供版本号 version' }).int().min(1) });

export const PublicAnnouncement = z.object({
  id: z.string(),
  seq: z.number().int().describe('变更流中的位置'),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  content: z.string(),
  publishedAt: z.string(),
  publicityFrom: z.string().nullable(),
  publicityTo: z.string().nullable(),
  project: z.object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    kind: z.enum(PROJECT_KINDS),
    kindLabel: z.string(),
    procedure: z.enum(PROCEDURES),
    procedureLabel: z.string(),
    regionCode: z.string(),
    bidDeadline: z.string(),
    lots: z.array(Lot.pick({ id: true, seq: true, name: true, deposit: true })),
  }),
});
export type PublicAnnouncement = z.infer<typeof PublicAnnouncement>;
export const PublicAnnouncementQuery = PageQuery.extend({
  q: text().trim().max(100, '关键词最多 100 字').optional().describe('标题、内容或项目编号'),
  kind: z.enum(ANNOUNCEMENT_KINDS, { error: `公告类型应为 ${ANNOUNCEMENT_KINDS.join('、')} 之一` }).optional(),
});
export const PublicAnnouncementPage = paged(PublicAnnouncement);

export const FeedQuery = z.object({
  cursor: z.coerce
    .number({ error: 'cursor 应为整数' })
    .int('cursor 应为整数')
    .min(0, 'cursor 不能为负数')
    .max(Number.MAX_SAFE_INTEGER)
    .default(0)
    .describe('上次返回的 next；首次为 0'),
  limit: z.coerce.number().int().min(1, 'limit 至少为 1').max(100, 'limit 最多为 100').default(100),
});
export const FeedPage = z.object({
  items: z.array(PublicAnnouncement),
  next: z.number().int().describe('下次请求的 cursor；没有新内容时与本次相同'),
});

export const CreditQuery = PageQuery.extend({
  q: text().trim().max(100, '关键词最多 100 字').optional().describe('单位名称或统一社会信用代码'),
});
export const CreditItem = z.object({
  creditCode: z.string(),
  name: z.string(),
  source: z.string().describe('认定部门'),
  reason: z.string(),
  basis: z.string().describe('认定依据'),
  listedFrom: z.string(),
  listedTo: z.string().nullable().describe('惩戒期限截止日；null 为长期'),
  inForce: z.boolean().describe('今日是否在惩戒期内'),
});
export const CreditPage = paged(CreditItem);
export const ListingBody = z.object({
  creditCode: text().trim().regex(CREDIT_CODE_RE, '统一社会信用代码应为 18 位数字或大写字母'),
  name: text().trim().min(2, '单位名称至少 2 个字').max(200, '单位名称最多 200 字'),
  source: text().trim().min(2, '请填写认定部门').max(200, '认定部门最多 200 字'),
  reason: text({ multiline: true }).trim().min(2, '请填写失信行为').max(2000, '失信行为最多 2000 字'),
  basis: text().trim().min(2, '请填写认定依据').max(500, '认定依据最多 500 字'),
  listedFrom: IsoDate,
  listedTo: IsoDate.nullable().default(null).describe('惩戒期限截止日；null 为长期'),
});
export type ListingBody = z.infer<typeof ListingBody>;

export const Registration = z.object({
  id: z.string(),
  lotId: z.string(),
  creditCode: z.string(),
  firmName: z.string(),
  registeredAt: z.string(),
});

export const BidBody = z.object({
  algorithm: z.enum(['SM4-GCM', 'AES-256-GCM'], { error: '加密算法应为 SM4-GCM 或 AES-256-GCM' }),
  iv: z.string().regex(/^[0-9a-f]{24}$/, '初始向量 iv 应为 24 位小写十六进制'),
  ciphertext: z
    .string()
    .min(1, '密文不能为空')
    .max(1_400_000, '密文过大（Base64 最多 1400000 个字符）')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '密文应为 Base64 编码'),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '摘要应为 64 位小写十六进制（SM3）')
    .optional()
    .describe('浏览器计算的密文 SM3 摘要；与平台计算的不符时拒收'),
});
export type BidBody = z.infer<typeof BidBody>;

export const BidReceipt = z.object({
  bidId: z.string(),
  lotId: z.string(),
  projectNumber: z.string(),
  lotSeq: z.number().int(),
  creditCode: z.string(),
  algorithm: z.string(),
  hashAlgorithm: z.literal('SM3'),
  hash: z.string(),
  size: z.number().int(),
  receivedAt: z.string(),
  uploads: z.number().int().describe('本投标人对本标段的第几次上传（后一次替换前一次）'),
  keyId: z.string(),
  signature: z.string().describe('平台 SM2 签名（DER，十六进制），签名内容为除 signature 外各字段的规范 JSON'),
});
export type BidReceipt = z.infer<typeof BidReceipt>;
export const ReceiptKey = z.object({ keyId: z.string(), publicKey: z.string(), pem: z.string() });

export const OpeningView = z.object({
  lotId: z.string(),
  projectNumber: z.string(),
  lotSeq: z.number().int(),
  openedAt: z.string(),
  bids: z.array(
    z.object({
      creditCode: z.string(),
      firmName: z.string(),
      hash: z.string(),
      size: z.number().int(),
      uploadedAt: z.string(),
      decrypted: z.boolean(),
    }),
  ),
  warning: z.string().nullable().describe('投标人少于 3 个时的提示'),
});
export const KeyBody = z.object({
  key: z.string().regex(/^[0-9a-f]{32}([0-9a-f]{32})?$/, '密钥应为 32 位（SM4）或 64 位（AES-256）小写十六进制'),
});
export const Decrypted = z.object({
  bidId: z.string(),
  decryptedAt: z.string(),
  plaintextSize: z.number().int(),
  plaintextSm3: z.string(),
});
