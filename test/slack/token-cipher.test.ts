import { createTokenCipher } from '../../src/storage/token-cipher.js';

describe('tokens encrypted at rest (AES-256-GCM)', () => {
  const cipher = createTokenCipher(Buffer.alloc(32, 1));

  it('round-trips, with a fresh IV each time and nothing of the token visible', () => {
    const token = 'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy';
    const a = cipher.encrypt(token);
    const b = cipher.encrypt(token);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(a).not.toContain('xoxb');
    expect(cipher.decrypt(a)).toBe(token);
    expect(cipher.decrypt(b)).toBe(token);
  });

  it('refuses a changed value or another key', () => {
    const stored = cipher.encrypt('xoxb-secret');
    const parts = stored.split(':');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    expect(cipher.decrypt([...parts.slice(0, 3), data.toString('base64url')].join(':'))).toBeNull();
    expect(createTokenCipher(Buffer.alloc(32, 2)).decrypt(stored)).toBeNull();
    expect(cipher.decrypt('not-encrypted')).toBeNull();
    expect(() => createTokenCipher(Buffer.alloc(16))).toThrow();
  });
});
