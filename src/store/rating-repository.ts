import { Schema, Types, type Connection, type Model } from 'mongoose';
import { RATINGS, type Rating } from '../domain';

type Id = Types.ObjectId | string;
const oid = (id: Id) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/**
 * A reporter's one-tap answer after their ticket closed. It holds the report's id (one answer
 * per report), its category and the answer: nothing about the reporter, so the results can be
 * counted for anonymous reports too without anyone learning who answered what.
 */
export interface RatingDoc {
  _id: Types.ObjectId;
  reportId: Types.ObjectId;
  category: string;
  rating: Rating;
  at: Date;
}

export const ratingSchema = new Schema<RatingDoc>({
  reportId: { type: Schema.Types.ObjectId, required: true, unique: true },
  category: { type: String, required: true },
  rating: { type: String, enum: RATINGS, required: true },
  at: { type: Date, required: true },
});
ratingSchema.index({ at: -1, category: 1 }); // supervisors: results per category for a period

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

export class RatingRepository {
  private readonly Rating: Model<RatingDoc>;

  constructor(conn: Connection) {
    this.Rating = conn.models.Rating ?? conn.model<RatingDoc>('Rating', ratingSchema, 'ratings');
  }

  ready(): Promise<void> {
    return this.Rating.init().then(() => undefined);
  }

  /** Keeps the first answer only: `recorded` once, `already` for every later (or simultaneous) tap. */
  async record(reportId: Id, category: string, rating: Rating, at = new Date()): Promise<'recorded' | 'already'> {
    try {
      const res = await this.Rating.updateOne({ reportId: oid(reportId) }, { $setOnInsert: { category, rating, at } }, { upsert: true });
      return res.upsertedCount === 1 ? 'recorded' : 'already';
    } catch (err) {
      // Two taps at once: the unique index lets one insert win.
      if (isDuplicateKey(err)) return 'already';
      throw err;
    }
  }

  findByReport(reportId: Id): Promise<RatingDoc | null> {
    return this.Rating.findOne({ reportId: oid(reportId) }).lean<RatingDoc>().exec();
  }

  /** Counts per category and answer, for answers given in [from, to). */
  async counts(range: { from?: Date; to?: Date } = {}, maxTimeMS = 5000): Promise<{ category: string; rating: Rating; count: number }[]> {
    const at: Record<string, Date> = {};
    if (range.from) at.$gte = range.from;
    if (range.to) at.$lt = range.to;
    const match = Object.keys(at).length ? { at } : {};
    const rows = await this.Rating.aggregate<{ _id: { category: string; rating: Rating }; count: number }>([
      { $match: match },
      { $group: { _id: { category: '$category', rating: '$rating' }, count: { $sum: 1 } } },
    ]).option({ maxTimeMS });
    return rows.map((r) => ({ category: r._id.category, rating: r._id.rating, count: r.count }));
  }
}
