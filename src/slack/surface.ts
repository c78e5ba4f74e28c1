/**
 * Commands that act on the server's files stay in the terminal: `import` reads a path on the host
 * and `digest --out` writes files there, which nobody in a Slack workspace should be able to do;
 * `action` runs from Slack too: /leak passes the requester (ctx.slack), so the actor is the Slack user.
 */
import type { AnyCommand } from '../../commands/types.ts';

export const CLI_ONLY = new Set(['import', 'digest']);

export const isSlackCommand = (cmd: AnyCommand) => !CLI_ONLY.has(cmd.name);
