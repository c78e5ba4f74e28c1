/** The question input shared by the ask tests: a plan with the simulator's journeys and segments, today 2026-11-20. */
import type { AnswerResolution, AskInput, ClarifyResolution, Resolution, UnknownResolution } from '../../../src/ask/types.ts';

export const INPUT: AskInput = {
  today: '2026-11-20',
  timeZone: 'America/New_York',
  vocabulary: {
    journeys: ['billing', 'pharmacy', 'id_card', 'claims', 'find_care', 'benefits'],
    segments: ['ACA', 'Commercial', 'MAPD New', 'MAPD Tenured', 'Medicaid'],
    languages: ['en', 'es', 'zh', 'vi'],
  },
};

const expectKind = <K extends Resolution['kind']>(kind: K) => (r: Resolution): Extract<Resolution, { kind: K }> => {
  if (r.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(r).slice(0, 400)}`);
  return r as Extract<Resolution, { kind: K }>;
};
export const answer: (r: Resolution) => AnswerResolution = expectKind('answer');
export const clarify: (r: Resolution) => ClarifyResolution = expectKind('clarify');
export const unknown: (r: Resolution) => UnknownResolution = expectKind('unknown');
