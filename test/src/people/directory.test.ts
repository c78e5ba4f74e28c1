/** Slack's directory through the Web API stand-in: user groups cached briefly and closed on error, names paged through users.list. */
import { describe, expect, it } from 'vitest';
import { createDirectory, GROUP_CACHE_MS } from '../../../src/people/directory.ts';
import { useFakeSlack } from '../../helpers/fake-slack.ts';

const fake = useFakeSlack();

describe('createDirectory', () => {
  it('lists people by id or through a user group, asking Slack again only after the cache expires', async () => {
    fake.slack.directory.groups.S0WEB0001 = ['U0ANA0001'];
    let now = 1_000_000;
    const dir = createDirectory(fake.client, { now: () => now });
    const list = { users: ['U0BEN0001'], groups: ['S0WEB0001'] };
    const calls = () => fake.slack.callsTo('usergroups.users.list').length;
    const before = calls();
    expect(await dir.isListed(list, 'U0BEN0001')).toBe(true);
    expect(calls()).toBe(before);
    expect(await dir.isListed(list, 'U0ANA0001')).toBe(true);
    expect(await dir.isListed(list, 'U0CAL0001')).toBe(false);
    expect(calls()).toBe(before + 1);
    fake.slack.directory.groups.S0WEB0001 = ['U0ANA0001', 'U0CAL0001'];
    now += GROUP_CACHE_MS - 1;
    expect(await dir.isListed(list, 'U0CAL0001')).toBe(false);
    now += 2;
    expect(await dir.isListed(list, 'U0CAL0001')).toBe(true);
    expect(calls()).toBe(before + 2);
  });

  it('treats a group Slack will not list as empty, and says why once per lookup', async () => {
    const warnings: string[] = [];
    const dir = createDirectory(fake.client, { log: { warn: (m) => warnings.push(m) } });
    expect(await dir.isListed({ users: [], groups: ['S0GONE001'] }, 'U0ANA0001')).toBe(false);
    expect(warnings).toEqual([
      'Leak: could not list the members of user group S0GONE001 (no_such_subteam); treating it as empty. Does the app have the usergroups:read scope?',
    ]);
  });

  it('finds people by handle, display name or real name across pages, skipping bots and deactivated accounts', async () => {
    fake.slack.directory.users = [
      ...Array.from({ length: 450 }, (_, i) => ({ id: `U0FILL${String(i).padStart(4, '0')}`, name: `filler${i}` })),
      { id: 'U0BOB0001', name: 'bob', real_name: 'Bob Stone', display_name: 'Bobby' },
      { id: 'U0BOB0002', name: 'bob.old', real_name: 'Bob Stone', deleted: true },
      { id: 'U0BOT0001', name: 'bobbot', display_name: 'bob', is_bot: true },
    ];
    const dir = createDirectory(fake.client);
    const before = fake.slack.callsTo('users.list').length;
    expect(await dir.findUsers('@Bobby')).toEqual([{ id: 'U0BOB0001', name: 'bob', realName: 'Bob Stone', displayName: 'Bobby' }]);
    expect(fake.slack.callsTo('users.list').length - before).toBe(3);
    expect((await dir.findUsers('bob stone')).map((u) => u.id)).toEqual(['U0BOB0001']);
    expect(await dir.findUsers('nobody')).toEqual([]);
  });
});
