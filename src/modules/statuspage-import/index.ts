export { importStatuspage, readStatuspage, type ImportResult } from './import-statuspage.ts';
export { statuspageToPageFile, type StatuspageDocuments } from './statuspage-page-file.ts';
