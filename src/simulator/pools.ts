/**
 * The hand-written text a contact center really produces, per journey: steps, error messages, IVR
 * routes, transcripts and survey comments. Generation draws from these arrays with the seeded
 * integer generator. (The names and states drawn from faker are in name-pools.ts, so what only
 * reads the journeys, such as `simulate --fix`'s check, does not load faker.)
 */
export const JOURNEYS = ['billing', 'id_card', 'pharmacy', 'claims', 'find_care', 'benefits'] as const;
export type Journey = (typeof JOURNEYS)[number];

/** The page a session browses before acting, and the step whose outcome decides the journey. */
export const STEPS: Record<Journey, { view: string; act: string[] }> = {
  billing: { view: 'view_balance', act: ['make_payment', 'change_payment_option', 'set_up_autopay'] },
  id_card: { view: 'view_card', act: ['download_card', 'request_new_card'] },
  pharmacy: { view: 'view_prescriptions', act: ['refill', 'transfer_prescription'] },
  claims: { view: 'view_claims', act: ['claim_detail', 'download_eob'] },
  find_care: { view: 'search_provider', act: ['book_appointment', 'check_network'] },
  benefits: { view: 'view_benefits', act: ['coverage_check', 'compare_plans'] },
};

export const ELIGIBILITY_MESSAGE = 'Your plan is not eligible for this option';

/**
 * What a failure says, per journey, for failures that send the member to the phone. null is an
 * abandon (no message). Billing's weights make the eligibility message about three in four
 * leaks before the incident; the incident itself only adds that message.
 */
export const LEAK_ERRORS: Record<Journey, [string | null, number][]> = {
  billing: [[ELIGIBILITY_MESSAGE, 74.9], ['Payment could not be processed', 7.2], ['Autopay enrollment failed', 4.5], ['Bank account could not be verified', 3.6], ['Session expired, please sign in again', 1.8], [null, 8]],
  id_card: [['ID card download failed', 52], ['We could not generate your ID card right now', 22], ['Card request could not be submitted', 14], [null, 12]],
  pharmacy: [['Refill could not be completed', 48], ['Prescription requires prior authorization', 20], ['Pharmacy not found in network', 12], ['Transfer request failed', 8], [null, 12]],
  claims: [['Claim details are temporarily unavailable', 60], ['EOB document could not be loaded', 25], [null, 15]],
  find_care: [['Provider search timed out', 55], ['No in-network providers found', 25], [null, 20]],
  benefits: [['Coverage information unavailable', 55], ['Plan comparison failed to load', 25], [null, 20]],
};

/** Failures that do not end in a call: same messages, flatter mix (people who shrug it off). */
export const QUIET_ERRORS: Record<Journey, [string | null, number][]> = {
  ...LEAK_ERRORS,
  billing: [[ELIGIBILITY_MESSAGE, 40], ['Payment could not be processed', 18], ['Autopay enrollment failed', 12], ['Bank account could not be verified', 10], ['Session expired, please sign in again', 10], [null, 10]],
};

export const IVR_ROUTES: Record<Journey | 'general', string> = {
  billing: 'Billing > Payments',
  id_card: 'Member Services > ID Cards',
  pharmacy: 'Pharmacy > Refills',
  claims: 'Claims > Status',
  find_care: 'Provider Search',
  benefits: 'Benefits > Coverage',
  general: 'Member Services > General',
};

/** Reasons people call that have nothing to do with a digital failure. */
export const UNRELATED_REASONS: [Journey | 'general', number][] = [
  ['general', 30], ['claims', 20], ['benefits', 18], ['billing', 12], ['pharmacy', 12], ['find_care', 8],
];

export const TRANSCRIPTS: Record<Journey | 'general', string[]> = {
  billing: [
    'Member tried to pay online and the app said the option was not available for their plan.',
    'Caller asked why autopay is not offered for their plan; agent explained the plan rules.',
    'Member could not complete a payment on the phone app and paid with the agent.',
    'Caller confused by the amount due and which payment options apply.',
  ],
  id_card: [
    'Member could not download the ID card before a pharmacy visit; agent emailed a copy.',
    'Caller needed a new ID card mailed; online request did not go through.',
    'Member needed the card in Spanish and could not find it in the app.',
  ],
  pharmacy: [
    'Member could not refill a maintenance prescription online; agent placed the refill.',
    'Caller asked why the refill needs prior authorization.',
    'Member wanted to move a prescription to a new pharmacy.',
  ],
  claims: ['Caller asked about the status of a recent claim.', 'Member did not understand an explanation of benefits.'],
  find_care: ['Member looked for an in-network specialist near home.', 'Caller asked whether a doctor takes their plan.'],
  benefits: ['Caller asked what the plan covers for dental and vision.', 'Member compared plan options for next year.'],
  general: ['Member updated their mailing address.', 'Caller asked how to reach their care manager.', 'Member asked about a letter they received.'],
};

export const SURVEY_COMMENTS: Record<Journey | 'general', string[]> = {
  billing: ['Confusing bill and plan rules', 'The app should tell me why my plan is not eligible', 'Had to call just to pay my bill', 'Long wait for a simple payment'],
  id_card: ['Could not get my card from the app', 'Need the card in Spanish', 'Agent was helpful, app was not'],
  pharmacy: ['Refill should work online', 'Too many steps to refill my medicine', 'Pharmacist and plan gave different answers'],
  claims: ['Claim status was unclear', 'Quick and helpful'],
  find_care: ['Provider directory is out of date', 'Found a doctor with the agent'],
  benefits: ['Benefits page is hard to read', 'Agent explained my coverage well'],
  general: ['Quick and helpful', 'Friendly agent', 'Took too long to reach someone'],
};
