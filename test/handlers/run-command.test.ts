import assert from 'node:assert/strict';
import type { CommandDefinition } from '../../handlers/catalog.ts';
import { formatUsage } from '../../handlers/catalog.ts';
import { suggestCommand } from '../../handlers/help/suggest-command.ts';
import { COMMANDS, parseCommandText, runCommand } from '../../handlers/run-command.ts';
import type { CommandInput, HelpView, NoticeView, Reply, Surface } from '../../handlers/types.ts';

function inputFor(surface: Surface, text: string): CommandInput {
  return {
    actor: { surface, tenantId: surface === 'slack' ? 'T0001' : 'tenant-guid', userId: 'U0001' },
    ...parseCommandText(text),
  };
}

function helpOf(reply: Reply): HelpView {
  assert.equal(reply.view.kind, 'help');
  return reply.view as HelpView;
}

function noticeOf(reply: Reply): NoticeView {
  assert.equal(reply.view.kind, 'notice');
  return reply.view as NoticeView;
}

describe('parseCommandText', () => {
  it('splits the command name from its arguments', () => {
    assert.deepEqual(parseCommandText('standup open now'), {
      name: 'standup',
      args: ['open', 'now'],
      rawArgs: 'open now',
    });
  });

  it('lower-cases the name but keeps the arguments as typed', () => {
    assert.deepEqual(parseCommandText('HeLP Alice'), { name: 'help', args: ['Alice'], rawArgs: 'Alice' });
  });

  it('ignores extra spaces, tabs and newlines between words, keeping rawArgs spacing inside', () => {
    assert.deepEqual(parseCommandText('   triage \t  repo-a\n  repo-b   '), {
      name: 'triage',
      args: ['repo-a', 'repo-b'],
      rawArgs: 'repo-a\n  repo-b',
    });
  });

  it('gives an empty name and no arguments for empty or blank text', () => {
    const empty = { name: '', args: [], rawArgs: '' };
    assert.deepEqual(parseCommandText(''), empty);
    assert.deepEqual(parseCommandText('   \n\t '), empty);
  });
});

describe('runCommand', () => {
  for (const surface of ['slack', 'teams'] as const) {
    describe(`on ${surface}`, () => {
      it('shows help, privately, when nothing was typed', async () => {
        const reply = await runCommand(inputFor(surface, ''));
        assert.equal(reply.visibility, 'private');
        assert.equal(helpOf(reply).title, 'em-agent commands');
      });

      it('lists every command with its usage as typed on this surface', async () => {
        const help = helpOf(await runCommand(inputFor(surface, 'help')));
        assert.deepEqual(
          help.commands.map((entry) => entry.name),
          COMMANDS.map((command) => command.name),
        );
        for (const command of COMMANDS) {
          const entry = help.commands.find((candidate) => candidate.name === command.name);
          assert.equal(entry?.description, command.description);
          assert.equal(entry?.usage, formatUsage(surface, command.name, command.argsHint));
        }
        const usage = help.commands.find((entry) => entry.name === 'help')?.usage;
        assert.equal(usage, surface === 'slack' ? '/em help' : 'help');
      });

      it('accepts the command in any case and with surrounding spaces', async () => {
        const help = helpOf(await runCommand(inputFor(surface, '   HELP  ')));
        assert.ok(help.commands.length > 0);
      });

      it('answers a swapped-letter typo with a warning that suggests the command', async () => {
        const reply = await runCommand(inputFor(surface, 'hlep'));
        assert.equal(reply.visibility, 'private');
        const notice = noticeOf(reply);
        const usage = surface === 'slack' ? '/em help' : 'help';
        assert.equal(notice.tone, 'warning');
        assert.equal(notice.title, `I don't know "hlep" yet`);
        assert.equal(notice.body, `Did you mean ${usage}?`);
        assert.equal(notice.suggestion, usage);
      });

      it('says "Did you mean" for a one-letter typo', async () => {
        const notice = noticeOf(await runCommand(inputFor(surface, 'halp')));
        const usage = surface === 'slack' ? '/em help' : 'help';
        assert.equal(notice.body, `Did you mean ${usage}?`);
        assert.equal(notice.suggestion, usage);
      });

      it('points a totally unknown word to help and truncates it at 40 characters in the title', async () => {
        const word = 'supercalifragilisticexpialidocious-and-then-some-more';
        const notice = noticeOf(await runCommand(inputFor(surface, `${word} with args`)));
        const usage = surface === 'slack' ? '/em help' : 'help';
        assert.equal(notice.tone, 'warning');
        assert.equal(notice.title, `I don't know "${word.slice(0, 40)}…" yet`);
        assert.equal(notice.body, `${usage} lists everything I can do.`);
        assert.equal(notice.suggestion, usage);
      });

      it('keeps a 40-character word whole', async () => {
        const word = 'x'.repeat(40);
        const notice = noticeOf(await runCommand(inputFor(surface, word)));
        assert.equal(notice.title, `I don't know "${word}" yet`);
      });
    });
  }

  it('passes the whole input to the matching command, and maps an empty name to help', async () => {
    const seen: CommandInput[] = [];
    const commands: CommandDefinition[] = [
      {
        name: 'help',
        argsHint: '',
        description: 'Help.',
        run: (input) => {
          seen.push(input);
          return { visibility: 'private', view: { kind: 'notice', tone: 'info', title: 'h', body: 'b' } };
        },
      },
      {
        name: 'echo',
        argsHint: '<text>',
        description: 'Echo.',
        run: async (input) => {
          seen.push(input);
          return {
            visibility: 'conversation',
            view: { kind: 'notice', tone: 'info', title: 'echo', body: input.rawArgs },
          };
        },
      },
    ];
    const echo = await runCommand(inputFor('slack', 'Echo  hello   world'), commands);
    assert.equal(echo.visibility, 'conversation');
    assert.equal(noticeOf(echo).body, 'hello   world');
    assert.deepEqual(seen[0]?.args, ['hello', 'world']);
    assert.equal(seen[0]?.actor.tenantId, 'T0001');
    await runCommand(inputFor('teams', ''), commands);
    assert.equal(seen[1]?.name, 'help');
  });

  it('returns the reply itself when the command answers without waiting, so an edge can send it in its ack', () => {
    assert.ok(!(runCommand(inputFor('slack', 'help')) instanceof Promise), 'help');
    assert.ok(!(runCommand(inputFor('slack', 'hlep')) instanceof Promise), 'an unknown command');
    const waits: CommandDefinition = {
      name: 'waits',
      argsHint: '',
      description: 'Reads something first.',
      run: async () => ({
        visibility: 'private',
        view: { kind: 'notice', tone: 'info', title: 't', body: 'b' },
      }),
    };
    assert.ok(runCommand(inputFor('slack', 'waits'), [waits]) instanceof Promise);
  });

  it('suggests from the commands it was given', async () => {
    const commands: CommandDefinition[] = [
      {
        name: 'standup',
        argsHint: '',
        description: 'Open the standup.',
        run: () => ({ visibility: 'private', view: { kind: 'notice', tone: 'info', title: 't', body: 'b' } }),
      },
    ];
    const notice = noticeOf(await runCommand(inputFor('slack', 'standpu'), commands));
    assert.equal(notice.body, 'Did you mean /em standup?');
    assert.equal(notice.suggestion, '/em standup');
  });
});

