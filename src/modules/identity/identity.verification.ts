/**
 * Verification of identity claims 实名认证. An applicant account's ID number or credit code is a claim
 * until one of these succeeds:
 * - `provider`: a person is verified by an identity provider (identity.provider.ts);
 * - `representative`: a company is verified by its legal representative's verified person account
 *   (the provider's register says that person represents the credit code);
 * - `window`: a clerk at a service hall saw the documents and typed the number on them.
 * Only a verified claim binds cases (identity.accounts.ts). A code verified by one account is refused to
 * any other; towards applicants the refusal reads like any other failed verification, so that it does not
 * tell whether a code has an account.
 */
import type { Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fieldError, notFound, Problem, unprocessable } from '../../platform/errors';
import { maskIdNumber, maskPhone } from '../../platform/mask';
import type { IdentityProvider, ProviderInfo } from './identity.provider';
import * as repo from './identity.repository';
import type { UserRow } from './identity.repository';
import type { VerificationLevel } from './identity.tables';

/** A started verification must be completed within this time. */
export const REQUEST_MINUTES = 15;

/** The one answer an applicant gets when a verification does not succeed, whatever the reason. */
const NOT_VERIFIED = '实名认证未通过：请核对账号登记的姓名和证件号码，或携带有效证件到政务服务大厅窗口办理';
const notVerified = () => unprocessable(NOT_VERIFIED, [], 'verification_failed');

/** Document types a clerk may confirm, by account kind. */
export const PERSON_DOCUMENTS = [
  'resident_id',
  'temporary_resident_id',
  'hk_mo_tw_residence',
  'foreigner_permanent',
] as const;
export const COMPANY_DOCUMENTS = ['business_licence'] as const;
export type DocumentType = (typeof PERSON_DOCUMENTS)[number] | (typeof COMPANY_DOCUMENTS)[number];
export const DOCUMENT_LABELS: Record<DocumentType, string> = {
  resident_id: '居民身份证',
  temporary_resident_id: '临时居民身份证',
  hk_mo_tw_residence: '港澳台居民居住证',
  foreigner_permanent: '外国人永久居留身份证',
  business_licence: '营业执照（含法定代表人身份证件或授权委托书）',
};

const isPgUnique = (err: unknown) => (err as { code?: unknown })?.code === '23505';

export interface VerificationStatus {
  kind: 'person' | 'company';
  level: VerificationLevel;
  source: string | null;
  simulated: boolean;
  verifiedAt: Date | null;
  claimMasked: string | null;
  /** The identity provider in use, or null when only window verification is available. */
  provider: ProviderInfo | null;
}

function applicantOf(u: UserRow | undefined): UserRow & { kind: 'person' | 'company' } {
  if (!u || u.kind === 'staff') throw new Problem(422, '业务规则不允许', '只有申请人账号需要实名认证');
  return u as UserRow & { kind: 'person' | 'company' };
}

const providerInfo = (p: IdentityProvider | null): ProviderInfo | null =>
  p && { id: p.id, label: p.label, simulated: p.simulated };

export async function verificationStatus(
  db: Db,
  actor: Actor,
  provider: IdentityProvider | null,
): Promise<VerificationStatus> {
  const u = applicantOf(await repo.findUserById(db, actor.id));
  return {
    kind: u.kind,
    level: u.verification,
    source: u.verification_source,
    simulated: u.verification !== 'window' && !!provider?.simulated && u.verification_source === provider.id,
    verifiedAt: u.verified_at,
    claimMasked: maskIdNumber(u.id_number ?? u.credit_code),
    provider: providerInfo(provider),
  };
}

function requireProvider(provider: IdentityProvider | null): IdentityProvider {
  if (!provider)
    throw unprocessable('本平台未接入在线实名认证服务，请携带有效证件到政务服务大厅窗口办理', [], 'no_provider');
  return provider;
}

