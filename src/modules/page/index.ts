export type { Page, PageSettings } from './page.ts';
export { pageSettingsSchema, isTimeZone, timeZoneSchema, localeSchema, webUrlSchema } from './page.ts';
export { getPage } from './get-page.ts';
export { ensurePage, type NewPage } from './ensure-page.ts';
export { updatePageSettings, pageChangesSchema, type PageChanges } from './update-page-settings.ts';
export { findPage, insertPage, updatePageRow } from './page-store.ts';
export { brandColourUses, brandContrastProblem, contrastRatio, minimumContrast, type BrandColour } from './brand-contrast.ts';
