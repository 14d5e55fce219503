// The server's V8 heap cap, used by `npm start` and by the benchmarks that run the server.
// Imports stream and keep little alive (about 60 MB over idle for 100,000 rows); without a cap
// V8 lets garbage pile up to several hundred MB before collecting. A cap keeps the process's
// footprint predictable beside the embedded database, which lives outside this heap.
export const SERVER_HEAP_FLAG = '--max-old-space-size=320';
