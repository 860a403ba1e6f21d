import type OpenAI from 'openai';
import { toFile } from 'openai';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { LlmUsageMeter } from '../core/ports/llm-usage.js';
import type { Transcriber } from '../core/ports/transcriber.js';
import { err, ok } from '../core/result.js';
import type { CircuitBreaker } from './circuit-breaker.js';

/** The audio transcription endpoint's limit. */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

/**
 * Formats the transcription endpoint takes, by MIME type, with the file name
 * extension it needs: providers guess the format from the name, so a voice
 * note is renamed to what it is (Teams' audio/x-m4a, Slack's audio/webm, Ogg/Opus…).
 */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/mpeg': 'mp3', 'audio/mp3': 'mp3', 'audio/mp4': 'm4a', 'audio/m4a': 'm4a', 'audio/x-m4a': 'm4a', 'audio/aac': 'm4a',
  'video/mp4': 'mp4', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/wave': 'wav', 'audio/webm': 'webm', 'video/webm': 'webm',
  'audio/ogg': 'ogg', 'audio/opus': 'ogg', 'audio/flac': 'flac', 'audio/x-flac': 'flac', 'audio/mpga': 'mpga',
};

export const audioExtension = (mime: string): string | undefined => EXTENSIONS[mime.split(';')[0]!.trim().toLowerCase()];

export interface OpenAiTranscriberDeps {
  readonly client: OpenAI;
  readonly model: string;
  readonly breaker: CircuitBreaker;
  readonly usage: LlmUsageMeter;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * The Transcriber port on the audio transcription endpoint
 * (`audio.transcriptions.create`, French). A voice cannot be pseudonymised:
 * audio goes to the provider as is, which docs/llm.md says plainly.
 */
export function createOpenAiTranscriber(deps: OpenAiTranscriberDeps): Transcriber {
  return {
    transcribe: async (audio, mime) => {
      if (audio.byteLength === 0) return err('audio.empty');
      if (audio.byteLength > MAX_AUDIO_BYTES) return err('audio.too_large');
      const extension = audioExtension(mime);
      if (extension === undefined) return err('audio.unsupported');
      if (!deps.breaker.allow()) return err('transcription.unavailable');
      try {
        const file = await toFile(audio, `note.${extension}`, { type: mime });
        const result = await deps.client.audio.transcriptions.create({ file, model: deps.model, language: 'fr', response_format: 'json' });
        deps.breaker.success();
        const usage = (result as { usage?: { input_tokens?: number; output_tokens?: number } }).usage;
        await deps.usage.record({
          purpose: 'transcription', model: deps.model, outcome: 'ok', at: deps.clock.now(),
          promptTokens: usage?.input_tokens ?? 0, completionTokens: usage?.output_tokens ?? 0,
        });
        const text = result.text.trim();
        return text === '' ? err('audio.empty') : ok({ text, engine: deps.model });
      } catch (error) {
        deps.breaker.failure();
        deps.logger.warn({ status: (error as { status?: number }).status ?? null }, 'transcription failed');
        return err('transcription.unavailable');
      }
    },
  };
}
