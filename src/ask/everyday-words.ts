/**
 * The everyday words of questions typed to a bot: requests phrased as orders (refused), shorthand
 * expanded before anything else reads the words, words that leave something out (not read, and said
 * so), the device, channel and age words of cube filters, and the filler that carries no meaning for
 * Leak. English's own function words (the, of, is, we, …) are compromise's tags, not a list here.
 */

/** Words that may open a request before its verb: "please close…", "can you turn off…", "let's ship…". */
export const POLITE_LEAD = ['please', 'pls', 'plz', 'can', 'could', 'would', 'will', 'you', 'hey', 'hi', 'leak', 'ok', 'okay', 'go', 'ahead', 'and', 'now', 'just', 'lets', 'let', 'us', 'kindly', 'i', 'want', 'need', 'to'];

/**
 * A question that opens with one of these (after POLITE_LEAD) is an order to change or send something:
 * refused. Verbs that also open questions ("update on billing?", "email volume today") are listed only
 * with the words that make them orders.
 */
export const IMPERATIVES = [
  'close', 'resolve', 'stop', 'assign', 'unassign', 'reassign', 'create', 'ship', 'send', 'import', 'export', 'upload', 'mark', 'approve',
  'reject', 'pause', 'resume', 'cancel', 'enable', 'silence', 'restart', 'deploy', 'trigger', 'launch', 'apply', 'archive', 'publish',
  'invite', 'remind', 'notify', 'ping', 'edit', 'modify', 'rename', 'schedule', 'drop', 'turn', 'switch',
  'update the', 'update it', 'update our', 'update my', 'update this', 'change the', 'change it', 'change our', 'change my', 'change this',
  'set the', 'set it', 'set our', 'set my', 'set a', 'set an', 'set up', 'add a', 'add an', 'add the', 'add this', 'add me',
  'email this', 'email it', 'email that', 'email me', 'email the', 'post this', 'post it', 'post that', 'post the',
  'share this', 'share it', 'share that', 'share the', 'page the', 'page someone', 'open a', 'open an', 'file a', 'log a', 'raise a',
];

/** Shorthand people type to a bot, read as the words it stands for ("wat broke yday"). */
export const SHORTHAND: Record<string, string> = {
  yday: 'yesterday', yest: 'yesterday', ystd: 'yesterday', '2day': 'today', tdy: 'today', rn: 'right now', wk: 'week', wks: 'weeks',
  mo: 'month', mos: 'months', mth: 'month', mths: 'months', yr: 'year', yrs: 'years', r: 'are', u: 'you', ur: 'your', pls: 'please',
  plz: 'please', thx: 'thanks', vs: 'versus', avg: 'average', prob: 'problem', probs: 'problems', rec: 'recommendation', recs: 'recommendations',
  wat: 'what', wats: 'whats', wot: 'what', wht: 'what', whts: 'whats', wrk: 'work', abt: 'about', ppl: 'people', thru: 'through',
  mbr: 'member', mbrs: 'members', nums: 'numbers', pct: 'percent', tmrw: 'tomorrow', cuz: 'because', bc: 'because', fortnight: '2 weeks',
};

/** "everything except billing": Leak cannot leave anything out, so what follows is not applied, and the answer says so. */
export const EXCLUSION_WORDS = [
  'except', 'excluding', 'exclude', 'without', 'not counting', 'other than', 'apart from', 'besides', 'but not', 'minus', 'ignoring',
  'ignore', 'leave out', 'leaving out', 'not including', 'not incl',
];

/** Device and channel words; the store's own values ("tablet", "web") match as themselves. */
export const DEVICE_WORDS: Record<string, string[]> = {
  mobile: ['mobile', 'iphone', 'iphones', 'android', 'androids', 'smartphone', 'smartphones', 'cell phone', 'cell phones', 'mobile phone', 'mobile phones'],
  desktop: ['desktop', 'desktops', 'computer', 'computers', 'laptop', 'laptops', 'pc', 'pcs'],
  tablet: ['tablet', 'tablets', 'ipad', 'ipads'],
};
export const CHANNEL_WORDS: Record<string, string[]> = {
  app: ['app', 'apps', 'the app', 'mobile app', 'our app'],
  web: ['web', 'website', 'site', 'online', 'portal', 'web portal', 'browser', 'member portal'],
};

