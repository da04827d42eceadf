/** Splits on "; " outside parentheses (column lists in sources use "; " too). */
function topLevelParts(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '(') depth += 1;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && c === ';' && source[i + 1] === ' ') {
      parts.push(current);
      current = '';
      i += 1;
    } else current += c;
  }
  return [...parts, current];
}

/**
 * The publications named in catalogue source strings, without the file and column details:
 * "DfE, Education, health and care plans, reporting year 2025 (SEN2): caseload.csv, …" →
 * "DfE, Education, health and care plans, reporting year 2025 (SEN2)".
 */
export function publicationsOf(sources: readonly string[]): string[] {
  const names = sources.flatMap((source) =>
    topLevelParts(source).map((part) => {
      const match = /^(.*?)(?::\s|,? extract\b| for (?:January|[0-9]))/.exec(part);
      return (match ? match[1] : part).trim().replace(/\.$/, '');
    }),
  );
  return [...new Set(names.filter(Boolean))];
}
