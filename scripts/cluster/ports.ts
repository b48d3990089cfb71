// Free loopback ports, all different: each probe stays open until every port is found, so the
// system cannot hand the same one out twice.
import net, { type AddressInfo, type Server } from 'node:net';

function openProbe(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve(probe));
  });
}

export async function freePorts(count: number): Promise<number[]> {
  const probes: Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) probes.push(await openProbe());
    return probes.map((probe) => (probe.address() as AddressInfo).port);
  } finally {
    await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  }
}

/**
 * Waits until something accepts connections on a loopback port, looking every 50 ms: true then,
 * false once `gaveUp()` says so (the process exited) or after `timeoutMs`.
 */
export async function untilAccepts(port: number, { timeoutMs = 5_000, gaveUp = () => false }: { timeoutMs?: number; gaveUp?: () => boolean } = {}): Promise<boolean> {
  for (let waited = 0; !(await accepts(port)); waited += 50) {
    if (gaveUp() || waited > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Whether something accepts connections on a loopback port. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
