import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/main/core/ports';
import { createReviewOpener } from '../../../src/main/electron/review-opener';
import { review } from './notices';

function setup(lists: Record<string, ReturnType<typeof review>[]>) {
  const deps = {
    reviewsList: vi.fn(async ({ status }: { status: string }) => lists[status] ?? []),
    focusWindow: vi.fn(),
    showReview: vi.fn(),
    logger: { ...silentLogger, info: vi.fn() },
  };
  return { open: createReviewOpener(deps as never), deps };
}

describe('createReviewOpener', () => {
  it('focuses and shows a review whose channel is known (notification click) without a lookup', async () => {
    const { open, deps } = setup({});
    await open({ accountId: 'a1', channelId: 'c1', messageId: 'm1' });
    expect(deps.focusWindow).toHaveBeenCalled();
    expect(deps.showReview).toHaveBeenCalledWith({ accountId: 'a1', channelId: 'c1', messageId: 'm1' });
    expect(deps.reviewsList).not.toHaveBeenCalled();
  });

  it('finds the channel of a deep-linked review, answered or not', async () => {
    const { open, deps } = setup({ completed: [review({ messageId: 'm9', channelId: 'c9' })] });
    await open({ accountId: 'a1', messageId: 'm9' });
    expect(deps.showReview).toHaveBeenCalledWith({ accountId: 'a1', channelId: 'c9', messageId: 'm9' });
  });

  it('a review that vanished, or a bogus id, only brings the window up', async () => {
    const { open, deps } = setup({ pending: [review()] });
    await open({ accountId: 'a1', messageId: 'nope' });
    await open({ accountId: 'other', messageId: 'm1' });
    expect(deps.focusWindow).toHaveBeenCalledTimes(2);
    expect(deps.showReview).not.toHaveBeenCalled();
    expect(deps.logger.info).toHaveBeenCalledWith('review to open was not found', expect.any(Object));
  });

  it('survives a failing lookup', async () => {
    const { open, deps } = setup({});
    deps.reviewsList.mockRejectedValue(new Error('store closed'));
    await expect(open({ accountId: 'a1', messageId: 'm1' })).resolves.toBeUndefined();
    expect(deps.showReview).not.toHaveBeenCalled();
  });
});
