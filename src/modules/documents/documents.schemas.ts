import { z } from 'zod';
import { IsoDate } from '../../platform/schemas';
import { DOCUMENT_KINDS } from './documents.kinds';

const Text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字`);
/** An optional text: blank counts as absent. */
const OptText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && !v.trim() ? undefined : v), Text(max).optional());

export const RemediesSchema = z.object({ reviewBody: OptText(100), court: OptText(100) });

const Common = {
  caseNumber: Text(40),
  itemName: Text(200),
  applicantName: Text(200),
  applicantKind: z.enum(['person', 'organisation']).optional(),
  itemType: z
    .string()
    .regex(/^[a-z_]{1,30}$/, '事项类型代码有误')
    .optional(),
  officeName: Text(60),
  issuedOn: IsoDate,
  appliedOn: IsoDate.optional(),
};

/** What a caller gives to issue a document (the number and the verify URL are made by the module). */
export const IssueDocumentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('acceptance_notice'),
    ...Common,
    promisedDays: z.number().int().min(0).max(3650).optional(),
    promisedDeadline: IsoDate,
    statutoryDays: z.number().int().min(0).max(3650).optional(),
    statutoryDeadline: IsoDate,
    materials: z
      .array(z.object({ name: Text(200), form: OptText(20), copies: z.number().int().min(0).max(999).optional() }))
      .max(200),
    tolerated: z
      .array(z.object({ materialName: Text(200), dueOn: IsoDate }))
      .max(200)
      .optional(),
    trackingCode: z
      .string()
      .regex(/^[0-9A-Z]{5}-?[0-9A-Z]{5}$/)
      .optional(),
  }),
  z.object({
    kind: z.literal('correction_notice'),
    ...Common,
    items: z
      .array(z.object({ materialName: Text(200), problem: Text(500) }))
      .min(1, '至少列出一项需补正的内容')
      .max(200),
    correctBy: IsoDate,
  }),
  z.object({
    kind: z.literal('refusal_notice'),
    ...Common,
    reason: Text(2000),
    legalBasis: OptText(500),
    remedies: RemediesSchema.optional(),
  }),
  z.object({
    kind: z.literal('grant_decision'),
    ...Common,
    acceptedOn: IsoDate.optional(),
    decision: Text(2000),
    legalBasis: OptText(500),
    validFrom: IsoDate.optional(),
    validUntil: IsoDate.nullable().optional(),
    validYears: z.number().int().min(1).max(100).optional(),
    conditions: z.array(Text(500)).max(50).optional(),
    certificateName: OptText(40),
  }),
  z.object({
    kind: z.literal('deny_decision'),
    ...Common,
    acceptedOn: IsoDate.optional(),
    reason: Text(2000),
    legalBasis: OptText(500),
    remedies: RemediesSchema.optional(),
  }),
  z.object({
    kind: z.literal('certificate'),
    ...Common,
    certificateName: Text(40),
    certificateNumber: OptText(60),
    holderName: OptText(200),
    holderCode: OptText(40),
    entries: z
      .array(z.object({ label: Text(20), value: Text(500) }))
      .max(30)
      .optional(),
    validFrom: IsoDate,
    validUntil: IsoDate.nullable().optional(),
  }),
]);

export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);

export const VerifyResult = z
  .object({
    valid: z.literal(true),
    id: z.string().uuid(),
    kind: DocumentKindSchema,
    kindLabel: z.string().describe('文书种类'),
    title: z.string().describe('文书标题（证照为证照名称）'),
    number: z.string().describe('文书编号'),
    issuedOn: z.string().describe('落款日期'),
    officeName: z.string().describe('作出文书的机关'),
    sha256: z.string().describe('签发时 PDF 的 SHA-256'),
  })
  .describe('文书核验结果（不含个人信息）');

export const UploadVerifyResult = z.union([
  VerifyResult,
  z
    .object({ valid: z.literal(false), sha256: z.string().describe('上传文件的 SHA-256') })
    .describe('未找到内容完全一致的文书'),
]);
