// Prints the README's configuration table from the variable specs (npx tsx scripts/config-table.ts).
import { allVariables } from '../src/config/load-config.js';
import { createTranslator } from '../src/i18n/translator.js';

const t = createTranslator('fr');
console.log('| Variable | Défaut | Rôle |');
console.log('| --- | --- | --- |');
for (const v of allVariables) {
  console.log(`| \`${v.name}\` | ${v.default === undefined ? '—' : `\`${v.default}\``} | ${t(v.help).replace(/\|/g, '\\|')}${v.secret ? ' (secret, masqué)' : ''} |`);
}
