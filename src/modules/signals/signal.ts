import type { ComponentStatus, StatusCause } from '../components/index.ts';
import type { ComponentId } from '../../shared/ids.ts';

/**
 * What automation knows about a component. A source (a monitor today, an alert receiver later)
 * raises a signal with the status it wants; the component shows the worst active signal, and
 * when every signal has cleared it gets back the status it had before automation changed it,
 * unless someone changed it meanwhile.
 */
export const signalSources = ['monitor', 'receiver'] as const;
export type SignalSource = (typeof signalSources)[number];

export interface Signal {
  componentId: ComponentId;
  source: SignalSource;
  sourceId: string;
  status: ComponentStatus;
  summary: string | null;
  raisedAt: Date;
}

/** The cause recorded in a component's status history for a change a source made. */
export const causeOfSource: Record<SignalSource, StatusCause> = { monitor: 'monitor', receiver: 'third_party' };

/** A stretch when a source could not observe a component: neither uptime nor downtime. */
export interface NoDataStretch {
  componentId: ComponentId;
  source: SignalSource;
  sourceId: string;
  from: Date;
  to: Date;
}
