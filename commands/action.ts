/**
 * `leak action new|list|show|ack|start|ship|dismiss`: the same lifecycle the Slack buttons drive,
 * from the terminal. Changes made here are announced in the action's Slack thread by the next
 * scheduler run. A refused transition exits 1 with the reason.
 */
import { LeakError } from '../src/errors.ts';
import { zoneClock } from '../src/time.ts';
import { createAction, listHistory, requireAction, transitionAction } from '../src/actions/repository.ts';
import { announceAction, postActionMessage } from '../src/actions/announce.ts';
import { measureActionOutcome } from '../src/actions/outcome.ts';
import { queryOpenActions } from '../src/actions/open-actions.ts';
import { renderOpenActionsText } from './open-actions-table.ts';
import { STATUS_LABEL } from '../src/actions/state-machine.ts';
import { formatActionId, parseActionId, type Action, type ActionEvent } from '../src/actions/types.ts';
import { badArgument, checkDateText, journeyArg } from './args.ts';
import { defineCommand, EVERYWHERE, type ParsedArgs } from './command.ts';
import { JSON_OPTION } from './usage-line.ts';
import type { Context } from '../src/context.ts';
import { plainTextOf } from '../src/blocks/mrkdwn.ts';
import { postingHint } from '../src/slack-delivery.ts';
import { resolveAssignee } from '../src/people/assignee.ts';
import { renderActionBlocks, type ActionResult } from './action-blocks.ts';

const SUBCOMMANDS = ['new', 'list', 'show', 'ack', 'start', 'ship', 'dismiss'] as const;
type Sub = (typeof SUBCOMMANDS)[number];

export type ActionArgs =
  | { sub: 'new'; journey: string; title: string; team: string; segment?: string; error?: string; effort?: string; by: string }
  | { sub: 'list'; all: boolean }
  | { sub: 'show'; id: number }
  | { sub: 'transition'; id: number; event: ActionEvent; by: string };


