import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * The CODEOWNERS file of one repository branch (`code_owners_files`), `_id` `${tenantId}|${repo}|${ref}`: where
 * GitHub found it, its blob sha and text, and when it was last checked. `path` null: the branch has none.
 */
export interface CodeOwnersFileFields {
  _id: string;
  tenantId: string;
  repo: string;
  ref: string;
  path: string | null;
  sha: string | null;
  text: string | null;
  checkedAt: Date;
}

export type CodeOwnersFileModel = Model<CodeOwnersFileFields>;

const codeOwnersFileSchema = new Schema<CodeOwnersFileFields>(
  {
    _id: { type: String, required: true },
    repo: { type: String, required: true },
    ref: { type: String, required: true },
    path: { type: String, default: null },
    sha: { type: String, default: null },
    text: { type: String, default: null },
    checkedAt: { type: Date, required: true },
  },
  { collection: 'code_owners_files', versionKey: false },
);
codeOwnersFileSchema.plugin(tenantScoped);
codeOwnersFileSchema.index({ tenantId: 1, repo: 1, ref: 1 }, { unique: true });

export function defineCodeOwnersFileModel(connection: Connection): CodeOwnersFileModel {
  return connection.model<CodeOwnersFileFields>('CodeOwnersFile', codeOwnersFileSchema);
}