/** Sets the claim verified, unless another account holds it verified (also when two race: the unique index). */
async function markVerified(
  db: Db,
  u: UserRow,
  v: { level: Exclude<VerificationLevel, 'unverified'>; source: string; by: string | null; at: Date },
  audit: { actor: Actor; action: string; ip: string | null; extra?: Record<string, unknown> },
  refusal: () => Problem,
) {
  if (await repo.claimVerifiedElsewhere(db, u)) throw refusal();
  try {
    return await db.transaction().execute(async (tx) => {
      const row = await repo.updateUser(
        tx,
        u.id,
        {
          verification: v.level,
          verification_source: v.source,
          verified_by: v.by,
          verified_at: v.at,
        },
        v.at,
      );
      await recordAudit(tx, {
        actor: audit.actor,
        action: audit.action,
        entityType: 'user',
        entityId: u.id,
        before: { verification: u.verification },
        after: {
          verification: v.level,
          source: v.source,
          claim: maskIdNumber(u.id_number ?? u.credit_code),
          ...audit.extra,
        },
        ip: audit.ip,
      });
      return row;
    });
  } catch (err) {
    if (isPgUnique(err)) throw refusal();
    throw err;
  }
}

/** Begins verifying a person's own claim with the identity provider. */
export async function startProviderVerification(
  db: Db,
  actor: Actor,
  provider: IdentityProvider | null,
  ip: string | null,
  now: Date,
) {
  const p = requireProvider(provider);
  const u = applicantOf(await repo.findUserById(db, actor.id));
  if (u.kind !== 'person')
    throw unprocessable(
      '企业账号由法定代表人的已认证个人账号认证，或携带营业执照到窗口认证',
      [],
      'company_not_by_provider',
    );
  if (u.verification !== 'unverified') throw unprocessable('账号已完成实名认证', [], 'already_verified');
  const reference = await db.transaction().execute(async (tx) => {
    const id = await repo.insertVerificationRequest(tx, {
      user_id: u.id,
      provider: p.id,
      expires_at: new Date(now.getTime() + REQUEST_MINUTES * 60_000),
    });
    await recordAudit(tx, {
      actor,
      action: 'identity.verify.start',
      entityType: 'user',
      entityId: u.id,
      after: { provider: p.id },
      ip,
    });
    return id;
  });
  const { redirectUrl } = await p.start({ name: u.name, idNumber: u.id_number! }, reference);
  return { reference, redirectUrl, provider: providerInfo(p)! };
}

/** Completes a provider verification with the provider's answer for the reference. */
export async function completeProviderVerification(
  db: Db,
  actor: Actor,
  provider: IdentityProvider | null,
  input: { reference: string; answer: Record<string, string> },
  ip: string | null,
  now: Date,
) {
  const p = requireProvider(provider);
  const u = applicantOf(await repo.findUserById(db, actor.id));
  if (u.kind !== 'person' || !u.id_number) throw notVerified();
  if (u.verification !== 'unverified') throw unprocessable('账号已完成实名认证', [], 'already_verified');
  const used = await repo.completeVerificationRequest(db, input.reference, u.id, now);
  if (used !== p.id) throw fieldError('reference', '认证请求不存在或已过期，请重新发起');
  const claim = { name: u.name, idNumber: u.id_number };
  if (!(await p.complete(claim, input.reference, input.answer))) {
    await recordAudit(db, {
      actor,
      action: 'identity.verify.fail',
      entityType: 'user',
      entityId: u.id,
      after: { provider: p.id },
      ip,
    });
    throw notVerified();
  }
  await markVerified(
    db,
    u,
    { level: 'provider', source: p.id, by: null, at: now },
    { actor, action: 'identity.verify.provider', ip },
    notVerified,
  );
}

/**
 * A legal representative, signed in to their verified person account, verifies the company account
 * (by its username) whose credit code they represent, as the provider's register says.
 */
