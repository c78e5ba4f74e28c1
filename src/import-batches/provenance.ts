/** Where a store's rows came from: asked at the data-in level (src/ingest/provenance.ts), read by commands and services from here. */
export { holdsSimulatedData } from '../ingest/provenance.ts';
