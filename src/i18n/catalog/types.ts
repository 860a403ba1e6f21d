/** One topic of the message catalog: the same keys in every locale. */
export interface CatalogPart {
  readonly fr: Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
}
