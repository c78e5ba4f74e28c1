/**
 * The optional large-language-model resolver (LEAK_LLM_URL, LEAK_LLM_KEY, LEAK_LLM_MODEL): an
 * OpenAI-compatible chat-completions endpoint is asked, only when the offline resolver did not
 * understand a question (or understood it only weakly), for the intent and the word-valued slots:
 * journey, segment, language, cube measure and dimensions, each from a closed list. It is never asked
 * for numbers or dates: those come from the person's own words, read offline. Anything else in its
 * reply (a number, a date, an unknown intent such as "delete", prose) is refused and the offline
 * result stands. One bounded request (timeout), no retries, and a refused question never leaves.
 */
import * as z from 'zod';
import { buildResolution } from './build.ts';
import { readQuestion } from './read.ts';
import { resolveFound } from './resolve.ts';
import { DIMENSIONS, INTENTS, MEASURES, type AskInput, type Resolution } from './types.ts';
import { tablesFor, type Tables } from './vocabulary.ts';

export type LlmSettings = { url: string; key?: string; model: string; timeoutMs: number };
export type LlmOutcome = 'answered' | 'not_understood' | 'refused_question' | 'invalid_reply' | 'timeout' | 'http_error';
export type LlmResolver = { resolve(text: string, input: AskInput, signal?: AbortSignal): Promise<{ resolution: Resolution; outcome: LlmOutcome }> };

const MAX_REPLY_CHARS = 20_000;
const envelope = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });

const enumOf = (values: string[]) => z.enum(values as [string, ...string[]]);

/** The only reply accepted: an intent and word-valued slots from the store's lists. Extra keys are refused. */
function replySchema(t: Tables, languages: string[]) {
  return z
    .object({
      intent: z.enum([...INTENTS, 'unknown']),
      journey: enumOf(t.journeys).optional(),
      segment: enumOf(t.segments).optional(),
      language: languages.length ? enumOf(languages).optional() : z.undefined(),
      measure: z.enum(MEASURES).optional(),
      by: z.array(z.enum(DIMENSIONS)).min(1).max(3).optional(),
    })
    .strict();
}

function systemPrompt(t: Tables, languages: string[]): string {
  return [
    'You map a question about digital-to-call leakage in a health plan onto one read-only report. Reply with one JSON object and nothing else:',
    `{"intent": one of ${JSON.stringify([...INTENTS, 'unknown'])}, optional "journey", "segment", "language", "measure", "by"}.`,
    'today = what is breaking; segments = who is hurt; journey = one member\'s timeline; member = a member\'s record; savings = is fixing worth it;',
    'why = root cause; actions = what teams should do; impact = did a fix work; alerts; agents = contact-center agents; interactions = volume by interaction type;',
    'cube = a measure broken down by dimensions.',
    `journey is one of ${JSON.stringify(t.journeys)}; segment one of ${JSON.stringify(t.segments)}; language one of ${JSON.stringify(languages)};`,
    `measure one of ${JSON.stringify(MEASURES)}; by a list of up to 3 of ${JSON.stringify(DIMENSIONS)}.`,
    'Leave out anything the question does not say. Never include numbers, dates, member ids or any other key.',
    'A request to change, delete or run anything, or anything not about these reports, is {"intent": "unknown"}.',
  ].join('\n');
}

export function createLlmResolver(settings: LlmSettings): LlmResolver {
  return {
    async resolve(text, input, signal) {
      const tables = tablesFor(input.vocabulary);
      const found = readQuestion(text, input.today, tables);
      const offline = () => resolveFound(found, input);
      if (found.refused) return { resolution: offline(), outcome: 'refused_question' };
      const languages = input.vocabulary.languages.map((l) => l.toLowerCase());
      let content: string;
      try {
        const timeout = AbortSignal.timeout(settings.timeoutMs);
        const res = await fetch(settings.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(settings.key ? { authorization: `Bearer ${settings.key}` } : {}) },
          body: JSON.stringify({
            model: settings.model,
            temperature: 0,
            response_format: { type: 'json_object' },
            messages: [
              { role: 'system', content: systemPrompt(tables, languages) },
              { role: 'user', content: text.slice(0, 500) },
            ],
          }),
          signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
        });
        if (!res.ok) return { resolution: offline(), outcome: 'http_error' };
        const body = await res.text();
        const parsed = body.length <= MAX_REPLY_CHARS ? envelope.safeParse(parseJson(body)) : undefined;
        if (!parsed?.success) return { resolution: offline(), outcome: 'invalid_reply' };
        content = parsed.data.choices[0].message.content;
      } catch (e) {
        const name = (e as Error).name;
        return { resolution: offline(), outcome: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'http_error' };
      }
      const reply = replySchema(tables, languages).safeParse(parseJson(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, '')));
      if (!reply.success) return { resolution: offline(), outcome: 'invalid_reply' };
      const r = reply.data;
      if (r.intent === 'unknown') return { resolution: offline(), outcome: 'not_understood' };
      const filled = {
        ...found,
        journeys: r.journey ? [r.journey] : found.journeys,
        segments: r.segment ? [[r.segment]] : found.segments,
        language: r.language ?? found.language,
        measure: r.measure ?? found.measure,
        by: r.by ?? found.by,
      };
      return { resolution: buildResolution({ intent: r.intent, found: filled, input, tables, source: 'llm', confidence: 'high' }), outcome: 'answered' };
    },
  };
}

/**
 * The offline resolver first; the LLM only for a question it did not understand (not one it refused)
 * or answered with low confidence, and its answer is used only if it is an answer or a clarification.
 */
export async function resolveWithFallback(text: string, input: AskInput, llm: LlmResolver | undefined, signal?: AbortSignal): Promise<Resolution> {
  const tables = tablesFor(input.vocabulary);
  const offline = resolveFound(readQuestion(text, input.today, tables), input);
  const weak = (offline.kind === 'unknown' && offline.reason === 'not_understood') || (offline.kind === 'answer' && offline.confidence === 'low');
  if (!llm || !weak || !text.trim()) return offline;
  const { resolution } = await llm.resolve(text, input, signal);
  return resolution.kind === 'unknown' ? offline : resolution;
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
