/**
 * Slack's directory of people, read through the Web API: the members of a user group (who is in
 * LEAK_EDITORS or LEAK_PII_USERS when those name a group) and users looked up by name (an assignee
 * typed in the terminal). Group members are cached briefly, so a burst of clicks asks Slack once
 * and a change to the group is seen within minutes.
 */
import type { WebClient } from '@slack/web-api';
import type { PeopleList } from '../config.ts';
import { LeakError } from '../errors.ts';

/** How long a group's member list is trusted before Slack is asked again. */
export const GROUP_CACHE_MS = 5 * 60_000;
/** users.list pages read at most (200 people each), so a name lookup is bounded in a huge workspace. */
const MAX_USER_PAGES = 50;

export type SlackUser = { id: string; name: string; realName?: string; displayName?: string };

export type Directory = {
  /** Whether the person is on the list: named directly, or a member of a listed group. */
  isListed(list: PeopleList, userId: string): Promise<boolean>;
  /** Users whose handle, display name or real name is `name` (case-insensitive, leading @ ignored). */
  findUsers(name: string): Promise<SlackUser[]>;
};

export type DirectoryLog = { warn(message: string): void };

export function createDirectory(client: WebClient, opts: { now?: () => number; log?: DirectoryLog } = {}): Directory {
  const now = opts.now ?? Date.now;
  const groups = new Map<string, { members: Set<string>; until: number }>();

  async function membersOf(groupId: string): Promise<Set<string>> {
    const cached = groups.get(groupId);
    if (cached && cached.until > now()) return cached.members;
    let members = new Set<string>();
    try {
      const res = await client.usergroups.users.list({ usergroup: groupId });
      members = new Set(res.users ?? []);
    } catch (e) {
      // Closed by default: a group Slack will not list (no usergroups:read, a deleted group) grants nothing.
      opts.log?.warn(`Leak: could not list the members of user group ${groupId} (${slackError(e)}); treating it as empty. Does the app have the usergroups:read scope?`);
    }
    groups.set(groupId, { members, until: now() + GROUP_CACHE_MS });
    return members;
  }

  return {
    async isListed(list, userId) {
      if (list.users.includes(userId)) return true;
      for (const group of list.groups) if ((await membersOf(group)).has(userId)) return true;
      return false;
    },
    async findUsers(name) {
      const wanted = name.replace(/^@/, '').trim().toLowerCase();
      const found: SlackUser[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_USER_PAGES; page++) {
        let res;
        try {
          res = await client.users.list({ limit: 200, cursor });
        } catch (e) {
          throw new LeakError('bad_config', `Could not look up "${name}" in Slack (users.list: ${slackError(e)}): give the person's Slack user id (U…) instead, or check that the app has the users:read scope.`);
        }
        for (const m of res.members ?? []) {
          if (!m.id || m.deleted || m.is_bot) continue;
          const names = [m.name, m.real_name, m.profile?.display_name, m.profile?.real_name].filter((n): n is string => Boolean(n));
          if (names.some((n) => n.toLowerCase() === wanted)) found.push({ id: m.id, name: m.name ?? m.id, realName: m.real_name, displayName: m.profile?.display_name });
        }
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      return found;
    },
  };
}

const slackError = (e: unknown) => (e as { data?: { error?: string } }).data?.error ?? (e as Error).message;
