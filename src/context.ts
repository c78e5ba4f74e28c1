/**
 * The application context every layer receives: the store, the settings, the clock, a logger and,
 * when a person asked from Slack, who and where. It lives at the bottom of the house so that the
 * domain, the commands, the reports and the faces all point down at it, never up at each other.
 */
import type { WebClient } from '@slack/web-api';
import type { Store } from '../db/open-db.ts';
import type { Config } from './config.ts';

export type Logger = { info(message: string): void; warn(message: string): void };

/** When `npm start` consumes an event log (LEAK_STREAM): how far behind the store is, in one line, from the last reading (never waits on the network). */
export type EventLogStatus = { describe(): string };

/** Set when a command runs for a person in Slack: who asked, in which channel, and a client to post there. */
export type SlackRequester = { userId: string; channelId: string; client: WebClient };

export type Context = {
  store: Store;
  config: Config;
  /** Injected clock, so "today" is testable. */
  now: () => number;
  log: Logger;
  /** Only for work done for a person in Slack (e.g. `action new` posts the action's message in their channel). */
  slack?: SlackRequester;
  /**
   * Whether members' personal details (name, birth year, state, exact enrolment date) may be in an
   * answer. Slack sets it per audience; unset, they show in the terminal (run on the server) and stay
   * out of anything asked from Slack (ctx.slack set).
   */
  memberDetails?: boolean;
  /** Set by `npm start` while it consumes an event log; the Home tab shows it. */
  eventLog?: EventLogStatus;
};

/** Whether members' personal details may be in this answer: as Slack set it for the audience, else only outside Slack. */
export const showsMemberDetails = (ctx: Pick<Context, 'memberDetails' | 'slack'>): boolean => ctx.memberDetails ?? !ctx.slack;

export const consoleLogger: Logger = { info: (m) => console.log(m), warn: (m) => console.warn(m) };
