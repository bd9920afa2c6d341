import { Schema, Types, type Connection, type Model } from 'mongoose';

type Id = Types.ObjectId | string;
const oid = (id: Id) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/** A ready answer agents pick on a ticket; both languages always present (src/domain/saved-replies.ts). */
export interface SavedReplyDoc {
  _id: Types.ObjectId;
  title: string;
  text: { en: string; sw: string };
  createdBy: Types.ObjectId;
  updatedBy: Types.ObjectId;
  /** Deleted replies are kept (hidden) so the audit trail can still name them. */
  deletedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const SAVED_REPLY_ACTIONS = ['created', 'updated', 'deleted'] as const;
export type SavedReplyAction = (typeof SAVED_REPLY_ACTIONS)[number];

/** Who changed which saved reply, and what it said after the change (or when deleted). */
export interface SavedReplyEventDoc {
  _id: Types.ObjectId;
  replyId: Types.ObjectId;
  action: SavedReplyAction;
  agentId: Types.ObjectId;
  title: string;
  text: { en: string; sw: string };
  at: Date;
}

const textSchema = new Schema({ en: { type: String, required: true }, sw: { type: String, required: true } }, { _id: false });

export const savedReplySchema = new Schema<SavedReplyDoc>(
  {
    title: { type: String, required: true },
    text: { type: textSchema, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    updatedBy: { type: Schema.Types.ObjectId, required: true },
    deletedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
savedReplySchema.index({ deletedAt: 1, title: 1 }); // the list, by title

export const savedReplyEventSchema = new Schema<SavedReplyEventDoc>({
  replyId: { type: Schema.Types.ObjectId, required: true },
  action: { type: String, enum: SAVED_REPLY_ACTIONS, required: true },
  agentId: { type: Schema.Types.ObjectId, required: true },
  title: { type: String, required: true },
  text: { type: textSchema, required: true },
  at: { type: Date, required: true, default: () => new Date() },
});
savedReplyEventSchema.index({ replyId: 1, at: 1 });

export interface SavedReplyFields {
  title: string;
  en: string;
  sw: string;
}

/** Saved replies and their audit trail. Rules (who may, what is valid) are the service's and the domain's. */
export class SavedReplyRepository {
  private readonly Reply: Model<SavedReplyDoc>;
  private readonly Event: Model<SavedReplyEventDoc>;

  constructor(conn: Connection) {
    this.Reply = conn.models.SavedReply ?? conn.model<SavedReplyDoc>('SavedReply', savedReplySchema, 'saved_replies');
    this.Event = conn.models.SavedReplyEvent ?? conn.model<SavedReplyEventDoc>('SavedReplyEvent', savedReplyEventSchema, 'saved_reply_events');
  }

  async ready(): Promise<void> {
    await Promise.all([this.Reply.init(), this.Event.init()]);
  }

  /** The replies in use, by title. */
  list(): Promise<SavedReplyDoc[]> {
    return this.Reply.find({ deletedAt: null }).sort({ title: 1, _id: 1 }).lean<SavedReplyDoc[]>().exec();
  }

  findById(id: Id): Promise<SavedReplyDoc | null> {
    return this.Reply.findOne({ _id: oid(id), deletedAt: null }).lean<SavedReplyDoc>().exec();
  }

  async create(fields: SavedReplyFields, agentId: Id): Promise<SavedReplyDoc> {
    const doc = (await this.Reply.create({ title: fields.title, text: { en: fields.en, sw: fields.sw }, createdBy: oid(agentId), updatedBy: oid(agentId) })).toObject();
    await this.audit(doc, 'created', agentId);
    return doc;
  }

  /** Null when there is no such reply (or it was deleted meanwhile). */
  async update(id: Id, fields: SavedReplyFields, agentId: Id): Promise<SavedReplyDoc | null> {
    const doc = await this.Reply.findOneAndUpdate({ _id: oid(id), deletedAt: null }, { $set: { title: fields.title, text: { en: fields.en, sw: fields.sw }, updatedBy: oid(agentId) } }, { returnDocument: 'after' })
      .lean<SavedReplyDoc>()
      .exec();
    if (doc) await this.audit(doc, 'updated', agentId);
    return doc;
  }

  async remove(id: Id, agentId: Id): Promise<SavedReplyDoc | null> {
    const doc = await this.Reply.findOneAndUpdate({ _id: oid(id), deletedAt: null }, { $set: { deletedAt: new Date(), updatedBy: oid(agentId) } }, { returnDocument: 'after' })
      .lean<SavedReplyDoc>()
      .exec();
    if (doc) await this.audit(doc, 'deleted', agentId);
    return doc;
  }

  history(id: Id): Promise<SavedReplyEventDoc[]> {
    return this.Event.find({ replyId: oid(id) }).sort({ at: 1, _id: 1 }).lean<SavedReplyEventDoc[]>().exec();
  }

  private async audit(doc: SavedReplyDoc, action: SavedReplyAction, agentId: Id): Promise<void> {
    await this.Event.create({ replyId: doc._id, action, agentId: oid(agentId), title: doc.title, text: doc.text, at: new Date() });
  }
}
