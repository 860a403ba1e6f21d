import type { Person, Team } from '../domain/organisation.js';

export interface PlatformUserRef {
  readonly platform: string;
  readonly workspaceId: string;
  readonly userId: string;
}

export interface LinkedConversation {
  readonly platform: string;
  readonly workspaceId: string;
  readonly userId: string;
  /** What the platform needs to reach this person privately (DM channel, conversation reference). */
  readonly directChannel: Readonly<Record<string, unknown>> | null;
}

export interface ChannelBinding {
  readonly teamId: string;
  readonly platform: string;
  readonly workspaceId: string;
  readonly channelId: string;
  readonly purpose: 'team' | 'direction';
  readonly reference: Readonly<Record<string, unknown>> | null;
}

/** Platform users ↔ people, and where teams and people are reached. */
export interface IdentityStore {
  findPersonByPlatformUser(user: PlatformUserRef): Promise<Person | null>;
  findPersonById(id: string): Promise<Person | null>;
  findPeopleByEmail(email: string): Promise<Person[]>;
  linkPlatformUser(user: PlatformUserRef, personId: string, details: { displayName?: string; linkedBy?: string; directChannel?: Record<string, unknown> }): Promise<void>;
  conversationsOf(personId: string): Promise<LinkedConversation[]>;
  teamById(id: string): Promise<Team | null>;
  peopleOfTeam(teamId: string): Promise<Person[]>;
  peopleOfStructure(structureId: string): Promise<Person[]>;
  channelBindings(teamId: string, purpose?: 'team' | 'direction'): Promise<ChannelBinding[]>;
  bindChannel(binding: ChannelBinding): Promise<void>;
  /** A platform gave a fresher way to post in a channel (Teams reinstall, new serviceUrl): bound teams use it. */
  refreshChannelReference(platform: string, workspaceId: string, channelId: string, reference: Record<string, unknown>): Promise<number>;
}
