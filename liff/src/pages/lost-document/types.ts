// The JSON of the lost-document API: the server's types, defined once in bot/contracts/liff-api.ts.
export type {
  DocumentTypeInfo,
  FormInfo,
  ReportDetail,
  ReportItem,
  ReportSummary,
  SubmitResult,
} from '@contracts/liff-api.js'
