import assert from 'node:assert/strict';
import { namesInText } from '../../../data/sources/pagerduty/incident-names.ts';

describe('what an incident names', () => {
  it('reads PR references, PR URLs and REST deployment URLs, each once, in a fixed order', () => {
    const title = 'checkout 5xx since acme/api#123 (https://github.com/acme/web/pull/45/files)';
    const description =
      'Rolled back https://api.github.com/repos/acme/api/deployments/987 after acme/api#123; ' +
      'on Enterprise https://ghe.acme.io/api/v3/repos/Org/Repo.js/deployments/12';
    const expected = [
      { repo: 'acme/api', deploymentId: 987 },
      { repo: 'acme/api', prNumber: 123 },
      { repo: 'acme/web', prNumber: 45 },
      { repo: 'Org/Repo.js', deploymentId: 12 },
    ];
    assert.deepEqual(namesInText(title, description), expected);
    assert.deepEqual(namesInText(description, title), expected, 'the order of the texts does not matter');
  });

  it('reads no workflow run, environment page, bare number or reference inside a longer path as a name', () => {
    assert.deepEqual(
      namesInText(
        'run https://github.com/acme/api/actions/runs/555 on https://github.com/acme/api/deployments/production',
        'ticket #12, x/acme/api#9, a.b/c#1, https://example.com/acme/api#3',
        undefined,
        '',
      ),
      [],
    );
  });
});
