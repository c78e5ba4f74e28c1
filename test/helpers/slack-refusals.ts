/**
 * What Slack refuses, checked by the fake Slack on every message and view it receives, so a test
 * catches a message Slack would reject wherever it is sent. Written from Slack's documented limits
 * (Block Kit reference, chat.postMessage and views.* errors), independently of src/blocks/limits.ts:
 * the app's fitting is what is being tested, so the stand-in must not share its code.
 */

/** Slack's own figures. */
const SLACK = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** chat.postMessage answers msg_blocks_too_long above about this many characters of blocks JSON. */
  blocksJson: 13_000,
  /** Top-level text above this is refused (msg_too_long). */
  text: 40_000,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  modalTitle: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
} as const;

type Obj = Record<string, any>;

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url']);
const VIEW_METHODS = new Set(['views.publish', 'views.open', 'views.update', 'views.push']);

/** The error Slack would answer for this call, or undefined when Slack accepts it. */
export function slackRefusal(method: string, body: Obj): { error: string; detail: string } | undefined {
  if (MESSAGE_METHODS.has(method)) return messageRefusal(method, body);
  if (VIEW_METHODS.has(method)) return viewRefusal(body);
  if (method === 'files.getUploadURLExternal' && typeof body.alt_txt === 'string' && body.alt_txt.length > 1000) {
    return { error: 'alt_txt_too_large', detail: `alt_txt is ${body.alt_txt.length} characters` };
  }
  return undefined;
}

function messageRefusal(method: string, body: Obj) {
  // A response_url call that only deletes the original carries no message.
  if (method === 'response_url' && body.delete_original === true) return undefined;
  const blocks: Obj[] | undefined = Array.isArray(body.blocks) ? body.blocks : undefined;
  const text = typeof body.text === 'string' ? body.text : '';
  // Slack accepts blocks without text only with a warning, and notifications and screen readers then
  // get nothing: the house rule is a text fallback on every message, so the stand-in refuses it.
  if (text.trim() === '') return { error: 'no_text', detail: 'no top-level text (fallback) given' };
  if (text.length > SLACK.text) return { error: 'msg_too_long', detail: `text is ${text.length} characters` };
  if (!blocks) return undefined;
  if (blocks.length > SLACK.messageBlocks) return { error: 'invalid_blocks', detail: `${blocks.length} blocks (at most ${SLACK.messageBlocks})` };
  const size = JSON.stringify(blocks).length;
  if (size > SLACK.blocksJson) return { error: 'msg_blocks_too_long', detail: `blocks total ${size} characters` };
  const problem = blockProblems(blocks)[0];
  return problem ? { error: 'invalid_blocks', detail: problem } : undefined;
}

function viewRefusal(body: Obj) {
  const view: Obj = typeof body.view === 'object' && body.view ? body.view : {};
  const blocks: Obj[] = Array.isArray(view.blocks) ? view.blocks : [];
  const bad = (detail: string) => ({ error: 'invalid_arguments', detail });
  if (blocks.length > SLACK.viewBlocks) return bad(`${blocks.length} blocks (at most ${SLACK.viewBlocks})`);
  if (view.type === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      const t = view[key];
      if (t === undefined && key !== 'title') continue;
      if (!isText(t, 'plain_text') || t.text.length > SLACK.modalTitle) return bad(`modal ${key} must be plain_text of 1-${SLACK.modalTitle} characters`);
    }
    if (typeof view.private_metadata === 'string' && view.private_metadata.length > SLACK.privateMetadata) return bad('private_metadata too long');
  }
  const problem = blockProblems(blocks)[0];
  return problem ? bad(problem) : undefined;
}

const isText = (t: unknown, type?: 'plain_text' | 'mrkdwn'): t is { type: string; text: string } =>
  typeof t === 'object' && t !== null && typeof (t as Obj).text === 'string' && (t as Obj).text.length > 0 && (type ? (t as Obj).type === type : ['plain_text', 'mrkdwn'].includes((t as Obj).type));

/** Every problem Slack's Block Kit validation would report, as readable lines. */
export function blockProblems(blocks: Obj[]): string[] {
  const problems: string[] = [];
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const element = (at: string, e: Obj) => {
    if (typeof e.action_id === 'string') {
      check(e.action_id.length <= SLACK.id && !actionIds.has(e.action_id), `${at}: action_id ${e.action_id.slice(0, 40)} too long or repeated`);
      actionIds.add(e.action_id);
    }
    if (e.type === 'button') {
      check(isText(e.text, 'plain_text') && e.text.text.length <= SLACK.buttonText, `${at}: button text must be plain_text of 1-${SLACK.buttonText} characters`);
      check(e.value === undefined || (typeof e.value === 'string' && e.value.length <= SLACK.buttonValue), `${at}: button value over ${SLACK.buttonValue}`);
    }
  };
  blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    if (b.block_id !== undefined) {
      check(typeof b.block_id === 'string' && b.block_id.length <= SLACK.id && !blockIds.has(b.block_id), `${at}: block_id too long or repeated`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'header':
        check(isText(b.text, 'plain_text') && b.text.text.length <= SLACK.header, `${at}: header text must be plain_text of 1-${SLACK.header} characters`);
        break;
      case 'section':
        check(b.text !== undefined || Array.isArray(b.fields), `${at}: needs text or fields`);
        if (b.text !== undefined) check(isText(b.text) && b.text.text.length <= SLACK.sectionText, `${at}: text must be 1-${SLACK.sectionText} characters (got ${b.text?.text?.length})`);
        if (b.fields !== undefined) {
          check(Array.isArray(b.fields) && b.fields.length >= 1 && b.fields.length <= SLACK.fields, `${at}: 1-${SLACK.fields} fields`);
          for (const f of b.fields ?? []) check(isText(f) && f.text.length <= SLACK.fieldText, `${at}: field text must be 1-${SLACK.fieldText} characters`);
        }
        if (b.accessory) element(at, b.accessory);
        break;
      case 'context':
        check(Array.isArray(b.elements) && b.elements.length >= 1 && b.elements.length <= SLACK.contextElements, `${at}: 1-${SLACK.contextElements} elements`);
        for (const e of b.elements ?? []) if (e.type === 'mrkdwn' || e.type === 'plain_text') check(isText(e), `${at}: empty text element`);
        break;
      case 'actions':
        check(Array.isArray(b.elements) && b.elements.length >= 1 && b.elements.length <= SLACK.actionsElements, `${at}: 1-${SLACK.actionsElements} elements`);
        for (const e of b.elements ?? []) element(at, e);
        break;
      case 'input':
        check(isText(b.label, 'plain_text') && b.label.text.length <= SLACK.inputLabel, `${at}: label must be plain_text of 1-${SLACK.inputLabel} characters`);
        if (b.element) element(at, b.element);
        break;
    }
  });
  return problems;
}