export async function verifyCompanyAsRepresentative(
  db: Db,
  actor: Actor,
  provider: IdentityProvider | null,
  companyUsername: string,
  ip: string | null,
  now: Date,
) {
  const p = requireProvider(provider);
  const person = applicantOf(await repo.findUserById(db, actor.id));
  if (person.kind !== 'person' || person.verification === 'unverified' || !person.id_number)
    throw unprocessable('请先完成本人实名认证，再为企业账号认证', [], 'representative_unverified');
  const refusal = () =>
    unprocessable(
      '无法为该企业账号认证：请核对企业账号的用户名，并确认您是该企业登记的法定代表人；也可携带营业执照到窗口办理',
      [{ field: 'companyUsername', message: '无法为该企业账号认证' }],
      'verification_failed',
    );
  const company = await repo.findUserByUsername(db, companyUsername);
  if (!company || company.kind !== 'company' || !company.active || !company.credit_code) throw refusal();
  if (company.verification !== 'unverified') throw refusal();
  if (!(await p.isLegalRepresentative(company.credit_code, { name: person.name, idNumber: person.id_number })))
    throw refusal();
  await markVerified(
    db,
    company,
    { level: 'representative', source: p.id, by: person.id, at: now },
    { actor, action: 'identity.verify.representative', ip, extra: { representative: person.username } },
    refusal,
  );
}

/** What a window clerk sees of an applicant account: enough to compare with the documents, masked. */
export interface ClaimView {
  id: string;
  username: string;
  name: string;
  kind: 'person' | 'company';
  claimMasked: string | null;
  phoneMasked: string | null;
  active: boolean;
  verification: VerificationLevel;
  verificationSource: string | null;
  verifiedAt: Date | null;
  createdAt: Date;
}

const claimView = (u: UserRow): ClaimView => ({
  id: u.id,
  username: u.username,
  name: u.name,
  kind: u.kind as 'person' | 'company',
  claimMasked: maskIdNumber(u.id_number ?? u.credit_code),
  phoneMasked: maskPhone(u.phone),
  active: u.active,
  verification: u.verification,
  verificationSource: u.verification_source,
  verifiedAt: u.verified_at,
  createdAt: u.created_at,
});

/** Applicant accounts by exact username or phone (the applicant at the window tells which). */
export async function findClaims(db: Db, term: string): Promise<ClaimView[]> {
  return (await repo.findApplicantsByUsernameOrPhone(db, term.trim())).map(claimView);
}

/**
 * Window verification: the clerk saw a document of the given type and typed its number; it must be the
 * number the account claims. Staff learn why a verification is refused (they have seen the documents).
 */
export async function verifyAtWindow(
  db: Db,
  clerk: Actor,
  accountId: string,
  input: { documentType: DocumentType; documentNumber: string },
  ip: string | null,
  now: Date,
): Promise<ClaimView> {
  const u = await repo.findUserById(db, accountId);
  if (!u || u.kind === 'staff') throw notFound('申请人账号');
  if (!u.active) throw unprocessable('该账号已停用', [], 'account_inactive');
  if (u.verification !== 'unverified') throw unprocessable('该账号已完成实名认证', [], 'already_verified');
  const allowed: readonly string[] = u.kind === 'person' ? PERSON_DOCUMENTS : COMPANY_DOCUMENTS;
  if (!allowed.includes(input.documentType))
    throw fieldError('documentType', u.kind === 'person' ? '自然人账号须核验本人身份证件' : '法人账号须核验营业执照');
  const claim = u.id_number ?? u.credit_code;
  if (!claim || input.documentNumber.trim().toUpperCase() !== claim)
    throw fieldError('documentNumber', '证件号码与账号登记的不一致，不能认证');
  const row = await markVerified(
    db,
    u,
    { level: 'window', source: input.documentType, by: clerk.id, at: now },
    {
      actor: clerk,
      action: 'identity.verify.window',
      ip,
      extra: { document: DOCUMENT_LABELS[input.documentType], hallId: clerk.scope.hallId },
    },
    () =>
      unprocessable(
        '该证件号码已由另一账号完成实名认证，不能重复认证；如怀疑被冒用，请申请人向管理员申诉处理',
        [{ field: 'documentNumber', message: '已由另一账号认证' }],
        'claim_taken',
      ),
  );
  return claimView(row);
}
