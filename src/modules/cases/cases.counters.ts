/**
 * 一窗受理、受审分离、统一出件: which counter a case waits at, by status. The front desk takes and checks
 * applications, the back office reviews and decides, one exit counter makes and hands over the results.
 * Statuses an item adds (site inspection, joint sign-off …) belong to the back office.
 */
export type Counter = 'front' | 'back' | 'exit';

export const FRONT_STATUSES = ['submitted', 'prereviewed', 'correction_requested'] as const;
export const EXIT_STATUSES = ['granted', 'certificate_issued'] as const;
/** Neither waiting at a counter nor in the back office: not filed yet, or finished. */
export const OUTSIDE_STATUSES = ['draft', 'refused', 'denied', 'completed', 'withdrawn'] as const;

export function counterOf(status: string): Counter | null {
  if ((FRONT_STATUSES as readonly string[]).includes(status)) return 'front';
  if ((EXIT_STATUSES as readonly string[]).includes(status)) return 'exit';
  if ((OUTSIDE_STATUSES as readonly string[]).includes(status)) return null;
  return 'back';
}
