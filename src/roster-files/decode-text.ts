import iconv from 'iconv-lite';

/** UTF-8 (with or without BOM) when valid, else Windows-1252 (Excel's "CSV" on French Windows). */
export function decodeText(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return iconv.decode(Buffer.from(bytes), 'win1252');
  }
}
