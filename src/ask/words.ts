/**
 * The vocabulary of questions: cue phrases per intent (with weights), synonyms for journeys,
 * segments, cube measures and dimensions, and the words of requests Leak refuses. Everything is
 * lower case without apostrophes ("whats", "dont"), as the tokeniser produces it.
 */
import type { Dimension, Intent, Measure } from './types.ts';

type Cues = [phrase: string, weight: number][];

/** An intent needs a score of at least 2 to be answered; 4 or more is high confidence. */
export const INTENT_CUES: Record<Intent, Cues> = {
  today: [
    ['breaking', 4], ['broken', 4], ['broke', 4], ['leaking', 2], ['leak', 1], ['leaks', 2], ['whats wrong', 3], ['going wrong', 3],
    ['biggest leak', 4], ['biggest leaks', 4], ['top leaks', 4], ['worst', 2], ['status', 2], ['overview', 3], ['failing', 3],
    ['failures', 2], ['how are we doing', 4], ['how bad', 2], ['problems', 2], ['issues', 2], ['spiking', 3], ['spike', 2],
    ['on fire', 3], ['right now', 1], ['summary', 3], ['update', 2], ['headline', 3], ['doing', 2],
    ['pain point', 4], ['pain points', 4], ['bleeding', 4], ['where are we', 2], ['losing money', 3], ['money drain', 5], ['drain', 3],
    ['costing us the most', 6], ['costs the most', 5], ['cost the most', 5], ['most expensive', 5], ['problem', 2], ['damage', 3],
    ['worry about', 4], ['worried', 3], ['concerned', 3], ['briefing', 4], ['brief me', 4], ['tldr', 4], ['tl dr', 4], ['recap', 4],
    ['rundown', 4], ['snapshot', 3], ['whats new', 4], ['whats up', 3], ['what happened', 3], ['how did we do', 4], ['are we ok', 4],
    ['are we okay', 4], ['should i know', 4], ['numbers', 3], ['stats', 3], ['metrics', 3], ['kpis', 3], ['dashboard', 3],
    ['situation', 3], ['money going', 4], ['issue', 2], ['biggest issue', 4], ['biggest problem', 4], ['top problem', 4], ['going on', 3], ['hotspots', 4], ['hot spots', 4], ['daily summary', 6], ['daily briefing', 6], ['everything', 2],
  ],
  segments: [
    ['hurting', 4], ['hurt', 4], ['hurts', 4], ['who', 1], ['affected', 3], ['impacted', 3], ['segment', 3], ['segments', 3],
    ['which members', 4], ['what members', 4], ['epicenter', 4], ['cohort', 3], ['cohorts', 3], ['suffering', 3], ['feeling the pain', 4],
    ['whos calling', 5], ['who is calling', 5], ['who calls', 4], ['struggling', 3], ['demographics', 4], ['how many members', 3],
  ],
  journey: [
    ['feels like', 6], ['feel like', 6], ['looks like', 3], ['experience', 3], ['timeline', 5], ['playback', 5], ['replay', 5],
    ['walk me through', 4], ['story', 3], ['example member', 4], ['a member who', 4], ['what happened to', 5], ['member journey', 4],
    ['journey of', 4], ['journey for', 4], ['example', 3], ['an example', 5], ['real member', 5], ['show me one', 5], ['look like', 3],
    ['look like for', 5], ['goes through', 3], ['go through', 3], ['got stuck', 3], ['someone who', 4], ['somebody who', 4], ['show me someone', 5],
  ],
  member: [['profile', 4], ['member 360', 6], ['360', 3], ['tell me about', 2], ['details', 2], ['member', 1], ['lookup', 2], ['look up', 2], ['pull up', 2], ['record', 2]],
  savings: [
    ['worth', 4], ['upside', 5], ['save', 4], ['saves', 4], ['saving', 4], ['savings', 5], ['roi', 4], ['what if', 2], ['value', 2],
    ['pay off', 3], ['payoff', 3], ['business case', 5], ['how much money', 4], ['costing us', 4], ['cost us', 4], ['annual', 2],
    ['annually', 2], ['if we fix', 4], ['if we fixed', 4], ['fixing', 2], ['a year', 1], ['how much', 2], ['how much does', 3],
    ['losing', 3], ['lose', 3], ['if we cut', 4], ['if we reduce', 4], ['if we halve', 4], ['exposure', 4], ['run rate', 4], ['get rid of', 4],
    ['got rid of', 4], ['eliminate', 4], ['eliminated', 4],
  ],
  why: [
    ['why', 6], ['cause', 5], ['causes', 5], ['causing', 5], ['root cause', 6], ['reason', 4], ['reasons', 4], ['explain', 4],
    ['complaining', 4], ['complaining about', 5], ['complaints', 4], ['complain', 4],
    ['driving', 3], ['drivers', 4], ['driver', 3], ['behind', 3], ['due to', 2],
  ],
  actions: [
    ['do next', 6], ['should we do', 5], ['should i do', 5], ['should my teams', 5], ['my teams', 2], ['recommend', 5],
    ['recommendation', 5], ['recommendations', 5], ['actions', 4], ['action', 3], ['next steps', 6], ['next best', 5], ['todo', 2],
    ['how do we fix', 5], ['how to fix', 5], ['how can we fix', 5], ['what can we do', 5], ['priorities', 4], ['prioritize', 4], ['who owns', 3],
    ['fix first', 6], ['should we fix', 5], ['priority', 4], ['focus', 4], ['focus on', 5], ['action plan', 6], ['game plan', 5],
    ['plan of action', 6], ['where do we start', 5], ['where to start', 5], ['quick wins', 5], ['quick win', 5], ['what do you recommend', 6],
    ['suggest', 5], ['suggestions', 5], ['what do you suggest', 6], ['advice', 4], ['advise', 4], ['the fix for', 5], ['who should own', 5],
  ],
  impact: [
    ['worked', 6], ['did it work', 6], ['working', 4], ['impact', 5], ['before and after', 6], ['since we shipped', 5], ['shipped', 3],
    ['improve', 2], ['improved', 3], ['improving', 3], ['better', 2], ['difference', 3], ['helped', 4], ['effect', 4], ['effective', 4],
    ['outcome', 4], ['did the fix', 5], ['moved the needle', 5], ['fix work', 6], ['fix works', 6], ['fixes work', 6], ['work', 2],
    ['move the needle', 5], ['fix do', 5], ['change do', 5], ['results', 3], ['results of', 4],
  ],
  alerts: [
    ['alert', 6], ['alerts', 6], ['alarm', 5], ['alarms', 5], ['firing', 4], ['fired', 3], ['paged', 4], ['warnings', 4],
    ['warning', 4], ['anomalies', 5], ['anomaly', 5], ['anything unusual', 4],
  ],
  agents: [['agent', 6], ['agents', 6], ['reps', 5], ['rep', 4], ['representatives', 5], ['representative', 5], ['staff', 3], ['advisors', 4]],
  interactions: [
    ['interactions', 6], ['interaction', 5], ['contact center', 4], ['call center', 4], ['chats', 4], ['chat', 3], ['emails', 4],
    ['email', 3], ['video', 3], ['voice', 3], ['call volume', 5], ['longest call', 6], ['longest', 3], ['contacts', 3], ['contact volume', 5],
    ['long calls', 6], ['longest calls', 6], ['how many calls', 5], ['total calls', 5],
  ],
  cube: [
    ['break down', 5], ['breakdown', 5], ['broken down', 5], ['slice', 5], ['split', 4], ['cube', 6], ['compare', 3], ['versus', 2], ['over time', 3],
    ['trend', 3], ['trends', 3], ['trending', 3], ['getting worse', 3], ['chart', 3], ['graph', 3], ['plot', 3], ['how many', 2],
  ],
};

