export * from './component.ts';
export * from './overall-status.ts';
export * from './component-schemas.ts';
export { createComponent } from './create-component.ts';
export { createComponentGroup } from './create-component-group.ts';
export { updateComponent } from './update-component.ts';
export { updateComponentGroup } from './update-component-group.ts';
export { moveComponent } from './move-component.ts';
export { deleteComponent } from './delete-component.ts';
export { listComponentsInOrder } from './list-components.ts';
export {
  listComponents,
  findComponent,
  findComponentForUpdate,
  insertComponent,
  saveComponent,
  recordStatusChange,
  listStatusChanges,
  deleteComponentRow,
} from './component-store.ts';
export { mirrorThirdPartyStatuses, type SourceReading } from './mirror-third-party-statuses.ts';
export {
  holdMirroredStatus,
  releaseMirroredStatus,
  holdMirroredStatusSchema,
  type HoldMirroredStatusInput,
} from './hold-mirrored-status.ts';
