/**
 * A small fixed data set for the member and contact-center commands (journey, member, cube, agents,
 * interactions), with every call column filled, loaded through the real CSV import and pipeline.
 * LEAK_TZ America/New_York (EST, UTC−5 in November): 14:00Z is 09:00 local.
 *
 * Members (ids deliberately in different forms per source):
 *   M-104382 Rosa Alvarez  MAPD, enrolled 2026-03-15, es, born 1956, FL → MAPD New, 8 months, 65-74 on 2026-11-20
 *     (members.csv says m104382, digital M104382, calls 104382)
 *   M-200001 Tom Becker    Commercial, 2019-01-10, en, 1980, NY → 35-49
 *   M-200002               Medicaid, 2023-05-01, en, 1995, TX → Under 35
 *   M-200003               MAPD, 2015-02-01, en, 1948, OH → MAPD Tenured, 75+
 *   M-300000               no profile, one chat
 *
 * Calls (duration s, agent, disposition, sentiment) and whether leaked (30-minute window):
 *   c-r1 11-19 14:10Z voice 2900 AG-7 failed      -0.2→-0.6  LEAKED billing ← e-r4 (7 min), first call
 *   c-r2 11-20 15:50Z chat   600 AG-2 resolved     0.1→0.5   not leaked: e-r6 abandon was 45 min before
 *   c-r3 11-20 16:40Z voice 3100 AG-7 transferred -0.5→-0.1  LEAKED billing ← e-r7 (10 min), repeat
 *   c-t1 11-20 14:05Z voice  600 AG-2 resolved     0.0→0.4   LEAKED billing ← e-t1, first call
 *   c-t2 11-20 18:20Z video 1200 AG-3 failed      -0.3→-0.5  LEAKED id_card ← e-t2, repeat (c-t1)
 *   c-m1 11-20 19:10Z voice 3300 AG-3 failed      -0.4→-0.8  LEAKED pharmacy ← e-m1
 *   c-x1 11-20 13:00Z email  120 (none) abandoned  —         no failure before it
 *   c-x2 11-20 20:10Z voice  600 AG-2 resolved     —         not leaked: the session completed (e-x2) after e-x1
 *   c-u1 11-20 21:00Z chat   300 AG-5 resolved     —         no failure
 */
import type { Context } from '../../src/context.ts';
import { importCsvFile } from '../../src/ingest/import-csv.ts';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { CALL_HEADER, DIGITAL_HEADER, tempDir, writeCsv } from './csv.ts';

export const MEMBERS_DATE = '2026-11-20';
export const ROSA = 'M-104382';

const MEMBERS = [
  'm104382,MAPD,2026-03-15,es,1956,FL,Rosa Alvarez',
  'M-200001,Commercial,2019-01-10,en,1980,NY,Tom Becker',
  'M-200002,Medicaid,2023-05-01,en,1995,TX,',
  'M-200003,MAPD,2015-02-01,en,1948,OH,',
];

// event_id, member_id, session_id, ts, channel, device, journey, step, outcome, error_message
const DIGITAL = [
  'e-r0,M104382,s-r0,2026-11-10T15:00:00Z,web,desktop,billing,login,ok,',
  'e-r1,M104382,s-r1,2026-11-19T14:00:00Z,app,mobile,billing,login,ok,',
  'e-r2,M104382,s-r1,2026-11-19T14:01:00Z,app,mobile,billing,view_bill,ok,',
  'e-r3,M104382,s-r1,2026-11-19T14:02:00Z,app,mobile,billing,payment_method,ok,',
  'e-r4,M104382,s-r1,2026-11-19T14:03:00Z,app,mobile,billing,autopay_enroll,error,Member not eligible for autopay',
  'e-r5,M104382,s-r2,2026-11-20T15:00:00Z,app,mobile,id_card,login,ok,',
  'e-r6,M104382,s-r2,2026-11-20T15:05:00Z,app,mobile,id_card,download_card,abandon,',
  'e-r7,M104382,s-r3,2026-11-20T16:30:00Z,web,desktop,billing,pay,error,Card declined',
  'e-t1,M-200001,s-t1,2026-11-20T14:00:00Z,app,mobile,billing,pay,error,Card declined',
  'e-t2,M-200001,s-t2,2026-11-20T18:00:00Z,web,desktop,id_card,download_card,error,Photo upload failed',
  'e-m1,M-200002,s-m1,2026-11-20T19:00:00Z,app,tablet,pharmacy,refill,error,Prior authorization required',
  'e-x1,M-200003,s-x1,2026-11-20T20:00:00Z,app,mobile,billing,autopay_enroll,error,Member not eligible for autopay',
  'e-x2,M-200003,s-x1,2026-11-20T20:05:00Z,app,mobile,billing,autopay_enroll,complete,',
];

// call_id, member_id, started_at, ended_at, interaction, ivr_route, agent_id, disposition, s0, s1, survey, transcript
const CALLS = [
  `c-r1,104382,2026-11-19T14:10:00Z,2026-11-19T14:58:20Z,voice,billing>payments,AG-7,failed,-0.2,-0.6,Website said I can't use autopay,Caller asked why autopay is not offered for her plan`,
  'c-r2,104382,2026-11-20T15:50:00Z,2026-11-20T16:00:00Z,chat,,AG-2,resolved,0.1,0.5,,Agent emailed a copy of the ID card',
  'c-r3,104382,2026-11-20T16:40:00Z,2026-11-20T17:31:40Z,voice,billing,AG-7,transferred,-0.5,-0.1,,Card declined twice; transferred to payments',
  'c-t1,M-200001,2026-11-20T14:05:00Z,2026-11-20T14:15:00Z,voice,billing,AG-2,resolved,0.0,0.4,,',
  'c-t2,M-200001,2026-11-20T18:20:00Z,2026-11-20T18:40:00Z,video,,AG-3,failed,-0.3,-0.5,,',
  'c-m1,M-200002,2026-11-20T19:10:00Z,2026-11-20T20:05:00Z,voice,pharmacy,AG-3,failed,-0.4,-0.8,,',
  'c-x1,M-200003,2026-11-20T13:00:00Z,2026-11-20T13:02:00Z,email,,,abandoned,,,,',
  'c-x2,M-200003,2026-11-20T20:10:00Z,2026-11-20T20:20:00Z,voice,,AG-2,resolved,,,,',
  'c-u1,M-300000,2026-11-20T21:00:00Z,2026-11-20T21:05:00Z,chat,,AG-5,resolved,,,,',
];

/** Loads the fixture into deps' store through the real import and pipeline. */
export async function loadMembersFixture(deps: Context): Promise<void> {
  const dir = tempDir();
  await importCsvFile(deps.store, 'members', writeCsv(dir, 'members.csv', 'member_id,plan,enrolled_on,language,birth_year,state,name', MEMBERS));
  await importCsvFile(deps.store, 'digital', writeCsv(dir, 'digital.csv', DIGITAL_HEADER, DIGITAL));
  await importCsvFile(deps.store, 'calls', writeCsv(dir, 'calls.csv', CALL_HEADER, CALLS));
  runPipeline(deps.store, deps.config);
}
