import { z } from 'zod';
import { ROLES, type Role } from '../../platform/auth';

const Username = z
  .string()
  .trim()
  .min(3, '用户名至少 3 位')
  .max(32, '用户名最多 32 位')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, '用户名只能包含字母、数字、下划线、点和连字符');
const Phone = z.string().regex(/^1[3-9]\d{9}$/, '手机号格式有误');
const Uuid = z.string().uuid('ID 格式有误');

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
  /** A solved sign-in challenge, when the server asked for one (`challenge_required`). */
  challengeId: z.string().max(40).optional(),
  challengeAnswer: z.string().max(10).optional(),
});

export const ChallengeResponse = z.object({
  id: z.string(),
  /** An SVG image as a data: URL. */
  image: z.string(),
  expiresAt: z.date(),
});

export const VerificationLevel = z.enum(['unverified', 'provider', 'representative', 'window']);

export const UserScope = z.object({
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  hallId: z.string().nullable(),
  hallName: z.string().nullable(),
  windowId: z.string().nullable(),
  windowName: z.string().nullable(),
});

export const User = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  kind: z.enum(['staff', 'person', 'company']),
  roles: z.array(z.enum(ROLES)),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  active: z.boolean(),
  lastLoginAt: z.date().nullable(),
  verification: z
    .object({
      level: VerificationLevel,
      source: z.string().nullable(),
      simulated: z.boolean(),
      verifiedAt: z.date().nullable(),
    })
    .nullable(),
  scope: UserScope,
});

/** The account's own identity facts, unmasked: only ever answered to the account itself (form pre-fill). */
export const AccountProfile = z.object({
  kind: z.enum(['staff', 'person', 'company']),
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  phone: z.string().nullable(),
  verified: z.boolean(),
});

export const LoginResponse = z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.date(), user: User });
/** An anonymous visitor gets `{ user: null, csrfToken: null }` (200): the question has an answer. */
export const MeResponse = z.object({ user: User.nullable(), csrfToken: z.string().nullable() });

export const RegisterBody = z.object({
  kind: z.enum(['person', 'company']),
  username: Username,
  password: z.string().max(128, '密码最多 128 位'),
  name: z.string().trim().min(2, '名称至少 2 个字').max(100),
  idNumber: z.string().trim().toUpperCase().optional(),
  creditCode: z.string().trim().toUpperCase().optional(),
  phone: Phone,
});

export const ChangePasswordBody = z.object({
  oldPassword: z.string().min(1).max(128),
  newPassword: z.string().max(128, '密码最多 128 位'),
});

/** The roles an administrator may give a staff account (the hotline's and the trading centre's among them). */
export const STAFF_ROLES = [
  'admin',
  'supervisor',
  'clerk',
  'approver',
  'chief',
  'agent',
  'operator',
  'hotline',
  'handler',
  'trading',
] as const satisfies readonly Role[];
const StaffRole = z.enum(STAFF_ROLES);

export const CreateStaffBody = z.object({
  username: Username,
  name: z.string().trim().min(2, '姓名至少 2 个字').max(50),
  password: z.string().max(128, '密码最多 128 位'),
  roles: z.array(StaffRole).min(1, '至少选择一个角色'),
  regionCode: z.string().regex(/^[0-9A-Z]{4,12}$/, '区划代码格式有误'),
  departmentId: Uuid.nullish(),
  hallId: Uuid.nullish(),
  windowId: Uuid.nullish(),
  phone: Phone.nullish(),
});

export const UpdateStaffBody = CreateStaffBody.omit({ username: true, password: true }).partial();
export const ResetPasswordBody = z.object({ password: z.string().max(128, '密码最多 128 位') });

export const StaffQuery = z.object({
  q: z.string().trim().max(50).optional(),
  regionCode: z
    .string()
    .regex(/^[0-9A-Z]{4,12}$/, '区划代码格式有误')
    .optional(),
  role: StaffRole.optional(),
});

export const ProviderInfo = z.object({ id: z.string(), label: z.string(), simulated: z.boolean() });

export const VerificationStatus = z.object({
  kind: z.enum(['person', 'company']),
  level: VerificationLevel,
  source: z.string().nullable(),
  simulated: z.boolean(),
  verifiedAt: z.date().nullable(),
  claimMasked: z.string().nullable(),
  provider: ProviderInfo.nullable(),
});

export const VerificationStart = z.object({
  reference: z.string(),
  redirectUrl: z.string().nullable(),
  provider: ProviderInfo,
});

export const VerificationCompleteBody = z.object({
  reference: z.string().uuid('认证请求编号格式有误'),
  /** The provider's answer (for the simulator: `{ outcome: 'pass' | 'fail' }`). */
  answer: z.record(z.string().max(40), z.string().max(2000)),
});

export const RepresentBody = z.object({
  companyUsername: z.string().trim().min(1, '请输入企业账号的用户名').max(64),
});

export const ClaimsQuery = z.object({
  q: z.string().trim().min(3, '请输入完整的用户名或手机号').max(64),
});

export const ClaimView = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  kind: z.enum(['person', 'company']),
  claimMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  active: z.boolean(),
  verification: VerificationLevel,
  verificationSource: z.string().nullable(),
  verifiedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const WindowVerifyBody = z.object({
  documentType: z.enum([
    'resident_id',
    'temporary_resident_id',
    'hk_mo_tw_residence',
    'foreigner_permanent',
    'business_licence',
  ]),
  documentNumber: z.string().trim().min(1, '请输入证件上的号码').max(30),
});

export const SessionView = z.object({
  id: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date().nullable(),
  expiresAt: z.date(),
  current: z.boolean(),
});

export const AttemptView = z.object({
  id: z.string(),
  username: z.string(),
  accountName: z.string().nullable().optional(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  ok: z.boolean(),
  reason: z.string().nullable(),
  at: z.date(),
});

export const AttemptsQuery = z.object({
  username: z.string().trim().max(64).optional(),
  ip: z.string().trim().max(64).optional(),
  ok: z.enum(['true', 'false']).optional(),
});
