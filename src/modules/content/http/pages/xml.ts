/**
 * A tiny XML writer for the feeds and the sitemap: every text and attribute value is escaped, and
 * characters XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped, so
 * any article text makes a well-formed document. No CDATA: escaped text carries `]]>` safely.
 */
export type XmlNode = Readonly<{
  name: string;
  attributes: Readonly<Record<string, string | undefined>>;
  children: readonly (XmlNode | string)[];
}>;

type Child = XmlNode | string | null | undefined | false | readonly Child[];

/** An element; `undefined` attributes are left out, `null`/`false` children skipped, arrays flattened. */
export function el(name: string, attributes: Readonly<Record<string, string | undefined>> = {}, ...children: Child[]) {
  return { name, attributes, children: flatten(children) } satisfies XmlNode;
}

function flatten(children: readonly Child[]): (XmlNode | string)[] {
  return children.flatMap((child) => {
    if (child === null || child === undefined || child === false) return [];
    if (Array.isArray(child)) return flatten(child as readonly Child[]);
    return [child as XmlNode | string];
  });
}

// Tab, line feed, carriage return and everything from U+0020 are allowed, except lone surrogates, U+FFFE and U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

function write(node: XmlNode | string): string {
  if (typeof node === 'string') return escapeXml(node);
  if (!NAME.test(node.name)) throw new Error(`not an XML name: ${node.name}`);
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => {
      if (!NAME.test(name)) throw new Error(`not an XML name: ${name}`);
      return ` ${name}="${escapeXml(value)}"`;
    })
    .join('');
  if (node.children.length === 0) return `<${node.name}${attributes}/>`;
  return `<${node.name}${attributes}>${node.children.map(write).join('')}</${node.name}>`;
}

/** The document with its XML declaration. */
export function renderXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root)}\n`;
}
