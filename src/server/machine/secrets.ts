import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** AES-256-GCM for institution secrets: `iv.tag.ciphertext`, base64url. */
export function createSecretBox(key: Buffer) {
  if (key.length !== 32) throw new Error('APP_SECRET_KEY must be 32 bytes (64 hex characters)');
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
    },
    open(sealed: string): string {
      const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
  };
}
export type SecretBox = ReturnType<typeof createSecretBox>;

/**
 * `APP_SECRET_KEY` (hex) when set; with PGlite and no key, one is generated into the data folder on
 * first start (so the embedded demo works out of the box). PostgreSQL installations must set it.
 */
export function loadSecretKey(env: { appSecretKey?: string; dataDir: string; usesPglite: boolean }): Buffer {
  if (env.appSecretKey) return Buffer.from(env.appSecretKey, 'hex');
  if (!env.usesPglite) throw new Error('Set APP_SECRET_KEY (64 hex characters) when using PostgreSQL');
  const file = path.join(env.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(env.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
