import type { Result } from '../result.js';

export interface Transcript {
  readonly text: string;
  /** Which engine wrote it (model name), shown beside a dictated note. */
  readonly engine: string;
}

export type TranscriptionErrorCode = 'audio.empty' | 'audio.too_large' | 'audio.unsupported' | 'transcription.unavailable';

/** Turns a voice note into text (the doors call it for audio attachments that come without a transcript). */
export interface Transcriber {
  transcribe(audio: Uint8Array, mime: string): Promise<Result<Transcript, TranscriptionErrorCode>>;
}
