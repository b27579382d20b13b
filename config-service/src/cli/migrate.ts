/** `pnpm migrate`: brings the database of this environment to the newest schema. */
import { connectFromEnv } from '../db/connect.ts';
import { loadEnv } from '../env.ts';

const env = loadEnv();
try {
  const database = await connectFromEnv(env); // connecting migrates
  console.log(`Database (${database.kind}) is at the newest schema.`);
  await database.close();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
