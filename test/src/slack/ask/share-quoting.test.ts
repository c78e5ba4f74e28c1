/**
 * An asked answer's "Understood as" line and Share button are lines Slack's tokenize reads back word
 * for word, so Share re-runs the same question. A value with an apostrophe is the case a shell's
 * quoting ('Kid'\''s Care') gets wrong. No value the resolver reaches today has one (plans, journeys
 * and languages are closed lists), so the answer is built from its slots, as the resolver builds it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerResolution } from '../../../../commands/asking.ts';
import { commandArgv } from '../../../../src/ask/argv.ts';
import type { AnswerResolution, Slots } from '../../../../src/ask/types.ts';
import { answerLine } from '../../../../src/slack/answer.ts';
import { renderAsked } from '../../../../src/slack/ask/blocks.ts';
import { tokenize } from '../../../../src/slack/tokenize.ts';
import { makeDeps } from '../../../helpers/store.ts';
import { NOW, seedLeaks } from '../seed.ts';
import { understoodOf, type Reply } from './ask-app.ts';

const deps = makeDeps({ now: NOW });
beforeAll(() => seedLeaks(deps));

describe('an asked answer with an apostrophe in a value', () => {
  it('shows the line as Slack reads it, and Share re-runs the same question with the value intact', async () => {
    const slots: Slots = { measure: 'calls', by: ['journey'], segment: "Kid's Care", date: '2026-11-24' };
    const resolution: AnswerResolution = { kind: 'answer', intent: 'cube', slots, argv: commandArgv('cube', slots), confidence: 'high', source: 'words' };
    expect(resolution.argv).toContain("segment=Kid's Care");
    const asked = await answerResolution("what's breaking for kid's care members?", resolution, deps, { workspace: 'T1', user: 'U1' });
    const reply = JSON.parse(JSON.stringify(renderAsked(asked, deps, { ephemeral: true }))) as Reply;

    expect(tokenize(understoodOf(reply)!)).toEqual(resolution.argv);
    const share = reply.blocks.find((b) => b.block_id === 'leak_share').elements[0].value as string;
    expect(tokenize(share)).toEqual(resolution.argv);
    // What the Share listener runs: the same answer, not a refusal of a split argument.
    const shared = await answerLine(share, deps, { shareable: false, audience: 'channel', questionsOnly: true });
    expect(shared.failed).toBeUndefined();
    expect(shared.text).toBe(reply.text);
    expect(shared.text).toContain("segment=Kid's Care");
  });
});
