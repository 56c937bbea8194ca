import assert from 'node:assert/strict';
import { demoServiceUrlCheck, readActivity } from '../../../bot/teams/read-activity.ts';

const activity = {
  type: 'message',
  serviceUrl: 'http://localhost:56150/_connector',
  channelId: 'msteams',
  from: { id: 'user-id-0' },
  conversation: { id: 'personal-chat' },
  recipient: { id: 'bot' },
};

describe('readActivity', () => {
  it('takes an activity with the fields a turn needs, keeping the rest', () => {
    const read = readActivity({ ...activity, text: 'help' });
    assert.ok('activity' in read);
    assert.equal((read.activity as { text?: string }).text, 'help');
  });

  it('names the first missing or wrong field', () => {
    assert.deepEqual(readActivity([]), { problem: 'expected a JSON object with a "type"' });
    assert.deepEqual(readActivity({ ...activity, type: '' }), { problem: '"type" is required' });
    assert.deepEqual(readActivity({ ...activity, serviceUrl: 'ftp://host/' }), {
      problem: '"serviceUrl" expected an http(s) URL',
    });
    assert.deepEqual(readActivity({ ...activity, recipient: {} }), { problem: '"recipient.id" is required' });
  });
});

describe('demoServiceUrlCheck', () => {
  it('allows this machine and the allowed origins only', () => {
    const allowed = demoServiceUrlCheck(['https://tunnel.example.dev']);
    for (const url of ['http://localhost:56150/_connector', 'http://127.0.0.1:9/', 'http://[::1]:3978/']) {
      assert.equal(allowed(url), true, url);
    }
    assert.equal(allowed('https://tunnel.example.dev/api/'), true);
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'https://tunnel.example.dev.attacker.net/',
      'http://localhost.attacker.net/',
      'http://tunnel.example.dev/',
    ]) {
      assert.equal(allowed(url), false, url);
    }
  });
});
