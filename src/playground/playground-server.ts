import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import type { AppLogger } from '../logger.js';
import type { CustomerTexts } from './customer-texts.js';
import type { EventStream } from './event-stream.js';
import { FILE_MAX_BYTES, type Files } from './files.js';
import {
  BodyTooLargeError,
  readBody,
  readBytes,
  sendBytes,
  sendJson,
  sendText,
} from './http-io.js';
import {
  actionRequestSchema,
  commandRequestSchema,
  customerTextRequestSchema,
  homeRequestSchema,
  modalCloseRequestSchema,
  modalSubmitRequestSchema,
  type PageEvent,
  type PageSession,
  type ZoomTrouble,
  zoomTroubleRequestSchema,
} from './page-protocol.js';
import { checkRequest, type GuardOptions } from './request-guard.js';
import type { ResponseUrls } from './response-urls.js';
import { servePublicFile } from './static-files.js';
import type { VisitorActions, VisitorResult } from './visitor-actions.js';
import type { WebApi } from './web-api.js';

/** What the playground's server answers for. */
export interface PlaygroundServerDeps {
  readonly webApi: WebApi;
  readonly responseUrls: ResponseUrls;
  readonly files: Files;
  readonly visitor: VisitorActions;
  readonly stream: EventStream<PageEvent>;
  readonly session: () => PageSession;
  readonly snapshot: () => PageEvent;
  readonly logger: AppLogger;
  /** "A customer texts …" (demo Zoom only). */
  readonly customers?: CustomerTexts;
  /** Makes the demo Zoom misbehave (src/playground/zoom-trouble.ts); absent with real Zoom. */
  readonly zoomTrouble?: (trouble: ZoomTrouble) => void;
}

/** A listening playground server. */
export interface ListeningServer {
  /** `http://HOST:PORT` as the app and the browser reach it. */
  readonly origin: string;
  readonly address: AddressInfo;
  close(): Promise<void>;
}

const readJson = async <Schema extends z.ZodType>(
  request: IncomingMessage,
  schema: Schema,
): Promise<z.output<Schema> | undefined> => {
  try {
    const parsed = schema.safeParse(JSON.parse(await readBody(request)));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    return undefined;
  }
};

/** Like Slack's Web API: a request understood but refused is `200` with `ok: false`. */
const answerVisitor = (response: ServerResponse, result: VisitorResult) =>
  sendJson(response, 200, result);

/**
 * One HTTP server for everything Slack-side: the page (`/`, `/static/*`), its session and event
 * stream, the visitor's actions (`/playground/*`), Slack's Web API for the app (`/api/*`) and
 * the `response_url`s (`/response/*`).
 */
