/**
 * Field weights of catalog entities on top of the engine defaults (title ×2, keywords ×2,
 * body ×1): skills and shared capabilities say what someone does; affiliation and industry names
 * are context.
 * @module
 */
export const CATALOG_FIELD_WEIGHTS: Record<string, number> = {
  skills: 2,
  capabilities: 2,
  affiliation: 0.5,
  name: 1,
  industry: 0.5,
};
