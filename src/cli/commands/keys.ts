import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { withRelais } from '../with-relais.js';

/** `relais keys rotate`: after changing RELAIS_SECRET_KEY (old value in RELAIS_PREVIOUS_SECRET_KEYS), re-encrypts everything. */
export async function runKeysRotate(io: CliIo): Promise<number> {
  return withRelais(io, async (relais) => {
    const rotated = await relais.privacy.rotateKeys();
    if (rotated === null) throw new CliError(io.t('keys.missing'), EXIT.usage);
    line(io.stdout, io.t('keys.rotated', { key: rotated.keyId, count: rotated.count }));
    return EXIT.ok;
  });
}
