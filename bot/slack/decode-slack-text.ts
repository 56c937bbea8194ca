/** Slack sends `&`, `<` and `>` in slash command text as HTML entities; give handlers what the person typed. */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
