// Development server for source pages (test/pages/): TypeScript through esbuild, bare imports resolved.
// `npx wds` then open http://localhost:8765/test/pages/…
import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  port: 8765,
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, json: false, tsconfig: './tsconfig.json', target: 'es2022' })],
};