/** Synonyms of the journeys the simulator and most plans have; store journeys not listed here match by their own slug words. */
export const JOURNEY_WORDS: Record<string, string[]> = {
  billing: ['billing', 'bill', 'bills', 'bill pay', 'billpay', 'pay my bill', 'paying', 'to pay', 'cant pay', 'pay online', 'payment', 'payments', 'invoice', 'invoices', 'premium', 'premiums', 'autopay', 'statement', 'statements'],
  id_card: ['id card', 'id cards', 'idcard', 'idc', 'member card', 'member cards', 'insurance card', 'insurance cards', 'digital id', 'card', 'cards'],
  pharmacy: ['pharmacy', 'pharmacies', 'refill', 'refills', 'prescription', 'prescriptions', 'rx', 'meds', 'medication', 'medications', 'drug', 'drugs', 'mail order'],
  claims: ['claims', 'claim', 'eob', 'eobs', 'explanation of benefits', 'reimbursement', 'reimbursements'],
  find_care: ['find care', 'find a doctor', 'find doctor', 'doctor', 'doctors', 'provider', 'providers', 'provider search', 'find a provider', 'specialist', 'specialists', 'in network', 'care search'],
  benefits: ['benefits', 'benefit', 'coverage', 'covered', 'plan benefits'],
};

/** Segment synonyms; "mapd" alone is ambiguous (new or tenured) and gets a clarifying question. */
export const SEGMENT_WORDS: Record<string, string[]> = {
  'MAPD New': ['new mapd', 'mapd new', 'new members', 'new medicare advantage', 'newly enrolled', 'new enrollees', 'first year members', 'new to medicare'],
  'MAPD Tenured': ['tenured', 'tenured mapd', 'mapd tenured', 'long time members', 'longtime members', 'existing mapd', 'established members'],
  Medicaid: ['medicaid'],
  Commercial: ['commercial', 'employer', 'employer plans'],
  ACA: ['aca', 'marketplace', 'exchange', 'obamacare', 'individual market'],
};
export const AMBIGUOUS_SEGMENT_WORDS: Record<string, string[]> = { mapd: ['MAPD New', 'MAPD Tenured'], 'medicare advantage': ['MAPD New', 'MAPD Tenured'], medicare: ['MAPD New', 'MAPD Tenured'] };

