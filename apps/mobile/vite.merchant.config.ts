import { defineConfig } from 'vite';
import { phoneAppConfig } from './vite.shared';

// The merchant app (商家核销), built from this package's merchant/index.html and src/merchant;
// the server serves it under /merchant/.
const here = (p: string) => new URL(p, import.meta.url).pathname;
export default defineConfig(phoneAppConfig({ base: '/merchant/', entryName: 'merchant', root: here('./merchant'), outDir: here('./dist-merchant'), devPort: 5175 }));
