/** The open tracked actions as a text table: `leak action list` and the foot of `leak actions`. */
import { STATUS_LABEL } from '../src/actions/state-machine.ts';
import type { OpenActionRow } from '../src/actions/open-actions.ts';
import { renderTable } from '../src/format.ts';

export function renderOpenActionsText(rows: OpenActionRow[], heading = 'Open actions'): string {
  if (!rows.length) return `${heading}: none. Create one with 'leak action new JOURNEY "title" --team TEAM' or the "I'll take it" button on a recommendation.`;
  return [
    `${heading} (${rows.length}):`,
    renderTable(
      ['id', 'status', 'journey', 'title', 'owner', 'age'],
      rows.map((r) => [r.id, STATUS_LABEL[r.status], r.journey, r.title.length > 40 ? `${r.title.slice(0, 39)}…` : r.title, r.assignee ?? `${r.owner_team} (unassigned)`, `${r.age_days}d`]),
    ),
  ].join('\n');
}
