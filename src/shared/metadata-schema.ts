import { z } from 'zod';
import { isDeeperThan, maxMetadataBytes, maxMetadataDepth } from './json-depth.ts';

/**
 * Free-form `metadata` (Statuspage's incident metadata): a mapping, at most 10 levels deep and 16 KB
 * as JSON, so whatever is accepted can always be stored, served and exported again.
 */
export const metadataSchema = z.record(z.string(), z.unknown(), { error: 'must be a mapping' }).superRefine((value, ctx) => {
  if (isDeeperThan(value, maxMetadataDepth)) {
    ctx.addIssue({ code: 'custom', message: `must nest at most ${maxMetadataDepth} levels` });
  } else if (Buffer.byteLength(JSON.stringify(value)) > maxMetadataBytes) {
    ctx.addIssue({ code: 'custom', message: `must be at most ${maxMetadataBytes / 1024} KB as JSON` });
  }
});
