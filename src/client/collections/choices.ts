import { COLLECTION_CHANNELS } from '../../domain/decisions';

// 缴款渠道: the remittance screens already word every channel.
export const channelChoices = COLLECTION_CHANNELS.map((id) => ({
  id,
  name: `resources.remittances.channels.${id}`,
}));
