/**
 * HTML escaping.
 * @internal
 */

const entities: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "/": "&#x2F;", "`": "&#96;", "=": "&#x3D;" }

/**
 * Escapes text for HTML element content and quoted attribute values. `/` and `=` are escaped too (OWASP), so a
 * hostile value can neither close a tag nor read as a URL (`https://` never appears in escaped text).
 */
export const escape = (s: string): string => s.replace(/[&<>"'/`=]/g, (c) => entities[c] ?? c)
