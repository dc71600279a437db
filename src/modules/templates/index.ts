export * from './template.ts';
export { createTemplate } from './create-template.ts';
export { updateTemplate } from './update-template.ts';
export { deleteTemplate } from './delete-template.ts';
export { listTemplates, getTemplate } from './list-templates.ts';
export { findTemplate } from './template-store.ts';
export { automaticIncidentWords, type AutomaticIncidentWords } from './automatic-incident.ts';
