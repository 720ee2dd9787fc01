import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyClusterTemplate, demoTemplateFits, type TemplateStamp } from './cluster-template';

const made = '2026-12-07T08:00:00.000Z';
const stamp: TemplateStamp = { made, migrations: ['20260101T0000_a', '20260102T0000_b'], history: true };
const want = { history: true, migrations: stamp.migrations, now: new Date('2026-12-07T20:00:00Z') };

describe('demoTemplateFits', () => {
  it('takes a demo cluster made today by this code', () => {
    expect(demoTemplateFits(stamp, want)).toBe(true);
  });

  it('refuses one made a day or more ago: its history would end before the first start', () => {
    expect(demoTemplateFits(stamp, { ...want, now: new Date('2026-12-08T08:00:00Z') })).toBe(false);
  });

  it('refuses one stamped in the future (a clock set back)', () => {
    expect(demoTemplateFits(stamp, { ...want, now: new Date('2026-12-07T07:59:00Z') })).toBe(false);
  });

  it('refuses one whose migrations differ from the code (one added, or another order)', () => {
    expect(demoTemplateFits(stamp, { ...want, migrations: [...stamp.migrations, '20260103T0000_c'] })).toBe(false);
    expect(demoTemplateFits(stamp, { ...want, migrations: [...stamp.migrations].reverse() })).toBe(false);
  });

  it('refuses one with the other history choice, and none at all', () => {
    expect(demoTemplateFits(stamp, { ...want, history: false })).toBe(false);
    expect(demoTemplateFits(undefined, want)).toBe(false);
  });
});

describe('copyClusterTemplate', () => {
  it('copies a cluster directory into a data directory and replaces a leftover partial copy', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-cluster-'));
    try {
      const template = path.join(root, 'template');
      fs.mkdirSync(path.join(template, 'base'), { recursive: true });
      fs.writeFileSync(path.join(template, 'PG_VERSION'), '17\n');
      fs.writeFileSync(path.join(template, 'base', '1'), 'x');
      const target = path.join(root, 'data', 'pg');
      fs.mkdirSync(`${target}.part`, { recursive: true });
      fs.writeFileSync(`${target}.part/stale`, 'y');
      expect(copyClusterTemplate(template, target)).toBe(true);
      expect(fs.readFileSync(path.join(target, 'base', '1'), 'utf8')).toBe('x');
      expect(fs.existsSync(path.join(target, 'stale'))).toBe(false);
      expect(copyClusterTemplate(path.join(root, 'none'), path.join(root, 'other'))).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