export const createPlaygroundServer = (deps: PlaygroundServerDeps, options: GuardOptions) => {
  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://playground.invalid');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    const visitorAction = method === 'POST' && path.startsWith('/playground/');
    const verdict = checkRequest(request, url, options);
    if (verdict.kind === 'refuse') {
      return method === 'POST'
        ? sendJson(response, verdict.status, { ok: false, error: verdict.error })
        : sendText(response, verdict.status, verdict.error);
    }
    if (verdict.kind === 'enter') {
      response.writeHead(303, { location: '/', 'set-cookie': verdict.cookie });
      response.end();
      return;
    }

    if (method === 'GET' && path === '/') return servePublicFile('index.html', response);
    if (method === 'GET' && path.startsWith('/static/')) {
      if (await servePublicFile(path.slice('/static/'.length), response)) return;
      return sendText(response, 404, 'not found');
    }
    if (method === 'GET' && path === '/playground/session') {
      return sendJson(response, 200, deps.session());
    }
    if (method === 'GET' && path === '/playground/stream') {
      return deps.stream.attach(request, response, deps.snapshot());
    }
    if (visitorAction) {
      if (path === '/playground/command') {
        const body = await readJson(request, commandRequestSchema);
        if (body === undefined) return sendJson(response, 400, { ok: false, error: 'bad_request' });
        return answerVisitor(
          response,
          await deps.visitor.runCommand(body.user, body.text, body.visitor),
        );
      }
      if (path === '/playground/action') {
        const body = await readJson(request, actionRequestSchema);
        if (body === undefined) return sendJson(response, 400, { ok: false, error: 'bad_request' });
        const { user, surface, visitor, ...interaction } = body;
        return answerVisitor(
          response,
          await deps.visitor.interact(user, surface, interaction, visitor),
        );
      }
      if (path === '/playground/home') {
        const body = await readJson(request, homeRequestSchema);
        if (body === undefined) return sendJson(response, 400, { ok: false, error: 'bad_request' });
        return answerVisitor(response, await deps.visitor.openHome(body.user));
      }
      if (path === '/playground/modal-submit') {
        const body = await readJson(request, modalSubmitRequestSchema);
        if (body === undefined) return sendJson(response, 400, { ok: false, error: 'bad_request' });
        return answerVisitor(
          response,
          await deps.visitor.submitModal(body.user, body.viewId, body.values),
        );
      }
      if (path === '/playground/customer-text') {
        const body = await readJson(request, customerTextRequestSchema);
        if (body === undefined) return sendJson(response, 400, { ok: false, error: 'bad_request' });
        if (deps.customers === undefined) {
          return answerVisitor(response, { ok: false, error: 'Only the demo Zoom has customers.' });
        }
        const sent = await deps.customers.send(body.user, body.customer, body.text);
        return answerVisitor(response, sent.ok ? { ok: true } : sent);
      }
      if (path === '/playground/zoom-trouble') {
        const body = await readJson(request, zoomTroubleRequestSchema);
        if (body === undefined) return sendJson(response, 400, { ok: false, error: 'bad_request' });
        if (deps.zoomTrouble === undefined) {
          return answerVisitor(response, { ok: false, error: 'Only the demo Zoom makes trouble.' });
        }
        deps.zoomTrouble(body.trouble);
        return answerVisitor(response, { ok: true });
      }
      if (path === '/playground/modal-close') {
        const body = await readJson(request, modalCloseRequestSchema);
        if (body === undefined) return sendJson(response, 400, { ok: false, error: 'bad_request' });
        return answerVisitor(response, await deps.visitor.closeModal(body.user, body.viewId));
      }
    }
    const fileId = /^\/(upload|files)\/(F0[A-Z0-9]+)$/.exec(path);
    if (method === 'POST' && fileId?.[1] === 'upload' && fileId[2] !== undefined) {
      const received = deps.files.receive(fileId[2], await readBytes(request, FILE_MAX_BYTES));
      return sendText(response, received ? 200 : 404, received ? 'OK' : 'not found');
    }
    if (method === 'GET' && fileId?.[1] === 'files' && fileId[2] !== undefined) {
      const file = deps.files.get(fileId[2]);
      if (file === undefined) return sendText(response, 404, 'not found');
      const name = file.name.replace(/[^\w.-]+/g, '_');
      return sendBytes(response, file.bytes, name);
    }
    if (method === 'POST' && path.startsWith('/api/')) {
      const result = deps.webApi.call({
        method: path.slice('/api/'.length),
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        rawBody: await readBody(request),
      });
      return sendJson(response, 200, result);
    }
    const responseUrl = /^\/response\/([\w-]+)$/.exec(path);
    if (method === 'POST' && responseUrl?.[1] !== undefined) {
      const answer = deps.responseUrls.accept(responseUrl[1], await readBody(request));
      return sendText(response, answer.status, answer.body);
    }
    return sendText(response, 404, 'not found');
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) return sendText(response, 413, 'too large');
      deps.logger.error({ err: error }, 'playground request failed');
      sendText(response, 500, 'playground error');
    });
  });

  return {
    listen: (port: number, host: string): Promise<ListeningServer> =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const reachable = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          const hostForApp = ['0.0.0.0', '[::]'].includes(reachable) ? '127.0.0.1' : reachable;
          resolve({
            origin: `http://${hostForApp}:${address.port}`,
            address,
            close: () =>
              new Promise<void>((done) => {
                deps.stream.close();
                server.closeAllConnections();
                server.close(() => done());
              }),
          });
        });
      }),
  };
};
