/**
 * UTF-8 (with or without BOM) when valid, else Windows-1252 (Excel's "CSV" on
 * French Windows). The Windows-1252 decoder loads only when needed: `relais
 * extract` reads UTF-8 rosters once per note and must start fast.
 */
export async function decodeText(bytes: Uint8Array): Promise<string> {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const { default: iconv } = await import('iconv-lite');
    return iconv.decode(Buffer.from(bytes), 'win1252');
  }
}
