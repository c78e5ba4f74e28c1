/**
 * Pools built once per world: names and states from a seeded faker (far too slow to call per
 * event). Generation only ever draws from these arrays with the seeded integer generator.
 */
import { faker, fakerES_MX } from '@faker-js/faker';

export type Pools = {
  firstNames: string[];
  lastNames: string[];
  spanishFirstNames: string[];
  spanishLastNames: string[];
  states: string[];
};

const NAME_POOL = 400;

export function buildPools(seed: number): Pools {
  faker.seed(seed);
  fakerES_MX.seed(seed + 1);
  const many = (n: number, f: () => string) => Array.from({ length: n }, f);
  return {
    firstNames: many(NAME_POOL, () => faker.person.firstName()),
    lastNames: many(NAME_POOL, () => faker.person.lastName()),
    spanishFirstNames: many(NAME_POOL / 2, () => fakerES_MX.person.firstName()),
    spanishLastNames: many(NAME_POOL / 2, () => fakerES_MX.person.lastName()),
    // Weighted toward the large Medicare states by repetition, the way a national plan looks.
    states: [...many(60, () => faker.location.state({ abbreviated: true })), ...'FL FL FL TX TX TX CA CA CA NY NY AZ AZ PA OH GA NC'.split(' ')],
  };
}
