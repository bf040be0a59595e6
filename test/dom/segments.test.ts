import { beforeEach, describe, expect, it } from 'vitest';
import { pointAt, segmentsIn } from '../../src/dom/segments.ts';

const texts = (root: Node): string[] => [...segmentsIn(root)].map((s) => s.text);

describe('segmentsIn', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('joins text across inline elements into one run', () => {
    document.body.innerHTML = '<p>Kas<b>per</b><i>sky</i> Lab</p>';
    const [segment] = [...segmentsIn(document.body)];
    expect(segment?.text).toBe('Kaspersky Lab');
    expect(segment?.nodes).toHaveLength(4);
    expect(segment?.starts).toEqual([0, 3, 6, 9]);
  });

  it('never joins across blocks, nested blocks or line breaks', () => {
    document.body.innerHTML =
      '<div>Kasp<p>inner</p>ersky</div><ul><li>Kaspersky</li><li>Lab</li></ul><p>Kaspersky<br>Lab</p><td>x</td>';
    expect(texts(document.body)).toEqual(['Kasp', 'inner', 'ersky', 'Kaspersky', 'Lab', 'Kaspersky', 'Lab', 'x']);
  });

  it('skips what is not prose a reader sees as text', () => {
    document.body.innerHTML = `
      <p>seen</p>
      <script>script</script><style>.style{}</style><noscript>noscript</noscript>
      <template><p>template</p></template><textarea>textarea</textarea>
      <select><option>option</option></select>
      <div contenteditable="true"><p>editable</p></div>
      <div contenteditable="false"><p>not editable</p></div>
      <svg><text>svg</text></svg>
      <backstory-card>ours</backstory-card>`;
    const joined = texts(document.body).join('|');
    expect(joined).toContain('seen');
    expect(joined).toContain('not editable');
    for (const hidden of ['script', 'style', 'noscript', 'template', 'textarea', 'option', '|editable', 'svg', 'ours']) {
      expect(joined).not.toContain(hidden);
    }
  });
});

describe('pointAt', () => {
  it('maps offsets in the joined text back to text nodes, preferring the inside of a run', () => {
    document.body.innerHTML = '<p>ab<b>cd</b>ef</p>';
    const [segment] = [...segmentsIn(document.body)];
    if (!segment) throw new Error('no segment');
    const at = (offset: number, edge: 'start' | 'end') => {
      const p = pointAt(segment, offset, edge);
      return [p.node.data, p.offset];
    };
    expect(at(0, 'start')).toEqual(['ab', 0]);
    expect(at(2, 'start')).toEqual(['cd', 0]);
    expect(at(2, 'end')).toEqual(['ab', 2]);
    expect(at(3, 'start')).toEqual(['cd', 1]);
    expect(at(4, 'end')).toEqual(['cd', 2]);
    expect(at(4, 'start')).toEqual(['ef', 0]);
    expect(at(6, 'end')).toEqual(['ef', 2]);
  });
});
