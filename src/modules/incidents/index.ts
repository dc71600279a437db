export * from './incident.ts';
export * from './incident-schemas.ts';
export { openIncident } from './open-incident.ts';
export { createIncident } from './create-incident.ts';
export { reviseIncident } from './revise-incident.ts';
export { postIncidentUpdate } from './post-incident-update.ts';
export { editIncidentUpdate } from './edit-incident-update.ts';
export { updateIncident } from './update-incident.ts';
export { translateIncident } from './translate-incident.ts';
export { deleteIncident } from './delete-incident.ts';
export { scheduleMaintenance } from './schedule-maintenance.ts';
export { savePostmortemDraft, publishPostmortem, revertPostmortem, deletePostmortem } from './postmortem.ts';
export { queryIncidents, getIncident } from './list-incidents.ts';
export {
  listIncidents,
  findIncident,
  insertIncident,
  insertIncidentUpdate,
  saveIncident,
  countIncidents,
  replaceIncidentComponents,
  deleteIncidentRow,
  deleteIncidentUpdateRow,
  type IncidentFilter,
} from './incident-store.ts';
export { rescheduleMaintenance } from './reschedule-maintenance.ts';
export {
  planMaintenanceJobs,
  remindMaintenanceIfDue,
  startMaintenanceIfDue,
  completeMaintenanceIfDue,
  planOpenMaintenances,
  maintenanceJobs,
  type MaintenanceJobPayload,
} from './maintenance-automation.ts';
export { maintenanceJobHandlers, maintenanceRecurringJobs } from './maintenance-jobs.ts';
