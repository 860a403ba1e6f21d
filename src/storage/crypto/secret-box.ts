import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Key {
  readonly id: string;
  readonly key: Buffer;
}

/** A data key derived from a master secret with HKDF; its id (8 hex) travels in every ciphertext. */
export function deriveDataKey(master: string): Key {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(master, 'utf8'), Buffer.from('relais'), Buffer.from('relais:data-encryption:v1'), 32));
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/**
 * AES-256-GCM for sensitive columns: `enc:v1:<key id>:<base64 iv|tag|ciphertext>`.
 * New values use the current key; older keys still decrypt until `relais keys rotate`
 * has re-encrypted everything. Values without the prefix are legacy plaintext, read as is.
 */
export class SecretBox {
  private readonly current: Key;
  private readonly byId: ReadonlyMap<string, Key>;

  constructor(currentMaster: string, previousMasters: readonly string[] = []) {
    this.current = deriveDataKey(currentMaster);
    this.byId = new Map([this.current, ...previousMasters.map(deriveDataKey)].map((k) => [k.id, k]));
  }

  get keyId(): string {
    return this.current.id;
  }

  static isEncrypted(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  /** `context` (table.column) is authenticated: a ciphertext moved to another column does not decrypt. */
  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${PREFIX}${this.current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(value: string, context: string): string {
    if (!SecretBox.isEncrypted(value)) return value;
    const [keyId, payload] = value.slice(PREFIX.length).split(':') as [string, string | undefined];
    const key = this.byId.get(keyId);
    if (key === undefined || payload === undefined) throw new Error(`no key ${keyId} to decrypt ${context}`);
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** True when the value is not encrypted with the current key (plaintext or an older key). */
  needsRotation(value: string): boolean {
    return !value.startsWith(`${PREFIX}${this.current.id}:`);
  }
}

/** The contexts (table.column) of the encrypted columns. */
export const SEALED = {
  observationEvidence: 'observations.evidence',
  alertEvidence: 'alerts.evidence',
  situationDetails: 'situations.details',
  noteText: 'shift_notes.raw_text',
  noteDraft: 'shift_notes.draft',
  bilanContent: 'bilans.content',
  bilanSalarieView: 'bilans.salarie_view',
  evaluationFact: 'skill_evaluations.observed_fact',
  evaluationSelfAssessment: 'skill_evaluations.self_assessment',
  evaluationNextStep: 'skill_evaluations.next_step',
} as const;

/** Seals when a box is configured (always in production); development without a key keeps plaintext. */
export const seal = (box: SecretBox | null, value: string, context: string): string => (box === null ? value : box.encrypt(value, context));
export const unseal = (box: SecretBox | null, value: string, context: string): string => {
  if (!SecretBox.isEncrypted(value)) return value;
  if (box === null) throw new Error(`encrypted ${context} but no RELAIS_SECRET_KEY`);
  return box.decrypt(value, context);
};

/**
 * A jsonb column sealed whole: with a box, one sealed JSON string; without (development), the value itself.
 * `openJson` reads either form back.
 */
export const sealJson = (box: SecretBox | null, value: unknown, context: string): unknown => (box === null ? value : seal(box, JSON.stringify(value), context));
export const openJson = (box: SecretBox | null, stored: unknown, context: string): unknown => (typeof stored === 'string' ? JSON.parse(unseal(box, stored, context)) : stored);
