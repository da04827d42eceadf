import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { buildApiSchema, printApiSchema } from './schema';

/** Where the committed SDL lives: the shared contract the dashboard generates its types from. */
export const SDL_PATH = path.join(PROJECT_ROOT, 'packages', 'schema', 'schema.graphql');

/** `npm run sdl`: writes the SDL; a test fails when the committed file is stale. */
if (require.main === module) {
  buildApiSchema()
    .then((schema) => {
      fs.writeFileSync(SDL_PATH, printApiSchema(schema));
      console.log(`wrote ${path.relative(process.cwd(), SDL_PATH)}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
