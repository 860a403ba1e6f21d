import type { AlertRecord } from '../../core/extraction/shift-note-extraction.js';
import type { NoteAnalysis } from '../engine/note-analysis.js';
import type { Clause } from '../persons/resolve-subjects.js';
import type { DraftIncident, DraftObservation } from './draft-types.js';

const OFF_WORK = new Set(['hier', 'soir', 'nuit', 'week-end', 'weekend', 'samedi', 'dimanche', 'maison', 'domicile', 'mari', 'conjoint', 'compagnon', 'copain', 'frere', 'pere', 'ex']);

/**
 * Alerts, recall first: a phrase of lexicon/alertes.tsv is never cancelled by a
 * negation elsewhere in the sentence. Each alert also brings what the contract
 * pairs with it: an incident (an injury is an accident) and a negative
 * observation (a fight is an `equipe` problem for the one who hit).
 */
export function extractAlerts(a: NoteAnalysis): { alerts: AlertRecord[]; incidents: DraftIncident[]; observations: DraftObservation[] } {
  const alerts: AlertRecord[] = [];
  const incidents: DraftIncident[] = [];
  const observations: DraftObservation[] = [];
  const emergencies = medicalEmergencies(a);
  for (const clause of a.clauses) {
    const evidence = a.span(clause.words);
    for (const m of a.alertsIn(clause)) {
      const p = m.phrase;
      if (p.topic === 'ignore') continue;
      const subjects = clause.subjects.filter(a.isSalarie);
      // « elle a fait un malaise, pompiers appelés »: the help called belongs to the emergency told in the sentence.
      if (p.role === 'secours' && subjects.some((s) => emergencies.has(`${clause.sentence}|${s}`))) continue;
      const objects = clause.objects.filter(a.isSalarie);
      // « Greg a été frappé par Momo »: between two salariés the alert goes to the one who acts (the victim is the subject here).
      const agents = p.topic === 'violence' && p.role === 'victime' ? agentsAfterPar(a, clause) : [];
      // « Greg a blessé Momo »: an injury done to someone is theirs; without anyone acted on, it stays with the subject.
      const onObject = p.role === 'objet' && objects.length > 0;
      const asVictim = agents.length === 0 && (onObject || subjects.length === 0);
      const people = agents.length > 0 ? agents : asVictim ? objects : subjects;
      const range: [number, number] = [clause.words[m.from]!.index, clause.words[m.to - 1]!.index];
      // An alert names a salarié; a threat to nobody in particular stays a conflict incident.
      if (people.length === 0 && !(p.topic === 'violence' && p.incident !== null)) continue;
      for (const person of people) alerts.push({ person, topic: p.topic, evidence });
      // A salarié attacked by someone: a workplace conflict, unless the clause places it at home or off work (« hier soir »).
      if (p.incident !== null && !(p.role === 'victime' && p.topic === 'violence' && clause.words.some((w) => OFF_WORK.has(w.key)))) {
        incidents.push({ kind: p.incident, persons: people, evidence, clause: clause.id, sentence: clause.sentence });
      }
      const observed = p.topic === 'violence' && agents.length === 0 && (p.role === 'victime' || asVictim) ? [] : people;
      const observation = agents.length > 0 ? 'equipe' : p.observation;
      if (observation !== null) {
        for (const person of observed) {
          observations.push({ person, category: observation, polarity: 'negative', evidence, clause: clause.id, tokens: range });
        }
      }
    }
  }
  return { alerts, incidents, observations };
}

/** `sentence|person` for each medical emergency without injury (an alert that brings an `other` incident: a malaise). */
function medicalEmergencies(a: NoteAnalysis): Set<string> {
  const found = new Set<string>();
  for (const clause of a.clauses) {
    if (!a.alertsIn(clause).some((m) => m.phrase.topic === 'sante' && m.phrase.incident === 'other')) continue;
    for (const s of clause.subjects.filter(a.isSalarie)) found.add(`${clause.sentence}|${s}`);
  }
  return found;
}

/** Salariés named right after « par » in the clause: who did what a passive phrase says (« frappé par Momo »). */
function agentsAfterPar(a: NoteAnalysis, clause: Clause): string[] {
  const position = new Map(clause.words.map((w, i) => [w.index, i]));
  return a.mentions
    .filter((m) => m.personId !== null && a.isSalarie(m.personId) && clause.words[(position.get(m.from) ?? 0) - 1]?.key === 'par')
    .map((m) => m.personId!);
}