const str = (p: ParsedArgs, name: string) => {
  const v = p.values[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

function idArg(p: ParsedArgs): number {
  const raw = p.positionals[1];
  const id = raw === undefined ? undefined : parseActionId(raw);
  if (id === undefined) throw badArgument(`Which action? Give its id, e.g. A-3 (got ${JSON.stringify(raw ?? '')}). Usage: ${p.usage}`);
  return id;
}

function parseActionArgs(p: ParsedArgs, ctx: Context): ActionArgs {
  const sub = p.positionals[0] as Sub | undefined;
  if (!sub || !SUBCOMMANDS.includes(sub)) throw badArgument(`Unknown action subcommand ${JSON.stringify(sub ?? '')}: use one of ${SUBCOMMANDS.join(', ')}. Usage: ${p.usage}`);
  const by = str(p, 'by') ?? 'cli';
  switch (sub) {
    case 'new': {
      const journey = journeyArg(p.positionals[1], ctx);
      const title = p.positionals.slice(2).join(' ').trim();
      const team = str(p, 'team');
      if (!journey || !title || !team) throw badArgument(`A new action needs a journey, a title and --team. Usage: leak action new JOURNEY "title" --team TEAM`);
      return { sub, journey, title: title.slice(0, 200), team, segment: str(p, 'segment'), error: str(p, 'error'), effort: str(p, 'effort'), by };
    }
    case 'list':
      return { sub, all: p.values.all === true };
    case 'show':
      return { sub, id: idArg(p) };
    case 'ack': {
      const assignee = str(p, 'assignee');
      return { sub: 'transition', id: idArg(p), event: assignee ? { kind: 'assign', assignee } : { kind: 'take' }, by };
    }
    case 'start':
      return { sub: 'transition', id: idArg(p), event: { kind: 'start' }, by };
    case 'ship': {
      const date = str(p, 'ship-date') ?? zoneClock(ctx.config.timeZone).today(ctx.now());
      checkDateText('--ship-date', date);
      if (date > zoneClock(ctx.config.timeZone).today(ctx.now())) throw badArgument(`--ship-date ${date} is in the future; mark an action shipped once it has shipped.`);
      return { sub: 'transition', id: idArg(p), event: { kind: 'ship', shipDate: date }, by };
    }
    case 'dismiss': {
      const reason = str(p, 'reason');
      if (!reason) throw badArgument(`Dismissing needs --reason "why", so the channel knows. Usage: leak action dismiss ID --reason "why"`);
      return { sub: 'transition', id: idArg(p), event: { kind: 'dismiss', reason }, by };
    }
  }
}

async function runAction(given: ActionArgs, ctx: Context): Promise<ActionResult> {
  const args = given.sub === 'transition' && given.event.kind === 'assign' ? { ...given, event: { ...given.event, assignee: await resolveAssignee(given.event.assignee, ctx) } } : given;
  const result = applyAction(args, ctx);
  // From Slack, the change shows up at once: a new action gets its message in the channel, a
  // transition its thread reply and updated message. From the CLI, the hourly job does it.
  if (ctx.slack && result.kind !== 'list' && result.kind !== 'show') {
    const { client, channelId } = ctx.slack;
    let action = result.action;
    if (!action.threadTs) {
      try {
        action = await postActionMessage(ctx.store, client, action, action.channel ?? channelId);
      } catch (e) {
        // The change is made and recorded; only its message is missing, and the person can fix why.
        const hint = postingHint(e);
        if (!hint) throw e;
        return { ...result, action: requireAction(ctx.store, action.id), message: `${result.message} Its message is not posted: ${hint}` };
      }
    }
    await announceAction(ctx.store, client, action.id, ctx.config);
    return { ...result, action: requireAction(ctx.store, action.id) };
  }
  return result;
}

function applyAction(args: ActionArgs, ctx: Context): ActionResult {
  const { store } = ctx;
  const via = ctx.slack ? ('slack-command' as const) : ('cli' as const);
  const actor = (user: string) => ({ user: ctx.slack?.userId ?? user, via, at: ctx.now() });
  switch (args.sub) {
    case 'list':
      return { kind: 'list', actions: queryOpenActions(ctx, { all: args.all }), all: args.all };
    case 'show': {
      const action = requireAction(store, args.id);
      return { kind: 'show', action, history: listHistory(store, action.id), message: `${formatActionId(action.id)} is ${STATUS_LABEL[action.status].toLowerCase()}.`, outcome: outcomeOf(ctx, action) };
    }
    case 'new': {
      const { action } = createAction(store, { journey: args.journey, title: args.title, ownerTeam: args.team, segment: args.segment, errorMessage: args.error, effort: args.effort }, actor(args.by));
      return { kind: 'created', action, history: listHistory(store, action.id), message: `Created ${formatActionId(action.id)} (proposed) for ${args.journey}, owner team ${args.team}.` };
    }
    case 'transition': {
      const r = transitionAction(store, args.id, args.event, actor(args.by));
      if (!r.ok) throw new LeakError('conflict', plainTextOf(r.reason));
      const message = `${formatActionId(args.id)}: ${STATUS_LABEL[r.before.status].toLowerCase()} → ${STATUS_LABEL[r.action.status].toLowerCase()}.`;
      return { kind: 'changed', action: r.action, history: listHistory(store, args.id), message, outcome: outcomeOf(ctx, r.action) };
    }
  }
}

/** The outcome so far of a shipped action as of today: the same measure `impact A-3` and the thread use. */
const outcomeOf = (ctx: Context, action: Action) => (action.shipDate ? measureActionOutcome(ctx, action, zoneClock(ctx.config.timeZone).today(ctx.now())) : null);

function renderActionText(r: ActionResult): string {
  if (r.kind === 'list') return renderOpenActionsText(r.actions, r.all ? 'All actions' : 'Open actions');
  const a = r.action;
  const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
  return [
    r.message,
    '',
    `${formatActionId(a.id)}  ${a.title}`,
    `  journey ${a.journey}${a.segment ? `, segment ${a.segment}` : ''}${a.errorMessage ? `, error "${a.errorMessage}"` : ''}`,
    `  team ${a.ownerTeam}, assignee ${a.assignee ?? '-'}, status ${STATUS_LABEL[a.status]}${a.shipDate ? `, shipped ${a.shipDate}` : ''}${a.dismissReason ? `, dismissed: ${a.dismissReason}` : ''}`,
    ...(r.outcome
      ? [`  outcome so far (${r.outcome.before.days} days before ${a.shipDate} vs ${r.outcome.afterDays} after): ${r.outcome.sentence}`]
      : a.shipDate ? ['  outcome: no complete day after the ship date yet'] : []),
    `  thread ${a.channel && a.threadTs ? `${a.channel} ${a.threadTs}` : `not posted to Slack yet${a.postError ? ` (${a.postAttempts} failed attempt${a.postAttempts === 1 ? '' : 's'} in ${a.channel ?? 'no channel'}, last: ${a.postError})` : ''}`}`,
    'History:',
    ...r.history.map((h) => `  ${when(h.at)}  ${h.fromStatus ?? '-'} → ${h.toStatus}  by ${h.byUser} via ${h.via}${h.detail ? `  (${h.detail})` : ''}`),
  ].join('\n');
}

export default defineCommand({
  name: 'action',
  summary: 'Track a fix: new, list, show, ack, start, ship, dismiss (the same lifecycle as the Slack buttons)',
  args: {
    positionals: [
      { name: 'SUBCOMMAND', description: `one of ${SUBCOMMANDS.join(', ')}`, required: true },
      { name: 'ID|JOURNEY "title"', description: 'the action (A-3), or for new the journey and a title', rest: true },
    ],
    options: [
      { name: 'team', type: 'string', value: 'TEAM', description: 'owner team (new)' },
      { name: 'segment', type: 'string', value: 'SEGMENT', description: 'segment the fix targets (new)' },
      { name: 'error', type: 'string', value: 'MESSAGE', description: 'error message the fix targets (new)' },
      { name: 'effort', type: 'string', value: 'S|M|L', description: 'effort estimate (new)' },
      { name: 'assignee', type: 'string', value: 'USER', kind: 'user', description: 'assign someone when acknowledging (ack): @mention them in Slack; in the terminal a user id (U…), or a name when SLACK_BOT_TOKEN is set' },
      { name: 'ship-date', type: 'string', value: 'YYYY-MM-DD', description: 'when it shipped (ship; default today)' },
      { name: 'reason', type: 'string', value: 'TEXT', description: 'why it is dismissed (dismiss)' },
      { name: 'by', type: 'string', value: 'USER', description: 'who is making the change (default cli)' },
      { name: 'all', type: 'boolean', description: 'list closed actions too (list)' },
      JSON_OPTION,
    ],
  },
  query: false,
  surfaces: EVERYWHERE,
  createsStore: true,
  changes: (a: ActionArgs) => a.sub !== 'list' && a.sub !== 'show',
  examples: [
    { line: 'action new billing "Reword the eligibility error" --team Web', what: 'propose a fix' },
    { line: 'action list --all', what: 'every action, closed ones too' },
    { line: 'action ack A-3 --assignee U0123', what: 'take it, or give it to someone' },
    { line: 'action ship A-3 --ship-date 2026-11-20', what: 'shipped: the before/after starts' },
    { line: 'action dismiss A-3 --reason "duplicate of A-2"', what: 'drop it, saying why' },
  ],
  parse: parseActionArgs,
  run: runAction,
  renderText: renderActionText,
  renderBlocks: renderActionBlocks,
});
