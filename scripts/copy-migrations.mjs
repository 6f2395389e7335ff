// `npm run build` compiles TypeScript to dist/; the SQL migrations are not TypeScript, so copy them
// next to the compiled db/connection.js, which looks for them beside itself.
import { cpSync } from 'node:fs';

cpSync('db/migrations', 'dist/db/migrations', { recursive: true });
