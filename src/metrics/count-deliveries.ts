import type { Channels, DeliveryResult } from '../modules/notifications/index.ts';
import type { AvisoMetrics, DeliveryOutcome } from './aviso-metrics.ts';

function outcomeOf(result: DeliveryResult): DeliveryOutcome {
  if (result.ok) return 'sent';
  return result.retryable ? 'failed_retryable' : 'failed_permanent';
}

/** The same channels, each send counted in /metrics by channel and outcome. */
export function countDeliveries(channels: Channels, metrics: Pick<AvisoMetrics, 'observeDelivery'>): Channels {
  const counted: Channels = {};
  for (const [kind, channel] of Object.entries(channels) as [keyof Channels, NonNullable<Channels[keyof Channels]>][]) {
    counted[kind] = {
      kind: channel.kind,
      send: async (delivery) => {
        const result = await channel.send(delivery);
        metrics.observeDelivery(kind, outcomeOf(result));
        return result;
      },
      ...(channel.close !== undefined && { close: () => channel.close!() }),
    };
  }
  return counted;
}
