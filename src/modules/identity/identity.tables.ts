import type { Generated } from 'kysely';
import type { Role, UserKind } from '../../platform/auth';

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
  };
  login_failures: {
    id: Generated<string>;
    username: string;
    ip: string | null;
    at: Generated<Date>;
  };
}
