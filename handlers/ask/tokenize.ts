const STOPWORDS = new Set(
  (
    'a an and are as at be but by can could did do does for from had has have how i if in into is it its me my ' +
    'of on or our should so that the their then there these this to was we were what when where which who why ' +
    'will with would you your about any all also been being than them they up use using get'
  ).split(' '),
);

/** Cheap suffix stripping (not a full stemmer): "deploys", "deploying" and "deployed" all become "deploy". */
function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      if (suffix === 's' && word.endsWith('ss')) return word;
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** Lower-cased, stemmed content words: what lexical scoring and the confidence check compare. */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  return words.filter((word) => !STOPWORDS.has(word) && word.length > 1).map(stem);
}
