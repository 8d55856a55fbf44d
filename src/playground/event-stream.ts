import type { IncomingMessage, ServerResponse } from 'node:http';

/** A comment line keeps proxies and browsers from closing an idle stream. */
export const EVENT_STREAM_HEARTBEAT_MS = 15_000;

/** Pushes JSON events to every open page over Server-Sent Events. */
export interface EventStream<Event> {
  /** Sends one event to every connected page. */
  publish(event: Event): void;
  /**
   * Serves one `GET` as a stream: the `hello` event first (the page's starting state), then
   * every published event, until the page goes away.
   */
  attach(request: IncomingMessage, response: ServerResponse, hello: Event): void;
  /** Ends every stream (at shutdown). */
  close(): void;
}

const frame = (event: unknown) => `data: ${JSON.stringify(event)}\n\n`;

/**
 * Server-Sent Events (`text/event-stream`): the browser's `EventSource` reconnects by itself, and
 * every answer the app posts to a `response_url` or publishes with `views.publish` reaches the
 * page as it happens, with no polling.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html
 */
export const createEventStream = <Event>(): EventStream<Event> => {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, EVENT_STREAM_HEARTBEAT_MS);
  heartbeat.unref();
  return {
    publish: (event) => {
      const data = frame(event);
      for (const client of clients) client.write(data);
    },
    attach: (request, response, hello) => {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(frame(hello));
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    close: () => {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
};
