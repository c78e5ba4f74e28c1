/** The Home tab is rebuilt from the store every time someone opens it. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { publishHomeView } from '../../home/publish.ts';
import { appHomeOpenedSchema, checkPayload } from '../../payloads.ts';

export function appHomeOpened(ctx: Context) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    const e = checkPayload(appHomeOpenedSchema, event, 'app_home_opened', logger);
    if (!e || (e.tab !== undefined && e.tab !== 'home')) return;
    await publishHomeView(client, e.user, ctx, logger);
  };
}
