import type { Person, PersonStatus, Structure, Team } from '../../core/domain/organisation.js';
import type { Role, SiaeKind, Trade } from '../../core/domain/taxonomy.js';
import type { people, structures, teams } from '../schema/index.js';

export const toStructure = (r: typeof structures.$inferSelect): Structure => ({
  id: r.id, name: r.name, kind: r.kind as SiaeKind, settings: r.settings,
});

export const toTeam = (r: typeof teams.$inferSelect): Team => ({
  id: r.id, structureId: r.structureId, key: r.key, name: r.name, activity: r.activity as Trade,
  romeCode: r.romeCode, timezone: r.timezone, settings: r.settings,
});

export const toPerson = (r: typeof people.$inferSelect): Person => ({
  id: r.id, structureId: r.structureId, rosterKey: r.rosterKey, firstName: r.firstName, lastName: r.lastName,
  aliases: r.aliases, role: r.role as Role, teamId: r.teamId, referentCipId: r.referentCipId, email: r.email,
  phone: r.phone, contractStart: r.contractStart, contractEnd: r.contractEnd, status: r.status as PersonStatus,
  exitDate: r.exitDate, lastContactOn: r.lastContactOn,
});
