import { z } from 'zod';

const owner = z.object({
  id: z.string().optional(),
  type: z.string().optional(),
});

const party = z.object({
  display_name: z.string().optional(),
  phone_number: z.string(),
  owner: owner.optional(),
});

/**
 * 200 body of `GET /phone/sms/sessions/{sessionId}`, transcribed from
 * spec/zoom/phone-sms-openapi.json (`sender.phone_number` and `to_members[].phone_number`
 * are the only required properties there). Strict objects, so the demo cannot invent fields.
 */
export const zoomSmsSessionDetailsSchema = z.strictObject({
  next_page_token: z.string().optional(),
  page_size: z.number().int().optional(),
  sms_histories: z
    .array(
      z.strictObject({
        attachments: z
          .array(
            z.strictObject({
              download_url: z.string().optional(),
              id: z.string().optional(),
              name: z.string().optional(),
              size: z.number().int().optional(),
              type: z.enum(['OTHER', 'PNG', 'GIF', 'JPG', 'AUDIO', 'VIDEO']).optional(),
            }),
          )
          .max(10)
          .optional(),
        date_time: z.string().optional(),
        direction: z.string().optional(),
        message: z.string().optional(),
        message_id: z.string().optional(),
        delivery_status: z
          .enum(['received', 'delivered', 'failed_to_send', 'sent', 'failed_to_deliver', 'unknown'])
          .optional(),
        message_type: z.literal([1, 2, 3, 4, 5, 6]).optional(),
        sender: party.optional(),
        to_members: z.array(party).max(10).optional(),
      }),
    )
    .max(100)
    .optional(),
});
