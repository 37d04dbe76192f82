/**
 * What the Graph pipeline reports of each request (benchmarks and the request log read it).
 * Its own module so that the token source and the exchange can both use it without a cycle.
 */

/** One HTTP exchange with Graph or the token service; bytes are body bytes. */
export interface GraphRequestInfo {
  method: string;
  url: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
}
