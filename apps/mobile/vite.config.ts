import { defineConfig } from 'vite';
import { phoneAppConfig } from './vite.shared';

// The server serves the built member app under /member/.
export default defineConfig(phoneAppConfig({ base: '/member/', entryName: 'member', outDir: 'dist', devPort: 5174 }));
