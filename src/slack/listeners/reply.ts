/** A private, one-line answer to whoever clicked: refusals and confirmations change nothing in the channel. */
import type { RespondFn } from '@slack/bolt';

export const privately = async (respond: RespondFn, text: string): Promise<void> => {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
};
