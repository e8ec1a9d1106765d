// The owner's API shapes, shared with the server (bot/contracts/house-watch.ts).
export type {
  OwnerVisit,
  OwnerWatch,
  OwnerWatchDetail as WatchDetail,
} from '@contracts/house-watch.js'
