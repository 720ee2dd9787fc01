import { describe, expect, it } from 'vitest';
import { canMove, carrierOf, daysBetween, formatTrackingNumber } from './issuing.rules';

describe('issuing rules', () => {
  it('formats tracking numbers as carrier + yyyymmdd + 6-digit sequence', () => {
    expect(formatTrackingNumber('EMS', '2026-11-23', 1)).toBe('EMS20261123000001');
    expect(formatTrackingNumber('SF', '2026-01-05', 123456)).toBe('SF20260105123456');
    expect(() => formatTrackingNumber('EMS', '2026-11-23', 0)).toThrow();
    expect(() => formatTrackingNumber('EMS', '2026-11-23', 1_000_000)).toThrow();
  });

  it('knows carriers by code or Chinese name', () => {
    expect(carrierOf('EMS')).toBe('EMS');
    expect(carrierOf('ems')).toBe('EMS');
    expect(carrierOf('顺丰')).toBe('SF');
    expect(carrierOf('京东物流')).toBe('JD');
    expect(carrierOf('飞鸽')).toBeUndefined();
  });

  it('moves waybills forward only', () => {
    expect(canMove('created', 'dispatched')).toBe(true);
    expect(canMove('dispatched', 'delivered')).toBe(true);
    expect(canMove('created', 'delivered')).toBe(false);
    expect(canMove('delivered', 'returned')).toBe(false);
  });

  it('counts days between grant and receipt', () => {
    expect(daysBetween(new Date('2026-11-20T02:00:00Z'), new Date('2026-11-23T02:00:00Z'))).toBe(3);
    expect(daysBetween(new Date('2026-11-20T00:00:00Z'), new Date('2026-11-20T12:00:00Z'))).toBe(0.5);
    expect(daysBetween(null, new Date())).toBeNull();
  });
});
