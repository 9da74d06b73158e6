/** Building the workspace page's DOM: `h(tag, attributes, ...children)`. */

type Child = Node | string | null | undefined | false;

export function h(
  tag: string,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, value);
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      element.append(typeof child === "string" ? document.createTextNode(child) : child);
  return element;
}
