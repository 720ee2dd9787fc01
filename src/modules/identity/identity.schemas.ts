import { z } from 'zod';
import { ROLES } from '../../platform/auth';

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
});

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
  scope: UserScope,
});

export const LoginResponse = z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.date(), user: User });
export const MeResponse = z.object({ user: User, csrfToken: z.string() });

export const RegisterBody = z.object({
  kind: z.enum(['person', 'company']),
  username: Username,
  password: z.string().max(64, '密码最多 64 位'),
  name: z.string().trim().min(2, '名称至少 2 个字').max(100),
  idNumber: z.string().trim().toUpperCase().optional(),
  creditCode: z.string().trim().toUpperCase().optional(),
  phone: Phone,
});

export const ChangePasswordBody = z.object({
  oldPassword: z.string().min(1).max(128),
  newPassword: z.string().max(64),
});

const StaffRole = z.enum(['admin', 'supervisor', 'clerk', 'approver', 'chief', 'agent']);

export const CreateStaffBody = z.object({
  username: Username,
  name: z.string().trim().min(2, '姓名至少 2 个字').max(50),
  password: z.string().max(64),
  roles: z.array(StaffRole).min(1, '至少选择一个角色'),
  regionCode: z.string().regex(/^[0-9A-Z]{4,12}$/, '区划代码格式有误'),
  departmentId: Uuid.nullish(),
  hallId: Uuid.nullish(),
  windowId: Uuid.nullish(),
  phone: Phone.nullish(),
});

export const UpdateStaffBody = CreateStaffBody.omit({ username: true, password: true }).partial();
export const ResetPasswordBody = z.object({ password: z.string().max(64) });

export const StaffQuery = z.object({
  q: z.string().trim().max(50).optional(),
  regionCode: z
    .string()
    .regex(/^[0-9A-Z]{4,12}$/, '区划代码格式有误')
    .optional(),
  role: StaffRole.optional(),
});
