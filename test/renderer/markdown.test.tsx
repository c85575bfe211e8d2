import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../src/renderer/components/Markdown';

describe('Markdown', () => {
  it('renders GitHub tables and strikethrough that agents post, still with no raw HTML', () => {
    const text = '| index | recall@10 |\n|---|---|\n| hnsw | 0.97 |\n\n~~old~~ new <b>bold?</b>';
    const { container } = render(<Markdown text={text} onOpenLink={vi.fn()} />);
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'recall@10' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '0.97' })).toBeTruthy();
    expect(container.querySelector('del')?.textContent).toBe('old');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>bold?</b>');
  });
});
