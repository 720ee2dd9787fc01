import { z } from 'zod';
import { ITEM_LEVELS } from '../catalog/index';

export const AlignmentQuery = z.object({
  regionCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{6,12}$/, '区划代码格式有误')
    .optional(),
});
export type AlignmentQuery = z.infer<typeof AlignmentQuery>;

const Finding = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  itemType: z.string(),
  typeLabel: z.string(),
  level: z.enum(ITEM_LEVELS),
  rule: z.string(),
  ruleTitle: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const AlignmentReport = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.enum(ITEM_LEVELS) }),
  generatedAt: z.date(),
  itemCount: z.number().int(),
  findingCount: z.number().int(),
  rules: z.array(z.object({ rule: z.string(), title: z.string(), description: z.string() })),
  levels: z.array(z.object({ level: z.enum(ITEM_LEVELS), levelName: z.string(), findings: z.array(Finding) })),
});
export type AlignmentReport = z.infer<typeof AlignmentReport>;
