/** Text from data or people is never markup: Slack's own escaping for anything put into mrkdwn. */
export const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
