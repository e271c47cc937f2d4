import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// As in the tests: n8n-core keeps its instance settings in an ignored folder, and is quiet.
const userFolder = join(__dirname, '..', 'node_modules', '.cache', 'n8n-bench-user');
mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_LOG_LEVEL = 'silent';
