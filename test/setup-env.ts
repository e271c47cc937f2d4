import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// n8n-core writes an instance config (encryption key) under N8N_USER_FOLDER on first use:
// keep it inside the project's ignored cache rather than in the home folder.
const userFolder = join(__dirname, '..', 'node_modules', '.cache', 'n8n-test-user');
mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_LOG_LEVEL = 'silent';
