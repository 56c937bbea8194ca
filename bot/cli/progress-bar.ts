/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per source otherwise). */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  let lastSource = '';
  return {
    update({ source, done, total }: { source: string; done: number; total: number }) {
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const line = `${source} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
      if (stream.isTTY) stream.write(`\r${line}`);
      else if (done === total || source !== lastSource) stream.write(`${line}\n`);
      if (stream.isTTY && done === total) stream.write('\n');
      lastSource = source;
    },
  };
}
