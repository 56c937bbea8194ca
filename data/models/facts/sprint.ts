import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface SprintFields {
  sprintId: number;
  name?: string;
  state?: 'future' | 'active' | 'closed';
  boardId?: number;
  goal?: string;
  startDate?: Date;
  endDate?: Date;
  completeDate?: Date;
  deleted?: boolean;
}

export const defineSprintModel = (connection: Connection) =>
  defineFactModel<SprintFields>(connection, 'Sprint', 'sprints', ['sprintId'], {
    sprintId: { type: Number, required: true },
    name: String,
    state: String,
    boardId: Number,
    goal: String,
    startDate: Date,
    endDate: Date,
    completeDate: Date,
    deleted: Boolean,
  });
