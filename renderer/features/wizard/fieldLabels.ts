// The labels live in shared/domain (one table for main and the renderer).
export { DRAFT_SECTION_LABELS as FIELD_LABELS } from '../../../shared/domain/draftLabels';
