import { LightHeaders, type RawResponseHeaders } from './light-headers.js';

const UNUSABLE = 'Body is unusable: Body has already been read';

const utf8 = new TextDecoder();

/**
 * A fetch answer whose body has already been read whole, for {@link createPooledFetch}: what its
 * callers read (status, a header or two, `text()` or `json()`) comes straight from undici's
 * answer, where a WHATWG `Response` would build a `Headers` list and a `ReadableStream` for every
 * request (some 45 µs of CPU each on Node 20). It reads as the `new Response(bytes, { status,
 * headers })` it replaces: `url` '' and `redirected` false (even after a followed redirect),
 * `statusText` '', `type` 'default', a body read once (`TypeError` after), none for 204 and the
 * like. `body` builds its stream only when read (ofetch reads it to learn whether there is a
 * body); `blob()` and `formData()` go through a real `Response`. Not an `instanceof Response`:
 * neither the app nor Bolt, the Web API client or ofetch check that.
 * https://fetch.spec.whatwg.org/#response-class
 */
export class LightResponse implements Response {
  readonly #status: number;
  readonly #raw: RawResponseHeaders;
  readonly #headers: LightHeaders;
  /** The body, or null for an answer without one; handed out at most once. */
  readonly #bytes: ArrayBuffer | null;
  #read = false;
  #stream: ReadableStream<Uint8Array> | undefined;
  /** Someone read or cancelled the stream of {@link body}. */
  #streamed = false;

  constructor(status: number, headers: RawResponseHeaders, bytes: ArrayBuffer | null) {
    this.#status = status;
    this.#raw = headers;
    this.#headers = new LightHeaders(headers);
    this.#bytes = bytes;
  }

  get status(): number {
    return this.#status;
  }

  get ok(): boolean {
    return this.#status >= 200 && this.#status <= 299;
  }

  get statusText(): string {
    return '';
  }

  get url(): string {
    return '';
  }

  get redirected(): boolean {
    return false;
  }

  get type(): Response['type'] {
    return 'default';
  }

  get headers(): Headers {
    return this.#headers;
  }

  get bodyUsed(): boolean {
    return this.#read || this.#streamed;
  }

  get body(): ReadableStream<Uint8Array> | null {
    const bytes = this.#bytes;
    if (bytes === null) return null;
    if (this.#stream === undefined) {
      this.#stream = new ReadableStream({
        type: 'bytes',
        pull: (controller) => {
          this.#streamed = true;
          controller.enqueue(new Uint8Array(bytes));
          controller.close();
        },
        cancel: () => {
          this.#streamed = true;
        },
      });
      // Read already: locked for good, as a read body's stream is.
      if (this.#read) this.#stream.getReader();
    }
    return this.#stream;
  }

  /** The body's bytes, once; what fetch's body readers check before reading. */
  #take(): ArrayBuffer {
    if (this.#bytes === null) return new ArrayBuffer(0);
    if (this.bodyUsed || this.#stream?.locked === true) throw new TypeError(UNUSABLE);
    this.#read = true;
    // A stream handed out but never read is locked now, as reading the body would leave it.
    this.#stream?.getReader();
    return this.#bytes;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take();
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(this.#take());
  }

  async text(): Promise<string> {
    return utf8.decode(this.#take());
  }

  async json(): Promise<unknown> {
    return JSON.parse(utf8.decode(this.#take()));
  }

  async blob(): Promise<Blob> {
    return this.#asResponse().blob();
  }

  async formData(): Promise<FormData> {
    return this.#asResponse().formData();
  }

  /** A real `Response` holding the body, for the readers this class leaves to undici. */
  #asResponse(): Response {
    const bytes = this.#bytes === null ? null : this.#take();
    return new Response(bytes, { status: this.#status, headers: [...this.#headers] });
  }

  clone(): Response {
    if (this.bodyUsed || this.#stream?.locked === true) {
      throw new TypeError('Response.clone: Body has already been consumed.');
    }
    return new LightResponse(this.#status, this.#raw, this.#bytes?.slice(0) ?? null);
  }

  get [Symbol.toStringTag](): string {
    return 'Response';
  }
}