/** Age words: the age groups whose members are all at least (or all under) this age. */
export const OLDER_WORDS = ['seniors', 'senior', 'elderly', 'older members', 'older people', 'retirees', 'retired'];
export const YOUNGER_WORDS = ['young', 'younger', 'younger members', 'young people', 'young members', 'millennials'];
export const SENIOR_AGE = 65;
export const YOUNG_AGE = 35;

/**
 * Words that carry no meaning for Leak beyond what the rest of the question says: request verbs,
 * vague nouns and adjectives. Any other word Leak does not know is named in the answer ("I did not
 * understand …"), so a journey or group it has no word for is never dropped silently.
 */
export const FILLER_WORDS = [
  'show', 'showing', 'give', 'tell', 'see', 'seeing', 'get', 'getting', 'got', 'gotten', 'want', 'need', 'know', 'let', 'lets', 'look', 'looking',
  'pull', 'find', 'go', 'goes', 'going', 'went', 'gone', 'do', 'does', 'doing', 'did', 'done', 'make', 'made', 'happen', 'happens', 'happening',
  'happened', 'think', 'mean', 'means', 'say', 'says', 'said', 'call', 'calls', 'calling', 'called', 'phone', 'phoning', 'contact', 'contacting',
  'reach', 'reaching', 'try', 'trying', 'tried', 'use', 'using', 'used', 'keep', 'keeps', 'come', 'coming', 'came', 'seem', 'seems', 'looks',
  'feel', 'feels', 'like', 'help', 'check', 'hit', 'hitting', 'affect', 'affecting', 'run', 'running', 'fail', 'fails', 'failed', 'failing', 'fix',
  'fixed', 'fixes', 'fixing', 'cut', 'cutting', 'reduce', 'reducing', 'halve', 'jump', 'jumped', 'spiked', 'rise', 'rising', 'rose', 'up', 'down',
  'thing', 'things', 'stuff', 'question', 'info', 'information', 'data', 'people', 'folks', 'customers', 'users', 'callers', 'caller', 'guys',
  'team', 'teams', 'everyone', 'anyone', 'someone', 'day', 'days', 'time', 'times', 'way', 'ways', 'lot', 'lots', 'area', 'areas', 'part',
  'place', 'one', 'ones', 'kind', 'sort', 'type', 'types', 'level', 'levels', 'rate', 'rates', 'amount', 'total', 'bunch', 'number', 'count',
  'big', 'bigger', 'biggest', 'bad', 'worse', 'worst', 'good', 'better', 'best', 'high', 'higher', 'highest', 'low', 'lower', 'lowest', 'main',
  'major', 'top', 'whole', 'overall', 'current', 'recent', 'latest', 'last', 'next', 'first', 'same', 'other', 'different', 'specific',
  'particular', 'key', 'quick', 'quickly', 'much', 'many', 'more', 'most', 'less', 'least', 'few', 'several', 'all', 'any', 'every', 'each',
  'entire', 'general', 'average', 'typical', 'usual', 'normal', 'significant', 'huge', 'large', 'small', 'little', 'long', 'short', 'real',
  'actual', 'exact', 'please', 'thanks', 'thank', 'hey', 'hi', 'hello', 'ok', 'okay', 'yes', 'no', 'sure', 'leak', 'bot', 'again', 'also',
  'currently', 'right', 'now', 'lately', 'anymore', 'ever', 'ago', 'morning', 'afternoon', 'evening', 'so', 'far', 'yet', 'per', 'via',
  'month', 'months', 'week', 'weeks', 'year', 'years', 'quarter', 'quarters', 'period', 'us', 'our', 'we', 'me', 'my', 'member', 'members',
  'plan', 'plans', 'health', 'money', 'dollars', 'cost', 'costs', 'costing', 'spend', 'spending', 'leaks', 'leaked', 'leaking', 'calls',
  'issue', 'issues', 'problem', 'problems', 'broken', 'working', 'work', 'works', 'dig', 'deeper', 'into', 'detail', 'drill',
  'speakers', 'speaker', 'speaking', 'speak', 'something', 'anything', 'nothing', 'everything', 'because', 'have', 'has', 'had', 'be', 'been',
  'being', 'performance', 'performing', 'doing', 'handle', 'handles', 'handled', 'handling', 'answer', 'answers', 'answered', 'leakage',
  'single', 'scorecard', 'leaderboard', 'ranking', 'rankings', 'report', 'slowest', 'fastest', 'busiest', 'quietest', 'entirely', 'completely',
  'fully', 'own', 'owns', 'owner', 'rid', 'seeing', 'see',
];
