import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.ChildNode;

/** Elements that end a block of text: a paragraph, a list item, a heading, a table cell. */
const BLOCKS = new Set([
  "p",
  "div",
  "li",
  "dt",
  "dd",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "tr",
  "td",
  "th",
  "section",
  "article",
  "header",
  "footer",
  "figcaption",
  "br",
  "hr",
  "ul",
  "ol",
  "table",
]);
/** Elements whose text is not read by a person on the page. */
const SKIPPED = new Set(["script", "style", "template", "noscript", "iframe", "svg", "object"]);

/**
 * A Help Center article's HTML body as blocks of plain text, one per paragraph, list item or
 * heading. parse5 parses the way browsers do (entities decoded, unclosed tags closed), so the
 * text is what a reader of the article sees; scripts, styles and embeds are dropped.
 */
export function articleBlocks(html: string): string[] {
  const blocks: string[] = [];
  let current = "";
  const flush = () => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text) blocks.push(text);
    current = "";
  };
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.nodeName === "#text") current += (node as DefaultTreeAdapterTypes.TextNode).value;
      else if ("childNodes" in node && !SKIPPED.has(node.nodeName)) {
        const block = BLOCKS.has(node.nodeName);
        if (block) flush();
        walk(node.childNodes);
        if (block) flush();
      } else if (node.nodeName === "br") flush();
    }
  };
  walk(parseFragment(html).childNodes);
  flush();
  return blocks;
}
