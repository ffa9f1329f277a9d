/** Typographic characters that blog posts put into commands and policies, with what was meant. */
const TYPOGRAPHIC: Record<string, string> = {
  "\u201c": '"',
  "\u201d": '"',
  "\u2033": '"',
  "\u2018": "'",
  "\u2019": "'",
  "\u2032": "'",
  "\u2013": "-",
  "\u2014": "-",
};

const TYPOGRAPHIC_CHARS = /[\u201c\u201d\u2033\u2018\u2019\u2032\u2013\u2014]/g;

export function hasTypographic(text: string): boolean {
  return new RegExp(TYPOGRAPHIC_CHARS.source).test(text);
}

/** Replaces typographic quotes and dashes with their ASCII originals. */
export function plainText(text: string): string {
  return text.replace(TYPOGRAPHIC_CHARS, (ch) => TYPOGRAPHIC[ch]);
}

/**
 * What a command-line value pasted with typographic quotes was meant to be: the quotes were meant
 * for the shell (`-a “iam:*”` means `-a iam:*`), so quotes around the whole value are dropped.
 */
export function intendedValue(text: string): string {
  const plain = plainText(text);
  const quoted = /^(["'])(.*)\1$/s.exec(plain);
  return quoted && hasTypographic(text[0]) ? quoted[2] : plain;
}
