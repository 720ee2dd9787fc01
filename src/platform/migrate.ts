import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './db';
import { platformMigrations } from './migrations/index';

/** Collects platform and module migrations; names begin with a timestamp so one order holds for all. */
export function collectMigrations(modules: { migrations: Record<string, Migration> }[]): Record<string, Migration> {
  const all: Record<string, Migration> = { ...platformMigrations };
  for (const m of modules) {
    for (const [name, mig] of Object.entries(m.migrations)) {
      if (all[name]) throw new Error(`迁移名称重复：${name}`);
      all[name] = mig;
    }
  }
  return all;
}

export async function migrateToLatest(db: Db, migrations: Record<string, Migration>): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // One global order: a migration named before one a database already ran is refused, never slipped in.
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
