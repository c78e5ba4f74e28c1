/** The registry lists each command once; everything else (usage, help, surfaces, examples) comes from the command itself. */
import { describe, expect, it } from 'vitest';
import { runsIn } from '../../commands/command.ts';
import { parseInvocation } from '../../commands/invocation.ts';
import { closestCommand, COMMANDS, loadCommand, loadCommands } from '../../commands/registry.ts';
import { commandHelp, helpText, optionsOf, usageOf } from '../../commands/usage.ts';
import { describeError } from '../../src/errors.ts';
import { makeDeps } from '../helpers/store.ts';
import { loadSmallFixture } from '../helpers/fixture-small.ts';

describe('command registry', () => {
  it('each entry loads the command of its name, and no name is listed twice', async () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect((await loadCommand(name))?.name).toBe(name);
    expect(await loadCommand('nope')).toBeUndefined();
  });

  it('keeps what acts on the server’s files or data in the terminal, and says why', async () => {
    const terminalOnly = (await loadCommands()).filter((c) => !runsIn(c, 'slack'));
    expect(terminalOnly.map((c) => c.name).sort()).toEqual(['digest', 'export', 'import', 'publish', 'simulate']);
    for (const c of terminalOnly) expect(c.terminalOnlyBecause, c.name).toMatch(/^it /);
    for (const c of await loadCommands()) expect(runsIn(c, 'terminal'), c.name).toBe(true);
  });

  it('generates usage and help from the schema: positionals, options, --date and --json for questions, examples', async () => {
    const why = (await loadCommand('why'))!;
    expect(usageOf(why)).toBe('why [JOURNEY] [--date YYYY-MM-DD] [--json]');
    const help = commandHelp(why);
    expect(help).toMatch(/^Usage: leak why \[JOURNEY\] \[--date YYYY-MM-DD\] \[--json\]\n\nWhy is this happening/);
    expect(help).toMatch(/\n {2}JOURNEY {2,}the journey to explain/);
    expect(help).toMatch(/\n {2}--json {2,}machine-readable output/);
    expect(help).toMatch(/\nExamples:\n {2}leak why billing {2}what drives a journey’s leak$/);
    expect(await helpText()).toMatch(/^Usage: leak <command> \[options\]\n\nCommands:\n {2}action /);
  });

  it('keeps every help line readable: a long option (simulate --publish nats://HOST:PORT) is not glued to its description', async () => {
    for (const cmd of await loadCommands()) {
      const rows = [...cmd.args.positionals.map((p) => ({ label: p.name, text: p.description })), ...optionsOf(cmd).map((o) => ({ label: `--${o.name}${o.value ? ` ${o.value}` : ''}`, text: o.description }))];
      const lines = commandHelp(cmd).split('\n');
      // Each label, then at least two spaces, then its description, all descriptions in one column.
      const starts = rows.map(({ label, text }) => {
        const line = lines.find((l) => l.startsWith(`  ${label} `) && l.endsWith(text));
        expect(line, `${cmd.name} ${label}`).toBeDefined();
        expect(line!.slice(2 + label.length, line!.length - text.length), `${cmd.name}: ${line}`).toMatch(/^ {2,}$/);
        return line!.length - text.length;
      });
      expect(new Set(starts).size, cmd.name).toBe(1);
    }
  });

  it('refuses unknown commands with a suggestion, and extra words with the generated usage', async () => {
    const deps = makeDeps();
    const line = async (argv: string[]) => parseInvocation(argv, deps).then(() => 'no error', describeError);
    expect(closestCommand('tody')).toBe('today');
    expect(await line(['tody'])).toMatch(/^Unknown command "tody"\. Did you mean "today"\? Commands: action, today, /);
    expect(await line(['today', 'billing'])).toBe('Unexpected argument "billing". Usage: leak today [--date YYYY-MM-DD] [--json]');
    // A positional that takes the rest of the line is never "unexpected".
    expect(await line(['note', '2026-11-17', 'three', 'more', 'words'])).toBe('no error');
  });

  it('every question (and the digest) refuses a past date outside the store with the dates it holds, through one helper', async () => {
    const deps = makeDeps();
    await loadSmallFixture(deps);
    // The positionals a command needs before its --date is read.
    const needs: Record<string, string[]> = { journey: ['M-000001'], member: ['M-000001'], impact: ['billing', '2026-11-15'], ask: ["what's breaking?"] };
    const questions = (await loadCommands()).filter((c) => c.query || c.name === 'digest');
    expect(questions.length).toBeGreaterThanOrEqual(12);
    for (const c of questions) {
      const said = await parseInvocation([c.name, ...(needs[c.name] ?? []), '--date', '2020-01-01'], deps).then(() => 'no error', describeError);
      expect(said, c.name).toMatch(/^No data for (--date )?2020-01-01: the store holds calls from 2026-11-13 to 2026-11-20 \(dates in America\/New_York\)\. Try a date from 2026-11-13 to 2026-11-20\.$/);
    }
  });
});
