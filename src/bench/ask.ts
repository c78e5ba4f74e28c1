/**
 * Asking, timed: resolving a question (the offline resolver alone, over questions typed as people
 * type them: word orders, misspellings, numbers in words, dates in words, follow-ups) and an asked
 * answer end to end (resolve, store the question and the thread's subject, run the command through
 * the registry) against the same command run directly.
 */
import { askQuestion } from '../../commands/asking.ts';
import { parseInvocation } from '../../commands/invocation.ts';
import { nextContext } from '../ask/context.ts';
import { resolveQuestion, warmUpResolver } from '../ask/resolve.ts';
import { readVocabulary } from '../ask/store-reads.ts';
import type { AnswerResolution, AskInput } from '../ask/types.ts';
import type { Context } from '../context.ts';
import type { Row } from './figures.ts';
import { summarize, timeRuns, type Summary } from './stats.ts';

/** Questions as typed, across the answers; the follow-ups are asked with a thread's subject. */
const QUESTIONS = [
  "What's breaking right now?", 'whats braking', 'what was breaking on nov 20', 'biggest leaks yesterday', 'how are we doing this week',
  'Who is billing hurting?', 'which members are affected by the pharmacy problems', 'who is getting hurt by id card issues on the 18th',
  'Show me what a billing leak feels like', 'walk me through a member who leaked on pharmacy yesterday', 'show me M-104382s timeline',
  'Is fixing billing worth it?', 'whats the upside if we fix ten percent of biling', 'savings for pharmacy at 25% and $7.50 a call',
  'if we fixed id card by a third what would we save at eight bucks a call', 'Why is billing leaking?', 'whats causing the pharmacey spike',
  'root cause of id_card leaks since Nov 9', 'What should my teams do about billing?', 'recomend next steps for pharmacy',
  'Did the billing fix work since Nov 10?', 'how do we know the id card change worked since the 12th', 'any open alerts', 'how noisy are the alerts',
  'How are the agents doing this week?', 'call center volume by interaction type yesterday', 'cost by device and segment last 14 days',
  'sentiment per language', 'billing calls over time', 'repeat rate by segment for spanish speakers', 'how are new MAPD members doing',
  'tell me a joke', 'delete all the data', 'whats the weather',
];
const FOLLOW_UPS = ['Who is this hurting?', 'Show me what this feels like', 'Is this worth fixing?', 'Why is this happening?', 'What should my teams do next?', 'How do we know it worked?', 'what about pharmacy?', 'and yesterday?'];

/** Each asked question beside the command line it is answered by (the bench store's biggest journey is billing). */
const PAIRS: [question: string, command: string[]][] = [
  ["What's breaking right now?", ['today']],
  ['Who is billing hurting?', ['segments', 'billing']],
  ['Is fixing billing worth it?', ['savings', 'billing']],
  ['Why is billing leaking?', ['why', 'billing']],
];

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const spread = (s: Summary) => `median ${ms(s.median)} (min ${ms(s.min)}, max ${ms(s.max)}, n=${s.n})`;

export async function measureAsk(ctx: Context, today: string, runs: number): Promise<Row[]> {
  const vocabulary = readVocabulary(ctx.store);
  const input: AskInput = { today, timeZone: ctx.config.timeZone, vocabulary };
  warmUpResolver(vocabulary);
  const opening = resolveQuestion('What was breaking on Nov 20?', input) as AnswerResolution;
  const context = nextContext(undefined, opening, { journeys: [{ journey: vocabulary.journeys[0] ?? 'billing' }] });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const q of QUESTIONS) samples.push(...(await timeRuns(1, () => resolveQuestion(q, input))));
    for (const q of FOLLOW_UPS) samples.push(...(await timeRuns(1, () => resolveQuestion(q, { ...input, context }))));
  }
  const resolve = summarize(samples);
  const rows: Row[] = [
    {
      figure: 'resolving a question p95',
      value: ms(resolve.p95),
      goal: '≤ 20 ms',
      met: resolve.p95 <= 20,
      detail: `${spread(resolve)}; ${QUESTIONS.length + FOLLOW_UPS.length} questions as typed (${FOLLOW_UPS.length} follow-ups in a thread) × ${runs}`,
    },
  ];
  let thread = 0;
  for (const [question, command] of PAIRS) {
    const argv = [...command, '--date', today];
    const direct = summarize(await timeRuns(runs * 4, async () => {
      const inv = await parseInvocation(argv, ctx);
      await inv.cmd.run(inv.args, ctx);
    }, 2));
    const asked = summarize(await timeRuns(runs * 4, () => askQuestion(question, ctx, { workspace: 'bench', user: 'bench', threadKey: `bench:${++thread}` }, today), 2));
    rows.push({
      figure: `asked "${question}" p95`,
      value: ms(asked.p95),
      goal: `≤ \`${command.join(' ')}\` + 20 ms`,
      met: asked.p95 <= direct.p95 + 20,
      detail: `${spread(asked)}; \`${argv.join(' ')}\` alone p95 ${ms(direct.p95)}, ${spread(direct)}`,
    });
  }
  return rows;
}
