/** Figures in sentences, the way people say them; JSON keeps the exact values. */
import { formatCount, formatMoney, round1 } from '../format.ts';

/** Calls a day: 1,087 from 100 up, one decimal below (9.3). */
export const formatPerDay = (n: number) => (n >= 100 ? formatCount(n) : String(round1(n)));

/** Money in a sentence: whole dollars from $100 up ($637, not $636.57), then formatMoney's $40K / $1.46M. */
export const spokenMoney = (n: number) => formatMoney(Math.abs(n) >= 100 ? Math.round(n) : n);
