/** LEAK_LLM_*: off by default, on only with an endpoint URL and a model, and every mistake named in one line. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';

describe('LLM resolver settings', () => {
  it('is off by default', () => {
    expect(loadConfig({}).llm).toBeUndefined();
  });

  it('reads the endpoint, key, model and timeout', () => {
    expect(loadConfig({ LEAK_LLM_URL: 'http://127.0.0.1:8080/v1/chat/completions', LEAK_LLM_KEY: 'sk-x', LEAK_LLM_MODEL: 'gpt-4o-mini', LEAK_LLM_TIMEOUT_MS: '2500' }).llm).toEqual({
      url: 'http://127.0.0.1:8080/v1/chat/completions', key: 'sk-x', model: 'gpt-4o-mini', timeoutMs: 2500,
    });
    expect(loadConfig({ LEAK_LLM_URL: 'https://llm.example/v1/chat/completions', LEAK_LLM_MODEL: 'local' }).llm).toEqual({
      url: 'https://llm.example/v1/chat/completions', key: undefined, model: 'local', timeoutMs: 5000,
    });
  });

  it('refuses half a configuration and bad values, without echoing a key', () => {
    expect(() => loadConfig({ LEAK_LLM_URL: 'ftp://x' })).toThrow('Invalid LEAK_LLM_URL="ftp://x": must be the http(s) URL of an OpenAI-compatible chat-completions endpoint');
    expect(() => loadConfig({ LEAK_LLM_URL: 'http://127.0.0.1:1/v1' })).toThrow('Invalid LEAK_LLM_MODEL="": must name the model when LEAK_LLM_URL is set');
    expect(() => loadConfig({ LEAK_LLM_MODEL: 'gpt' })).toThrow('Invalid LEAK_LLM_MODEL: needs LEAK_LLM_URL too');
    expect(() => loadConfig({ LEAK_LLM_KEY: 'sk-secret' })).toThrow(/^Invalid LEAK_LLM_KEY: needs LEAK_LLM_URL too/);
    expect(() => loadConfig({ LEAK_LLM_KEY: 'sk-secret' })).not.toThrow(/sk-secret/);
    expect(() => loadConfig({ LEAK_LLM_URL: 'http://h/v1', LEAK_LLM_MODEL: 'm', LEAK_LLM_TIMEOUT_MS: '10' })).toThrow('Invalid LEAK_LLM_TIMEOUT_MS="10": must be a whole number of milliseconds between 100 and 60000.');
  });
});
