// Free loopback ports, all different: each probe stays open until every port is found, so the
// system cannot hand the same one out twice.
import net from 'node:net';

function openProbe() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve(probe));
  });
}

export async function freePorts(count) {
  const probes = [];
  try {
    for (let i = 0; i < count; i += 1) probes.push(await openProbe());
    return probes.map((probe) => probe.address().port);
  } finally {
    await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  }
}

/**
 * Waits until something accepts connections on a loopback port, looking every 50 ms: true then,
 * false once `gaveUp()` says so (the process exited) or after `timeoutMs`.
 */
export async function untilAccepts(port, { timeoutMs = 5_000, gaveUp = () => false } = {}) {
  for (let waited = 0; !(await accepts(port)); waited += 50) {
    if (gaveUp() || waited > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Whether something accepts connections on a loopback port. */
export function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
