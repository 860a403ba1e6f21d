import type { Result } from '../result.js';

/** What a sentence such as « objectif pour Nadia : passer le code d'ici mars » says. */
export interface ObjectiveReading {
  /** The words naming the salarié (« Nadia »), resolved against the roster by the use case. */
  readonly personQuery: string;
  readonly label: string;
  /** Best guess among the referential's themes; null when no word points to one. */
  readonly theme: string | null;
  readonly dueOn: string | null;
}

/** Reads an objective written in French in a chat or on the command line. */
export interface ObjectiveTextReader {
  read(text: string, context: { readonly today: string; readonly timezone: string; readonly themes: readonly string[] }): Promise<Result<ObjectiveReading, 'objective.unreadable'>>;
}
