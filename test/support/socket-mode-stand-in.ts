import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Slack's Socket Mode end, for tests: a minimal WebSocket server (RFC 6455
 * handshake and text frames) on the Web API stand-in's port. It greets with
 * `hello`, pushes envelopes and records the client's acknowledgements.
 */
export interface SocketModeStandIn {
  readonly path: string;
  /** Resolves once a client is connected and greeted. */
  connected(): Promise<void>;
  /** Sends an envelope; resolves with the client's acknowledgement. */
  push(envelope: { envelope_id: string; type: string; payload: unknown; accepts_response_payload?: boolean }): Promise<Record<string, unknown>>;
  close(): void;
}

function frame(text: string, opcode = 0x1): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const head = payload.length < 126 ? Buffer.from([0x80 | opcode, payload.length])
    : payload.length < 65_536 ? Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff])
      : (() => { const b = Buffer.alloc(10); b[0] = 0x80 | opcode; b[1] = 127; b.writeBigUInt64BE(BigInt(payload.length), 2); return b; })();
  return Buffer.concat([head, payload]);
}

/** Reads complete client frames (always masked) from a buffer; returns them and what is left. */
function readFrames(buffer: Buffer): { frames: Array<{ opcode: number; data: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; data: Buffer }> = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset]! & 0x0f;
    const masked = (buffer[offset + 1]! & 0x80) !== 0;
    let length = buffer[offset + 1]! & 0x7f;
    let at = offset + 2;
    if (length === 126) { if (buffer.length < at + 2) break; length = buffer.readUInt16BE(at); at += 2; }
    else if (length === 127) { if (buffer.length < at + 8) break; length = Number(buffer.readBigUInt64BE(at)); at += 8; }
    const maskAt = at;
    if (masked) at += 4;
    if (buffer.length < at + length) break;
    const data = Buffer.from(buffer.subarray(at, at + length));
    if (masked) for (let i = 0; i < data.length; i += 1) data[i] = data[i]! ^ buffer[maskAt + (i % 4)]!;
    frames.push({ opcode, data });
    offset = at + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export function attachSocketMode(server: Server, path = '/link'): SocketModeStandIn {
  let socket: Duplex | null = null;
  let greeted: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { greeted = resolve; });
  const waiting = new Map<string, (ack: Record<string, unknown>) => void>();
  server.on('upgrade', (req: IncomingMessage, s: Duplex) => {
    if (!req.url?.startsWith(path)) return s.destroy();
    const accept = createHash('sha1').update(`${String(req.headers['sec-websocket-key'])}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    s.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket = s;
    let pending: Buffer = Buffer.alloc(0);
    s.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const f of frames) {
        if (f.opcode === 0x9) s.write(frame(f.data.toString('utf8'), 0xa));
        else if (f.opcode === 0x8) s.end();
        else if (f.opcode === 0x1) {
          const ack = JSON.parse(f.data.toString('utf8')) as Record<string, unknown>;
          waiting.get(String(ack['envelope_id']))?.(ack);
        }
      }
    });
    s.on('error', () => undefined);
    s.write(frame(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'relais-test' }, connection_info: { app_id: 'A0RELAIS' } })));
    greeted();
  });
  return {
    path,
    connected: () => ready,
    push(envelope) {
      return new Promise((resolve, reject) => {
        if (!socket) return reject(new Error('no Socket Mode client'));
        waiting.set(envelope.envelope_id, resolve);
        socket.write(frame(JSON.stringify({ accepts_response_payload: false, retry_attempt: 0, retry_reason: '', ...envelope })));
      });
    },
    close: () => socket?.destroy(),
  };
}
