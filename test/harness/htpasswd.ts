import bcrypt from 'bcryptjs';
import { writeFile } from 'node:fs/promises';

/**
 * distribution's htpasswd accepts bcrypt entries only. The registry checks the hash on every
 * request, so the cost is the minimum Go's bcrypt accepts (4): a cost-10 hash adds ~60 ms per call.
 */
export async function writeHtpasswd(path: string, users: Record<string, string>): Promise<void> {
  const lines = Object.entries(users).map(([user, pass]) => `${user}:${bcrypt.hashSync(pass, 4)}`);
  await writeFile(path, lines.join('\n') + '\n', { mode: 0o600 });
}
