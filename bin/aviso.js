#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so `npx aviso …` works without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/aviso.ts');
