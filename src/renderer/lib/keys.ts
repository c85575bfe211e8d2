/** Channel ids are unique per server only, so every map in the renderer is keyed by account too. */
export const channelKey = (accountId: string, channelId: string): string => `${accountId}\u0000${channelId}`;
export const reviewKey = (accountId: string, messageId: string): string => `${accountId}\u0000${messageId}`;

export interface ChannelRef {
  accountId: string;
  channelId: string;
}
