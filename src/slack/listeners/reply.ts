/** A private, one-line answer to whoever clicked: refusals and confirmations change nothing in the channel. */
import type { RespondFn } from '@slack/bolt';
import { fitMessage } from '../../blocks/limits.ts';
import type { Mrkdwn } from '../../blocks/mrkdwn.ts';

export const privately = async (respond: RespondFn, text: Mrkdwn): Promise<void> => {
  await respond({ response_type: 'ephemeral', replace_original: false, ...fitMessage(text) });
};
