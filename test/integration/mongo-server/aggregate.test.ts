/** Aggregation pipelines through mongoose's Model.aggregate and the driver. */
import { Schema, type Model } from 'mongoose';
import { connectTestDb, type TestDb } from '../../support/db';

interface Report {
  county: string;
  category: string;
  severity: number;
  createdAt: Date;
  tags: string[];
  contact?: string;
}

let m: TestDb;
let ReportModel: Model<Report>;

beforeAll(async () => {
  m = await connectTestDb('aggregate');
  ReportModel = m.conn.model<Report>('Report', new Schema<Report>({ county: String, category: String, severity: Number, createdAt: Date, tags: [String], contact: String }));
  await ReportModel.init();
  await ReportModel.insertMany([
    { county: 'Nairobi', category: 'violence', severity: 5, createdAt: new Date('2027-08-09T06:00:00Z'), tags: ['urgent', 'police'] },
    { county: 'Nairobi', category: 'bribery', severity: 2, createdAt: new Date('2027-08-09T09:30:00Z'), tags: ['police'], contact: '0700' },
    { county: 'Mombasa', category: 'violence', severity: 4, createdAt: new Date('2027-08-10T12:00:00Z'), tags: ['urgent'] },
    { county: 'Kisumu', category: 'intimidation', severity: 3, createdAt: new Date('2027-08-10T18:45:00Z'), tags: [] },
    { county: 'Nairobi', category: 'intimidation', severity: 1, createdAt: new Date('2027-08-11T07:15:00Z'), tags: ['follow-up'] },
  ]);
});

afterAll(async () => {
  await m.drop();
});

describe('aggregate', () => {
  it('refuses a $limit that is not positive, as MongoDB does (countDocuments with limit 0 becomes one)', async () => {
    await expect(ReportModel.aggregate([{ $match: {} }, { $limit: 0 }])).rejects.toThrow('the limit must be positive');
    await expect(ReportModel.countDocuments({}).limit(0).exec()).rejects.toThrow('the limit must be positive');
    expect(await ReportModel.countDocuments({}).limit(2).exec()).toBe(2);
  });

  it('runs $match, $group with accumulators and $sort', async () => {
    const rows = await ReportModel.aggregate<{ _id: string; n: number; total: number; avg: number; max: number; min: number }>([
      { $match: { severity: { $gte: 1 } } },
      { $group: { _id: '$county', n: { $sum: 1 }, total: { $sum: '$severity' }, avg: { $avg: '$severity' }, max: { $max: '$severity' }, min: { $min: '$severity' } } },
      { $sort: { n: -1, _id: 1 } },
    ]);
    expect(rows).toEqual([
      { _id: 'Nairobi', n: 3, total: 8, avg: 8 / 3, max: 5, min: 1 },
      { _id: 'Kisumu', n: 1, total: 3, avg: 3, max: 3, min: 3 },
      { _id: 'Mombasa', n: 1, total: 4, avg: 4, max: 4, min: 4 },
    ]);
  });

  it('runs $count', async () => {
    expect(await ReportModel.aggregate([{ $match: { category: 'violence' } }, { $count: 'violent' }])).toEqual([{ violent: 2 }]);
  });

  it('runs $project with $dateToString, $cond and $ifNull', async () => {
    const rows = await ReportModel.aggregate([
      { $sort: { createdAt: 1 } },
      { $limit: 2 },
      {
        $project: {
          _id: 0,
          day: { $dateToString: { format: '%Y-%m-%d %H:%M', date: '$createdAt' } },
          level: { $cond: [{ $gte: ['$severity', 4] }, 'high', 'low'] },
          contact: { $ifNull: ['$contact', 'none'] },
        },
      },
    ]);
    expect(rows).toEqual([
      { day: '2027-08-09 06:00', level: 'high', contact: 'none' },
      { day: '2027-08-09 09:30', level: 'low', contact: '0700' },
    ]);
  });

  it('groups by local day with a $dateToString timezone offset', async () => {
    const rows = await ReportModel.aggregate([
      { $group: { _id: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt', timezone: '+03:00' } }, n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(rows).toEqual([
      { _id: '2027-08-09', n: 2 },
      { _id: '2027-08-10', n: 2 },
      { _id: '2027-08-11', n: 1 },
    ]);
  });

  it('runs $unwind, $skip, $first and $push', async () => {
    const rows = await ReportModel.aggregate([
      { $sort: { createdAt: 1 } },
      { $unwind: '$tags' },
      { $group: { _id: '$tags', first: { $first: '$county' }, counties: { $push: '$county' } } },
      { $sort: { _id: 1 } },
      { $skip: 1 },
    ]);
    expect(rows).toEqual([
      { _id: 'police', first: 'Nairobi', counties: ['Nairobi', 'Nairobi'] },
      { _id: 'urgent', first: 'Nairobi', counties: ['Nairobi', 'Mombasa'] },
    ]);
  });

  it('runs $facet and $addFields', async () => {
    const [facets] = await ReportModel.aggregate<{ total: { n: number }[]; worst: { county: string; doubled: number }[] }>([
      { $addFields: { doubled: { $multiply: ['$severity', 2] } } },
      {
        $facet: {
          total: [{ $count: 'n' }],
          worst: [{ $sort: { severity: -1 } }, { $limit: 1 }, { $project: { _id: 0, county: 1, doubled: 1 } }],
        },
      },
    ]);
    expect(facets).toEqual({ total: [{ n: 5 }], worst: [{ county: 'Nairobi', doubled: 10 }] });
  });

  it('does not let pipeline stages change stored documents', async () => {
    await ReportModel.aggregate([{ $addFields: { county: 'changed' } }, { $unwind: '$tags' }]);
    expect(await ReportModel.countDocuments({ county: 'changed' })).toBe(0);
  });

  it('counts with countDocuments (an aggregate under the hood)', async () => {
    expect(await ReportModel.countDocuments({ county: 'Nairobi' })).toBe(3);
    expect(await ReportModel.countDocuments({ county: 'Nowhere' })).toBe(0);
  });

  it('aggregates an empty or missing collection to nothing', async () => {
    const rows = await m.conn.db!.collection('nothing_here').aggregate([{ $group: { _id: null, n: { $sum: 1 } } }]).toArray();
    expect(rows).toEqual([]);
  });
});
