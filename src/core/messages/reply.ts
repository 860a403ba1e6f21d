/**
 * The neutral reply model: every screen Relais shows, rendered by each door
 * (Block Kit, Adaptive Card, HTML). Plain data, no platform concepts.
 */
export interface Button {
  readonly type: 'button';
  /** Action id, routed back as an incoming action (e.g. `note.confirm`). */
  readonly action: string;
  readonly label: string;
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
  /** Ask before acting (destructive actions). */
  readonly confirm?: { readonly title: string; readonly text: string; readonly yes: string; readonly no: string };
}

export interface Select {
  readonly type: 'select';
  readonly action: string;
  readonly placeholder: string;
  readonly options: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  readonly initial?: string;
}

export interface Input {
  readonly type: 'input';
  /** Field name in the submitted form values. */
  readonly name: string;
  readonly label: string;
  readonly multiline?: boolean;
  readonly value?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
  readonly options?: ReadonlyArray<{ readonly label: string; readonly value: string }>;
}

export type Block =
  | { readonly type: 'header'; readonly text: string }
  /** Light markup: *bold*, _italic_, line breaks. Never raw platform syntax. */
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'fields'; readonly fields: ReadonlyArray<{ readonly label: string; readonly value: string }> }
  /** Grouped lines, e.g. observations per salarié. */
  | { readonly type: 'list'; readonly title?: string; readonly items: ReadonlyArray<{ readonly title: string; readonly lines: readonly string[] }> }
  | { readonly type: 'actions'; readonly elements: ReadonlyArray<Button | Select> }
  | { readonly type: 'context'; readonly text: string }
  | { readonly type: 'divider' }
  | { readonly type: 'image'; readonly url: string; readonly alt: string }
  /** A link to open (a document to download): a URL button in Slack, Action.OpenUrl in Teams, a link on the playground. */
  | { readonly type: 'links'; readonly links: ReadonlyArray<{ readonly label: string; readonly url: string }> };

/** A form: inputs and a submit action (a modal in Slack, an input card in Teams, a form on the playground). */
export interface Form {
  readonly action: string;
  readonly title: string;
  readonly submitLabel: string;
  readonly cancelLabel: string;
  readonly value?: string;
  /** Action sent when the user gives up, for doors that show the form in place of a message (Teams cards). */
  readonly cancelAction?: string;
  readonly inputs: readonly Input[];
}

export interface Reply {
  /** Plain-text summary for notifications and screen readers; also the fallback text. */
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly form?: Form;
  /** Who wrote the content: the rules engine or a language model (shown to users). */
  readonly marker?: 'rules' | 'ai' | 'ai-degraded';
}

export const textReply = (text: string): Reply => ({ text, blocks: [{ type: 'text', text }] });
