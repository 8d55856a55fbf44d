/** A Block Kit block or element as the app sent it: JSON, read defensively. */
export type BlockJson = Record<string, unknown>;

const isObject = (value: unknown): value is BlockJson =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every interactive element a block holds, wherever Block Kit puts them. */
export const elementsOf = (block: BlockJson): BlockJson[] => {
  const found: BlockJson[] = [];
  if (Array.isArray(block.elements) && block.type === 'actions') {
    for (const element of block.elements) if (isObject(element)) found.push(element);
  }
  if (isObject(block.accessory)) found.push(block.accessory);
  if (isObject(block.element)) found.push(block.element);
  return found;
};

/**
 * The blocks with the ids Slack fills in when an app leaves them out: a `block_id` on every
 * block and an `action_id` on every interactive element, so a click can name what was clicked.
 * Ids the app chose are kept. Anything that is not an object is dropped.
 * https://docs.slack.dev/reference/block-kit/blocks/actions-block
 */
export const withSlackIds = (blocks: readonly unknown[], prefix: string): BlockJson[] =>
  blocks.filter(isObject).map((block, index) => {
    const blockId = typeof block.block_id === 'string' ? block.block_id : `${prefix}${index}`;
    const copy: BlockJson = { ...block, block_id: blockId };
    const named = (element: BlockJson, at: number): BlockJson =>
      typeof element.action_id === 'string'
        ? element
        : { ...element, action_id: `${blockId}.${at}` };
    if (Array.isArray(block.elements) && block.type === 'actions') {
      copy.elements = block.elements.filter(isObject).map(named);
    }
    if (isObject(block.accessory)) copy.accessory = named(block.accessory, 0);
    if (isObject(block.element)) copy.element = named(block.element, 0);
    return copy;
  });

/** The element a click names, with its block, or undefined when the surface has no such one. */
export const findElement = (
  blocks: readonly BlockJson[],
  blockId: string,
  actionId: string,
): { readonly block: BlockJson; readonly element: BlockJson } | undefined => {
  for (const block of blocks) {
    if (block.block_id !== blockId) continue;
    const element = elementsOf(block).find((candidate) => candidate.action_id === actionId);
    if (element !== undefined) return { block, element };
  }
  return undefined;
};
