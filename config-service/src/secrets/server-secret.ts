import { createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';

/**
 * What each key derived from the server secret is for. A new purpose gets a new label; a changed
 * construction gets a new version (`…/v2`), so two purposes never share a key.
 */
export const purposes = {
  /** `report.request_hash`: tells a retry from another report under the same Idempotency-Key. */
  requestHash: 'meldpunt/request-hash/v1',
  /**
   * `audit_entry.hash`: links each audit entry to the one before it, so someone with only database
   * access cannot rewrite, remove or insert an entry without `audit:verify` noticing.
   */
  auditChain: 'meldpunt/audit-chain/v1',
  /** `staff_session.token_hash`: finds a session by its cookie without storing the cookie. */
  sessionToken: 'meldpunt/staff-session-token/v1',
  /** `invitation.token_hash`: finds an invitation by the token in its link without storing the token. */
  invitationToken: 'meldpunt/invitation-token/v1',
  /** `webauthn_challenge.state_hash`: finds a passkey ceremony by the `state` the browser holds. */
  webauthnState: 'meldpunt/webauthn-state/v1',
  /** `sso_sign_in.state_hash`: finds an SSO sign-in under way by its `state` without storing it. */
  ssoState: 'meldpunt/sso-state/v1',
  /** `sso_sign_in.browser_hash`: ties an SSO sign-in to the browser that started it (its cookie). */
  ssoBrowser: 'meldpunt/sso-browser/v1',
  // Issue 15: anonymous follow-up by receipt code.
  /**
   * Receipt key 1 when `RECEIPT_CODE_KEYS` is not set (`follow-up/receipt-keys.ts`): `report.receipt_hash`
   * finds a report by its receipt code without storing the code.
   */
  receiptCode: 'meldpunt/receipt-code/v1',
  /** Signs the reporter's short-lived follow-up and feedback tokens (`follow-up/tokens.ts`); never stored. */
  followUpToken: 'meldpunt/follow-up-token/v1',
  // Issue 16: rate limits shared between instances.
  /**
   * The root of the daily client keys (`limits/client-keys.ts`): `rate_limit_window.client_hash` counts
   * a client's reports without storing its address.
   */
  clientKey: 'meldpunt/client-key/v1',
  // Issue 16: proof of work (proof/).
  /** Signs the proof-of-work challenges the service hands out, so a forged one is refused for one HMAC. */
  proofChallenge: 'meldpunt/proof-challenge/v1',
  /** Signs each challenge's expected key, so checking a solution is one HMAC, not a search. */
  proofKey: 'meldpunt/proof-key/v1',
} as const;
export type Purpose = (typeof purposes)[keyof typeof purposes];

/**
 * `SERVER_SECRET`: the root of every keyed hash the service stores or compares. It is never stored in
 * the database, so a database dump alone cannot be used to check guesses (a phone number, an e-mail
 * address) against a stored hash. Each purpose has its own key, derived with HKDF-SHA256.
 */
export class ServerSecret {
  readonly #root: Buffer;
  readonly #keys = new Map<Purpose, Buffer>();
  /** The same keys as key objects for `hmac`: an HMAC under one costs a fifth of one under the raw bytes. */
  readonly #hmacKeys = new Map<Purpose, KeyObject>();

  constructor(root: Uint8Array) {
    if (root.length < 32) throw new Error('The server secret must be at least 32 bytes (base64 of 32 random bytes)');
    this.#root = Buffer.from(root);
  }

  /** From the base64 form of `SERVER_SECRET`; the error never repeats the value. */
  static fromBase64(text: string): ServerSecret {
    const trimmed = text.trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new Error('The server secret is not base64');
    return new ServerSecret(Buffer.from(trimmed, 'base64'));
  }

  /** HMAC-SHA256 of `data` under the purpose's key, base64url. */
  hmac(purpose: Purpose, data: string): string {
    let key = this.#hmacKeys.get(purpose);
    if (!key) {
      key = createSecretKey(this.#key(purpose));
      this.#hmacKeys.set(purpose, key);
    }
    return createHmac('sha256', key).update(data, 'utf8').digest('base64url');
  }

  /**
   * The purpose's key itself, for a key ring that holds it next to keys of its own (the receipt keys:
   * `follow-up/receipt-keys.ts`). A copy: the caller cannot change the one `hmac` uses.
   */
  deriveKey(purpose: Purpose): Buffer {
    return Buffer.from(this.#key(purpose));
  }

  #key(purpose: Purpose): Buffer {
    let key = this.#keys.get(purpose);
    if (!key) {
      // No salt: the root is already uniformly random (RFC 5869, 3.1); the purpose label is the info.
      key = Buffer.from(hkdfSync('sha256', this.#root, Buffer.alloc(0), purpose, 32));
      this.#keys.set(purpose, key);
    }
    return key;
  }
}
