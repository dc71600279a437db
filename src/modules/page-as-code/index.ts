export { applyPageFile, type ApplyResult } from './apply-page-file.ts';
export { exportPageFile } from './export-page-file.ts';
export { parsePageFile, type ParsedPageFile } from './parse-page-file.ts';
export { listExamples, loadExample } from './load-example.ts';
