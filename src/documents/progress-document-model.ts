/** A document as neutral blocks, rendered alike to text, Markdown and PDF. */
export interface Item {
  readonly text: string;
  /** « Source : observation du 3 septembre 2026, Bruno Carrel ». */
  readonly source?: string;
  readonly children?: readonly Item[];
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string; readonly emphasis?: boolean }
  | { readonly kind: 'items'; readonly items: readonly Item[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: ReadonlyArray<readonly string[]> }
  | { readonly kind: 'image'; readonly png: Uint8Array; readonly caption: string }
  /** Fields to read or fill in at the meeting; a null value leaves a blank line. */
  | { readonly kind: 'form'; readonly fields: ReadonlyArray<{ readonly label: string; readonly value: string | null }> };

export interface Section {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface DocumentModel {
  readonly title: string;
  readonly subtitle: string;
  readonly intro: string;
  readonly sections: readonly Section[];
  readonly footer: string;
}
