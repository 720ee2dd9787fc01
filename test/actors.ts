import type { Actor, DataScope, Role, UserKind } from '../src/platform/auth';

/**
 * An actor for a policy test: staff of the city (region prefix 2111) unless told otherwise.
 * `actorWith(['clerk'], { regionPrefix: '211103', hallId: 'h1' })`.
 */
export function actorWith(roles: Role[], opts: Partial<DataScope> & { kind?: UserKind; id?: string } = {}): Actor {
  const { kind = 'staff', id = roles[0] ?? 'someone', ...scope } = opts;
  const regionPrefix = scope.regionPrefix ?? (kind === 'staff' ? '2111' : '-');
  return {
    id,
    username: id,
    name: id,
    kind,
    roles,
    scope: {
      regionCode: scope.regionCode ?? regionPrefix.padEnd(6, '0'),
      regionPrefix,
      departmentId: scope.departmentId ?? null,
      hallId: scope.hallId ?? null,
      windowId: scope.windowId ?? null,
    },
    sessionId: 's',
    csrfToken: 'c',
    viaCookie: false,
  };
}

/** An applicant's account (a natural person unless `kind` says otherwise). */
export const applicantActor = (id = 'applicant', kind: UserKind = 'person') => actorWith(['applicant'], { kind, id });
