/** One node of parsed Slack `mrkdwn`. */
export type MrkdwnNode =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'strike' | 'quote'; children: MrkdwnNode[] }
  | { type: 'code' | 'pre'; text: string }
  | { type: 'br' }
  | { type: 'link'; url: string; label: string }
  | { type: 'user' | 'channel' | 'usergroup'; id: string; label: string | undefined }
  | { type: 'broadcast'; name: 'here' | 'channel' | 'everyone' }
  | { type: 'date'; unix: number; format: string; link: string | undefined; fallback: string }
  | { type: 'emoji'; name: string; text: string };

/** `&amp;`, `&lt;` and `&gt;` back to the characters they stand for. */
export declare const decodeEntities: (text: string) => string;
/** One `<…>` token (without its brackets) as a node. */
export declare const parseAngle: (content: string) => MrkdwnNode;
/** Inline mrkdwn (one paragraph, line breaks kept) as nodes. */
export declare const parseInline: (text: string) => MrkdwnNode[];
/** A whole `mrkdwn` text as nodes. */
export declare const parseMrkdwn: (text: string) => MrkdwnNode[];
