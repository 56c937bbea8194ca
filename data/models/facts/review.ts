import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface ReviewFields {
  repo: string;
  reviewId: number;
  prNumber?: number;
  author?: string;
  state?: string;
  commitId?: string;
  submittedAt?: Date;
  url?: string;
}

export const defineReviewModel = (connection: Connection) =>
  defineFactModel<ReviewFields>(
    connection,
    'Review',
    'reviews',
    ['repo', 'reviewId'],
    {
      repo: { type: String, required: true },
      reviewId: { type: Number, required: true },
      prNumber: Number,
      author: String,
      state: String,
      commitId: String,
      submittedAt: Date,
      url: String,
    },
    // Author first: the reviews a member submitted, for their standup draft.
    [
      { repo: 1, prNumber: 1 },
      { author: 1, submittedAt: -1 },
    ],
  );
