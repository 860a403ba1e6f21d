import type { Result } from '../result.js';

/** Speech to text for voice notes (an OpenAI-compatible API when configured). */
export interface Transcriber {
  transcribe(audio: Buffer, mime: string): Promise<Result<string>>;
}
