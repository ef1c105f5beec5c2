/**
 * The values `aicost init` guessed and marked with PLACEHOLDER_MARK that a config still holds, so
 * that `estimate` can say its figures rest on them. Reads the config text line by line in the
 * shape init writes (`features:` at the top level, two-space feature ids, values indented under
 * them): a value whose comment the user removed is taken as confirmed.
 */
/** The monthly volume written when no traffic file gives one; the comment says to replace it. */
export const PLACEHOLDER_VOLUME = 1000;
/** The model written for a code call whose model is not a literal; the comment says to replace it. */
export const PLACEHOLDER_MODEL = 'gpt-4o-mini';
/** The typical output written for a code call that sets no max tokens; the comment says to replace it. */
export const PLACEHOLDER_OUTPUT = 300;
/** The comment that marks a value init guessed; `estimate` lists the features that still carry it. */
export const PLACEHOLDER_MARK = 'PLACEHOLDER (aicost init)';

/** One placeholder still in a config: the feature, the key and the 1-based line. */
export interface Placeholder {
  feature: string;
  key: string;
  line: number;
}

/** The placeholders init wrote that `text` (a `.aicost.yml`) still holds, in file order. */
export function placeholdersIn(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  let inFeatures = false;
  let feature = '';
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\S/.test(line) && !line.startsWith('#')) {
      inFeatures = /^features[ \t]*:/.test(line);
      feature = '';
      return;
    }
    if (!inFeatures) return;
    const id = /^ {2}([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*:[ \t]*(?:#.*)?$/.exec(line);
    if (id) {
      feature = id[1];
      return;
    }
    const value = /^ {4,}([A-Za-z_][A-Za-z0-9_]*)[ \t]*:.*#[ \t]*(.*)$/.exec(line);
    if (feature && value && value[2].startsWith(PLACEHOLDER_MARK)) out.push({ feature, key: value[1], line: i + 1 });
  });
  return out;
}

/** The estimate notice for the placeholders left in `file`, or null when there are none. */
export function placeholderNotice(file: string, placeholders: readonly Placeholder[]): string | null {
  if (!placeholders.length) return null;
  const byFeature = new Map<string, string[]>();
  for (const p of placeholders) byFeature.set(p.feature, [...(byFeature.get(p.feature) ?? []), p.key]);
  const list = [...byFeature].map(([f, keys]) => `${f} (${keys.join(', ')})`).join(', ');
  return `${file} still holds values \`aicost init\` guessed (marked PLACEHOLDER, from line ${placeholders[0].line}): ${list}. These figures rest on them: set the real values and remove the marks.`;
}
