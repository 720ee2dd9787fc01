import type { ColumnType, Generated } from 'kysely';
import type { ItemGuide, ItemLevel, ItemType } from './catalog.schemas';

export type VersionStatus = 'draft' | 'published' | 'superseded';

/** Kysely view of the catalog module's own tables. */
export interface CatalogTables {
  items: {
    id: Generated<string>;
    code: string;
    basic_code: string;
    business_code: string;
    region_code: string;
    department_code: string;
    /** Published version shown to the public; null until the first publication. */
    current_version: number | null;
    draft_version: number | null;
    active: Generated<boolean>;
    // Denormalised from the current version (or the draft until first publication) for search.
    name: string;
    type: ItemType;
    decide_level: ItemLevel;
    accept_levels: ItemLevel[];
    keywords: string[];
    handling_type: 'immediate' | 'promised';
    promised_days: number;
    statutory_days: number;
    visits: number;
    online_depth: number;
    search_tokens: string;
    search_terms: string[];
    primary_terms: string[];
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  item_versions: {
    item_id: string;
    version: number;
    status: VersionStatus;
    data: ColumnType<ItemGuide, string, string>;
    search_text: string;
    created_at: Generated<Date>;
    created_by: string | null;
    published_at: Date | null;
    published_by: string | null;
  };
  item_delegations: {
    id: Generated<string>;
    item_id: string;
    from_level: ItemLevel;
    to_level: ItemLevel;
    region_code: string;
    basis: string;
    effective_date: string;
    note: string | null;
    created_by: string | null;
    created_at: Generated<Date>;
  };
}
