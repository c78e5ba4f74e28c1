/**
 * The action catalog: the next-best-action templates (src/actions/action-templates.json, or the
 * file LEAK_ACTION_CATALOG names), validated with zod. Checked at start (src/services/open-context.ts)
 * so a broken file stops the start with one line, and read again by each recommendation, so an edit
 * takes effect without a restart.
 */
import fs from 'node:fs';
import * as z from 'zod';
import { LeakError } from '../errors.ts';
import { projectPath } from '../project-path.ts';

export const DEFAULT_CATALOG = projectPath('src', 'actions', 'action-templates.json');

const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
  fix_type: z.string().min(1),
  title: z.string().min(1),
  owner_team: z.string().min(1),
  effort: z.enum(['S', 'M', 'L']),
  effort_weeks: z.number().positive(),
  expected_reduction_pct: z.number().gt(0).max(100),
  targets: z.enum(['journey', 'error_message', 'device', 'channel', 'segment', 'language']),
  exclude_values: z.array(z.string()).optional(),
});
const catalogSchema = z.object({ about: z.string().optional(), effort_week_cost: z.number().positive(), templates: z.array(templateSchema).min(1) });
export type ActionTemplate = z.infer<typeof templateSchema>;
export type ActionCatalog = z.infer<typeof catalogSchema>;

/** Reads and validates a catalog; any problem is one line naming the file and the field. */
export function loadActionCatalog(file: string = DEFAULT_CATALOG): ActionCatalog {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LeakError('bad_config', `Cannot read the action catalog ${file}: ${(e as Error).message.split('\n')[0]}.`);
  }
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LeakError('bad_config', `Invalid action catalog ${file}: ${issue.path.join('.') || '(top level)'} ${issue.message}.`);
  }
  const ids = parsed.data.templates.map((t) => t.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new LeakError('bad_config', `Invalid action catalog ${file}: template id "${dup}" appears twice.`);
  return parsed.data;
}
