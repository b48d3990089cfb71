import { launcherSlots, processSingleton } from './process/registry';

/**
 * Where this instance is in its life: `starting` until its content is compared with the build,
 * `draining` after SIGTERM. scripts/server.mjs moves it along (through the same process slot);
 * under another launcher it is `ready` from the start.
 */
export interface Lifecycle {
  state: 'starting' | 'ready' | 'draining';
  since: number;
}

export function lifecycle(): Lifecycle {
  return processSingleton<Lifecycle>('lifecycle', () => ({ state: 'ready', since: Date.now() }));
}

/**
 * Whether scripts/server.mjs launched this process: it overwrites the peer-address header on
 * every request, so only then may the app believe it.
 */
export function launchedWithPeerHeader(): boolean {
  return launcherSlots.peerHeaderMarked();
}
