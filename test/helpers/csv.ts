/** Writes small contract CSVs to a temp folder, so tests go through the real import path. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'leak-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const MEMBER_HEADER = 'member_id,plan,enrolled_on,language,birth_year,state';
export const DIGITAL_HEADER = 'event_id,member_id,session_id,ts,channel,device,journey,step,outcome,error_message';
export const CALL_HEADER =
  'call_id,member_id,started_at,ended_at,interaction,ivr_route,agent_id,disposition,sentiment_start,sentiment_end,survey_comment,transcript';

export function writeCsv(dir: string, name: string, header: string, rows: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, [header, ...rows].join('\n') + '\n');
  return file;
}
