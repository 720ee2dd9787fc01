/**
 * Identity providers 实名认证服务: the adapter an external real-name verification service plugs into,
 * and the demo simulator. A real provider (public-security identity check, a licensed e-ID service)
 * verifies that the person at the other end holds the claimed ID number — typically by a redirect to
 * its own page (face or card check) and a signed answer back — and answers whether a person is the
 * registered legal representative of a credit code (the market-regulation register).
 */
export interface PersonClaim {
  name: string;
  idNumber: string;
}

export interface ProviderInfo {
  id: string;
  /** Shown to users; a simulator says so. */
  label: string;
  simulated: boolean;
}

export interface IdentityProvider extends ProviderInfo {
  /**
   * Begins a verification of the claim; `reference` is ours (a request row), the provider keeps it with
   * its own session. Answers where to send the user, if anywhere.
   */
  start(claim: PersonClaim, reference: string): Promise<{ redirectUrl: string | null }>;
  /** The provider's answer for a reference (from its callback): whether the person holds the claim. */
  complete(claim: PersonClaim, reference: string, answer: Record<string, string>): Promise<boolean>;
  /** Whether the person is the registered legal representative of the credit code. */
  isLegalRepresentative(creditCode: string, person: PersonClaim): Promise<boolean>;
}

/**
 * 模拟实名认证: answers whatever the user picks on the simulated page. It verifies nothing: it exists so
 * that the demo city can show the flow, and is enabled only in demo mode or by IDENTITY_SIMULATOR=1.
 */
export const simulatedProvider: IdentityProvider = {
  id: 'simulator',
  label: '模拟实名认证（演示用，不核验真实身份）',
  simulated: true,
  async start() {
    return { redirectUrl: null };
  },
  async complete(_claim, _reference, answer) {
    return answer.outcome === 'pass';
  },
  async isLegalRepresentative() {
    return true;
  },
};

/** The provider in use: the simulator when enabled, otherwise none (only window verification). */
export function identityProvider(opts: { simulator: boolean }): IdentityProvider | null {
  return opts.simulator ? simulatedProvider : null;
}
