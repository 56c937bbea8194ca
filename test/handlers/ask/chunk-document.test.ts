import assert from 'node:assert/strict';
import { chunkDocument, chunkSearchText } from '../../../handlers/ask/chunk-document.ts';

describe('chunkDocument', () => {
  it('starts a chunk at each heading and keeps the heading path', () => {
    const text = [
      '# Guide',
      'Intro.',
      '',
      '## Install',
      'Run it.',
      '',
      '### Linux',
      'apt install',
      '',
      '## Use',
      'Go.',
    ].join('\n');
    const chunks = chunkDocument(text);
    assert.deepEqual(
      chunks.map((chunk) => [chunk.headingPath, chunk.startLine, chunk.endLine]),
      [
        [['Guide'], 1, 2],
        [['Guide', 'Install'], 4, 5],
        [['Guide', 'Install', 'Linux'], 7, 8],
        [['Guide', 'Use'], 10, 11],
      ],
    );
  });

  it('joins a heading with nothing under it to the next section', () => {
    const chunks = chunkDocument('# Deploying\n\n## Deploy\nSteps.');
    assert.equal(chunks.length, 1);
    assert.deepEqual(chunks[0]?.headingPath, ['Deploying', 'Deploy']);
    assert.equal(chunks[0]?.startLine, 1);
  });

  it('never splits a fenced block that fits, even across the size limit, and ignores # inside it', () => {
    const code = ['```bash', '# not a heading', ...Array.from({ length: 8 }, (_, i) => `echo ${i}`), '```'];
    const text = ['## Run', 'x'.repeat(150), '', ...code, '', 'After.'].join('\n');
    const chunks = chunkDocument(text, { maxChars: 200 });
    const withCode = chunks.find((chunk) => chunk.body.includes('```bash'));
    assert.ok(withCode);
    assert.equal((withCode.body.match(/```/g) ?? []).length, 2, 'the whole fence is in one chunk');
    assert.ok(chunks.every((chunk) => chunk.headingPath.join() === 'Run'));
  });

  it('splits a fenced block only when it alone is too long, by lines, covering every line once', () => {
    const lines = ['```', ...Array.from({ length: 60 }, (_, i) => `line ${i} ${'y'.repeat(20)}`), '```'];
    const chunks = chunkDocument(lines.join('\n'), { maxChars: 300 });
    assert.ok(chunks.length > 1);
    assert.equal(chunks[0]?.startLine, 1);
    assert.equal(chunks.at(-1)?.endLine, lines.length);
    for (let index = 1; index < chunks.length; index += 1) {
      assert.equal(chunks[index]!.startLine, chunks[index - 1]!.endLine + 1);
    }
  });

  it('keeps a tilde fence open until a matching tilde fence', () => {
    const chunks = chunkDocument('~~~\n```\n# inside\n~~~\nafter', { maxChars: 1000 });
    assert.equal(chunks.length, 1);
    assert.deepEqual(chunks[0]?.headingPath, []);
  });

  it('handles CRLF, empty text and text without headings', () => {
    assert.deepEqual(chunkDocument(''), []);
    const [chunk] = chunkDocument('one\r\ntwo\r\n\r\nthree');
    assert.equal(chunk?.body, 'one\ntwo\n\nthree');
    assert.deepEqual([chunk?.startLine, chunk?.endLine], [1, 4]);
  });

  it('puts the title and heading path before the body in the searched text', () => {
    assert.equal(chunkSearchText({ headingPath: ['A', 'B'], body: 'text' }, 'Doc'), 'Doc > A > B\ntext');
  });
});
