/** Where a channel stands: starting up, serving, or no longer serving (stopped, logged out, refused). */
export type ChannelState = 'starting' | 'running' | 'stopped';

/** One channel's last report, as /readyz shows it. */
export interface ChannelReport {
  state: ChannelState;
  /** Why it is in this state, in a word or two (`logged_out`, `start_failed`); never a secret. */
  reason?: string;
}

/**
 * The one thing a channel starter needs to tell readiness about itself. A small port, so Telegram
 * and WeChat report into it without knowing who reads it.
 */
export interface ChannelStatusReporter {
  report(channel: string, state: ChannelState, reason?: string): void;
}

/** What /readyz reads: each configured channel's state, and whether the process is shutting down. */
export interface ServiceStatus extends ChannelStatusReporter {
  channels(): Record<string, ChannelReport>;
  readonly shuttingDown: boolean;
  /** Called once on SIGTERM/SIGINT: readiness turns false at once, before anything is closed. */
  beginShutdown(): void;
}

/**
 * The process's readiness in memory: a load balancer should send traffic only while no configured
 * channel has stopped and no shutdown has begun. Channels that were never configured are absent.
 */
export function createServiceStatus(): ServiceStatus {
  const reports = new Map<string, ChannelReport>();
  let shuttingDown = false;
  return {
    report(channel, state, reason) {
      reports.set(channel, reason ? { state, reason } : { state });
    },
    channels: () => Object.fromEntries(reports),
    get shuttingDown() {
      return shuttingDown;
    },
    beginShutdown() {
      shuttingDown = true;
    },
  };
}

/** True when the process should receive traffic: not shutting down, and no configured channel stopped. */
export function isReady(snapshot: { channels: Record<string, ChannelReport>; shuttingDown: boolean }): boolean {
  return !snapshot.shuttingDown && Object.values(snapshot.channels).every((c) => c.state !== 'stopped');
}
