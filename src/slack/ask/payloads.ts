/** The shapes the asking listeners rely on, checked at the edge with zod (see ../payloads.ts). */
import { z } from 'zod';

/** A direct message to the bot (message.im). Edits, deletions and bot messages are dropped before this. */
export const imMessageSchema = z.object({
  type: z.literal('message'),
  channel_type: z.literal('im'),
  channel: z.string().min(1),
  user: z.string().min(1),
  text: z.string(),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
});

/** A click on a button, menu or date picker under an asked answer or clarifying question. */
export const askActionSchema = z.object({
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullable().optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ message_ts: z.string().optional(), channel_id: z.string().optional(), is_ephemeral: z.boolean().optional() }).optional(),
  response_url: z.string().url().optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        block_id: z.string().optional(),
        value: z.string().max(2000).optional(),
        selected_option: z.object({ value: z.string() }).optional(),
        selected_date: z.string().optional(),
      }),
    )
    .min(1),
});
export type AskAction = z.infer<typeof askActionSchema>;

export const workspaceOf = (p: AskAction) => p.team?.id ?? p.user.team_id ?? 'slack';
