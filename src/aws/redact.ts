/**
 * A URL as it may be shown: its password (`http://user:password@host/`, common in proxy settings)
 * becomes `***`. The password runs from the first `:` after the user name to the last `@`, so one
 * holding `@`, `/` or a space is hidden whole (a path holding `@` is hidden too: better too much
 * than a part of a password). Works on a value that does not parse as a URL, or has no scheme,
 * since error messages repeat what the user typed. Every URL iamkit prints passes through here.
 */
export function redactUrl(url: string): string {
  return url.replace(/^((?:[^/]*\/\/)?[^/@:]*):.*@/s, "$1:***@");
}
