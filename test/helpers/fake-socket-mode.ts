import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** RFC 6455 §1.3: the GUID the server appends to the client's key. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const OPCODE = { text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** One frame from a client (RFC 6455 §5.2); clients always mask. */
interface Frame {
  readonly opcode: number;
  readonly payload: Buffer;
}

const encodeFrame = (opcode: number, payload: Buffer): Buffer => {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
};

const bigLength = (length: number): Buffer => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(length));
  return buffer;
};

/** Takes every whole frame off the front of `buffer`; returns them and what is left. */
const decodeFrames = (buffer: Buffer): { frames: Frame[]; rest: Buffer } => {
  const frames: Frame[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = (buffer[offset] ?? 0) & 0x0f;
    const second = buffer[offset + 1] ?? 0;
    const masked = (second & 0x80) !== 0;
    let length = second & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const maskLength = masked ? 4 : 0;
    if (buffer.length < cursor + maskLength + length) break;
    const mask = buffer.subarray(cursor, cursor + maskLength);
    const payload = Buffer.from(buffer.subarray(cursor + maskLength, cursor + maskLength + length));
    if (masked) {
      for (let i = 0; i < payload.length; i += 1)
        payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    }
    frames.push({ opcode, payload });
    offset = cursor + maskLength + length;
  }
  return { frames, rest: buffer.subarray(offset) };
};

/** One app connection, as Slack's Socket Mode sees it. */
export interface SocketModeConnection {
  readonly id: number;
  /** Envelopes this connection acknowledged. */
  readonly acked: string[];
}

/** An envelope's acknowledgement: who acked, and after how long. */
export interface EnvelopeAck {
  readonly connection: number;
  readonly ackMs: number;
  readonly payload: unknown;
}

/**
 * Slack's Socket Mode on 127.0.0.1: a WebSocket endpoint (just enough of RFC 6455: text, ping,
 * pong and close frames) that greets each connection with `hello` and hands each envelope to one
 * connection, as Slack does with several connections of one app.
 * https://docs.slack.dev/apis/events-api/using-socket-mode
 */
export const startFakeSocketMode = async () => {
  const connections: Array<SocketModeConnection & { send(message: unknown): void }> = [];
  const sockets = new Set<Socket>();
  const waiting = new Map<string, (ack: { connection: number; payload: unknown }) => void>();
  const server = createServer((_req, res) => {
    res.writeHead(426).end();
  });
  server.on('upgrade', (req, socket: Socket) => {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(`${key}${WEBSOCKET_GUID}`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    const connection = {
      id: connections.length,
      acked: [] as string[],
      send: (message: unknown) => {
        if (!socket.destroyed)
          socket.write(encodeFrame(OPCODE.text, Buffer.from(JSON.stringify(message))));
      },
    };
    connections.push(connection);
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = decodeFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const frame of frames) {
        if (frame.opcode === OPCODE.ping) socket.write(encodeFrame(OPCODE.pong, frame.payload));
        if (frame.opcode === OPCODE.close) {
          socket.end(encodeFrame(OPCODE.close, frame.payload));
        }
        if (frame.opcode === OPCODE.text) {
          const message = JSON.parse(frame.payload.toString('utf8')) as {
            envelope_id?: string;
            payload?: unknown;
          };
          if (message.envelope_id === undefined) continue;
          connection.acked.push(message.envelope_id);
          waiting.get(message.envelope_id)?.({
            connection: connection.id,
            payload: message.payload,
          });
        }
      }
    });
    connection.send({
      type: 'hello',
      num_connections: connections.length,
      connection_info: { app_id: 'A0001' },
      debug_info: { host: 'fake-socket-mode' },
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
  let next = 0;

  return {
    /** For the fake Slack's `apps.connections.open`. */
    url: () => url,
    connections,
    /**
     * Hands `payload` (of `type`, e.g. `slash_commands`) to the next connection in turn (or to
     * connection `to`) and resolves with its acknowledgement; rejects when none comes within
     * `timeoutMs`.
     */
    dispatch: (
      type: string,
      payload: unknown,
      options: { to?: number; timeoutMs?: number } = {},
    ): Promise<EnvelopeAck> => {
      const timeoutMs = options.timeoutMs ?? 5_000;
      const connection = connections[options.to ?? next % connections.length];
      if (options.to === undefined) next += 1;
      if (connection === undefined) return Promise.reject(new Error('no Socket Mode connection'));
      const envelopeId = randomUUID();
      const sentAt = Date.now();
      return new Promise<EnvelopeAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(envelopeId);
          reject(new Error(`no ack for ${type} ${envelopeId}`));
        }, timeoutMs);
        waiting.set(envelopeId, (ack) => {
          clearTimeout(timer);
          waiting.delete(envelopeId);
          resolve({ ...ack, ackMs: Date.now() - sentAt });
        });
        connection.send({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type === 'slash_commands',
          retry_attempt: 0,
          retry_reason: '',
        });
      });
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
};

/** The running fake, as returned by {@link startFakeSocketMode}. */
export type FakeSocketMode = Awaited<ReturnType<typeof startFakeSocketMode>>;
