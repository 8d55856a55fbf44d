/** Known emoji short names and their Unicode. */
export declare const EMOJI: Readonly<Record<string, string>>;
/** The emoji for a short name (without colons), or undefined. */
export declare const emojiFor: (name: string) => string | undefined;
/** Plain text with every known `:name:` replaced by its emoji. */
export declare const withEmoji: (text: string) => string;
