/**
 * A URL as it may be shown: a password inside it (`http://user:password@host/`, common in proxy
 * settings) becomes `***`. Works on text that does not parse as a URL too, since error messages
 * repeat what the user typed.
 */
export function redactUrl(text: string): string {
  return text.replace(/(\/\/[^/@:\s]*):[^/@\s]*@/g, "$1:***@");
}
