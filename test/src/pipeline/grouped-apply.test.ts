import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { snapshot } from '../../helpers/leak-fixture.ts';
import { history, importRound, tables } from '../../helpers/random-history.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';

/**
 * Silver applies every batch waiting since the last run together, in member order. Random histories
 * of corrections (ids repeated within a file, across files and across runs; rows moving to another
 * member, time, outcome or session; profiles changing beside their calls) must end in the same
 * tables whether the pipeline runs after every import round, every third round, or once at the end.
 */
describe('applying waiting batches together equals applying them one run at a time', () => {
  for (const repeatsInFile of [false, true]) {
    it(`over 8 random histories${repeatsInFile ? ', ids repeated within files too' : ''}`, async () => {
      let leaked = 0;
      for (let seed = 1; seed <= 8; seed++) {
        const rounds = history(seed, repeatsInFile);
        const stepwise = makeDeps();
        for (const [i, r] of rounds.entries()) {
          await importRound(stepwise.store, r, i);
          runPipeline(stepwise.store, stepwise.config);
        }
        leaked += snapshot(stepwise.store).leakage.length;
        for (const every of [3, rounds.length]) {
          const grouped = makeDeps();
          for (const [i, r] of rounds.entries()) {
            await importRound(grouped.store, r, i);
            if ((i + 1) % every === 0) runPipeline(grouped.store, grouped.config);
          }
          runPipeline(grouped.store, grouped.config);
          expect(tables(grouped.store), `seed ${seed}, pipeline every ${every} rounds`).toEqual(tables(stepwise.store));
        }
      }
      expect(leaked).toBeGreaterThan(8);
    });
  }
});
