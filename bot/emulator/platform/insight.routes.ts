import type { FastifyInstance } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { badRequest } from '../spec/line-errors.js'

const UNIT = /^[a-zA-Z0-9_]{1,30}$/
const DATE = /^\d{8}$/
/** LINE's default page of unit names (the `limit` query parameter, at most 100). */
const DEFAULT_UNITS_PAGE = 30

/**
 * Statistics LINE keeps for the OA: the followers count (insight.yml getNumberOfFollowers), the statistics per
 * customAggregationUnit (getStatisticsPerUnit) and this month's unit names and count (messaging-api.yml). The
 * emulator has no LINE apps that open messages: a unit's impressions are the recipients it reached, clicks 0.
 */
export function insightRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { state } = ctx

  app.get('/insight/followers', async (req) => {
    const { date } = req.query as { date?: string }
    if (date !== undefined && !DATE.test(date)) {
      throw badRequest("The value for the 'date' parameter is invalid")
    }
    const users = [...state.users.values()]
    const friends = users.filter((u) => u.friendship === 'friend').length
    const blocks = users.filter((u) => u.friendship === 'blocked').length
    return { status: 'ready', followers: friends + blocks, targetedReaches: friends, blocks }
  })

  app.get('/insight/message/event/aggregation', async (req) => {
    const q = req.query as { customAggregationUnit?: string; from?: string; to?: string }
    if (!q.customAggregationUnit || !UNIT.test(q.customAggregationUnit)) {
      throw badRequest("The value for the 'customAggregationUnit' parameter is invalid")
    }
    if (!q.from || !DATE.test(q.from) || !q.to || !DATE.test(q.to) || q.to < q.from) {
      throw badRequest("The value for the 'from' or 'to' parameter is invalid")
    }
    const unit = state.aggregationUnits.get(q.customAggregationUnit)
    const reached = unit?.recipients ?? 0
    return {
      overview: {
        uniqueImpression: reached,
        uniqueClick: 0,
        uniqueMediaPlayed: 0,
        uniqueMediaPlayed100Percent: 0,
      },
      messages: unit
        ? [
            {
              seq: 1,
              impression: reached,
              mediaPlayed: null,
              mediaPlayed25Percent: null,
              mediaPlayed50Percent: null,
              mediaPlayed75Percent: null,
              mediaPlayed100Percent: null,
              uniqueImpression: reached,
              uniqueMediaPlayed: null,
              uniqueMediaPlayed25Percent: null,
              uniqueMediaPlayed50Percent: null,
              uniqueMediaPlayed75Percent: null,
              uniqueMediaPlayed100Percent: null,
            },
          ]
        : [],
      clicks: [],
    }
  })

  app.get('/message/aggregation/info', async () => ({ numOfCustomAggregationUnits: state.aggregationUnits.size }))

  app.get('/message/aggregation/list', async (req) => {
    const q = req.query as { limit?: string; start?: string }
    const limit = q.limit === undefined ? DEFAULT_UNITS_PAGE : Number(q.limit)
    const start = q.start === undefined ? 0 : Number(q.start)
    if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(start) || start < 0) {
      throw badRequest("The value for the 'limit' or 'start' parameter is invalid")
    }
    const names = [...state.aggregationUnits.keys()]
    const page = names.slice(start, start + limit)
    return {
      customAggregationUnits: page,
      ...(start + limit < names.length ? { next: String(start + limit) } : {}),
    }
  })
}
