import type { Generated } from 'kysely';
import type { Role, UserKind } from '../../platform/auth';

/** How an account's claimed ID number or credit code was verified (see identity.verification.ts). */
export type VerificationLevel = 'unverified' | 'provider' | 'representative' | 'window';

export interface IdentityTables {
  users: {
    id: Generated<string>;
    username: string;
    password_hash: string;
    kind: UserKind;
    name: string;
    id_number: string | null;
    credit_code: string | null;
    phone: string | null;
    roles: Role[];
    region_code: string | null;
    region_prefix: string | null;
    department_id: string | null;
    hall_id: string | null;
    window_id: string | null;
    active: Generated<boolean>;
    last_login_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    verification: Generated<VerificationLevel>;
    verified_at: Generated<Date | null>;
    /** The clerk, or the legal representative's account, who verified the claim. */
    verified_by: Generated<string | null>;
    /** The provider id, or the document type a clerk saw. */
    verification_source: Generated<string | null>;
  };
  sessions: {
    id: Generated<string>;
    token_hash: string;
    user_id: string;
    csrf_token: string;
    ip: string | null;
    user_agent: string | null;
    created_at: Generated<Date>;
    expires_at: Date;
    revoked_at: Date | null;
    last_seen_at: Date | null;
  };
  identity_verification_requests: {
    id: Generated<string>;
    user_id: string;
    provider: string;
    created_at: Generated<Date>;
    expires_at: Date;
    completed_at: Date | null;
  };
  login_attempts: {
    id: Generated<string>;
    /** Lower-cased, whether or not an account has it. */
    username: string;
    user_id: string | null;
    ip: string | null;
    user_agent: string | null;
    ok: boolean;
    reason: string | null;
    at: Generated<Date>;
  };
  login_challenges: {
    id: Generated<string>;
    answer_hash: string;
    expires_at: Date;
  };
}
