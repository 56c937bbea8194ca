import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../db/duplicate-key.ts';
import type { StandupAnswerFields, StandupAnswerModel } from '../models/standup-answer.ts';
import type { StandupFields, StandupModel } from '../models/standup.ts';
import {
  accountKey,
  type ChatAccount,
  type Standup,
  type StandupAnswer,
  type StandupSettings,
  type StandupStore,
} from '../../handlers/standup/types.ts';

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** `st_` and 8 characters people can type back (`/standup edit st_k3m9x2qa`): no 0/o or 1/l. */
export function newStandupId(): string {
  const bytes = randomBytes(8);
  return `st_${Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('')}`;
}

function toStandup({ _id, createdAt, updatedAt, ...fields }: StandupFields): Standup {
  return {
    ...fields,
    id: _id,
    memberSource: fields.memberSource,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

function toAnswer({ submittedAt, editedAt, ...fields }: StandupAnswerFields): StandupAnswer {
  return {
    tenantId: fields.tenantId,
    standupId: fields.standupId,
    date: fields.date,
    member: { tool: fields.member.tool, handle: fields.member.handle },
    ...(fields.displayName ? { displayName: fields.displayName } : {}),
    answers: fields.answers,
    submittedAt: submittedAt.toISOString(),
    ...(editedAt ? { editedAt: editedAt.toISOString() } : {}),
    late: fields.late,
  };
}

const memberFilter = (member: ChatAccount) => ({
  'member.tool': member.tool,
  'member.handle': member.handle,
});

/** Standups and their answers in `standups` and `standup_answers`; no transactions (FerretDB v1). */
export function createStandupStore(Standup: StandupModel, StandupAnswer: StandupAnswerModel): StandupStore {
  const read = async (tenantId: string, id: string) => {
    const document = await Standup.findOne({ tenantId, _id: id }).lean<StandupFields>();
    return document ? toStandup(document) : undefined;
  };

  return {
    async create(tenantId, settings: StandupSettings, now) {
      const document = await Standup.create({
        ...settings,
        _id: newStandupId(),
        tenantId,
        paused: false,
        createdAt: now,
        updatedAt: now,
      });
      return toStandup(document.toObject<StandupFields>());
    },

    async update(tenantId, id, changes, now) {
      const document = await Standup.findOneAndUpdate(
        { tenantId, _id: id },
        { $set: { ...changes, updatedAt: now } },
        { returnDocument: 'after' },
      ).lean<StandupFields>();
      return document ? toStandup(document) : undefined;
    },

    get: read,

    async list(tenantId) {
      const documents = await Standup.find({ tenantId }).sort({ name: 1 }).lean<StandupFields[]>();
      return documents.map(toStandup);
    },

    async remove(tenantId, id) {
      const { deletedCount } = await Standup.deleteOne({ tenantId, _id: id });
      // The answers go with the standup: nobody can read them once it is gone.
      if (deletedCount > 0) await StandupAnswer.deleteMany({ tenantId, standupId: id });
      return deletedCount > 0;
    },

    /**
     * Insert first; the unique index turns a second submission into a duplicate key, which becomes an edit:
     * the answers change, the first submission's time and lateness stay, `editedAt` is set.
     */
    async saveAnswer(answer) {
      const submittedAt = new Date(answer.submittedAt);
      try {
        await StandupAnswer.create({ ...answer, submittedAt, editedAt: null });
        return { created: true };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      await StandupAnswer.updateOne(
        {
          tenantId: answer.tenantId,
          standupId: answer.standupId,
          date: answer.date,
          ...memberFilter(answer.member),
        },
        {
          $set: {
            answers: answer.answers,
            editedAt: answer.editedAt ? new Date(answer.editedAt) : submittedAt,
            ...(answer.displayName ? { displayName: answer.displayName } : {}),
          },
        },
      );
      return { created: false };
    },

    async answersOf(tenantId, standupId, date) {
      const documents = await StandupAnswer.find({ tenantId, standupId, date })
        .sort({ submittedAt: 1 })
        .lean<StandupAnswerFields[]>();
      return documents.map(toAnswer);
    },

    async lastAnswerBefore(tenantId, standupId, member, date) {
      const document = await StandupAnswer.findOne({
        tenantId,
        standupId,
        ...memberFilter(member),
        date: { $lt: date },
      })
        .sort({ date: -1 })
        .lean<StandupAnswerFields>();
      return document ? toAnswer(document) : undefined;
    },

    async lastSubmittedBefore(tenantId, standupId, members, date) {
      const last = new Map<string, { date: string; submittedAt: string }>();
      if (members.length === 0) return new Map();
      const wanted = new Set(members.map(accountKey));
      const handles = [...new Set(members.map((member) => member.handle))];
      const documents = await StandupAnswer.find(
        {
          tenantId,
          standupId,
          'member.handle': handles.length === 1 ? handles[0] : { $in: handles },
          date: { $lt: date },
        },
        { member: 1, date: 1, submittedAt: 1 },
      ).lean<Pick<StandupAnswerFields, 'member' | 'date' | 'submittedAt'>[]>();
      for (const { member, date: day, submittedAt } of documents) {
        const key = accountKey({ tool: member.tool, handle: member.handle });
        const seen = last.get(key);
        if (wanted.has(key) && (!seen || day > seen.date))
          last.set(key, { date: day, submittedAt: submittedAt.toISOString() });
      }
      return new Map([...last].map(([key, { submittedAt }]) => [key, submittedAt]));
    },
  };
}
