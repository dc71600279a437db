export { importStatuspage, readStatuspage, type ImportResult } from './import-statuspage.ts';
export { statuspageToPageFile, type StatuspageDocuments } from './statuspage-page-file.ts';
export { importStatuspageManageApi, readManageApi, defaultManageApiUrl, type ManageApiSource } from './import-statuspage-v1.ts';
