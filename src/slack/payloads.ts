/**
 * The shapes the listeners rely on, checked at the edge with zod: a payload missing what we need
 * is logged and ignored instead of failing somewhere deeper with a TypeError.
 */
import * as z from 'zod';

export const slashCommandSchema = z.object({
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  response_url: z.string().url(),
});

export const buttonActionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(2000) })).min(1),
});

export const appMentionSchema = z.object({
  type: z.literal('app_mention'),
  text: z.string(),
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  user: z.string().optional(),
});

export const appHomeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  tab: z.string().optional(),
});

export type EdgeLog = { warn(...args: unknown[]): void };

/** Parses or logs why not; undefined means "ignore this payload". */
export function checkPayload<T>(schema: z.ZodType<T>, value: unknown, what: string, log: EdgeLog): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  log.warn(`Leak: ignored a ${what} payload: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return undefined;
}
