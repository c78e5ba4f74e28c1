/** The manifest an admin pastes matches what the app registers and uses: one command, three events, exact scopes. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SLASH_COMMAND } from '../../../src/slack/listeners/commands/index.ts';
import { HOW_TO_CONNECT, startSlackIfConfigured } from '../../../src/slack/start.ts';
import { makeDeps } from '../../helpers/store.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const manifest = fs.readFileSync(path.join(root, 'src/slack/manifest.yml'), 'utf8');
const listOf = (key: string) => {
  const m = manifest.match(new RegExp(`\\n(\\s*)${key}:\\n((?:\\1\\s+(?:- .*|#.*)\\n)+)`));
  return (m?.[2] ?? '').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
};

describe('src/slack/manifest.yml', () => {
  it('declares exactly the scopes the app uses', () => {
    expect(listOf('bot').sort()).toEqual(['app_mentions:read', 'chat:write', 'chat:write.public', 'commands', 'files:write', 'im:history', 'usergroups:read', 'users:read']);
  });

  it('asks Slack to send people and channels in /leak as ids (should_escape), which the argument parsers read', () => {
    expect(manifest).toMatch(/- command: \/leak\n(?:\s+\S.*\n)*?\s+should_escape: true\n/);
  });

  it('subscribes to the events the app listens to', () => {
    const events = listOf('bot_events').sort();
    expect(events).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    const registered = fs.readFileSync(path.join(root, 'src/slack/listeners/events/index.ts'), 'utf8').match(/app\.event\('([a-z_]+)'/g)?.map((s) => s.slice(11, -1)).sort();
    // Slack delivers message.im as a `message` event (channel_type im); the listener takes only those.
    expect(registered).toEqual(events.map((e) => (e === 'message.im' ? 'message' : e)));
  });

  it('lets people write to Leak in its DM', () => {
    expect(manifest).toMatch(/messages_tab_enabled: true\n(\s+#.*\n)?\s+messages_tab_read_only_enabled: false/);
  });

  it('points the command, events and interactivity at /slack/events on the placeholder host', () => {
    expect(manifest).toContain(`- command: ${SLASH_COMMAND}\n`);
    expect(manifest.match(/(url|request_url): (\S+)/g)).toEqual([
      'url: https://leak.example.com/slack/events',
      'request_url: https://leak.example.com/slack/events',
      'request_url: https://leak.example.com/slack/events',
    ]);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });
});

describe('npm start without Slack credentials', () => {
  it('says how to connect and starts nothing', async () => {
    const lines: string[] = [];
    const service = await startSlackIfConfigured(makeDeps(), { info: (m) => lines.push(m) });
    expect(service).toBeUndefined();
    expect(lines).toEqual([HOW_TO_CONNECT]);
    expect(HOW_TO_CONNECT).toContain('src/slack/manifest.yml');
  });
});
