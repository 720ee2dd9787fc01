import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Embedded clusters prepared by `npm install` (scripts/prepare-db.ts) that a first start copies into an empty
 * `DATA_DIR` instead of running initdb, migrations and the demo seed: `empty` (migrated, no data) and `demo`
 * (migrated, the demo city and its recent history). They are plain PGlite data directories: a copy of the files
 * opens like any other data directory, faster than a tarball unpacked through the WebAssembly file system.
 */
export type ClusterKind = 'empty' | 'demo';

/** What a prepared cluster holds, written beside it as `<dir>.json`. */
export interface TemplateStamp {
  /** When it was made (ISO): the demo history is dated back from then. */
  made: string;
  /** The migrations it ran, in order. */
  migrations: string[];
  /** Whether the demo city's recent history was loaded into it. */
  history: boolean;
}

/** A demo cluster older than this is not copied: its history would end days before the first start. */
export const DEMO_TEMPLATE_MAX_AGE_MS = 24 * 3600 * 1000;

export function clusterTemplateDir(kind: ClusterKind, root = process.cwd()): string {
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return path.join(root, '.tmp', `pglite-${version}-${kind}`);
}

export function writeStamp(dir: string, stamp: TemplateStamp) {
  fs.writeFileSync(`${dir}.json`, `${JSON.stringify(stamp, null, 2)}\n`);
}

export function readStamp(dir: string): TemplateStamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(`${dir}.json`, 'utf8')) as TemplateStamp;
  } catch {
    return undefined;
  }
}

/**
 * Whether a demo cluster may stand for a first start that wants the demo (with or without its history): made
 * less than a day ago, with the same history choice and exactly the migrations this code has (a newer
 * migration or a newer demo seed would otherwise be missed, since the demo is loaded only into an empty
 * installation).
 */
export function demoTemplateFits(
  stamp: TemplateStamp | undefined,
  want: { history: boolean; migrations: readonly string[]; now: Date },
): boolean {
  if (!stamp) return false;
  const age = want.now.getTime() - Date.parse(stamp.made);
  return (
    stamp.history === want.history &&
    age >= 0 &&
    age < DEMO_TEMPLATE_MAX_AGE_MS &&
    stamp.migrations.length === want.migrations.length &&
    stamp.migrations.every((m, i) => m === want.migrations[i])
  );
}

/** Copies a prepared cluster into `dataDir` (missing or empty); false when there is none to copy. */
export function copyClusterTemplate(templateDir: string, dataDir: string): boolean {
  if (!fs.existsSync(path.join(templateDir, 'PG_VERSION'))) return false;
  fs.rmSync(dataDir, { recursive: true, force: true });
  // A copy cut short by a crash is begun again.
  fs.rmSync(`${dataDir}.part`, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.cpSync(templateDir, `${dataDir}.part`, { recursive: true });
  fs.renameSync(`${dataDir}.part`, dataDir);
  return true;
}
