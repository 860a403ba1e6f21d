import type { Role, SiaeKind, Trade } from './taxonomy.js';

export interface Structure {
  readonly id: string;
  readonly name: string;
  readonly kind: SiaeKind;
  readonly settings: Readonly<Record<string, unknown>>;
}

export interface Team {
  readonly id: string;
  readonly structureId: string;
  readonly key: string;
  readonly name: string;
  readonly activity: Trade;
  readonly romeCode: string | null;
  readonly timezone: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

export type PersonStatus = 'active' | 'exited' | 'anonymised';

export interface Person {
  readonly id: string;
  readonly structureId: string;
  readonly rosterKey: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly aliases: readonly string[];
  readonly role: Role;
  readonly teamId: string | null;
  readonly referentCipId: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly contractStart: string | null;
  readonly contractEnd: string | null;
  readonly status: PersonStatus;
  readonly exitDate: string | null;
  readonly lastContactOn: string | null;
}
