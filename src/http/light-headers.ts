/** Response headers as undici's `request()` answers them: lower-case names, a repeated one as an array. */
export type RawResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

type Entry = readonly [name: string, value: string];

const refuseWrite = (): never => {
  throw new TypeError('immutable');
};

/**
 * The `Headers` of a {@link LightResponse}: reads undici's header object where it lies instead of
 * copying it into a WHATWG `Headers` for every answer, when callers read one or two names of it.
 * Reads as a fetch answer's headers do: names case-insensitive, a repeated header joined with
 * ', ' (`getSetCookie()` keeps cookies apart), iteration sorted by name with each cookie on its
 * own, and writes refused with a `TypeError` (a fetch answer's headers are immutable).
 * https://fetch.spec.whatwg.org/#headers-class
 */
export class LightHeaders implements Headers {
  readonly #raw: RawResponseHeaders;
  #sorted: readonly Entry[] | undefined;

  constructor(raw: RawResponseHeaders) {
    this.#raw = raw;
  }

  #value(name: string): string | string[] | undefined {
    const key = name.toLowerCase();
    return Object.hasOwn(this.#raw, key) ? this.#raw[key] : undefined;
  }

  /** Every entry as iteration yields it: sorted by name, each cookie on its own, others joined. */
  #entries(): readonly Entry[] {
    if (this.#sorted !== undefined) return this.#sorted;
    const entries: Entry[] = [];
    for (const name of Object.keys(this.#raw).sort()) {
      const value = this.#raw[name];
      if (value === undefined) continue;
      if (typeof value === 'string') entries.push([name, value]);
      else if (name === 'set-cookie') for (const one of value) entries.push([name, one]);
      else if (value.length > 0) entries.push([name, value.join(', ')]);
    }
    this.#sorted = entries;
    return entries;
  }

  get(name: string): string | null {
    const value = this.#value(name);
    if (value === undefined) return null;
    if (typeof value === 'string') return value;
    return value.length === 0 ? null : value.join(', ');
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  getSetCookie(): string[] {
    const value = this.#value('set-cookie');
    if (value === undefined) return [];
    return typeof value === 'string' ? [value] : [...value];
  }

  forEach(callback: (value: string, name: string, headers: Headers) => void, thisArg?: unknown) {
    for (const [name, value] of this.#entries()) callback.call(thisArg, value, name, this);
  }

  *entries(): IterableIterator<[string, string]> {
    for (const [name, value] of this.#entries()) yield [name, value];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.#entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.#entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Headers';
  }

  append(_name: string, _value: string): never {
    return refuseWrite();
  }

  delete(_name: string): never {
    return refuseWrite();
  }

  set(_name: string, _value: string): never {
    return refuseWrite();
  }
}
