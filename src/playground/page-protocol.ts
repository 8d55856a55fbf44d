import { z } from 'zod';
import type { PublishedHome } from './home-views.js';
import type { ModalStackChange } from './modals.js';
import type { PlaygroundPerson } from './people.js';
import type { TimelineChange, TimelineMessage } from './timeline.js';
import { VISITOR_ID } from './visitors.js';

const userId = z.string().regex(/^[UW][A-Z0-9]{2,20}$/);

/** The browser tab that sends a request (src/playground/visitors.ts). */
const visitor = z.string().regex(VISITOR_ID).optional();

/** `POST /playground/command`: run a slash command as a person. */
export const commandRequestSchema = z.object({
  user: userId,
  text: z.string().max(4000),
  visitor,
});

/** Slack caps a text input's value at 3,000 characters; selects and dates are far shorter. */
const selection = z.string().max(3000).nullable();

const selectionsSchema = z.record(z.string().max(255), z.record(z.string().max(255), selection));

/** `POST /playground/action`: click or choose on a message or the Home tab. */
export const actionRequestSchema = z.object({
  user: userId,
  surface: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('message'), ts: z.string().regex(/^\d+\.\d{6}$/) }),
    z.object({ kind: z.literal('home') }),
    z.object({ kind: z.literal('modal'), viewId: z.string().min(1).max(255) }),
  ]),
  blockId: z.string().min(1).max(255),
  actionId: z.string().min(1).max(255),
  selection: selection.optional(),
  selections: selectionsSchema.optional(),
  /** The visitor confirmed the element's `confirm` dialog (Slack sends nothing otherwise). */
  confirmed: z.boolean().optional(),
  visitor,
});

/** `POST /playground/home`: open the Home tab as a person. */
export const homeRequestSchema = z.object({ user: userId });

/** `POST /playground/modal-close`: close the person's top modal. */
export const modalCloseRequestSchema = z.object({
  user: userId,
  viewId: z.string().min(1).max(255),
});

/** `POST /playground/modal-submit`: press the top modal's submit button with what its inputs hold. */
export const modalSubmitRequestSchema = z.object({
  user: userId,
  viewId: z.string().min(1).max(255),
  values: selectionsSchema,
});

/** `POST /playground/customer-text`: a customer texts a person's Zoom Phone number (demo Zoom only). */
export const customerTextRequestSchema = z.object({
  user: userId,
  customer: z.number().int().min(0).max(20),
  text: z.string().min(1).max(2000),
});

/**
 * Trouble the demo Zoom makes on request, to see how the app answers it: its next listing
 * request refused with a 429 asking to wait a second (`busy-briefly`) or 30 seconds (`busy`),
 * every answer late (`slow`), or answers at normal speed again (`normal`).
 */
export const ZOOM_TROUBLES = ['busy-briefly', 'busy', 'slow', 'normal'] as const;

/** One of {@link ZOOM_TROUBLES}. */
export type ZoomTrouble = (typeof ZOOM_TROUBLES)[number];

/** `POST /playground/zoom-trouble`: make the demo Zoom misbehave (demo Zoom only). */
export const zoomTroubleRequestSchema = z.object({ trouble: z.enum(ZOOM_TROUBLES) });

/** Whether the app talks to the embedded demo Zoom or to a real Zoom account. */
export type ZoomMode = 'demo' | 'real';

/** What the page learns when it opens: who it may be and what it talks to. */
export interface PageSession {
  readonly people: readonly PlaygroundPerson[];
  readonly zoom: ZoomMode;
  readonly channel: { readonly id: string; readonly name: string };
  readonly command: string;
  readonly appName: string;
  /** Who can text the people (demo Zoom only): the labels of "a customer texts …". */
  readonly customers: readonly string[];
}

/** Everything the page is sent over its event stream. */
export type PageEvent =
  | {
      readonly type: 'snapshot';
      readonly messages: readonly TimelineMessage[];
      readonly homes: readonly PublishedHome[];
      readonly modals: readonly ModalStackChange[];
    }
  | TimelineChange
  | { readonly type: 'home'; readonly home: PublishedHome }
  | ({ readonly type: 'modals' } & ModalStackChange);