export const MEASURE_WORDS: Record<Measure, string[]> = {
  calls: ['calls', 'call count', 'number of calls', 'volume'],
  cost: ['cost', 'costs', 'costing', 'spend', 'dollars', 'money', 'expense', 'expensive'],
  repeat_pct: ['repeat rate', 'repeat', 'repeats', 'repeat callers', 'repeat calls', 'callbacks', 'call backs'],
  avg_sentiment: ['sentiment', 'mood', 'satisfaction', 'csat', 'how upset', 'unhappy', 'angry'],
  handle_time: ['handle time', 'handling time', 'aht', 'call length', 'call duration', 'duration', 'how long'],
};

/** Dimension names as people say them; only counted after "by", "per", "across", "each" (or "over time", "daily"). */
export const DIMENSION_WORDS: Record<Dimension, string[]> = {
  journey: ['journey', 'journeys'],
  segment: ['segment', 'segments', 'member segment'],
  plan: ['plan', 'plans', 'plan type'],
  language: ['language', 'languages'],
  age_group: ['age group', 'age groups', 'age', 'ages', 'age band'],
  device: ['device', 'devices', 'platform'],
  channel: ['channel', 'channels'],
  error_message: ['error message', 'error messages', 'error', 'errors'],
  interaction: ['interaction type', 'interaction', 'interactions', 'contact type'],
  date: ['day', 'days', 'date', 'dates'],
};
export const BY_WORDS = ['by', 'per', 'across', 'each', 'compare'];
export const OVER_TIME = [
  'over time', 'daily', 'day by day', 'each day', 'trend', 'trends', 'trending', 'getting worse', 'getting better', 'still', 'day over day',
  'week over week', 'going up', 'going down', 'rising', 'increasing', 'decreasing', 'falling', 'busiest day', 'worst day', 'quietest day',
];
/** Over time for every journey: what moved, and where. */
export const WHAT_CHANGED = ['what changed', 'whats changed', 'what has changed', 'anything changed', 'what moved'];

/** Alerts views. */
export const ALERT_QUALITY_WORDS = ['noisy', 'noise', 'quality', 'false alarms', 'useful'];
export const ALERT_ALL_WORDS = ['all alerts', 'every alert', 'resolved', 'history', 'including closed', 'acknowledged'];

/** Words that refer back to the thread's subject ("is this worth fixing?"). */
export const ANAPHORA = ['this', 'it', 'that', 'these', 'those', 'they', 'them', 'there'];

/** A question with any of these is a request to change something: refused, never mapped onto a command. */
export const REFUSED_WORDS = [
  'delete', 'deleting', 'drop table', 'drop database', 'truncate', 'wipe', 'erase', 'destroy', 'purge', 'remove', 'reset', 'overwrite', 'shutdown', 'shut down',
  'kill', 'rm', 'uninstall', 'disable', 'insert', 'alter', 'grant', 'revoke', 'ack', 'acknowledge', 'snooze', 'dismiss', 'mute', 'unsubscribe', 'exec', 'execute',
  'turn off', 'turn on', 'switch off', 'switch on',
];

/**
 * Real words that sit one edit away from a cue word: never "corrected" into one
 * ("charts" is not a misspelt "chats", "worker" not "worked").
 */
export const KNOWN_WORDS = [
  'chart', 'charts', 'worker', 'workers', 'north', 'forth', 'worse', 'posts', 'coats', 'balls', 'falls', 'walls', 'tells', 'mixing', 'hunting',
  'mouth', 'alters', 'table', 'tables', 'sales', 'joke', 'jokes', 'weather', 'whether', 'there', 'where', 'these', 'those', 'think',
  'thing', 'things', 'taking', 'making', 'baking', 'asking', 'spending', 'please', 'hello', 'thanks', 'about', 'their', 'other', 'world',
];

/** Example questions (the refusal suggests three close to what was asked); {journey} is filled when one was named. */
export const EXAMPLES: { intent: Intent; text: string }[] = [
  { intent: 'today', text: "What's breaking right now?" },
  { intent: 'segments', text: 'Who is {journey} hurting?' },
  { intent: 'journey', text: 'Show me what a {journey} leak feels like' },
  { intent: 'savings', text: 'Is fixing {journey} worth it?' },
  { intent: 'why', text: 'Why is {journey} leaking?' },
  { intent: 'actions', text: 'What should my teams do about {journey}?' },
  { intent: 'impact', text: 'Did the {journey} fix work since Nov 10?' },
  { intent: 'alerts', text: 'Any open alerts?' },
  { intent: 'agents', text: 'How are the agents doing this week?' },
  { intent: 'interactions', text: 'Call center volume by interaction type yesterday' },
  { intent: 'cube', text: 'Break down {journey} cost by device' },
  { intent: 'member', text: 'Tell me about member {member}' },
];
