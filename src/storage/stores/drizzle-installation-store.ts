import { and, eq } from 'drizzle-orm';
import type { Installation, InstallationStore } from '../../core/ports/installation-store.js';
import type { Database, Executor } from '../database.js';
import { installations } from '../schema/index.js';
import type { TokenCipher } from '../token-cipher.js';

/** Installations with their tokens encrypted at rest (AES-256-GCM); a token that no longer decrypts reads as no installation. */
export class DrizzleInstallationStore implements InstallationStore {
  constructor(private readonly db: Executor, private readonly cipher: TokenCipher) {}

  async save(i: Installation): Promise<void> {
    const row = {
      platform: i.platform, workspaceId: i.workspaceId, enterpriseId: i.enterpriseId ?? null, workspaceName: i.workspaceName ?? null,
      botToken: this.cipher.encrypt(i.botToken), botUserId: i.botUserId ?? null, botId: i.botId ?? null,
      refreshToken: i.refreshToken ? this.cipher.encrypt(i.refreshToken) : null, expiresAt: i.expiresAt ?? null,
      scopes: i.scopes ?? null, installedBy: i.installedBy ?? null, updatedAt: new Date(),
    };
    await this.db.insert(installations).values(row)
      .onConflictDoUpdate({ target: [installations.platform, installations.workspaceId], set: row });
  }

  async find(platform: string, workspaceId: string): Promise<Installation | null> {
    const [row] = await this.db.select().from(installations)
      .where(and(eq(installations.platform, platform), eq(installations.workspaceId, workspaceId)));
    return row ? this.decode(row) : null;
  }

  /** SELECT … FOR UPDATE in a transaction: a second instance waits, then reads the refreshed row. */
  async refreshLocked(platform: string, workspaceId: string, refresh: (current: Installation | null) => Promise<Installation | null>): Promise<Installation | null> {
    return (this.db as Database).transaction(async (tx) => {
      const [row] = await tx.select().from(installations)
        .where(and(eq(installations.platform, platform), eq(installations.workspaceId, workspaceId))).for('update');
      const current = row ? this.decode(row) : null;
      const next = await refresh(current);
      if (next !== null && next !== current) await new DrizzleInstallationStore(tx as unknown as Executor, this.cipher).save(next);
      return next;
    });
  }

  private decode(row: typeof installations.$inferSelect): Installation | null {
    const botToken = this.cipher.decrypt(row.botToken);
    if (botToken === null) return null;
    const refreshToken = row.refreshToken ? this.cipher.decrypt(row.refreshToken) : null;
    return {
      platform: row.platform, workspaceId: row.workspaceId, enterpriseId: row.enterpriseId, workspaceName: row.workspaceName,
      botToken, botUserId: row.botUserId, botId: row.botId, refreshToken, expiresAt: row.expiresAt, scopes: row.scopes, installedBy: row.installedBy,
    };
  }

  async remove(platform: string, workspaceId: string): Promise<void> {
    await this.db.delete(installations).where(and(eq(installations.platform, platform), eq(installations.workspaceId, workspaceId)));
  }
}
