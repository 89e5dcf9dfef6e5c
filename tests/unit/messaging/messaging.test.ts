import { describe, expect, it } from 'vitest';
import { createLocalClient, createMessageListener, MessagingError } from '../../../lib/messaging';

interface Echo {
  echo: { request: { text: string }; response: string };
  fail: { request: undefined; response: never };
}

const handlers = {
  echo: ({ text }: { text: string }) => text.toUpperCase(),
  fail: () => {
    throw new Error('the database is closed');
  },
};

describe('messaging', () => {
  it('answers a typed request through the local client', async () => {
    const client = createLocalClient<Echo>(handlers);
    await expect(client.send('echo', { text: 'wang yi' })).resolves.toBe('WANG YI');
  });

  it('turns a handler error into a rejected promise with its message', async () => {
    const client = createLocalClient<Echo>(handlers);
    await expect(client.send('fail', undefined)).rejects.toThrow(MessagingError);
    await expect(client.send('fail', undefined)).rejects.toThrow('the database is closed');
  });

  it('leaves messages that are not ours to other listeners', () => {
    const listener = createMessageListener<Echo>(handlers);
    expect(listener({ type: 'echo', request: { text: 'x' } }, {})).toBeUndefined();
    expect(listener('hello', {})).toBeUndefined();
    expect(
      listener({ channel: 'briefing-lens', type: 'toString', request: undefined }, {}),
    ).toBeUndefined();
  });

  it('passes the sender tab to handlers', async () => {
    const listener = createMessageListener<{
      who: { request: undefined; response: number | undefined };
    }>({
      who: (_, sender) => sender.tabId,
    });
    await expect(
      listener({ channel: 'briefing-lens', type: 'who', request: undefined }, { tab: { id: 7 } }),
    ).resolves.toEqual({
      ok: true,
      value: 7,
    });
  });
});
