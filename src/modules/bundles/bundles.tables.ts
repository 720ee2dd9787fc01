import type { Generated } from 'kysely';
import type { SharedFieldGroup } from './bundles.merge';

export type BundleMode = 'parallel' | 'serial';

export interface BundlesTables {
  bundles: {
    code: string;
    name: string;
    description: string;
    item_codes: string[];
    shared_fields: SharedFieldGroup[];
    mode: BundleMode;
    active: boolean;
    version: number;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  bundle_applications: {
    id: Generated<string>;
    bundle_code: string;
    bundle_name: string;
    applicant_id: string;
    applicant_name: string;
    idempotency_key: string;
    request_hash: string;
    item_codes: string[];
    case_ids: string[];
    case_numbers: string[];
    mode: BundleMode;
    promised_days: number;
    submitted: boolean;
    started_on: string | null;
    deadline: string | null;
    deadline_provisional: boolean;
    created_at: Generated<Date>;
  };
}
