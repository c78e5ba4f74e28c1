import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/simulator/random.ts';
import { abandonedSeconds, handleSeconds, type Handled } from '../../../src/simulator/durations.ts';

const N = 20_000;
const routine = (interaction: string): Handled => ({ interaction, disposition: 'resolved', afterFailure: false, pace: 1 });
const draw = (h: Handled, seed = 1, n = N) => {
  const rng = new Random(seed);
  // One stream per interaction, as makeCall forks one: the shape of a draw never depends on the one before.
  return Array.from({ length: n }, () => handleSeconds(rng.fork(), h));
};
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
const share = (xs: number[], over: number) => xs.filter((x) => x > over).length / xs.length;

describe('handle times by interaction type', () => {
  const by = Object.fromEntries(['voice', 'video', 'chat', 'email'].map((t) => [t, draw(routine(t))]));

  it('has plausible medians: video longest, chat shortest, email a few minutes of an agent’s work', () => {
    const minutes = (t: string) => quantile(by[t], 0.5) / 60;
    expect(minutes('voice')).toBeGreaterThan(5);
    expect(minutes('voice')).toBeLessThan(7);
    expect(minutes('video')).toBeGreaterThan(9.5);
    expect(minutes('video')).toBeLessThan(12.5);
    expect(minutes('chat')).toBeGreaterThan(3.5);
    expect(minutes('chat')).toBeLessThan(5.5);
    expect(minutes('email')).toBeGreaterThan(6);
    expect(minutes('email')).toBeLessThan(8);
  });

  it('has a heavy right tail for voice and video (interactions over 3000 s exist), none for chat', () => {
    // A normal with voice's mean and spread would put nothing past 3000 s; a log-normal puts about 1 in 1,000 there.
    expect(quantile(by.voice, 0.99) / quantile(by.voice, 0.5)).toBeGreaterThan(4);
    expect(share(by.voice, 3000)).toBeGreaterThan(0.0003);
    expect(share(by.voice, 3000)).toBeLessThan(0.003);
    expect(share(by.video, 3000)).toBeGreaterThan(share(by.voice, 3000));
    expect(share(by.video, 3000)).toBeLessThan(0.015);
    expect(share(by.chat, 3000)).toBe(0);
    expect(Math.max(...by.voice)).toBeLessThanOrEqual(4 * 3600);
    expect(Math.min(...Object.values(by).flat())).toBeGreaterThanOrEqual(60);
  });

  it('runs longer after a digital failure, when transferred, and with a slower agent', () => {
    const median = (h: Partial<Handled>) => quantile(draw({ ...routine('voice'), ...h }, 2, 4000), 0.5);
    const base = median({});
    expect(median({ afterFailure: true })).toBeGreaterThan(base * 1.1);
    expect(median({ disposition: 'transferred' })).toBeGreaterThan(base * 1.2);
    expect(median({ pace: 1.25 })).toBeGreaterThan(base * 1.15);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(draw(routine('voice'), 5, 500)).toEqual(draw(routine('voice'), 5, 500));
    expect(draw(routine('voice'), 6, 500)).not.toEqual(draw(routine('voice'), 5, 500));
  });

  it('an unanswered email took no one’s time; an abandoned call lasted its wait in the queue', () => {
    expect(abandonedSeconds('email', 95)).toBe(0);
    expect(abandonedSeconds('voice', 95)).toBe(95);
  });
});
