import { and, eq, or, sql } from 'drizzle-orm';
import type { Person, Team } from '../../core/domain/organisation.js';
import type { ChannelBinding, IdentityStore, LinkedConversation, PlatformUserRef } from '../../core/ports/identity-store.js';
import type { Executor } from '../database.js';
import { groupedCalls } from '../grouped-calls.js';
import { channelBindings, people, platformIdentities, teams } from '../schema/index.js';
import { toPerson, toTeam } from './row-mappers.js';

export class DrizzleIdentityStore implements IdentityStore {
  constructor(private readonly db: Executor) {}

  /** Door requests look their user up before acknowledging: concurrent lookups share one query. */
  private readonly byPlatformUser = groupedCalls(async (users: readonly PlatformUserRef[]): Promise<Array<Person | null>> => {
    const rows = await this.db.select({ p: people, platform: platformIdentities.platform, workspaceId: platformIdentities.workspaceId, userId: platformIdentities.userId })
      .from(platformIdentities).innerJoin(people, eq(platformIdentities.personId, people.id))
      .where(and(eq(platformIdentities.active, true), or(...users.map((u) => and(eq(platformIdentities.platform, u.platform),
        eq(platformIdentities.workspaceId, u.workspaceId), eq(platformIdentities.userId, u.userId))))));
    return users.map((u) => {
      const row = rows.find((r) => r.platform === u.platform && r.workspaceId === u.workspaceId && r.userId === u.userId);
      return row ? toPerson(row.p) : null;
    });
  });

  findPersonByPlatformUser(user: PlatformUserRef): Promise<Person | null> {
    return this.byPlatformUser(user);
  }

  async findPersonById(id: string): Promise<Person | null> {
    const [row] = await this.db.select().from(people).where(eq(people.id, id));
    return row ? toPerson(row) : null;
  }

  async findPeopleByEmail(email: string): Promise<Person[]> {
    const rows = await this.db.select().from(people).where(sql`lower(${people.email}) = ${email.toLowerCase()}`);
    return rows.map(toPerson);
  }

  async linkPlatformUser(user: PlatformUserRef, personId: string, details: { displayName?: string; linkedBy?: string; directChannel?: Record<string, unknown> }): Promise<void> {
    await this.db.insert(platformIdentities).values({
      ...user, personId, displayName: details.displayName ?? null, linkedBy: details.linkedBy ?? null,
      directChannel: details.directChannel ?? null, lastSeenAt: new Date(),
    }).onConflictDoUpdate({
      target: [platformIdentities.platform, platformIdentities.workspaceId, platformIdentities.userId],
      set: {
        personId, active: true, lastSeenAt: new Date(),
        ...(details.displayName !== undefined ? { displayName: details.displayName } : {}),
        ...(details.linkedBy !== undefined ? { linkedBy: details.linkedBy } : {}),
        ...(details.directChannel !== undefined ? { directChannel: details.directChannel } : {}),
      },
    });
  }

  async conversationsOf(personId: string): Promise<LinkedConversation[]> {
    const rows = await this.db.select().from(platformIdentities)
      .where(and(eq(platformIdentities.personId, personId), eq(platformIdentities.active, true)));
    return rows.map((r) => ({ platform: r.platform, workspaceId: r.workspaceId, userId: r.userId, directChannel: r.directChannel }));
  }

  async teamById(id: string): Promise<Team | null> {
    const [row] = await this.db.select().from(teams).where(eq(teams.id, id));
    return row ? toTeam(row) : null;
  }

  async peopleOfTeam(teamId: string): Promise<Person[]> {
    return (await this.db.select().from(people).where(eq(people.teamId, teamId))).map(toPerson);
  }

  async peopleOfStructure(structureId: string): Promise<Person[]> {
    return (await this.db.select().from(people).where(eq(people.structureId, structureId))).map(toPerson);
  }

  async channelBindings(teamId: string, purpose?: 'team' | 'direction'): Promise<ChannelBinding[]> {
    const rows = await this.db.select().from(channelBindings)
      .where(purpose ? and(eq(channelBindings.teamId, teamId), eq(channelBindings.purpose, purpose)) : eq(channelBindings.teamId, teamId));
    return rows.map((r) => ({
      teamId: r.teamId, platform: r.platform, workspaceId: r.workspaceId, channelId: r.channelId,
      purpose: r.purpose as 'team' | 'direction', reference: r.reference,
    }));
  }

  async refreshChannelReference(platform: string, workspaceId: string, channelId: string, reference: Record<string, unknown>): Promise<number> {
    const rows = await this.db.update(channelBindings).set({ reference, updatedAt: new Date() })
      .where(and(eq(channelBindings.platform, platform), eq(channelBindings.workspaceId, workspaceId), eq(channelBindings.channelId, channelId),
        sql`${channelBindings.reference} is distinct from ${JSON.stringify(reference)}::jsonb`))
      .returning({ id: channelBindings.id });
    return rows.length;
  }

  async bindChannel(b: ChannelBinding): Promise<void> {
    await this.db.insert(channelBindings).values({ ...b, reference: b.reference as Record<string, unknown> | null })
      .onConflictDoUpdate({
        target: [channelBindings.teamId, channelBindings.platform, channelBindings.purpose],
        set: { workspaceId: b.workspaceId, channelId: b.channelId, reference: b.reference as Record<string, unknown> | null, updatedAt: new Date() },
      });
  }
}
