// A self-signed certificate for localhost and 127.0.0.1, made with Debian's openssl, so that
// `npm run cluster -- --tls` serves deploy/nginx.conf's HTTPS server exactly as shipped and the
// tests reach the site through it (trusting this certificate alone).
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** A certificate and its key, as files. */
export interface TlsFiles {
  certificate: string;
  key: string;
}

/** Writes certificate.pem and key.pem into `dir` (an ECDSA P-256 key, valid two days); returns their paths. */
export async function selfSignedCertificate(dir: string): Promise<TlsFiles> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const certificate = path.join(dir, 'certificate.pem');
  const key = path.join(dir, 'key.pem');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', certificate],
    { encoding: 'utf8' },
  );
  if (made.error) throw new Error(`openssl is needed for --tls (apt install openssl): ${made.error.message}`);
  if (made.status !== 0) throw new Error(`openssl could not make a certificate:\n${made.stderr}`);
  return { certificate, key };
}
