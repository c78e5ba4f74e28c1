import type { WebClient } from '@slack/web-api';
import type { Context } from '../../context.ts';
import { errorLine, type ErrorLog } from '../error-reply.ts';
import { describeSlackFailure, isSlackFailure } from '../../slack-delivery.ts';
import { buildHomeBlocks } from './blocks.ts';
import { queryHome } from './query.ts';

export async function publishHomeView(client: WebClient, userId: string, ctx: Context, log: ErrorLog & { warn(...a: unknown[]): void } = console): Promise<void> {
  try {
    await client.views.publish({ user_id: userId, view: buildHomeBlocks(queryHome(ctx)) });
  } catch (e) {
    log.warn(`Leak: Home tab not published for ${userId}: ${isSlackFailure(e) ? describeSlackFailure(e) : errorLine(e, log)}`);
  }
}
