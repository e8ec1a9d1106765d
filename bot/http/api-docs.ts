import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { UnauthorizedError } from '../errors.js'

/** The error body of every API error (bot/errors.ts); declared on routes so the docs show it. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageTh: z.string().optional(),
    details: z.unknown().optional(),
  }),
  reqId: z.string(),
})

/** Error statuses an officer route may answer, for its `response` schema. */
export const adminErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  429: errorSchema,
} as const

export const API_DOCS_PATH = '/api/admin/docs'

export type ApiDocsOptions = {
  publicBaseUrl: string
  /** Whether this request may read the docs (an officer session); the answer is 401 otherwise. */
  allow(req: FastifyRequest): Promise<boolean>
}

/**
 * OpenAPI for the JSON API at /api/admin/docs (UI) and /api/admin/docs/json, generated from the routes' zod schemas,
 * for officers only: it maps every route an attacker would probe. Under /api/admin so the officers' session cookie
 * (path /api/admin) travels with it; /api/docs redirects there. Call it on the root instance before any route is
 * registered: @fastify/swagger collects routes as they are added. Only /api/* is documented (the webhook, pages and
 * the LINE emulator are not part of the API).
 */
export async function registerApiDocs(app: FastifyInstance, opts: ApiDocsOptions): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rayong City Police Station OA: API',
        version: '1',
        description:
          'Officers: POST /api/admin/auth/session with `Authorization: Bearer <LINE ID token>` (LIFF_ID_ADMIN), then ' +
          'use the `rsz_admin` cookie or `Authorization: Session <token>`. Citizens (LIFF): `Authorization: Bearer ' +
          '<LINE ID token>`. Errors: `{ error: { code, message, messageTh?, details? }, reqId }`. Dates: ISO 8601 (UTC).',
      },
      servers: [{ url: opts.publicBaseUrl }],
      components: {
        securitySchemes: {
          lineIdToken: { type: 'http', scheme: 'bearer', description: 'LINE ID token from liff.getIDToken()' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'rsz_admin' },
          sessionHeader: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Session <token>' },
        },
      },
      tags: [
        { name: 'admin-auth', description: 'officers: sign-in, access requests' },
        { name: 'admin-officers', description: 'officers and roles' },
        { name: 'admin-audit', description: 'the audit log' },
        { name: 'admin-station', description: 'station information, message templates, LINE groups' },
        { name: 'admin-privacy', description: "citizens' PDPA requests: erasure or refusal" },
        { name: 'admin-consultations', description: 'consultations: office hours, holidays, topics, common answers' },
        { name: 'admin-households', description: "households: the zone's address list, coverage, areas, the list" },
        { name: 'liff', description: "the citizen's LIFF app" },
      ],
    },
    transform: (args) =>
      args.url.startsWith('/api/')
        ? jsonSchemaTransform(args)
        : { schema: { ...args.schema, hide: true }, url: args.url },
  })
  await app.register(swaggerUi, {
    routePrefix: API_DOCS_PATH,
    uiHooks: {
      onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
        reply.header('cache-control', 'no-store')
        if (!(await opts.allow(req))) {
          throw new UnauthorizedError('officer session required', 'กรุณาเข้าสู่ระบบเจ้าหน้าที่')
        }
      },
    },
  })
  const moved = { schema: { hide: true } }
  app.get('/api/docs', moved, async (_req, reply) => reply.redirect(API_DOCS_PATH, 301))
  app.get<{ Params: { '*': string } }>('/api/docs/*', moved, async (req, reply) =>
    reply.redirect(`${API_DOCS_PATH}/${encodeURI(req.params['*'])}`, 301),
  )
}