describe('formatUsage', () => {
  it('prefixes /em on Slack only and appends the arguments hint', () => {
    assert.equal(formatUsage('slack', 'triage', '<repo>'), '/em triage <repo>');
    assert.equal(formatUsage('teams', 'triage', '<repo>'), 'triage <repo>');
    assert.equal(formatUsage('slack', 'help'), '/em help');
    assert.equal(formatUsage('teams', 'help', ''), 'help');
  });
});

describe('suggestCommand', () => {
  const known = ['help', 'standup', 'triage', 'metrics'];

  it('returns an exact match', () => {
    assert.equal(suggestCommand('triage', known), 'triage');
  });

  it('returns the closest command for a one-edit typo', () => {
    assert.equal(suggestCommand('halp', known), 'help');
    assert.equal(suggestCommand('hel', known), 'help');
    assert.equal(suggestCommand('helps', known), 'help');
    assert.equal(suggestCommand('triag', known), 'triage');
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    assert.equal(suggestCommand('hlep', known), 'help');
    assert.equal(suggestCommand('hepl', known), 'help');
    assert.equal(suggestCommand('tirage', known), 'triage');
  });

  it('allows more edits for longer names (a third of the length)', () => {
    assert.equal(suggestCommand('metrix', known), 'metrics');
    assert.equal(suggestCommand('stnadpu', known), 'standup');
    assert.equal(suggestCommand('sdnatpu', known), undefined);
    assert.equal(suggestCommand('hxlx', known), undefined);
  });

  it('returns nothing when no command is close', () => {
    assert.equal(suggestCommand('deploy', known), undefined);
    assert.equal(suggestCommand('x'.repeat(200), known), undefined);
  });

  it('returns nothing for empty input or an empty catalogue', () => {
    assert.equal(suggestCommand('', known), undefined);
    assert.equal(suggestCommand('help', []), undefined);
  });

  it('suggests a one-letter name for a one-letter typo', () => {
    assert.equal(suggestCommand('b', ['a']), 'a');
  });

  it('prefers the first of equally close commands', () => {
    assert.equal(suggestCommand('cat', ['bat', 'hat']), 'bat');
  });

  it('is case-sensitive: callers lower-case first', () => {
    assert.equal(suggestCommand('HELP', ['help']), undefined);
  });
});

describe('unknownCommand echo', () => {
  it('never echoes markup a person typed: links, mentions and markdown are dropped', async () => {
    for (const surface of ['slack', 'teams'] as const) {
      const reply = await runCommand({
        actor: { surface, tenantId: 't', userId: 'u' },
        ...parseCommandText('[click](https://evil.example)<!channel>**bold**'),
      });
      assert.equal(reply.view.kind, 'notice');
      const title = reply.view.kind === 'notice' ? reply.view.title : '';
      assert.doesNotMatch(title, /[[\]()<>!*:/]/, title);
      assert.equal(title, `I don't know "clickhttpsevil.examplechannelbold" yet`);
    }
  });

  it('says so plainly when nothing printable is left', async () => {
    const reply = await runCommand({
      actor: { surface: 'slack', tenantId: 't', userId: 'u' },
      ...parseCommandText('<>'),
    });
    assert.equal(reply.view.kind === 'notice' && reply.view.title, `I don't know that command yet`);
  });
});
