/** Node, NodeFilter and XPathResult constants the code reads, by value (the DOM standard fixes them). */
export const DOM_CONSTANTS: Record<string, string> = {
  'Node.ELEMENT_NODE': '1',
  'Node.TEXT_NODE': '3',
  'Node.CDATA_SECTION_NODE': '4',
  'Node.COMMENT_NODE': '8',
  'Node.DOCUMENT_NODE': '9',
  'Node.DOCUMENT_FRAGMENT_NODE': '11',
  'Node.DOCUMENT_POSITION_PRECEDING': '2',
  'Node.DOCUMENT_POSITION_FOLLOWING': '4',
  'NodeFilter.SHOW_ELEMENT': '1',
  'NodeFilter.SHOW_TEXT': '4',
  'NodeFilter.SHOW_CDATA_SECTION': '8',
  'XPathResult.ORDERED_NODE_SNAPSHOT_TYPE': '7',
  'Range.START_TO_START': '0',
};
